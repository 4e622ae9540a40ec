// Where each millisecond of a cold one-film `filmkg build`, `filmkg extract` and `filmkg query cast` goes.
//
// Each run is a fresh process (`--child KIND`) that loads the modules group by group and then runs the stages one
// by one, as the command does, timing each; the parent prints the medians over the runs. Then the whole commands,
// as processes, side by side with their peers, interleaved run by run: bare `node -e 0`, and for `query cast` a plain
// script that loads out/graph.nt into oxigraph and runs the same query. The ratios are those of issue 14's table.
// A module shared by several groups is counted in the first group that loads it (the order the command loads them).
// The stages load dist/'s modules one by one; the whole commands run as users run them, from the bundle dist/cli.cjs
// with its code cache (src/cli/launch.ts), and once more without the cache.
// Run `npm run build:ts` first. Usage: node bench/breakdown.js [--runs N] [--process-runs N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => pathToFileURL(path.join(ROOT, 'dist', p)).href;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, 'process-runs': { type: 'string', default: '7' }, child: { type: 'string' }, out: { type: 'string' } } });

/** CPU time (user + system) of each phase, beside its wall time: on a shared machine the steadier of the two. */
const cpu = {};

/** Times `fn` into `phases[name]` and `cpu[name]` (milliseconds). */
async function timed(phases, name, fn) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const result = await fn();
  const c = process.cpuUsage(c0);
  phases[name] = (phases[name] ?? 0) + (performance.now() - t0);
  cpu[name] = (cpu[name] ?? 0) + (c.user + c.system) / 1000;
  return result;
}

/** One cold run of a command's stages in this process; prints its phases as JSON. */
async function child(kind) {
  const phases = {};
  const started = performance.now();
  const load = (name, ...modules) => timed(phases, `load ${name}`, () => Promise.all(modules.map((m) => import(dist(m)))));
  await load('cli (main, registry)', 'cli/main.js');
  if (kind === 'build') {
    await load('cli build command', 'cli/build.js');
    const [[manifest]] = [await load('manifest', 'export/manifest.js')];
    const { FILMS_DIR } = await import(dist('paths.js'));
    const base = 'https://filmkg.example.org/';
    const inputs = await timed(phases, 'hash inputs + freshness', async () => {
      const i = await manifest.hashInputs({ filmsDir: FILMS_DIR, base });
      await manifest.checkFreshness(values.out, i);
      return i;
    });
    const [[{ loadFilms }]] = [await load('extractor (pipeline; zod only when the generated check is unsure)', 'pipeline.js')];
    const [[{ buildGraph, graphStats }]] = [await load('graph, mappers', 'graph.js')];
    const [[{ toTurtle }, { toNTriples }]] = [await load('writers: Turtle (n3), N-Triples', 'export/turtle.js', 'export/ntriples.js')];
    const [[{ toJsonLd }]] = [await load('JSON-LD writer (jsonld.js only for what it declines)', 'export/jsonld.js')];
    const [[{ buildFiles }]] = [await load('build, steps registry (SHACL fast path, vocabulary, description, pages)', 'export/build.js', 'export/steps.js')];
    void buildFiles;
    const [[shacl, vocabulary, { datasetStep }, { pagesStep }, { writeFilesAtomic }]] = [
      await load('(rest of) steps', 'check/shacl.js', 'check/vocabulary.js', 'describe/step.js', 'web/step.js', 'fsutil.js'),
    ];
    const films = await timed(phases, 'extract + curate + check facts', () => loadFilms(FILMS_DIR));
    const quads = await timed(phases, 'map (graph: mappers, sort, de-duplicate)', () => buildGraph(films, { base }));
    const files = new Map();
    await timed(phases, 'write Turtle', () => files.set('graph.ttl', toTurtle(quads)));
    await timed(phases, 'write N-Triples', () => files.set('graph.nt', toNTriples(quads)));
    await timed(phases, 'write JSON-LD', async () => files.set('graph.jsonld', await toJsonLd(quads)));
    const build = { films, base, quads, stats: graphStats(quads), files, notes: [] };
    const outcome = await timed(phases, 'SHACL shapes', () => shacl.validateQuads(quads));
    if (!outcome.conforms) throw new Error('the bundled graph does not conform');
    const vocab = await timed(phases, 'vocabulary check', () => vocabulary.checkVocabulary(quads));
    if (!vocab.ok) throw new Error('the bundled graph uses unknown terms');
    await timed(phases, 'dataset description (void.ttl)', () => datasetStep.run(build));
    await timed(phases, 'pages', () => pagesStep.run(build));
    files.set(manifest.MANIFEST_FILE, manifest.manifestText(inputs, files));
    await timed(phases, 'write files + switch (rename)', () => writeFilesAtomic(values.out, files));
  } else if (kind === 'serial' || kind === 'threads') {
    // The build as src/export/build.ts runs it, with and without its optional second thread (JSON-LD beside the checks).
    const [{ loadFilms }, { buildFiles }, { writeFilesAtomic }] = await Promise.all([import(dist('pipeline.js')), import(dist('export/build.js')), import(dist('fsutil.js'))]);
    const build = await buildFiles(await loadFilms(), { threads: kind === 'threads' });
    await writeFilesAtomic(values.out, build.files);
  } else if (kind === 'extract') {
    await load('cli extract command', 'cli/extract.js');
    const [[{ loadFilm }, { FILMS_DIR, DEFAULT_FILM }]] = [await load('extractor (pipeline)', 'pipeline.js', 'paths.js')];
    const facts = await timed(phases, 'extract + curate + check facts', () => loadFilm(path.join(FILMS_DIR, DEFAULT_FILM)));
    await timed(phases, 'JSON text', () => JSON.stringify(facts, null, 2));
  } else if (kind === 'query') {
    await load('cli query command', 'cli/query.js');
    const [[{ OxigraphStore }, { resolveQuery }, { checkQueryOnce }, { tableText }]] = [await load('store, sparql (oxigraph; sparqljs only for a query not recorded)', 'store/oxigraph.js', 'sparql/bundled.js', 'sparql/check-once.js', 'sparql/output.js')];
    const text = await timed(phases, 'read out/graph.nt', () => readFileSync(path.join(values.out, 'graph.nt'), 'utf8'));
    const store = await timed(phases, 'load into oxigraph', () => OxigraphStore.fromText(text, 'application/n-triples', 'graph.nt'));
    const query = resolveQuery('cast', process.cwd());
    await timed(phases, 'check query (recorded for a bundled query)', () => checkQueryOnce(query.text, query.source, query.bundled));
    const result = await timed(phases, 'run query', () => store.query(query.text));
    await timed(phases, 'format table', async () => tableText(result));
  }
  phases['total in process'] = performance.now() - started;
  const usage = process.cpuUsage();
  cpu['total in process'] = (usage.user + usage.system) / 1000;
  process.stdout.write(JSON.stringify({ phases, cpu, rssMB: process.resourceUsage().maxRSS / 1024 }));
}

