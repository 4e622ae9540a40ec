// Reception mapper: aggregator scores (AggregateRating; one P444 statement per figure with P447/P459/P7887), critic reviews and best-of lists.
import type { FilmFacts, ReviewScore } from '../facts/model.js';
import { decimal, integer, string } from '../literals.js';
import type { Quad } from '../rdf.js';
import { REVIEW_METHODS, fkg, pq, schema } from '../vocab.js';
import { Emitter, type MapContext, type Mapper, type Qualifier } from './emit.js';

function mapScore(e: Emitter, s: ReviewScore): void {
  const aggregator = e.organization(s.aggregator, undefined, ['aggregator', 'organisation']);
  const rating = e.entity(e.iri.inFilm(e.slug, 'rating', s.aggregator, s.method), schema.AggregateRating, `${s.aggregator} ${s.method}: ${s.score}`);
  e.add(rating, schema.author, aggregator);
  // A letter grade (CinemaScore) is text; a figure is a decimal with its best value.
  e.add(rating, schema.ratingValue, s.value !== undefined ? decimal(s.value) : string(s.score));
  if (s.best !== undefined) e.add(rating, schema.bestRating, decimal(s.best));
  if (s.reviewCount !== undefined) e.add(rating, schema.reviewCount, integer(s.reviewCount));
  if (s.consensus !== undefined) e.text(rating, schema.ratingExplanation, s.consensus);
  if (s.verdict !== undefined) e.text(rating, schema.ratingExplanation, s.verdict);
  e.derive(rating, s);
  e.add(e.film, schema.aggregateRating, rating);

  const qualifiers: Qualifier[] = [
    [pq.P447, aggregator],
    [pq.P459, s.method === 'grade' ? fkg.LetterGrade : e.item(REVIEW_METHODS[s.method])],
  ];
  // Wikidata writes P7887 as a quantity: its simple value is an xsd:decimal.
  if (s.reviewCount !== undefined) qualifiers.push([pq.P7887, decimal(String(s.reviewCount))]);
  e.statement(e.film, 'P444', string(s.score), [s], { qualifiers });
}

/** Maps review scores, critics' reviews and best-of lists (docs/graph-model.md, "Reception"). */
export function mapReception(facts: FilmFacts, context: MapContext): Quad[] {
  const e = new Emitter(facts, context);
  for (const s of facts.reviewScores) mapScore(e, s);

  for (const r of facts.reviews) {
    const id = e.iri.hash([r.critic, r.publication ?? '', r.quote ?? '', r.summary ?? '']);
    const review = e.entity(e.iri.inFilm(e.slug, 'review', r.critic, id), schema.Review, `Review by ${r.critic}${r.publication !== undefined ? ` (${r.publication})` : ''}`);
    e.add(review, schema.itemReviewed, e.film);
    e.add(review, schema.author, e.person(r.critic));
    if (r.publication !== undefined) e.add(review, schema.publisher, e.organization(r.publication));
    if (r.quote !== undefined) e.text(review, schema.reviewBody, r.quote);
    if (r.summary !== undefined) e.text(review, schema.description, r.summary);
    if (r.rating !== undefined) {
      // The critic's own rating, with its scale as written ("four stars out of five"): a schema:Rating node.
      const rating = e.entity(e.iri.inFilm(e.slug, 'review', r.critic, id, 'rating'), schema.Rating, `${r.critic}: ${r.rating.text}`);
      e.add(rating, schema.ratingValue, decimal(r.rating.value));
      e.add(rating, schema.bestRating, decimal(r.rating.best));
      e.add(rating, schema.author, e.person(r.critic));
      e.derive(rating, r);
      e.add(review, schema.reviewRating, rating);
    }
    e.derive(review, r);
    e.add(e.film, schema.review, review);
  }

  for (const b of facts.bestOfLists) {
    const list = e.named(e.iri.list(b.author, b.list), schema.ItemList, b.list);
    e.add(list, schema.author, e.person(b.author));
    const entry = e.entity(e.iri.inFilm(e.slug, 'list-entry', b.author, b.list), schema.ListItem, `${facts.title.value} in ${b.author}'s ${b.list}`);
    e.add(entry, schema.item, e.film);
    if (b.rank !== undefined) e.add(entry, schema.position, integer(b.rank));
    e.add(list, schema.itemListElement, entry);
    e.derive(entry, b);
  }
  return e.quads;
}

/** The reception mapper, for the registry. */
export const receptionMapper: Mapper = { name: 'reception', map: mapReception };
