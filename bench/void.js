// The dataset description (void.ttl) of the bundled film: the rows of DESCRIPTION_QUERIES computed in JavaScript
// (src/describe/rows.ts, what `filmkg build` does) against the same queries run in oxigraph (what it did before: load
// oxigraph's WebAssembly, the graph's N-Triples into a store, then the queries), cold in fresh processes, interleaved
// run by run, and warm in this process. Wall and CPU time; medians. Run `npm run build:ts` first.
// Usage: node bench/void.js [--runs N] [--warm N]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => pathToFileURL(path.join(ROOT, 'dist', p)).href;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '9' }, warm: { type: 'string', default: '30' }, child: { type: 'string' } } });

/** The graph of the bundled film, its N-Triples and the description's modules, loaded untimed. */
async function setup() {
  const [{ loadFilms }, { buildGraph }, { toNTriples }, dataset, { rowsOf }, { DISTRIBUTIONS }] = await Promise.all(
    ['pipeline.js', 'graph.js', 'export/ntriples.js', 'describe/dataset.js', 'describe/rows.js', 'describe/step.js'].map((m) => import(dist(m))),
  );
  const quads = buildGraph(await loadFilms());
  return { quads, ntriples: toNTriples(quads), dataset, rowsOf, options: { base: 'https://filmkg.example/', files: DISTRIBUTIONS } };
}

/** void.ttl by the JavaScript rows. */
function inJs(g) {
  return g.dataset.descriptionTurtle(g.dataset.describeRows(g.rowsOf(g.quads), g.options));
}

/** void.ttl by the queries in oxigraph (its module loaded here, when `load` is given: the cold cost included). */
async function inOxigraph(g, OxigraphStore) {
  const store = OxigraphStore.fromText(g.ntriples, 'application/n-triples', 'graph.nt');
  try {
    return g.dataset.descriptionTurtle(await g.dataset.describeDataset(store, g.options));
  } finally {
    store.close();
  }
}

async function timed(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { result, wall, cpu: (c.user + c.system) / 1000 };
}

if (values.child !== undefined) {
  const g = await setup();
  const { result, wall, cpu } = await timed(async () => {
    if (values.child === 'js') return inJs(g);
    const { OxigraphStore } = await import(dist('store/oxigraph.js'));
    return inOxigraph(g, OxigraphStore);
  });
  process.stdout.write(JSON.stringify({ wall, cpu, bytes: result.length, text: result }));
} else {
  const RUNS = Number(values.runs);
  const run = (kind) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', kind], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${kind} failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  const cold = { js: [], oxigraph: [] };
  for (let i = 0; i < RUNS; i++) for (const kind of ['oxigraph', 'js']) cold[kind].push(run(kind));
  const texts = new Set([...cold.js, ...cold.oxigraph].map((r) => r.text));
  if (texts.size !== 1) throw new Error('the two ways gave different void.ttl texts');
  const med = (list, k) => stats(list.map((r) => r[k])).median;
  const fmt = (x) => `${x.toFixed(1).padStart(8)} ms`;
  console.log(`void.ttl of the bundled film (${[...texts][0].length} bytes, the same from both), cold: fresh processes, medians of ${RUNS} interleaved (a shared machine: noisy)`);
  console.log(`               wall         CPU`);
  console.log(`  oxigraph ${fmt(med(cold.oxigraph, 'wall'))} ${fmt(med(cold.oxigraph, 'cpu'))}  load oxigraph (WebAssembly), load the N-Triples, DESCRIPTION_QUERIES`);
  console.log(`  js       ${fmt(med(cold.js, 'wall'))} ${fmt(med(cold.js, 'cpu'))}  rowsOf over the build's quads`);
  console.log(`  ratio js / oxigraph: wall ${(med(cold.js, 'wall') / med(cold.oxigraph, 'wall')).toFixed(3)}, CPU ${(med(cold.js, 'cpu') / med(cold.oxigraph, 'cpu')).toFixed(3)}`);

  const WARM = Number(values.warm);
  const g = await setup();
  const { OxigraphStore } = await import(dist('store/oxigraph.js'));
  const warm = { js: [], oxigraph: [] };
  for (let i = 0; i < WARM + 3; i++) {
    const o = await timed(() => inOxigraph(g, OxigraphStore));
    const j = await timed(() => inJs(g));
    if (i < 3) continue;
    warm.oxigraph.push(o);
    warm.js.push(j);
  }
  console.log(`warm, in this process, medians of ${WARM} interleaved after 3 warm-up runs:`);
  console.log(`  oxigraph ${fmt(med(warm.oxigraph, 'wall'))} ${fmt(med(warm.oxigraph, 'cpu'))}`);
  console.log(`  js       ${fmt(med(warm.js, 'wall'))} ${fmt(med(warm.js, 'cpu'))}  ratio ${(med(warm.js, 'cpu') / med(warm.oxigraph, 'cpu')).toFixed(3)} (CPU)`);
}
