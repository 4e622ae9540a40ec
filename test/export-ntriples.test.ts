// The N-Triples serializer writes what N3's canonical N-Triples writer writes, byte for byte; the streaming writer gives the same graph as the in-memory build.
import { DataFactory, Parser, Writer } from 'n3';
import { describe, expect, test } from 'vitest';
import { NTriplesSerializer, ntriplesLines, toNTriples } from '../src/export/ntriples.js';
import { streamNTriples, streamNTriplesBytes } from '../src/export/ntriples-stream.js';
import { buildGraph, mapFilm } from '../src/graph.js';
import { DEFAULT_BASE, IriMinter } from '../src/iri.js';
import { langString, string } from '../src/literals.js';
import type { FilmFacts } from '../src/facts/model.js';
import type { Mapper } from '../src/map/emit.js';
import { MAPPERS } from '../src/map/registry.js';
import { dataFactory, literal, namedNode, triple, type Quad } from '../src/rdf.js';
import { prov, rdf } from '../src/vocab.js';
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

/**
 * The stream as it was first written (whole lines: a set of shared lines, each film's lines grouped by written subject
 * and sorted as text): what the faster stream must give byte for byte, on any terms.
 */
function streamByWholeLines(films: Iterable<FilmFacts>, write: (chunk: string) => void, mappers?: readonly Mapper[]): number {
  const minter = new IriMinter(DEFAULT_BASE);
  const serializer = new NTriplesSerializer();
  const sharedLines = new Set<string>();
  const contentNamed = new Set<string>();
  let written = 0;
  for (const facts of films) {
    const groups = new Map<string, string[]>();
    const newContentNamed: string[] = [];
    const keep = (q: Quad, rest: string): void => {
      const subject = serializer.subject(q);
      const group = groups.get(subject);
      if (group) group.push(rest);
      else groups.set(subject, [rest]);
    };
    for (const q of mapFilm(facts, minter, mappers)) {
      const subject = q.subject.value;
      if (minter.isFilmScoped(subject)) keep(q, serializer.rest(q));
      else if (minter.isContentNamed(subject)) {
        if (contentNamed.has(subject) && q.predicate.value !== prov.wasDerivedFrom.value) continue;
        newContentNamed.push(subject);
        keep(q, serializer.rest(q));
      } else {
        const rest = serializer.rest(q);
        const line = `${serializer.subject(q)} ${rest}`;
        if (sharedLines.has(line)) continue;
        sharedLines.add(line);
        keep(q, rest);
      }
    }
    for (const s of newContentNamed) contentNamed.add(s);
    let chunk = '';
    for (const subject of [...groups.keys()].sort()) {
      let previous = '';
      for (const rest of (groups.get(subject) as string[]).sort()) {
        if (rest !== previous) {
          chunk += `${subject} ${rest}`;
          written++;
        }
        previous = rest;
      }
    }
    write(chunk);
  }
  return written;
}

const B = DEFAULT_BASE;
const n = (iri: string) => namedNode(iri);
const XSD_STRING = n('http://www.w3.org/2001/XMLSchema#string');

/**
 * Terms that sort close to one another: predicates with common prefixes, literals whose text is a prefix of another's
 * (`"a"`, `"a"@en`, `"a"@en-us`, `"a"^^<…>`, `"a b"`), IRIs that extend others, blank nodes, an IRI and a blank node of
 * one value, equal lines twice; a shared node, a content-named node every film writes (its later films add only their
 * derivations), and film-scoped ones. `hostile` adds what makes a term's end ambiguous: spaces and `>` inside IRIs and
 * blank node labels, a predicate that is another's text followed by a space.
 */
function trickyMapper(hostile: (slug: string) => boolean): Mapper {
  return {
    name: 'tricky',
    map(facts) {
      const slug = facts.source.slug;
      const out: Quad[] = [];
      const shared = n(`${B}person/Tricky`);
      const film = n(`${B}film/${slug}/tricky`);
      const statement = n(`${B}statement/P1-tricky`);
      const predicates = ['http://ex.org/p', 'http://ex.org/pa', 'http://ex.org/p/a', 'http://ex.org/p0', 'http://ex.org/']
        .concat(hostile(slug) ? ['http://ex.org/p> <http://ex.org/q', 'http://ex.org/p x', 'http://ex.org/p>'] : [])
        .map(n);
      const objects = [
        string('a'), literal('a', XSD_STRING), langString('a', 'en'), langString('a', 'en-us'), literal('a', n('http://ex.org/dt')), literal('a', n('http://ex.org/dt2')),
        string('a b'), string('ab'), string('a"b'), string('a\\b'), string('a\nb'), string(''), string(' '), string('!'),
        n('http://ex.org/o'), n('http://ex.org/o/1'), n('http://ex.org/o1'), n('http://ex.org/o#'), dataFactory.blankNode('b1'), dataFactory.blankNode('b10'),
        string(`only in ${slug}`), n(`${B}film/${slug}`),
        ...(hostile(slug) ? [n('http://ex.org/o> x'), n('http://ex.org/o x'), dataFactory.blankNode('b 1'), literal('a', 'en x'), literal('a', n('http://ex.org/dt> x'))] : []),
      ];
      for (const subject of [shared, film, dataFactory.blankNode('s'), n('s')]) {
        for (const p of predicates) for (const o of objects) out.push(triple(subject, p, o));
      }
      out.push(triple(film, predicates[0] as never, objects[0] as never)); // the same line again
      out.push(triple(statement, rdf.type, n('http://wikiba.se/ontology#Statement')));
      out.push(triple(statement, n('http://www.wikidata.org/prop/statement/P1'), string('x')));
      out.push(triple(statement, prov.wasDerivedFrom, n(`${B}reference/${slug}`)));
      out.push(triple(statement, prov.wasDerivedFrom, n(`${B}reference/common`)));
      out.reverse(); // no help from the order the lines come in
      return out;
    },
  };
}

