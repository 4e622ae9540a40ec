// The front of the pipeline: a film folder (article.txt, metadata.json, curation.json) or an article file → checked
// FilmFacts. Loads no zod: a valid film passes the check generated from the schemas (src/facts/schema-check.ts); only a
// value it is not sure of loads the zod schemas, whose verdict and errors decide.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { applyCuration } from './curate/apply.js';
import type { Curation } from './curate/curation.js';
import { FilmkgError } from './errors.js';
import { enforceStrict } from './extract/diagnostics.js';
import { assumedMetadata } from './metadata.js';
import { extractFacts, type ExtractOptions, type FilmMetadata } from './extract/index.js';
import { toLines } from './extract/lines.js';
import { fastCuration, fastFilmFacts, fastMetadata } from './facts/schema-check.js';
import type { FilmFacts } from './facts/model.js';
import { FILMS_DIR } from './paths.js';

async function readText(file: string): Promise<string> {
  try {
    const bytes = await readFile(file);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    return text;
  } catch (error) {
    throw new FilmkgError('FILE_NOT_FOUND', 'cannot read the file', { place: { file }, expected: 'a readable file', cause: error });
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Reads and validates a film's metadata.json. */
export async function readMetadata(file: string): Promise<FilmMetadata> {
  let data: unknown;
  try {
    data = JSON.parse(await readText(file));
  } catch (error) {
    if (error instanceof FilmkgError) throw error;
    throw new FilmkgError('BAD_METADATA', 'the metadata file is not JSON', { place: { file }, expected: 'a JSON object', cause: error });
  }
  const fast = fastMetadata(data);
  if (fast !== undefined) return fast;
  const [{ Metadata }, { formatPath }] = await Promise.all([import('./facts/model.js'), import('./facts/check.js')]);
  const result = Metadata.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0] as NonNullable<(typeof result.error.issues)[0]>;
    throw new FilmkgError('BAD_METADATA', 'invalid metadata', { place: { file, path: formatPath(issue.path) }, expected: issue.message });
  }
  return result.data;
}

/** Reads and validates a curation file (src/curate/curation.ts, parseCuration). */
export async function readCuration(file: string, text?: string): Promise<Curation> {
  const json = text ?? (await readText(file));
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    data = undefined;
  }
  const fast = data === undefined ? undefined : fastCuration(data);
  return fast ?? (await import('./curate/curation.js')).parseCuration(json, file);
}

/** Checks facts (src/facts/check.ts, checkFacts): the generated check, and zod when it is not sure. */
export async function checkFactsLazily(input: unknown, file?: string): Promise<FilmFacts> {
  return fastFilmFacts(input) ?? (await import('./facts/check.js')).checkFacts(input, file);
}

/**
 * The extract stage alone, pure: article text + metadata → facts with evidence, before curation and checking.
 * `file` names the article in errors. (Re-exported from src/extract/index.ts.)
 */
export { extractFacts };
export type { ExtractOptions, FilmMetadata };

/** Extract, then curate, then --strict: the facts before they are checked (factsFromText checks them). */
export function curatedFacts(text: string, meta: FilmMetadata, file: string, curation?: { curation: Curation; file: string }, options: ExtractOptions = {}): FilmFacts {
  const extracted = extractFacts(text, meta, file);
  const curated = curation ? applyCuration(extracted, curation.curation, toLines(text, file), curation.file) : extracted;
  // --strict judges what is left after the reviewed decisions: a row the curation settles is no longer open.
  if (options.strict) enforceStrict(curated.diagnostics, file);
  return curated;
}

/** factsFromText (src/facts/from-text.ts) without loading zod for a valid film. */
async function checkedFacts(text: string, meta: FilmMetadata, file: string, curation?: { curation: Curation; file: string }, options: ExtractOptions = {}): Promise<FilmFacts> {
  return checkFactsLazily(curatedFacts(text, meta, file, curation, options), file);
}

/** A film folder's paths. */
export function filmFiles(dir: string): { article: string; metadata: string; curation: string } {
  return { article: path.join(dir, 'article.txt'), metadata: path.join(dir, 'metadata.json'), curation: path.join(dir, 'curation.json') };
}

