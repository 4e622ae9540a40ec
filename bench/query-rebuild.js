// Whole-process cost of `filmkg query cast` and of an up-to-date `filmkg build`, each beside its peer in the same run:
// the plain script that loads out/graph.nt into oxigraph and runs the same query (as bench/breakdown.js writes it), and
// bare `node -e 0`. Runs are interleaved so that the machine's load falls on all alike; medians of wall time and, where
// /usr/bin/time exists, of the CPU time (user + system) each process used: the steadier figure on a shared machine.
// Run `npm run build:ts` first. Usage: node bench/query-rebuild.js [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Number(values.runs);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs `node args` and returns its wall time and, with /usr/bin/time, its CPU time (ms). */
function spawnTimed(args, options = {}) {
  const command = TIME ? [TIME, ['-f', 'cpu %U %S', process.execPath, ...args]] : [process.execPath, args];
  const t0 = performance.now();
  const r = spawnSync(command[0], command[1], { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return { ms, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN, stdout: r.stdout };
}

const work = mkdtempSync(path.join(tmpdir(), 'filmkg-query-rebuild-'));
const cli = path.join(ROOT, 'bin/filmkg.js');
try {
  spawnTimed([cli, 'build', '--out', path.join(work, 'out')], { cwd: work });
  const peer = path.join(work, 'plain-query.mjs');
  const oxigraphUrl = pathToFileURL(path.join(ROOT, 'node_modules/oxigraph/node.js')).href;
  const castText = readFileSync(path.join(ROOT, 'queries/cast.rq'), 'utf8');
  writeFileSync(
    peer,
    `import { readFileSync } from 'node:fs';\nimport oxigraph from ${JSON.stringify(oxigraphUrl)};\n` +
      `const store = new oxigraph.Store();\nstore.load(readFileSync(${JSON.stringify(path.join(work, 'out', 'graph.nt'))}, 'utf8'), { format: 'application/n-triples', to_graph_name: oxigraph.defaultGraph() });\n` +
      `const rows = store.query(${JSON.stringify(castText)});\nlet text = '';\nfor (const row of rows) text += [...row.values()].map((t) => t.value).join('\\t') + '\\n';\nprocess.stdout.write(text);\n`,
  );
  // The first up-to-date check after a build hashes what the build wrote (their times are too recent to trust); the
  // runs below measure the usual case, a check after that one.
  const first = spawnTimed([cli, 'build'], { cwd: work });
  if (!first.stdout.startsWith('up to date:')) throw new Error(`the second build was not up to date:\n${first.stdout}`);
  const whole = { bare: [], query: [], peer: [], rebuild: [] };
  for (let i = 0; i < RUNS; i++) {
    whole.bare.push(spawnTimed(['-e', '0']));
    whole.peer.push(spawnTimed([peer]));
    whole.query.push(spawnTimed([cli, 'query', 'cast'], { cwd: work }));
    const rebuilt = spawnTimed([cli, 'build'], { cwd: work });
    if (!rebuilt.stdout.startsWith('up to date:')) throw new Error(`the build was not up to date:\n${rebuilt.stdout}`);
    whole.rebuild.push(rebuilt);
  }
  const wall = Object.fromEntries(Object.entries(whole).map(([k, v]) => [k, stats(v.map((r) => r.ms)).median]));
  const cpu = Object.fromEntries(Object.entries(whole).map(([k, v]) => [k, stats(v.map((r) => r.cpu)).median]));
  const fmt = (x) => `${x.toFixed(1).padStart(8)} ms`;
  const ratio = (a, b) => `${(a / b).toFixed(2)} ×`.padStart(7);
  console.log(`whole processes, medians of ${RUNS} interleaved runs (Node ${process.version}; a shared machine: noisy)`);
  console.log(`${'wall'.padStart(11)} ${'CPU'.padStart(11)}   ratio wall, CPU`);
  console.log(`${fmt(wall.bare)} ${fmt(cpu.bare)}                   node -e 0`);
  console.log(`${fmt(wall.peer)} ${fmt(cpu.peer)}                   plain script: graph.nt into oxigraph + the same query`);
  console.log(`${fmt(wall.query)} ${fmt(cpu.query)}  ${ratio(wall.query, wall.peer)} ${ratio(cpu.query, cpu.peer)}  filmkg query cast, to the plain script (target ≤ 1.1 ×)`);
  console.log(`${fmt(wall.rebuild)} ${fmt(cpu.rebuild)}  ${ratio(wall.rebuild, wall.bare)} ${ratio(cpu.rebuild, cpu.bare)}  filmkg build, nothing changed, to bare Node (target ≤ 2 ×)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
