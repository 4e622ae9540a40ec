// The specialised JSON-LD writer (src/export/jsonld-writer.ts) against jsonld.js itself, the reference it must equal byte
// for byte: on the bundled film, every corpus article's graph, a generated many-films graph, and random graphs assembled
// from the mapping's vocabulary (fast-check). On each, either the bytes are equal or the writer declined; the bundled
// film and the corpus must never decline. Then each kind of decline on its own, the fallback's output, and that writing
// the normal graph does not load jsonld.js.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CORPUS_DIRS } from '../src/eval/corpus.js';
import { graphContext } from '../src/export/context.js';
import { toJsonLd, toJsonLdDocumentByJsonLdJs } from '../src/export/jsonld.js';
import { writeJsonLd } from '../src/export/jsonld-writer.js';
import { buildGraph, sortQuads } from '../src/graph.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { factsFromText } from '../src/facts/from-text.js';
import { loadFilms } from '../src/pipeline.js';
import { dataFactory, type Quad } from '../src/rdf.js';
import { NS } from '../src/vocab.js';

const exec = promisify(execFile);
const text = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

/** jsonld.js's document for `quads` with any context: fromRDF then compact, as src/export/jsonld.ts calls them. */
async function reference(quads: readonly Quad[], context: Record<string, string>): Promise<string> {
  const expanded = await jsonld.fromRDF(sortQuads(quads) as never, { useNativeTypes: false });
  return text(await jsonld.compact(expanded, context, { skipExpansion: true }));
}

/** The writer's text, or undefined when it declined. */
function written(quads: readonly Quad[], context: Record<string, string> = graphContext()): string | undefined {
  const result = writeJsonLd(sortQuads(quads), context);
  return 'document' in result ? text(result.document) : undefined;
}

const meta = (slug: string) => ({ slug, title: slug, url: `https://filmkg.example/corpus/${slug}`, licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'corpus article' });

describe('the writer gives jsonld.js bytes on the project graphs, never declining', () => {
  test('the bundled film: equal to jsonld.js and to the golden file', async () => {
    const quads = buildGraph(await loadFilms(path.join(PROJECT_ROOT, 'data/films')));
    const mine = written(quads);
    expect(mine).toBeDefined();
    expect(mine).toBe(await reference(quads, graphContext()));
    expect(mine).toBe(readFileSync(path.join(PROJECT_ROOT, 'test/golden/leaving-las-vegas.jsonld'), 'utf8'));
  });

  const articles = CORPUS_DIRS.flatMap((dir) =>
    (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []).filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'article.txt'))).map((e) => ({ slug: e.name, file: path.join(dir, e.name, 'article.txt') })),
  );
  test('the corpus holds the articles this test walks', () => expect(articles.length).toBeGreaterThanOrEqual(30));
  test.each(articles)('corpus article $slug', async ({ slug, file }) => {
    const quads = buildGraph([factsFromText(readFileSync(file, 'utf8'), meta(slug), file)]);
    const mine = written(quads);
    expect(mine, 'declined').toBeDefined();
    expect(mine).toBe(await reference(quads, graphContext()));
  });

  describe('a generated many-films graph (bench/gen-films.js, 24 films in one graph)', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'filmkg-jsonld-'));
      await exec(process.execPath, [path.join(PROJECT_ROOT, 'bench/gen-films.js'), '--films', '24', '--out', path.join(dir, 'films'), '--seed', '3']);
    }, 120_000);
    afterAll(async () => {
      if (dir !== '') await rm(dir, { recursive: true, force: true });
    });
    test('equal bytes', async () => {
      const quads = buildGraph(await loadFilms(path.join(dir, 'films')));
      expect(quads.length).toBeGreaterThan(20_000);
      const mine = written(quads);
      expect(mine, 'declined').toBeDefined();
      expect(mine).toBe(await reference(quads, graphContext()));
    }, 120_000);
  });
});

