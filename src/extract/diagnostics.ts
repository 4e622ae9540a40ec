// Diagnostics of the extract stage: what a reader could not read, or read only by a rule or by its shape.
// Readers return their value with diagnostics (vfile/parse5 style); nothing throws for a local irregularity.
import { FilmkgError } from '../errors.js';
import type { Diagnostic } from '../facts/model.js';
import type { ArticleLine } from './lines.js';

export type { Diagnostic };

/** A reader's result: what it read, and what it reports. */
export interface Read<T> {
  readonly value: T;
  readonly diagnostics: Diagnostic[];
}

/** Builds a diagnostic for `line` (or the span `line`..`last`), with the line text verbatim. */
export function diag(
  code: Diagnostic['code'],
  severity: Diagnostic['severity'],
  line: ArticleLine,
  message: string,
  expected: readonly string[],
  options: { last?: ArticleLine; path?: string } = {},
): Diagnostic {
  const last = options.last && options.last.no > line.no ? options.last : undefined;
  return {
    code,
    severity,
    line: line.no,
    ...(last ? { endLine: last.no } : {}),
    text: line.raw,
    expected: [...expected],
    message,
    ...(options.path !== undefined ? { path: options.path } : {}),
  };
}

/** Diagnostics sorted by line then code, one per (line, code) as parse5 dedupes by offset. */
export function settle(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of [...diagnostics].sort((a, b) => a.line - b.line || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    const key = `${d.line}\u0000${d.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}

/**
 * Runs a reader so that a bug in it costs its block, not the article: an exception becomes an
 * `internal:reader-failed` error diagnostic at `at` (the tests fail on any internal:* code).
 * FilmkgErrors (input that is no film article at all) still propagate.
 */
export function guarded<T>(kind: string, at: ArticleLine, fallback: T, read: () => Read<T>): Read<T> {
  try {
    return read();
  } catch (error) {
    if (error instanceof FilmkgError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    return { value: fallback, diagnostics: [diag('internal:reader-failed', 'error', at, `the ${kind} reader failed (a filmkg bug, please report): ${detail}`, [kind])] };
  }
}

/** `--strict`: any error or warning fails the article, naming the first and counting the rest. */
export function enforceStrict(diagnostics: readonly Diagnostic[], file: string): void {
  const bad = diagnostics.filter((d) => d.severity !== 'info');
  const first = bad[0];
  if (!first) return;
  throw new FilmkgError('STRICT', `${first.severity} ${first.code}: ${first.message}${bad.length > 1 ? ` (and ${bad.length - 1} more error(s) or warning(s))` : ''}`, {
    place: { file, line: first.line, ...(first.path !== undefined ? { path: first.path } : {}) },
    expected: first.expected.join(' or ') || 'no diagnostics (--strict)',
    found: first.text,
  });
}

/** `article.txt:95: warning accolades:recipient-decided message` — one line per diagnostic, as compilers print them. */
export function formatDiagnostic(d: Diagnostic, file: string): string {
  return `${file}:${d.line}${d.endLine ? `-${d.endLine}` : ''}: ${d.severity} ${d.code}: ${d.message}`;
}
