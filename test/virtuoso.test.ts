// A real triplestore: the bundled film's Turtle loaded into a throwaway Virtuoso (Debian's virtuoso-opensource), its
// triples counted and compared, every bundled query answered there and compared with our store's answers as sets —
// with each known Virtuoso difference applied by name (test/helpers/virtuoso-normalise.ts) — and `filmkg load` and
// `filmkg query --endpoint` run against it. Skips without virtuoso-t locally; fails without it under CI=true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { toNTriples } from '../src/export/ntriples.js';
import { toTurtle } from '../src/export/turtle.js';
import { buildGraph } from '../src/graph.js';
import { loadFilms } from '../src/pipeline.js';
import type { Quad } from '../src/rdf.js';
import { remoteRequest } from '../src/remote/http.js';
import { RemoteSparqlStore } from '../src/remote/sparql-client.js';
import { bundledQueries } from '../src/sparql/bundled.js';
import { checkQuery } from '../src/sparql/check.js';
import { OxigraphStore } from '../src/store/oxigraph.js';
import type { QueryResult } from '../src/store/store.js';
import { startVirtuoso, virtuosoBinaries, type RunningVirtuoso } from './helpers/virtuoso.js';
import { comparable, VIRTUOSO_RULES, type RuleName } from './helpers/virtuoso-normalise.js';

const AVAILABLE = virtuosoBinaries() !== undefined;
const GRAPH = 'https://filmkg.example/graph/test';
const LOADED = 'https://filmkg.example/graph/loaded';
const QUERIES = bundledQueries();
/** Every comparison made, to show afterwards that each comparison rule is needed by at least one of them. */
const compared: Array<{ name: string; query: string; ours: QueryResult; virtuoso: QueryResult; form: string }> = [];

describe.runIf(!AVAILABLE && process.env.CI)('Virtuoso under CI', () => {
  it('is installed (.ci/run installs virtuoso-opensource)', () => {
    expect(virtuosoBinaries(), 'virtuoso-t and isql-vt on PATH').toBeDefined();
  });
});