// Random graphs from the mapping's vocabulary: the IRIs, datatypes and language tags of the bundled graph, the
// namespaces themselves, IRIs under them with odd suffixes, other schemes, blank nodes, confusable `prefix:x` IRIs,
// rdf:nil and rdf:JSON, and literals of any string.
describe('random graphs from the mapping vocabulary (fast-check)', () => {
  const f = dataFactory;
  let vocabulary: { subjects: string[]; predicates: string[]; types: string[]; datatypes: string[]; languages: string[] };
  beforeAll(async () => {
    const quads = buildGraph(await loadFilms(path.join(PROJECT_ROOT, 'data/films')));
    const uniq = (xs: Iterable<string>) => [...new Set(xs)].sort();
    vocabulary = {
      subjects: uniq(quads.map((q) => q.subject.value)).filter((_, i) => i % 7 === 0),
      predicates: uniq(quads.map((q) => q.predicate.value)),
      types: uniq(quads.filter((q) => q.predicate.value === `${NS.rdf}type`).map((q) => q.object.value)),
      datatypes: uniq(quads.flatMap((q) => (q.object.termType === 'Literal' ? [q.object.datatype.value] : []))),
      languages: uniq(quads.flatMap((q) => (q.object.termType === 'Literal' && q.object.language !== '' ? [q.object.language] : []))),
    };
  });

  const namespaces = Object.values(NS);
  // What the writer covers: the vocabulary's IRIs, IRIs under every namespace (an empty suffix, the namespace itself, is
  // covered as a subject or object), other schemes, plain blank nodes, literals of any string (lone surrogates too).
  const suffix = fc.oneof(fc.constantFrom('', 'a', 'Q1', 'P31', 'x/y', 'x#y', '%20', 'é', 'statement/P31', 'value/P2130', '/'), fc.stringMatching(/^[A-Za-z0-9_/#%.-]{1,8}$/));
  const iri = () =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...vocabulary.subjects, ...vocabulary.predicates, ...vocabulary.types) },
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...namespaces), suffix.filter((x) => x !== '')).map(([ns, s]) => ns + s) },
      { weight: 1, arbitrary: fc.constantFrom('urn:isbn:123', 'https://other.example/a', 'http://schema.org', 'mailto:a@b.example', 'http://www.wikidata.org/prop', 'https://filmkg.example/') },
    );
  const node = () =>
    fc.oneof(
      { weight: 8, arbitrary: iri().map((v) => f.namedNode(v)) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...namespaces), suffix).map(([ns, s]) => f.namedNode(ns + s)) },
      { weight: 1, arbitrary: fc.constantFrom('b0', 'b1', 'n3-7', 'x_y', 'a.b').map((v) => f.blankNode(v)) },
    );
  const literal = () =>
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 6 }).map((v) => f.literal(v)) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }).map((v) => f.literal(v)) },
      { weight: 3, arbitrary: fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...vocabulary.languages, 'en', 'en-GB', 'FR', 'x-private-tag', 'zh-Hant-TW')).map(([v, l]) => f.literal(v, l)) },
      {
        weight: 3,
        arbitrary: fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...vocabulary.datatypes, `${NS.xsd}string`, `${NS.rdf}langString`, 'https://other.example/dt', `${NS.fkg}x/y`)).map(([v, d]) => f.literal(v, f.namedNode(d))),
      },
    );
  // What it must decline, one at a time and rarely, so that most graphs are written and compared.
  const hazard = () =>
    fc.tuple(node(), fc.string({ maxLength: 3 })).chain(([s, v]) =>
      fc.constantFrom(
        f.quad(s, f.namedNode(`${NS.schema}name`), f.literal(v), f.namedNode('https://filmkg.example/graph')),
        f.quad(s, f.namedNode(`${NS.schema}itemListElement`), f.namedNode(`${NS.rdf}nil`)),
        f.quad(s, f.namedNode(`${NS.fkg}data`), f.literal('{"a":1}', f.namedNode(`${NS.rdf}JSON`))),
        f.quad(s, f.namedNode(`${NS.schema}name`), f.literal(v, 'en_US')),
        f.quad(s, f.namedNode(NS.schema), f.literal(v)),
        f.quad(s, f.namedNode(`${NS.schema}name`), f.literal(v, f.namedNode(NS.xsd))),
        f.quad(f.namedNode('schema:Movie'), f.namedNode(`${NS.schema}name`), f.literal(v)),
        f.quad(s, f.namedNode(`${NS.schema}url`), f.namedNode('http://a.example/with space')),
        f.quad(f.blankNode('bad label'), f.namedNode(`${NS.schema}name`), f.literal(v)),
      ),
    );
  const quad = () =>
    fc.oneof(
      { weight: 60, arbitrary: fc.tuple(node(), iri(), fc.oneof(node(), literal())).map(([s, p, o]) => f.quad(s, f.namedNode(p), o)) },
      { weight: 20, arbitrary: fc.tuple(node(), fc.oneof(fc.constantFrom(...vocabulary.types), node().map((n) => n.value))).map(([s, t]) => f.quad(s, f.namedNode(`${NS.rdf}type`), t.startsWith('http') || t.includes(':') ? f.namedNode(t) : f.blankNode(t))) },
      { weight: 5, arbitrary: fc.tuple(node(), literal()).map(([s, o]) => f.quad(s, f.namedNode(`${NS.rdf}type`), o)) },
      { weight: 1, arbitrary: hazard() },
    );
  // A graph: a few subjects with several values each, repeats and duplicates included, in any order.
  const graph = () => fc.array(quad(), { minLength: 0, maxLength: 24 }).chain((qs) => fc.shuffledSubarray([...qs, ...qs.slice(0, 3)], { minLength: Math.min(qs.length, 1) }));

  /** Runs the writer against jsonld.js on `runs` random graphs; returns how many it wrote and how many it declined. */
  async function compareOn(runs: number, context: () => fc.Arbitrary<Record<string, string>>): Promise<{ written: number; declined: number; reasons: Map<string, number> }> {
    const counts = { written: 0, declined: 0, reasons: new Map<string, number>() };
    await fc.assert(
      fc.asyncProperty(graph(), context(), async (quads, ctx) => {
        const result = writeJsonLd(sortQuads(quads), ctx);
        if ('declined' in result) {
          counts.declined++;
          const kind = result.declined.replace(/<[^>]*>|"[^"]*"/g, '…');
          counts.reasons.set(kind, (counts.reasons.get(kind) ?? 0) + 1);
          return;
        }
        counts.written++;
        expect(text(result.document)).toBe(await reference(quads, ctx));
      }),
      { numRuns: runs, seed: 20261202 },
    );
    return counts;
  }

  test('with the project context: equal bytes or declined, and most written', async () => {
    const counts = await compareOn(400, () => fc.constant(graphContext()));
    console.log(`project context: ${counts.written} written, ${counts.declined} declined`, Object.fromEntries(counts.reasons));
    expect(counts.written).toBeGreaterThan(counts.declined);
    expect(counts.declined).toBeGreaterThan(0);
  }, 120_000);

  test('with contexts of overlapping prefixes (ties between compact IRIs of equal length): equal bytes or declined', async () => {
    const extra = fc.dictionary(
      fc.constantFrom('s', 'sc', 'wde', 'q', 'pp', 'z', 'p2', 'schemaorg'),
      fc.constantFrom('http://schema.org/', 'http://www.wikidata.org/', 'http://www.wikidata.org/prop/statement/', 'http://www.wikidata.org/prop/statement/value/', 'https://filmkg.example/', 'https://filmkg.example/film/', 'http://schema.org/Movie', 'urn:'),
      { maxKeys: 4 },
    );
    const counts = await compareOn(300, () => extra.map((e) => ({ ...graphContext(), ...e })));
    console.log(`overlapping contexts: ${counts.written} written, ${counts.declined} declined`);
    expect(counts.written).toBeGreaterThan(counts.declined);
  }, 120_000);
});

