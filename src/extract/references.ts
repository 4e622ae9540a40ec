// Reads the numbered lists at the end of the article: lettered footnotes ("[a] Also for The Rock.") and the references.
import type { Footnote, Reference } from '../facts/model.js';
import type { z } from 'zod';
import type { TableContext } from './context.js';
import { parseDate, parseDayDate } from './dates.js';
import { evidence, normalise, type ArticleLine } from './lines.js';

const ITEM = /^\s*(\d+)\.\s*\^\s*(.*)$/;

/**
 * The numbered lists ("  1. ^ …"), as runs of consecutive items. Wikipedia renders the notes list
 * (cited by [a], [b] …) before the references list (cited by [1], [2] …): with two runs, the first
 * holds the notes and the last the references; with one run, it holds the references.
 */
function lists(lines: readonly ArticleLine[]): ArticleLine[][] {
  const runs: ArticleLine[][] = [];
  let current: ArticleLine[] | undefined;
  let expected = 1;
  for (const line of lines) {
    const m = ITEM.exec(line.raw);
    if (m && Number(m[1]) === 1) {
      current = [line];
      runs.push(current);
      expected = 2;
    } else if (m && current && Number(m[1]) === expected) {
      current.push(line);
      expected++;
    } else if (line.text !== '') current = undefined;
  }
  return runs;
}

/** The lettered footnotes: the first numbered list when the article has two. */
export function extractFootnotes(lines: readonly ArticleLine[], _ctx: TableContext): Array<z.infer<typeof Footnote>> {
  const runs = lists(lines);
  if (runs.length < 2) return [];
  return (runs[0] as ArticleLine[]).map((line, i) => ({
    id: String.fromCharCode(97 + i),
    text: normalise(ITEM.exec(line.raw)?.[2] ?? ''),
    evidence: evidence(line),
  }));
}

/** The references: the last numbered list, each item parsed into its bibliographic parts. */
export function extractReferences(lines: readonly ArticleLine[], ctx: TableContext): Reference[] {
  const runs = lists(lines);
  const list = runs[runs.length - 1];
  if (!list) return [];
  const listLines = new Set(runs.flat().map((l) => l.no));
  const citedOn = new Map<number, number[]>();
  for (const line of lines) {
    if (listLines.has(line.no)) continue;
    for (const m of line.raw.matchAll(/\[(\d+)\]/g)) {
      const n = Number(m[1]);
      const at = citedOn.get(n) ?? [];
      if (!at.includes(line.no)) at.push(line.no);
      citedOn.set(n, at);
    }
  }
  return list.map((line) => parseReference(line, citedOn.get(Number(ITEM.exec(line.raw)?.[1])) ?? [], ctx));
}

const DATE_IN_PARENS = /^(.*?) ?\(([^()]*\d{4})\)\.\s*/;

