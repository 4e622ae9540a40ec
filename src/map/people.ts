// People mapper: crew credits (director, screenplay, producers, cinematography, editing, music) as schema.org properties and Wikidata statements.
import type { CreditRole, FilmFacts } from '../facts/model.js';
import type { NamedNode, Quad } from '../rdf.js';
import { fkg, schema, type Pid } from '../vocab.js';
import { Emitter, type MapContext, type Mapper } from './emit.js';

/** How each crew role is written: schema.org properties and the Wikidata property, where one is confirmed. */
const CREDIT_ROLES = {
  director: { schema: [schema.director], pid: 'P57' },
  screenwriter: { schema: [schema.author], pid: 'P58' },
  story: { schema: [schema.author, fkg.storyBy], pid: undefined },
  producer: { schema: [schema.producer], pid: 'P162' },
  cinematographer: { schema: [schema.contributor], pid: 'P344' },
  editor: { schema: [schema.editor], pid: 'P1040' },
  composer: { schema: [schema.musicBy], pid: 'P86' },
  narrator: { schema: [schema.contributor, fkg.narrator], pid: undefined },
} as const satisfies Record<Exclude<CreditRole, 'starring'>, { schema: readonly NamedNode[]; pid: Pid | undefined }>;

/** Maps the crew credits; `starring` credits belong to the cast mapper. */
export function mapPeople(facts: FilmFacts, context: MapContext): Quad[] {
  const e = new Emitter(facts, context);
  for (const credit of facts.credits) {
    if (credit.role === 'starring') continue;
    const role = CREDIT_ROLES[credit.role];
    const person = e.person(credit.person);
    for (const property of role.schema) e.add(e.film, property, person);
    if (role.pid !== undefined) e.statement(e.film, role.pid, person, [credit]);
  }
  // "Figgis ended up … composing his own score": the score's composer is the film's composer.
  for (const fact of facts.production) {
    if (fact.kind !== 'score-composer') continue;
    const person = e.person(fact.value);
    e.add(e.film, schema.musicBy, person);
    e.statement(e.film, 'P86', person, [fact]);
  }
  return e.quads;
}

/** The people mapper, for the registry. */
export const peopleMapper: Mapper = { name: 'people', map: mapPeople };
