// Graph comparison for tests: parse expected Turtle with the project's prefixes, and compare graphs as graphs (canonical N-Quads), not as lines.
import jsonld from 'jsonld';
import { DataFactory, Parser, Writer } from 'n3';
import type { Quad, Term } from '../../src/rdf.js';
import { DEFAULT_BASE } from '../../src/iri.js';
import { NS } from '../../src/vocab.js';

const PROLOGUE = Object.entries(NS)
  .map(([prefix, iri]) => `@prefix ${prefix}: <${iri}> .`)
  .join('\n');

/** Parses Turtle written with the vocabulary's prefixes and relative IRIs against the default base. */
export function parseTurtle(text: string, base: string = DEFAULT_BASE): Quad[] {
  return new Parser({ baseIRI: base }).parse(`${PROLOGUE}\n${text}`);
}

/** Content-named nodes (statements, references, value nodes) become blank nodes, so expected Turtle can write them as `[ … ]`. */
const HASHED = /^(statement|reference|value)\//;

function anonymise(term: Term, base: string): Term {
  if (term.termType === 'NamedNode' && term.value.startsWith(base) && HASHED.test(term.value.slice(base.length))) {
    return DataFactory.blankNode(term.value.slice(base.length).replace(/[^A-Za-z0-9]/g, '_'));
  }
  return term;
}

/** Replaces content-named IRIs with blank nodes. */
export function anonymiseHashed(quads: readonly Quad[], base: string = DEFAULT_BASE): Quad[] {
  return quads.map((q) =>
    DataFactory.quad(anonymise(q.subject, base) as Quad['subject'], q.predicate, anonymise(q.object, base) as Quad['object']),
  );
}

/** The canonical N-Quads (RDFC-1.0 / URDNA2015) of a graph: equal strings iff the graphs are isomorphic. */
export async function canonical(quads: readonly Quad[]): Promise<string> {
  const nquads = new Writer({ format: 'N-Quads' }).quadsToString([...quads]);
  const options = { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' } as const;
  return jsonld.canonize(nquads as unknown as jsonld.JsonLdDocument, options);
}

/** Canonical forms of `actual` (content-named nodes anonymised) and of the expected Turtle, for `expect(a).toBe(b)`. */
export async function compareToTurtle(actual: readonly Quad[], expectedTurtle: string): Promise<{ actual: string; expected: string }> {
  return { actual: await canonical(anonymiseHashed(dedupeQuads(actual))), expected: await canonical(parseTurtle(expectedTurtle)) };
}

/** Set semantics for a quad list. */
export function dedupeQuads(quads: readonly Quad[]): Quad[] {
  const seen = new Map<string, Quad>();
  const writer = new Writer({ format: 'N-Triples' });
  for (const q of quads) seen.set(writer.quadToString(q.subject, q.predicate, q.object), q);
  return [...seen.values()];
}

/** The sorted N-Triples lines of a graph without blank nodes: two such graphs are isomorphic iff these are equal. */
export function tripleSet(quads: Iterable<Quad>): string[] {
  const writer = new Writer({ format: 'N-Triples' });
  const lines = new Set<string>();
  for (const q of quads) {
    if (q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode') throw new Error('tripleSet: the graph has a blank node');
    lines.add(writer.quadToString(q.subject, q.predicate, q.object));
  }
  return [...lines].sort();
}
