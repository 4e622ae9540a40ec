// The bundled queries: queries/*.rq, each opening with comment lines that state the question it answers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import { QUERIES_DIR } from '../paths.js';

/** One bundled query. */
export interface BundledQuery {
  /** File name without `.rq`. */
  readonly name: string;
  /** The question, from the header comment. */
  readonly question: string;
  readonly file: string;
  readonly text: string;
}

/** Reads the question from the leading `#` comment lines (joined, without the `#`). */
export function questionOf(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const m = /^#\s?(.*)$/.exec(line);
    if (!m) break;
    lines.push((m[1] as string).trim());
  }
  return lines.join(' ').replace(/\s+/g, ' ').trim();
}

/** Every bundled query, sorted by name. */
export function bundledQueries(dir: string = QUERIES_DIR): BundledQuery[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.rq'))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const text = readFileSync(file, 'utf8');
      return { name: f.replace(/\.rq$/, ''), question: questionOf(text), file, text };
    });
}

/**
 * Resolves what the user named: a bundled query's name (then `bundled` is that name), or a query file. Unknown names fail with
 * UNKNOWN_QUERY listing the bundled names.
 */
export function resolveQuery(nameOrFile: string, cwd: string): { source: string; text: string; bundled?: string } {
  const bundled = bundledQueries().find((q) => q.name === nameOrFile || `${q.name}.rq` === nameOrFile);
  if (bundled) return { source: bundled.file, text: bundled.text, bundled: bundled.name };
  const file = path.resolve(cwd, nameOrFile);
  if (existsSync(file)) return { source: file, text: readFileSync(file, 'utf8') };
  throw new FilmkgError('UNKNOWN_QUERY', `no bundled query or file named "${nameOrFile}"`, {
    expected: `one of ${bundledQueries()
      .map((q) => q.name)
      .join(', ')} (filmkg query --list), a .rq file, or -e "QUERY"`,
  });
}
