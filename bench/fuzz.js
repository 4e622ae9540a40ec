// Fuzzing at scale: N mutated articles (seeded; the corpus articles with a line dropped, duplicated, swapped or
// junked, results misspelt, CRLF, doubled spaces, truncation) each extracted and built into a graph, every 10th
// graph also checked against the shapes. Prints the outcome counts (a crash or a non-conforming graph is a bug:
// exit 1) and the median times. Run `npm run build:ts` first. Usage: node bench/fuzz.js [--articles N (10000)] [--seed S]
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { articles: { type: 'string', default: '10000' }, seed: { type: 'string', default: '1' } } });
const N = Math.max(1, Number(values.articles));
const { factsFromText } = await import(path.join(ROOT, 'dist/facts/from-text.js'));
const { buildGraph } = await import(path.join(ROOT, 'dist/graph.js'));
const { validateQuads } = await import(path.join(ROOT, 'dist/check/shacl.js'));
const { CORPUS_DIRS } = await import(path.join(ROOT, 'dist/eval/corpus.js'));
const { FilmkgError } = await import(path.join(ROOT, 'dist/errors.js'));

const articles = CORPUS_DIRS.flatMap((dir) => (existsSync(dir) ? readdirSync(dir) : []).map((s) => path.join(dir, s, 'article.txt')).filter(existsSync)).map((f) => readFileSync(f, 'utf8').replace(/\r\n/g, '\n').split('\n'));
let a = Number(values.seed);
const random = () => {
  a = (a + 0x6d2b79f5) | 0;
  let t = Math.imul(a ^ (a >>> 15), 1 | a);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (n) => Math.floor(random() * n);
const MUTATIONS = [
  (l) => l.filter((_, i) => i !== pick(l.length)),
  (l) => { const i = pick(l.length); return [...l.slice(0, i + 1), l[i], ...l.slice(i + 1)]; },
  (l) => { const c = [...l]; const i = pick(c.length); const j = Math.min(c.length - 1, i + 1); [c[i], c[j]] = [c[j], c[i]]; return c; },
  (l) => { const c = [...l]; const i = pick(c.length); c[i] = `${c[i]} ¶ 12:3 "[9`; return c; },
  (l) => l.map((x) => x.replace(/\bWon\b/, 'Wonn')),
  (l) => l.map((x) => x.replace(/ /g, '  ')),
  (l) => l.slice(0, Math.max(1, pick(l.length))),
];
const META = { slug: 'fuzz', title: 'Fuzz', url: 'https://filmkg.example/fuzz', licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'bench' };
const outcome = { read: 0, refused: 0, crashed: 0, nonConforming: 0 };
const times = [];
for (let k = 0; k < N; k++) {
  let lines = articles[pick(articles.length)];
  for (let m = 1 + pick(3); m > 0; m--) lines = MUTATIONS[pick(MUTATIONS.length)](lines);
  const text = lines.join(random() < 0.1 ? '\r\n' : '\n');
  const t0 = performance.now();
  try {
    const facts = factsFromText(text, META, 'fuzz.txt');
    const quads = buildGraph([facts]);
    outcome.read++;
    const checked = k % 10 === 0 ? await validateQuads(quads) : undefined;
    if (checked && !checked.conforms) {
      outcome.nonConforming++;
      console.error(`non-conforming article ${k}: ${checked.violations.slice(0, 3).map((v) => `${v.focusNode} ${v.path ?? ""} ${v.message}`).join("; ")}`);
    }
  } catch (error) {
    if (error instanceof FilmkgError && ['NO_INFOBOX', 'EMPTY_INPUT', 'BINARY_INPUT'].includes(error.code)) outcome.refused++;
    else {
      outcome.crashed++;
      console.error(`crash on article ${k}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  times.push(performance.now() - t0);
}
const st = stats(times);
console.log(`fuzz: ${N} mutated articles: ${outcome.read} read, ${outcome.refused} refused (no film article left), ${outcome.crashed} crashed, ${outcome.nonConforming} non-conforming of ${Math.ceil(N / 10)} checked`);
console.log(`extract + build per article: median ${st.median.toFixed(2)} ms  p95 ${st.p95.toFixed(2)} ms`);
process.exitCode = outcome.crashed + outcome.nonConforming === 0 ? 0 : 1;
