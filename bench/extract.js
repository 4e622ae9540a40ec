// Benchmark of extraction: in-process extract (+ curate + check) of the bundled article, and whole-process `filmkg extract`.
// Prints figures (median, p95, min); run `npm run build:ts` first. Usage: node bench/extract.js [--runs N≥50] [--process-runs N≥10]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '200' }, 'process-runs': { type: 'string', default: '15' } } });
const RUNS = Math.max(50, Number(values.runs));
const PROCESS_RUNS = Math.max(10, Number(values['process-runs']));

const { extractFacts } = await import(path.join(ROOT, 'dist/extract/index.js'));
const { loadFilm } = await import(path.join(ROOT, 'dist/pipeline.js'));
const { FILMS_DIR, DEFAULT_FILM } = await import(path.join(ROOT, 'dist/paths.js'));

const fmt = (x) => `${x.toFixed(2)} ms`;
const line = (label, st) => console.log(`${label.padEnd(46)} median ${fmt(st.median)}  p95 ${fmt(st.p95)}  min ${fmt(st.min)}`);

const dir = path.join(FILMS_DIR, DEFAULT_FILM);
const text = readFileSync(path.join(dir, 'article.txt'), 'utf8');
const meta = JSON.parse(readFileSync(path.join(dir, 'metadata.json'), 'utf8'));

// Warm-up, so the JIT has compiled the extractor before timing.
for (let i = 0; i < 20; i++) extractFacts(text, meta, 'article.txt');

const extractOnly = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  extractFacts(text, meta, 'article.txt');
  extractOnly.push(performance.now() - t0);
}
const full = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  await loadFilm(dir);
  full.push(performance.now() - t0);
}
const processes = [];
for (let i = 0; i < PROCESS_RUNS; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/filmkg.js'), 'extract'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  processes.push(performance.now() - t0);
  if (r.status !== 0) throw new Error(`filmkg extract failed: ${r.stderr}`);
}

const lineCount = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
console.log(`filmkg extraction benchmark — ${DEFAULT_FILM} (${lineCount} lines, ${Buffer.byteLength(text)} bytes); Node ${process.version}`);
line(`extract (in-process, ${RUNS} runs)`, stats(extractOnly));
line(`read + extract + curate + check (${RUNS} runs)`, stats(full));
line(`whole process \`filmkg extract\` (${PROCESS_RUNS} runs)`, stats(processes));
console.log(`target: in-process extraction < 20 ms → ${stats(extractOnly).median < 20 ? 'met' : 'NOT met'}`);
