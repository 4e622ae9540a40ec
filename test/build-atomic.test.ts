// `filmkg build` changes the output folder in one step (issue 12, family 4): a reader sees the whole old set or the
// whole new set, never a mix; a failed switch leaves the old set; pages of films no longer built disappear; what killed
// builds left beside the output folder is removed by the next build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { fsOps, writeFilesAtomic } from '../src/fsutil.js';
import { buildGraph } from '../src/graph.js';
import { renderEntityPages } from '../src/web/entity-page.js';
import { fictionalFacts } from './helpers/fictional.js';
import { richFacts } from './helpers/rich.js';

const ROOT = path.join(import.meta.dirname, '..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'filmkg-build-atomic-'));
  await writeFile(path.join(dir, 'lev.json'), JSON.stringify(richFacts()));
  await writeFile(path.join(dir, 'orchard.json'), JSON.stringify(fictionalFacts()));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function build(args: string[]) {
  const io = captureIo(dir);
  const code = await run(['build', ...args], io);
  return { code, out: io.out, err: io.err };
}

/** Every file under a folder (following the output link), relative path → text. */
async function readTree(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (sub: string) => {
    for (const entry of await readdir(path.join(root, sub), { withFileTypes: true })) {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) await walk(rel);
      else files.set(rel, await readFile(path.join(root, rel), 'utf8'));
    }
  };
  await walk('');
  return files;
}

/** The bases a set of output files mention (each build's IRIs are under one base). */
function basesIn(files: Map<string, string>): Set<string> {
  const found = new Set<string>();
  for (const text of files.values()) for (const base of ['http://a.example/kg/', 'http://b.example/kg/']) if (text.includes(base)) found.add(base);
  return found;
}

/** Names beside the output folder left by builds (staging folders, links, old folders). */
async function leftovers(parent: string, name: string): Promise<string[]> {
  return (await readdir(parent)).filter((entry) => entry.startsWith(`.${name}.`));
}

