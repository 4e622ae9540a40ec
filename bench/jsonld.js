// Benchmark of graph.jsonld: the specialised writer (src/export/jsonld-writer.ts, through toJsonLd) against jsonld.js's
// fromRDF + compact (the fallback, toJsonLdDocumentByJsonLdJs), on the bundled films' graph, side by side in one run.
// Cold: a fresh process per sample, the graph built first, then timed: loading the writer's modules and writing the text
// once. Warm: the same call in one process after 3 warm-up calls. Medians of wall and CPU time (CPU is steadier on a
// shared machine), and the ratio jsonld.js / writer. Run `npm run build:ts` first.
// Usage: node bench/jsonld.js [--runs N] [--process-runs N]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, 'process-runs': { type: 'string', default: '7' }, child: { type: 'string' } } });
const RUNS = Number(values.runs);
const PROCESS_RUNS = Number(values['process-runs']);
const WAYS = { writer: 'specialised writer', jsonldjs: 'jsonld.js fromRDF + compact' };

async function graph() {
  const { loadFilms } = await import(path.join(ROOT, 'dist/pipeline.js'));
  const { buildGraph } = await import(path.join(ROOT, 'dist/graph.js'));
  const { FILMS_DIR } = await import(path.join(ROOT, 'dist/paths.js'));
  return buildGraph(await loadFilms(FILMS_DIR));
}

/** The JSON-LD text of `quads` one way; the module is imported here, so a first call pays its loading. */
async function write(way, quads) {
  const mod = await import(path.join(ROOT, 'dist/export/jsonld.js'));
  if (way === 'writer') return mod.toJsonLd(quads);
  return `${JSON.stringify(await mod.toJsonLdDocumentByJsonLdJs(quads), null, 2)}\n`;
}

const cpuMs = (u) => (u.user + u.system) / 1000;
const sha = (text) => createHash('sha256').update(text).digest('hex');

if (values.child !== undefined) {
  // One cold sample: graph first (not timed), then load + write.
  const quads = await graph();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const text = await write(values.child, quads);
  const wall = performance.now() - t0;
  const cpu = cpuMs(process.cpuUsage(c0));
  console.log(JSON.stringify({ wall, cpu, sha: sha(text), triples: quads.length }));
} else {
  const fmt = (x) => `${x.toFixed(1).padStart(7)} ms`;
  const cold = { writer: { wall: [], cpu: [] }, jsonldjs: { wall: [], cpu: [] } };
  const hashes = new Set();
  let triples = 0;
  for (let i = 0; i < PROCESS_RUNS; i++) {
    for (const way of i % 2 === 0 ? ['writer', 'jsonldjs'] : ['jsonldjs', 'writer']) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', way], { cwd: ROOT, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cold ${way} failed: ${r.stderr}`);
      const sample = JSON.parse(r.stdout);
      cold[way].wall.push(sample.wall);
      cold[way].cpu.push(sample.cpu);
      hashes.add(sample.sha);
      triples = sample.triples;
    }
  }
  const quads = await graph();
  const warm = { writer: { wall: [], cpu: [] }, jsonldjs: { wall: [], cpu: [] } };
  for (let i = 0; i < RUNS + 3; i++) {
    for (const way of i % 2 === 0 ? ['writer', 'jsonldjs'] : ['jsonldjs', 'writer']) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      hashes.add(sha(await write(way, quads)));
      const wall = performance.now() - t0;
      const cpu = cpuMs(process.cpuUsage(c0));
      if (i < 3) continue;
      warm[way].wall.push(wall);
      warm[way].cpu.push(cpu);
    }
  }
  console.log(`graph.jsonld of the bundled films (${triples} triples): ${PROCESS_RUNS} cold processes and ${RUNS} warm runs each, medians`);
  console.log(`same bytes both ways in every run: ${hashes.size === 1 ? 'yes' : `NO (${hashes.size} different outputs)`}`);
  console.log(`${''.padEnd(30)}   cold wall    cold CPU   warm wall    warm CPU`);
  const med = (xs) => stats(xs).median;
  for (const way of ['writer', 'jsonldjs']) {
    console.log(`${WAYS[way].padEnd(30)}${fmt(med(cold[way].wall))}  ${fmt(med(cold[way].cpu))}  ${fmt(med(warm[way].wall))}  ${fmt(med(warm[way].cpu))}`);
  }
  const ratio = (k, m) => (med(cold.jsonldjs[m]) / med(cold.writer[m])).toFixed(1);
  const wratio = (m) => (med(warm.jsonldjs[m]) / med(warm.writer[m])).toFixed(1);
  console.log(`ratio jsonld.js / writer: cold wall ${ratio('cold', 'wall')} ×, cold CPU ${ratio('cold', 'cpu')} ×, warm wall ${wratio('wall')} ×, warm CPU ${wratio('cpu')} ×`);
  if (hashes.size !== 1) process.exitCode = 1;
}
