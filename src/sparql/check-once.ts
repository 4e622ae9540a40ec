// The check of a query before it runs, without sparqljs for an unedited bundled query: its result was recorded once
// (src/sparql/bundled-checks.ts, which test/queries.test.ts proves equal to what checkQuery says of every bundled query),
// keyed by the query's name and the SHA-256 of its text, so an edited query file is checked in full again.
import { createHash } from 'node:crypto';
import { BUNDLED_CHECKS } from './bundled-checks.js';
import type { CheckedQuery } from './check.js';

/** SHA-256 of a query text (UTF-8), in hex: the key of a recorded check. */
export function queryHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The recorded check of the bundled query `name`, when `text` is exactly the text it was recorded for. */
export function recordedCheck(name: string, text: string): CheckedQuery | undefined {
  const recorded = Object.hasOwn(BUNDLED_CHECKS, name) ? BUNDLED_CHECKS[name] : undefined;
  return recorded !== undefined && recorded.sha256 === queryHash(text) ? { form: recorded.form, text } : undefined;
}

/**
 * checkQuery (src/sparql/check.ts: sparqljs, the nesting limits, no updates) of `text`, or, for the bundled query
 * `bundled` whose text is unchanged, the check recorded for it. Any other query (a file, standard input, `-e`) is
 * checked in full.
 */
export async function checkQueryOnce(text: string, source: string, bundled?: string): Promise<CheckedQuery> {
  const recorded = bundled !== undefined ? recordedCheck(bundled, text) : undefined;
  if (recorded !== undefined) return recorded;
  const { checkQuery } = await import('./check.js');
  return checkQuery(text, source);
}
