// The SPARQL 1.1 Protocol endpoint, started on a free loopback port and queried with a real HTTP client (fetch).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndpoint } from '../src/server/endpoint.js';
import { negotiate } from '../src/server/sparql-endpoint.js';
import { canonicalTsv } from './helpers/results.js';

let server: Awaited<ReturnType<typeof startEndpoint>>;
let endpoint: string;
const SELECT = 'PREFIX schema: <http://schema.org/> SELECT ?name WHERE { ?f a schema:Movie ; schema:name ?name }';

beforeAll(async () => {
  server = await startEndpoint({ port: 0, limits: { timeoutMs: 1500, maxQueryBytes: 4096, maxResultBytes: 200_000 } });
  endpoint = `${server.url}/sparql`;
});
afterAll(async () => {
  await server.close();
});

describe('SPARQL 1.1 Protocol: query operation', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers GET with query= as SPARQL JSON by default', async () => {
    const res = await fetch(`${endpoint}?query=${encodeURIComponent(SELECT)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/sparql-results+json; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({ head: { vars: ['name'] }, results: { bindings: [{ name: { type: 'literal', value: 'Leaving Las Vegas' } }] } });
  });

  it('answers POST as a form and as application/sparql-query, with CSV and TSV by Accept', async () => {
    const form = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/csv' }, body: new URLSearchParams({ query: SELECT }).toString() });
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(await form.text()).toBe('name\r\nLeaving Las Vegas\r\n');
    const direct = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/sparql-query', accept: 'text/tab-separated-values' }, body: SELECT });
    expect(direct.status).toBe(200);
    expect(await direct.text()).toBe('?name\n"Leaving Las Vegas"\n');
  });

  it('answers ASK with a boolean, CONSTRUCT with Turtle or N-Triples, and honours ?format=', async () => {
    const ask = await fetch(`${endpoint}?query=${encodeURIComponent('ASK { ?s ?p ?o }')}`);
    expect(await ask.json()).toEqual({ head: {}, boolean: true });
    const construct = 'PREFIX schema: <http://schema.org/> CONSTRUCT { ?f schema:name ?n } WHERE { ?f a schema:Movie ; schema:name ?n }';
    const turtle = await fetch(`${endpoint}?query=${encodeURIComponent(construct)}`);
    expect(turtle.headers.get('content-type')).toMatch(/^text\/turtle/);
    expect(await turtle.text()).toContain('"Leaving Las Vegas"');
    const nt = await fetch(`${endpoint}?format=ntriples&query=${encodeURIComponent(construct)}`);
    expect(nt.headers.get('content-type')).toBe('application/n-triples');
    expect((await nt.text()).trim()).toBe('<https://filmkg.example/film/leaving-las-vegas> <http://schema.org/name> "Leaving Las Vegas" .');
  });

  it('refuses a format the query cannot have with 406', async () => {
    const res = await fetch(`${endpoint}?query=${encodeURIComponent(SELECT)}`, { headers: { accept: 'text/turtle' } });
    expect(res.status).toBe(406);
    expect(await res.text()).toMatch(/no acceptable result format for a SELECT query; offered: application\/sparql-results\+json/);
  });

  it('describes itself without a query (SPARQL 1.1 Service Description)', async () => {
    const res = await fetch(endpoint);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(`<${endpoint}> a sd:Service`);
    expect(text).toContain('sd:supportedLanguage sd:SPARQL11Query');
  });

  it('answers CORS preflight', async () => {
    const res = await fetch(endpoint, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });
});

describe('SPARQL 1.1 Protocol: refusals and hostile requests', () => {
  it('gives 400 and the parser message for a syntax error', async () => {
    const res = await fetch(`${endpoint}?query=${encodeURIComponent('SELECT ?x WHERE { ?x ?y }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/SPARQL syntax error/);
  });

  it('refuses updates (update=, sparql-update bodies, INSERT as a query) with 403', async () => {
    const insert = 'INSERT DATA { <urn:a> <urn:b> <urn:c> }';
    const asForm = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ update: insert }).toString() });
    expect(asForm.status).toBe(403);
    expect(await asForm.text()).toMatch(/read-only/);
    const asUpdate = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/sparql-update' }, body: insert });
    expect(asUpdate.status).toBe(403);
    const asQuery = await fetch(`${endpoint}?query=${encodeURIComponent(insert)}`);
    expect(asQuery.status).toBe(403);
    const count = await fetch(`${endpoint}?query=${encodeURIComponent('ASK { <urn:a> <urn:b> <urn:c> }')}`);
    expect(await count.json()).toMatchObject({ boolean: false });
  });

  it('refuses a huge query with 413', async () => {
    const huge = `SELECT * WHERE { ?s ?p ?o } # ${'x'.repeat(10_000)}`;
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: huge });
    expect(res.status).toBe(413);
  });

  it('refuses a malformed form body and an unknown content type', async () => {
    const bad = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%E0%A4%A' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/malformed form body/);
    const odd = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"ASK {}"}' });
    expect(odd.status).toBe(415);
  });

  it('refuses a result over the size limit with 413', async () => {
    const res = await fetch(`${endpoint}?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o }')}`);
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/larger than the 200000-byte limit/);
  });

  it('stops a query past the time limit with 503, and keeps answering afterwards', async () => {
    const slow = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
    const res = await fetch(`${endpoint}?query=${encodeURIComponent(slow)}`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/ran longer than 1500 ms and was stopped/);
    const after = await fetch(`${endpoint}?query=${encodeURIComponent('ASK { ?s ?p ?o }')}`);
    expect(await after.json()).toMatchObject({ boolean: true });
  });

  it('answers unknown paths with 404', async () => {
    const res = await fetch(`${server.url}/nothing-here`);
    expect(res.status).toBe(404);
  });
});