function spawnTimed(args, options = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

if (values.child !== undefined) {
  await child(values.child);
} else {
  const RUNS = Number(values.runs);
  const PROCESS_RUNS = Number(values['process-runs']);
  const work = mkdtempSync(path.join(tmpdir(), 'filmkg-breakdown-'));
  const cli = path.join(ROOT, 'bin/filmkg.js');
  const out = path.join(work, 'out');
  const fmt = (x) => `${x.toFixed(1).padStart(8)} ms`;
  try {
    let peakRss = 0;
    console.log(`cold breakdown, medians of ${RUNS} fresh processes each (Node ${process.version}; a shared machine: noisy)`);
    for (const kind of ['build', 'extract', 'query']) {
      if (kind === 'query') spawnTimed([cli, 'build', '--out', out]);
      const samples = {};
      const cpuSamples = {};
      const rss = [];
      for (let i = 0; i < RUNS; i++) {
        const { stdout } = spawnTimed([fileURLToPath(import.meta.url), '--child', kind, '--out', kind === 'build' ? path.join(work, `child-out-${i}`) : out]);
        const { phases, cpu: cpuPhases, rssMB } = JSON.parse(stdout);
        for (const [name, ms] of Object.entries(phases)) (samples[name] ??= []).push(ms);
        for (const [name, ms] of Object.entries(cpuPhases)) (cpuSamples[name] ??= []).push(ms);
        rss.push(rssMB);
      }
      if (kind === 'build') peakRss = stats(rss).median;
      console.log(`\n${kind === 'query' ? 'query cast' : kind} (peak RSS ${stats(rss).median.toFixed(0)} MB)      wall        CPU:`);
      for (const [name, list] of Object.entries(samples)) console.log(`${' '.repeat(20)}${fmt(stats(list).median)} ${fmt(stats(cpuSamples[name] ?? [0]).median)}  ${name}`);
    }

    // The build's second thread: cold builds in fresh processes, interleaved, with and without it.
    {
      const runs = { serial: [], threads: [] };
      for (let i = 0; i < RUNS; i++) {
        for (const kind of ['serial', 'threads']) {
          const { stdout } = spawnTimed([fileURLToPath(import.meta.url), '--child', kind, '--out', path.join(work, `${kind}-out`)]);
          runs[kind].push(JSON.parse(stdout).phases['total in process']);
        }
      }
      const serial = stats(runs.serial).median;
      const threads = stats(runs.threads).median;
      console.log(`\ncold build in process (load, extract, graph, writers, steps, write), medians of ${RUNS} interleaved:`);
      console.log(`${fmt(serial)}  one thread\n${fmt(threads)}  JSON-LD on a second thread (threads: true; filmkg build uses one): ${(threads / serial).toFixed(2)} × one thread`);
    }

    // Whole processes, interleaved so that the machine's load falls on all alike.
    const peer = path.join(work, 'plain-query.mjs');
    const oxigraphUrl = pathToFileURL(path.join(ROOT, 'node_modules/oxigraph/node.js')).href;
    const castText = readFileSync(path.join(ROOT, 'queries/cast.rq'), 'utf8');
    // The peer of `filmkg query cast`: the least a script can do to answer the same query from out/graph.nt.
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      peer,
      `import { readFileSync } from 'node:fs';\nimport oxigraph from ${JSON.stringify(oxigraphUrl)};\n` +
        `const store = new oxigraph.Store();\nstore.load(readFileSync(${JSON.stringify(path.join(out, 'graph.nt'))}, 'utf8'), { format: 'application/n-triples', to_graph_name: oxigraph.defaultGraph() });\n` +
        `const rows = store.query(${JSON.stringify(castText)});\nlet text = '';\nfor (const row of rows) text += [...row.values()].map((t) => t.value).join('\\t') + '\\n';\nprocess.stdout.write(text);\n`,
    );
    const upToDateOut = path.join(work, 'up-to-date');
    spawnTimed([cli, 'build', '--out', upToDateOut]);
    // The CLI runs from its bundle with a code cache per command (src/cli/launch.ts), kept in a folder of this run:
    // one run of each command writes it; the rows "no code cache" run with caching off, as a first run does.
    const cached = { env: { ...process.env, FILMKG_CODE_CACHE: path.join(work, 'code-cache') } };
    const uncached = { env: { ...process.env, FILMKG_CODE_CACHE: '0' } };
    spawnTimed([cli, 'build', '--force', '--out', path.join(work, 'whole')], cached);
    spawnTimed([cli, 'extract'], cached);
    spawnTimed([cli, 'query', 'cast'], { cwd: work, ...cached });
    const whole = { bare: [], build: [], rebuild: [], extract: [], query: [], peer: [], buildNoCache: [], extractNoCache: [], queryNoCache: [] };
    for (let i = 0; i < PROCESS_RUNS; i++) {
      whole.bare.push(spawnTimed(['-e', '0']).ms);
      whole.build.push(spawnTimed([cli, 'build', '--force', '--out', path.join(work, 'whole')], cached).ms);
      const rebuilt = spawnTimed([cli, 'build', '--out', upToDateOut], cached);
      if (!rebuilt.stdout.startsWith('up to date:')) throw new Error(`the second build was not up to date:\n${rebuilt.stdout}`);
      whole.rebuild.push(rebuilt.ms);
      whole.extract.push(spawnTimed([cli, 'extract'], cached).ms);
      whole.query.push(spawnTimed([cli, 'query', 'cast'], { cwd: work, ...cached }).ms);
      whole.peer.push(spawnTimed([peer]).ms);
      whole.buildNoCache.push(spawnTimed([cli, 'build', '--force', '--out', path.join(work, 'whole')], uncached).ms);
      whole.extractNoCache.push(spawnTimed([cli, 'extract'], uncached).ms);
      whole.queryNoCache.push(spawnTimed([cli, 'query', 'cast'], { cwd: work, ...uncached }).ms);
    }
    const m = Object.fromEntries(Object.entries(whole).map(([k, v]) => [k, stats(v).median]));
    const ratio = (a, b) => `${(a / b).toFixed(2)} ×`;
    console.log(`\nwhole processes, medians of ${PROCESS_RUNS} interleaved runs:`);
    console.log(`${fmt(m.bare)}  node -e 0`);
    console.log(`${fmt(m.build)}  filmkg build (from scratch, --force)      ${ratio(m.build, m.bare)} bare Node (target ≤ 5 ×); peak RSS ${peakRss.toFixed(0)} MB (the breakdown's)`);
    console.log(`${fmt(m.rebuild)}  filmkg build (again, nothing changed)     ${ratio(m.rebuild, m.bare)} bare Node (target ≤ 2 ×)`);
    console.log(`${fmt(m.extract)}  filmkg extract                            ${ratio(m.extract, m.bare)} bare Node (target ≤ 2 ×)`);
    console.log(`${fmt(m.query)}  filmkg query cast                         ${ratio(m.query, m.peer)} the plain script (target ≤ 1.1 ×)`);
    console.log(`${fmt(m.peer)}  plain script: graph.nt into oxigraph + the same query`);
    console.log(`without the code cache (FILMKG_CODE_CACHE=0, as a command's first run):`);
    console.log(`${fmt(m.buildNoCache)}  filmkg build (from scratch, --force)      ${ratio(m.buildNoCache, m.bare)} bare Node`);
    console.log(`${fmt(m.extractNoCache)}  filmkg extract                            ${ratio(m.extractNoCache, m.bare)} bare Node`);
    console.log(`${fmt(m.queryNoCache)}  filmkg query cast                         ${ratio(m.queryNoCache, m.peer)} the plain script`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
