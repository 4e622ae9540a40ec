// The SPARQL 1.1 Protocol by the book (issue 13): the dataset parameters, one query per request, Accept negotiation
// with format=/output= as a fallback, RDF/XML and JSON-LD graph results, the negotiated service description, the
// dataset description (/dataset, /void.ttl), the ontology and the shapes, and gzip, ETag and 304 on every route.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import jsonld from 'jsonld';
import { Parser } from 'n3';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDataset, descriptionTurtle } from '../src/describe/dataset.js';
import { DISTRIBUTIONS } from '../src/describe/step.js';
import { toNTriples } from '../src/export/ntriples.js';
import { buildGraph } from '../src/graph.js';
import { DEFAULT_BASE } from '../src/iri.js';
import { loadFilms } from '../src/pipeline.js';
import type { Quad } from '../src/rdf.js';
import { startEndpoint, type RunningEndpoint } from '../src/server/endpoint.js';
import { pageRoutes } from '../src/server/pages.js';
import { OxigraphStore } from '../src/store/oxigraph.js';

const ONTOLOGY = path.join(import.meta.dirname, '..', 'ontology');
const GRAPH = `${DEFAULT_BASE}graph`;
const DATASET = `${DEFAULT_BASE}dataset`;
const COUNT = 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }';
const CONSTRUCT = 'PREFIX schema: <http://schema.org/> CONSTRUCT { ?p schema:name ?n } WHERE { ?f a schema:Movie ; schema:actor/schema:actor ?p . ?p schema:name ?n }';

let server: RunningEndpoint;
let endpoint: string;
let quads: Quad[];
let voidTurtle: string;

beforeAll(async () => {
  const films = await loadFilms();
  quads = buildGraph(films);
  const store = OxigraphStore.fromText(toNTriples(quads));
  try {
    voidTurtle = descriptionTurtle(await describeDataset(store, { base: DEFAULT_BASE, files: DISTRIBUTIONS }));
  } finally {
    store.close();
  }
  server = await startEndpoint({ port: 0, routes: await pageRoutes({ films, quads }), limits: { workers: 2 }, graph: { ntriples: toNTriples(quads), triples: quads.length, source: 'test' } });
  endpoint = `${server.url}/sparql`;
}, 60_000);
afterAll(async () => {
  await server?.close();
});

/** A request whose answer is read as it came (Node's fetch would decode gzip): status, headers and raw body. */
function raw(url: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const q = (query: string, extra = ''): string => `${endpoint}?query=${encodeURIComponent(query)}${extra}`;
const count = async (res: Response): Promise<number> => Number(((await res.json()) as { results: { bindings: Array<{ n: { value: string } }> } }).results.bindings[0]?.n.value);
const form = (params: Record<string, string | string[]>): string => {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const value of [v].flat()) out.append(k, value);
  return out.toString();
};
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

