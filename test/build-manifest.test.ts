// `filmkg build` is content-addressed: unchanged inputs leave the output untouched ("up to date"), any changed input,
// option, output file or an interrupted build leads to a rebuild, and --force always rebuilds.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, lstat, mkdtemp, readFile, readdir, readlink, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { run } from '../src/cli/main.js';
import { captureIo } from '../src/cli/io.js';
import { DEFAULT_BASE } from '../src/base.js';
import { checkFreshness, FileHasher, hashCacheFile, hashInputs, MANIFEST_FILE } from '../src/export/manifest.js';
import { FILMS_DIR, PROJECT_ROOT } from '../src/paths.js';

const SLUG = 'leaving-las-vegas';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'filmkg-build-manifest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A films folder of its own holding a copy of the bundled film (only the files a build reads). */
async function filmsCopy(name: string): Promise<string> {
  const films = path.join(dir, name);
  for (const file of ['article.txt', 'metadata.json', 'curation.json']) await cp(path.join(FILMS_DIR, SLUG, file), path.join(films, SLUG, file));
  return films;
}

/** `filmkg build` as a process of its own (the compiled CLI, so that its code hash is the same in every run). */
function buildProcess(args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'filmkg.js'), 'build', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

async function build(args: string[]) {
  const io = captureIo(dir);
  const code = await run(['build', ...args], io);
  return { code, out: io.out, err: io.err };
}

/** Everything observable about an output link: its target, its own mtime, and every file's mtime and bytes. */
async function snapshot(out: string) {
  const link = await readlink(out);
  const linkMtime = (await lstat(out)).mtimeMs;
  const files: Record<string, { mtime: number; bytes: string }> = {};
  for (const name of (await readdir(out, { recursive: true })).sort()) {
    const file = path.join(out, name);
    const s = await stat(file);
    if (s.isFile()) files[name] = { mtime: s.mtimeMs, bytes: (await readFile(file)).toString('base64') };
  }
  const siblings = (await readdir(path.dirname(out))).filter((n) => n.startsWith(`.${path.basename(out)}.`)).sort();
  return { link, linkMtime, files, siblings };
}

