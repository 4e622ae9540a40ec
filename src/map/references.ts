// References mapper: the source article revision (what every reference node's pr:P248 names) and the article's numbered references as bibliographic CreativeWork nodes.
import type { FilmFacts, Reference } from '../facts/model.js';
import { date, integer, partialDate } from '../literals.js';
import type { NamedNode, Quad } from '../rdf.js';
import { fkg, schema } from '../vocab.js';
import { Emitter, type MapContext, type Mapper } from './emit.js';

/** The article revision every fact is stated in. */
function mapArticle(e: Emitter): NamedNode {
  const src = e.facts.source;
  const article = e.entity(e.article, schema.Article, `Wikipedia article "${src.title}", ${src.revision ? `revision of ${src.revision.dateTime}` : 'revision unknown'}`);
  e.text(article, schema.name, src.title);
  e.add(article, schema.about, e.film);
  e.add(article, schema.url, e.iri.external(src.url));
  const revised = e.revision();
  if (revised) e.add(article, schema.dateModified, revised);
  e.add(article, schema.license, e.iri.external(src.licence.url));
  e.text(article, schema.creditText, src.attribution);
  return article;
}

function mapCitation(e: Emitter, article: NamedNode, r: Reference): void {
  const node = e.entity(e.iri.inFilm(e.slug, 'citation', r.number), schema.CreativeWork, r.title ?? `Reference ${r.number} of "${e.facts.source.title}"`);
  if (r.title !== undefined) {
    e.text(node, schema.name, r.title);
    e.text(node, schema.headline, r.title);
  }
  e.add(node, schema.position, integer(r.number));
  for (const author of r.authors) e.add(node, schema.author, e.person(author));
  // The publication (newspaper, website) and a named publisher are both publishers of the cited work.
  if (r.publication !== undefined) e.add(node, schema.publisher, e.organization(r.publication));
  if (r.publisher !== undefined) e.add(node, schema.publisher, e.organization(r.publisher));
  if (r.place !== undefined) e.add(node, schema.locationCreated, e.place(r.place));
  if (r.date !== undefined) e.add(node, schema.datePublished, partialDate(r.date));
  if (r.retrieved !== undefined) e.add(node, fkg.retrieved, date(r.retrieved));
  if (r.archived !== undefined) e.add(node, fkg.archived, date(r.archived));
  for (const id of r.identifiers) {
    const pv = e.entity(e.iri.inFilm(e.slug, 'citation', r.number, 'identifier', id.scheme), schema.PropertyValue, `${id.scheme} ${id.value}`);
    e.text(pv, schema.propertyID, id.scheme);
    e.text(pv, schema.value, id.value);
    e.add(node, schema.identifier, pv);
  }
  e.derive(node, r);
  e.add(article, schema.citation, node);
}

/** Maps the source article and its references (docs/graph-model.md, "References"). */
export function mapReferences(facts: FilmFacts, context: MapContext): Quad[] {
  const e = new Emitter(facts, context);
  const article = mapArticle(e);
  for (const r of facts.references) mapCitation(e, article, r);
  return e.quads;
}

/** The references mapper, for the registry. */
export const referencesMapper: Mapper = { name: 'references', map: mapReferences };
