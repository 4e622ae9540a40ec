// Benchmark of the entity pages `filmkg build` writes (src/web/entity-page.ts) for the bundled film: rendering every page
// (first run and warm), and writing them the way the build writes its output; beside it, in the same run, the peers:
// building the graph and rendering the film page. Run `npm run build:ts` first. Usage: node bench/entity-pages.js [--runs N≥3]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Math.max(3, Number(values.runs));
const BASE = 'https://filmkg.example/';

const { loadFilms } = await import(path.join(ROOT, 'dist/pipeline.js'));
const { buildGraph } = await import(path.join(ROOT, 'dist/graph.js'));
const { renderEntityPages } = await import(path.join(ROOT, 'dist/web/entity-page.js'));
const { renderWebFiles } = await import(path.join(ROOT, 'dist/web/step.js'));
const { writeFilesAtomic } = await import(path.join(ROOT, 'dist/fsutil.js'));

const films = await loadFilms();
const quads = buildGraph(films, { base: BASE });
const time = (f) => {
  const t0 = performance.now();
  const r = f();
  return [performance.now() - t0, r];
};
const [first, pages] = time(() => renderEntityPages(quads, BASE));
const bytes = [...pages.values()].reduce((n, s) => n + Buffer.byteLength(s), 0);
const render = [];
const graph = [];
const film = [];
for (let i = 0; i < RUNS; i++) {
  render.push(time(() => renderEntityPages(quads, BASE))[0]);
  graph.push(time(() => buildGraph(films, { base: BASE }))[0]);
  film.push(time(() => renderWebFiles(films, quads, BASE))[0]);
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'filmkg-bench-pages-'));
const write = [];
try {
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const t0 = performance.now();
    await writeFilesAtomic(path.join(dir, 'out'), pages);
    write.push(performance.now() - t0);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const ms = (x) => `${x.toFixed(1)} ms`;
const r = stats(render);
const g = stats(graph);
const f = stats(film);
console.log(`entity pages: ${pages.size} pages, ${(bytes / 1e6).toFixed(2)} MB of HTML (${quads.length} triples)`);
console.log(`render every entity page          first run ${ms(first)}  median ${ms(r.median)}  p95 ${ms(r.p95)}  (${RUNS} runs)`);
console.log(`peer: build the graph             median ${ms(g.median)}  ratio pages/graph ${(r.median / g.median).toFixed(2)}`);
console.log(`peer: render the film page        median ${ms(f.median)}  per entity page ${ms(r.median / pages.size)}`);
console.log(`write the pages (writeFilesAtomic, each file flushed)  median ${ms(stats(write).median)}  (${write.length} runs)`);
