// `filmkg serve` pages and linked data over HTTP on a free loopback port: the built pages, the whole graph, and every
// entity IRI dereferenceable by content negotiation (Accept, suffix, ?format=), with 303, 404 and 406 where due.
import jsonld from 'jsonld';
import { Parser } from 'n3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FilmFacts } from '../src/facts/model.js';
import { buildGraph } from '../src/graph.js';
import { loadFilms } from '../src/pipeline.js';
import type { Quad } from '../src/rdf.js';
import { startEndpoint } from '../src/server/endpoint.js';
import { pageRoutes } from '../src/server/pages.js';
import { renderWebFiles } from '../src/web/step.js';
import { tripleKey } from './helpers/browser-rdf.js';

const BASE = 'https://filmkg.example/';
let server: Awaited<ReturnType<typeof startEndpoint>>;
let films: FilmFacts[];
let quads: Quad[];

beforeAll(async () => {
  films = await loadFilms();
  quads = buildGraph(films);
  server = await startEndpoint({ port: 0, routes: await pageRoutes({ films }) });
});
afterAll(async () => {
  await server.close();
});

const get = (path: string, accept?: string) => fetch(`${server.url}${path}`, { redirect: 'manual', ...(accept ? { headers: { accept } } : {}) });
const keysOf = (qs: readonly { subject: { termType: string; value: string }; predicate: { value: string }; object: { termType: string; value: string } }[]) => qs.map((q) => tripleKey(q as Quad)).sort();
const subjectKeys = (iri: string) => keysOf(quads.filter((q) => q.subject.value === iri));