function parseReference(line: ArticleLine, citedOnLines: number[], ctx: TableContext): Reference {
  void ctx;
  const m = /^(\d+)\.\s*\^\s*(.*)$/.exec(line.text) as RegExpExecArray; // lists() only keeps lines of this shape
  const number = Number(m[1]);
  let text = (m[2] as string).replace(/ {2,}/g, ' ').trim();
  let backlinks = 1;
  const letters = /^((?:[a-z] )+)/.exec(text);
  if (letters) {
    backlinks = (letters[1] as string).trim().split(' ').length;
    text = text.slice((letters[1] as string).length);
  }
  const identifiers: Reference['identifiers'] = [];
  for (const id of text.matchAll(/\b(ISSN|ISBN|ASIN) ([0-9X-]+[0-9X])\.?/g)) identifiers.push({ scheme: id[1] as 'ISSN' | 'ISBN' | 'ASIN', value: id[2] as string });
  text = text.replace(/\s*\b(ISSN|ISBN|ASIN) [0-9X-]+[0-9X]\.?/g, '');
  const retrieved = /Retrieved ([A-Za-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Za-z]+ \d{4})\.?/.exec(text);
  const archived = /Archived from the original on ([A-Za-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Za-z]+ \d{4})\.?/.exec(text);
  text = text.replace(/\s*Retrieved [^.]*\d{4}\.?/, '').replace(/\s*Archived from the original on [^.]*\d{4}\.?/, '').trim();
  text = text.replace(/\s*Public Domain This article incorporates text from this source, which is in the public domain\.?/, '').trim();

  let authors: string[] = [];
  let date: string | undefined;
  let title: string | undefined;
  let place: string | undefined;
  let publisher: string | undefined;
  let publication: string | undefined;

  const quoted = /"(.+?)"\.(?: |$)/.exec(text) ?? /"(.+?)"(?: |$)/.exec(text);
  let before = quoted ? text.slice(0, quoted.index).trim() : '';
  let after = quoted ? text.slice(quoted.index + quoted[0].length).trim() : text;
  if (quoted) title = (quoted[1] as string).trim();
  const dated = DATE_IN_PARENS.exec(`${before} `);
  if (dated) {
    date = parseDate(dated[2] as string);
    before = (dated[1] as string).trim();
  }
  if (before && /^[A-Z][\w'.-]*(?:,? (?:[A-Z][\w'.-]*|[A-Z]\.))*\.?$/.test(before)) authors = [personName(before)];
  // "(1995). Washington, DC: Library of Congress Manuscript Division." after the title.
  const afterDate = /^\(([^()]*\d{4})\)\.\s*/.exec(after);
  if (afterDate) {
    date ??= parseDate(afterDate[1] as string);
    after = after.slice(afterDate[0].length);
  }
  if (!quoted) {
    // A book: "Bertelli, Sandro (1991). Dizionario dei film italiani. Rome: Edizioni Ardea." — author and date first.
    const book = DATE_IN_PARENS.exec(after);
    const author = book ? (book[1] as string).trim() : '';
    if (book && /^[\p{Lu}][\p{L}'’.-]*,(?: [\p{Lu}][\p{L}'’.-]*| [\p{Lu}]\.)+$/u.test(author)) {
      authors = [personName(author)];
      date ??= parseDate(book[2] as string);
      after = after.slice(book[0].length);
    }
    // No quoted title ("Leaving Las Vegas (1995) VHS."): the first sentence is the title.
    const first = /^(.+?)\.(?: |$)/.exec(after);
    if (first) {
      title = (first[1] as string).trim();
      after = after.slice(first[0].length).trim();
    }
  }
  const segments = after.split(/\.\s+|\.$/).map((s) => s.trim()).filter((s) => s !== '');
  for (const segment of segments) {
    const asDate = parseDate(segment);
    if (asDate && !date) {
      date = asDate;
      continue;
    }
    const located = /^([^:]+): (.+)$/.exec(segment);
    if (located && !publisher) {
      place = (located[1] as string).trim();
      publisher = (located[2] as string).trim();
      continue;
    }
    if (!publication) publication = segment;
    else if (!publisher) publisher = segment;
  }
  const retrievedDate = retrieved ? parseDayDate(retrieved[1] as string) : undefined;
  const archivedDate = archived ? parseDayDate(archived[1] as string) : undefined;
  // Markdown renderings italicise titles and publications (*Variety*).
  const plain = (s: string | undefined) => s?.replace(/^[*_]+(.+?)[*_]+$/, '$1');
  title = plain(title);
  publication = plain(publication);
  return {
    number,
    authors,
    ...(title ? { title } : {}),
    ...(publication ? { publication } : {}),
    ...(publisher ? { publisher } : {}),
    ...(place ? { place } : {}),
    ...(date ? { date } : {}),
    ...(retrievedDate ? { retrieved: retrievedDate } : {}),
    ...(archivedDate ? { archived: archivedDate } : {}),
    identifiers,
    backlinks,
    citedOnLines,
    evidence: evidence(line),
  };
}

/** "Feinberg, Scott" → "Scott Feinberg"; "Scott, A. O." → "A. O. Scott"; "Roger Ebert" stays. */
function personName(text: string): string {
  const m = /^([^,]+), (.+?)\.?$/.exec(text);
  if (!m) return text.replace(/\.$/, '');
  const given = (m[2] as string).trim();
  return `${/\.$/.test(given) || /^[A-Z]\. ?[A-Z]$/.test(given) ? given.replace(/([A-Z])$/, '$1.') : given} ${m[1] as string}`;
}
