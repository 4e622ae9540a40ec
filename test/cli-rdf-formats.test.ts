// Graph files in every syntax filmkg reads (src/rdf-file.ts, by extension): Turtle, N-Triples, N-Quads, TriG and
// JSON-LD, for `validate FILE`, `query --graph`, `load --file` (and `serve --graph`, which reads through the same
// readGraphFile); filmkg's own out/graph.jsonld read back conforms; errors name the file and line.
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataFactory, Parser, Writer } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { jsonErrorOffset, readGraphFile, readRdfFile, syntaxOf } from '../src/rdf-file.js';
import { presenceLines } from './helpers/fake-gsp.js';
import { startServeProcess } from './helpers/serve-process.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'filmkg-cli-rdf-'));
let ntriples: string[];

async function cli(...args: string[]) {
  const io = captureIo(tmp);
  const status = await run(args, io);
  return { status, out: io.out, err: io.err };
}

function write(name: string, text: string): string {
  writeFileSync(path.join(tmp, name), text);
  return name;
}

/** The graph's triples spread over named graphs (`graphs` of them), in N-Quads or TriG. */
function inNamedGraphs(format: 'N-Quads' | 'TriG', graphs: number): Promise<string> {
  const quads = new Parser({ format: 'N-Triples' }).parse(ntriples.join('\n'));
  const writer = new Writer({ format });
  // Every triple in its graph, and the first 50 in a second graph too: merged, each is kept once.
  quads.forEach((q, i) => writer.addQuad(DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.namedNode(`https://g.example/${i % graphs}`))));
  quads.slice(0, 50).forEach((q) => writer.addQuad(DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.namedNode('https://g.example/extra'))));
  return new Promise((resolve, reject) => writer.end((error, text) => (error ? reject(error) : resolve(text))));
}

beforeAll(async () => {
  const built = await cli('build', '--out', 'out');
  expect(built.status, built.err).toBe(0);
  ntriples = readFileSync(path.join(tmp, 'out', 'graph.nt'), 'utf8').split('\n').filter(Boolean);
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the syntax of a graph file, from its extension', () => {
  it.each([
    ['g.ttl', 'Turtle'],
    ['g.nt', 'N-Triples'],
    ['g.NQ', 'N-Quads'],
    ['g.trig', 'TriG'],
    ['g.jsonld', 'JSON-LD'],
    ['g.json', 'JSON-LD'],
    ['g.rdf', 'RDF/XML'],
    ['g.OWL', 'RDF/XML'],
    ['g.xml', 'RDF/XML'],
    ['graph', 'Turtle'],
  ])('%s is %s', (file, syntax) => expect(syntaxOf(file)).toBe(syntax));
});

