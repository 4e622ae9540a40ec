// `filmkg validate` from the CLI, and the build's validation step: exit codes, reports, and errors with codes and places.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import N3 from 'n3';
import { afterAll, describe, expect, it } from 'vitest';
import { shaclStep } from '../src/check/step.js';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { FilmkgError } from '../src/errors.js';
import type { GraphBuild } from '../src/export/build.js';
import { buildGraph, graphStats } from '../src/graph.js';
import { toNTriples } from '../src/export/ntriples.js';
import { loadFilms } from '../src/pipeline.js';
import { richFacts } from './helpers/rich.js';
import type { Quad } from '../src/rdf.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'filmkg-cli-validate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const FIXTURE = path.join(import.meta.dirname, 'shapes', 'movie-two-names.ttl');

async function validate(...args: string[]) {
  const io = captureIo(tmp);
  const status = await run(['validate', ...args], io);
  return { status, out: io.out, err: io.err };
}

describe('filmkg validate', () => {
  it('passes the bundled graph (exit 0) and names what it checked', async () => {
    const { status, out, err } = await validate();
    expect(status).toBe(0);
    expect(out).toBe('');
    expect(err).toMatch(/^filmkg validate: \d+ triples conform to ontology\/shapes\.ttl$/m);
    expect(err).toMatch(/vocabulary: \d+ terms checked, none unknown or undeclared/);
    expect(err).toMatch(/^note \[outside-domain\] schema:author is used 2× on http:\/\/schema\.org\/ItemList/m);
  });

  it('fails a violating file (exit 1) with focus node, path and message, and writes the SHACL report on request', async () => {
    const report = path.join(tmp, 'report.ttl');
    const { status, err } = await validate(FIXTURE, '--report', report);
    expect(status).toBe(1);
    expect(err).toContain('focus node: https://filmkg.example/film/x\n  path: http://schema.org/name\n  message: More than 1 values');
    expect(err).toMatch(/1 violation\(s\) of ontology\/shapes\.ttl in \d+ triples/);
    const graph = new N3.Store(new N3.Parser().parse(readFileSync(report, 'utf8')));
    const SH = 'http://www.w3.org/ns/shacl#';
    expect(graph.getObjects(null, `${SH}conforms`, null).map((o) => o.value)).toEqual(['false']);
    expect(graph.getObjects(null, `${SH}focusNode`, null).map((o) => o.value)).toEqual(['https://filmkg.example/film/x']);
  });

  it('fails the bundled graph with the main value of a cast, an award and a review-score statement dropped (issue 12)', async () => {
    const PS = 'http://www.wikidata.org/prop/statement/';
    const graph = buildGraph(await loadFilms());
    const dropped = ['P161', 'P166', 'P444'].map((pid) => graph.find((q) => q.predicate.value === `${PS}${pid}`)!);
    const file = path.join(tmp, 'without-values.nt');
    writeFileSync(file, toNTriples(graph.filter((q) => !dropped.includes(q))));
    const { status, err } = await validate(file, '--shapes-only');
    expect(status).toBe(1);
    for (const q of dropped) expect(err).toContain(`focus node: ${q.subject.value}\n  path: ${q.predicate.value}\n  message: Less than 1 values`);
  });

  it('fails on an unknown term unless --shapes-only', async () => {
    const file = path.join(tmp, 'unknown-term.ttl');
    writeFileSync(file, '@prefix schema: <http://schema.org/> .\n<https://filmkg.example/x> schema:directer <https://filmkg.example/y> .\n');
    const strict = await validate(file);
    expect(strict.status).toBe(1);
    expect(strict.err).toContain('error [unknown-schema-term] schema:directer does not exist in schema.org');
    expect((await validate(file, '--shapes-only')).status).toBe(0);
  });

  it('reports unreadable and unparsable files with code and place, exit 1, no stack trace', async () => {
    const missing = await validate('no-such.ttl');
    expect(missing.status).toBe(1);
    expect(missing.err).toMatch(/error \[FILE_NOT_FOUND\]: .*no-such\.ttl/);
    const bad = path.join(tmp, 'bad.ttl');
    writeFileSync(bad, '@prefix schema: <http://schema.org/> .\n\n<x> schema:name "unterminated .\n');
    const parsed = await validate(bad);
    expect(parsed.status).toBe(1);
    expect(parsed.err).toMatch(/error \[BAD_RDF\]: .*bad\.ttl:3/);
    expect(parsed.err).not.toMatch(/\n\s+at /);
    expect((await validate('--frobnicate')).status).toBe(2);
  });
});

describe('the build step', () => {
  function fakeBuild(quads: Quad[]): GraphBuild {
    return { films: [], base: 'https://filmkg.example/', quads, stats: graphStats(quads), files: new Map(), notes: [] };
  }

  it('stops the build with SHACL_VIOLATION naming the shapes file and the first focus node and path', async () => {
    const quads = new N3.Parser().parse(readFileSync(FIXTURE, 'utf8')) as Quad[];
    const build = fakeBuild(quads);
    const error = await shaclStep.run(build)?.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(FilmkgError);
    expect((error as FilmkgError).code).toBe('SHACL_VIOLATION');
    expect((error as FilmkgError).place).toEqual({ file: 'ontology/shapes.ttl', path: '<https://filmkg.example/film/x> http://schema.org/name' });
    expect(build.files.size).toBe(0);
  });

  it('stops the build with VOCABULARY on an unknown term', async () => {
    const quads = new N3.Parser().parse('<https://filmkg.example/x> <http://schema.org/directer> <https://filmkg.example/y> .') as Quad[];
    const error = await shaclStep.run(fakeBuild(quads))?.then(() => undefined, (e: unknown) => e);
    expect((error as FilmkgError).code).toBe('VOCABULARY');
    expect((error as FilmkgError).place.path).toBe('http://schema.org/directer');
  });

  it('leaves out/ untouched when the build fails validation (facts citing a reference the article does not list)', async () => {
    const facts = richFacts();
    const broken = { ...facts, references: facts.references.filter((r) => r.number !== 3) }; // the budget still cites [3]
    writeFileSync(path.join(tmp, 'broken.json'), JSON.stringify(broken));
    const io = captureIo(tmp);
    const status = await run(['build', '--facts', 'broken.json', '--out', 'never'], io);
    expect(status).toBe(1);
    expect(io.err).toMatch(/error \[SHACL_VIOLATION\]: ontology\/shapes\.ttl: <https:\/\/filmkg\.example\/film\/leaving-las-vegas\/citation\/3> http:\/\/schema\.org\/position: the graph violates 1 constraint/);
    expect(io.err).toContain('nothing was written');
    expect(io.out).toBe('');
    expect(existsSync(path.join(tmp, 'never'))).toBe(false);
  });
});
