// `filmkg load` against a tiny fake Graph Store Protocol server on 127.0.0.1: chunking (never splitting a triple or a
// blank node's triples), PUT then POST with --replace, retries on 503 and on a reset connection, credentials from the
// environment only, errors on 4xx and on a short count, and the query endpoints derived for known stores.
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { FilmkgError } from '../src/errors.js';
import { buildGraph } from '../src/graph.js';
import { loadFilms } from '../src/pipeline.js';
import { chunkGraph, deriveQueryEndpoint, prepareGraph, uploadGraph } from '../src/remote/gsp.js';
import { parseRdf } from '../src/rdf-file.js';
import { authorization } from '../src/remote/http.js';
import { presenceLines } from './helpers/fake-gsp.js';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** The fake store: records requests; `plan` answers the Graph Store requests in turn (then 201); /query counts what it holds and which of the triples asked it holds. */
let seen: Seen[] = [];
let plan: Array<number | 'reset'> = [];
let held = new Set<string>();
let countOverride: number | undefined;
let server: http.Server;
let base: string;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'filmkg-load-'));

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.url?.startsWith('/query')) {
        const asked = presenceLines(new URLSearchParams(body).get('query') ?? '');
        const n = asked !== undefined ? asked.filter((line) => held.has(line.replace(/\n$/, ''))).length : (countOverride ?? held.size);
        res.writeHead(200, { 'content-type': 'application/sparql-results+json' });
        res.end(JSON.stringify({ head: { vars: ['n'] }, results: { bindings: [{ n: { type: 'literal', value: String(n), datatype: 'http://www.w3.org/2001/XMLSchema#integer' } }] } }));
        return;
      }
      const next = plan.shift() ?? 201;
      if (next === 'reset') {
        req.socket.destroy();
        return;
      }
      if (next < 300) {
        if (req.method === 'PUT') held = new Set();
        for (const line of body.split('\n').filter(Boolean)) held.add(line);
      }
      res.writeHead(next, { 'content-type': 'text/plain', ...(next >= 300 && next < 400 ? { location: '/moved/store?graph=x' } : {}) });
      res.end(next < 300 ? '' : `refused with ${next}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterEach(() => {
  seen = [];
  plan = [];
  held = new Set();
  countOverride = undefined;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(tmp, { recursive: true, force: true });
});

const NT = Array.from({ length: 7 }, (_, i) => `<https://filmkg.example/s${i}> <http://schema.org/name> "name ${i}" .\n`).join('');
const ntFile = path.join(tmp, 'seven.nt');
writeFileSync(ntFile, NT);

async function load(args: string[], env: Record<string, string> = {}) {
  const io = captureIo(tmp, env);
  const status = await run(['load', '--endpoint', `${base}/store`, '--query-endpoint', `${base}/query`, ...args], io);
  return { status, out: io.out, err: io.err };
}

describe('filmkg load: chunks', () => {
  it('sends N-Triples in chunks of whole lines, PUT first with --replace, then POST, to ?graph=IRI', async () => {
    const { status, out, err } = await load(['--file', 'seven.nt', '--graph', 'https://filmkg.example/g', '--chunk', '3', '--replace']);
    expect(err).toBe('');
    expect(status).toBe(0);
    const gsp = seen.filter((s) => s.url.startsWith('/store'));
    expect(gsp.map((s) => s.method)).toEqual(['PUT', 'POST', 'POST']);
    for (const s of gsp) {
      expect(s.url).toBe('/store?graph=https%3A%2F%2Ffilmkg.example%2Fg');
      expect(s.headers['content-type']).toBe('application/n-triples; charset=utf-8');
      expect(s.body).toMatch(/^(<[^>]+> <[^>]+> "[^"]+" \.\n)+$/);
    }
    expect(gsp.map((s) => s.body.split('\n').length - 1)).toEqual([3, 3, 1]);
    expect(held.size).toBe(7);
    expect(out).toMatch(/^loaded 7 triples from seven\.nt into <https:\/\/filmkg\.example\/g> .*\(3 requests, replacing\); the store counts 7; \d+ ms\n$/);
    // Counted before and after; every triple sent looked up afterwards.
    const queries = seen.filter((s) => s.url.startsWith('/query')).map((s) => new URLSearchParams(s.body).get('query') ?? '');
    expect(queries.filter((q) => q === 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://filmkg.example/g> { ?s ?p ?o } }')).toHaveLength(2);
    expect(queries.flatMap((q) => presenceLines(q) ?? []).sort()).toEqual(NT.split(/(?<=\n)/).sort());
    expect(seen.findIndex((s) => s.url.startsWith('/store'))).toBe(1); // after the count before
  });

  it('without --graph posts to ?default, without --replace only POSTs', async () => {
    expect((await load(['--file', 'seven.nt'])).status).toBe(0);
    expect(seen.filter((s) => s.url.startsWith('/store')).map((s) => `${s.method} ${s.url}`)).toEqual(['POST /store?default']);
  });

  it('keeps every triple with a blank node in one request, even with --chunk 1', () => {
    const ttl = '<urn:a> <urn:p> [ <urn:q> "x" ; <urn:r> [ <urn:s> "y" ] ] .\n<urn:b> <urn:p> "z" .\n<urn:c> <urn:p> "w" .\n';
    const prepared = prepareGraph(parseRdf(ttl, 'Turtle', 'inline.ttl'));
    expect(prepared.triples).toBe(6);
    const chunks = chunkGraph(prepared, 1);
    expect(chunks).toHaveLength(3);
    expect(chunks[0]?.split('\n').filter(Boolean)).toHaveLength(4);
    expect(chunks[0]).toMatch(/_:/);
    expect(chunks.slice(1).join('')).not.toMatch(/_:/);
  });

  it('the bundled graph has no blank nodes: every chunk is a plain slice of lines', async () => {
    const prepared = prepareGraph(buildGraph(await loadFilms()));
    expect(prepared.withBlankNodes).toEqual([]);
    expect(prepared.triples).toBe(prepared.plain.length);
    const chunks = chunkGraph(prepared, 1000);
    expect(chunks).toHaveLength(Math.ceil(prepared.triples / 1000));
    expect(chunks.join('')).toBe(prepared.plain.join(''));
  });

  it('refuses a chunk size that is not a whole number', async () => {
    const { status, err } = await load(['--file', 'seven.nt', '--chunk', '0']);
    expect(status).toBe(2);
    expect(err).toMatch(/error \[USAGE\]: --chunk must be a whole number, at least 1; got "0"/);
  });
});

describe('filmkg load: transient failures and errors', () => {
  it('retries a 503 and a reset connection with backoff, then succeeds', async () => {
    plan = [503, 'reset', 201];
    const { status, err } = await load(['--file', 'seven.nt', '--graph', 'https://filmkg.example/g']);
    expect(status).toBe(0);
    // undici reports the peer closing the socket mid-request as UND_ERR_SOCKET (ECONNRESET on some platforms). After a
    // reset the store may have applied the POST: it is asked first, and the chunk sent again only when it is not there.
    expect(err).toMatch(/HTTP 503; retry 1 in 250 ms\nfilmkg load: POST of chunk 1 of 1: (?:ECONNRESET|UND_ERR_SOCKET); the store has not applied it \(checked\): sending it again in 250 ms\n/);
    expect(seen.filter((s) => s.url.startsWith('/store'))).toHaveLength(3);
    expect(held.size).toBe(7);
  });

  it('gives up after --retries with the URL and the status', async () => {
    plan = [503, 503];
    const { status, err } = await load(['--file', 'seven.nt', '--graph', 'https://filmkg.example/g', '--retries', '1']);
    expect(status).toBe(1);
    expect(err).toContain(`error [ENDPOINT]: ${base}/store?graph=https%3A%2F%2Ffilmkg.example%2Fg: POST answered HTTP 503 Service Unavailable (after 2 attempts)`);
  });

  it('fails at once on a 4xx, naming the URL, the status and the answer (FilmkgError ENDPOINT)', async () => {
    plan = [400];
    const prepared = prepareGraph(parseRdf(NT, 'N-Triples', 'seven.nt'));
    const error = await uploadGraph(chunkGraph(prepared, 10), prepared.triples, { endpoint: `${base}/store`, graph: 'https://filmkg.example/g', retries: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FilmkgError);
    expect((error as FilmkgError).code).toBe('ENDPOINT');
    expect((error as FilmkgError).place).toEqual({ file: `${base}/store?graph=https%3A%2F%2Ffilmkg.example%2Fg` });
    expect((error as FilmkgError).message).toMatch(/POST answered HTTP 400 Bad Request; expected a 2xx response; got "refused with 400"$/);
    expect(seen).toHaveLength(1);
  });

  it('does not follow a redirect (an upload would turn into a GET): it names the new URL, exit 1', async () => {
    plan = [302];
    const { status, err } = await load(['--file', 'seven.nt']);
    expect(status).toBe(1);
    expect(err).toMatch(/error \[ENDPOINT\]: .*\/store.*POST answered HTTP 302: the store redirects to http:\/\/127\.0\.0\.1:\d+\/moved\/store\?graph=x; redirects are not followed/);
    expect(seen.filter((r) => r.url.startsWith('/moved'))).toEqual([]);
  });

  it('fails when the store counts other than the triples sent, though every one is there', async () => {
    countOverride = 5;
    const { status, err } = await load(['--file', 'seven.nt', '--graph', 'https://filmkg.example/g', '--replace']);
    expect(status).toBe(1);
    expect(err).toContain(
      `error [ENDPOINT]: ${base}/store?graph=https%3A%2F%2Ffilmkg.example%2Fg: after loading, the store counts 5 triples in <https://filmkg.example/g>, expected 7 (the triples sent). ` +
        '<https://filmkg.example/g> now holds all 7 triples sent, yet it counts only 5 triples: its count is wrong (before the load it held 5 triples)',
    );
  });

  it('reads a bad file with its name and line, and a missing one as FILE_NOT_FOUND', async () => {
    writeFileSync(path.join(tmp, 'bad.nt'), `${NT}<urn:a> <urn:b> .\n`);
    const bad = await load(['--file', 'bad.nt']);
    expect(bad.status).toBe(1);
    expect(bad.err).toMatch(/error \[BAD_RDF\]: bad\.nt:8: cannot read the graph/);
    const missing = await load(['--file', 'nope.ttl']);
    expect(missing.err).toMatch(/error \[FILE_NOT_FOUND\]: nope\.ttl: no such graph file/);
    expect(seen).toHaveLength(0);
  });
});

describe('filmkg load: credentials and options', () => {
  it('sends credentials from FILMKG_STORE_AUTH as HTTP Basic to both endpoints, and never prints them', async () => {
    const { status, out, err } = await load(['--file', 'seven.nt'], { FILMKG_STORE_AUTH: 'alice:s3cret:x' });
    expect(status).toBe(0);
    // Counted before; sent; then counted and looked up.
    expect(seen.map((s) => s.url.replace(/\?.*/, '')).join(' ')).toMatch(/^\/query \/store( \/query)+$/);
    for (const s of seen) expect(s.headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cret:x').toString('base64')}`);
    expect(out + err).not.toContain('s3cret');
    expect(authorization('Bearer abc')).toBe('Bearer abc');
    expect(authorization(undefined)).toBeUndefined();
  });

  it('withholds the credentials from a query endpoint on another origin, and says so', async () => {
    const other: http.IncomingHttpHeaders[] = [];
    const counter = http.createServer((req, res) => {
      other.push(req.headers);
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/sparql-results+json' });
        res.end(JSON.stringify({ head: { vars: ['n'] }, results: { bindings: [{ n: { type: 'literal', value: String(held.size), datatype: 'http://www.w3.org/2001/XMLSchema#integer' } }] } }));
      });
    });
    await new Promise<void>((resolve) => counter.listen(0, '127.0.0.1', resolve));
    try {
      const elsewhere = `http://127.0.0.1:${(counter.address() as { port: number }).port}/query`;
      const io = captureIo(tmp, { FILMKG_STORE_AUTH: 'alice:s3cret' });
      const status = await run(['load', '--endpoint', `${base}/store`, '--query-endpoint', elsewhere, '--file', 'seven.nt'], io);
      expect(status).toBe(0);
      expect(seen.every((r) => r.headers.authorization !== undefined)).toBe(true);
      expect(other.length).toBeGreaterThan(0);
      for (const headers of other) expect(headers.authorization).toBeUndefined();
      expect(io.err).toMatch(/not sending FILMKG_STORE_AUTH to .*another origin/);
      expect(io.out + io.err).not.toContain('s3cret');
    } finally {
      await new Promise<void>((resolve) => counter.close(() => resolve()));
    }
  });

  it('sends no Authorization header without the variable, and has no command-line option for credentials', async () => {
    expect((await load(['--file', 'seven.nt'])).status).toBe(0);
    expect(seen.every((s) => s.headers.authorization === undefined)).toBe(true);
    const flag = await load(['--file', 'seven.nt', '--auth', 'alice:secret']);
    expect(flag.status).toBe(2);
    expect(flag.err).toMatch(/error \[USAGE\]: Unknown option '--auth'/);
  });

  it('needs --endpoint, an absolute graph IRI, and a query endpoint it can derive or is given', async () => {
    const io = captureIo(tmp);
    expect(await run(['load'], io)).toBe(2);
    expect(io.err).toMatch(/--endpoint URL is required/);
    const graph = await load(['--graph', 'not an iri']);
    expect(graph.status).toBe(2);
    expect(graph.err).toMatch(/--graph must be an absolute IRI/);
    const io2 = captureIo(tmp);
    expect(await run(['load', '--endpoint', `${base}/somewhere`], io2)).toBe(2);
    expect(io2.err).toMatch(/cannot tell where .*\/somewhere answers SPARQL queries: give --query-endpoint URL/);
  });

  it('derives the query endpoint of Virtuoso, Oxigraph, Fuseki and GraphDB', () => {
    expect(deriveQueryEndpoint('http://127.0.0.1:8890/sparql-graph-crud')).toBe('http://127.0.0.1:8890/sparql');
    expect(deriveQueryEndpoint('http://127.0.0.1:8890/sparql-graph-crud-auth')).toBe('http://127.0.0.1:8890/sparql');
    expect(deriveQueryEndpoint('http://127.0.0.1:7878/store')).toBe('http://127.0.0.1:7878/query');
    expect(deriveQueryEndpoint('http://127.0.0.1:3030/films/data')).toBe('http://127.0.0.1:3030/films/sparql');
    expect(deriveQueryEndpoint('http://127.0.0.1:7200/repositories/films/rdf-graphs/service')).toBe('http://127.0.0.1:7200/repositories/films');
    expect(deriveQueryEndpoint('http://127.0.0.1:9999/other')).toBeUndefined();
  });
});
