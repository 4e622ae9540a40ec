// The library API (src/index.ts) in-process: each wrapper against the module it wraps, RDF/JS terms in answers, errors with codes.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildDataset,
  buildGraph,
  curate,
  extractArticle,
  extractArticleFile,
  extractFacts,
  FilmkgError,
  FILMS_DIR,
  loadFilm,
  openStore,
  parseCuration,
  readGraphFile,
  serialize,
  toDataset,
  validateGraph,
  type FilmFacts,
  type FilmMetadata,
  type GraphStore,
  type Quad,
} from '../src/index.js';
import { toTurtle } from '../src/export/turtle.js';

const FILM = path.join(FILMS_DIR, 'leaving-las-vegas');

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    if (error instanceof FilmkgError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('the library API', () => {
  let text: string;
  let metadata: FilmMetadata;
  let facts: FilmFacts;
  let quads: Quad[];
  let store: GraphStore;

  beforeAll(async () => {
    text = await readFile(path.join(FILM, 'article.txt'), 'utf8');
    metadata = JSON.parse(await readFile(path.join(FILM, 'metadata.json'), 'utf8')) as FilmMetadata;
    facts = await loadFilm(FILM);
    quads = buildGraph([facts]);
    store = await openStore(quads);
  });
  afterAll(() => store.close());

  it('extracts from text, a folder or a file as the pipeline does', async () => {
    const curation = parseCuration(await readFile(path.join(FILM, 'curation.json'), 'utf8'), 'curation.json');
    // Same facts whichever way in; the file name only appears in errors.
    expect(extractArticle(text, { metadata, curation, file: path.join(FILM, 'article.txt') })).toEqual(facts);
    expect(await extractArticleFile(FILM)).toEqual(facts);
    // extractFacts then curate is extractArticle with curation, in two steps.
    expect(curate(extractFacts(text, metadata, 'article.txt'), curation, text)).toEqual(extractArticle(text, { metadata, curation }));
    // An article file alone (no metadata.json beside it) is read with assumed metadata, as filmkg extract does.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'filmkg-api-'));
    try {
      const alone = path.join(dir, 'my-article.txt');
      await writeFile(alone, text);
      const fromFile = await extractArticleFile(alone);
      expect(fromFile.source.title).toBe('Leaving Las Vegas');
      expect(fromFile.source.attribution).toMatch(/assumed/);
      expect(fromFile.cast.map((c) => c.actor)).toEqual(extractArticle(text, { metadata }).cast.map((c) => c.actor));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails with codes the caller can act on', async () => {
    expect(await codeOf(() => extractArticle(''))).toBe('EMPTY_INPUT');
    expect(await codeOf(() => extractArticle('just some words\nand more words\n'))).toBe('NO_INFOBOX');
    expect(await codeOf(extractArticleFile(path.join(FILM, 'no-such-file.txt')))).toBe('FILE_NOT_FOUND');
    expect(await codeOf(() => buildGraph([facts], { base: 'not an iri' }))).toBe('USAGE');
    expect(await codeOf(() => buildGraph([facts, facts]))).toBe('INVALID_FACTS');
    expect(await codeOf(store.select('SELECT ?x WHERE {'))).toBe('BAD_QUERY');
    expect(await codeOf(store.select('INSERT DATA { <a:b> <a:c> <a:d> }'))).toBe('BAD_QUERY');
    expect(await codeOf(store.construct('ASK { ?s ?p ?o }'))).toBe('BAD_QUERY');
    expect(await codeOf(openStore({ file: path.join(FILM, 'missing.ttl') }))).toBe('FILE_NOT_FOUND');
  });

  it('answers SELECT with RDF/JS terms, unbound variables absent, variables in projection order', async () => {
    const answer = await store.select(
      'PREFIX schema: <http://schema.org/> SELECT ?name ?film ?missing WHERE { ?film a schema:Movie ; schema:name ?name OPTIONAL { ?film <urn:x:none> ?missing } }',
    );
    expect(answer.variables).toEqual(['name', 'film', 'missing']);
    expect(answer.bindings).toHaveLength(1);
    const row = answer.bindings[0]!;
    expect(Object.keys(row).sort()).toEqual(['film', 'name']);
    expect(row['film']?.termType).toBe('NamedNode');
    expect(row['film']?.value).toBe('https://filmkg.example/film/leaving-las-vegas');
    const name = row['name'];
    expect(name?.termType).toBe('Literal');
    // The term is the graph's own: equal (RDF/JS equals) to the quad's object.
    const inGraph = quads.find((q) => q.subject.value === row['film']?.value && q.predicate.value === 'http://schema.org/name')!;
    expect(name?.equals(inGraph.object)).toBe(true);
  });

  it('answers ASK with a boolean and CONSTRUCT/DESCRIBE with sorted quads of the graph', async () => {
    expect(await store.ask('ASK { ?s a <http://schema.org/Movie> }')).toBe(true);
    expect(await store.ask('ASK { ?s a <http://schema.org/Recipe> }')).toBe(false);
    const all = await store.construct('CONSTRUCT WHERE { ?s ?p ?o }');
    expect(await serialize(all, 'ntriples')).toBe(await serialize(quads, 'ntriples'));
    const described = await store.query('DESCRIBE <https://filmkg.example/person/Nicolas_Cage>');
    expect(described.type).toBe('quads');
    if (described.type !== 'quads') return;
    const expected = quads.filter((q) => q.subject.value === 'https://filmkg.example/person/Nicolas_Cage');
    expect(described.quads.length).toBeGreaterThanOrEqual(expected.length);
    for (const q of expected) expect(described.quads.some((d) => d.equals(q))).toBe(true);
    expect(await store.size()).toBe(quads.length);
  });

  it('serializes byte-identically whatever the order of the quads, as the build writes', async () => {
    const shuffled = [...quads].reverse();
    expect(await serialize(shuffled, 'turtle')).toBe(toTurtle(quads));
    expect(await serialize(shuffled, 'jsonld')).toBe(await serialize(quads, 'jsonld'));
    expect(await codeOf(serialize(quads, 'rdf/xml' as never))).toBe('UNKNOWN_FORMAT');
  });

  it('writes every format so that reading it back gives the same graph', async () => {
    const dataset = await toDataset(quads);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'filmkg-api-'));
    try {
      for (const [format, file] of [['turtle', 'g.ttl'], ['ntriples', 'g.nt'], ['nquads', 'g.nq'], ['rdfxml', 'g.rdf'], ['jsonld', 'g.jsonld']] as const) {
        const text = await serialize(quads, format);
        expect(await serialize([...quads].reverse(), format), format).toBe(text);
        await writeFile(path.join(dir, file), text);
        expect((await toDataset(await readGraphFile(path.join(dir, file)))).equals(dataset), format).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives an rdf-ext dataset compared canonically, and a store on a graph file', async () => {
    const dataset = await buildDataset([facts]);
    expect(dataset.size).toBe(quads.length);
    expect(dataset.equals(await toDataset([...quads].reverse()))).toBe(true);
    expect(dataset.equals(await toDataset(quads.slice(1)))).toBe(false);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'filmkg-api-'));
    try {
      const file = path.join(dir, 'graph.jsonld');
      await writeFile(file, await serialize(dataset, 'jsonld'));
      const fromFile = await openStore({ file });
      try {
        expect((await toDataset(await fromFile.construct('CONSTRUCT WHERE { ?s ?p ?o }'))).equals(dataset)).toBe(true);
      } finally {
        fromFile.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('validates into one report: conforming graph, then one without its labels', async () => {
    const good = await validateGraph(quads);
    expect(good.conforms).toBe(true);
    expect(good.vocabulary?.ok).toBe(true);
    const unlabelled = quads.filter((q) => q.predicate.value !== 'http://www.w3.org/2000/01/rdf-schema#label');
    const bad = await validateGraph(unlabelled);
    expect(bad.conforms).toBe(false);
    expect(bad.shapes.violations.length).toBeGreaterThan(0);
    expect(new Set(bad.shapes.violations.map((v) => v.path))).toEqual(new Set(['http://www.w3.org/2000/01/rdf-schema#label']));
    expect((await validateGraph(unlabelled, { shapesOnly: true })).vocabulary).toBeUndefined();
  });
});
