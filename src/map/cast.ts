// Cast mapper: cast members with their characters (schema.org PerformanceRole; Wikidata P161 with P453/P4633/P1545) and the characters themselves.
import type { FilmFacts } from '../facts/model.js';
import { langString, string } from '../literals.js';
import type { NamedNode, Quad } from '../rdf.js';
import { fkg, pq, schema, skos } from '../vocab.js';
import { Emitter, LABEL_LANGUAGE, type MapContext, type Mapper, type Qualifier } from './emit.js';

/** A film's character node, with its other names as skos:altLabel. */
function character(e: Emitter, name: string, aliases: readonly string[]): NamedNode {
  const node = e.named(e.iri.inFilm(e.slug, 'character', name), fkg.Character, name);
  for (const alias of aliases) e.add(node, skos.altLabel, langString(alias, LABEL_LANGUAGE));
  e.add(e.film, schema.character, node);
  return node;
}

/** Maps the cast and characters (docs/graph-model.md, "People and roles"). */
export function mapCast(facts: FilmFacts, context: MapContext): Quad[] {
  const e = new Emitter(facts, context);
  for (const c of facts.characters) e.derive(character(e, c.name, c.aliases), { evidence: c.evidence });

  for (const member of facts.cast) {
    const person = e.person(member.actor);
    const source = { evidence: member.evidence, decision: member.decision };
    const qualifiers: Qualifier[] = [];
    if (member.order !== undefined) qualifiers.push([pq.P1545, string(String(member.order))]);
    if (member.character !== undefined) {
      const role = e.entity(e.iri.inFilm(e.slug, 'role', member.actor, member.character), schema.PerformanceRole, `${member.actor} as ${member.character}`);
      e.add(role, schema.actor, person);
      e.text(role, schema.characterName, member.character);
      e.add(e.film, schema.actor, role);
      const node = character(e, member.character, member.characterAliases);
      qualifiers.push([pq.P453, node], [pq.P4633, string(member.character)]);
    } else {
      e.add(e.film, schema.actor, person);
    }
    e.statement(e.film, 'P161', person, [source], { qualifiers });
  }

  // An infobox "Starring" credit for someone the cast list does not have still makes them a cast member.
  const inCast = new Set(facts.cast.map((m) => m.actor));
  for (const credit of facts.credits) {
    if (credit.role !== 'starring' || inCast.has(credit.person)) continue;
    const person = e.person(credit.person);
    e.add(e.film, schema.actor, person);
    e.statement(e.film, 'P161', person, [credit]);
  }
  return e.quads;
}

/** The cast mapper, for the registry. */
export const castMapper: Mapper = { name: 'cast', map: mapCast };
