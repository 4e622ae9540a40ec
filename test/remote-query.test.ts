// `filmkg query --endpoint` against the project's own SPARQL endpoint (src/server, as `filmkg serve` runs it): every
// bundled query gives the local answer, every format prints the same bytes, and its errors carry codes and places.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { startEndpoint } from '../src/server/endpoint.js';
import { bundledQueries } from '../src/sparql/bundled.js';
import { checkQuery } from '../src/sparql/check.js';
import { canonicalTsv } from './helpers/results.js';
import { freePort } from './helpers/virtuoso.js';

let server: Awaited<ReturnType<typeof startEndpoint>>;
let endpoint: string;

beforeAll(async () => {
  server = await startEndpoint({ port: 0 });
  endpoint = `${server.url}/sparql`;
});
afterAll(async () => {
  await server.close();
});

async function query(...args: string[]) {
  const io = captureIo();
  const status = await run(['query', ...args], io);
  return { status, out: io.out, err: io.err };
}

/** Sorted lines, for graphs (oxigraph writes a CONSTRUCT's triples in its own order). */
const lines = (text: string) => text.split('\n').filter(Boolean).sort();

describe('filmkg query --endpoint (the filmkg serve endpoint)', () => {
  it.each(bundledQueries().map((q) => [q.name, q] as const))('%s: the same answer as the local store', async (name, q) => {
    const { form } = checkQuery(q.text);
    const format = form === 'SELECT' ? 'tsv' : form === 'ASK' ? 'table' : 'ntriples';
    const local = await query(name, '--format', format);
    const remote = await query(name, '--format', format, '--endpoint', endpoint);
    expect(remote.err).toBe('');
    expect(remote.status).toBe(0);
    expect(remote.out.trim()).not.toBe('');
    if (format === 'tsv') expect(canonicalTsv(remote.out)).toBe(canonicalTsv(local.out));
    else if (format === 'ntriples') expect(lines(remote.out)).toEqual(lines(local.out));
    else expect(remote.out).toBe(local.out);
  });

  it.each(['table', 'json', 'xml', 'csv', 'tsv'])('prints %s exactly as a local query does', async (format) => {
    const local = await query('cast', '--format', format);
    const remote = await query('cast', '--format', format, '--endpoint', endpoint);
    expect(remote.out).toBe(local.out);
    expect((await query('-e', 'ASK { ?s ?p ?o }', '--format', format, '--endpoint', endpoint)).out).toBe((await query('-e', 'ASK { ?s ?p ?o }', '--format', format)).out);
  });

  it('prints a CONSTRUCT as Turtle with the project’s prefixes', async () => {
    const { status, out } = await query('cast-card.construct', '--endpoint', endpoint);
    expect(status).toBe(0);
    expect(out).toContain('@prefix schema: <http://schema.org/>.');
    expect(out).toContain('schema:characterName "Ben Sanderson"');
  });

  it('checks the query before sending it: a syntax error names the line, an update is refused', async () => {
    const bad = await query('-e', 'SELECT ?x\nWHERE { ?x ?y }', '--endpoint', endpoint);
    expect(bad.status).toBe(1);
    expect(bad.err).toMatch(/error \[BAD_QUERY\]: query:2: SPARQL syntax error/);
    const update = await query('-e', 'INSERT DATA { <urn:a> <urn:b> <urn:c> }', '--endpoint', endpoint);
    expect(update.err).toMatch(/BAD_QUERY.*read-only/);
  });

  it('fails with the URL and the status when the endpoint refuses, or cannot be reached', async () => {
    const missing = await query('cast', '--endpoint', `${server.url}/no-such-path`);
    expect(missing.status).toBe(1);
    expect(missing.err).toMatch(new RegExp(`error \\[ENDPOINT\\]: ${server.url}/no-such-path: POST answered HTTP 404`));
    const port = await freePort();
    const closed = await query('cast', '--endpoint', `http://127.0.0.1:${port}/sparql`);
    expect(closed.status).toBe(1);
    expect(closed.err).toContain(`error [ENDPOINT]: http://127.0.0.1:${port}/sparql: POST failed: ECONNREFUSED`);
  });

  it('refuses --graph with --endpoint, --default-graph without it, and a non-http endpoint', async () => {
    expect((await query('cast', '--endpoint', endpoint, '--graph', 'x.ttl')).status).toBe(2);
    const lone = await query('cast', '--default-graph', 'https://filmkg.example/g');
    expect(lone.status).toBe(2);
    expect(lone.err).toMatch(/--default-graph needs --endpoint/);
    const ftp = await query('cast', '--endpoint', 'ftp://example.org/sparql');
    expect(ftp.status).toBe(2);
    expect(ftp.err).toMatch(/error \[USAGE\]: the endpoint must be an http\(s\) URL; got "ftp:\/\/example.org\/sparql"/);
  });
});
