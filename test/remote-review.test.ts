// Review of the remote-store client (issue 7): credentials never echoed, malformed credentials refused without
// echoing them, retries only of transient failures with bounded delays, and Graph Store URLs built correctly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { FilmkgError } from '../src/errors.js';
import { graphUrl } from '../src/remote/gsp.js';
import { authorization, displayUrl, remoteRequest } from '../src/remote/http.js';

let server: http.Server;
let base: string;
let statuses: number[] = [];
let requests = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' });
      res.end(status < 300 ? '' : `status ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterEach(() => {
  statuses = [];
  requests = 0;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function cli(args: string[], env: Record<string, string> = {}) {
  const io = captureIo(undefined, env);
  const status = await run(args, io);
  return { status, out: io.out, err: io.err };
}

describe('credentials are never echoed', () => {
  it('refuses an --endpoint URL holding user:password@ (usage, exit 2), pointing at FILMKG_STORE_AUTH, without the password', async () => {
    for (const args of [
      ['query', 'cast', '--endpoint', `http://alice:s3cret@127.0.0.1:9/sparql`],
      ['load', '--file', 'none.nt', '--endpoint', `http://alice:s3cret@127.0.0.1:9/store`],
      ['load', '--file', 'none.nt', '--endpoint', `${base}/store`, '--query-endpoint', `http://alice:s3cret@127.0.0.1:9/query`],
    ]) {
      const { status, out, err } = await cli(args);
      expect(status, args.join(' ')).toBe(2);
      expect(err).toMatch(/error \[USAGE\]: the endpoint URL must not hold credentials \(user:password@\): put them in FILMKG_STORE_AUTH; got "http:\/\/127\.0\.0\.1:9\//);
      expect(out + err).not.toContain('s3cret');
      expect(out + err).not.toContain('alice');
    }
    expect(requests).toBe(0);
  });

  it('does not echo credentials in a URL that is not http(s) or does not parse', async () => {
    const ftp = await cli(['query', 'cast', '--endpoint', 'ftp://alice:s3cret@example.org/sparql']);
    expect(ftp.status).toBe(2);
    expect(ftp.err).not.toContain('s3cret');
    expect(displayUrl('alice:s3cret@example.org/sparql')).toBe('example.org/sparql');
    expect(displayUrl('http://example.org/a@b?x=c@d')).toBe('http://example.org/a@b?x=c@d');
  });

  it('refuses a malformed Bearer token in FILMKG_STORE_AUTH without echoing it (FilmkgError USAGE)', async () => {
    const error = (() => {
      try {
        authorization('Bearer abc\nsecret-part');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FilmkgError);
    expect((error as FilmkgError).code).toBe('USAGE');
    expect((error as FilmkgError).place).toEqual({});
    expect((error as FilmkgError).message).toMatch(/^FILMKG_STORE_AUTH holds a malformed Bearer token; expected/);
    expect((error as FilmkgError).message).not.toContain('secret-part');
    const { status, err } = await cli(['query', 'cast', '--endpoint', `${base}/sparql`], { FILMKG_STORE_AUTH: 'Bearer abc\nsecret-part' });
    expect(status).toBe(2);
    expect(err).toMatch(/error \[USAGE\]: FILMKG_STORE_AUTH holds a malformed Bearer token/);
    expect(err).not.toContain('secret-part');
    expect(requests).toBe(0);
    expect(authorization('Bearer abc.DEF-123_~+/=')).toBe('Bearer abc.DEF-123_~+/=');
  });
});

describe('retries', () => {
  it.each([501, 505, 511])('does not retry HTTP %i (not transient): one request, the status named', async (status) => {
    statuses = [status, 200];
    const error = await remoteRequest('POST', `${base}/store`, { body: '' }, { retries: 3, backoffMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FilmkgError);
    expect((error as FilmkgError).code).toBe('ENDPOINT');
    expect((error as FilmkgError).place).toEqual({ file: `${base}/store` });
    expect((error as FilmkgError).message).toContain(`POST answered HTTP ${status} `);
    expect(requests).toBe(1);
  });

  it.each([429, 500, 502, 503, 504])('retries HTTP %i', async (status) => {
    statuses = [status, 200];
    const res = await remoteRequest('POST', `${base}/store`, { body: '' }, { retries: 3, backoffMs: 1 });
    expect(res.status).toBe(200);
    expect(requests).toBe(2);
  });

  it('never waits more than 30 s before a retry, however large the backoff grows', async () => {
    statuses = [503, 503];
    const delays: number[] = [];
    const stop = new Error('stop before sleeping');
    const error = await remoteRequest('POST', `${base}/store`, { body: '' }, {
      retries: 5,
      backoffMs: 1_000_000,
      onRetry: ({ delayMs }) => {
        delays.push(delayMs);
        throw stop;
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(stop);
    expect(delays).toEqual([30_000]);
  });
});

describe('Graph Store URLs', () => {
  it('percent-encodes a graph IRI with #, & and non-ASCII, after an endpoint query string', () => {
    expect(graphUrl('http://h/store', 'https://e.org/g#a&b=c/é')).toBe('http://h/store?graph=https%3A%2F%2Fe.org%2Fg%23a%26b%3Dc%2F%C3%A9');
    expect(graphUrl('http://h/store?x=1', 'https://e.org/g#a')).toBe('http://h/store?x=1&graph=https%3A%2F%2Fe.org%2Fg%23a');
    expect(graphUrl('http://h/store', undefined)).toBe('http://h/store?default');
  });

  it('puts ?graph= before a fragment of the endpoint, so the triples do not land in the default graph', async () => {
    expect(graphUrl('http://h/store#section', 'https://e.org/g')).toBe('http://h/store?graph=https%3A%2F%2Fe.org%2Fg');
    expect(graphUrl('http://h/store?x=1#s', undefined)).toBe('http://h/store?x=1&default');
    const urls: string[] = [];
    const gsp = http.createServer((req, res) => {
      urls.push(req.url ?? '');
      req.resume();
      req.on('end', () => {
        res.writeHead(req.url?.startsWith('/query') ? 200 : 204, { 'content-type': 'application/sparql-results+json' });
        res.end(req.url?.startsWith('/query') ? JSON.stringify({ head: { vars: ['n'] }, results: { bindings: [{ n: { type: 'literal', value: '1' } }] } }) : '');
      });
    });
    await new Promise<void>((resolve) => gsp.listen(0, '127.0.0.1', resolve));
    try {
      const at = `http://127.0.0.1:${(gsp.address() as { port: number }).port}`;
      const dir = mkdtempSync(path.join(os.tmpdir(), 'filmkg-review-'));
      try {
        writeFileSync(path.join(dir, 'one.nt'), '<urn:a> <urn:b> "line\\nbreak \\"quoted\\"" .\n');
        const io = captureIo(dir);
        const status = await run(['load', '--file', 'one.nt', '--endpoint', `${at}/store#x`, '--graph', 'https://e.org/g#a&b', '--query-endpoint', `${at}/query`], io);
        expect(io.err).toBe('');
        expect(status).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    } finally {
      await new Promise<void>((resolve) => gsp.close(() => resolve()));
    }
    expect(urls.filter((u) => u.startsWith('/store'))).toEqual(['/store?graph=https%3A%2F%2Fe.org%2Fg%23a%26b']);
    expect(urls.filter((u) => !u.startsWith('/store')).every((u) => u === '/query')).toBe(true);
  });
});
