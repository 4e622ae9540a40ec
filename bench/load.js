// Time to load the bundled film into a running triplestore: a PUT of the Turtle (as `curl -T` would) and a whole
// `filmkg load --replace` (in-memory build, chunks, count check). Needs a Graph Store endpoint, e.g. Virtuoso's:
//   node bench/load.js http://127.0.0.1:8890/sparql-graph-crud [runs]
// Without one it says so and exits 0 (npm run bench runs every benchmark).
import { performance } from 'node:perf_hooks';
import { captureIo } from '../dist/cli/io.js';
import { run } from '../dist/cli/main.js';
import { buildGraph } from '../dist/graph.js';
import { loadFilms } from '../dist/pipeline.js';
import { toTurtle } from '../dist/export/turtle.js';
import { remoteRequest } from '../dist/remote/http.js';
import { stats } from './stats.js';

const endpoint = process.argv[2] ?? process.env.FILMKG_BENCH_GSP;
const runs = Number(process.argv[3] ?? 7);
if (!endpoint) {
  console.log('load: skipped (give a Graph Store endpoint: node bench/load.js URL, or FILMKG_BENCH_GSP)');
  process.exit(0);
}
const graph = 'https://filmkg.example/graph/bench';
const quads = buildGraph(await loadFilms());
const turtle = toTurtle(quads);

const put = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  await remoteRequest('PUT', `${endpoint}?graph=${encodeURIComponent(graph)}`, { headers: { 'content-type': 'text/turtle' }, body: turtle });
  put.push(performance.now() - t);
}
const cli = [];
for (let i = 0; i < runs; i++) {
  const io = captureIo();
  const t = performance.now();
  const status = await run(['load', '--endpoint', endpoint, '--graph', graph, '--replace'], io);
  cli.push(performance.now() - t);
  if (status !== 0) throw new Error(io.err);
}
const fmt = (s) => `median ${s.median.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, min ${s.min.toFixed(0)} ms`;
console.log(`load: ${quads.length} triples, ${runs} runs each`);
console.log(`  PUT graph.ttl (${(turtle.length / 1024).toFixed(0)} kB Turtle): ${fmt(stats(put))}`);
console.log(`  filmkg load --replace (build in memory + N-Triples + counts and look-ups): ${fmt(stats(cli))}`);
