// The article as numbered lines: raw text (for evidence) beside normalised text (for parsing), and evidence builders.
import { FilmkgError } from '../errors.js';
import type { Evidence } from '../facts/model.js';

/** One line of article.txt. `raw` is byte-for-byte the file's text; `text` has U+2005/U+00A0 etc. turned into spaces. */
export interface ArticleLine {
  /** 1-based line number. */
  readonly no: number;
  readonly raw: string;
  readonly text: string;
}

/** White space that Wikipedia's rendering uses inside values: U+00A0 no-break, U+2005 four-per-em, thin and narrow spaces. */
const ODD_SPACES = /[\u00a0\u2002-\u200a\u202f\u205f\u3000]/g;

/** Normalises one piece of text: odd spaces become plain spaces; runs of spaces collapse; trimmed. */
export function normalise(text: string): string {
  return text.replace(ODD_SPACES, ' ').replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/**
 * Splits article text into lines. Rejects empty and binary input with a FilmkgError naming `file`.
 * A trailing newline does not make an extra line; `\r\n` is accepted.
 */
export function toLines(content: string, file: string): ArticleLine[] {
  if (content.trim() === '') {
    throw new FilmkgError('EMPTY_INPUT', 'the article is empty', { place: { file, line: 1 }, expected: 'the plain text of a Wikipedia film article' });
  }
  const nul = content.indexOf('\u0000');
  // Undecodable bytes (U+FFFD from the decoder) and lone surrogates (text that is not Unicode at all).
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(content);
  const replacementAt = content.indexOf('\ufffd');
  const replacement = replacementAt < 0 ? (lone ? lone.index : -1) : lone ? Math.min(replacementAt, lone.index) : replacementAt;
  const bad = nul < 0 ? replacement : replacement < 0 ? nul : Math.min(nul, replacement);
  if (bad >= 0) {
    const line = content.slice(0, bad).split('\n').length;
    throw new FilmkgError('BINARY_INPUT', 'the file is not UTF-8 text (NUL byte or undecodable bytes)', {
      place: { file, line },
      expected: 'a UTF-8 plain-text article',
    });
  }
  const parts = content.replace(/\r\n/g, '\n').split('\n');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((raw, i) => ({ no: i + 1, raw, text: normalise(raw) }));
}

/** A citation marker: `[12]` (numbered reference) or `[a]` (lettered footnote). */
const MARKER = /\[(\d+|[a-z])\]/g;

/** Reads the markers in `text` (`[2][3]` → refs [2, 3]; `[a]` → notes ["a"]), in order, without repeats. */
export function markersIn(text: string): { refs: number[]; notes: string[] } {
  const refs: number[] = [];
  const notes: string[] = [];
  for (const m of text.matchAll(MARKER)) {
    const id = m[1] as string;
    if (/^\d+$/.test(id)) {
      const n = Number(id);
      if (!refs.includes(n)) refs.push(n);
    } else if (!notes.includes(id)) notes.push(id);
  }
  return { refs, notes };
}

/** Removes citation markers from text (`$49.8 million[2]` → `$49.8 million`). */
export function stripMarkers(text: string): string {
  return text.replace(MARKER, '').replace(/ {2,}/g, ' ').trim();
}

/**
 * Evidence for a span of one or more whole lines (the raw text of `first`..`last`, joined with "\n"),
 * or for `part`, an exact raw substring of those lines. Markers are read from the evidence text
 * unless `markersFrom` gives the text to read them from (e.g. a sentence's trailing markers).
 */
export function evidence(first: ArticleLine, options: { last?: ArticleLine; part?: string; markersFrom?: string } = {}): Evidence {
  const last = options.last ?? first;
  const whole = options.last && options.last !== first ? undefined : first.raw;
  const text = options.part ?? whole;
  if (text === undefined) {
    throw new Error('evidence(): a multi-line span needs `part` or is built with evidenceSpan()');
  }
  return { line: first.no, endLine: last.no, text, ...markersIn(options.markersFrom ?? text) };
}

/** Evidence covering whole lines `lines` (consecutive), joined with "\n". */
export function evidenceSpan(lines: readonly ArticleLine[], markersFrom?: string): Evidence {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) throw new Error('evidenceSpan(): no lines');
  const text = lines.map((l) => l.raw).join('\n');
  return { line: first.no, endLine: last.no, text, ...markersIn(markersFrom ?? text) };
}

/** A line's raw text with odd spaces made plain and each run of spaces made one, and where each of its units came from. */
interface Collapsed {
  readonly text: string;
  /** Index in `raw` of each unit of `text`; undefined when `text` is `raw` itself (no odd spaces, no runs of spaces). */
  readonly from: Int32Array | undefined;
}

const collapsedLines = new WeakMap<ArticleLine, Collapsed>();

function collapsed(line: ArticleLine): Collapsed {
  let c = collapsedLines.get(line);
  if (c) return c;
  // Odd spaces are single UTF-16 units, so this replacement keeps every index of `raw`.
  const spaced = line.raw.replace(ODD_SPACES, ' ');
  if (spaced === line.raw && !spaced.includes('  ')) c = { text: spaced, from: undefined };
  else {
    const from = new Int32Array(spaced.length);
    let text = '';
    for (let i = 0; i < spaced.length; i++) {
      if (spaced[i] === ' ' && spaced[i - 1] === ' ') continue;
      from[text.length] = i;
      text += spaced[i];
    }
    c = { text, from };
  }
  collapsedLines.set(line, c);
  return c;
}

/**
 * Finds the raw substring of `line` whose normalised form is `normalisedPart` (so evidence keeps
 * U+2005/U+00A0 exactly as in the file): the first place where its words occur in order, each space
 * between them standing for one or more spaces (plain or odd) of the line. Returns undefined when it does not occur.
 */
export function rawPart(line: ArticleLine, normalisedPart: string): string | undefined {
  const target = normalise(normalisedPart);
  if (target === '') return undefined;
  // The target starts and ends with a non-space and holds single spaces only, so its first occurrence in the line with
  // each run of spaces made one is the first match of its words joined by " +" in the line.
  const c = collapsed(line);
  const at = c.text.indexOf(target);
  if (at < 0) return undefined;
  if (!c.from) return line.raw.slice(at, at + target.length);
  return line.raw.slice(c.from[at] as number, (c.from[at + target.length - 1] as number) + 1);
}