describe.skipIf(!AVAILABLE)('the graph in Virtuoso', () => {
  let virtuoso: RunningVirtuoso;
  let quads: Quad[];
  let ours: OxigraphStore;
  let remote: RemoteSparqlStore;

  beforeAll(async () => {
    quads = buildGraph(await loadFilms());
    ours = OxigraphStore.fromText(toNTriples(quads));
    virtuoso = await startVirtuoso();
    remote = new RemoteSparqlStore(virtuoso.sparql, { defaultGraph: GRAPH });
    // The Turtle exactly as `filmkg build` writes out/graph.ttl, through the Graph Store Protocol.
    await remoteRequest('PUT', `${virtuoso.gsp}?graph=${encodeURIComponent(GRAPH)}`, { headers: { 'content-type': 'text/turtle' }, body: toTurtle(quads) });
  }, 180_000);

  afterAll(async () => {
    ours?.close();
    await virtuoso?.stop();
  }, 60_000);

  it('listens on 127.0.0.1 only, in its own temporary folder', () => {
    expect(virtuoso.sparql).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sparql$/);
    expect(virtuoso.pid).toBeGreaterThan(0);
  });

  it('holds every triple of the Turtle: the count equals our store’s, and the triples are ours', async () => {
    expect(await ours.size()).toBe(quads.length);
    expect(await remote.count(GRAPH)).toBe(quads.length);
    const dump = await remote.query(`CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <${GRAPH}> { ?s ?p ?o } }`);
    const all = 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }';
    const whole = { name: 'whole-graph', query: all, ours: ours.querySync(all), virtuoso: dump, form: 'CONSTRUCT' };
    compared.push(whole);
    const { ours: mine, virtuoso: theirs } = comparable(whole.name, whole.query, whole.ours, whole.virtuoso, whole.form);
    expect(theirs.length).toBe(quads.length);
    expect(theirs).toEqual(mine);
  }, 60_000);

  it('needs the client rules: raw answers use typed-literal and __ASK_RETVAL', async () => {
    const body = (q: string) => new URLSearchParams({ query: q, 'default-graph-uri': GRAPH }).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/sparql-results+json' };
    const select = await remoteRequest('POST', virtuoso.sparql, { headers, body: body('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }') });
    expect(JSON.parse(select.body).results.bindings[0].n.type).toBe('typed-literal');
    const ask = await remoteRequest('POST', virtuoso.sparql, { headers, body: body('ASK { ?s ?p ?o }') });
    expect(JSON.parse(ask.body).head.vars).toEqual(['__ASK_RETVAL']);
    expect(await remote.query('ASK { ?s ?p ?o }')).toEqual({ kind: 'ask', value: true });
    expect(await remote.query('ASK { ?s <urn:no-such-property> ?o }')).toEqual({ kind: 'ask', value: false });
  }, 60_000);

  it.each(QUERIES.map((q) => [q.name, q] as const))('%s gives the same answers as our store', async (name, q) => {
    const { form } = checkQuery(q.text);
    const mine = ours.querySync(q.text);
    const theirs = await remote.query(q.text);
    if (mine.kind === 'select' && theirs.kind === 'select') {
      expect(theirs.vars).toEqual(mine.vars);
      expect(theirs.rows.length).toBe(mine.rows.length);
    }
    compared.push({ name, query: q.text, ours: mine, virtuoso: theirs, form });
    const { ours: a, virtuoso: b } = comparable(name, q.text, mine, theirs, form);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  }, 60_000);

  it('needed every comparison rule of the table: without it, some answer no longer compares equal', () => {
    expect(compared.map((c) => c.name)).toEqual(['whole-graph', ...QUERIES.map((q) => q.name)]);
    const comparisonRules = (Object.keys(VIRTUOSO_RULES) as RuleName[]).filter((r) => VIRTUOSO_RULES[r].where === 'comparison');
    const needed = (rule: RuleName) =>
      compared
        .filter((c) => {
          const { ours: a, virtuoso: b } = comparable(c.name, c.query, c.ours, c.virtuoso, c.form, rule);
          return JSON.stringify(a) !== JSON.stringify(b);
        })
        .map((c) => c.name);
    for (const rule of comparisonRules) expect(needed(rule), rule).not.toEqual([]);
  });

  it('filmkg load: builds in memory, replaces the graph in chunks, and the count matches', async () => {
    const io = captureIo();
    const status = await run(['load', '--endpoint', virtuoso.gsp, '--graph', LOADED, '--replace', '--chunk', '700'], io);
    expect(io.err).toBe('');
    expect(status).toBe(0);
    expect(io.out).toMatch(new RegExp(`^loaded ${quads.length} triples from .* \\(7 requests, replacing\\); the store counts ${quads.length}; \\d+ ms\\n$`));
    expect(await remote.count(LOADED)).toBe(quads.length);
    // Loading again with --replace leaves exactly the same triples (PUT replaces, it does not add).
    expect(await run(['load', '--endpoint', virtuoso.gsp, '--graph', LOADED, '--replace'], captureIo())).toBe(0);
    expect(await remote.count(LOADED)).toBe(quads.length);
    const loaded = new RemoteSparqlStore(virtuoso.sparql, { defaultGraph: LOADED });
    expect((await loaded.query('SELECT ?n WHERE { ?f a <http://schema.org/Movie> ; <http://schema.org/name> ?n }')).kind).toBe('select');
  }, 120_000);

  it('filmkg load: a refused request fails with the URL and the HTTP status', async () => {
    const io = captureIo();
    const status = await run(['load', '--endpoint', `${virtuoso.httpUrl}/no-such-service`, '--graph', LOADED, '--query-endpoint', virtuoso.sparql, '--retries', '0'], io);
    expect(status).toBe(1);
    expect(io.err).toMatch(new RegExp(`error \\[ENDPOINT\\]: ${virtuoso.httpUrl}/no-such-service\\?graph=.*: POST answered HTTP 404`));
  }, 60_000);

  it('filmkg query --endpoint: the same table, CSV and ASK as the local query', async () => {
    const local = async (...args: string[]) => {
      const io = captureIo();
      expect(await run(['query', ...args], io)).toBe(0);
      return io.out;
    };
    const remoteArgs = ['--endpoint', virtuoso.sparql, '--default-graph', GRAPH];
    expect(await local('cast', ...remoteArgs)).toBe(await local('cast'));
    expect(await local('credits', '--format', 'csv', ...remoteArgs)).toBe(await local('credits', '--format', 'csv'));
    expect(await local('won-academy-award.ask', ...remoteArgs)).toBe('true\n');
    // oxigraph writes a CONSTRUCT's triples in its own order: compared as sorted lines.
    const lines = (text: string) => text.split('\n').filter(Boolean).sort();
    const graph = lines(await local('cast-card.construct', '--format', 'ntriples', ...remoteArgs));
    expect(graph.length).toBe(19);
    expect(graph).toEqual(lines(await local('cast-card.construct', '--format', 'ntriples')));
  }, 60_000);
});
