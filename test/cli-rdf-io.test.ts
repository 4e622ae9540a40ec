// RDF in every syntax, both ways: RDF/XML and JSON-LD graphs (filmkg's own exports) answer every bundled query as the
// Turtle does; standard input (`-`) in every command that reads a graph, sniffed or by --input-format; every export
// format reads back to exactly the graph (round trip); query results in SPARQL XML (read back by rdflib, an independent
// parser) and graphs in N-Quads, RDF/XML and Turtle with the vocabulary's prefixes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { toNQuads } from '../src/export/nquads.js';
import { toNTriples } from '../src/export/ntriples.js';
import { toRdfXml } from '../src/export/rdfxml.js';
import { parseRdf, parseRdfXml, parseSniffed, readGraphFile, sniffSyntax } from '../src/rdf-file.js';
import { bundledQueries } from '../src/sparql/bundled.js';
import { checkQuery } from '../src/sparql/check.js';
import { prefixes } from '../src/vocab.js';
import { canonicalTsv } from './helpers/results.js';
import { startServeProcess } from './helpers/serve-process.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'filmkg-rdf-io-'));
let ntriples: string;

async function cli(args: string[], stdin?: string) {
  const io = captureIo(tmp, {}, stdin);
  const status = await run(args, io);
  return { status, out: io.out, err: io.err };
}

/** The triples of a text in any syntax as canonical N-Triples (no blank nodes in filmkg's graph: equal text is isomorphism). */
async function canonical(text: string, source: string): Promise<string> {
  return toNTriples(await parseSniffed(text, source));
}

beforeAll(async () => {
  const built = await cli(['build', '--out', 'out']);
  expect(built.status, built.err).toBe(0);
  ntriples = readFileSync(path.join(tmp, 'out', 'graph.nt'), 'utf8');
  const rdfxml = await cli(['export', '--format', 'rdfxml', '--out', 'graph.rdf']);
  expect(rdfxml.status, rdfxml.err).toBe(0);
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a JSON-LD and an RDF/XML graph load with --graph', () => {
  const selects = bundledQueries().filter((q) => checkQuery(q.text).form !== 'CONSTRUCT' && checkQuery(q.text).form !== 'DESCRIBE');
  it.each(selects.map((q) => [q.name] as const))('%s: the same answers from out/graph.jsonld and graph.rdf as from out/graph.ttl', async (name) => {
    const turtle = await cli(['query', name, '--format', 'tsv', '--graph', 'out/graph.ttl']);
    expect(turtle.status, turtle.err).toBe(0);
    expect(turtle.out.split('\n').length).toBeGreaterThan(1);
    for (const file of ['out/graph.jsonld', 'graph.rdf']) {
      const other = await cli(['query', name, '--format', 'tsv', '--graph', file]);
      expect(other.err).toBe('');
      expect(canonicalTsv(other.out)).toBe(canonicalTsv(turtle.out));
    }
  });

  it('graph.rdf holds exactly the triples of out/graph.nt (read by rdfxml-streaming-parser, written by oxigraph)', async () => {
    expect(toNTriples(await readGraphFile(path.join(tmp, 'graph.rdf')))).toBe(ntriples);
    const valid = await cli(['validate', 'graph.rdf']);
    expect(valid.err).toMatch(/triples conform to ontology\/shapes\.ttl/);
    expect(valid.status).toBe(0);
  });

  it('an RDF/XML error names the file and the line', async () => {
    writeFileSync(
      path.join(tmp, 'bad.rdf'),
      '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description rdf:about="https://a.example/x">\n  <p:q xmlns:p="https://a.example/">v</p:r>\n</rdf:Description>\n</rdf:RDF>\n',
    );
    const r = await cli(['validate', 'bad.rdf']);
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^filmkg validate: error \[BAD_RDF\]: bad\.rdf:4: cannot read the graph: .*expected RDF\/XML\n$/);
    await expect(parseRdfXml('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n\n<rdf:Description rdf:about="x:y">\n<foo/>\n</rdf:Description></rdf:RDF>', 'in.rdf')).rejects.toThrow(/^in\.rdf:4: /);
  });
});

