// Reads the accolades table: one line per row, with row-spanned cells (award body, recipient) left out of the text.
import { FilmkgError } from '../errors.js';
import type { Accolade } from '../facts/model.js';
import type { TableContext } from './context.js';
import { evidence, markersIn, type ArticleLine } from './lines.js';

/**
 * Header lines the parser recognises: "Award Category Subject Result", "Award Category Recipient(s) Result",
 * "Award Category Nominee(s) Result", each optionally with a leading "Year" or "Date of ceremony"
 * column and a trailing "Ref." column.
 */
const HEADER = /^(Year |Date(?: of ceremony)? )?Awards? (?:Date(?: of ceremony)? )?Category (?:Subject|Recipients?(?:\(s\))?|Nominees?(?:\(s\))?|Recipient\(s\) and nominee\(s\)|Work|Nominated work) Result(?: Refs?\.?)?$/i;

/** The results a row may end with. */
const RESULT = /(?:^| )(Won|Nominated|Runner-up|(\d+)(?:st|nd|rd|th) Place|Pending|Shortlisted)$/;

/**
 * Words that end an award body's name. A row starts a new body when a prefix of it ends in one of
 * these and leaves a non-empty category; otherwise the body is row-spanned from the row above.
 */
const BODY_END = /^(Awards?|Festival|Prizes?|Circle|Association|Society|Guild|Academy|Critics)$/;

/** Finds the accolades table in the article and parses every row. Returns [] when there is none. */
export function extractAccolades(lines: readonly ArticleLine[], ctx: TableContext): Accolade[] {
  const headerIndex = lines.findIndex((l) => HEADER.test(l.text));
  if (headerIndex < 0) return [];
  const header = lines[headerIndex] as ArticleLine;
  const hasYear = /^(Year|Date)/i.test(header.text);
  const rows: ArticleLine[] = [];
  for (let i = headerIndex + 1; i < lines.length && (lines[i] as ArticleLine).text !== ''; i++) rows.push(lines[i] as ArticleLine);
  if (rows.length === 0) {
    throw new FilmkgError('TRUNCATED_TABLE', 'the accolades table has a header but no rows', {
      place: { file: ctx.file, line: header.no },
      expected: 'rows "<award> <category> [<recipient>] <result>" after the header',
    });
  }
  const names = new Set(ctx.knownNames);
  const out: Accolade[] = [];
  let body: string | undefined;
  rows.forEach((line, index) => {
    const parsed = parseRow(line, hasYear, names, ctx, index === rows.length - 1);
    if (parsed.body !== undefined) body = parsed.body;
    if (body === undefined) {
      throw new FilmkgError('BAD_TABLE_ROW', 'the first row of the accolades table names no award body', {
        place: { file: ctx.file, line: line.no },
        expected: 'a row starting with an award body such as "Academy Awards"',
        found: line.text,
      });
    }
    for (const r of parsed.recipients) names.add(r);
    out.push({
      row: index + 1,
      body,
      category: parsed.category,
      recipients: parsed.recipients,
      recipientSource: parsed.recipients.length > 0 ? 'named' : 'absent',
      result: parsed.result,
      ...(parsed.placement !== undefined ? { placement: parsed.placement } : {}),
      bodyOnRow: parsed.body !== undefined,
      evidence: evidence(line),
    });
  });
  return out;
}

interface ParsedRow {
  body?: string;
  category: string;
  recipients: string[];
  result: string;
  placement?: number;
}

function parseRow(line: ArticleLine, hasYear: boolean, names: ReadonlySet<string>, ctx: TableContext, last: boolean): ParsedRow {
  let text = line.text.replace(/(\[\d+\])+$/, '').trim();
  const result = RESULT.exec(text);
  if (!result) {
    throw new FilmkgError(last ? 'TRUNCATED_TABLE' : 'BAD_TABLE_ROW', last ? 'the accolades table ends in the middle of a row' : 'an accolades row does not end with a result', {
      place: { file: ctx.file, line: line.no },
      expected: 'a row ending with Won, Nominated, Runner-up, Nth Place, Pending or Shortlisted',
      found: line.text,
    });
  }
  text = text.slice(0, result.index).trim();
  const resultText = result[1] as string;
  const placement = resultText === 'Runner-up' ? 2 : result[2] !== undefined ? Number(result[2]) : undefined;
  // Lettered footnote markers sit between the recipient and the result ("Nicolas Cage [a] Won"); evidence keeps them.
  text = text.replace(/(?:\s*\[[a-z]\])+$/, '').trim();
  if (hasYear) text = text.replace(/^\d{4} /, '');

  const recipients = trailingNames(text, names);
  if (recipients.length > 0) text = text.slice(0, text.length - recipients.consumed).trim();
  const { body, category } = splitBody(text);
  if (category === '') {
    throw new FilmkgError('BAD_TABLE_ROW', 'an accolades row has no category', {
      place: { file: ctx.file, line: line.no },
      expected: '"<award> <category> [<recipient>] <result>"',
      found: line.text,
    });
  }
  void markersIn;
  return { ...(body !== undefined ? { body } : {}), category, recipients: [...recipients], result: resultText, ...(placement !== undefined ? { placement } : {}) };
}

/** Known names at the end of `text`, as a list "A", "A and B" or "A, B and C"; `consumed` is how many characters they take. */
function trailingNames(text: string, names: ReadonlySet<string>): string[] & { consumed: number } {
  const found: string[] = [];
  let rest = text;
  for (;;) {
    const name = longestSuffixName(rest, names);
    if (!name) break;
    const before = rest.slice(0, rest.length - name.length);
    if (before !== '' && !before.endsWith(' ')) break;
    found.unshift(name);
    rest = before.trimEnd();
    const joiner = /(?:,| and|, and)$/.exec(rest);
    if (!joiner || found.length === 0) break;
    const candidate = rest.slice(0, rest.length - joiner[0].length).trimEnd();
    if (!longestSuffixName(candidate, names)) break;
    rest = candidate;
  }
  const consumed = text.length - rest.length;
  return Object.assign(found, { consumed: found.length > 0 ? consumed : 0 });
}

function longestSuffixName(text: string, names: ReadonlySet<string>): string | undefined {
  let best: string | undefined;
  for (const name of names) {
    if (text.endsWith(name) && (text.length === name.length || text[text.length - name.length - 1] === ' ')) {
      if (!best || name.length > best.length) best = name;
    }
  }
  return best;
}

/** Splits "<body> <category>" where the body ends in a word such as "Awards" or "Festival"; the longest such body wins. */
function splitBody(text: string): { body?: string; category: string } {
  const words = text.split(' ');
  for (let end = words.length - 1; end >= 1; end--) {
    if (BODY_END.test(words[end - 1] as string)) {
      const body = words.slice(0, end).join(' ');
      const category = words.slice(end).join(' ');
      if (category !== '' && !/^(Award|Awards)$/.test(category)) return { body, category };
    }
  }
  return { category: text };
}
