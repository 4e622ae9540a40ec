// The build manifest: the content hash of every input of a build and of every file it wrote, so that a build whose
// inputs are unchanged does nothing. Imports only Node built-ins: the check runs before the pipeline is loaded.
// The hashes of files whose status has not changed since they were hashed come from a cache beside the output folder
// (FileHasher), so that an up-to-date check reads no file whose status says it is as it was.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fstatSync, futimesSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ONTOLOGY_DIR, PROJECT_ROOT, QUERIES_DIR, VENDOR_DIR } from '../paths.js';

/** The manifest's name in the output folder; written with the other files, in the same atomic switch. */
export const MANIFEST_FILE = 'build-manifest.json';

/** The files of a film folder that `loadFilm` reads (src/pipeline.ts, filmFiles). */
const FILM_FILES = ['article.txt', 'metadata.json', 'curation.json'] as const;

/** The compiled code of filmkg (dist/ when run from the CLI, src/ under the tests): this module's grandparent folder. */
const CODE_DIR = fileURLToPath(new URL('../', import.meta.url));

/** What a build is made from, before anything is read by the pipeline. */
export interface BuildSpec {
  /** The films folder (one sub-folder per film), unless `factsFiles` is given. */
  readonly filmsDir?: string;
  /** Facts files (`build --facts`), in the order given. */
  readonly factsFiles?: readonly string[];
  readonly base: string;
}

/** Input name (`films/<slug>/article.txt`, `code/cli/build.js`, `ontology/shapes.ttl`, `option/base` …) → sha256 (or `absent`). */
export type InputHashes = Readonly<Record<string, string>>;

/** The manifest as written: inputs and outputs, both sorted by name. */
export interface Manifest {
  readonly inputs: InputHashes;
  readonly outputs: Readonly<Record<string, string>>;
}

/** Whether the build in the output folder is up to date, and if not why. */
export type Freshness =
  | { readonly upToDate: true; readonly files: number }
  /** `first`: there was no earlier build with a manifest to compare with; `changed`: the inputs that differ. */
  | { readonly upToDate: false; readonly first: boolean; readonly reason: string; readonly changed: readonly string[] };

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The status of a file the cache compares: device, inode, size, modification and change times in nanoseconds. */
function statusKey(st: { dev: bigint; ino: bigint; size: bigint; mtimeNs: bigint; ctimeNs: bigint }): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/**
 * The cache file of FileHasher for the output folder `outDir`: beside it, `.<name>-hashes.json` (outside the
 * `.<name>.` names, which belong to the build folders and links; see fsutil.ts).
 */
