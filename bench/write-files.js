// Writing a build's output folder (src/fsutil.ts writeFilesAtomic: staging folder, every file flushed, the switch, the
// previous build removed) for the bundled film's ~330 files, as it is now (WRITE_CONCURRENCY files at once, through file
// descriptors) against its peer in the same run: the way it was before (one file after the other, each through a
// FileHandle: open, write, fsync, close), i.e. fsOps.writeNewFile as it was and `concurrency: 1`. Each run replaces the
// output the previous run wrote, as `filmkg build --force` does. Cold: fresh processes, interleaved; warm: in this
// process, interleaved. Wall and CPU time, medians. Run `npm run build:ts` first.
// Usage: node bench/write-files.js [--runs N] [--warm N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dist = (p) => pathToFileURL(path.join(ROOT, 'dist', p)).href;
const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, warm: { type: 'string', default: '15' }, child: { type: 'string' }, out: { type: 'string' } } });

/** fsOps.writeNewFile as it was: a FileHandle per file. */
async function writeNewFileBefore(file, data) {
  const handle = await fsp.open(file, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const [{ loadFilms }, { buildFiles }, fsutil] = await Promise.all(['pipeline.js', 'export/build.js', 'fsutil.js'].map((m) => import(dist(m))));
const writeNewFileNow = fsutil.fsOps.writeNewFile;

/** One write of `files` to `out`, the way `kind` says; wall and CPU milliseconds. */
async function write(kind, out, files) {
  fsutil.fsOps.writeNewFile = kind === 'before' ? writeNewFileBefore : writeNewFileNow;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fsutil.writeFilesAtomic(out, files, kind === 'before' ? { concurrency: 1 } : {});
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  fsutil.fsOps.writeNewFile = writeNewFileNow;
  return { wall, cpu: (c.user + c.system) / 1000 };
}

const files = (await buildFiles(await loadFilms(), { threads: false })).files;
const bytes = [...files.values()].reduce((n, d) => n + (typeof d === 'string' ? Buffer.byteLength(d) : d.length), 0);

if (values.child !== undefined) {
  // The output is there from an earlier build (written untimed), as for `filmkg build --force`.
  await fsutil.writeFilesAtomic(values.out, new Map([['graph.nt', 'earlier build\n']]));
  process.stdout.write(JSON.stringify(await write(values.child, values.out, files)));
} else {
  const work = mkdtempSync(path.join(tmpdir(), 'filmkg-write-files-'));
  const fmt = (x) => `${x.toFixed(1).padStart(8)} ms`;
  const med = (list, k) => stats(list.map((r) => r[k])).median;
  const report = (title, runs) => {
    console.log(title);
    console.log(`                 wall         CPU`);
    console.log(`  before     ${fmt(med(runs.before, 'wall'))} ${fmt(med(runs.before, 'cpu'))}  one file after the other, FileHandle per file`);
    console.log(`  now        ${fmt(med(runs.now, 'wall'))} ${fmt(med(runs.now, 'cpu'))}  ${fsutil.WRITE_CONCURRENCY} at once, file descriptors`);
    console.log(`  ratio before/now: wall ${(med(runs.before, 'wall') / med(runs.now, 'wall')).toFixed(2)} ×, CPU ${(med(runs.before, 'cpu') / med(runs.now, 'cpu')).toFixed(2)} ×`);
  };
  try {
    console.log(`writeFilesAtomic of the bundled film's build: ${files.size} files, ${(bytes / 1e6).toFixed(1)} MB (a shared machine: noisy)`);
    const RUNS = Number(values.runs);
    const cold = { before: [], now: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const kind of ['before', 'now']) {
        const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', kind, '--out', path.join(work, `cold-${kind}-${i}`, 'out')], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`${kind} failed: ${r.stderr}`);
        cold[kind].push(JSON.parse(r.stdout));
      }
    }
    report(`cold: the first write in a fresh process, medians of ${RUNS} interleaved`, cold);
    rmSync(path.join(work), { recursive: true, force: true });

    const WARM = Number(values.warm);
    const warm = { before: [], now: [] };
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'filmkg-write-files-')), 'out');
    for (let i = 0; i < WARM + 2; i++) {
      for (const kind of ['before', 'now']) {
        const r = await write(kind, out, files);
        if (i >= 2) warm[kind].push(r);
      }
    }
    report(`warm: in this process, medians of ${WARM} interleaved after 2 warm-up rounds`, warm);
    rmSync(path.dirname(out), { recursive: true, force: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