describe('filmkg build: the output folder changes in one step', () => {
  test("the issue's case: a rebuild with another --base after out/graph.nt became a folder gives the whole new set", async () => {
    expect((await build(['--facts', 'lev.json', '--base', 'http://a.example/kg/', '--out', 'case/out'])).code).toBe(0);
    const out = path.join(dir, 'case', 'out');
    await rm(path.join(out, 'graph.nt'));
    await mkdir(path.join(out, 'graph.nt', 'inside'), { recursive: true });
    const r = await build(['--facts', 'lev.json', '--base', 'http://b.example/kg/', '--out', 'case/out']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = await readTree(out);
    expect(basesIn(files)).toEqual(new Set(['http://b.example/kg/']));
    expect((await lstat(path.join(out, 'graph.nt'))).isFile()).toBe(true);
    expect(files.get('graph.nt')).toContain('<http://b.example/kg/film/leaving-las-vegas>');
    // Only the folder the output points to is left beside it.
    expect(await leftovers(path.join(dir, 'case'), 'out')).toEqual([await readlink(out)]);
  });

  test('the same from an output folder written by an earlier filmkg (a real folder, not a link)', async () => {
    const out = path.join(dir, 'legacy', 'out');
    expect((await build(['--facts', 'lev.json', '--base', 'http://a.example/kg/', '--out', 'legacy/out'])).code).toBe(0);
    // Make it a real folder, as earlier versions wrote it, with graph.nt a folder.
    const real = await realpath(out);
    await rm(out); // the link
    await rename(real, out);
    await rm(path.join(out, 'graph.nt'));
    await mkdir(path.join(out, 'graph.nt', 'inside'), { recursive: true });
    expect((await lstat(out)).isDirectory()).toBe(true);
    const r = await build(['--facts', 'lev.json', '--base', 'http://b.example/kg/', '--out', 'legacy/out']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect((await lstat(out)).isSymbolicLink()).toBe(true);
    expect(basesIn(await readTree(out))).toEqual(new Set(['http://b.example/kg/']));
    expect(await leftovers(path.join(dir, 'legacy'), 'out')).toEqual([await readlink(out)]);
  });

  test('the pages of a film no longer built disappear', async () => {
    expect((await build(['--facts', 'lev.json', '--facts', 'orchard.json', '--out', 'films-gone'])).code).toBe(0);
    const films = path.join(dir, 'films-gone', 'films');
    expect((await readdir(films)).sort()).toEqual(['index.html', 'leaving-las-vegas.html', 'leaving-las-vegas.jsonld', 'the-glass-orchard.html', 'the-glass-orchard.jsonld']);
    expect((await build(['--facts', 'lev.json', '--out', 'films-gone'])).code).toBe(0);
    expect((await readdir(films)).sort()).toEqual(['index.html', 'leaving-las-vegas.html', 'leaving-las-vegas.jsonld']);
  });

  test('what killed builds left beside the output folder is removed by the next build, and the summary says so', async () => {
    const parent = path.join(dir, 'stale');
    expect((await build(['--facts', 'lev.json', '--out', 'stale/out'])).code).toBe(0);
    // Process ids above the kernel's maximum (4 194 304) belong to no process.
    for (const name of ['.out.build-99999991-0badf00d', '.out.old-99999992-deadbeef', '.out.99999993.staging']) {
      await mkdir(path.join(parent, name, 'films'), { recursive: true });
      await writeFile(path.join(parent, name, 'graph.nt'), 'half written');
    }
    // A link made just before a kill, pointing at the folder a build wrote: removing it must not remove that folder.
    await symlink(await readlink(path.join(parent, 'out')), path.join(parent, '.out.link-99999994-facefeed'));
    // A build of this very process still running is never touched, nor is an unrelated dot-folder.
    await mkdir(path.join(parent, '.outside'), { recursive: true });
    // --force: the inputs are unchanged, and an up-to-date build touches nothing (test/build-manifest.test.ts).
    const r = await build(['--facts', 'lev.json', '--out', 'stale/out', '--force']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^removed what interrupted builds left: .*\.out\.build-99999991-0badf00d/m);
    expect(r.out).toMatch(/^removed what interrupted builds left: .*\.out\.link-99999994-facefeed/m);
    expect(await leftovers(parent, 'out')).toEqual([await readlink(path.join(parent, 'out'))]);
    expect(existsSync(path.join(parent, '.outside'))).toBe(true);
  });

  test('a build killed at any moment leaves the old set or the new set, and the next build cleans up', async () => {
    // Real processes, killed with SIGKILL at increasing delays (the compiled CLI: `npm test` compiles it first).
    const cli = path.join(ROOT, 'bin', 'filmkg.js');
    const out = path.join(dir, 'killed', 'out');
    const args = ['build', '--facts', 'lev.json', '--out', 'killed/out', '--base'];
    const spawnBuild = (base: string) => {
      const child = spawn(process.execPath, [cli, ...args, base], { cwd: dir, stdio: 'ignore' });
      // Listened for at once: a build may end before it is killed.
      const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
      return { child, closed };
    };
    // One whole build first, timed: the kills then fall at fractions of it, most near the end, where the files are written.
    const started = Date.now();
    expect(await spawnBuild('http://a.example/kg/').closed).toBe(0);
    const wholeMs = Date.now() - started;
    for (const [i, fraction] of [0.85, 0.95, 1].entries()) {
      const { child, closed } = spawnBuild(i % 2 === 0 ? 'http://b.example/kg/' : 'http://a.example/kg/');
      await new Promise((resolve) => setTimeout(resolve, Math.round(wholeMs * fraction)));
      child.kill('SIGKILL');
      await closed;
      const files = await readTree(out);
      expect(basesIn(files).size).toBe(1);
      const base = [...basesIn(files)][0] as string;
      const entityPages = [...renderEntityPages(buildGraph([richFacts()], { base }), base).keys()];
      expect(entityPages.length).toBeGreaterThan(20);
      expect([...files.keys()].sort()).toEqual(['build-manifest.json', 'filmkg.ttl', 'films/index.html', 'films/leaving-las-vegas.html', 'films/leaving-las-vegas.jsonld', 'graph.jsonld', 'graph.nt', 'graph.ttl', 'shapes.ttl', 'void.ttl', ...entityPages].sort());
    }
    // --force: the last killed build may have put this very build in place, and an up-to-date build touches nothing.
    expect((await build(['--facts', 'lev.json', '--base', 'http://a.example/kg/', '--out', 'killed/out', '--force'])).code).toBe(0);
    expect(await leftovers(path.join(dir, 'killed'), 'out')).toEqual([await readlink(out)]);
  }, 60_000);
});

describe('writeFilesAtomic where symbolic links cannot be made', () => {
  test('the output is a real folder swapped by two renames: whole new set, old one gone, nothing left beside it', async () => {
    const realSymlink = fsOps.symlink;
    fsOps.symlink = async () => {
      throw Object.assign(new Error('EPERM: operation not permitted, symlink'), { code: 'EPERM' });
    };
    try {
      const out = path.join(dir, 'nolinks', 'out');
      for (const g of [1, 2, 3]) {
        const files = new Map([['graph.nt', `generation ${g}\n`], ...(g === 1 ? [['films/gone.html', 'old page\n'] as [string, string]] : [])]);
        await writeFilesAtomic(out, files);
        expect((await lstat(out)).isDirectory()).toBe(true);
        expect(await readFile(path.join(out, 'graph.nt'), 'utf8')).toBe(`generation ${g}\n`);
      }
      expect(await readdir(out)).toEqual(['graph.nt']);
      expect(await leftovers(path.join(dir, 'nolinks'), 'out')).toEqual([]);
    } finally {
      fsOps.symlink = realSymlink;
    }
  });
});

describe('writeFilesAtomic: a reader never sees a mix', () => {
  test('a reader polling through the output path during 60 switches always reads one generation', async () => {
    const out = path.join(dir, 'poll', 'out');
    const names = Array.from({ length: 12 }, (_, i) => (i < 6 ? `f${i}.txt` : `films/p${i}.html`));
    const generation = (g: number) => new Map(names.map((name) => [name, `generation ${g}\n`]));
    await writeFilesAtomic(out, generation(0));
    let done = false;
    let reads = 0;
    const mixes: string[] = [];
    const reader = (async () => {
      while (!done) {
        // A reader wanting several files resolves the output once (the documented way), then reads them.
        let root: string;
        try {
          root = await realpath(out);
        } catch {
          continue;
        }
        const seen = new Set<string>();
        try {
          for (const name of names) seen.add(await readFile(path.join(root, name), 'utf8'));
        } catch (error) {
          if ((error as { code?: string }).code === 'ENOENT') continue; // removed by a later switch: read again
          throw error;
        }
        reads++;
        if (seen.size !== 1) mixes.push([...seen].join(' / '));
      }
    })();
    for (let g = 1; g <= 60; g++) await writeFilesAtomic(out, generation(g));
    done = true;
    await reader;
    expect(mixes).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    expect(await readFile(path.join(out, 'f0.txt'), 'utf8')).toBe('generation 60\n');
    expect(await leftovers(path.join(dir, 'poll'), 'out')).toEqual([await readlink(out)]);
  }, 60_000);
});
