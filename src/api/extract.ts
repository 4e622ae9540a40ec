// The extract and curate stages for library users: an article's text, an article file or a film folder → checked facts.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { applyCuration } from '../curate/apply.js';
import { parseCuration, type Curation } from '../curate/curation.js';
import { FilmkgError } from '../errors.js';
import { toLines } from '../extract/lines.js';
import { checkFacts } from '../facts/check.js';
import type { FilmFacts } from '../facts/model.js';
import { assumedMetadata } from '../metadata.js';
import { extractFacts, factsFromText, filmFiles, loadFilm, readMetadata, type FilmMetadata } from '../pipeline.js';
import { readFile } from 'node:fs/promises';

/** Options of {@link extractArticle}. */
export interface ExtractArticleOptions {
  /**
   * The article's metadata (slug, title, source URL, licence, retrieval date). Without it, it is assumed from the text, as
   * `filmkg extract` does for an article with no metadata.json: title and slug from the title line, the revision date as
   * retrieval date, CC BY-SA 3.0.
   */
  readonly metadata?: FilmMetadata;
  /** The name of the article in errors and in the assumed metadata's file: URL (default `article.txt`). */
  readonly file?: string;
  /** Reviewed decisions to apply (a curation file's content, parsed with {@link parseCuration}). */
  readonly curation?: Curation;
  /** The name of the curation in errors (default `curation.json`). */
  readonly curationFile?: string;
  /** Fail with a `STRICT` error when the article has any error or warning diagnostic left after curation. */
  readonly strict?: boolean;
}

/**
 * Reads a film article's text into checked facts: extracted, curated (when `options.curation` is given) and validated.
 * What the extractor cannot read is reported in `facts.diagnostics`, not thrown; only text that is no film article
 * (empty, binary, no infobox) throws a {@link FilmkgError}. Pure: no file is read.
 */
export function extractArticle(text: string, options: ExtractArticleOptions = {}): FilmFacts {
  const file = options.file ?? 'article.txt';
  const meta = options.metadata ?? assumedMetadata(file, text).meta;
  const curation = options.curation ? { curation: options.curation, file: options.curationFile ?? 'curation.json' } : undefined;
  return factsFromText(text, meta, file, curation, { strict: options.strict === true });
}

/** How {@link readArticleTarget} reads: curation on or off, `--strict`, and where notes (assumed metadata) go. */
export interface ReadArticleOptions {
  /** Apply the film folder's curation.json (default true); it applies to the folder's own article.txt only. */
  readonly curation?: boolean;
  readonly strict?: boolean;
  /** Told when metadata is assumed (no metadata.json beside the article), with what was assumed. */
  readonly note?: (line: string) => void;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return new TextDecoder('utf-8').decode(await readFile(file));
  } catch (error) {
    throw new FilmkgError('FILE_NOT_FOUND', `cannot read the ${what}`, { place: { file }, expected: 'a readable file', cause: error });
  }
}

/**
 * Reads an article from the file system, the one way `filmkg extract ARTICLE` and {@link extractArticleFile} share: a
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
    return factsFromText(await readText(files.article, 'article'), await readMetadata(files.metadata), files.article, undefined, extract);
  }
  const files = filmFiles(path.dirname(target));
  const text = await readText(target, 'article');
  if (await exists(files.metadata)) {
    const meta = await readMetadata(files.metadata);
    // The curation names lines of the folder's own article, so it applies to that file only.
    const own = path.resolve(target) === path.resolve(files.article);
    const cur = own && curation && (await exists(files.curation)) ? { curation: parseCuration(await readText(files.curation, 'curation'), files.curation), file: files.curation } : undefined;
    return factsFromText(text, meta, target, cur, extract);
  }
  const { meta, note } = assumedMetadata(target, text);
  options.note?.(note);
  return factsFromText(text, meta, target, undefined, extract);
}

/**
 * Reads an article from the file system, as `filmkg extract ARTICLE` does ({@link readArticleTarget} with curation):
 * a film folder, or an article file with the metadata.json beside it or assumed metadata. Errors name the file.
 */
export async function extractArticleFile(file: string, options: { readonly strict?: boolean } = {}): Promise<FilmFacts> {
  return readArticleTarget(file, { strict: options.strict === true });
}

/**
 * Applies reviewed decisions to facts extracted from `text` (the article they were extracted from, whose lines the
 * decisions name), and checks the result. A decision that finds nothing it names fails with `BAD_CURATION`.
 * Use it on the output of {@link extractFacts}; {@link extractArticle} with `curation` does both at once.
 */
export function curate(facts: FilmFacts, curation: Curation, text: string, options: { readonly file?: string; readonly curationFile?: string } = {}): FilmFacts {
  const file = options.file ?? 'article.txt';
  return checkFacts(applyCuration(facts, curation, toLines(text, file), options.curationFile ?? 'curation.json'), file);
}

export { extractFacts, loadFilm, parseCuration };