type Triple = { subject: { termType: string; value: string }; predicate: { value: string }; object: { termType: string; value: string; language?: string; datatype?: { value: string } } };
/** Triples in the canonical N-Quads of RDF Dataset Canonicalization (URDNA2015, by jsonld), sorted: equal for isomorphic graphs, blank nodes included. */
async function keys(triples: Iterable<Triple>): Promise<string[]> {
  const term = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }): string =>
    t.termType === 'NamedNode' ? `<${t.value}>` : t.termType === 'BlankNode' ? `_:${t.value}` : `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^<${t.datatype?.value ?? ''}>`}`;
  const nquads = [...triples].map((t) => `${term(t.subject)} <${t.predicate.value}> ${term(t.object)} .\n`).join('');
  // The shapes' many alike blank nodes (property shapes) need more than the default work factor.
  const options = { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads', canonizeOptions: { maxWorkFactor: 3 } };
  const canonical = (await jsonld.canonize(nquads as unknown as jsonld.JsonLdDocument, options as jsonld.Options.Normalize)) as string;
  return canonical.split('\n').filter(Boolean).sort();
}
function fromRdfXml(text: string): Promise<string[]> {
  const store = new oxigraph.Store();
  store.load(text, { format: 'application/rdf+xml' });
  return keys(store.match(null, null, null, null));
}
async function fromJsonLd(text: string): Promise<string[]> {
  return keys((await jsonld.toRDF(JSON.parse(text) as jsonld.JsonLdDocument)) as unknown as Triple[]);
}
const fromTurtle = (text: string): Promise<string[]> => keys(new Parser().parse(text));
const fromNTriples = (text: string): Promise<string[]> => keys(new Parser({ format: 'N-Triples' }).parse(text));

describe('dataset parameters', () => {
  it('default-graph-uri naming the graph or the dataset is honoured, and overrides the query\'s FROM', async () => {
    const fromElsewhere = 'SELECT (COUNT(*) AS ?n) FROM <https://elsewhere.example/g> WHERE { ?s ?p ?o }';
    expect(await count(await fetch(q(fromElsewhere)))).toBe(0);
    for (const iri of [GRAPH, DATASET]) {
      expect(await count(await fetch(q(fromElsewhere, `&default-graph-uri=${encodeURIComponent(iri)}`))), iri).toBe(quads.length);
      const posted = await fetch(endpoint, { method: 'POST', headers: FORM, body: form({ query: fromElsewhere, 'default-graph-uri': iri }) });
      expect(await count(posted), iri).toBe(quads.length);
      const direct = await fetch(`${endpoint}?default-graph-uri=${encodeURIComponent(iri)}`, { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: fromElsewhere });
      expect(await count(direct), iri).toBe(quads.length);
    }
    const both = await fetch(q(COUNT, `&default-graph-uri=${encodeURIComponent(GRAPH)}&default-graph-uri=${encodeURIComponent(DATASET)}`));
    expect(await count(both)).toBe(quads.length);
  });

  it('refuses any other default graph, and any named graph, with 400 naming the parameter and what is served', async () => {
    const other = await fetch(q(COUNT, `&default-graph-uri=${encodeURIComponent('https://elsewhere.example/g')}`));
    expect(other.status).toBe(400);
    expect(await other.text()).toBe(`default-graph-uri "https://elsewhere.example/g" is not served here: this endpoint serves one default graph, <${GRAPH}> (of the dataset <${DATASET}>); give one of those IRIs or leave default-graph-uri out\n`);
    const mixed = await fetch(endpoint, { method: 'POST', headers: FORM, body: form({ query: COUNT, 'default-graph-uri': [GRAPH, 'urn:x'] }) });
    expect(mixed.status).toBe(400);
    for (const iri of [GRAPH, 'https://elsewhere.example/g']) {
      const named = await fetch(q(COUNT, `&named-graph-uri=${encodeURIComponent(iri)}`));
      expect(named.status).toBe(400);
      expect(await named.text()).toBe(`named-graph-uri ${JSON.stringify(iri)} is not served here: this endpoint has no named graphs, only the default graph <${GRAPH}>; leave named-graph-uri out\n`);
    }
  });
});

describe('one query per request', () => {
  it('refuses a second query= (URL or form) and a query both in the URL and in the body, with 400', async () => {
    const twice = await fetch(`${q('ASK {}')}&query=${encodeURIComponent('ASK { ?s ?p ?o }')}`);
    expect(twice.status).toBe(400);
    expect(await twice.text()).toBe('the query parameter is given 2 times; give one query\n');
    const inForm = await fetch(endpoint, { method: 'POST', headers: FORM, body: form({ query: ['ASK {}', 'ASK {}'] }) });
    expect(inForm.status).toBe(400);
    const urlAndForm = await fetch(q('ASK {}'), { method: 'POST', headers: FORM, body: form({ query: 'ASK {}' }) });
    expect(urlAndForm.status).toBe(400);
    expect(await urlAndForm.text()).toBe('the query is given both in the URL and in the request body; give it once\n');
    const urlAndBody = await fetch(q('ASK {}'), { method: 'POST', headers: { 'content-type': 'application/sparql-query' }, body: 'ASK {}' });
    expect(urlAndBody.status).toBe(400);
  });
});

describe('result formats and negotiation', () => {
  it('serves CONSTRUCT in Turtle, N-Triples, RDF/XML and JSON-LD, the same triples in each', async () => {
    const nt = await fetch(q(CONSTRUCT), { headers: { accept: 'application/n-triples' } });
    const want = await fromNTriples(await nt.text());
    expect(want.length).toBeGreaterThanOrEqual(3);
    expect(want).toContain(`<${DEFAULT_BASE}person/Nicolas_Cage> <http://schema.org/name> "Nicolas Cage" .`);
    const turtle = await fetch(q(CONSTRUCT), { headers: { accept: 'text/turtle' } });
    expect(await fromTurtle(await turtle.text())).toEqual(want);
    const xml = await fetch(q(CONSTRUCT), { headers: { accept: 'application/rdf+xml' } });
    expect(xml.headers.get('content-type')).toBe('application/rdf+xml; charset=utf-8');
    expect(await fromRdfXml(await xml.text())).toEqual(want);
    const ld = await fetch(q(CONSTRUCT), { headers: { accept: 'application/ld+json' } });
    expect(ld.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
    expect(await fromJsonLd(await ld.text())).toEqual(want);
  });

  it('lets Accept decide when it names an offered type; format= / output= decide when it names none, or only */*', async () => {
    const type = async (url: string, accept?: string) => (await fetch(url, accept === undefined ? {} : { headers: { accept } })).headers.get('content-type')?.split(';')[0];
    // SPARQLWrapper's CONSTRUCT with N3: Accept names Turtle, format=n3 too.
    expect(await type(q(CONSTRUCT, '&format=n3&output=n3&results=n3'), 'application/turtle,text/turtle,text/rdf+n3,application/n-triples,application/n3,text/n3')).toBe('text/turtle');
    // Accept wins over format= when it names an offered type.
    expect(await type(q(COUNT, '&format=json'), 'text/csv')).toBe('text/csv');
    expect(await type(q(CONSTRUCT, '&format=ntriples'), 'application/rdf+xml')).toBe('application/rdf+xml');
    // */* (or no match): format= decides; `xml` is SPARQL XML for SELECT and RDF/XML for a graph.
    expect(await type(q(COUNT, '&format=xml'), '*/*')).toBe('application/sparql-results+xml');
    expect(await type(q(CONSTRUCT, '&format=xml'), '*/*')).toBe('application/rdf+xml');
    expect(await type(q(COUNT, '&output=tsv'), 'image/png')).toBe('text/tab-separated-values');
    expect(await type(q(CONSTRUCT, '&format=rdf%2Bxml&format=application%2Frdf%2Bxml'), '*/*')).toBe('application/rdf+xml');
    // SPARQLWrapper's other names: json is JSON-LD for a graph, rdf and rdf+xml RDF/XML, turtle Turtle.
    for (const [name, graphType] of [['json', 'application/ld+json'], ['rdf', 'application/rdf+xml'], ['turtle', 'text/turtle'], ['n3', 'text/turtle']] as const) {
      expect(await type(q(CONSTRUCT, `&format=${name}`), '*/*'), name).toBe(graphType);
    }
    expect(await type(q(COUNT, '&format=json'), '*/*')).toBe('application/sparql-results+json');
    expect(await type(q(COUNT, '&format=text%2Fcsv'), 'text/html,*/*;q=0.8')).toBe('text/csv');
    // A format= value naming nothing offered is passed over; */* then gives the default.
    expect(await type(q(COUNT, '&format=bogus'), '*/*')).toBe('application/sparql-results+json');
    const refused = await fetch(q(COUNT, '&format=turtle'), { headers: { accept: 'image/png' } });
    expect(refused.status).toBe(406);
    expect(await refused.text()).toMatch(/^no acceptable result format for a SELECT query; offered: application\/sparql-results\+json, application\/sparql-results\+xml, text\/csv, text\/tab-separated-values .*; format= gave "turtle"\n$/);
  });
});

