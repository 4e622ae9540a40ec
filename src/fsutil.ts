// File writing that never leaves a half-written result, and file-system failures as FilmkgError IO naming the path.
//
// One file (writeFileAtomic): written to a temporary sibling, flushed, then renamed over the target.
// A whole output folder (writeFilesAtomic, what `filmkg build` uses): every file is written into a new staging folder
// beside the output folder; then the output path, a symbolic link `out -> .out.build-<pid>-<random>`, is switched to
// the new folder by renaming a new link over it. rename(2) replaces a link in one step, so a reader opening
// `out/graph.nt` opens the old set or the new set, never a mix; the old folder is removed afterwards. See
// writeFilesAtomic for the exact guarantee and its limits.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { FilmkgError } from './errors.js';

/** What an errno code means, in words, and what the user should see instead. */
const IO_REASONS: Readonly<Record<string, { reason: string; expected: string }>> = {
  ENOSPC: { reason: 'no space left on the device', expected: 'free space on the device' },
  EDQUOT: { reason: 'disk quota exceeded', expected: 'room within the disk quota' },
  EACCES: { reason: 'permission denied', expected: 'a folder you may write to' },
  EPERM: { reason: 'operation not permitted', expected: 'a folder you may write to' },
  EROFS: { reason: 'the file system is read-only', expected: 'a writable file system' },
  ENOTDIR: { reason: 'a part of the path is a file, not a folder', expected: 'a path of folders' },
  EEXIST: { reason: 'it already exists', expected: 'a path that is free' },
  EISDIR: { reason: 'it is a folder', expected: 'a file' },
  ENOTEMPTY: { reason: 'the folder is not empty', expected: 'an empty folder' },
  ENOENT: { reason: 'no such file or folder', expected: 'an existing path' },
  EMFILE: { reason: 'too many open files', expected: 'fewer open files' },
  ENFILE: { reason: 'too many open files in the system', expected: 'fewer open files' },
  ENAMETOOLONG: { reason: 'the name is too long', expected: 'a shorter path' },
  ELOOP: { reason: 'too many symbolic links', expected: 'a path without a link loop' },
  EIO: { reason: 'input/output error of the device', expected: 'a working device' },
  EBUSY: { reason: 'the file or folder is busy', expected: 'a path no other program holds' },
  EXDEV: { reason: 'the paths are on different file systems', expected: 'one file system' },
};

/** The errno code of a Node file-system error, if it is one. */
export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * A file-system failure as FilmkgError IO: `<file>: cannot <action>: <reason> (<CODE>)`. Anything that is not a
 * file-system error (or already a FilmkgError) is returned unchanged. `shown` is the path as the user should read it.
 */
export function ioError(error: unknown, action: string, shown: string): unknown {
  if (error instanceof FilmkgError) return error;
  const code = errnoCode(error);
  if (code === undefined) return error;
  const known = IO_REASONS[code];
  return new FilmkgError('IO', `cannot ${action}: ${known?.reason ?? (error as Error).message} (${code})`, {
    place: { file: shown },
    ...(known ? { expected: known.expected } : {}),
    cause: error,
  });
}

/**
 * The primitive operations used to write output, replaceable so that tests can inject a failing writer (a full disk
 * cannot be made on demand). Production code never changes it.
 */
export const fsOps = {
  /**
   * Writes a new file (it must not exist) and flushes it to the device. Through file descriptors and callbacks rather
   * than a FileHandle: for the some 330 small files of a build, a FileHandle's own cost (an object per file, closed
   * through the garbage collector's bookkeeping) was a good part of the time (bench/write-files.js).
   */
  writeNewFile(file: string, data: string | Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      fs.open(file, 'wx', (openError, fd) => {
        if (openError) return reject(openError);
        const close = (first: Error | null): void =>
          fs.close(fd, (closeError) => {
            const error = first ?? closeError;
            if (error) reject(error);
            else resolve();
          });
        fs.writeFile(fd, data, (writeError) => (writeError ? close(writeError) : fs.fsync(fd, close)));
      });
    });
  },
  /** Flushes a folder's entries to the device (see syncDir). */
  syncFolder(dir: string): Promise<void> {
    return syncDir(dir);
  },
  /** Makes a symbolic link (fails with EPERM where links cannot be made, e.g. Windows without the privilege). */
  symlink(target: string, file: string): Promise<void> {
    return fsp.symlink(target, file, 'dir');
  },
};

