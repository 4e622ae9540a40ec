// `filmkg build` through the CLI: files written atomically, a summary, identical bytes on rebuild, and bad facts or options stopping it with nothing written.
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../src/cli/main.js';
import { captureIo } from '../src/cli/io.js';
import { toTurtle } from '../src/export/turtle.js';
import { buildGraph } from '../src/graph.js';
import { DEFAULT_BASE } from '../src/iri.js';
import { renderEntityPages } from '../src/web/entity-page.js';
import { fictionalFacts } from './helpers/fictional.js';
import { richFacts } from './helpers/rich.js';

let dir: string;
let lev: string;
let orchard: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'filmkg-build-cli-'));
  lev = path.join(dir, 'lev.json');
  orchard = path.join(dir, 'orchard.json');
  await writeFile(lev, JSON.stringify(richFacts()));
  await writeFile(orchard, JSON.stringify(fictionalFacts()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function build(args: string[]) {
  const io = captureIo(dir);
  const code = await run(['build', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('filmkg build --facts', () => {
  test('writes the graph files, the ontology, shapes, dataset description and pages, and a summary; the Turtle is the graph of both films', async () => {
    const r = await build(['--facts', 'lev.json', '--facts', 'orchard.json', '--out', 'out1']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // The files of the graph and the film pages, and the folders of the entity pages (award/, person/ …).
    const entityFolders = new Set([...renderEntityPages(buildGraph([richFacts(), fictionalFacts()]), DEFAULT_BASE).keys()].map((f) => f.split('/')[0]));
    expect(entityFolders.has('person')).toBe(true);
    expect((await readdir(path.join(dir, 'out1'))).sort()).toEqual(['build-manifest.json', 'filmkg.ttl', 'films', 'graph.jsonld', 'graph.nt', 'graph.ttl', 'shapes.ttl', 'void.ttl', ...entityFolders].sort());
    expect(r.out).toMatch(/^shacl: the graph conforms to ontology\/shapes\.ttl$/m);
    expect(r.out).toMatch(/^built 2 film\(s\): leaving-las-vegas, the-glass-orchard$/m);
    expect(r.out).toMatch(/^triples: \d+$/m);
    expect(r.out).toMatch(/^entities by type: .*schema:Movie 2/m);
    expect(r.out).toMatch(/^wrote: out1\/build-manifest\.json \([\d.]+ kB\), out1\/filmkg\.ttl \([\d.]+ kB\), .*out1\/graph\.jsonld \([\d.]+ kB\), out1\/graph\.nt .*out1\/graph\.ttl .*out1\/void\.ttl \([\d.]+ kB\), \d+ entity pages \([\d.]+ kB\) in award\/, .*person\/.*$/m);
    expect(r.out).toMatch(/^time: \d+ ms$/m);
    expect(await readFile(path.join(dir, 'out1', 'graph.ttl'), 'utf8')).toBe(toTurtle(buildGraph([richFacts(), fictionalFacts()])));
  });

  test('two builds give identical bytes', async () => {
    await build(['--facts', 'lev.json', '--out', 'a']);
    await build(['--facts', 'lev.json', '--out', 'b']);
    for (const name of ['graph.ttl', 'graph.nt', 'graph.jsonld']) {
      expect(await readFile(path.join(dir, 'b', name))).toEqual(await readFile(path.join(dir, 'a', name)));
    }
  });

  test('an invalid value stops the build with the file and its path, exit 1, and the output folder untouched', async () => {
    const bad = richFacts() as unknown as { accolades: Array<{ result: string }> };
    (bad.accolades[0] as { result: string }).result = 'Wonn';
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify(bad));
    const out = path.join(dir, 'kept');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'graph.ttl'), 'previous build\n');
    const r = await build(['--facts', 'bad.json', '--out', 'kept']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[INVALID_FACTS]');
    expect(r.err).toContain('bad.json');
    expect(r.err).toContain('accolades[0].result');
    expect(r.err).toContain('"Wonn"');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(await readdir(out)).toEqual(['graph.ttl']);
    expect(await readFile(path.join(out, 'graph.ttl'), 'utf8')).toBe('previous build\n');
  });

  test('a missing facts file and a non-JSON one are clear errors', async () => {
    const missing = await build(['--facts', 'nope.json', '--out', 'x']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('[FILE_NOT_FOUND]');
    await writeFile(path.join(dir, 'notjson.json'), '{');
    const notJson = await build(['--facts', 'notjson.json', '--out', 'x']);
    expect(notJson.code).toBe(1);
    expect(notJson.err).toContain('[INVALID_FACTS]');
  });

  test('usage errors exit 2: a bad base, both --films and --facts, an unknown option, a stray argument', async () => {
    const base = await build(['--facts', 'lev.json', '--base', 'nope', '--out', 'y']);
    expect(base.code).toBe(2);
    expect(base.err).toContain('--base');
    expect((await build(['--films', '.', '--facts', 'lev.json'])).code).toBe(2);
    expect((await build(['--frobnicate'])).code).toBe(2);
    expect((await build(['extra'])).code).toBe(2);
    await expect(readdir(path.join(dir, 'y'))).rejects.toThrow();
  });

  test('--base moves the data IRIs', async () => {
    const r = await build(['--facts', 'lev.json', '--base', 'http://data.example.org/kg/', '--out', 'based']);
    expect(r.code).toBe(0);
    const nt = await readFile(path.join(dir, 'based', 'graph.nt'), 'utf8');
    expect(nt).toContain('<http://data.example.org/kg/film/leaving-las-vegas>');
    expect(nt).not.toContain('<https://filmkg.example/film/');
  });

  test('--help documents the options and exit codes', async () => {
    const io = captureIo(dir);
    expect(await run(['build', '--help'], io)).toBe(0);
    for (const word of ['--films', '--facts', '--out', '--base', 'Exit codes']) expect(io.out).toContain(word);
  });
});
