// The dataset description's rows computed in JavaScript (src/describe/rows.ts) against their definition, the
// DESCRIPTION_QUERIES run in oxigraph: the bundled film, every corpus article's graph, several films in one graph, and
// edge cases (blank-node subjects with a type, literals equal in value but not in datatype or language, an article
// without dateModified, strings that UTF-16 and code points order differently, terms the store rewrites on load).
// And `filmkg build` loads no oxigraph.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDataset, descriptionTurtle, queryRows, type DescribeOptions } from '../src/describe/dataset.js';
import { compareCodePoints, rowsOf, type DescriptionRow, type DescriptionRows } from '../src/describe/rows.js';
import { describeGraph, descriptionRows, DISTRIBUTIONS } from '../src/describe/step.js';
import { toNTriples } from '../src/export/ntriples.js';
import { buildGraph } from '../src/graph.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { factsFromText } from '../src/facts/from-text.js';
import { loadFilms } from '../src/pipeline.js';
import type { FilmFacts } from '../src/facts/model.js';
import { dataFactory, type Quad } from '../src/rdf.js';
import { OxigraphStore } from '../src/store/oxigraph.js';

const iri = (v: string) => dataFactory.namedNode(v);
const literal = (v: string, l?: string | ReturnType<typeof iri>) => dataFactory.literal(v, l);
const blankNode = (v: string) => dataFactory.blankNode(v);
const quad = (s: Quad['subject'], p: Quad['predicate'], o: Quad['object']) => dataFactory.quad(s, p, o);
const BASE = 'https://filmkg.example/';
const OPTIONS: DescribeOptions = { base: BASE, files: DISTRIBUTIONS };
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const S = 'http://schema.org/';
const TYPE = iri('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');

/** The rows as oxigraph gives them for the graph's N-Triples. */
async function storeRows(quads: readonly Quad[]): Promise<DescriptionRows> {
  const store = OxigraphStore.fromText(toNTriples(quads));
  try {
    return await queryRows(store);
  } finally {
    store.close();
  }
}

// The store names blank nodes afresh when it loads a graph: their labels are not compared.
const termKey = (t: DescriptionRow[string] | undefined): string => (t === undefined ? '' : JSON.stringify([t.type, t.type === 'bnode' ? '' : t.value, 'xml:lang' in t ? t['xml:lang'] : '', 'datatype' in t ? t.datatype : '']));
const rowKey = (r: DescriptionRow): string => Object.keys(r).sort().map((k) => `${k}=${termKey(r[k])}`).join(' ');
/** STR(?term) as the ORDER BY key (a blank node has none). */
const str = (t: DescriptionRow[string] | undefined): string => (t === undefined || t.type === 'bnode' ? '' : `${t.value}`);

/**
 * Equal rows, in the same order where the ORDER BY keys differ (SPARQL leaves rows with equal keys in any order, so
 * those are compared as a multiset).
 */
function expectSameRows(js: DescriptionRows, store: DescriptionRows): void {
  expect(js.counts).toStrictEqual(store.counts);
  expect(js.entities).toStrictEqual(store.entities);
  expect(js.properties).toStrictEqual(store.properties);
  expect(js.classes.map((r) => str(r.class))).toStrictEqual(store.classes.map((r) => str(r.class)));
  expect(js.classes.map(rowKey).sort()).toStrictEqual(store.classes.map(rowKey).sort());
  expect(js.sources.map((r) => [str(r.film), str(r.article)])).toStrictEqual(store.sources.map((r) => [str(r.film), str(r.article)]));
  expect(js.sources.map(rowKey).sort()).toStrictEqual(store.sources.map(rowKey).sort());
}

/** The rows and the void.ttl bytes of the JavaScript path against those of the queries in oxigraph. */
async function expectSameDescription(quads: readonly Quad[]): Promise<DescriptionRows> {
  const js = rowsOf(quads);
  expect(js, 'rowsOf vouches for every term of a graph filmkg builds').toBeDefined();
  expectSameRows(js as DescriptionRows, await storeRows(quads));
  // void.ttl names the classes and sources; a blank node there has the label its loader gave it (so no bytes to compare).
  const rows = js as DescriptionRows;
  if ([...rows.classes, ...rows.sources].some((r) => Object.values(r).some((t) => t.type === 'bnode'))) return rows;
  const store = OxigraphStore.fromText(toNTriples(quads));
  try {
    const { text } = await describeGraph(quads, () => toNTriples(quads), BASE);
    expect(text).toBe(descriptionTurtle(await describeDataset(store, OPTIONS)));
  } finally {
    store.close();
  }
  return js as DescriptionRows;
}

