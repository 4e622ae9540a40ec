// The pure core, synchronous: article text + metadata (+ curation) → checked facts. (src/pipeline.ts reads films from
// disk the same way, asynchronously, loading zod only when the generated check is not sure; this loads it at once.)
import type { Curation } from '../curate/curation.js';
import type { ExtractOptions, FilmMetadata } from '../extract/index.js';
import { curatedFacts } from '../pipeline.js';
import { checkFacts } from './check.js';
import type { FilmFacts } from './model.js';

/**
 * The pure core: article text + metadata (+ curation) → checked facts. `file` names the article
 * in errors; `curationFile` names the curation file.
 */
export function factsFromText(text: string, meta: FilmMetadata, file: string, curation?: { curation: Curation; file: string }, options: ExtractOptions = {}): FilmFacts {
  return checkFacts(curatedFacts(text, meta, file, curation, options), file);
}
