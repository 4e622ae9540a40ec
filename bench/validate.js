// Benchmark of the graph's self-checks on the bundled film: SHACL validation, the vocabulary check and the VoID/DCAT
// description, in-process (warm, after a cold first run that is reported separately), and `filmkg validate` as a whole
// process. Prints figures; run `npm run build:ts` first. Usage: node bench/validate.js [--runs N] [--process-runs N]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' }, 'process-runs': { type: 'string', default: '10' } } });
const RUNS = Number(values.runs);
const PROCESS_RUNS = Number(values['process-runs']);

const { loadFilms } = await import(path.join(ROOT, 'dist/pipeline.js'));
const { buildGraph } = await import(path.join(ROOT, 'dist/graph.js'));
const { validateQuads } = await import(path.join(ROOT, 'dist/check/shacl.js'));
const { checkVocabulary } = await import(path.join(ROOT, 'dist/check/vocabulary.js'));
const { describeDataset } = await import(path.join(ROOT, 'dist/describe/dataset.js'));
const { DISTRIBUTIONS } = await import(path.join(ROOT, 'dist/describe/step.js'));
const { toNTriples } = await import(path.join(ROOT, 'dist/export/ntriples.js'));
const { OxigraphStore } = await import(path.join(ROOT, 'dist/store/oxigraph.js'));

const ms = (x) => `${x.toFixed(1)} ms`;
const quads = buildGraph(await loadFilms());
const ntriples = toNTriples(quads);

async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}
async function measure(name, fn, target) {
  const cold = await time(fn);
  for (let i = 0; i < 3; i++) await fn();
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await time(fn));
  const s = stats(samples);
  console.log(`  ${name.padEnd(34)} median ${ms(s.median).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  first run ${ms(cold).padStart(9)}${target ? `  (target ≤ ${target})` : ''}`);
}

console.log(`self-checks of the bundled film's graph (${quads.length} triples), ${RUNS} warm runs each:`);
await measure('SHACL validation (shapes + lists)', async () => {
  const outcome = await validateQuads(quads);
  if (!outcome.conforms) throw new Error('the bundled graph does not conform');
}, '200 ms');
await measure('vocabulary check', () => {
  if (!checkVocabulary(quads).ok) throw new Error('unknown terms');
});
await measure('VoID/DCAT description (load + SPARQL)', async () => {
  const store = OxigraphStore.fromText(ntriples);
  try {
    await describeDataset(store, { base: 'https://filmkg.example/', files: DISTRIBUTIONS });
  } finally {
    store.close();
  }
});

const whole = [];
for (let i = 0; i < PROCESS_RUNS + 1; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/filmkg.js'), 'validate'], { encoding: 'utf8' });
  const t = performance.now() - t0;
  if (r.status !== 0) throw new Error(`filmkg validate failed: ${r.stderr}`);
  if (i > 0) whole.push(t);
}
const w = stats(whole);
console.log(`whole process \`filmkg validate\` (extract + graph + checks), ${PROCESS_RUNS} runs: median ${ms(w.median)}  p95 ${ms(w.p95)}`);