const corpusMeta = (slug: string) => ({ slug, title: slug, url: `https://filmkg.example/corpus/${slug}`, licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'corpus article' });
const CORPUS = readdirSync(path.join(PROJECT_ROOT, 'test/corpus'), { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(PROJECT_ROOT, 'test/corpus', e.name, 'article.txt')))
  .map((e) => e.name);
const corpusFacts = (slug: string): FilmFacts => {
  const file = path.join(PROJECT_ROOT, 'test/corpus', slug, 'article.txt');
  return factsFromText(readFileSync(file, 'utf8'), corpusMeta(slug), file);
};

describe('the description rows in JavaScript equal the queries in oxigraph', () => {
  let bundled: FilmFacts[];
  beforeAll(async () => {
    bundled = await loadFilms();
  });

  it('for the bundled film', async () => {
    const rows = await expectSameDescription(buildGraph(bundled));
    expect(rows.sources).toHaveLength(1);
    expect(rows.sources[0]?.modified).toStrictEqual({ type: 'literal', value: '2023-05-30T18:20:00Z', datatype: `${XSD}dateTime` });
    expect(rows.classes.length).toBeGreaterThan(20);
  });

  it.each(CORPUS)('for the corpus article %s', async (slug) => {
    await expectSameDescription(buildGraph([corpusFacts(slug)]));
  });

  it('for several films in one graph (the corpus, the fixtures and the bundled film), under another base', async () => {
    const fixtures = await loadFilms(path.join(PROJECT_ROOT, 'test/fixtures/films'));
    const films = [...bundled, ...fixtures, ...CORPUS.slice(0, 12).map(corpusFacts)];
    const quads = buildGraph(films, { base: 'https://data.example.org/kg/' });
    const rows = await expectSameDescription(quads);
    expect(rows.sources.length).toBe(films.length);
    // Films of unknown revision: rows without ?modified, as OPTIONAL leaves them.
    expect(rows.sources.some((r) => r.modified === undefined)).toBe(true);
  });

  it('counts a repeated triple once, as the store holds a set', async () => {
    const quads = buildGraph(bundled);
    const js = rowsOf([...quads, ...quads.slice(0, 100)]);
    expect(js).toStrictEqual(rowsOf(quads));
    expect(js?.counts.triples?.value).toBe(String(quads.length));
  });
});