/** Loads one film folder: article.txt (+ metadata.json, curation.json when present) → extract → curate → check. */
export async function loadFilm(dir: string, options: ExtractOptions = {}): Promise<FilmFacts> {
  const files = filmFiles(dir);
  // A folder with an article and no metadata.json (a user's own article) is read with assumed metadata.
  const text = await readText(files.article);
  const meta = (await exists(files.metadata)) ? await readMetadata(files.metadata) : assumedMetadata(files.article, text).meta;
  const curation = (await exists(files.curation)) ? { curation: await readCuration(files.curation), file: files.curation } : undefined;
  return checkedFacts(text, meta, files.article, curation, options);
}

/** Loads every film under `filmsDir` (one sub-folder each), sorted by folder name. */
export async function loadFilms(filmsDir: string = FILMS_DIR): Promise<FilmFacts[]> {
  let entries: string[];
  try {
    entries = (await readdir(filmsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch (error) {
    throw new FilmkgError('FILE_NOT_FOUND', 'cannot read the films folder', { place: { file: filmsDir }, expected: 'a folder with one sub-folder per film', cause: error });
  }
  if (entries.length === 0) throw new FilmkgError('FILE_NOT_FOUND', 'the films folder holds no film', { place: { file: filmsDir }, expected: 'sub-folders with article.txt and metadata.json' });
  return Promise.all(entries.map((name) => loadFilm(path.join(filmsDir, name))));
}

/** How {@link readArticleTarget} reads: curation on or off, `--strict`, and where notes (assumed metadata) go. */
export interface ReadArticleOptions {
  /** Apply the film folder's curation.json (default true); it applies to the folder's own article.txt only. */
  readonly curation?: boolean;
  readonly strict?: boolean;
  /** Told when metadata is assumed (no metadata.json beside the article), with what was assumed. */
  readonly note?: (line: string) => void;
}

async function readArticleText(file: string, what: string): Promise<string> {
  try {
    return new TextDecoder('utf-8').decode(await readFile(file));
  } catch (error) {
    throw new FilmkgError('FILE_NOT_FOUND', `cannot read the ${what}`, { place: { file }, expected: 'a readable file', cause: error });
  }
}

/**
 * Reads an article from the file system, the one way `filmkg extract ARTICLE` and extractArticleFile (src/api/extract.ts) share: a
 * film folder (its article.txt, metadata.json and, with `curation`, curation.json), or an article file (the
 * metadata.json beside it when there is one, else assumed metadata, told to `note`; the folder's curation.json when the
 * file is that folder's own article.txt). Errors name the file.
 */
export async function readArticleTarget(target: string, options: ReadArticleOptions = {}): Promise<FilmFacts> {
  const curation = options.curation !== false;
  const extract = { strict: options.strict === true };
  let isFolder: boolean;
  try {
    isFolder = (await stat(target)).isDirectory();
  } catch (error) {
    throw new FilmkgError('FILE_NOT_FOUND', 'no such file or folder', { place: { file: target }, expected: 'a film folder or an article .txt file', cause: error });
  }
  if (isFolder) {
    if (curation) return loadFilm(target, extract);
    const files = filmFiles(target);
    return checkedFacts(await readArticleText(files.article, 'article'), await readMetadata(files.metadata), files.article, undefined, extract);
  }
  const files = filmFiles(path.dirname(target));
  const text = await readArticleText(target, 'article');
  if (await exists(files.metadata)) {
    const meta = await readMetadata(files.metadata);
    // The curation names lines of the folder's own article, so it applies to that file only.
    const own = path.resolve(target) === path.resolve(files.article);
    const cur = own && curation && (await exists(files.curation)) ? { curation: await readCuration(files.curation, await readArticleText(files.curation, 'curation')), file: files.curation } : undefined;
    return checkedFacts(text, meta, target, cur, extract);
  }
  const { meta, note } = assumedMetadata(target, text);
  options.note?.(note);
  return checkedFacts(text, meta, target, undefined, extract);
}
