// The endpoint driven by the clients people use, through `filmkg serve` (the compiled CLI, a real process on a free
// loopback port): rdflib's SPARQLStore and SPARQLWrapper (Debian python3-rdflib, python3-sparqlwrapper; the scripts in
// test/clients/) and fetch-sparql-endpoint, for SELECT, ASK, CONSTRUCT and DESCRIBE, by GET, POST form and POST
// sparql-query, in every result format each client asks for. Every answer is compared with the same query on the
// local store, and with facts of the bundled film reviewed against the article. Python clients skip locally without
// the packages, and fail under CI=true (.ci/run installs them).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SparqlEndpointFetcher } from 'fetch-sparql-endpoint';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNTriples } from '../src/export/ntriples.js';
import { buildGraph } from '../src/graph.js';
import { DEFAULT_BASE } from '../src/iri.js';
import { loadFilms } from '../src/pipeline.js';
import { OxigraphStore } from '../src/store/oxigraph.js';
import type { QueryResult, ResultTerm } from '../src/store/store.js';
import { startServeProcess, type ServeProcess } from './helpers/serve-process.js';

const ROOT = path.join(import.meta.dirname, '..');
const CLIENTS = path.join(import.meta.dirname, 'clients');
const GRAPH_IRI = `${DEFAULT_BASE}graph`;
const FILM = `${DEFAULT_BASE}film/leaving-las-vegas`;
const SCHEMA = 'http://schema.org/';

type Form = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';
/** The queries every client runs: bundled ones (their answers are reviewed in test/queries/) and a count. */
const QUERIES: ReadonlyArray<{ name: string; form: Form; query: string }> = [
  { name: 'cast', form: 'SELECT', query: readFileSync(path.join(ROOT, 'queries', 'cast.rq'), 'utf8') },
  { name: 'count', form: 'SELECT', query: 'SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }' },
  { name: 'won-academy-award', form: 'ASK', query: readFileSync(path.join(ROOT, 'queries', 'won-academy-award.ask.rq'), 'utf8') },
  { name: 'no-such-triple', form: 'ASK', query: `ASK { <${FILM}> <${SCHEMA}name> "Not the title" }` },
  { name: 'cast-card', form: 'CONSTRUCT', query: readFileSync(path.join(ROOT, 'queries', 'cast-card.construct.rq'), 'utf8') },
  { name: 'describe-director', form: 'DESCRIBE', query: readFileSync(path.join(ROOT, 'queries', 'describe-director.describe.rq'), 'utf8') },
];

/** A Python 3 that has both client libraries (Debian's; a python3 first on PATH may be another one). */
function findPython(): string | undefined {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(candidate, ['-c', 'import rdflib, SPARQLWrapper'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}
const PYTHON = findPython();
/** rdflib 6.1 on Python 3.11 warns that its plugin lookup uses a deprecated importlib interface; nothing to do with the endpoint. */
const PYTHON_ENV = { ...process.env, PYTHONWARNINGS: 'ignore::DeprecationWarning' };

/** The answers of the local store, to compare with. */
let expected: Map<string, QueryResult>;
let serve: ServeProcess | undefined;
let endpoint: string;

beforeAll(async () => {
  const quads = buildGraph(await loadFilms());
  const store = OxigraphStore.fromText(toNTriples(quads));
  try {
    expected = new Map(QUERIES.map((q) => [q.name, store.querySync(q.query)]));
  } finally {
    store.close();
  }
  serve = await startServeProcess(['--workers', '2']);
  endpoint = `${serve.url}/sparql`;
}, 60_000);

afterAll(async () => {
  await serve?.stop();
});

/** A SELECT answer as the clients report it: the variables, and each row's lexical values as a multiset. */
interface Rows {
  vars: string[];
  rows: Array<Record<string, string>>;
}
function sortedRows(rows: ReadonlyArray<Record<string, string>>): string[] {
  return rows.map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1))))).sort();
}
function expectedRows(name: string): Rows {
  const result = expected.get(name);
  if (result?.kind !== 'select') throw new Error(`${name}: not a SELECT`);
  return { vars: result.vars, rows: result.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]: [string, ResultTerm]) => [k, v.value]))) };
}
function expectedAsk(name: string): boolean {
  const result = expected.get(name);
  if (result?.kind !== 'ask') throw new Error(`${name}: not an ASK`);
  return result.value;
}
/** A graph as sorted N-Triples lines, read with N3 (so escapes and layout do not matter). */
function canonical(ntriples: string): string[] {
  const lines = new Parser({ format: 'N-Triples' }).parse(ntriples).map((q) => {
    const o = q.object;
    const object = o.termType === 'Literal' ? `${JSON.stringify(o.value)}@${o.language}^^${o.datatype.value}` : `<${o.value}>`;
    return `<${q.subject.value}> <${q.predicate.value}> ${object}`;
  });
  return [...new Set(lines)].sort();
}
function expectedGraph(name: string): string[] {
  const result = expected.get(name);
  if (result?.kind !== 'graph') throw new Error(`${name}: not a graph`);
  return canonical(result.ntriples);
}

