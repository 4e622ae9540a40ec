// Benchmark of extraction: in-process extract (+ curate + check) of the bundled article, and whole-process `filmkg extract`.
// Prints figures (median, p95, min), and the whole process beside bare `node -e 0` run by run (wall and CPU time, and
// their ratios); run `npm run build:ts` first. Usage: node bench/extract.js [--runs N≥50] [--process-runs N≥10]
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
// Whole processes, interleaved run by run with their peer, bare `node -e 0`: wall time, and CPU time (user + system)
// read from this process's children's times in /proc/self/stat (clock ticks, usually 10 ms; none where /proc is missing).
const TICK_MS = 10;
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
  } catch {
    return undefined;
  }
}
function spawnMeasured(args) {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return { ms, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}
const processes = [];
const processCpu = [];
const bare = [];
const bareCpu = [];
for (let i = 0; i < PROCESS_RUNS; i++) {
  const b = spawnMeasured(['-e', '0']);
  bare.push(b.ms);
  if (b.cpu !== undefined) bareCpu.push(b.cpu);
  const e = spawnMeasured([path.join(ROOT, 'bin/filmkg.js'), 'extract']);
  processes.push(e.ms);
  if (e.cpu !== undefined) processCpu.push(e.cpu);
}

const lineCount = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
console.log(`filmkg extraction benchmark — ${DEFAULT_FILM} (${lineCount} lines, ${Buffer.byteLength(text)} bytes); Node ${process.version}`);
line(`extract (in-process, ${RUNS} runs)`, stats(extractOnly));
line(`read + extract + curate + check (${RUNS} runs)`, stats(full));
line(`whole process \`filmkg extract\` (${PROCESS_RUNS} runs)`, stats(processes));
line(`bare \`node -e 0\`, interleaved (${PROCESS_RUNS} runs)`, stats(bare));
const ratio = stats(processes).median / stats(bare).median;
console.log(`whole process / bare Node: ${ratio.toFixed(2)} × wall (target ≤ 2 ×)`);
if (processCpu.length > 0 && bareCpu.length > 0) {
  const cpuRatio = stats(processCpu).median / stats(bareCpu).median;
  console.log(`CPU (user + system, ${TICK_MS} ms ticks): \`filmkg extract\` median ${stats(processCpu).median.toFixed(0)} ms, bare Node median ${stats(bareCpu).median.toFixed(0)} ms: ${cpuRatio.toFixed(2)} ×`);
}
console.log(`target: in-process extraction < 20 ms → ${stats(extractOnly).median < 20 ? 'met' : 'NOT met'}`);
