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

/**
 * Finds the raw substring of `line` whose normalised form is `normalisedPart` (so evidence keeps
 * U+2005/U+00A0 exactly as in the file). Returns undefined when it does not occur.
 */
export function rawPart(line: ArticleLine, normalisedPart: string): string | undefined {
  const target = normalise(normalisedPart);
  if (target === '') return undefined;
  // Odd spaces are single UTF-16 units, so this replacement keeps every index of `raw`.
  const spaced = line.raw.replace(ODD_SPACES, ' ');
  const pattern = new RegExp(target.split(' ').map(escapeRegExp).join(' +'));
  const m = pattern.exec(spaced);
  return m ? line.raw.slice(m.index, m.index + m[0].length) : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