/** Checks one client answer against the local store. */
function checkAnswer(name: string, form: Form, answer: unknown, label: string): void {
  if (form === 'SELECT') {
    const want = expectedRows(name);
    const got = answer as Rows;
    expect(got.vars, label).toEqual(want.vars);
    expect(sortedRows(got.rows), label).toEqual(sortedRows(want.rows));
  } else if (form === 'ASK') {
    expect(answer, label).toBe(expectedAsk(name));
  } else {
    expect(canonical(answer as string), label).toEqual(expectedGraph(name));
  }
}

describe('the local answers the clients are checked against', () => {
  it('hold the reviewed facts of the bundled film', () => {
    // test/queries/cast.expected.tsv, reviewed against the article: three credited leads with their characters.
    expect(sortedRows(expectedRows('cast').rows)).toEqual(
      sortedRows([
        { film: 'Leaving Las Vegas', actor: 'Nicolas Cage', character: 'Ben Sanderson' },
        { film: 'Leaving Las Vegas', actor: 'Elisabeth Shue', character: 'Sera' },
        { film: 'Leaving Las Vegas', actor: 'Lou Rawls', character: 'Concerned Cabbie' },
      ]),
    );
    expect(expectedRows('count').rows).toEqual([{ triples: '4601' }]); // 4,599 + the film's url and the poster's contentUrl
    expect(expectedAsk('won-academy-award')).toBe(true);
    expect(expectedAsk('no-such-triple')).toBe(false);
    expect(expectedGraph('cast-card')).toContain(`<${DEFAULT_BASE}person/Nicolas_Cage> <${SCHEMA}name> "Nicolas Cage"@^^http://www.w3.org/2001/XMLSchema#string`);
    expect(expectedGraph('describe-director').some((t) => t.startsWith(`<${DEFAULT_BASE}person/Mike_Figgis> `))).toBe(true);
  });
});

describe('fetch-sparql-endpoint (JavaScript)', () => {
  const variants = [
    { label: 'GET', args: { method: 'GET' as const } },
    { label: 'POST form', args: { method: 'POST' as const, forceGetIfUrlLengthBelow: 0 } },
    { label: 'POST sparql-query', args: { method: 'POST' as const, directPost: true, forceGetIfUrlLengthBelow: 0 } },
    { label: 'GET with default-graph-uri', args: { method: 'GET' as const, additionalUrlParams: new URLSearchParams({ 'default-graph-uri': GRAPH_IRI }) } },
  ];
  it.each(variants)('answers SELECT, ASK, CONSTRUCT and DESCRIBE as the local store does ($label)', async ({ label, args }) => {
    const fetcher = new SparqlEndpointFetcher(args);
    for (const q of QUERIES) {
      const what = `${q.name} by ${label}`;
      if (q.form === 'SELECT') {
        const rows: Array<Record<string, string>> = [];
        const stream = await fetcher.fetchBindings(endpoint, q.query);
        for await (const bindings of stream as AsyncIterable<Record<string, { value: string }>>) {
          rows.push(Object.fromEntries(Object.entries(bindings).map(([k, v]) => [k.replace(/^\?/, ''), v.value])));
        }
        expect(sortedRows(rows), what).toEqual(sortedRows(expectedRows(q.name).rows));
      } else if (q.form === 'ASK') {
        expect(await fetcher.fetchAsk(endpoint, q.query), what).toBe(expectedAsk(q.name));
      } else {
        const { toNTriples: write } = await import('../src/export/ntriples.js');
        const quads = [];
        for await (const quad of await fetcher.fetchTriples(endpoint, q.query)) quads.push(quad);
        checkAnswer(q.name, q.form, write(quads), what);
      }
    }
  });
});

