// The check stage: validates untyped facts (extracted + curated, or read from JSON) into typed FilmFacts, failing with the path.
import type { z } from 'zod';
import { FilmkgError } from '../errors.js';
import { fastFilmFacts } from './schema-check.js';
import { FilmFacts } from './model.js';

/** Formats a zod issue path as `accolades[12].result`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(root)';
}

function describeFound(root: unknown, path: readonly PropertyKey[]): string {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return 'nothing';
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text ?? String(value);
}

/**
 * Validates `input` as the facts of one film. Throws a FilmkgError (code INVALID_FACTS) naming the
 * first bad value's path, what was expected and what was found; `file` names where the facts came from.
 */
export function checkFacts(input: unknown, file?: string): FilmFacts {
  // What the check generated from the schema accepts, zod accepts with the same output (test/facts-schema-check.test.ts).
  const fast = fastFilmFacts(input);
  if (fast !== undefined) return fast;
  const result = FilmFacts.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const path = formatPath(issue.path);
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problem(s))` : '';
  throw new FilmkgError('INVALID_FACTS', `invalid facts${more}`, {
    place: { ...(file !== undefined ? { file } : {}), path },
    expected: issue.message,
    found: describeFound(input, issue.path),
  });
}
