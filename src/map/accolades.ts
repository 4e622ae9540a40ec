// Accolades mapper: one statement per accolades-table row on the film — P166 award received or P1411 nominated for — with work, recipients, body, placement and the result as written.
import type { Accolade, FilmFacts } from '../facts/model.js';
import { decimal, integer, partialDate, string } from '../literals.js';
import type { NamedNode, Quad } from '../rdf.js';
import { fkg, pq, schema, type Pid } from '../vocab.js';
import { Emitter, type MapContext, type Mapper, type Qualifier } from './emit.js';

/** How a row's result maps: the property, and the ranking when the result is a placement. */
export interface ResultMapping {
  readonly pid: Extract<Pid, 'P166' | 'P1411'>;
  readonly ranking?: number;
}

/**
 * Won and 1st Place → P166 (award received). Runner-up and Nth Place (N > 1) → P1411 (nominated
 * for) with P1352 ranking: the award went to someone else, so "received" would be false; the
 * ranking keeps the place. Nominated, Pending and Shortlisted → P1411. (docs/graph-model.md.)
 */
export function resultMapping(a: Pick<Accolade, 'result' | 'placement'>): ResultMapping {
  if (a.result === 'Won') return { pid: 'P166' };
  const place = /^(\d+)(?:st|nd|rd|th) Place$/.exec(a.result);
  if (place) {
    const n = Number(place[1]);
    return { pid: n === 1 ? 'P166' : 'P1411', ranking: n };
  }
  // The facts give the runner-up's placement (2); a runner-up is second by definition.
  if (a.result === 'Runner-up') return { pid: 'P1411', ranking: a.placement ?? 2 };
  return { pid: 'P1411' };
}

function awardNodes(e: Emitter, a: Accolade): { body: NamedNode; award: NamedNode } {
  const body = e.named(e.iri.awardBody(a.body), fkg.AwardBody, a.body);
  e.link(body, 'award-body', a.body);
  const name = `${a.body}: ${a.category}`;
  const award = e.entity(e.iri.award(a.body, a.category), fkg.Award, name);
  e.text(award, schema.name, a.category);
  e.add(award, fkg.awardBody, body);
  e.link(award, 'award', name);
  return { body, award };
}

/** Maps every accolades-table row (docs/graph-model.md, "Accolades"). */
export function mapAccolades(facts: FilmFacts, context: MapContext): Quad[] {
  const e = new Emitter(facts, context);
  for (const a of facts.accolades) {
    const { body, award } = awardNodes(e, a);
    const { pid, ranking } = resultMapping(a);
    const recipientProperty = pid === 'P166' ? pq.P1346 : pq.P2453;
    const qualifiers: Qualifier[] = [
      [pq.P1686, e.film],
      [fkg.awardBody, body],
      [fkg.resultAsWritten, string(a.result)],
      [fkg.accoladeRow, integer(a.row)],
    ];
    for (const name of a.recipients) qualifiers.push([recipientProperty, e.person(name)]);
    // A recipient cell that names the film itself (no decision needed): the film is the winner or nominee.
    if (a.recipientSource === 'film' && !a.decision) qualifiers.push([recipientProperty, e.film]);
    if (ranking !== undefined) qualifiers.push([pq.P1352, decimal(String(ranking))]);
    if (a.date !== undefined) qualifiers.push([pq.P585, partialDate(a.date)]);
    // The work the row is for, when its cell names one besides the film (a song): a second "for work".
    if (a.work !== undefined) {
      const work = e.named(e.iri.inFilm(e.slug, 'work', a.work), schema.MusicComposition, a.work);
      qualifiers.push([pq.P1686, work]);
    }
    // A row whose recipient cell no rule or curation settles keeps its statement, marked, without a guessed recipient.
    if (a.recipientSource === 'needs-review') qualifiers.push([fkg.needsReview, string(`recipients: ${a.candidates?.length ? `candidates ${a.candidates.map((c) => `${c.rule} → ${c.recipients.join(', ')}`).join('; ')}` : 'no recipient cell and no rule applies'}`)]);
    e.statement(e.film, pid, award, [a], { qualifiers });
    if (pid === 'P166') {
      const who = a.recipients.length > 0 ? ` (${a.recipients.join(', ')})` : '';
      e.text(e.film, schema.award, `${a.body}: ${a.category}${who}`);
    }
  }
  return e.quads;
}

/** The accolades mapper, for the registry. */
export const accoladesMapper: Mapper = { name: 'accolades', map: mapAccolades };