/** Runs a client script with the queries on stdin; its JSON output. */
function runPython(script: string, args: readonly string[]): Array<Record<string, unknown>> {
  const run = spawnSync(PYTHON as string, [path.join(CLIENTS, script), ...args], { input: JSON.stringify(QUERIES), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: PYTHON_ENV });
  expect(run.stderr, `${script} stderr`).toBe('');
  expect(run.status, `${script} exit status`).toBe(0);
  return JSON.parse(run.stdout) as Array<Record<string, unknown>>;
}

describe.runIf(PYTHON === undefined && Boolean(process.env.CI))('Python clients under CI', () => {
  it('rdflib and SPARQLWrapper are installed (.ci/run installs python3-rdflib python3-sparqlwrapper)', () => {
    expect(PYTHON, 'a python3 that imports rdflib and SPARQLWrapper').toBeDefined();
  });
});

describe.skipIf(PYTHON === undefined)('Python clients', () => {
  it('SPARQLWrapper: every query by GET, POST form and POST sparql-query, in each of its return formats', () => {
    const answers = runPython('sparqlwrapper_client.py', [endpoint]);
    // 3 methods × (2 SELECT × 4 formats + 2 ASK × 2 + 2 graphs × 4)
    expect(answers).toHaveLength(3 * (2 * 4 + 2 * 2 + 2 * 4));
    // The media type each return format must get (SPARQLWrapper also sends format=, output= and results=: n3 must not win over Accept).
    const types: Record<string, Record<string, string>> = {
      SELECT: { json: 'application/sparql-results+json', xml: 'application/sparql-results+xml', csv: 'text/csv', tsv: 'text/tab-separated-values' },
      ASK: { json: 'application/sparql-results+json', xml: 'application/sparql-results+xml' },
      CONSTRUCT: { turtle: 'text/turtle', n3: 'text/turtle', xml: 'application/rdf+xml', 'rdf+xml': 'application/rdf+xml' },
    };
    for (const a of answers) {
      const q = QUERIES.find((x) => x.name === a.name);
      if (!q) throw new Error(`unknown query ${String(a.name)}`);
      const label = `${q.name} ${String(a.method)} ${String(a.format)}`;
      expect(String(a.contentType).split(';')[0], label).toBe(types[q.form === 'DESCRIBE' ? 'CONSTRUCT' : q.form]?.[String(a.format)]);
      checkAnswer(q.name, q.form, a.result, label);
    }
  }, 120_000);

  it("rdflib's SPARQLStore: every query by GET, POST and POST_FORM, without a dataset and with default-graph-uri", () => {
    const answers = runPython('rdflib_client.py', [endpoint, GRAPH_IRI]);
    expect(answers).toHaveLength(QUERIES.length * 3 * 2);
    expect(answers.filter((a) => a.graph === GRAPH_IRI)).toHaveLength(QUERIES.length * 3);
    for (const a of answers) {
      const q = QUERIES.find((x) => x.name === a.name);
      if (!q) throw new Error(`unknown query ${String(a.name)}`);
      checkAnswer(q.name, q.form, a.result, `${q.name} ${String(a.method)} graph=${String(a.graph)}`);
    }
  }, 120_000);

  it("rdflib's SPARQLStore on a graph the endpoint does not serve gets the 400, not an empty answer", () => {
    const run = spawnSync(PYTHON as string, [path.join(CLIENTS, 'rdflib_client.py'), endpoint, 'https://elsewhere.example/graph'], { input: JSON.stringify(QUERIES.slice(0, 1)), encoding: 'utf8', env: PYTHON_ENV });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cast GET named=True: .*(400|Bad Request|wrong)/);
  });
});
