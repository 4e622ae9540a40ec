// Export round trips: the Turtle and N-Triples re-parsed by N3 and by oxigraph, and the JSON-LD turned back into RDF, are each the in-memory graph.
import jsonld from 'jsonld';
import { DataFactory, Parser } from 'n3';
import oxigraph from 'oxigraph';
import { beforeAll, describe, expect, test } from 'vitest';
import { toJsonLd } from '../src/export/jsonld.js';
import { toNTriples } from '../src/export/ntriples.js';
import { toTurtle } from '../src/export/turtle.js';
import { buildGraph } from '../src/graph.js';
import { LEXICAL_CHECKS } from '../src/literals.js';
import type { Quad } from '../src/rdf.js';
import { fictionalFacts } from './helpers/fictional.js';
import { tripleSet } from './helpers/graph.js';
import { richFacts } from './helpers/rich.js';

/** Parses with oxigraph (a second, independent parser) and returns RDF/JS quads through N3's factory. */
function viaOxigraph(text: string, format: string): Quad[] {
  const store = new oxigraph.Store();
  try {
    store.load(text, { format });
    const nt = store.dump({ format: 'application/n-triples', from_graph_name: oxigraph.defaultGraph() });
    return new Parser({ format: 'N-Triples' }).parse(nt);
  } finally {
    // oxigraph's WASM memory is only released by free(), which its type declarations omit.
    (store as unknown as { free(): void }).free();
  }
}

interface JsonLdQuadTerm {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
}

/** JSON-LD back to RDF/JS quads. */
async function fromJsonLd(text: string): Promise<Quad[]> {
  const quads = (await jsonld.toRDF(JSON.parse(text) as jsonld.JsonLdDocument)) as unknown as Array<{ subject: JsonLdQuadTerm; predicate: JsonLdQuadTerm; object: JsonLdQuadTerm }>;
  const term = (t: JsonLdQuadTerm) => {
    if (t.termType === 'NamedNode') return DataFactory.namedNode(t.value);
    if (t.termType === 'BlankNode') return DataFactory.blankNode(t.value);
    return DataFactory.literal(t.value, t.language ? t.language : DataFactory.namedNode(t.datatype?.value ?? ''));
  };
  return quads.map((q) => DataFactory.quad(term(q.subject) as Quad['subject'], term(q.predicate) as Quad['predicate'], term(q.object) as Quad['object']));
}

describe.each([
  ['one film', () => [richFacts()]],
  ['two films (one FICTIONAL)', () => [richFacts(), fictionalFacts()]],
])('round trips of %s', (_name, films) => {
  let graph: Quad[];
  let expected: string[];
  beforeAll(() => {
    graph = buildGraph(films());
    expected = tripleSet(graph);
  });

  test('the graph has no blank nodes and no duplicate triples', () => {
    expect(graph.length).toBe(expected.length);
    expect(graph.length).toBeGreaterThan(100);
  });

  test('Turtle re-parsed by N3 and by oxigraph', () => {
    const ttl = toTurtle(graph);
    expect(tripleSet(new Parser().parse(ttl))).toEqual(expected);
    expect(tripleSet(viaOxigraph(ttl, 'text/turtle'))).toEqual(expected);
  });

  test('N-Triples re-parsed by N3 and by oxigraph', () => {
    const nt = toNTriples(graph);
    expect(tripleSet(new Parser({ format: 'N-Triples' }).parse(nt))).toEqual(expected);
    expect(tripleSet(viaOxigraph(nt, 'application/n-triples'))).toEqual(expected);
  });

  test('JSON-LD turned back into RDF', async () => {
    expect(tripleSet(await fromJsonLd(await toJsonLd(graph)))).toEqual(expected);
  });

  test('every literal has a valid (canonical) lexical form for its datatype', () => {
    const bad: string[] = [];
    for (const q of graph) {
      if (q.object.termType !== 'Literal') continue;
      const lit = q.object;
      if (lit.language) {
        if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(lit.language)) bad.push(`${lit.value}@${lit.language}`);
        continue;
      }
      const check = LEXICAL_CHECKS[lit.datatype.value];
      if (!check || !check(lit.value)) bad.push(`${lit.value}^^${lit.datatype.value}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('writers', () => {
  test('N-Triples lines are sorted and unique; Turtle declares the vocabulary prefixes', () => {
    const graph = buildGraph([richFacts()]);
    const lines = toNTriples(graph).split('\n').filter(Boolean);
    expect(lines).toEqual([...new Set(lines)].sort());
    const ttl = toTurtle(graph);
    expect(ttl).toMatch(/^@prefix rdf: <http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#>\.$/m);
    expect(ttl).toMatch(/^@prefix schema: <http:\/\/schema\.org\/>\.$/m);
    expect(ttl).toMatch(/^@prefix fkg: <https:\/\/filmkg\.example\/ontology#>\.$/m);
  });

  test('the output does not depend on the order of the mappers or of the films', async () => {
    const a = buildGraph([richFacts(), fictionalFacts()]);
    const { MAPPERS } = await import('../src/map/registry.js');
    const b = buildGraph([fictionalFacts(), richFacts()], { mappers: [...MAPPERS].reverse() });
    expect(toTurtle(b)).toBe(toTurtle(a));
    expect(toNTriples(b)).toBe(toNTriples(a));
    expect(await toJsonLd(b)).toBe(await toJsonLd(a));
  });
});
