// The graph stage: runs every mapper of the registry over every film's facts, removes duplicate triples and sorts them.
import type { FilmFacts } from './facts/model.js';
import { FilmkgError } from './errors.js';
import { IriMinter, DEFAULT_BASE } from './iri.js';
import type { Mapper } from './map/emit.js';
import { MAPPERS } from './map/registry.js';
import type { Quad, Term } from './rdf.js';
import { compactIri, rdf } from './vocab.js';

/** Options of buildGraph. */
export interface GraphOptions {
  /** Base of the graph's IRIs (default https://filmkg.example/). */
  readonly base?: string;
  /** The mappers to run (default: all of src/map/registry.ts). */
  readonly mappers?: readonly Mapper[];
}

/** A term's sort and identity key: IRIs by value, literals by value, language and datatype. */
export function termKey(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}>`;
    case 'Literal':
      return `"${term.value}"@${term.language}^^${term.datatype.value}`;
    case 'BlankNode':
      return `_:${term.value}`;
    default:
      return term.termType;
  }
}

/** Code-unit order of two strings: the same on every machine (localeCompare depends on the ICU locale). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const TYPE = rdf.type.value;

/**
 * Sorts triples so that writers give byte-identical output: by subject, then predicate with
 * rdf:type first (so Turtle opens each subject with `a`), then object.
 */
export function sortQuads(quads: readonly Quad[]): Quad[] {
  const keyed = quads.map((q) => ({
    q,
    s: q.subject.value,
    p: q.predicate.value === TYPE ? '' : q.predicate.value,
    o: termKey(q.object),
  }));
  keyed.sort((x, y) => compare(x.s, y.s) || compare(x.p, y.p) || compare(x.o, y.o));
  return keyed.map((k) => k.q);
}

/** Removes repeated triples (keeps the first of each). */
export function dedupe(quads: Iterable<Quad>): Quad[] {
  const seen = new Set<string>();
  const out: Quad[] = [];
  for (const q of quads) {
    const key = `${q.subject.value} ${q.predicate.value} ${termKey(q.object)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(q);
  }
  return out;
}

/** Maps one film's facts with every mapper (unsorted, may hold duplicates). */
export function mapFilm(facts: FilmFacts, minter: IriMinter, mappers: readonly Mapper[] = MAPPERS): Quad[] {
  const out: Quad[] = [];
  const context = { iri: minter };
  for (const mapper of mappers) {
    for (const q of mapper.map(facts, context)) out.push(q);
  }
  return out;
}

/**
 * Builds one graph of all `films`: every mapper over every film, duplicates removed (a person in two
 * films is one node with one set of triples), sorted. Two films with one slug are refused.
 */
export function buildGraph(films: readonly FilmFacts[], options: GraphOptions = {}): Quad[] {
  const minter = new IriMinter(options.base ?? DEFAULT_BASE);
  const slugs = new Set<string>();
  const all: Quad[] = [];
  films.forEach((facts, i) => {
    if (slugs.has(facts.source.slug)) {
      throw new FilmkgError('INVALID_FACTS', 'two films have the same slug', { place: { path: `films[${i}].source.slug` }, expected: 'a slug no other film has', found: facts.source.slug });
    }
    slugs.add(facts.source.slug);
    for (const q of mapFilm(facts, minter, options.mappers)) all.push(q);
  });
  return sortedUnique(all);
}

/**
 * The same as `sortQuads(dedupe(quads))`, in one pass: sorted by the keys of sortQuads, then each run of equal keys
 * (the same triple: the predicate key stands for the predicate) kept once, its first (the sort is stable).
 */
export function sortedUnique(quads: readonly Quad[]): Quad[] {
  const keyed = quads.map((q) => ({
    q,
    s: q.subject.value,
    p: q.predicate.value === TYPE ? '' : q.predicate.value,
    o: termKey(q.object),
  }));
  keyed.sort((x, y) => compare(x.s, y.s) || compare(x.p, y.p) || compare(x.o, y.o));
  const out: Quad[] = [];
  let last: (typeof keyed)[number] | undefined;
  for (const k of keyed) {
    if (last !== undefined && last.s === k.s && last.p === k.p && last.o === k.o) continue;
    out.push(k.q);
    last = k;
  }
  return out;
}

/** Counts for a build summary. */
export interface GraphStats {
  readonly triples: number;
  /** Distinct subjects per rdf:type, by compact type name (`schema:Person`), sorted by name. */
  readonly entitiesByType: ReadonlyArray<readonly [string, number]>;
}

/** Counts triples and typed subjects. */
export function graphStats(quads: readonly Quad[]): GraphStats {
  const byType = new Map<string, Set<string>>();
  for (const q of quads) {
    if (q.predicate.value !== TYPE) continue;
    const type = compactIri(q.object.value);
    let set = byType.get(type);
    if (!set) byType.set(type, (set = new Set()));
    set.add(q.subject.value);
  }
  const entitiesByType = [...byType.entries()].map(([t, s]) => [t, s.size] as const).sort((a, b) => compare(a[0], b[0]));
  return { triples: quads.length, entitiesByType };
}