describe('filmkg validate FILE in every syntax', () => {
  it("filmkg's own out/graph.jsonld read back conforms, with every triple of out/graph.nt", async () => {
    const r = await cli('validate', 'out/graph.jsonld');
    expect(r.err).toMatch(new RegExp(`filmkg validate: ${ntriples.length} triples conform to ontology/shapes.ttl`));
    expect(r.err).toMatch(/vocabulary: \d+ terms checked, none unknown/);
    expect(r.status).toBe(0);
    const fromJsonLd = (await readGraphFile(path.join(tmp, 'out', 'graph.jsonld'))).length;
    expect(fromJsonLd).toBe(ntriples.length);
  });

  it('N-Quads and TriG: named graphs merged into one graph, each triple once; the graph conforms', async () => {
    write('g.nq', await inNamedGraphs('N-Quads', 3));
    write('g.trig', await inNamedGraphs('TriG', 2));
    for (const file of ['g.nq', 'g.trig']) {
      const r = await cli('validate', file);
      expect(r.err).toMatch(new RegExp(`${ntriples.length} triples conform`));
      expect(r.status).toBe(0);
      expect(readRdfFile(path.join(tmp, file))).toHaveLength(ntriples.length);
    }
  });

  it('errors name the file and the line (JSON, N-Quads, TriG), or the file and what JSON-LD refused', async () => {
    const json = await cli('validate', write('bad.jsonld', '{\n  "@id": "https://a.example/x",\n  "https://a.example/p": \n}\n'));
    expect(json.status).toBe(1);
    expect(json.err).toMatch(/error \[BAD_RDF\]: bad\.jsonld:4: cannot read the graph: not JSON/);
    const nq = await cli('validate', write('bad.nq', '<urn:a> <urn:b> <urn:c> <urn:g> .\n<urn:a> <urn:b> .\n'));
    expect(nq.status).toBe(1);
    expect(nq.err).toMatch(/error \[BAD_RDF\]: bad\.nq:2: cannot read the graph: .*expected N-Quads/);
    const trig = await cli('validate', write('bad.trig', '<urn:g> {\n  <urn:a> <urn:b> <urn:c> .\n  <urn:a> <urn:b>\n}\n'));
    expect(trig.status).toBe(1);
    expect(trig.err).toMatch(/error \[BAD_RDF\]: bad\.trig:4: cannot read the graph/);
    // The offline loader: no context is fetched from the network.
    const remote = await cli('validate', write('remote.jsonld', '{"@context": "https://example.org/context.jsonld", "@id": "https://a.example/x"}'));
    expect(remote.status).toBe(1);
    expect(remote.err).toMatch(/error \[BAD_RDF\]: remote\.jsonld: cannot read the graph as JSON-LD: .*refuses to fetch.*"https:\/\/example\.org\/context\.jsonld"/);
    // Safe mode: a property that maps to no IRI is an error, not silently dropped.
    const dropped = await cli('validate', '--shapes-only', write('dropped.jsonld', '{"@id": "https://a.example/x", "nmae": "typo"}'));
    expect(dropped.status).toBe(1);
    expect(dropped.err).toMatch(/dropped\.jsonld: cannot read the graph as JSON-LD: Dropping property .*\(property "nmae"\)/);
    const missing = await cli('validate', 'nope.jsonld');
    expect(missing.err).toMatch(/\[FILE_NOT_FOUND\]: nope\.jsonld: no such graph file; expected a Turtle \(\.ttl\), N-Triples \(\.nt\), N-Quads \(\.nq\), TriG \(\.trig\), JSON-LD \(\.jsonld\) or RDF\/XML/);
  });

  it('the JSON scanner finds where JSON goes wrong', () => {
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a": "b"} x')).toBe(11);
    expect(jsonErrorOffset('{"a": [true, null, -1.5e3, "\\"x"]}')).toBeUndefined();
  });
});

describe('query --graph and load --file read the other syntaxes too', () => {
  it('query --graph out/graph.jsonld answers as out/graph.nt does; N-Quads too', async () => {
    const fromNt = await cli('query', 'cast', '--graph', 'out/graph.nt');
    expect(fromNt.status).toBe(0);
    for (const file of ['out/graph.jsonld', 'g.nq']) {
      const r = await cli('query', 'cast', '--graph', file);
      expect(r.err).toBe('');
      expect(r.out).toBe(fromNt.out);
    }
    const all = await cli('query', '-e', 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }', '--format', 'ntriples', '--graph', 'out/graph.jsonld');
    expect(all.out.split('\n').filter(Boolean).sort()).toEqual([...ntriples].sort());
  });

  it('serve --graph out/graph.jsonld serves every triple (the compiled CLI, a real process)', async () => {
    const serve = await startServeProcess(['--graph', 'out/graph.jsonld'], { cwd: tmp });
    const { url } = serve;
    try {
      const response = await fetch(`${url}/sparql?query=${encodeURIComponent('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')}`, { headers: { accept: 'application/sparql-results+json' } });
      const body = (await response.json()) as { results: { bindings: Array<{ n: { value: string } }> } };
      expect(Number(body.results.bindings[0]?.n.value)).toBe(ntriples.length);
    } finally {
      await serve.stop();
    }
  });

  it('load --file out/graph.jsonld sends every triple to the store', async () => {
    const held = new Set<string>();
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        if (req.url?.startsWith('/query')) {
          const asked = presenceLines(new URLSearchParams(body).get('query') ?? '');
          const n = asked !== undefined ? asked.filter((line) => held.has(line.replace(/\n$/, ''))).length : held.size;
          res.writeHead(200, { 'content-type': 'application/sparql-results+json' });
          res.end(JSON.stringify({ head: { vars: ['n'] }, results: { bindings: [{ n: { type: 'literal', value: String(n), datatype: 'http://www.w3.org/2001/XMLSchema#integer' } }] } }));
          return;
        }
        for (const line of body.split('\n').filter(Boolean)) held.add(line);
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const r = await cli('load', '--endpoint', `http://127.0.0.1:${port}/store`, '--file', 'out/graph.jsonld');
      expect(r.err).not.toMatch(/error/);
      expect(r.status).toBe(0);
      expect(held.size).toBe(ntriples.length);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
