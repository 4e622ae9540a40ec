// How bin/filmkg.js starts the CLI (src/cli/launch.ts): from the bundle dist/cli.cjs with V8's code cache, which must
// change nothing but the time: same output with a cache, without one, and with a damaged one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { codeCacheDir, codeCacheFile, nodeModulesOf } from '../src/cli/launch.js';
import { run } from '../src/cli/main.js';
import { PROJECT_ROOT } from '../src/paths.js';

const BIN = path.join(PROJECT_ROOT, 'bin', 'filmkg.js');
const DIST = path.join(PROJECT_ROOT, 'dist');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'filmkg-launch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const info = JSON.parse(readFileSync(path.join(DIST, 'cli.json'), 'utf8')) as { file: string; sha256: string; bytes: number };

function filmkg(args: string[], cache: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, FILMKG_CODE_CACHE: cache } });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

async function inProcess(args: string[]) {
  const io = captureIo(process.cwd());
  const status = await run(args, io);
  return { status, out: io.out, err: io.err };
}

describe('the bundled CLI and its code cache', () => {
  it('dist/cli.json names the bundle by its real content hash (the key of every cache)', () => {
    const bundle = readFileSync(path.join(DIST, info.file));
    expect(info.bytes).toBe(bundle.length);
    expect(info.sha256).toBe(createHash('sha256').update(bundle).digest('hex'));
  });

  it('writes one cache per command on the first run and reuses it, with the same output as the modules give in process', async () => {
    const dir = path.join(tmp, 'first');
    const expected = await inProcess(['extract']);
    const first = filmkg(['extract'], dir);
    expect(first).toEqual({ status: 0, out: expected.out, err: expected.err });
    const file = codeCacheFile(dir, info.sha256, 'extract');
    expect(readdirSync(dir)).toEqual([path.basename(file)]);
    const written = statSync(file).mtimeMs;
    const second = filmkg(['extract'], dir);
    expect(second).toEqual(first);
    // A cache V8 accepted is not written again.
    expect(statSync(file).mtimeMs).toBe(written);
  });

  it('runs as well from a damaged cache, which V8 rejects and the run replaces', () => {
    const dir = path.join(tmp, 'damaged');
    const clean = filmkg(['extract'], dir);
    const file = codeCacheFile(dir, info.sha256, 'extract');
    const garbage = Buffer.alloc(statSync(file).size, 7);
    writeFileSync(file, garbage);
    const again = filmkg(['extract'], dir);
    expect(again).toEqual(clean);
    expect(readFileSync(file).equals(garbage)).toBe(false);
  });

  it('keeps no cache for a usage error, none when turned off, and removes the caches of other bundles', () => {
    const dir = path.join(tmp, 'prune');
    const usage = filmkg(['bogus'], dir);
    expect(usage.status).toBe(2);
    expect(() => readdirSync(dir)).toThrow();
    const off = filmkg(['--version'], '0');
    expect(off.status).toBe(0);
    expect(codeCacheDir({ FILMKG_CODE_CACHE: '0' })).toBeUndefined();
    expect(codeCacheDir({ FILMKG_CODE_CACHE: 'off' })).toBeUndefined();
    expect(codeCacheDir({})).toBe(path.join(PROJECT_ROOT, 'node_modules', '.cache', 'filmkg'));
    // Installed: the application's node_modules, not the installed package's folder.
    expect(nodeModulesOf(path.join('/app', 'node_modules', 'filmkg'))).toBe(path.join('/app', 'node_modules'));
    expect(nodeModulesOf(path.join('/app', 'node_modules', '@scope', 'filmkg'))).toBe(path.join('/app', 'node_modules'));
    expect(nodeModulesOf(path.join('/src', 'filmkg'))).toBe(path.join('/src', 'filmkg', 'node_modules'));
    filmkg(['--version'], dir);
    const stale = path.join(dir, `cli-0000000000000000-${process.version}-${process.arch}-extract.v8`);
    writeFileSync(stale, 'an earlier bundle');
    filmkg(['extract'], dir);
    expect(readdirSync(dir).sort()).toEqual([path.basename(codeCacheFile(dir, info.sha256, 'extract')), path.basename(codeCacheFile(dir, info.sha256, '--version'))].sort());
  });

  it('gives each bundled module its own import.meta.url: the project files and the worker files are found from the bundle', () => {
    const dir = path.join(tmp, 'paths');
    const out = path.join(tmp, 'out');
    const build = filmkg(['build', '--force', '--out', out], dir);
    expect(build.status, build.err).toBe(0);
    expect(readFileSync(path.join(out, 'shapes.ttl'), 'utf8')).toBe(readFileSync(path.join(PROJECT_ROOT, 'ontology', 'shapes.ttl'), 'utf8'));
    // The streamed path runs its films on worker threads started from dist/bulk/worker.js.
    const bulk = filmkg(['build', '--bulk', '--no-pages', '--out', path.join(tmp, 'bulk')], dir);
    expect(bulk.status, bulk.err).toBe(0);
    expect(JSON.parse(readFileSync(path.join(tmp, 'bulk', 'bulk', 'manifest.json'), 'utf8')).films).toBeGreaterThan(0);
    const bundle = readFileSync(path.join(DIST, info.file), 'utf8');
    expect(bundle).not.toMatch(/\bimport\.meta\.url\b/);
    expect(bundle).toContain('__filmkgModuleUrl("paths.js")');
  });

  it('answers an up-to-date build before loading the bundle, and leaves every other build to it', async () => {
    const out = path.join(tmp, 'fresh-out');
    const built = filmkg(['build', '--out', out], path.join(tmp, 'fresh-first'));
    expect(built.status, built.err).toBe(0);
    const dir = path.join(tmp, 'fresh');
    const again = filmkg(['build', '--out', out], dir);
    expect(again.status).toBe(0);
    expect(again.out).toMatch(/^up to date: .* nothing to do \(--force rebuilds\)\ntime: \d+ ms\n$/);
    expect(again.err).toBe('');
    // The bundle never ran: it would have left its code cache.
    expect(() => readdirSync(dir)).toThrow();
    // A usage error is the bundle's to report, with the same words as in process.
    const usage = filmkg(['build', '--bogus', '--out', out], dir);
    const expected = await inProcess(['build', '--bogus', '--out', out]);
    expect(usage).toEqual({ status: 2, out: '', err: expected.err });
  });
});
