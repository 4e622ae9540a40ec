// Benchmark of the streamed mapping + N-Triples path alone (src/export/ntriples-stream.ts, what bench/build.js measures at
// ×1000 among much else): the bundled film's facts ×N with distinct slugs, streamed per film, its CPU and wall time beside
// oxigraph's own N-Triples dump of the same triples in the same process, and the SHA-256 of the streamed bytes (which a
// speed change must leave as they were). With --baseline DIR (the dist/ folder of an earlier build of filmkg, inside
// this checkout so that it finds node_modules) that code streams the same films too, in processes of its own taken in
// turn with the current code's (two builds of one code in one process do not run alike), and its bytes must hash the same.
// Run `npm run build:ts` first.
// Usage: node bench/stream.js [--copies N] [--runs N] [--processes N] [--peer-copies N] [--baseline DIR]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    copies: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    processes: { type: 'string', default: '3' },
    'peer-copies': { type: 'string', default: '100' },
    baseline: { type: 'string' },
    child: { type: 'string' },
  },
});
const COPIES = Number(values.copies);
const RUNS = Number(values.runs);
const PEER_COPIES = Math.min(COPIES, Number(values['peer-copies']));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const fmt = (x) => Math.round(x).toLocaleString('en');

if (values.child !== undefined) {
  // One process: the stream of the given build, RUNS times after a warm-up, and oxigraph's dump of the first films.
  const dist = path.resolve(values.child);
  const { loadFilm } = await import(path.join(ROOT, 'dist/pipeline.js'));
  const { FILMS_DIR, DEFAULT_FILM } = await import(path.join(ROOT, 'dist/paths.js'));
  const { streamNTriples } = await import(path.join(dist, 'export/ntriples-stream.js'));
  const facts = await loadFilm(path.join(FILMS_DIR, DEFAULT_FILM));
  const copies = Array.from({ length: COPIES }, (_, i) => {
    const id = String(i).padStart(4, '0');
    return { ...facts, source: { ...facts.source, slug: `${facts.source.slug}-${id}` }, title: { ...facts.title, value: `${facts.title.value} ${id}` } };
  });
  const run = (films) => {
    const hash = createHash('sha256');
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const triples = streamNTriples(films, (chunk) => hash.update(chunk));
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { triples, wall, cpu: (cpu.user + cpu.system) / 1000, sha: hash.digest('hex') };
  };
  const { default: oxigraph } = await import('oxigraph');
  const text = [];
  const peerTriples = streamNTriples(copies.slice(0, PEER_COPIES), (chunk) => text.push(chunk));
  const store = new oxigraph.Store();
  store.load(text.join(''), { format: 'application/n-triples', to_graph_name: oxigraph.defaultGraph() });
  text.length = 0;
  const out = { stream: [], peer: [], sha: new Set(), triples: 0, peerTriples };
  for (let i = 0; i < RUNS + 1; i++) {
    const r = run(copies);
    const cpu0 = process.cpuUsage();
    const dump = store.dump({ format: 'application/n-triples', from_graph_name: oxigraph.defaultGraph() });
    const cpu = process.cpuUsage(cpu0);
    if (dump.length === 0) throw new Error('empty dump');
    out.sha.add(r.sha);
    out.triples = r.triples;
    if (i === 0) continue; // warm-up
    out.stream.push(r);
    out.peer.push((cpu.user + cpu.system) / 1000);
  }
  store.free?.();
  console.log(JSON.stringify({ ...out, sha: [...out.sha] }));
  process.exit(0);
}

/** Runs one child process on the build in `dist`; its figures. */
function child(dist) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dist, '--copies', String(COPIES), '--runs', String(RUNS), '--peer-copies', String(PEER_COPIES)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`bench/stream.js child on ${dist} failed: ${r.stderr}`);
  const figures = JSON.parse(r.stdout.trim().split('\n').pop());
  if (figures.sha.length !== 1) throw new Error(`the stream of ${dist} is not deterministic: ${figures.sha.join(', ')}`);
  return figures;
}

const builds = [['current', path.join(ROOT, 'dist')]];
if (values.baseline !== undefined) builds.push(['baseline', path.resolve(values.baseline)]);
const results = new Map(builds.map(([name]) => [name, []]));
for (let i = 0; i < Number(values.processes); i++) {
  for (const [name, dist] of i % 2 === 1 ? [...builds].reverse() : builds) results.get(name).push(child(dist));
}
const first = results.get('current')[0];
for (const [name, runs] of results) {
  for (const r of runs) {
    if (r.sha[0] !== first.sha[0] || r.triples !== first.triples) throw new Error(`${name} streams other bytes: ${r.sha[0]} (${r.triples} triples) against ${first.sha[0]} (${first.triples})`);
  }
}
console.log(`mapping + N-Triples of the bundled film ×${COPIES}, streamed per film: ${first.triples} triples, sha256 ${first.sha[0]}`);
console.log(`medians of ${values.processes} processes × ${RUNS} runs after a warm-up each (a shared machine: CPU time is the steadier figure):`);
const cpuOf = new Map();
for (const [name, runs] of results) {
  const cpu = median(runs.flatMap((r) => r.stream.map((s) => s.cpu)));
  const wall = median(runs.flatMap((r) => r.stream.map((s) => s.wall)));
  const peer = median(runs.flatMap((r) => r.peer));
  cpuOf.set(name, cpu);
  const ratio = first.triples / cpu / (first.peerTriples / peer);
  console.log(
    `  ${name.padEnd(9)} CPU ${fmt(cpu)} ms (wall ${fmt(wall)} ms) = ${fmt(COPIES / (cpu / 1000))} films/s, ${fmt(first.triples / (cpu / 1000))} triples/s; ` +
      `peer in its processes: oxigraph's dump of the first ${PEER_COPIES} films (${first.peerTriples} triples) CPU ${fmt(peer)} ms = ${fmt(first.peerTriples / (peer / 1000))} triples/s; ratio ${ratio.toFixed(2)} × the dump (target ≥ 0.6 ×)`,
  );
}
if (cpuOf.has('baseline')) console.log(`  current / baseline CPU: ${(cpuOf.get('current') / cpuOf.get('baseline')).toFixed(2)} × (same bytes)`);
