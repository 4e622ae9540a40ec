// The server's HTTP edges (issue 12, family 7): the Host header cannot inject triples into the service description,
// HEAD /sparql gives the GET's Content-Length, OPTIONS answers only where something is, entity pages from a graph given
// with --graph never link a `javascript:` (or any non-http) IRI, and every HTML answer carries a Content-Security-Policy.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilmFacts } from '../src/facts/model.js';
import { loadFilms } from '../src/pipeline.js';
import { startEndpoint, type RunningEndpoint } from '../src/server/endpoint.js';
import { HTML_CSP } from '../src/server/http.js';
import { pageRoutes } from '../src/server/pages.js';

let films: FilmFacts[];
let server: RunningEndpoint;
let graphServer: RunningEndpoint;
let dir: string;

const HOSTILE_GRAPH = `
@prefix schema: <http://schema.org/> .
<https://filmkg.example/person/Mallory> schema:name "Mallory"@en ;
  schema:sameAs <javascript:alert(document.cookie)>, <JavaScript:alert(1)>, <data:text/html,hello>, <vbscript:msgbox(1)>,
    <https://example.org/fine>, <http://example.org/also-fine>, <https://filmkg.example//evil.example/x> .
`;

beforeAll(async () => {
  films = await loadFilms();
  dir = await mkdtemp(path.join(tmpdir(), 'filmkg-http-hardening-'));
  const file = path.join(dir, 'hostile.ttl');
  await writeFile(file, HOSTILE_GRAPH);
  server = await startEndpoint({ port: 0, routes: await pageRoutes({ films }), limits: { workers: 1 } });
  graphServer = await startEndpoint({ port: 0, graphFile: file, routes: await pageRoutes({ graphFile: file }), limits: { workers: 1 } });
});
afterAll(async () => {
  await server?.close();
  await graphServer?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request written byte for byte (fetch would refuse or rewrite a hostile Host header). */
function raw(target: RunningEndpoint, lines: string[]): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(new URL(target.url).port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const head = all.subarray(0, split).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      resolve({ status: Number(head[0]?.split(' ')[1]), headers, body: all.subarray(split + 4).toString('utf8') });
    });
    socket.write([...lines, 'Connection: close', '', ''].join('\r\n'), 'latin1');
  });
}

describe('the service description', () => {
  it('never copies a hostile Host header into its Turtle: no injected triple, the listening address instead', async () => {
    const port = new URL(server.url).port;
    for (const host of ['x> <http://evil.example/s> <http://evil.example/p> <http://evil.example/o> . <http://y', 'a b', 'a"b', 'a\\b', '{x}', '']) {
      const answer = await raw(server, ['GET /sparql HTTP/1.1', `Host: ${host}`]);
      if (answer.status === 400) continue; // Node itself refuses some Host headers
      expect(answer.status, host).toBe(200);
      const quads = new Parser().parse(answer.body);
      expect(quads.some((q) => /evil/.test(q.subject.value + q.predicate.value + q.object.value)), host).toBe(false);
      expect(answer.body, host).toContain(`<http://127.0.0.1:${port}/sparql> a sd:Service`);
    }
  });

  it('uses a well-formed Host header (a name, an IPv4 or a bracketed IPv6 address, with a port)', async () => {
    for (const host of ['sparql.example.org', 'sparql.example.org:8080', '10.0.0.1:80', '[::1]:3030']) {
      const answer = await raw(server, ['GET /sparql HTTP/1.1', `Host: ${host}`]);
      expect(answer.body).toContain(`<http://${host}/sparql> a sd:Service`);
      expect(() => new Parser().parse(answer.body)).not.toThrow();
    }
  });
});

describe('HEAD and OPTIONS', () => {
  it('HEAD /sparql gives the headers of GET, its Content-Length included, and no body', async () => {
    const query = encodeURIComponent('SELECT ?s WHERE { ?s a <http://schema.org/Person> } LIMIT 3');
    for (const target of [`/sparql?query=${query}`, '/sparql']) {
      const get = await raw(server, [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1']);
      const head = await raw(server, [`HEAD ${target} HTTP/1.1`, 'Host: 127.0.0.1']);
      expect(get.status).toBe(200);
      expect(head.status).toBe(200);
      expect(Number(get.headers['content-length'])).toBeGreaterThan(0);
      expect(head.headers['content-length'], target).toBe(get.headers['content-length']);
      expect(head.headers['content-type']).toBe(get.headers['content-type']);
      expect(head.body).toBe('');
    }
  });

  it('OPTIONS answers 204 with the methods where something is, and 404 elsewhere', async () => {
    const sparql = await fetch(`${server.url}/sparql`, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' } });
    expect(sparql.status).toBe(204);
    expect(sparql.headers.get('access-control-allow-methods')).toBe('GET, HEAD, POST, OPTIONS');
    const page = await fetch(`${server.url}/films/`, { method: 'OPTIONS' });
    expect(page.status).toBe(204);
    expect(page.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    for (const nowhere of ['/nothing-here', '/sparql/x', '/admin']) {
      const res = await fetch(`${server.url}${nowhere}`, { method: 'OPTIONS' });
      expect(res.status, nowhere).toBe(404);
    }
  });
});

describe('HTML answers', () => {
  it('an entity page of a --graph file links http(s) IRIs only: javascript:, data:, vbscript: are plain text', async () => {
    const res = await fetch(`${graphServer.url}/person/Mallory`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    // (The page shell's own `<link rel="icon" href="data:,">` is in the head; the graph's IRIs are in <main>.)
    const main = html.slice(html.indexOf('<main'));
    expect(main).toMatch(/<\/main>/);
    expect(main).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    expect(html).toContain('<code>javascript:alert(document.cookie)</code>');
    expect(html).toContain('<a href="https://example.org/fine">');
    expect(html).toContain('<a href="http://example.org/also-fine">');
    // A path starting // would be another host to a browser: the full IRI is linked instead.
    expect(html).not.toContain('href="//evil.example/x"');
    expect(html).toContain('href="https://filmkg.example//evil.example/x"');
    expect(res.headers.get('content-security-policy')).toBe(HTML_CSP);
  });

  it('every HTML answer carries the Content-Security-Policy: film pages, the index, entity tables', async () => {
    // A film page also allows its poster: the article's wiki (Special:FilePath) and the upload server it redirects to.
    const poster = HTML_CSP.replace('img-src data:', 'img-src data: https://en.wikipedia.org https://upload.wikimedia.org');
    for (const [target, policy] of [['/films/', HTML_CSP], ['/films/leaving-las-vegas.html', poster], ['/person/Nicolas_Cage.html', HTML_CSP]] as const) {
      const res = await fetch(`${server.url}${target}`);
      expect(res.status, target).toBe(200);
      expect(res.headers.get('content-type'), target).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy'), target).toBe(policy);
      expect(res.headers.get('x-content-type-options'), target).toBe('nosniff');
    }
    expect(HTML_CSP).toMatch(/default-src 'none'/);
    expect(HTML_CSP).not.toMatch(/script-src/);
  });
});
