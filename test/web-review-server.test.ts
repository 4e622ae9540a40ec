// Review of the pages server (`filmkg serve`): Accept precedence (a specific range overrides a wildcard, q=0 refuses,
// parameter names in any case), HEAD with the GET's headers, names typed with the raw characters the minter encodes,
// path traversal refused, and a clear error for a --graph file that does not parse. Requests are sent byte for byte.
import type http from 'node:http';
import net from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FilmFacts } from '../src/facts/model.js';
import { loadFilms } from '../src/pipeline.js';
import { startEndpoint } from '../src/server/endpoint.js';
import { pageRoutes } from '../src/server/pages.js';

let server: Awaited<ReturnType<typeof startEndpoint>>;
let films: FilmFacts[];
let dir: string;

beforeAll(async () => {
  films = await loadFilms();
  dir = await mkdtemp(path.join(tmpdir(), 'filmkg-web-review-'));
  server = await startEndpoint({ port: 0, routes: await pageRoutes({ films }) });
});
afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A request with the path sent byte for byte as given (fetch would normalise or re-encode it); the raw answer. */
function request(rawPath: string, options: { method?: string; accept?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('latin1').split('\r\n');
      const status = Number(head[0]?.split(' ')[1]);
      const headers: http.IncomingHttpHeaders = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status, headers, body: all.subarray(split + 4) });
    });
    const lines = [`${options.method ?? 'GET'} `, rawPath, ' HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n', options.accept !== undefined ? `Accept: ${options.accept}\r\n` : '', '\r\n'];
    socket.write(lines.join(''), 'latin1');
  });
}

describe('Accept: the most specific matching range gives a type its q', () => {
  const cases: [string, string][] = [
    ['text/turtle;q=0, */*', 'text/html; charset=utf-8'],
    ['text/*;q=0.5, text/turtle;q=0.1', 'text/html; charset=utf-8'],
    ['application/ld+json;q=0, application/*', 'application/n-triples'],
    ['text/html;Q=0.1, application/n-triples;q=0.5', 'application/n-triples'],
    ['text/html; q=0.9, */*; q=0.1', 'text/html; charset=utf-8'],
    ['*/*;q=0.1, text/html', 'text/html; charset=utf-8'],
    ['application/json;q=0.8, text/turtle;q=0.2', 'application/ld+json; charset=utf-8'],
  ];
  for (const [accept, type] of cases) {
    test(accept, async () => {
      const res = await request('/person/Nicolas_Cage', { accept });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(type);
    });
  }

  test('every offered type refused (q=0, specific or by wildcard) is 406', async () => {
    for (const accept of ['text/*;q=0, application/*;q=0', '*/*;q=0', 'text/turtle;q=0, text/html;q=0, application/ld+json;q=0, application/n-triples;q=0, */*']) {
      const res = await request('/person/Nicolas_Cage', { accept });
      expect(res.status, accept).toBe(406);
      expect(res.body.toString('utf8')).toMatch(/^no acceptable format; offered: text\/turtle, text\/html, application\/ld\+json, application\/n-triples/);
    }
  });
});

describe('HEAD', () => {
  test('answers with the headers of GET, Content-Length included, and no body', async () => {
    for (const [target, accept] of [
      ['/person/Nicolas_Cage', 'text/turtle'],
      ['/person/Nicolas_Cage', 'text/html'],
      ['/person/Nicolas_Cage.jsonld', undefined],
      ['/films/leaving-las-vegas.html', undefined],
      ['/films/', undefined],
      ['/graph.nt', undefined],
    ] as const) {
      const get = await request(target, accept !== undefined ? { accept } : {});
      const head = await request(target, { method: 'HEAD', ...(accept !== undefined ? { accept } : {}) });
      expect(get.status, target).toBe(200);
      expect(get.body.length, target).toBeGreaterThan(0);
      expect(head.status, target).toBe(200);
      expect(head.headers['content-type'], target).toBe(get.headers['content-type']);
      expect(head.headers['content-length'], target).toBe(String(get.body.length));
      expect(head.body.length, target).toBe(0);
    }
  });
});

describe('entity paths as people type them', () => {
  test('a raw comma (which the minter writes %2C) finds the entity', async () => {
    const encoded = await request('/place/Washington%2C_DC');
    expect(encoded.status).toBe(200);
    const raw = await request('/place/Washington,_DC');
    expect(raw.status).toBe(200);
    expect(raw.body.toString('utf8')).toBe(encoded.body.toString('utf8'));
    expect(raw.headers['content-location']).toBe('/place/Washington%2C_DC.ttl');
  });

  test('other characters the minter encodes, typed raw, and an encoded slash inside a name find the entity', async () => {
    const raw = await request("/person/John_O'Brien", { accept: 'application/n-triples' });
    expect(raw.status).toBe(200);
    expect(raw.headers['content-location']).toBe('/person/John_O%27Brien.nt');
    expect((await request('/organization/MGM%2FUA_Distribution_Co.')).status).toBe(200);
  });

  test('an escaped underscore is a different name (the minter writes a real underscore %5F, a space _)', async () => {
    expect((await request('/person/Nicolas%5FCage')).status).toBe(404);
  });

  test('path traversal, plain or encoded, reaches no file', async () => {
    for (const target of ['/films/../../etc/passwd', '/films/%2e%2e/%2e%2e/etc/passwd', '/films/..%2f..%2fetc%2fpasswd', '/person/..%2F..%2Fetc%2Fpasswd', '/films/..\\..\\package.json', '/person/%2e%2e/%2e%2e/package.json']) {
      const res = await request(target);
      expect(res.status, target).toBe(404);
      expect(res.body.toString('utf8'), target).not.toMatch(/root:|"name": "filmkg"/);
    }
  });
});

describe('filmkg serve --graph', () => {
  test('a graph file that does not parse is BAD_RDF with the file and line', async () => {
    const file = path.join(dir, 'bad.ttl');
    await writeFile(file, '<http://x.example/a> <http://x.example/b> <http://x.example/c> .\n<http://x.example/a> <http://x.example/b> "open .\n');
    await expect(pageRoutes({ graphFile: file })).rejects.toMatchObject({ code: 'BAD_RDF', place: { file, line: 2 }, expected: 'Turtle' });
  });
});
