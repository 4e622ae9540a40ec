// Film mapper: the Movie node itself — title, class, year, poster, running time, countries, languages, genres, production details.
import type { FilmFacts } from '../facts/model.js';
import { decimal, duration, gYear, integer, langString, partialDate, string } from '../literals.js';
import type { Quad } from '../rdf.js';
import { fkg, schema, wikibase } from '../vocab.js';
import { Emitter, LABEL_LANGUAGE, type MapContext, type Mapper, type Source } from './emit.js';

/** Maps the film's own description (see docs/graph-model.md, "Film"). */
export function mapFilm(facts: FilmFacts, context: MapContext): Quad[] {
  const e = new Emitter(facts, context);
  const film = e.named(e.film, schema.Movie, facts.title.value);
  e.link(film, 'film', facts.title.value);
  e.add(film, schema.subjectOf, e.article);
  // The film's page under the base (films/{slug}.html, written by `filmkg build`, answered by `filmkg serve`).
  e.add(film, schema.url, e.iri.filmPage(e.slug));

  e.statement(film, 'P1476', langString(facts.title.value, LABEL_LANGUAGE), [facts.title]);
  // "… is a 1995 American drama film": the lead's year and genre say what the work is.
  const classSources: Source[] = [facts.year, ...facts.genres].filter((s): s is NonNullable<typeof s> => s !== undefined);
  e.statement(film, 'P31', e.item('Q11424'), classSources.length > 0 ? classSources : [facts.title]);

  if (facts.year) e.add(film, schema.dateCreated, gYear(facts.year.value));

  if (facts.image) {
    const image = e.entity(e.iri.wikiFile(facts.source.url, facts.image.file), schema.ImageObject, facts.image.file);
    // The image's own URL (the file page is a wiki page about it): what pages show and search engines read.
    e.add(image, schema.contentUrl, e.iri.wikiFileUrl(facts.source.url, facts.image.file));
    if (facts.image.caption !== undefined) e.text(image, schema.caption, facts.image.caption);
    e.derive(image, facts.image);
    e.add(film, schema.image, image);
  }

  if (facts.runningTime) {
    const rt = facts.runningTime;
    e.add(film, schema.duration, duration(rt.duration));
    const minute = e.named(e.iri.unit('minute'), fkg.Unit, 'minute');
    const amount = decimal(String(rt.minutes));
    e.statement(film, 'P2047', amount, [rt], {
      valueNode: [
        [wikibase.quantityAmount, amount],
        [wikibase.quantityUnit, minute],
      ],
    });
  }

  for (const c of facts.countries) {
    const place = e.place(c.value, true);
    e.add(film, schema.countryOfOrigin, place);
    e.statement(film, 'P495', place, [c]);
  }
  for (const l of facts.languages) {
    const language = e.language(l.value);
    e.add(film, schema.inLanguage, language);
    e.statement(film, 'P364', language, [l]);
  }
  for (const g of facts.genres) {
    const genre = e.named(e.iri.genre(g.value), schema.DefinedTerm, g.value);
    e.link(genre, 'genre', g.value);
    e.text(film, schema.genre, g.value);
    e.statement(film, 'P136', genre, [g]);
  }

  for (const fact of facts.production) {
    switch (fact.kind) {
      case 'film-format':
        e.text(film, fkg.filmFormat, fact.value);
        if (fact.insteadOf !== undefined) e.text(film, fkg.filmFormatInsteadOf, fact.insteadOf);
        break;
      case 'shooting-days':
        e.add(film, fkg.shootingDays, integer(fact.value));
        break;
      case 'source-author-death': {
        // The novel's author: his death date is a fact about the (global) person.
        const author = e.person(fact.value);
        if (fact.date !== undefined) e.add(author, schema.deathDate, partialDate(fact.date));
        break;
      }
      default:
        // score-composer → people mapper; marketing-spend → money mapper; 'other' has no graph term.
        break;
    }
  }
  mapBasedOn(e);
  return e.quads;
}

/** The work the film is based on: a Book when the text calls it a novel, else a CreativeWork. */
function mapBasedOn(e: Emitter): void {
  const b = e.facts.basedOn;
  if (!b) return;
  const work = e.named(e.iri.work(b.title, b.author), b.form === 'novel' ? schema.Book : schema.CreativeWork, b.title);
  e.link(work, 'work', b.title);
  e.derive(work, b);
  e.add(e.film, schema.isBasedOn, work);
  e.statement(e.film, 'P144', work, [b]);
  if (b.author !== undefined) {
    const author = e.person(b.author);
    e.add(work, schema.author, author);
    e.statement(work, 'P50', author, [b]);
  }
  if (b.year !== undefined) e.add(work, schema.datePublished, gYear(b.year));
  for (const d of b.descriptors) e.add(work, schema.keywords, string(d));
  if (b.form !== undefined) {
    const form = e.named(e.iri.form(b.form), schema.DefinedTerm, b.form);
    e.statement(work, 'P7937', form, [b]);
  }
}

/** The film mapper, for the registry. */
export const filmMapper: Mapper = { name: 'film', map: mapFilm };