describe('what the writer declines, and the fallback to jsonld.js', () => {
  const f = dataFactory;
  const s = f.namedNode('https://filmkg.example/film/x');
  const name = f.namedNode(`${NS.schema}name`);
  const cases: Array<[string, Quad[], Record<string, string>?]> = [
    ['a quad in a named graph', [f.quad(s, name, f.literal('x'), f.namedNode('https://filmkg.example/g'))]],
    ['rdf:nil as an object (an RDF list)', [f.quad(s, f.namedNode(`${NS.schema}itemListElement`), f.namedNode(`${NS.rdf}nil`))]],
    ['an rdf:JSON literal', [f.quad(s, name, f.literal('{"a":1}', f.namedNode(`${NS.rdf}JSON`)))]],
    ['a language tag that is not BCP 47', [f.quad(s, name, f.literal('x', 'en_US'))]],
    ['a property equal to a prefix IRI', [f.quad(s, f.namedNode(NS.schema), f.literal('x'))]],
    ['a datatype equal to a prefix IRI', [f.quad(s, name, f.literal('x', f.namedNode(NS.xsd)))]],
    ['an absolute IRI that reads as a compact IRI (jsonld.js rejects it)', [f.quad(f.namedNode('schema:Movie'), name, f.literal('x'))]],
    ['an IRI with a space', [f.quad(f.namedNode('https://filmkg.example/a b'), name, f.literal('x'))]],
    ['an odd blank node label', [f.quad(f.blankNode('a b'), name, f.literal('x'))]],
    ['a context with a term that is not a prefix', [f.quad(s, name, f.literal('x'))], { ...graphContext(), name: 'http://schema.org/name' }],
    ['a context with a coercion', [f.quad(s, name, f.literal('x'))], { ...graphContext(), ...({ n: { '@id': 'http://schema.org/name', '@type': '@id' } } as unknown as Record<string, string>) }],
  ];
  test.each(cases)('declines %s', (_, quads, context) => {
    expect('declined' in writeJsonLd(sortQuads(quads), context ?? graphContext())).toBe(true);
  });

  test('toJsonLd on a declined graph gives what jsonld.js gives', async () => {
    const quads = [f.quad(s, f.namedNode(`${NS.schema}itemListElement`), f.namedNode(`${NS.rdf}nil`)), f.quad(s, name, f.literal('x', 'en_US'))];
    const out = await toJsonLd(quads);
    expect(out).toBe(text(await toJsonLdDocumentByJsonLdJs(quads)));
    expect(out).toContain('"@list": []');
  });

  test('and writes what it covers: empty graph, one node, blank nodes, literal rdf:type, repeated values', async () => {
    const b = f.blankNode('b1');
    const cases: Quad[][] = [
      [],
      [f.quad(s, name, f.literal('x'))],
      [f.quad(b, name, f.literal('y')), f.quad(s, f.namedNode(`${NS.schema}actor`), b), f.quad(s, f.namedNode(`${NS.rdf}type`), b), f.quad(s, f.namedNode(`${NS.rdf}type`), f.literal('t'))],
      [f.quad(s, name, f.literal('x')), f.quad(s, name, f.literal('x')), f.quad(s, f.namedNode(`${NS.rdf}type`), f.namedNode(`${NS.schema}Movie`)), f.quad(s, f.namedNode(`${NS.rdf}type`), f.namedNode(`${NS.schema}Movie`))],
    ];
    for (const quads of cases) {
      const mine = written(quads);
      expect(mine).toBeDefined();
      expect(mine).toBe(await reference(quads, graphContext()));
    }
  });
});

