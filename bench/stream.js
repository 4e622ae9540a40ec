// Benchmark of the streamed mapping + N-Triples path alone (src/export/ntriples-stream.ts, what bench/build.js measures at
// ×1000 among much else): the bundled film's facts ×N with distinct slugs, streamed per film, its CPU and wall time beside
// oxigraph's own N-Triples dump of the same triples in the same run, and the SHA-256 of the streamed bytes (which a speed
// change must leave as they were). With --baseline DIR (the dist/ folder of an earlier build of filmkg, inside this
// checkout so that it finds node_modules) that code streams the same films too, interleaved run by run, and its bytes
// must hash the same. Run `npm run build:ts` first.
// Usage: node bench/stream.js [--copies N] [--runs N] [--peer-copies N] [--baseline DIR]
import { createHash } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    copies: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
    'peer-copies': { type: 'string', default: '100' },
    baseline: { type: 'string' },
  },
});
const COPIES = Number(values.copies);
const RUNS = Number(values.runs);
const PEER_COPIES = Math.min(COPIES, Number(values['peer-copies']));

const { loadFilm } = await import(path.join(ROOT, 'dist/pipeline.js'));
const { FILMS_DIR, DEFAULT_FILM } = await import(path.join(ROOT, 'dist/paths.js'));
const current = (await import(path.join(ROOT, 'dist/export/ntriples-stream.js'))).streamNTriples;
const baseline = values.baseline === undefined ? undefined : (await import(path.join(path.resolve(values.baseline), 'export/ntriples-stream.js'))).streamNTriples;

const facts = await loadFilm(path.join(FILMS_DIR, DEFAULT_FILM));
const copies = Array.from({ length: COPIES }, (_, i) => {
  const id = String(i).padStart(4, '0');
  return { ...facts, source: { ...facts.source, slug: `${facts.source.slug}-${id}` }, title: { ...facts.title, value: `${facts.title.value} ${id}` } };
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const fmt = (x) => Math.round(x).toLocaleString('en');

/** Streams `films` with `stream`, hashing the bytes; wall and CPU (user + system) milliseconds. */
function run(stream, films) {
  const hash = createHash('sha256');
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const triples = stream(films, (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { triples, bytes, wall, cpu: (cpu.user + cpu.system) / 1000, sha: hash.digest('hex') };
}

// The peer: oxigraph's dump of the same first films' triples, from a store that holds them.
const { default: oxigraph } = await import('oxigraph');
const peerText = [];
const peerTriples = current(copies.slice(0, PEER_COPIES), (chunk) => peerText.push(chunk));
const store = new oxigraph.Store();
store.load(peerText.join(''), { format: 'application/n-triples', to_graph_name: oxigraph.defaultGraph() });
peerText.length = 0;

const samples = { current: [], baseline: [], peer: [], currentPeer: [] };
let shas = new Set();
let triples = 0;
for (let i = 0; i < RUNS + 1; i++) {
  global.gc?.();
  // Turn about, so that neither always runs on the heap the other left.
  const b0 = baseline && i % 2 === 1 ? run(baseline, copies) : undefined;
  const c = run(current, copies);
  const b = baseline ? (b0 ?? run(baseline, copies)) : undefined;
  const cpu0 = process.cpuUsage();
  const text = store.dump({ format: 'application/n-triples', from_graph_name: oxigraph.defaultGraph() });
  const cpu = process.cpuUsage(cpu0);
  if (text.length === 0) throw new Error('empty dump');
  const cp = run(current, copies.slice(0, PEER_COPIES));
  shas.add(`current ${c.sha}`);
  if (b) {
    if (b.sha !== c.sha) throw new Error(`the baseline streams other bytes: ${b.sha} against ${c.sha}`);
    if (b.triples !== c.triples) throw new Error(`the baseline streams ${b.triples} triples against ${c.triples}`);
  }
  triples = c.triples;
  if (i === 0) continue; // warm-up
  samples.current.push(c);
  if (b) samples.baseline.push(b);
  samples.peer.push((cpu.user + cpu.system) / 1000);
  samples.currentPeer.push(cp.cpu);
}
store.free?.();
if (shas.size !== 1) throw new Error(`the stream is not deterministic: ${[...shas].join(', ')}`);

const line = (name, xs) => {
  const cpu = median(xs.map((x) => x.cpu));
  const wall = median(xs.map((x) => x.wall));
  console.log(`  ${name.padEnd(9)} CPU ${fmt(cpu)} ms (wall ${fmt(wall)} ms) = ${fmt(COPIES / (cpu / 1000))} films/s, ${fmt(triples / (cpu / 1000))} triples/s of CPU`);
  return cpu;
};
console.log(`mapping + N-Triples of the bundled film ×${COPIES}, streamed per film: ${triples} triples, ${samples.current[0].bytes} characters, sha256 ${samples.current[0].sha}`);
console.log(`medians of ${RUNS} runs after one warm-up (a shared machine: CPU time is the steadier figure):`);
const currentCpu = line('current', samples.current);
if (baseline) {
  const baselineCpu = line('baseline', samples.baseline);
  console.log(`  current / baseline CPU: ${(currentCpu / baselineCpu).toFixed(2)} × (same bytes)`);
}
const peerCpu = median(samples.peer);
const rate = (t, ms) => t / (ms / 1000);
const currentPeerCpu = median(samples.currentPeer);
console.log(
  `  peer: oxigraph's N-Triples dump of the first ${PEER_COPIES} films (${peerTriples} triples), CPU ${fmt(peerCpu)} ms = ${fmt(rate(peerTriples, peerCpu))} triples/s; ` +
    `the stream of the same films CPU ${fmt(currentPeerCpu)} ms = ${(rate(peerTriples, currentPeerCpu) / rate(peerTriples, peerCpu)).toFixed(2)} × the dump; ×${COPIES} = ${(rate(triples, currentCpu) / rate(peerTriples, peerCpu)).toFixed(2)} × the dump (target ≥ 0.6 ×)`,
);
