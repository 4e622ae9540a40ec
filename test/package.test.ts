// The package as users get it: npm pack → install the tarball in an empty folder → the installed CLI runs, and TypeScript
// files importing 'filmkg' type-check against the shipped declarations, run, and print and write what the CLI's graph holds.
// Also: TypeDoc runs with warnings as errors (every export documented), and the README's and the guide's examples are the
// tested files. Needs the compiled dist/ (npm test builds it first) and npm's cache filled by npm ci (installs offline).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const TYPEDOC = path.join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const MINUTES = 60_000;

/** npm settings an enclosing `npm test` passes down that the child npm runs keep: where the cache and registry are. */
const KEEP = /^npm_config_(cache|registry|userconfig|proxy|https_proxy|noproxy|strict_ssl|cafile)$/i;

/**
 * The environment for child npm runs: without the other npm_* variables of an enclosing `npm test` (npm_config_local_prefix
 * would make `npm install` install into this repository rather than the empty folder).
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) || KEEP.test(k)) env[k] = v;
  return env;
}

async function sh(file: string, args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run(file, args, { cwd, env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { message: string; stdout?: string; stderr?: string };
    throw new Error(`${path.basename(file)} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}\n${e.stderr ?? ''}\n${e.message}`);
  }
}

// A file using the API beyond the examples: every query form, the dataset's canonical comparison with the CLI's own
// Turtle, validation of a good and a broken graph, the error class; and type checks that fail if the types were loose.
const CONSUMER = `import path from 'node:path';
import {
  buildDataset, buildGraph, bundledQuery, extractArticle, extractArticleFile, FilmkgError, FILMS_DIR, GraphStore, listQueries,
  openStore, serialize, toDataset, validateGraph, type FilmFacts, type Quad, type QueryAnswer, type Term,
} from 'filmkg';

const outDir = process.argv[2] as string;
const film = path.join(FILMS_DIR, 'leaving-las-vegas');
const facts: FilmFacts = await extractArticleFile(film);
const quads: Quad[] = buildGraph([facts]);
const store = await openStore(quads);

const cast = await store.select(bundledQuery('cast'));
const first: Term | undefined = cast.bindings[0]?.['actor'];
const card = await store.construct(bundledQuery('cast-card.construct'));
const any: QueryAnswer = await store.query('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }');
const count = any.type === 'bindings' ? any.bindings[0]?.['n'] : undefined;
const award = await store.ask(bundledQuery('won-academy-award.ask'));

// The CLI's Turtle, read back through a store, is the API's graph up to canonical form (RDFC-1.0).
const fromFile = await GraphStore.fromFile(path.join(outDir, 'graph.ttl'));
const readBack = await fromFile.construct('CONSTRUCT WHERE { ?s ?p ?o }');
const same = (await toDataset(readBack)).equals(await buildDataset([facts]));
fromFile.close();

const good = await validateGraph(quads);
const unlabelled = quads.filter((q) => q.predicate.value !== 'http://www.w3.org/2000/01/rdf-schema#label');
const broken = await validateGraph(unlabelled, { shapesOnly: true });

let error = '';
try {
  await store.select('SELECT ?x WHERE { ?x ');
} catch (e) {
  if (e instanceof FilmkgError) error = e.code;
}
let wrongForm = '';
try {
  await store.ask('SELECT * WHERE { ?s ?p ?o }');
} catch (e) {
  if (e instanceof FilmkgError) wrongForm = e.code;
}
let notArticle = '';
try {
  extractArticle('no film here');
} catch (e) {
  if (e instanceof FilmkgError) notArticle = e.code;
}
// @ts-expect-error: ask answers a boolean, not a string
const notText: string = await store.ask('ASK { ?s ?p ?o }');
store.close();

let badFormat = '';
try {
  // @ts-expect-error: a format serialize does not write
  await serialize(quads, 'rdf/xml');
} catch (e) {
  if (e instanceof FilmkgError) badFormat = e.code;
}

console.log(JSON.stringify({
  variables: cast.variables,
  actorTermType: first?.termType,
  actors: cast.bindings.map((b) => b['actor']?.value),
  cardNTriples: await serialize(card, 'ntriples'),
  count: count?.value,
  countDatatype: count?.termType === 'Literal' ? count.datatype.value : undefined,
  award,
  same,
  conforms: good.conforms,
  vocabularyOk: good.vocabulary?.ok,
  brokenConforms: broken.conforms,
  brokenPaths: [...new Set(broken.shapes.violations.map((v) => v.path))],
  error, wrongForm, notArticle, badFormat,
  queries: listQueries().length,
  typeOfNotText: typeof notText,
}));
`;

const EXAMPLES = path.join(ROOT, 'examples');

describe('the packed package', () => {
  let tmp: string;
  let app: string;
  let cli: string;

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'dist', 'index.d.ts'))) throw new Error('dist/ is not built: run npm run build:ts (npm test does) before this test');
    tmp = await mkdtemp(path.join(os.tmpdir(), 'filmkg-package-'));
    // --ignore-scripts: the package's prepare script would rebuild dist/ while other suites read it; npm test built it.
    const packed = await sh(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', tmp], ROOT);
    const tarball = path.join(tmp, packed.stdout.trim().split('\n').pop() as string);
    app = path.join(tmp, 'app');
    await mkdir(app);
    await writeFile(path.join(app, 'package.json'), `${JSON.stringify({ name: 'filmkg-consumer', private: true, type: 'module' }, null, 2)}\n`);
    const ownPackage = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    // Offline from npm's cache (npm ci filled it); @types/node for the consumer's own use of node: modules.
    await sh(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, `@types/node@${ownPackage.devDependencies['@types/node']}`], app);
    cli = path.join(app, 'node_modules', '.bin', 'filmkg');
    await sh(cli, ['build', '--out', 'out'], app);
  }, 10 * MINUTES);

  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('ships what the CLI and the API need, and no sources or tests', async () => {
    const installed = path.join(app, 'node_modules', 'filmkg');
    const top = (await readdir(installed)).sort();
    expect(top).toEqual(['README.md', 'bin', 'data', 'dist', 'ontology', 'package.json', 'queries', 'vendor']);
    expect(existsSync(path.join(installed, 'dist', 'index.d.ts'))).toBe(true);
    for (const file of ['graph.ttl', 'graph.nt', 'graph.jsonld', 'void.ttl', 'films/leaving-las-vegas.html']) expect(existsSync(path.join(app, 'out', file)), file).toBe(true);
  });

  it('runs the installed CLI: filmkg query cast answers from the graph it built', async () => {
    const { stdout } = await sh(cli, ['query', 'cast', '--format', 'json'], app);
    const json = JSON.parse(stdout) as { results: { bindings: Array<Record<string, { value: string }>> } };
    const actors = json.results.bindings.map((b) => b['actor']?.value).sort();
    expect(actors).toEqual(['Elisabeth Shue', 'Lou Rawls', 'Nicolas Cage']);
  });

  it('type-checks the examples and a consumer against the installed declarations, runs them, and they agree with the CLI', async () => {
    const src = path.join(app, 'src');
    await mkdir(src);
    for (const file of await readdir(EXAMPLES)) await writeFile(path.join(src, file), await readFile(path.join(EXAMPLES, file)));
    await writeFile(path.join(src, 'consumer.ts'), CONSUMER);
    // skipLibCheck off: the shipped declarations (and the types they name) must type-check too.
    const tsconfig = { compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, skipLibCheck: false, types: ['node'], rootDir: 'src', outDir: 'build' }, include: ['src'] };
    await writeFile(path.join(app, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    await sh(process.execPath, [TSC, '-p', 'tsconfig.json'], app);

    // query.ts prints the cast query's rows as the CLI answers them, and the ASK.
    const cliCast = JSON.parse((await sh(cli, ['query', 'cast', '--format', 'json'], app)).stdout) as { head: { vars: string[] }; results: { bindings: Array<Record<string, { value: string }>> } };
    const expected = [cliCast.head.vars.join('\t'), ...cliCast.results.bindings.map((b) => cliCast.head.vars.map((v) => b[v]?.value ?? '').join('\t')), 'has an award: true'];
    const query = await sh(process.execPath, ['build/query.js'], app);
    expect(query.stdout.trimEnd().split('\n')).toEqual(expected);

    // build-graph.ts writes, from the article's text, byte for byte the graph files filmkg build wrote.
    // The CLI's graph.nt holds one triple per line.
    const triples = (await readFile(path.join(app, 'out', 'graph.nt'), 'utf8')).trimEnd().split('\n').length;
    expect(triples).toBeGreaterThan(4000);
    const built = await sh(process.execPath, ['build/build-graph.js', 'api-out'], app);
    expect(built.stdout).toBe(`Leaving Las Vegas: ${triples} triples, 0 diagnostics, conforms: true\nwrote graph.ttl\nwrote graph.nt\nwrote graph.jsonld\n`);
    for (const file of ['graph.ttl', 'graph.nt', 'graph.jsonld']) {
      expect(await readFile(path.join(app, 'api-out', file), 'utf8'), file).toBe(await readFile(path.join(app, 'out', file), 'utf8'));
    }

    // The consumer: every query form with RDF/JS terms, compared with the CLI's answers.
    const out = JSON.parse((await sh(process.execPath, ['build/consumer.js', 'out'], app)).stdout) as Record<string, unknown>;
    const cliCard = (await sh(cli, ['query', 'cast-card.construct', '--format', 'ntriples'], app)).stdout.trim().split('\n');
    const cliCount = JSON.parse((await sh(cli, ['query', '-e', 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }', '--format', 'json'], app)).stdout) as { results: { bindings: Array<{ n: { value: string } }> } };
    const cliAsk = (await sh(cli, ['query', 'won-academy-award.ask', '--format', 'json'], app)).stdout;
    expect(out['variables']).toEqual(cliCast.head.vars);
    expect(out['actorTermType']).toBe('Literal');
    expect(out['actors']).toEqual(cliCast.results.bindings.map((b) => b['actor']?.value));
    // The CONSTRUCT's quads, written as N-Triples, are the CLI's answer.
    expect(cliCard.length).toBeGreaterThan(0);
    expect((out['cardNTriples'] as string).trim().split('\n')).toEqual([...cliCard].sort());
    expect(out['count']).toBe(cliCount.results.bindings[0]?.n.value);
    expect(out['count']).toBe(String(triples));
    expect(out['countDatatype']).toBe('http://www.w3.org/2001/XMLSchema#integer');
    expect(out['award']).toBe((JSON.parse(cliAsk) as { boolean: boolean }).boolean);
    expect(out['same']).toBe(true);
    expect(out['conforms']).toBe(true);
    expect(out['vocabularyOk']).toBe(true);
    expect(out['brokenConforms']).toBe(false);
    expect(out['brokenPaths']).toEqual(['http://www.w3.org/2000/01/rdf-schema#label']);
    expect(out['error']).toBe('BAD_QUERY');
    expect(out['wrongForm']).toBe('BAD_QUERY');
    expect(out['notArticle']).toBe('NO_INFOBOX');
    expect(out['badFormat']).toBe('UNKNOWN_FORMAT');
    expect(out['typeOfNotText']).toBe('boolean');
    expect(out['queries']).toBe((await readdir(path.join(ROOT, 'queries'))).filter((f) => f.endsWith('.rq')).length);
  }, 10 * MINUTES);
});

describe('the API documentation', () => {
  it('TypeDoc documents every export, warnings being errors', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'filmkg-typedoc-'));
    try {
      // typedoc.json sets treatWarningsAsErrors and notDocumented: a missing doc comment fails the run. Source links are
      // left out: they need a git remote, which a checkout may not have (a warning, so an error here, about no comment).
      await sh(process.execPath, [TYPEDOC, '--out', out, '--logLevel', 'Warn', '--disableSources'], ROOT);
      expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 10 * MINUTES);

  it("the README's library example and the guide's examples are the tested files, verbatim", async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const guide = await readFile(path.join(ROOT, 'docs', 'library.md'), 'utf8');
    const blocks = (text: string): string[] => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    const section = readme.slice(readme.indexOf('## Use it as a library'));
    const query = await readFile(path.join(EXAMPLES, 'query.ts'), 'utf8');
    expect(blocks(section)[0]).toBe(query);
    const files = (await readdir(EXAMPLES)).sort();
    const examples = await Promise.all(files.map((f) => readFile(path.join(EXAMPLES, f), 'utf8')));
    // Every example is in the guide, and every TypeScript block of the guide is an example.
    expect(blocks(guide).sort()).toEqual([...examples].sort());
  });
});