export function hashCacheFile(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}-hashes.json`);
}

/**
 * Hashes files (SHA-256), reusing the hash of a file whose status (device, inode, size, mtime and ctime, to the
 * nanosecond) is the one recorded when it was hashed. Without a cache file it hashes every file.
 *
 * Never a stale hash: content cannot change without its ctime changing, and no program can set a ctime (utimes
 * restores an mtime, and thereby sets the ctime to now). What is left is a change within the same tick of the file
 * system's clock as the status recorded (git's "racy" case): before reading any file, the hasher stamps its cache file
 * and takes that stamp's ctime as T0, a time of the same clock; a hash is recorded only for a file whose ctime was
 * older than T0, so any later change gives it a ctime of T0 or after, a status other than the one recorded. A file
 * changed just before (the files a build has just written, say) is hashed again next time, then recorded.
 * A missing, unreadable or foreign cache is an empty one; a cache that cannot be written is not written.
 */
export class FileHasher {
  private readonly known = new Map<string, string>();
  private readonly next = new Map<string, string>();
  private t0: bigint | undefined | null;
  private changed = false;

  /** `cacheFile`: where the hashes are kept between runs (hashCacheFile); none: hash every file. */
  constructor(private readonly cacheFile?: string) {
    if (cacheFile === undefined) return;
    try {
      const data = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version?: unknown; files?: unknown };
      if (data.version === 1 && typeof data.files === 'object' && data.files !== null) {
        for (const [file, entry] of Object.entries(data.files as Record<string, unknown>)) if (typeof entry === 'string') this.known.set(file, entry);
      }
    } catch {
      // No cache yet, or not one: every file is hashed.
    }
  }

  /** The SHA-256 of each file (hex), `absent` for a file that does not exist. */
  hashFiles(files: readonly string[]): string[] {
    return files.map((file) => this.hashFile(file));
  }

  private hashFile(file: string): string {
    let key: string;
    let ctime: bigint;
    try {
      const st = statSync(file, { bigint: true });
      key = statusKey(st);
      ctime = st.ctimeNs;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return 'absent';
      throw error;
    }
    const known = this.known.get(file);
    if (known !== undefined && known.startsWith(`${key} `)) {
      this.next.set(file, known);
      return known.slice(key.length + 1);
    }
    const stamp = this.stamp();
    const hash = sha256(readFileSync(file));
    if (stamp !== null && ctime < stamp) {
      this.next.set(file, `${key} ${hash}`);
      this.changed = true;
    }
    return hash;
  }

  /** T0: the ctime of the cache file, stamped now (before the first file is read), or null when there is no cache. */
  private stamp(): bigint | null {
    if (this.t0 !== undefined) return this.t0;
    this.t0 = null;
    if (this.cacheFile === undefined) return null;
    try {
      const fd = openSync(this.cacheFile, 'a');
      try {
        const st = fstatSync(fd);
        futimesSync(fd, st.atime, st.mtime); // sets its ctime to the clock's now
        this.t0 = fstatSync(fd, { bigint: true }).ctimeNs;
      } finally {
        closeSync(fd);
      }
    } catch {
      // Not writable: nothing is recorded.
    }
    return this.t0;
  }

  /** Writes the cache (temporary file, then rename) when a hash was recorded or a file it held was not asked for. */
  save(): void {
    if (this.cacheFile === undefined || (!this.changed && this.next.size === this.known.size)) return;
    const files = Object.fromEntries([...this.next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    // The name of a build's staging folder, which the next build removes if this process dies before the rename.
    const temp = path.join(path.dirname(this.cacheFile), `${path.basename(this.cacheFile).replace(/-hashes\.json$/, '')}.build-${process.pid}-${randomBytes(4).toString('hex')}`);
    try {
      writeFileSync(temp, `${JSON.stringify({ version: 1, files })}\n`);
      renameSync(temp, this.cacheFile);
    } catch {
      rmSync(temp, { force: true });
    }
  }
}

const UNCACHED = new FileHasher();

/** Every file under `dir` (relative paths, `/`-separated, sorted); none when it does not exist. */
function filesUnder(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
  // path.relative once per folder, not per file: it resolves both paths against the working folder each time.
  const folders = new Map<string, string>();
  const relative = (parent: string): string => {
    let prefix = folders.get(parent);
    if (prefix === undefined) {
      const rel = path.relative(dir, parent).split(path.sep).join('/');
      prefix = rel === '' ? '' : `${rel}/`;
      folders.set(parent, prefix);
    }
    return prefix;
  };
  return entries
    .filter((e) => e.isFile())
    .map((e) => `${relative(e.parentPath)}${e.name}`)
    .sort();
}

function hashTree(prefix: string, dir: string, into: Record<string, string>, hasher: FileHasher): void {
  const files = filesUnder(dir);
  const hashes = hasher.hashFiles(files.map((f) => path.join(dir, f)));
  files.forEach((f, i) => (into[`${prefix}/${f}`] = hashes[i] as string));
}

/**
 * Hashes every input of a build: the film folders' article, metadata and curation files (or the facts files), the
 * ontology, shapes and context, the vendored files, the bundled queries, filmkg's own code and its package files
 * (version and pinned dependencies), and the options. Names are relative, so a moved folder is the same build.
 * A films folder that cannot be read hashes to nothing here: the build itself then reports it. `hasher` may reuse the
 * hashes of files unchanged since an earlier run (FileHasher); by default every file is read.
 */
export async function hashInputs(spec: BuildSpec, hasher: FileHasher = UNCACHED): Promise<InputHashes> {
  const inputs: Record<string, string> = {};
  if (spec.factsFiles !== undefined) {
    const hashes = hasher.hashFiles(spec.factsFiles);
    hashes.forEach((h, i) => (inputs[`facts/${i}`] = h));
  } else if (spec.filmsDir !== undefined) {
    let films: string[] = [];
    try {
      films = readdirSync(spec.filmsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    } catch {
      inputs['films'] = 'unreadable';
    }
    const names = films.flatMap((film) => FILM_FILES.map((file) => `${film}/${file}`));
    const hashes = hasher.hashFiles(names.map((name) => path.join(spec.filmsDir as string, name)));
    names.forEach((name, i) => (inputs[`films/${name}`] = hashes[i] as string));
  }
  hashTree('ontology', ONTOLOGY_DIR, inputs, hasher);
  hashTree('vendor', VENDOR_DIR, inputs, hasher);
  hashTree('queries', QUERIES_DIR, inputs, hasher);
  hashTree('code', CODE_DIR, inputs, hasher);
  const packageFiles = ['package.json', 'package-lock.json'] as const;
  hasher.hashFiles(packageFiles.map((file) => path.join(PROJECT_ROOT, file))).forEach((hash, i) => (inputs[packageFiles[i] as string] = hash));
  inputs['option/base'] = sha256(spec.base);
  inputs['option/source'] = sha256(spec.factsFiles !== undefined ? 'facts' : 'films');
  return sortedRecord(inputs);
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The manifest text for a build of `inputs` that wrote `files` (two-space JSON, sorted, final newline; no clock). */
export function manifestText(inputs: InputHashes, files: ReadonlyMap<string, string | Uint8Array>): string {
  const outputs: Record<string, string> = {};
  for (const [name, data] of files) if (name !== MANIFEST_FILE) outputs[name] = sha256(data);
  const manifest: Manifest = { inputs: sortedRecord(inputs), outputs: sortedRecord(outputs) };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The names whose hashes differ between two input sets (added, removed or changed), sorted. */
function changedInputs(before: InputHashes, now: InputHashes): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(now)]);
  return [...names].filter((n) => before[n] !== now[n]).sort();
}

/**
 * Compares the output folder's manifest with `inputs`, and checks that every file it lists is there with the content
 * it had. Up to date only when both hold; any doubt (no manifest, an unreadable or foreign one, a changed or missing
 * file) means a rebuild. `hasher` as for hashInputs.
 */
export async function checkFreshness(outDir: string, inputs: InputHashes, hasher: FileHasher = UNCACHED): Promise<Freshness> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return { upToDate: false, first: true, reason: 'no earlier build with a manifest', changed: [] };
  }
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.inputs !== 'object' || typeof manifest.outputs !== 'object') {
    return { upToDate: false, first: false, reason: `the earlier build's ${MANIFEST_FILE} is not a manifest`, changed: [] };
  }
  const changed = changedInputs(manifest.inputs, inputs);
  if (changed.length > 0) return { upToDate: false, first: false, reason: `changed since the last build: ${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ` and ${changed.length - 5} more` : ''}`, changed };
  const outputs = Object.entries(manifest.outputs);
  const hashes = hasher.hashFiles(outputs.map(([name]) => path.join(outDir, name)));
  const altered = outputs.filter(([, hash], i) => hashes[i] !== hash).map(([name]) => name);
  if (altered.length > 0) return { upToDate: false, first: false, reason: `output changed or missing since the last build: ${altered.slice(0, 5).join(', ')}${altered.length > 5 ? ` and ${altered.length - 5} more` : ''}`, changed: [] };
  return { upToDate: true, files: outputs.length };
}