describe('streaming N-Triples, byte for byte', () => {
  const copies = (k: number) => Array.from({ length: k }, (_, i) => ({ ...richFacts(), source: { ...richFacts().source, slug: `leaving-las-vegas-${i}` } }));
  const run = (stream: typeof streamNTriples, films: FilmFacts[], mappers: readonly Mapper[]) => {
    const chunks: string[] = [];
    const count = stream(films, (c) => chunks.push(c), { mappers });
    return { chunks, count };
  };
  const byWholeLines = (films: FilmFacts[], mappers: readonly Mapper[]) => {
    const chunks: string[] = [];
    const count = streamByWholeLines(films, (c) => chunks.push(c), mappers);
    return { chunks, count };
  };

  test('the same chunks as whole lines sorted as text, on real films and on terms that sort close', () => {
    const films = [...copies(3), fictionalFacts()];
    for (const mappers of [MAPPERS, [...MAPPERS, trickyMapper(() => false)]]) {
      const expected = byWholeLines(films, mappers);
      expect(expected.count).toBeGreaterThan(1000);
      expect(run(streamNTriples, films, mappers)).toEqual(expected);
    }
  });

  test('as bytes: each film the UTF-8 of its string chunk, also when a film spans several buffers or a term is ambiguous', () => {
    const films = [...copies(3), fictionalFacts()];
    for (const mappers of [MAPPERS, [...MAPPERS, trickyMapper((slug) => slug.endsWith('-1'))]]) {
      const expected = run(streamNTriples, films, mappers);
      expect(expected.chunks.join('')).toMatch(/[^\x00-\x7f]/); // the bytes differ from the characters
      for (const chunkBytes of [undefined, 4096, 64]) {
        const chunks: Uint8Array[] = [];
        const count = streamNTriplesBytes(films, (c) => chunks.push(c), { mappers, ...(chunkBytes ? { chunkBytes } : {}) });
        expect(count).toBe(expected.count);
        if (chunkBytes === undefined) expect(chunks.map((c) => Buffer.from(c).toString('utf8'))).toEqual(expected.chunks);
        else expect(chunks.length).toBeGreaterThan(expected.chunks.length);
        // Kept chunks are never written again, and each ends at a line end.
        expect(Buffer.concat(chunks).equals(Buffer.from(expected.chunks.join(''), 'utf8'))).toBe(true);
        for (const c of chunks) expect(c[c.length - 1]).toBe(0x0a);
      }
    }
  });

  test('the same chunks when a term with a space or an inner `>` turns up, before or after films without one', () => {
    const films = copies(4);
    for (const hostile of [(slug: string) => slug.endsWith('-2'), () => true]) {
      const mappers = [...MAPPERS, trickyMapper(hostile)];
      expect(run(streamNTriples, films, mappers)).toEqual(byWholeLines(films, mappers));
    }
  });

  test('the serializer notes exactly the terms whose end is ambiguous; a whole built graph has none', () => {
    const plain = new NTriplesSerializer();
    for (const q of buildGraph([richFacts(), fictionalFacts()])) plain.line(q);
    for (const t of [n('http://ex.org/a%20b'), string('a b >'), langString('a', 'en-us'), dataFactory.blankNode('b1'), literal('x', n('http://ex.org/dt'))]) plain.term(t);
    expect(plain.ambiguous).toBe(false);
    for (const t of [n('http://ex.org/a b'), n('http://ex.org/a>b'), dataFactory.blankNode('b 1'), literal('a', 'en x'), literal('a', n('http://ex.org/d t'))]) {
      const s = new NTriplesSerializer();
      s.term(t);
      expect(s.ambiguous, JSON.stringify(t)).toBe(true);
    }
  });
});