test('writing the bundled graph does not load jsonld.js; a declined graph does', async () => {
  // A fresh process: the compiled writer on the bundled film, then jsonld.js's presence in the module cache (where
  // Node keeps every CommonJS module an ES module imported), then the same after a graph the writer declines.
  const script = `
    import { createRequire } from 'node:module';
    const { loadFilms } = await import('./dist/pipeline.js');
    const { buildGraph } = await import('./dist/graph.js');
    const { toJsonLd } = await import('./dist/export/jsonld.js');
    const { dataFactory: f } = await import('./dist/rdf.js');
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => /[\\\\/]node_modules[\\\\/]jsonld[\\\\/]/.test(k));
    const before = loaded();
    await toJsonLd(buildGraph(await loadFilms('data/films')));
    const afterWriter = loaded();
    await toJsonLd([f.quad(f.namedNode('https://filmkg.example/x'), f.namedNode('http://schema.org/name'), f.literal('x', 'en_US'))]);
    console.log(JSON.stringify({ before, afterWriter, afterFallback: loaded() }));`;
  const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT });
  expect(JSON.parse(stdout)).toEqual({ before: false, afterWriter: false, afterFallback: true });
}, 60_000);

test('bench/jsonld.js runs and prints its figures (no timing asserted)', async () => {
  const { stdout } = await exec(process.execPath, [path.join(PROJECT_ROOT, 'bench/jsonld.js'), '--runs', '2', '--process-runs', '1'], { cwd: PROJECT_ROOT });
  expect(stdout).toMatch(/^same bytes both ways in every run: yes$/m);
  expect(stdout).toMatch(/^specialised writer +[\d.]+ ms +[\d.]+ ms +[\d.]+ ms +[\d.]+ ms$/m);
  expect(stdout).toMatch(/^ratio jsonld\.js \/ writer: cold wall [\d.]+ ×, cold CPU [\d.]+ ×, warm wall [\d.]+ ×, warm CPU [\d.]+ ×$/m);
}, 120_000);
