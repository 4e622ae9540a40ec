// Parses SPARQL with sparqljs before it runs: syntax errors with line and column, the query form, and refusal of updates.
import sparqljs from 'sparqljs';
import { FilmkgError } from '../errors.js';
import { algebraDepth, bracketDepth, NESTING_LIMITS, type NestingLimits } from './limits.js';

/** The four SPARQL 1.1 query forms. */
export type QueryForm = 'SELECT' | 'ASK' | 'CONSTRUCT' | 'DESCRIBE';

/** What the check learned: the form, and the projected variables of a SELECT (empty for `SELECT *`). */
export interface CheckedQuery {
  readonly form: QueryForm;
  readonly text: string;
}

const parser = new sparqljs.Parser();

/**
 * Refuses (BAD_QUERY) a query text nested more than `limits.brackets` brackets deep, before anything parses it:
 * a lexical scan, linear in the text.
 */
export function checkBrackets(text: string, source = 'query', limits: NestingLimits = NESTING_LIMITS): void {
  const brackets = bracketDepth(text);
  if (brackets.depth > limits.brackets) {
    throw new FilmkgError('BAD_QUERY', `the query nests ${brackets.depth} brackets deep ({, ( and [ open at once); at most ${limits.brackets} are accepted`, {
      place: { file: source, line: brackets.line },
      expected: 'a flatter query',
    });
  }
}

/**
 * Parses `text` as a SPARQL 1.1 query. A syntax error becomes BAD_QUERY naming `source` (a file or
 * "query"), the line and column, and sparqljs's message; an update (INSERT, DELETE, LOAD, CLEAR…)
 * is refused with BAD_QUERY: the store is read-only. A query nested deeper than `limits` (default: what the engine can
 * take, src/sparql/limits.ts) is refused with BAD_QUERY before it is parsed (brackets) or before it runs (the parsed query).
 */
export function checkQuery(text: string, source = 'query', limits: NestingLimits = NESTING_LIMITS): CheckedQuery {
  if (text.trim() === '') throw new FilmkgError('BAD_QUERY', 'the query is empty', { place: { file: source }, expected: 'a SPARQL 1.1 query' });
  checkBrackets(text, source, limits);
  let parsed: ReturnType<typeof parser.parse>;
  try {
    parsed = parser.parse(text);
  } catch (error) {
    if (error instanceof RangeError) {
      // The parser's own stack (a chain such as `1+1+…+1` thousands of terms long nests that deep in its tree).
      throw new FilmkgError('BAD_QUERY', 'the query nests too deeply for the parser', { place: { file: source }, expected: 'a flatter or shorter query', cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    const [, lineNo] = /on line (\d+)/.exec(message) ?? [];
    const parts = message.split('\n');
    const excerpt = parts[1] ?? '';
    const caret = parts[2] ?? '';
    // sparqljs echoes the line (or its last 20 characters after "...") and a caret under the column.
    const column = /^-*\^$/.test(caret) && !excerpt.startsWith('...') ? caret.length : undefined;
    const near = /^-*\^$/.test(caret) ? excerpt.slice(0, caret.length).trim() : excerpt.trim();
    const got = /got '([^']+)'/.exec(message)?.[1];
    const expecting = /Expecting (.+), got/.exec(message)?.[1]?.split(', ').slice(0, 6).join(', ');
    throw new FilmkgError('BAD_QUERY', `SPARQL syntax error${column !== undefined ? ` at column ${column}` : ''} after "${near}"${got ? ` (found ${got})` : ''}`, {
      place: { file: source, ...(lineNo ? { line: Number(lineNo) } : {}) },
      ...(expecting ? { expected: `one of ${expecting}${(message.match(/', '/g)?.length ?? 0) > 5 ? ', …' : ''}` } : {}),
      cause: error,
    });
  }
  if (parsed.type === 'update') {
    throw new FilmkgError('BAD_QUERY', 'SPARQL updates are not allowed: the store is read-only', { place: { file: source }, expected: 'a SELECT, ASK, CONSTRUCT or DESCRIBE query' });
  }
  const depth = algebraDepth(parsed);
  if (depth > limits.algebra) {
    throw new FilmkgError('BAD_QUERY', `the query's patterns and expressions nest ${depth} levels deep (the members of a group, a union, a triple block or a path each count one more); at most ${limits.algebra} are accepted`, {
      place: { file: source },
      expected: 'a flatter or shorter query',
    });
  }
  return { form: parsed.queryType as QueryForm, text };
}
