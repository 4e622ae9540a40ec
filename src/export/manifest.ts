// The build manifest: the content hash of every input of a build and of every file it wrote, so that a build whose
// inputs are unchanged does nothing. Imports only Node built-ins: the check runs before the pipeline is loaded.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
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

async function hashFile(file: string): Promise<string> {
  try {
    return sha256(await readFile(file));
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return 'absent';
    throw error;
  }
}

/** Every file under `dir` (relative paths, `/`-separated, sorted); none when it does not exist. */
async function filesUnder(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

async function hashTree(prefix: string, dir: string, into: Record<string, string>): Promise<void> {
  const files = await filesUnder(dir);
  const hashes = await Promise.all(files.map((f) => hashFile(path.join(dir, f))));
  files.forEach((f, i) => (into[`${prefix}/${f}`] = hashes[i] as string));
}

/**
 * Hashes every input of a build: the film folders' article, metadata and curation files (or the facts files), the
 * ontology, shapes and context, the vendored files, the bundled queries, filmkg's own code and its package files
 * (version and pinned dependencies), and the options. Names are relative, so a moved folder is the same build.
 * A films folder that cannot be read hashes to nothing here: the build itself then reports it.
 */
export async function hashInputs(spec: BuildSpec): Promise<InputHashes> {
  const inputs: Record<string, string> = {};
  if (spec.factsFiles !== undefined) {
    const hashes = await Promise.all(spec.factsFiles.map((f) => hashFile(f)));
    hashes.forEach((h, i) => (inputs[`facts/${i}`] = h));
  } else if (spec.filmsDir !== undefined) {
    let films: string[] = [];
    try {
      films = (await readdir(spec.filmsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    } catch {
      inputs['films'] = 'unreadable';
    }
    const names = films.flatMap((film) => FILM_FILES.map((file) => `${film}/${file}`));
    const hashes = await Promise.all(names.map((name) => hashFile(path.join(spec.filmsDir as string, name))));
    names.forEach((name, i) => (inputs[`films/${name}`] = hashes[i] as string));
  }
  await Promise.all([hashTree('ontology', ONTOLOGY_DIR, inputs), hashTree('vendor', VENDOR_DIR, inputs), hashTree('queries', QUERIES_DIR, inputs), hashTree('code', CODE_DIR, inputs)]);
  for (const file of ['package.json', 'package-lock.json']) inputs[file] = await hashFile(path.join(PROJECT_ROOT, file));
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
 * file) means a rebuild.
 */
export async function checkFreshness(outDir: string, inputs: InputHashes): Promise<Freshness> {
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
  const hashes = await Promise.all(outputs.map(([name]) => hashFile(path.join(outDir, name))));
  const altered = outputs.filter(([, hash], i) => hashes[i] !== hash).map(([name]) => name);
  if (altered.length > 0) return { upToDate: false, first: false, reason: `output changed or missing since the last build: ${altered.slice(0, 5).join(', ')}${altered.length > 5 ? ` and ${altered.length - 5} more` : ''}`, changed: [] };
  return { upToDate: true, files: outputs.length };
}