describe('content negotiation', () => {
  it('honours q-values and wildcards', () => {
    const offered = ['application/sparql-results+json', 'text/csv'];
    expect(negotiate(undefined, offered)).toBe('application/sparql-results+json');
    expect(negotiate('text/csv;q=0.9, application/sparql-results+json;q=0.5', offered)).toBe('text/csv');
    expect(negotiate('text/*', offered)).toBe('text/csv');
    expect(negotiate('application/json', offered)).toBe('application/sparql-results+json');
    expect(negotiate('image/png', offered)).toBeUndefined();
  });

  it('lets the most specific range set each type\'s q-value (RFC 9110 §12.5.1), case-insensitive q', () => {
    const offered = ['application/sparql-results+json', 'text/csv'];
    expect(negotiate('application/sparql-results+json;q=0, */*', offered)).toBe('text/csv');
    expect(negotiate('text/*;q=0.5, text/csv;q=0.1, application/*;q=0.3', offered)).toBe('application/sparql-results+json');
    expect(negotiate('text/csv;Q=0.2, application/sparql-results+json;q=0.1', offered)).toBe('text/csv');
    expect(negotiate('*/*;q=0', offered)).toBeUndefined();
  });
});

describe('every bundled query over HTTP', async () => {
  const { bundledQueries } = await import('../src/sparql/bundled.js');
  const { checkQuery } = await import('../src/sparql/check.js');
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  it.each(bundledQueries().map((q) => [q.name, q] as const))('%s gives its reviewed results', async (_name, q) => {
    const { form } = checkQuery(q.text);
    const graph = form === 'CONSTRUCT' || form === 'DESCRIBE';
    const accept = graph ? 'application/n-triples' : form === 'ASK' ? 'application/sparql-results+json' : 'text/tab-separated-values';
    const res = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/sparql-query', accept }, body: q.text });
    expect(res.status).toBe(200);
    const body = await res.text();
    const expectedFile = path.join(import.meta.dirname, 'queries', `${q.name}.expected.${form === 'ASK' ? 'txt' : graph ? 'nt' : 'tsv'}`);
    const expected = readFileSync(expectedFile, 'utf8');
    if (form === 'ASK') expect(`${(JSON.parse(body) as { boolean: boolean }).boolean}\n`).toBe(expected);
    else if (graph) expect(body.split('\n').filter((l) => l.trim() !== '').sort().map((l) => `${l}\n`).join('')).toBe(expected);
    else expect(canonicalTsv(body)).toBe(expected);
  });
});
