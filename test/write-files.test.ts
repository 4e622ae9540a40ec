// writeFilesAtomic writes its files several at once (src/fsutil.ts, WRITE_CONCURRENCY) and keeps its guarantees: every
// file written and flushed, and every folder flushed once after its files, before the switch; at most the given number
// of files under way; on a failure nothing new starts, nothing is still writing when it fails, the earliest failed file
// (in the order given) is the one named, and the output is left as it was.
import { lstat, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { fsOps, WRITE_CONCURRENCY, writeFilesAtomic } from '../src/fsutil.js';

const real = { ...fsOps };
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'filmkg-write-files-'));
});
afterEach(() => {
  Object.assign(fsOps, real);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** 40 files in the top folder and two folders, one of them nested. */
function someFiles(tag: string): Map<string, string> {
  return new Map(Array.from({ length: 40 }, (_, i) => [i % 3 === 0 ? `f${i}.txt` : i % 3 === 1 ? `films/p${i}.html` : `films/person/e${i}.html`, `${tag} ${i}\n`]));
}

/** Lets the event loop and libuv's threads run a little. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('writeFilesAtomic, several files at once', () => {
  test('writes every file, at most WRITE_CONCURRENCY at once (more than one), and flushes every folder once, all before the switch', async () => {
    const events: string[] = [];
    let underWay = 0;
    let most = 0;
    fsOps.writeNewFile = async (file, data) => {
      underWay++;
      most = Math.max(most, underWay);
      await pause(2);
      try {
        await real.writeNewFile(file, data);
        events.push(`file ${path.basename(file)}`);
      } finally {
        underWay--;
      }
    };
    fsOps.syncFolder = async (folder) => {
      events.push(`folder ${path.basename(folder).startsWith('.out.build-') ? '.' : path.basename(folder)}`);
      await real.syncFolder(folder);
    };
    fsOps.symlink = async (target, link) => {
      events.push('switch');
      await real.symlink(target, link);
    };
    const out = path.join(dir, 'ok', 'out');
    const files = someFiles('one');
    await writeFilesAtomic(out, files);
    expect(WRITE_CONCURRENCY).toBeGreaterThan(1);
    expect(most).toBe(WRITE_CONCURRENCY);
    const switchAt = events.indexOf('switch');
    expect(events.filter((e) => e.startsWith('file '))).toHaveLength(files.size);
    // Files, then the folders (each once, the nested one before its parent), then the switch.
    expect(events.slice(files.size)).toEqual(['folder person', 'folder films', 'folder .', 'switch']);
    expect(switchAt).toBe(files.size + 3);
    for (const [name, data] of files) expect(await readFile(path.join(out, name), 'utf8')).toBe(data);
    expect((await lstat(out)).isSymbolicLink()).toBe(true);
  });

  test('concurrency 1 writes one file after the other, in the order given', async () => {
    const order: string[] = [];
    let underWay = 0;
    let most = 0;
    fsOps.writeNewFile = async (file, data) => {
      underWay++;
      most = Math.max(most, underWay);
      await pause(1);
      await real.writeNewFile(file, data);
      order.push(path.basename(file));
      underWay--;
    };
    const files = someFiles('two');
    await writeFilesAtomic(path.join(dir, 'serial', 'out'), files, { concurrency: 1 });
    expect(most).toBe(1);
    expect(order).toEqual([...files.keys()].map((f) => path.basename(f)));
  });

  test('a failed write: nothing new starts, nothing still writes when it fails, the earliest failed file is named, the output stays', async () => {
    const out = path.join(dir, 'fail', 'out');
    await writeFilesAtomic(out, someFiles('before'));
    const files = someFiles('after');
    const names = [...files.keys()];
    // The 3rd file fails late, the 5th at once: the 3rd is the one named, though the 5th failed first.
    const late = names[2] as string;
    const early = names[4] as string;
    const started: string[] = [];
    let underWay = 0;
    let rejected = false;
    let wroteAfterRejection = false;
    fsOps.writeNewFile = async (file, data) => {
      started.push(file);
      underWay++;
      try {
        if (file.endsWith(early)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        await pause(file.endsWith(late) ? 40 : 5);
        if (file.endsWith(late)) throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
        await real.writeNewFile(file, data);
        if (rejected) wroteAfterRejection = true;
      } finally {
        underWay--;
      }
    };
    const error = await writeFilesAtomic(out, files).catch((e: unknown) => e);
    rejected = true;
    expect(underWay).toBe(0);
    expect(wroteAfterRejection).toBe(false);
    expect(error).toMatchObject({ code: 'IO' });
    expect(String((error as Error).message)).toMatch(/input\/output error/);
    expect(String((error as Error).message)).toContain(`(the new ${path.join(out, late)})`);
    // Started: the first lanes' files and those begun before the failure, never the whole list.
    expect(started.length).toBeLessThan(files.size);
    // The output is the earlier set, whole; no staging folder is left.
    expect(await readFile(path.join(out, names[0] as string), 'utf8')).toBe('before 0\n');
    expect((await readdir(path.join(dir, 'fail'))).filter((e) => e.startsWith('.out.build-'))).toHaveLength(1);
  });

  test('a folder that cannot be flushed stops the build before the switch', async () => {
    const out = path.join(dir, 'nosync', 'out');
    await writeFilesAtomic(out, someFiles('before'));
    let switched = false;
    fsOps.syncFolder = async (folder) => {
      if (path.basename(folder) === 'films') throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
      await real.syncFolder(folder);
    };
    fsOps.symlink = async (target, link) => {
      switched = true;
      await real.symlink(target, link);
    };
    await expect(writeFilesAtomic(out, someFiles('after'))).rejects.toMatchObject({ code: 'IO', message: expect.stringMatching(/cannot flush the folder/) });
    expect(switched).toBe(false);
    expect(await readFile(path.join(out, 'f0.txt'), 'utf8')).toBe('before 0\n');
  });
});
