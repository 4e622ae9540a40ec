// Benchmark of the bundled queries: warm in-process latency of each (median, p95) on the bundled film, and the
// whole-process time of a one-shot `filmkg query`. Prints figures; run `npm run build:ts` (and `filmkg build`) first.
// Usage: node bench/query.js [--runs N] [--process-runs N]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' }, 'process-runs': { type: 'string', default: '10' } } });
const RUNS = Number(values.runs);
const PROCESS_RUNS = Number(values['process-runs']);

const { bundledQueries } = await import(path.join(ROOT, 'dist/sparql/bundled.js'));
const { checkQuery } = await import(path.join(ROOT, 'dist/sparql/check.js'));
const { openGraphStore } = await import(path.join(ROOT, 'dist/store/open.js'));

const fmt = (x) => x.toFixed(3).padStart(8);

// A fresh build, so that the one-shot runs below answer from out/graph.nt as users do after `npm start`.
spawnSync(process.execPath, [path.join(ROOT, 'bin/filmkg.js'), 'build'], { stdio: 'ignore' });
const { store, source } = await openGraphStore();
console.log(`filmkg query benchmark — ${await store.size()} triples from ${source}; Node ${process.version}; ${RUNS} warm runs each`);
console.log(`${'query'.padEnd(36)} ${'median ms'.padStart(9)} ${'p95 ms'.padStart(8)}`);
let worst = 0;
for (const q of bundledQueries()) {
  const { form } = checkQuery(q.text);
  const mediaType = form === 'CONSTRUCT' || form === 'DESCRIBE' ? 'application/n-triples' : 'application/sparql-results+json';
  for (let i = 0; i < 20; i++) store.serialize(q.text, mediaType);
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    store.serialize(q.text, mediaType);
    samples.push(performance.now() - t0);
  }
  const st = stats(samples);
  worst = Math.max(worst, st.median);
  console.log(`${q.name.padEnd(36)} ${fmt(st.median)} ${fmt(st.p95)}`);
}
store.close();
console.log(`slowest median: ${worst.toFixed(3)} ms (target ≤ 2 ms: ${worst <= 2 ? 'met' : 'NOT met'})`);

const processes = [];
for (let i = 0; i < PROCESS_RUNS; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/filmkg.js'), 'query', 'cast'], { encoding: 'utf8' });
  processes.push(performance.now() - t0);
  if (r.status !== 0) throw new Error(r.stderr);
}
const p = stats(processes);
console.log(`one-shot \`filmkg query cast\` (${PROCESS_RUNS} runs): median ${p.median.toFixed(0)} ms, p95 ${p.p95.toFixed(0)} ms (target ≤ 500 ms: ${p.median <= 500 ? 'met' : 'NOT met'})`);
