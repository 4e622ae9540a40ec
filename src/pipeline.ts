// The front of the pipeline: a film folder (article.txt, metadata.json, curation.json) → checked FilmFacts.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { applyCuration } from './curate/apply.js';
import { parseCuration, type Curation } from './curate/curation.js';
import { FilmkgError } from './errors.js';
import { enforceStrict } from './extract/diagnostics.js';
import { assumedMetadata } from './metadata.js';
import { extractFacts, type ExtractOptions, type FilmMetadata } from './extract/index.js';
import { toLines } from './extract/lines.js';
import { checkFacts, formatPath } from './facts/check.js';
import type { FilmFacts } from './facts/model.js';
import { SourceMeta } from './facts/model.js';
import { FILMS_DIR } from './paths.js';

const Metadata = SourceMeta.omit({ revision: true });

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
  const result = Metadata.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0] as z.core.$ZodIssue;
    throw new FilmkgError('BAD_METADATA', 'invalid metadata', { place: { file, path: formatPath(issue.path) }, expected: issue.message });
  }
  return result.data;
}

/**
 * The extract stage alone, pure: article text + metadata → facts with evidence, before curation and
 * checking. `file` names the article in errors. (Re-exported from src/extract/index.ts.)
 */
export { extractFacts };
export type { ExtractOptions, FilmMetadata };

/**
 * The pure core: article text + metadata (+ curation) → checked facts. `file` names the article
 * in errors; `curationFile` names the curation file.
 */
export function factsFromText(text: string, meta: FilmMetadata, file: string, curation?: { curation: Curation; file: string }, options: ExtractOptions = {}): FilmFacts {
  const extracted = extractFacts(text, meta, file);
  const curated = curation ? applyCuration(extracted, curation.curation, toLines(text, file), curation.file) : extracted;
  // --strict judges what is left after the reviewed decisions: a row the curation settles is no longer open.
  if (options.strict) enforceStrict(curated.diagnostics, file);
  return checkFacts(curated, file);
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
  const curation = (await exists(files.curation)) ? { curation: parseCuration(await readText(files.curation), files.curation), file: files.curation } : undefined;
  return factsFromText(text, meta, files.article, curation, options);
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
