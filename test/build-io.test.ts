// `filmkg build` file-system failures (issue 12, family 7): a full disk, a folder it may not write, a file where the
// output folder should be, a file in the middle of the output path: each is a one-line IO error naming the path, exit 1,
// no stack trace, and the previous output is left as it was with nothing left beside it.
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { fsOps, writeFileAtomic } from '../src/fsutil.js';
import { richFacts } from './helpers/rich.js';

const ROOT = path.join(import.meta.dirname, '..');
let dir: string;
const realWrite = fsOps.writeNewFile;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'filmkg-build-io-'));
  await chmod(dir, 0o755); // readable by the unprivileged user of the permission test
  await writeFile(path.join(dir, 'lev.json'), JSON.stringify(richFacts()));
});
afterEach(() => {
  fsOps.writeNewFile = realWrite;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function build(args: string[]) {
  const io = captureIo(dir);
  const code = await run(['build', '--facts', 'lev.json', ...args], io);
  return { code, out: io.out, err: io.err };
}

/** A clean user error: one line, the IO code, no stack trace, no "internal error". */
function expectCleanIo(err: string) {
  expect(err).toMatch(/^filmkg build: error \[IO\]: /);
  expect(err.trimEnd().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at |internal error/);
}

describe('filmkg build: file-system failures are IO errors naming the path', () => {
  test('a full disk (ENOSPC, from an injected writer) stops the build; the previous output stays whole', async () => {
    expect((await build(['--out', 'full/out'])).code).toBe(0);
    const before = await readFile(path.join(dir, 'full', 'out', 'graph.nt'), 'utf8');
    fsOps.writeNewFile = async (file, data) => {
      if (path.basename(file) === 'graph.nt') throw Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC', syscall: 'write' });
      return realWrite(file, data);
    };
    const r = await build(['--out', 'full/out', '--base', 'http://other.example/kg/']);
    expect(r.code).toBe(1);
    expectCleanIo(r.err);
    expect(r.err).toMatch(/full\/\.out\.build-\d+-[0-9a-f]{8}\/graph\.nt \(the new full\/out\/graph\.nt\): cannot write: no space left on the device \(ENOSPC\); expected free space on the device/);
    expect(await readFile(path.join(dir, 'full', 'out', 'graph.nt'), 'utf8')).toBe(before);
    expect((await readdir(path.join(dir, 'full'))).filter((e) => e.startsWith('.out.build-'))).toHaveLength(1); // the current one only
  });

  test('the output folder is a file ("out is a file")', async () => {
    await writeFile(path.join(dir, 'a-file'), 'mine\n');
    const r = await build(['--out', 'a-file']);
    expect(r.code).toBe(1);
    expectCleanIo(r.err);
    expect(r.err).toContain('error [IO]: a-file: cannot write the output folder: it is a file, not a folder (ENOTDIR)');
    expect(await readFile(path.join(dir, 'a-file'), 'utf8')).toBe('mine\n');
  });

  test('a file in the middle of the output path (ENOTDIR)', async () => {
    await writeFile(path.join(dir, 'blocker'), 'mine\n');
    const r = await build(['--out', 'blocker/sub/out']);
    expect(r.code).toBe(1);
    expectCleanIo(r.err);
    expect(r.err).toMatch(/error \[IO\]: blocker\/sub(?:\/out)?: cannot .*: a part of the path is a file, not a folder \(ENOTDIR\)/);
  });

  test('an output folder holding other files is refused, not replaced', async () => {
    await mkdir(path.join(dir, 'site', '.git'), { recursive: true });
    await writeFile(path.join(dir, 'site', 'graph.ttl'), 'old\n');
    await writeFile(path.join(dir, 'site', 'notes.txt'), 'keep me\n');
    const r = await build(['--out', 'site']);
    expect(r.code).toBe(1);
    expectCleanIo(r.err);
    expect(r.err).toContain("site: cannot replace the output folder: it holds files a build does not write (.git, notes.txt)");
    expect((await readdir(path.join(dir, 'site'))).sort()).toEqual(['.git', 'graph.ttl', 'notes.txt']);
  });

  test('a folder it may not write (EACCES): permission denied, naming the folder', async () => {
    const ro = path.join(dir, 'ro');
    await mkdir(ro);
    await chmod(ro, 0o555);
    if (process.getuid?.() !== 0) {
      const r = await build(['--out', 'ro/out']);
      expect(r.code).toBe(1);
      expectCleanIo(r.err);
      expect(r.err).toMatch(/error \[IO\]: ro\/\.out\.build-\d+-[0-9a-f]{8}: cannot create the staging folder: permission denied \(EACCES\)/);
    } else {
      // root may write anywhere: run the compiled CLI as the unprivileged user "nobody" (`npm test` compiles it first).
      const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'filmkg.js'), 'build', '--facts', 'lev.json', '--out', 'ro/out'], {
        cwd: dir,
        uid: 65534,
        gid: 65534,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const code = await new Promise((resolve) => child.on('close', resolve));
      expect(code).toBe(1);
      expectCleanIo(err);
      expect(err).toMatch(/error \[IO\]: ro\/\.out\.build-\d+-[0-9a-f]{8}: cannot create the staging folder: permission denied \(EACCES\)/);
    }
    expect(await readdir(ro)).toEqual([]);
  }, 30_000);

  test('writeFileAtomic (validate --report, export --out) fails the same way', async () => {
    await writeFile(path.join(dir, 'plain'), 'x');
    const error = await writeFileAtomic(path.join(dir, 'plain', 'report.ttl'), 'x', { show: (p) => path.relative(dir, p) }).catch((e: unknown) => e);
    expect(String(error)).toMatch(/FilmkgError: plain: cannot create the folder: .*\((?:EEXIST|ENOTDIR)\)/);
  });
});