describe('filmkg build: up to date', () => {
  test('a second build with the same inputs touches nothing and says so; --force rebuilds', async () => {
    const films = await filmsCopy('films-same');
    const first = await build(['--films', films, '--out', 'same']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^wrote: .*same\/build-manifest\.json/m);
    const manifest = JSON.parse(await readFile(path.join(dir, 'same', MANIFEST_FILE), 'utf8')) as { inputs: Record<string, string>; outputs: Record<string, string> };
    expect(manifest.inputs[`films/${SLUG}/article.txt`]).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.inputs['ontology/shapes.ttl']).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(manifest.inputs).some((k) => k.startsWith('code/'))).toBe(true);
    expect(Object.keys(manifest.outputs)).toContain('graph.nt');

    const before = await snapshot(path.join(dir, 'same'));
    const second = await build(['--films', films, '--out', 'same']);
    expect(second.code).toBe(0);
    expect(second.err).toBe('');
    // Every file the first build wrote but the manifest itself (the graph files, the film pages, the entity pages).
    const written = Object.keys(manifest.outputs).length;
    expect(written).toBeGreaterThan(9);
    expect(second.out).toMatch(new RegExp(`^up to date: same was built from these inputs \\(\\d+ hashed, ${written} files as written\\); nothing to do \\(--force rebuilds\\)$`, 'm'));
    expect(second.out).not.toMatch(/^wrote:/m);
    expect(await snapshot(path.join(dir, 'same'))).toEqual(before);

    const forced = await build(['--films', films, '--out', 'same', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.out).toMatch(/^rebuilt: --force$/m);
    const after = await snapshot(path.join(dir, 'same'));
    expect(after.link).not.toBe(before.link);
    // Same inputs, same bytes.
    for (const [name, file] of Object.entries(before.files)) expect(after.files[name]?.bytes, name).toBe(file.bytes);
  }, 120_000);

  test('a changed article, a changed option or a changed output file leads to a rebuild naming it', async () => {
    const films = await filmsCopy('films-change');
    expect((await build(['--films', films, '--out', 'change'])).code).toBe(0);
    const article = path.join(films, SLUG, 'article.txt');
    await writeFile(article, `${await readFile(article, 'utf8')}\n`);
    const changed = await build(['--films', films, '--out', 'change']);
    expect(changed.code).toBe(0);
    expect(changed.out).toMatch(new RegExp(`^rebuilt: changed since the last build: films/${SLUG}/article\\.txt$`, 'm'));
    expect((await build(['--films', films, '--out', 'change'])).out).toMatch(/^up to date: /m);

    const rebased = await build(['--films', films, '--out', 'change', '--base', 'https://example.org/kg/']);
    expect(rebased.out).toMatch(/^rebuilt: changed since the last build: option\/base$/m);
    expect(await readFile(path.join(dir, 'change', 'graph.nt'), 'utf8')).toContain('<https://example.org/kg/');

    await rm(path.join(dir, 'change', 'graph.jsonld'));
    const repaired = await build(['--films', films, '--out', 'change', '--base', 'https://example.org/kg/']);
    expect(repaired.code).toBe(0);
    expect(repaired.out).toMatch(/^built 1 film/m);
    expect(repaired.out).toMatch(/^rebuilt: output changed or missing since the last build: graph\.jsonld$/m);
    expect(await readFile(path.join(dir, 'change', 'graph.jsonld'), 'utf8')).toContain('"@context"');
  }, 120_000);

  test('shapes changed since the last build lead to a rebuild (the manifest holds other shapes)', async () => {
    // The project's shapes cannot be edited under other suites running at once; an earlier build made with other shapes
    // is the same thing seen from the output: its manifest records another hash for ontology/shapes.ttl.
    const films = await filmsCopy('films-shapes');
    expect((await build(['--films', films, '--out', 'shapes'])).code).toBe(0);
    const file = path.join(dir, 'shapes', MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(file, 'utf8')) as { inputs: Record<string, string> };
    manifest.inputs['ontology/shapes.ttl'] = '0'.repeat(64);
    // Written through the link, into the build's own folder, as that earlier build would have written it.
    await writeFile(file, JSON.stringify(manifest));
    const r = await build(['--films', films, '--out', 'shapes']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^rebuilt: changed since the last build: ontology\/shapes\.ttl$/m);
    expect(JSON.parse(await readFile(file, 'utf8')).inputs['ontology/shapes.ttl']).not.toBe('0'.repeat(64));
  }, 120_000);

  test('a build killed before its switch leaves no false "up to date", even with its complete staging folder left behind', async () => {
    const films = await filmsCopy('films-killed');
    expect((await build(['--films', films, '--out', 'killed'])).code).toBe(0);
    const article = path.join(films, SLUG, 'article.txt');
    await writeFile(article, `${await readFile(article, 'utf8')}\n`);
    // What a build of the new inputs killed just before the switch leaves: its full folder, manifest included, under a
    // staging name of a process that no longer runs.
    expect((await build(['--films', films, '--out', 'complete'])).code).toBe(0);
    const staging = `.killed.build-999999999-0badc0de`;
    await rename(path.join(dir, 'complete'), path.join(dir, 'complete-link'));
    await rename(path.join(dir, await readlink(path.join(dir, 'complete-link'))), path.join(dir, staging));
    const r = await build(['--films', films, '--out', 'killed']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^rebuilt: changed since the last build: films/${SLUG}/article\\.txt$`, 'm'));
    expect(r.out).toMatch(new RegExp(`^removed what interrupted builds left: ${staging.replace(/\./g, '\\.')}$`, 'm'));
  }, 120_000);

  test('a real kill at any moment: the next build says "up to date" only when the output holds the build of the current inputs', async () => {
    const films = await filmsCopy('films-kill');
    const out = path.join(dir, 'kill');
    expect((await buildProcess(['--films', films, '--out', out])).code).toBe(0);
    const article = path.join(films, SLUG, 'article.txt');
    const reference = path.join(dir, 'kill-reference');
    for (const delayMs of [100, 300, 600, 1200]) {
      await writeFile(article, `${await readFile(article, 'utf8')}\n`);
      expect((await buildProcess(['--films', films, '--out', reference, '--force'])).code).toBe(0);
      const expected = await readFile(path.join(reference, MANIFEST_FILE), 'utf8');
      const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'filmkg.js'), 'build', '--films', films, '--out', out], { stdio: 'ignore' });
      // Listened for from the start: a build may now finish before the kill, and its 'close' must not be missed.
      const closed = new Promise((resolve) => child.on('close', resolve));
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      child.kill('SIGKILL');
      await closed;
      const r = await buildProcess(['--films', films, '--out', out]);
      expect(r.code).toBe(0);
      if (/^up to date: /m.test(r.out)) {
        // The killed build got as far as its switch: what is in place is the whole build of these inputs.
        expect(await readFile(path.join(out, MANIFEST_FILE), 'utf8')).toBe(expected);
      } else {
        expect(r.out).toMatch(new RegExp(`^rebuilt: changed since the last build: films/${SLUG}/article\\.txt$`, 'm'));
      }
      expect(await readFile(path.join(out, 'graph.nt'), 'utf8')).toBe(await readFile(path.join(reference, 'graph.nt'), 'utf8'));
    }
  }, 240_000);
});

describe('filmkg build: the hash cache of the up-to-date check (FileHasher)', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const cacheOf = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as { files: Record<string, string> };

  test('a file whose status is as recorded is not read again; any other file is', async () => {
    const folder = await mkdtemp(path.join(dir, 'hasher-'));
    const cache = path.join(folder, '.out-hashes.json');
    const a = path.join(folder, 'a.txt');
    await writeFile(a, 'alpha');
    // A whole second, so that utimes can put it back to the nanosecond (it takes seconds as a double).
    const second = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await utimes(a, second, second);
    // Recorded only once its change time is older than the hasher's stamp: wait past the clock's tick.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const first = new FileHasher(cache);
    expect(first.hashFiles([a, path.join(folder, 'missing')])).toEqual([sha('alpha'), 'absent']);
    first.save();
    // The cache is what answers for an unchanged status: a hash planted in it is given back without reading the file.
    const planted = await cacheOf(cache);
    const entry = planted.files[a] as string;
    planted.files[a] = `${entry.slice(0, entry.indexOf(' '))} ${'0'.repeat(64)}`;
    await writeFile(cache, JSON.stringify({ version: 1, ...planted }));
    expect(new FileHasher(cache).hashFiles([a])).toEqual(['0'.repeat(64)]);
    // Same size, mtime put back with utimes: the change time moved (no program can set it), so the file is read again.
    const before = await stat(a, { bigint: true });
    await writeFile(a, 'alphA');
    await utimes(a, second, second);
    expect(await stat(a, { bigint: true })).toMatchObject({ size: before.size, mtimeNs: before.mtimeNs, ino: before.ino });
    expect(new FileHasher(cache).hashFiles([a])).toEqual([sha('alphA')]);
    // A foreign or broken cache is an empty one.
    await writeFile(cache, '{"version": 1, "files": ');
    expect(new FileHasher(cache).hashFiles([a])).toEqual([sha('alphA')]);
  });

  test('a file changed after the stamp, in the same tick of the clock or not, is never recorded (git\'s racy case)', async () => {
    const folder = await mkdtemp(path.join(dir, 'hasher-racy-'));
    const cache = path.join(folder, '.out-hashes.json');
    const old = path.join(folder, 'old.txt');
    const fresh = path.join(folder, 'fresh.txt');
    await writeFile(old, 'old');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const hasher = new FileHasher(cache);
    hasher.hashFiles([old]); // stamps the cache before reading: T0
    await writeFile(fresh, 'fresh'); // changed at T0 or after
    expect(hasher.hashFiles([fresh])).toEqual([sha('fresh')]);
    hasher.save();
    const { files } = await cacheOf(cache);
    expect(Object.keys(files)).toEqual([old]);
  });

  test('an article changed in the tick of the manifest, or changed with its size and mtime kept, leads to a rebuild', async () => {
    const films = await filmsCopy('films-status');
    const out = path.join(dir, 'status');
    expect((await build(['--films', films, '--out', 'status'])).code).toBe(0);
    const article = path.join(films, SLUG, 'article.txt');
    const text = await readFile(article, 'utf8');
    const swapCase = (s: string) => s.replace('Leaving Las Vegas', 'LEAVING LAS VEGAS');
    expect(Buffer.byteLength(swapCase(text))).toBe(Buffer.byteLength(text));

    // Right after the build, the article's mtime set to the manifest's own (the same second, the same tick).
    const manifestTime = (await stat(path.join(out, MANIFEST_FILE))).mtime;
    await writeFile(article, swapCase(text));
    await utimes(article, manifestTime, manifestTime);
    const sameTick = await build(['--films', films, '--out', 'status']);
    expect(sameTick.code).toBe(0);
    expect(sameTick.out).toMatch(new RegExp(`^rebuilt: changed since the last build: films/${SLUG}/article\\.txt$`, 'm'));

    // Up to date twice (the first check hashes what the build just wrote, the second finds every status recorded);
    // then the article changed back, same size, its mtime restored (a whole second, which utimes sets exactly): not
    // up to date.
    const second = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
    await utimes(article, second, second);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await build(['--films', films, '--out', 'status'])).out).toMatch(/^up to date: /m);
    expect((await build(['--films', films, '--out', 'status'])).out).toMatch(/^up to date: /m);
    const before = await stat(article, { bigint: true });
    await writeFile(article, text);
    await utimes(article, second, second);
    expect(await stat(article, { bigint: true })).toMatchObject({ size: before.size, mtimeNs: before.mtimeNs, ino: before.ino });
    const hasher = new FileHasher(hashCacheFile(out));
    const freshness = await checkFreshness(out, await hashInputs({ filmsDir: films, base: DEFAULT_BASE }, hasher));
    expect(freshness).toMatchObject({ upToDate: false, changed: [`films/${SLUG}/article.txt`] });
  }, 120_000);
});