describe('the service description (GET /sparql without a query)', () => {
  const SD = 'http://www.w3.org/ns/sparql-service-description#';
  it('is the same graph in Turtle, JSON-LD, N-Triples and RDF/XML, by Accept or format=', async () => {
    const turtle = await fetch(endpoint, { headers: { accept: 'text/turtle' } });
    expect(turtle.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    const want = await fromTurtle(await turtle.text());
    expect(await fromJsonLd(await (await fetch(endpoint, { headers: { accept: 'application/ld+json' } })).text())).toEqual(want);
    expect(await fromNTriples((await (await fetch(endpoint, { headers: { accept: 'application/n-triples' } })).text()))).toEqual(want);
    expect(await fromRdfXml(await (await fetch(`${endpoint}?format=rdf`)).text())).toEqual(want);
  });

  it('names the endpoint, SPARQL 1.1 Query, every result format (each of which is served), and the dataset with its VoID', async () => {
    const triples = new Parser().parse(await (await fetch(endpoint)).text());
    const objects = (s: string, p: string) => triples.filter((t) => t.subject.value === s && t.predicate.value === p).map((t) => t.object.value).sort();
    expect(objects(endpoint, `${SD}endpoint`)).toEqual([endpoint]);
    expect(objects(endpoint, `${SD}supportedLanguage`)).toEqual([`${SD}SPARQL11Query`]);
    expect(objects(endpoint, `${SD}feature`)).toEqual([]);
    expect(objects(endpoint, `${SD}defaultDataset`)).toEqual([DATASET]);
    expect(objects(DATASET, `${SD}defaultGraph`)).toEqual([GRAPH]);
    expect(objects(DATASET, 'http://www.w3.org/2000/01/rdf-schema#seeAlso')).toEqual([`${server.url}/dataset`, `${server.url}/void.ttl`]);
    expect(objects(GRAPH, 'http://rdfs.org/ns/void#triples')).toEqual([String(quads.length)]);
    const formats = objects(endpoint, `${SD}resultFormat`).map((f) => f.replace('http://www.w3.org/ns/formats/', ''));
    expect(formats).toEqual(['JSON-LD', 'N-Triples', 'RDF_XML', 'SPARQL_Results_CSV', 'SPARQL_Results_JSON', 'SPARQL_Results_TSV', 'SPARQL_Results_XML', 'Turtle']);
    const byFormat: Record<string, [string, string]> = {
      'JSON-LD': ['application/ld+json', CONSTRUCT],
      'N-Triples': ['application/n-triples', CONSTRUCT],
      RDF_XML: ['application/rdf+xml', CONSTRUCT],
      Turtle: ['text/turtle', CONSTRUCT],
      SPARQL_Results_CSV: ['text/csv', COUNT],
      SPARQL_Results_JSON: ['application/sparql-results+json', COUNT],
      SPARQL_Results_TSV: ['text/tab-separated-values', COUNT],
      SPARQL_Results_XML: ['application/sparql-results+xml', COUNT],
    };
    for (const f of formats) {
      const [type, query] = byFormat[f] as [string, string];
      const res = await fetch(q(query), { headers: { accept: type } });
      expect(res.status, f).toBe(200);
      expect(res.headers.get('content-type')?.split(';')[0], f).toBe(type);
    }
  });

  it('answers a browser with the query page (sendQueryPage), not 406', async () => {
    const res = await fetch(endpoint, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(res.status).toBe(200);
  });
});

describe('the dataset description, the ontology and the shapes', () => {
  it('/void.ttl is byte for byte the void.ttl `filmkg build` writes; /dataset the same graph in every format', async () => {
    const file = await fetch(`${server.url}/void.ttl`);
    expect(file.headers.get('content-type')).toBe('text/turtle; charset=utf-8');
    expect(await file.text()).toBe(voidTurtle);
    expect(await (await fetch(`${server.url}/dataset`)).text()).toBe(voidTurtle);
    const want = await fromTurtle(voidTurtle);
    expect(await fromJsonLd(await (await fetch(`${server.url}/dataset`, { headers: { accept: 'application/ld+json' } })).text())).toEqual(want);
    expect(await fromNTriples((await (await fetch(`${server.url}/dataset.nt`)).text()))).toEqual(want);
    const xml = await fetch(`${server.url}/dataset`, { headers: { accept: 'application/rdf+xml' } });
    expect(xml.headers.get('content-location')).toBe('/dataset.rdf');
    expect(await fromRdfXml(await xml.text())).toEqual(want);
  });

  it.each([
    ['/ontology', 'filmkg.ttl'],
    ['/shapes', 'shapes.ttl'],
  ])('%s serves ontology/%s as it is in Turtle, and its triples in JSON-LD, N-Triples and RDF/XML', async (route, file) => {
    const text = readFileSync(path.join(ONTOLOGY, file), 'utf8');
    const want = await fromTurtle(text);
    expect(want.length).toBeGreaterThan(20);
    expect(await (await fetch(`${server.url}${route}`)).text()).toBe(text);
    expect(await (await fetch(`${server.url}${route}.ttl`)).text()).toBe(text);
    expect(await fromJsonLd(await (await fetch(`${server.url}${route}.jsonld`)).text())).toEqual(want);
    expect(await fromNTriples((await (await fetch(`${server.url}${route}`, { headers: { accept: 'application/n-triples' } })).text()))).toEqual(want);
    expect(await fromRdfXml(await (await fetch(`${server.url}${route}?format=rdf`)).text())).toEqual(want);
    const png = await fetch(`${server.url}${route}`, { headers: { accept: 'image/png' } });
    expect(png.status).toBe(406);
    expect(await png.text()).toMatch(new RegExp(`^no acceptable format for ${route}; offered: text/turtle, application/ld\\+json, application/n-triples, application/rdf\\+xml`));
  });
});

describe('gzip, ETag and 304 on every route', () => {
  it.each(['/graph.ttl', '/films/leaving-las-vegas.html', '/film/leaving-las-vegas', '/dataset', '/ontology', `/sparql?query=${encodeURIComponent('CONSTRUCT WHERE { ?s ?p ?o } LIMIT 100')}`])('%s', async (target) => {
    const url = `${server.url}${target}`;
    const plain = await raw(url);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept, Accept-Encoding');
    const tag = plain.headers.etag as string;
    expect(tag).toMatch(/^"[\w-]{27}"$/);
    const packed = await raw(url, { 'accept-encoding': 'br, gzip;q=0.8' });
    expect(packed.headers['content-encoding']).toBe('gzip');
    expect(packed.headers.etag).toBe(`${tag.slice(0, -1)}-gzip"`);
    expect(Number(packed.headers['content-length'])).toBe(packed.body.byteLength);
    expect(packed.body.byteLength).toBeLessThan(plain.body.byteLength);
    expect(zlib.gunzipSync(packed.body).equals(plain.body)).toBe(true);
    const head = await raw(url, { 'accept-encoding': 'gzip' }, 'HEAD');
    expect(head.headers['content-length']).toBe(packed.headers['content-length']);
    expect(head.body.byteLength).toBe(0);
    // The same bytes again: the same tag. A cache holding either encoding is answered 304, without a body.
    expect((await raw(url)).headers.etag).toBe(tag);
    for (const [asked, encoding] of [[tag, undefined], [`W/${tag}`, 'gzip'], [packed.headers.etag as string, 'gzip'], [`"other", ${tag}`, undefined]] as const) {
      const again = await raw(url, { 'if-none-match': asked, ...(encoding ? { 'accept-encoding': encoding } : {}) });
      expect(again.status, asked).toBe(304);
      expect(again.body.byteLength).toBe(0);
      expect(again.headers.etag).toBe(encoding ? packed.headers.etag : tag);
      expect(again.headers.vary).toBe('Accept, Accept-Encoding');
    }
    expect((await raw(url, { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('leaves small bodies, gzip;q=0 and errors alone', async () => {
    const small = await raw(`${q('ASK {}')}`, { 'accept-encoding': 'gzip' });
    expect(small.body.byteLength).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.etag).toBeDefined();
    const refused = await raw(`${server.url}/graph.ttl`, { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    const missing = await raw(`${server.url}/person/Nobody_At_All`, { 'accept-encoding': 'gzip' });
    expect(missing.status).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
  });
});
