// The N-Triples serializer writes what N3's canonical N-Triples writer writes, byte for byte; the streaming writer gives the same graph as the in-memory build.
import { DataFactory, Parser, Writer } from 'n3';
import { describe, expect, test } from 'vitest';
import { NTriplesSerializer, ntriplesLines, toNTriples } from '../src/export/ntriples.js';
import { streamNTriples } from '../src/export/ntriples-stream.js';
import { buildGraph } from '../src/graph.js';
import { langString, string } from '../src/literals.js';
import { namedNode, triple } from '../src/rdf.js';
import { fictionalFacts } from './helpers/fictional.js';
import { tripleSet } from './helpers/graph.js';
import { richFacts } from './helpers/rich.js';

describe('N-Triples serializer', () => {
  test('same bytes as N3.Writer in N-Triples mode, on a whole graph and on hostile literals', () => {
    const s = namedNode('https://filmkg.example/film/x');
    const p = namedNode('http://schema.org/description');
    const hostile = ['quote " and backslash \\', 'line\nbreak\r\ttab', 'bell \u0007 del \u007f', 'emoji 😀 and é', 'nonchar \ufffe \uffff', '\b\f', '</script><!--'];
    const quads = [
      ...buildGraph([richFacts()]),
      ...hostile.map((text) => triple(s, p, string(text))),
      ...hostile.map((text) => triple(s, p, langString(text, 'en'))),
      triple(s, p, namedNode('https://example.org/a%20b?q=1#f')),
    ];
    const n3 = new Writer({ format: 'N-Triples' });
    const expected = quads.map((q) => n3.quadToString(q.subject, q.predicate, q.object));
    expect(ntriplesLines(quads)).toEqual(expected);
    // And every line parses back to its triple.
    const parsed = new Parser({ format: 'N-Triples' }).parse(expected.join(''));
    expect(parsed).toHaveLength(quads.length);
    expect(new NTriplesSerializer().term(DataFactory.blankNode('b1'))).toBe('_:b1');
  });

  test('toNTriples: unique lines in code-unit order, even where one subject IRI extends another', () => {
    const a = namedNode('https://filmkg.example/film/x');
    const b = namedNode('https://filmkg.example/film/x/article');
    const p = namedNode('http://schema.org/name');
    const nt = toNTriples([triple(a, p, string('1')), triple(b, p, string('2')), triple(a, p, string('1')), triple(a, p, string('0'))]);
    const lines = nt.split('\n').filter(Boolean);
    expect(lines).toEqual([...new Set(lines)].sort());
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('/film/x/article>');
  });
});

describe('streaming N-Triples', () => {
  const films = () => [richFacts(), fictionalFacts()];

  test('the same graph as the in-memory build, one sorted chunk per film, deterministic', () => {
    const chunks: string[] = [];
    const count = streamNTriples(films(), (chunk) => chunks.push(chunk));
    const text = chunks.join('');
    const expected = tripleSet(buildGraph(films()));
    expect(tripleSet(new Parser({ format: 'N-Triples' }).parse(text))).toEqual(expected);
    expect(count).toBe(expected.length);
    expect(text.split('\n').filter(Boolean)).toHaveLength(expected.length);
    expect(chunks).toHaveLength(2);
    for (const chunk of chunks) {
      const lines = chunk.split('\n').filter(Boolean);
      expect(lines).toEqual([...lines].sort());
    }
    const again: string[] = [];
    streamNTriples(films(), (chunk) => again.push(chunk));
    expect(again).toEqual(chunks);
  });

  test('a shared person is written once; a repeated film slug is refused', () => {
    const chunks: string[] = [];
    streamNTriples(films(), (chunk) => chunks.push(chunk));
    const label = '<https://filmkg.example/person/Lila_Caz%C3%A8s> <http://www.w3.org/2000/01/rdf-schema#label> "Lila Cazès"@en .';
    expect(chunks.join('').split('\n').filter((l) => l === label)).toHaveLength(1);
    expect(() => streamNTriples([richFacts(), richFacts()], () => undefined)).toThrow(/same slug/);
  });
});