describe('edge cases, against the queries in oxigraph', () => {
  const film = iri('http://example.org/film/a');
  const article = iri('http://example.org/film/a/article');
  const source = (a: Quad['subject'], f: Quad['object'], extra: Quad[] = []): Quad[] => [
    quad(a, TYPE, iri(`${S}Article`)),
    quad(a, iri(`${S}url`), iri('https://en.wikipedia.org/wiki/A')),
    quad(a, iri(`${S}license`), iri('https://creativecommons.org/licenses/by-sa/4.0/')),
    quad(a, iri(`${S}creditText`), literal('credit')),
    quad(a, iri(`${S}about`), f),
    ...extra,
  ];
  const movie = (f: Quad['subject'], name: string): Quad[] => [quad(f, TYPE, iri(`${S}Movie`)), quad(f, iri(`${S}name`), literal(name, 'en'))];

  it('a blank-node subject with a type counts in the class partition, not among the entities', async () => {
    const quads = [
      ...movie(film, 'A'),
      quad(blankNode('b1'), TYPE, iri(`${S}Person`)),
      quad(blankNode('b1'), TYPE, iri('http://example.org/OnlyBlank')),
      quad(iri('http://example.org/p'), TYPE, iri(`${S}Person`)),
      quad(blankNode('b2'), iri(`${S}name`), literal('x')),
    ];
    const rows = await expectSameDescription(quads);
    expect(rows.entities).toStrictEqual({ entities: { type: 'literal', value: '2', datatype: `${XSD}integer` }, classes: { type: 'literal', value: '2', datatype: `${XSD}integer` } });
    expect(rows.classes.map((r) => [r.class?.value, r.entities?.value])).toStrictEqual([
      ['http://example.org/OnlyBlank', '1'],
      [`${S}Movie`, '1'],
      [`${S}Person`, '2'],
    ]);
  });

  it('literals equal in value but not in datatype or language are distinct objects', async () => {
    const s = iri('http://example.org/s');
    const p = iri('http://example.org/p');
    const values = [literal('1', iri(`${XSD}integer`)), literal('1', iri(`${XSD}decimal`)), literal('1'), literal('1', 'en'), literal('1', 'en-gb'), literal('1', iri('http://example.org/dt')), literal('01', iri('http://example.org/dt')), literal('true', iri(`${XSD}boolean`))];
    const rows = await expectSameDescription(values.map((o) => quad(s, p, o)));
    expect(rows.counts.objects?.value).toBe(String(values.length));
    expect(rows.properties[0]?.objects?.value).toBe(String(values.length));
  });

  it('an article without dateModified gives a row without ?modified; one with two gives two rows; no Movie, no row', async () => {
    const other = iri('http://example.org/film/b');
    const third = iri('http://example.org/film/c');
    const quads = [
      ...movie(film, 'A'),
      ...source(article, film),
      ...movie(other, 'B'),
      ...source(iri('http://example.org/film/b/article'), other, [
        quad(iri('http://example.org/film/b/article'), iri(`${S}dateModified`), literal('2020-01-02T03:04:05Z', iri(`${XSD}dateTime`))),
        quad(iri('http://example.org/film/b/article'), iri(`${S}dateModified`), literal('2021-01-02T03:04:05Z', iri(`${XSD}dateTime`))),
        quad(iri('http://example.org/film/b/article'), iri(`${S}license`), iri('https://example.org/other-licence')),
      ]),
      quad(third, iri(`${S}name`), literal('C (no type)')),
      ...source(iri('http://example.org/film/c/article'), third),
      ...source(blankNode('article'), film),
    ];
    const rows = await expectSameDescription(quads);
    expect(rows.sources.map((r) => [r.article?.value, r.modified?.value ?? null])).toStrictEqual([
      ['article', null],
      ['http://example.org/film/a/article', null],
      ['http://example.org/film/b/article', '2020-01-02T03:04:05Z'],
      ['http://example.org/film/b/article', '2020-01-02T03:04:05Z'],
      ['http://example.org/film/b/article', '2021-01-02T03:04:05Z'],
      ['http://example.org/film/b/article', '2021-01-02T03:04:05Z'],
    ]);
  });

  it('orders by code point, as the store does, not by UTF-16 unit; a blank node (no STR) first', async () => {
    const s = iri('http://example.org/s');
    const classes = [literal('\u{1F600}'), literal('\uFF21'), literal('z'), blankNode('c'), iri('http://example.org/A')];
    const rows = await expectSameDescription(classes.map((c) => quad(s, TYPE, c)));
    expect(rows.classes.map((r) => r.class?.value)).toStrictEqual(['c', 'http://example.org/A', 'z', '\uFF21', '\u{1F600}']);
    expect(compareCodePoints('\uFF21', '\u{1F600}')).toBeLessThan(0);
    expect('\uFF21' < '\u{1F600}').toBe(false);
    expect(compareCodePoints('\u{1F600}', '\u{1F601}')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'abc')).toBeLessThan(0);
    expect(compareCodePoints('abc', 'abc')).toBe(0);
  });

  // Each of these the store holds otherwise than written (or may refuse): rowsOf leaves it to the store.
  const rewritten: Array<[string, Quad]> = [
    ['a non-canonical integer', quad(film, iri('http://example.org/p'), literal('053', iri(`${XSD}integer`)))],
    ['a duration of a day or more', quad(film, iri('http://example.org/p'), literal('PT25H', iri(`${XSD}duration`)))],
    ['a derived integer type', quad(film, iri('http://example.org/p'), literal('1', iri(`${XSD}int`)))],
    ['a dateTime at 24:00', quad(film, iri('http://example.org/p'), literal('2020-01-01T24:00:00Z', iri(`${XSD}dateTime`)))],
    ['a language tag with a variant', quad(film, iri('http://example.org/p'), literal('a', 'de-ch-1996'))],
    ['an IRI beyond ASCII', quad(iri('http://example.org/caf\u00e9'), iri('http://example.org/p'), literal('a'))],
  ];
  it.each(rewritten)('%s: left to the store, whose rows the build then uses', async (_name, odd) => {
    const quads = [...movie(film, 'A'), ...source(article, film), odd, quad(film, iri('http://example.org/p'), literal('1', iri(`${XSD}integer`)))];
    expect(rowsOf(quads)).toBeUndefined();
    const rows = await descriptionRows(quads, () => toNTriples(quads));
    expect(rows).toStrictEqual(await storeRows(quads));
  });

  const refused: Array<[string, Quad[]]> = [
    ['with a space', [quad(iri('http://example.org/a b'), iri('http://example.org/p'), literal('a'))]],
    ['written as a blank node label, beside that blank node', [quad(blankNode('x'), iri('http://example.org/p'), literal('a')), quad(iri('_:x'), iri('http://example.org/p'), literal('a'))]],
  ];
  it.each(refused)('an IRI the store refuses (%s) fails the description with BAD_RDF, as it did when the store computed it', async (_name, quads) => {
    expect(rowsOf(quads)).toBeUndefined();
    await expect(descriptionRows(quads, () => toNTriples(quads))).rejects.toMatchObject({ code: 'BAD_RDF' });
  });

  it('what the JavaScript path would have miscounted is counted as the store counts it', async () => {
    const p = iri('http://example.org/p');
    const quads = [quad(film, p, literal('053', iri(`${XSD}integer`))), quad(film, p, literal('53', iri(`${XSD}integer`)))];
    const rows = await descriptionRows(quads, () => toNTriples(quads));
    expect(rows.counts.triples?.value).toBe('1');
  });
});

