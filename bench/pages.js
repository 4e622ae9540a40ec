// Benchmark of the build's pages step (src/web/step.ts: the film pages, their embeds, the index, and every entity page)
// for the bundled film, or the films of `--films DIR`. Each run is a fresh process that builds the graph first
// (untimed), then times, in CPU (user + system) and wall time: loading the web modules (cold), the first rendering
// (cold: the step as `filmkg build` runs it once) and the median of further renderings (warm). With `--against DIR`
// (another checkout's root holding its own `dist/`, e.g. a git worktree of main after `npm run build:ts`), the same
// runs of that code are interleaved with this one's, run by run, and the ratios printed; both must give the same bytes
// (compared by a hash of every rendered file). Run `npm run build:ts` first.
// Usage: node bench/pages.js [--runs N≥3] [--warm N] [--films DIR] [--against DIR]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    warm: { type: 'string', default: '5' },
    films: { type: 'string' },
    against: { type: 'string' },
    child: { type: 'string' },
  },
});

const cpuNow = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** One fresh process: graph built with this tree's code, pages rendered with the web modules of `dist`. */
async function child(dist) {
  const mod = (p) => import(pathToFileURL(path.join(dist, p)).href);
  const own = (p) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);
  const [{ loadFilms }, { buildGraph }, { DEFAULT_BASE }] = await Promise.all([own('pipeline.js'), own('graph.js'), own('base.js')]);
  const films = await loadFilms(values.films !== undefined ? path.resolve(values.films) : undefined);
  const quads = buildGraph(films, { base: DEFAULT_BASE });
  const timed = async (fn) => {
    const w0 = performance.now();
    const c0 = cpuNow();
    const result = await fn();
    return { cpu: cpuNow() - c0, wall: performance.now() - w0, result };
  };
  const load = await timed(() => Promise.all([mod('web/step.js'), mod('web/entity-page.js')]));
  const [{ renderWebFiles }, { renderEntityPages }] = load.result;
  // What pagesStep.run does, into one map.
  const render = () => {
    const files = new Map(renderWebFiles(films, quads, DEFAULT_BASE).files);
    for (const [name, text] of renderEntityPages(quads, DEFAULT_BASE)) files.set(name, text);
    return files;
  };
  const first = await timed(render);
  const warm = [];
  // Each warm rendering's files are dropped before the next, as a process that renders once keeps only its own.
  for (let i = 0; i < Number(values.warm); i++) warm.push(await timed(() => void render()));
  const hash = createHash('sha256');
  for (const name of [...first.result.keys()].sort()) hash.update(`${name}\u0000${first.result.get(name)}\u0000`);
  console.log(
    JSON.stringify({
      files: first.result.size,
      bytes: [...first.result.values()].reduce((n, s) => n + Buffer.byteLength(s), 0),
      triples: quads.length,
      hash: hash.digest('hex'),
      load: { cpu: load.cpu, wall: load.wall },
      first: { cpu: first.cpu, wall: first.wall },
      warm: { cpu: stats(warm.map((w) => w.cpu)).median, wall: stats(warm.map((w) => w.wall)).median },
    }),
  );
}

function runChild(dist) {
  const args = [fileURLToPath(import.meta.url), '--child', dist, '--warm', values.warm];
  if (values.films !== undefined) args.push('--films', values.films);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`child for ${dist} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

if (values.child !== undefined) {
  await child(values.child);
} else {
  const RUNS = Math.max(3, Number(values.runs));
  const variants = [['this tree', path.join(ROOT, 'dist')]];
  if (values.against !== undefined) variants.push([`against ${values.against}`, path.join(path.resolve(values.against), 'dist')]);
  const results = variants.map(() => []);
  for (let i = 0; i < RUNS; i++) variants.forEach(([, dist], v) => results[v].push(runChild(dist)));
  const ms = (x) => `${x.toFixed(1).padStart(7)} ms`;
  const med = (rs, phase, kind) => stats(rs.map((r) => r[phase][kind])).median;
  const one = results[0][0];
  console.log(`pages step: ${one.files} files, ${(one.bytes / 1e6).toFixed(2)} MB (${one.triples} triples); medians of ${RUNS} fresh processes, ${values.warm} warm renderings each`);
  console.log(`${''.padEnd(28)}${'load cpu'.padStart(10)}${'cold cpu'.padStart(10)}${'warm cpu'.padStart(10)}${'cold wall'.padStart(11)}${'warm wall'.padStart(11)}`);
  for (const [v, [name]] of variants.entries()) {
    const rs = results[v];
    console.log(`${name.padEnd(28)}${ms(med(rs, 'load', 'cpu'))}${ms(med(rs, 'first', 'cpu'))}${ms(med(rs, 'warm', 'cpu'))}${ms(med(rs, 'first', 'wall')).padStart(11)}${ms(med(rs, 'warm', 'wall')).padStart(11)}`);
  }
  if (variants.length > 1) {
    const ratio = (phase, kind) => (med(results[0], phase, kind) / med(results[1], phase, kind)).toFixed(2);
    console.log(`ratio this/against: load cpu ${ratio('load', 'cpu')}, cold cpu ${ratio('first', 'cpu')}, warm cpu ${ratio('warm', 'cpu')}, cold+load cpu ${(
      stats(results[0].map((r) => r.load.cpu + r.first.cpu)).median / stats(results[1].map((r) => r.load.cpu + r.first.cpu)).median
    ).toFixed(2)}`);
    const same = results.flat().every((r) => r.hash === one.hash);
    console.log(same ? `outputs identical (sha256 of every rendered file, all runs): ${one.hash.slice(0, 16)}…` : 'OUTPUTS DIFFER between the two trees');
    if (!same) process.exitCode = 1;
  }
}