describe('standard input (-) wherever a graph is read', () => {
  it.each([
    ['{"@id": "https://a.example/x"}', 'JSON-LD'],
    [' [ ]', 'JSON-LD'],
    ['<?xml version="1.0"?><rdf:RDF/>', 'RDF/XML'],
    ['<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>', 'RDF/XML'],
    ['<!-- a comment --><rdf:RDF/>', 'RDF/XML'],
    ['<rdf:RDF/>', 'RDF/XML'],
    ['<urn:a> <urn:b> <urn:c> .', 'TriG'],
    ['<https://a.example/x> <https://a.example/p> "o" .', 'TriG'],
    ['@prefix a: <https://a.example/> . a:x a:p a:o .', 'TriG'],
  ])('%j is sniffed as %s', (text, syntax) => expect(sniffSyntax(text)).toBe(syntax));

  it('a text that no syntax reads fails with TriG’s error, naming stdin and the line', async () => {
    await expect(parseSniffed('<urn:a> <urn:b> .\n', 'stdin')).rejects.toThrow(/^stdin:1: cannot read the graph: .*; expected TriG$/);
  });

  it('N-Quads on standard input is read as N-Quads when TriG cannot read it', async () => {
    const quads = await parseSniffed('<https://a.example/x> <https://a.example/p> "o" <https://a.example/g> .\n', 'stdin');
    expect(quads.map((q) => [q.subject.value, q.object.value, q.graph.termType])).toEqual([['https://a.example/x', 'o', 'DefaultGraph']]);
  });

  it.each(['out/graph.ttl', 'out/graph.nt', 'out/graph.jsonld', 'graph.rdf'])('query --graph - answers from %s on standard input, sniffed', async (file) => {
    const text = readFileSync(path.join(tmp, file), 'utf8');
    const r = await cli(['query', '-e', 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', '--format', 'csv', '--graph', '-'], text);
    expect(r.err).toBe('');
    expect(r.out).toBe(`n\r\n${ntriples.split('\n').filter(Boolean).length}\r\n`);
  });

  it('validate - and load --file - read standard input; --input-format names the syntax', async () => {
    const v = await cli(['validate', '-', '--input-format', 'rdfxml'], readFileSync(path.join(tmp, 'graph.rdf'), 'utf8'));
    expect(v.err).toMatch(/triples conform/);
    expect(v.status).toBe(0);
    // Named as Turtle, RDF/XML fails with Turtle's error: the option is obeyed, not second-guessed.
    const wrong = await cli(['validate', '-', '--input-format', 'turtle'], readFileSync(path.join(tmp, 'graph.rdf'), 'utf8'));
    expect(wrong.status).toBe(1);
    expect(wrong.err).toMatch(/error \[BAD_RDF\]: stdin:1: .*expected Turtle/);
    // A file whose name says nothing, read as the format given.
    writeFileSync(path.join(tmp, 'graph.data'), readFileSync(path.join(tmp, 'out', 'graph.jsonld')));
    const named = await cli(['query', '-e', 'ASK { ?s a <http://schema.org/Movie> }', '--graph', 'graph.data', '--input-format', 'jsonld']);
    expect(named.out).toBe('true\n');
    const load = await cli(['load', '--endpoint', 'http://127.0.0.1:9/store', '--file', '-', '--input-format', 'jsonld', '--retries', '0', '--timeout', '2000'], '{"@id": 1');
    expect(load.status).toBe(1);
    expect(load.err).toMatch(/error \[BAD_RDF\]: stdin:1: cannot read the graph: not JSON/);
  });

  it('serve --graph - serves the RDF/XML piped to it (the compiled CLI, a real process)', async () => {
    const serve = await startServeProcess(['--graph', '-'], { cwd: tmp, stdin: readFileSync(path.join(tmp, 'graph.rdf')) });
    const { url } = serve;
    try {
      const response = await fetch(`${url}/sparql?query=${encodeURIComponent('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }')}`, { headers: { accept: 'text/csv' } });
      expect(await response.text()).toBe(`n\r\n${ntriples.split('\n').filter(Boolean).length}\r\n`);
      const entity = await fetch(`${url}/person/Nicolas_Cage`, { headers: { accept: 'application/n-triples' } });
      expect(await entity.text()).toContain('<https://filmkg.example/person/Nicolas_Cage> <http://schema.org/name> "Nicolas Cage" .');
    } finally {
      await serve.stop();
    }
  }, 60_000);

  it('refuses standard input for both the query and the graph, and a mistyped --input-format with a suggestion (exit 2)', async () => {
    const both = await cli(['query', '-', '--graph', '-'], 'ASK {}');
    expect(both.status).toBe(2);
    expect(both.err).toMatch(/USAGE.*standard input can hold the query or the graph, not both/);
    const typo = await cli(['validate', 'graph.rdf', '--input-format', 'rdf-xml']);
    expect(typo.status).toBe(2);
    expect(typo.err).toMatch(/error \[USAGE\]: --input-format: unknown --input-format "rdf-xml"; did you mean rdfxml\?; expected one of turtle, ntriples, nquads, trig, jsonld, rdfxml/);
    const alone = await cli(['query', 'cast', '--input-format', 'turtle']);
    expect(alone.status).toBe(2);
    expect(alone.err).toMatch(/--input-format needs --graph FILE/);
  });
});

describe('filmkg export --format: the whole graph in every syntax, read back to exactly the graph', () => {
  it.each([
    ['turtle', 'Turtle'],
    ['ntriples', 'N-Triples'],
    ['nquads', 'N-Quads'],
    ['jsonld', 'JSON-LD'],
    ['rdfxml', 'RDF/XML'],
  ] as const)('%s round-trips (%s), byte-identical run after run', async (format, _syntax) => {
    const first = await cli(['export', '--format', format]);
    expect(first.status, first.err).toBe(0);
    expect(await canonical(first.out, format)).toBe(ntriples);
    const second = await cli(['export', '--format', format]);
    expect(second.out).toBe(first.out);
  });

  it.each([
    ['turtle', 'graph.ttl'],
    ['ntriples', 'graph.nt'],
    ['jsonld', 'graph.jsonld'],
  ])('%s is byte for byte out/%s as filmkg build writes it', async (format, file) => {
    expect((await cli(['export', '--format', format])).out).toBe(readFileSync(path.join(tmp, 'out', file), 'utf8'));
  });

  it('N-Quads: the default graph has no graph term, a named graph keeps its own, lines sorted and unique', () => {
    const quads = parseRdf('<https://a.example/g> { <https://a.example/y> <https://a.example/p> "2" . }\n<https://a.example/x> <https://a.example/p> "1" .\n<https://a.example/x> <https://a.example/p> "1" .\n', 'TriG', 'in.trig');
    // parseRdf merges named graphs; give the writer a quad in a named graph directly.
    const named = { ...quads[0], graph: { termType: 'NamedNode', value: 'https://a.example/g' } } as unknown as (typeof quads)[number];
    expect(toNQuads([named, quads[1] as (typeof quads)[number], quads[1] as (typeof quads)[number]])).toBe(
      '<https://a.example/x> <https://a.example/p> "1" .\n<https://a.example/y> <https://a.example/p> "2" <https://a.example/g> .\n',
    );
  });

  it('RDF/XML: the same bytes whatever the order of the quads; literals with markup, languages and datatypes survive', async () => {
    const quads = parseRdf(
      '<https://a.example/x> <http://schema.org/name> "A \\"b\\" <c> & d\\n]]>"@en-gb ; <http://schema.org/duration> "PT4M2S"^^<http://www.w3.org/2001/XMLSchema#duration> ; <http://schema.org/sameAs> <https://a.example/y?a=1&b=2> .\n',
      'Turtle',
      'in.ttl',
    );
    const xml = toRdfXml(quads);
    expect(toRdfXml([...quads].reverse())).toBe(xml);
    expect(toNTriples(await parseRdfXml(xml, 'out.rdf'))).toBe(toNTriples(quads));
  });

  it('refuses --film with a graph format, and a mistyped format with a suggestion (exit 2)', async () => {
    const film = await cli(['export', '--format', 'rdfxml', '--film', 'leaving-las-vegas']);
    expect(film.status).toBe(2);
    expect(film.err).toMatch(/USAGE.*--film goes with html and jsonld-embed/);
    const typo = await cli(['export', '--format', 'nquad']);
    expect(typo.status).toBe(2);
    expect(typo.err).toMatch(/error \[USAGE\]: --format: unknown format "nquad"; did you mean nquads\?/);
  });
});

/** Debian's python3 with rdflib (python3-rdflib), not a virtual environment's. */
const PYTHON = '/usr/bin/python3';
const RDFLIB = existsSync(PYTHON) && (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import rdflib'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(!RDFLIB && process.env['CI'])('rdflib under CI', () => {
  it('is installed (.ci/run installs python3-rdflib)', () => {
    expect(RDFLIB).toBe(true);
  });
});

describe('query results and graphs in the other formats', () => {
  /** rdflib's own SPARQL XML results parser: each row as {var: N-Triples term}, or the boolean. */
  const readXmlWithRdflib = (xml: string): unknown =>
    JSON.parse(
      execFileSync(
        PYTHON,
        ['-c', 'import sys, json\nfrom rdflib.query import Result\nr = Result.parse(sys.stdin.buffer, format="xml")\nprint(json.dumps(r.askAnswer if r.type == "ASK" else [{str(k): v.n3() for k, v in row.asdict().items()} for row in r]))'],
        { input: xml },
      ).toString('utf8'),
    );

  it.runIf(RDFLIB)('SELECT and ASK as SPARQL XML read back by rdflib as the JSON results say', async () => {
    for (const name of ['cast', 'review-scores', 'soundtrack']) {
      const xml = await cli(['query', name, '--format', 'xml']);
      expect(xml.status, xml.err).toBe(0);
      const json = JSON.parse((await cli(['query', name, '--format', 'json'])).out) as { results: { bindings: Array<Record<string, { type: string; value: string; datatype?: string; 'xml:lang'?: string }>> } };
      const expected = json.results.bindings.map((b) =>
        Object.fromEntries(
          Object.entries(b).map(([k, t]) => {
            const text = t.type === 'uri' ? `<${t.value}>` : `"${t.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"${t['xml:lang'] ? `@${t['xml:lang']}` : t.datatype ? `^^<${t.datatype}>` : ''}`;
            return [k, text];
          }),
        ),
      );
      expect(readXmlWithRdflib(xml.out)).toEqual(expected);
    }
    expect(readXmlWithRdflib((await cli(['query', '-e', 'ASK { ?s a <http://schema.org/Movie> }', '--format', 'xml'])).out)).toBe(true);
    expect(readXmlWithRdflib((await cli(['query', '-e', 'ASK { ?s a <http://schema.org/Nothing> }', '--format', 'xml'])).out)).toBe(false);
  });

  it('CONSTRUCT and DESCRIBE as Turtle carry the vocabulary’s prefixes; as N-Quads and RDF/XML, the same triples', async () => {
    const nt = await cli(['query', 'cast-card.construct', '--format', 'ntriples']);
    expect(nt.status, nt.err).toBe(0);
    const turtle = await cli(['query', 'cast-card.construct']);
    for (const [prefix, iri] of Object.entries(prefixes())) expect(turtle.out).toContain(`@prefix ${prefix}: <${iri}>.`);
    expect(turtle.out).toContain('schema:characterName "Ben Sanderson"');
    for (const [format, text] of [['turtle', turtle.out], ['nquads', (await cli(['query', 'cast-card.construct', '--format', 'nquads'])).out], ['rdfxml', (await cli(['query', 'cast-card.construct', '--format', 'rdfxml'])).out]]) {
      expect(await canonical(text as string, format as string), format).toBe(toNTriples(parseRdf(nt.out, 'N-Triples', 'nt')));
    }
    const describe = await cli(['query', '-e', 'DESCRIBE <https://filmkg.example/person/Nicolas_Cage>', '--format', 'rdfxml']);
    expect(describe.out).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<rdf:RDF /);
    expect(await canonical(describe.out, 'describe')).toContain('<https://filmkg.example/person/Nicolas_Cage> <http://schema.org/name> "Nicolas Cage"');
  });

  it('a format that does not fit the query form is a usage error (exit 2) naming the ones that fit', async () => {
    const r = await cli(['query', 'cast', '--format', 'rdfxml']);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(/UNKNOWN_FORMAT\]: --format: format "rdfxml" does not fit a SELECT query; expected one of table, json, xml, csv, tsv/);
  });
});