describe('filmkg build', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'filmkg-dataset-rows-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads no oxigraph (void.ttl computed without it)', async () => {
    // Preloaded into the command's process: at exit it records the modules Node's module cache holds (the bundled CLI
    // requires oxigraph from node_modules, and ESM imports of it go through the same cache) and where WebAssembly
    // was compiled (oxigraph is WebAssembly).
    const log = path.join(dir, 'loaded.json');
    const preload = path.join(dir, 'preload.cjs');
    await writeFile(
      preload,
      `const fs = require('node:fs');\nconst Module = require('node:module');\nconst wasm = [];\nconst at = () => new Error().stack;\n` +
        `const W = globalThis.WebAssembly;\nconst Real = W.Module;\nW.Module = new Proxy(Real, { construct(t, a) { wasm.push(at()); return Reflect.construct(t, a); } });\n` +
        `for (const f of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) { const g = W[f]; if (g) W[f] = (...a) => { wasm.push(at()); return g.apply(W, a); }; }\n` +
        `process.on('exit', () => fs.writeFileSync(${JSON.stringify(log)}, JSON.stringify({ wasm, modules: Object.keys(Module._cache) })));\n`,
    );
    const run = (args: string[]) => {
      const r = spawnSync(process.execPath, ['--require', preload, path.join(PROJECT_ROOT, 'bin/filmkg.js'), ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const seen = JSON.parse(readFileSync(log, 'utf8')) as { wasm: string[]; modules: string[] };
      // WebAssembly compiled from oxigraph's code (undici, bundled, compiles its own HTTP parser: not counted).
      return { stdout: r.stdout, wasm: seen.wasm.filter((stack) => /oxigraph/.test(stack)).length, oxigraph: seen.modules.filter((m) => /oxigraph/.test(m)) };
    };
    const build = run(['build', '--force', '--out', path.join(dir, 'out')]);
    expect(build.stdout).toMatch(/dataset: void\.ttl describes the graph/);
    expect(build.oxigraph).toStrictEqual([]);
    expect(build.wasm).toBe(0);
    // The same watch sees oxigraph where a command does load it.
    const query = run(['query', '-e', 'ASK { ?s ?p ?o }', '--graph', path.join(dir, 'out', 'graph.nt')]);
    expect(query.stdout.trim()).toBe('true');
    expect(query.oxigraph).toHaveLength(1);
    expect(query.wasm).toBeGreaterThan(0);
  }, 120_000);
});