describe('pages', () => {
  test('/films/ is the index; /films redirects there; a film page and its embed are what the build writes', async () => {
    const web = renderWebFiles(films, quads, BASE);
    const index = await get('/films/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toBe(web.files.get('films/index.html'));
    const bare = await get('/films');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/films/');
    const page = await get('/films/leaving-las-vegas.html');
    expect(await page.text()).toBe(web.files.get('films/leaving-las-vegas.html'));
    const embed = await get('/films/leaving-las-vegas.jsonld');
    expect(embed.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(await embed.text()).toBe(web.files.get('films/leaving-las-vegas.jsonld'));
  });

  test('an unknown page is 404 naming the pages there are', async () => {
    const res = await get('/films/nope.html');
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/^no page at \/films\/nope\.html; pages: \/films\/index\.html, \/films\/leaving-las-vegas\.html/);
  });

  test('the whole graph as the page links it: /graph.ttl, /graph.nt, /graph.jsonld', async () => {
    const ttl = await get('/graph.ttl');
    expect(ttl.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    expect(new Parser().parse(await ttl.text())).toHaveLength(quads.length);
    const nt = await get('/graph.nt');
    expect(nt.headers.get('content-type')).toBe('application/n-triples');
    expect((await nt.text()).trim().split('\n')).toHaveLength(quads.length);
    const ld = await get('/graph.jsonld');
    expect(ld.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
  });
});

describe('dereferenceable entity IRIs', () => {
  const cage = `${BASE}person/Nicolas_Cage`;

  test('Turtle by default (*/* or no Accept), with alternates in a Link header', async () => {
    for (const accept of [undefined, '*/*', 'text/turtle']) {
      const res = await get('/person/Nicolas_Cage', accept);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
      expect(res.headers.get('vary')).toBe('Accept, Accept-Encoding');
      expect(res.headers.get('link')).toContain('</person/Nicolas_Cage.jsonld>; rel="alternate"; type="application/ld+json"');
      expect(keysOf(new Parser().parse(await res.text()))).toEqual(subjectKeys(cage));
    }
  });

  test('JSON-LD and N-Triples by Accept give the same triples', async () => {
    const ld = await get('/person/Nicolas_Cage', 'application/ld+json');
    expect(ld.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const doc = (await ld.json()) as jsonld.JsonLdDocument;
    expect(keysOf((await jsonld.toRDF(doc)) as unknown as Quad[])).toEqual(subjectKeys(cage));
    const plainJson = await get('/person/Nicolas_Cage', 'application/json');
    expect(plainJson.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const nt = await get('/person/Nicolas_Cage', 'application/n-triples;q=1, text/turtle;q=0.5');
    expect(nt.headers.get('content-type')).toBe('application/n-triples');
    expect(keysOf(new Parser({ format: 'N-Triples' }).parse(await nt.text()))).toEqual(subjectKeys(cage));
  });

  test('a suffix or ?format= overrides Accept', async () => {
    const nt = await get('/person/Nicolas_Cage.nt', 'text/html');
    expect(nt.headers.get('content-type')).toBe('application/n-triples');
    expect(nt.headers.get('content-location')).toBe('/person/Nicolas_Cage.nt');
    const ld = await get('/person/Nicolas_Cage?format=jsonld', 'text/turtle');
    expect(ld.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    const html = await get('/person/Nicolas_Cage.html');
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  test('browsers get HTML: the film 303s to its page, other entities get their entity page', async () => {
    const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const film = await get('/film/leaving-las-vegas', browserAccept);
    expect(film.status).toBe(303);
    expect(film.headers.get('location')).toBe('/films/leaving-las-vegas.html');
    const person = await get('/person/Nicolas_Cage', browserAccept);
    expect(person.status).toBe(200);
    const html = await person.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1>Nicolas Cage</h1>');
    expect(html).toContain(`<p class="iri"><code>${cage}</code></p>`);
    expect(html).toContain('<a href="http://www.wikidata.org/entity/Q42869">Nicolas Cage</a> <small><code>wd:Q42869</code></small>');
    // The same page as the one `filmkg build` writes at person/Nicolas_Cage.html, with this server's format links.
    const page = await get('/person/Nicolas_Cage.html', 'text/turtle');
    expect(await page.text()).toBe(html);
    expect(html).toContain('<a href="Nicolas_Cage.ttl">Turtle</a>');
  });

  test('a description includes the statement nodes it points at (one level)', async () => {
    const film = `${BASE}film/leaving-las-vegas`;
    const res = await get('/film/leaving-las-vegas.nt');
    const triples = new Parser({ format: 'N-Triples' }).parse(await res.text());
    const statements = new Set(quads.filter((q) => q.subject.value === film && q.object.value.startsWith(`${BASE}statement/`)).map((q) => q.object.value));
    expect(statements.size).toBeGreaterThan(50);
    const expected = quads.filter((q) => q.subject.value === film || statements.has(q.subject.value));
    expect(keysOf(triples)).toEqual(keysOf(expected));
    expect(triples.some((q) => q.subject.value.startsWith(`${BASE}reference/`))).toBe(false);
  });

  test('names as the minter encodes them, also typed with a raw apostrophe or lower-case escapes', async () => {
    for (const path of ["/person/John_O'Brien", '/person/John_O%27Brien', '/person/Lila_Caz%c3%a8s', '/person/Lila_Caz%C3%A8s']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
    }
  });

  test('unknown entities are 404 with the IRI; unsupported formats 406 with what is offered', async () => {
    const missing = await get('/person/Nobody_At_All');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(`no entity <${BASE}person/Nobody_At_All> in the graph (paths under / name IRIs under ${BASE})\n`);
    const png = await get('/person/Nicolas_Cage', 'image/png');
    expect(png.status).toBe(406);
    expect(await png.text()).toMatch(/^no acceptable format; offered: text\/turtle, text\/html, application\/ld\+json, application\/n-triples/);
    const pdf = await get('/person/Nicolas_Cage?format=pdf');
    expect(pdf.status).toBe(406);
  });

  test('HEAD answers without a body; POST is 405; the SPARQL endpoint and its 404 are unchanged', async () => {
    const head = await fetch(`${server.url}/person/Nicolas_Cage`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    expect(await head.text()).toBe('');
    const post = await fetch(`${server.url}/person/Nicolas_Cage`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    const ask = await fetch(`${server.url}/sparql?query=${encodeURIComponent('ASK { ?s ?p ?o }')}`);
    expect(await ask.json()).toMatchObject({ boolean: true });
    expect((await get('/nothing-here')).status).toBe(404);
  });
});
