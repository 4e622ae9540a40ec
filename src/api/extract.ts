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
import { factsFromText } from '../facts/from-text.js';
import { extractFacts, loadFilm, readArticleTarget, type FilmMetadata, type ReadArticleOptions } from '../pipeline.js';
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

// readArticleTarget lives in src/pipeline.ts, which loads zod only when the generated check is not sure of a film.
export { readArticleTarget, type ReadArticleOptions };

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