/** Flushes a folder's entries (new names, renames) to the device; a no-op where folders cannot be opened or flushed. */
async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot open folders; some file systems refuse fsync on them. Durability is then the system's.
    if (!['EISDIR', 'EINVAL', 'EPERM', 'EBADF', 'ENOTSUP', 'EACCES'].includes(errnoCode(error) ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

function randomTag(): string {
  return randomBytes(4).toString('hex');
}

/** Options of the atomic writers. */
export interface WriteOptions {
  /** The path as messages should show it (default: as given). */
  readonly show?: (file: string) => string;
  /**
   * writeFilesAtomic only: writes more files into the staging folder (given as its path) after `files` and before the
   * switch, for output too large to hold in memory (src/bulk/); returns their names relative to it. Every file it writes
   * must be flushed to the device before it returns; a throw discards the staging folder and leaves the output as it was.
   */
  readonly fill?: (staging: string) => Promise<readonly string[]>;
  /**
   * writeFilesAtomic only: how many files are written (and flushed) at once; default WRITE_CONCURRENCY, 1 writes them
   * one after the other.
   */
  readonly concurrency?: number;
}

/**
 * Files a build writes at once. Node runs file-system calls on libuv's pool of 4 threads: with twice as many under way
 * the pool never waits for this thread to hand it the next file, and the device flushes (fsync) overlap instead of
 * queueing one behind the other.
 */
export const WRITE_CONCURRENCY = 8;

/**
 * Runs `task` on every item, at most `limit` at once, in order of the items. On a failure no further task starts; once
 * those under way have ended, the error of the earliest failed item is thrown (so nothing is still writing when the
 * caller cleans up, and which error is shown does not depend on timing more than it must).
 */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const failures: Array<{ index: number; error: unknown }> = [];
  const lane = async (): Promise<void> => {
    while (failures.length === 0 && next < items.length) {
      const index = next++;
      try {
        await task(items[index] as T);
      } catch (error) {
        failures.push({ index, error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  const first = failures.sort((a, b) => a.index - b.index)[0];
  if (first !== undefined) throw first.error;
}

/** Writes `data` to `file` atomically (temporary file in the same folder, flushed, then renamed over `file`). */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const show = options.show ?? ((p: string) => p);
  const dir = path.dirname(file);
  try {
    await fsp.mkdir(dir, { recursive: true });
  } catch (error) {
    throw ioError(error, 'create the folder', show(dir));
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}-${randomTag()}.tmp`);
  try {
    await fsOps.writeNewFile(tmp, data);
  } catch (error) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw ioError(error, 'write', show(file));
  }
  try {
    await fsp.rename(tmp, file);
  } catch (error) {
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    throw ioError(error, `replace it with the new file`, show(file));
  }
  await syncDir(dir).catch(() => undefined);
}

/** What writeFilesAtomic did. */
export interface OutputReport {
  /** The files written, under the output path as the user named it (`out/graph.nt`), sorted. */
  readonly written: string[];
  /** Folders left by earlier builds that were killed or failed, removed before writing. */
  readonly removedStale: string[];
  /** Problems after the new output was in place (e.g. the old folder could not be removed); the build still succeeded. */
  readonly warnings: string[];
  /** How the output was switched: `link` (one rename of a symbolic link) or `folder` (two renames; see writeFilesAtomic). */
  readonly swap: 'link' | 'folder';
}

/** Names of the folders and links a build puts beside the output folder `name`. */
function siblingPattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // build-: a staging folder, later the output's target; link-/old-: the new link and the old folder during a swap;
  // <pid>.staging: the staging folders of earlier filmkg versions.
  return new RegExp(`^\\.${escaped}\\.(?:(?:build|link|old)-(\\d+)-[0-9a-f]{8}|(\\d+)\\.staging)$`);
}

/** True when a process with this id is running (so its staging folder may be in use). */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM'; // it exists, but belongs to someone else
  }
}

/** Staging folders of builds running in this process (never removed as stale). */
const activeStaging = new Set<string>();

/** The names a build output folder may hold, for deciding whether an existing real folder may be replaced. */
const KNOWN_OUTPUT_NAMES = new Set(['graph.ttl', 'graph.nt', 'graph.jsonld', 'filmkg.ttl', 'shapes.ttl', 'void.ttl', 'films', 'bulk']);

/**
 * Writes a set of files (relative name → contents) as the whole content of the folder `dir`, so that a reader sees the
 * whole old set or the whole new set, never a mix, and nothing of the old set stays (pages of films removed since the
 * last build disappear).
 *
 * How: every file is written and flushed into a new staging folder beside `dir` (`.<name>.build-<pid>-<random>`).
 * Then `dir` is switched to it:
 * - `dir` is a symbolic link to that folder (relative, so the parent folder can be moved). A new link is made and
 *   renamed over `dir`: POSIX rename(2) replaces the link in one step, so every lookup of `dir/…` resolves to the old
 *   folder or the new one. The old folder is then removed.
 * - The first time (when `dir` is a real folder written by an earlier filmkg, or where the file system has no symbolic
 *   links), the real folder is renamed aside and the new one renamed in: two renames, between which `dir` is briefly
 *   missing (a reader gets "no such file", never a mix). Without symbolic links every build swaps this way.
 *
 * The limits, honestly: a reader that opens several files one after the other can straddle a switch (the first from
 * the old set, the next from the new one); to read a consistent set, resolve `dir` once (realpath) and read from there
 * (a file may then vanish when the next build removes that folder: read again). A real folder at `dir` is replaced only
 * if it holds nothing but build output, so `--out .` never wipes a folder of other files.
 *
 * Folders left by killed builds (staging, links and old folders of processes that no longer run) are removed first.
 * Any file-system failure is a FilmkgError IO naming the path; before the switch it leaves `dir` as it was.
 */
export async function writeFilesAtomic(dir: string, files: ReadonlyMap<string, string | Uint8Array>, options: WriteOptions = {}): Promise<OutputReport> {
  const show = options.show ?? ((p: string) => p);
  let target = path.resolve(dir);
  const shownDir = show(target);
  if (path.dirname(target) === target) throw new FilmkgError('IO', 'cannot use the root folder as the output folder', { place: { file: shownDir }, expected: 'a folder of its own' });

  // What is at the output path now.
  let current = await inspectOutput(target, shownDir, files);
  if (current.kind === 'foreign-link') {
    // A link the user made (e.g. out -> /srv/www/kg): the build replaces the folder it points to.
    target = current.resolved;
    current = await inspectOutput(target, show(target), files);
    if (current.kind === 'foreign-link') throw new FilmkgError('IO', 'the output path is a link to a link', { place: { file: shownDir }, expected: 'a folder, or a link to one' });
  }
  const parent = path.dirname(target);
  const name = path.basename(target);
  try {
    await fsp.mkdir(parent, { recursive: true });
  } catch (error) {
    throw ioError(error, 'create the folder', show(parent));
  }

  const removedStale = await removeStale(parent, name, current.kind === 'link' ? current.linkTarget : undefined);

  const tag = `${process.pid}-${randomTag()}`;
  const stagingName = `.${name}.build-${tag}`;
  const staging = path.join(parent, stagingName);
  activeStaging.add(staging);
  let swapped = false;
  try {
    try {
      await fsp.mkdir(staging);
    } catch (error) {
      throw ioError(error, 'create the staging folder', show(staging));
    }
    await writeTree(staging, files, target, show, options.concurrency ?? WRITE_CONCURRENCY);
    const filled = options.fill ? await options.fill(staging) : [];

    // The switch.
    const swap = await switchTo(target, parent, name, stagingName, tag, current, show);
    swapped = true;
    const warnings: string[] = [];
    await syncDir(parent).catch(() => undefined);
    // The old set: its folder is no longer reachable through `dir`.
    const old = swap.oldFolder;
    if (old !== undefined) {
      await fsp.rm(old, { recursive: true, force: true }).catch((error: unknown) => {
        warnings.push(`could not remove the previous output ${show(old)} (${errnoCode(error) ?? String(error)}); the next build removes it`);
      });
    }
    const written = [...files.keys(), ...filled].sort().map((file) => path.join(dir, file));
    return { written, removedStale, warnings, swap: swap.kind };
  } finally {
    activeStaging.delete(staging);
    if (!swapped) await fsp.rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

type OutputState =
  | { kind: 'none' }
  | { kind: 'link'; linkTarget: string } // our link: out -> .out.build-…
  | { kind: 'folder' } // a real folder holding only build output
  | { kind: 'foreign-link'; resolved: string };

/** What the output path holds now; refuses a file, and a real folder holding anything but build output. */
async function inspectOutput(target: string, shown: string, files: ReadonlyMap<string, unknown>): Promise<OutputState> {
  let stat;
  try {
    stat = await fsp.lstat(target);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { kind: 'none' };
    throw ioError(error, 'read the output folder', shown);
  }
  if (stat.isSymbolicLink()) {
    let link: string;
    try {
      link = await fsp.readlink(target);
    } catch (error) {
      throw ioError(error, 'read the output link', shown);
    }
    if (!link.includes('/') && !link.includes('\\') && siblingPattern(path.basename(target)).test(link)) return { kind: 'link', linkTarget: link };
    try {
      return { kind: 'foreign-link', resolved: await fsp.realpath(target) };
    } catch (error) {
      throw ioError(error, 'follow the output link', shown);
    }
  }
  if (!stat.isDirectory()) {
    throw new FilmkgError('IO', 'cannot write the output folder: it is a file, not a folder (ENOTDIR)', { place: { file: shown }, expected: 'a folder, or a path that does not exist yet' });
  }
  let entries: string[];
  try {
    entries = await fsp.readdir(target);
  } catch (error) {
    throw ioError(error, 'read the output folder', shown);
  }
  const topNames = new Set([...files.keys()].map((file) => file.split('/')[0]));
  const others = entries.filter((entry) => !KNOWN_OUTPUT_NAMES.has(entry) && !topNames.has(entry));
  if (others.length > 0) {
    throw new FilmkgError('IO', `cannot replace the output folder: it holds ${others.length === 1 ? 'a file' : 'files'} a build does not write (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''})`, {
      place: { file: shown },
      expected: 'an output folder holding only what filmkg build writes (every build replaces it whole): move those files, or give another --out',
    });
  }
  return { kind: 'folder' };
}

/** Removes what killed or failed builds left beside the output folder (not the folder the output points to, not a running build's). */
async function removeStale(parent: string, name: string, keep: string | undefined): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fsp.readdir(parent);
  } catch {
    return [];
  }
  const pattern = siblingPattern(name);
  const removed: string[] = [];
  for (const entry of entries) {
    const match = pattern.exec(entry);
    if (!match || entry === keep) continue;
    const full = path.join(parent, entry);
    const pid = Number(match[1] ?? match[2]);
    if (activeStaging.has(full) || (pid !== process.pid && processAlive(pid))) continue;
    try {
      await fsp.rm(full, { recursive: true, force: true });
      removed.push(entry);
    } catch {
      // Not ours to insist on: the next build tries again.
    }
  }
  return removed;
}

/**
 * Writes every file under `root`, `concurrency` at a time, each flushed to the device; then flushes each folder once
 * (its new entries). Failures name the file under the output path.
 */
async function writeTree(root: string, files: ReadonlyMap<string, string | Uint8Array>, target: string, show: (p: string) => string, concurrency: number): Promise<void> {
  const folders = new Set<string>([root]);
  for (const name of files.keys()) folders.add(path.dirname(path.join(root, name)));
  // Parents before their children (a sorted list puts a folder before the folders inside it).
  const sorted = [...folders].sort();
  for (const folder of sorted) {
    if (folder === root) continue;
    try {
      await fsp.mkdir(folder, { recursive: true });
    } catch (error) {
      throw ioError(error, 'create the folder', show(path.join(target, path.relative(root, folder))));
    }
  }
  await eachLimited([...files], concurrency, async ([name, data]) => {
    const file = path.join(root, name);
    try {
      await fsOps.writeNewFile(file, data);
    } catch (error) {
      throw ioError(error, 'write', `${show(file)} (the new ${show(path.join(target, name))})`);
    }
  });
  await eachLimited(sorted.reverse(), concurrency, async (folder) => {
    try {
      await fsOps.syncFolder(folder);
    } catch (error) {
      throw ioError(error, 'flush the folder', show(folder));
    }
  });
}

/** Points `target` at the staging folder; returns the old folder to remove. */
async function switchTo(
  target: string,
  parent: string,
  name: string,
  stagingName: string,
  tag: string,
  current: OutputState,
  show: (p: string) => string,
): Promise<{ kind: 'link' | 'folder'; oldFolder?: string }> {
  const staging = path.join(parent, stagingName);
  const link = path.join(parent, `.${name}.link-${tag}`);
  let haveLink = true;
  try {
    await fsOps.symlink(stagingName, link);
  } catch (error) {
    // No symbolic links here (Windows without the privilege, some network and FAT file systems): swap folders.
    if (!['EPERM', 'ENOSYS', 'ENOTSUP', 'EOPNOTSUPP', 'EINVAL'].includes(errnoCode(error) ?? '')) throw ioError(error, 'create the output link', show(link));
    haveLink = false;
  }
  const incoming = haveLink ? link : staging;
  try {
    if (current.kind === 'link' || current.kind === 'none') {
      if (!haveLink && current.kind === 'link') await fsp.unlink(target); // a folder cannot be renamed over a link
      await fsp.rename(incoming, target);
      return { kind: haveLink ? 'link' : 'folder', ...(current.kind === 'link' ? { oldFolder: path.join(parent, current.linkTarget) } : {}) };
    }
    // A real folder: rename it aside, then the new one in (a folder cannot be replaced by one rename unless empty).
    const aside = path.join(parent, `.${name}.old-${tag}`);
    try {
      await fsp.rename(target, aside);
    } catch (error) {
      throw ioError(error, 'move the previous output aside', show(target));
    }
    try {
      await fsp.rename(incoming, target);
    } catch (error) {
      await fsp.rename(aside, target).catch(() => undefined);
      throw ioError(error, 'move the new output in', show(target));
    }
    return { kind: haveLink ? 'link' : 'folder', oldFolder: aside };
  } catch (error) {
    if (haveLink) await fsp.unlink(link).catch(() => undefined);
    throw ioError(error, 'switch the output to the new build', show(target));
  }
}
