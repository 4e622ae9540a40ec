// Explicit literal helpers: each checks its lexical form and returns the canonical one, refusing what would not round-trip.
// Stores such as oxigraph canonicalise typed literals on load (PT111M → PT1H51M, 053 → 53); emitting the canonical
// form keeps the Turtle, the N-Triples, the JSON-LD and the store isomorphic. No datatype is ever inferred from a JS value.
import { FilmkgError } from './errors.js';
import { literal, type Literal } from './rdf.js';
import { xsd } from './vocab.js';

function refuse(kind: string, value: unknown, expected: string): never {
  throw new FilmkgError('BAD_RDF', `cannot make an ${kind} literal`, { expected, found: String(value) });
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * True when `value` is well-formed UTF-16 (String.prototype.isWellFormed is ES2024, past our lib target). Text with no
 * surrogate at all (nearly all) is answered by one plain scan; the lookaround pattern runs only on text that has one.
 */
function isWellFormed(value: string): boolean {
  return !SURROGATE.test(value) || !LONE_SURROGATE.test(value);
}

/** Refuses text that is not well-formed UTF-16 (a lone surrogate cannot be written as UTF-8). */
function checkText(kind: string, value: string): void {
  if (!isWellFormed(value)) refuse(kind, value, 'well-formed Unicode text (no lone surrogates)');
}

/** A plain `xsd:string` literal. */
export function string(value: string): Literal {
  checkText('xsd:string', value);
  return literal(value);
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/;

/** A language-tagged string (`"Ben Sanderson"@en`). Tags must be lower case BCP 47, as stores normalise them so. */
export function langString(value: string, language: string): Literal {
  checkText('rdf:langString', value);
  if (!LANGUAGE_TAG.test(language)) refuse('rdf:langString', language, 'a lower-case BCP 47 language tag such as en or pt-br');
  return literal(value, language);
}

/** `xsd:boolean`, `true` or `false`. */
export function boolean(value: boolean): Literal {
  return literal(value ? 'true' : 'false', xsd.boolean);
}

/** Canonical form of an integer given as a JS safe integer, a bigint or a decimal-digit string. */
function canonicalInteger(value: number | bigint | string): string {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) refuse('xsd:integer', value, 'a safe integer');
    return String(value);
  }
  if (typeof value === 'bigint') return value.toString();
  const m = /^([+-]?)(\d+)$/.exec(value);
  if (!m) refuse('xsd:integer', value, 'digits with an optional sign');
  const digits = (m[2] as string).replace(/^0+(?=\d)/, '');
  return m[1] === '-' && digits !== '0' ? `-${digits}` : digits;
}

/** `xsd:integer` from a safe JS integer, a bigint or a digit string (canonicalised: `053` → `53`). */
export function integer(value: number | bigint | string): Literal {
  return literal(canonicalInteger(value), xsd.integer);
}

/**
 * `xsd:decimal` from a decimal string (`3500000`, `7.7`); a JS number is refused because its
 * binary value may not be the decimal the text wrote. Canonicalised: `7.70` → `7.7`, `049.0` → `49`.
 */
export function decimal(value: string): Literal {
  if (typeof value !== 'string') refuse('xsd:decimal', value, 'a decimal string (not a JS number)');
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value);
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) refuse('xsd:decimal', value, 'a decimal such as 3500000 or 7.7');
  const whole = (m[2] || '0').replace(/^0+(?=\d)/, '');
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  const negative = m[1] === '-' && body !== '0';
  return literal(negative ? `-${body}` : body, xsd.decimal);
}

function validDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `xsd:date` from `YYYY-MM-DD`, a day that exists. */
export function date(value: string): Literal {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) refuse('xsd:date', value, 'a calendar date YYYY-MM-DD');
  return literal(value, xsd.date);
}

/** `xsd:gYear` from `YYYY`. */
export function gYear(value: string | number): Literal {
  const text = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value).padStart(4, '0') : '') : value;
  if (!/^\d{4}$/.test(text)) refuse('xsd:gYear', value, 'a four-digit year');
  return literal(text, xsd.gYear);
}

/** `xsd:gYearMonth` from `YYYY-MM`. */
export function gYearMonth(value: string): Literal {
  const m = /^\d{4}-(\d{2})$/.exec(value);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) refuse('xsd:gYearMonth', value, 'a year and month YYYY-MM');
  return literal(value, xsd.gYearMonth);
}

/** A date of day, month or year precision (`1995-10-27`, `1994-04`, `1990`) with the datatype that states its precision. */
export function partialDate(value: string): Literal {
  if (/^\d{4}$/.test(value)) return gYear(value);
  if (/^\d{4}-\d{2}$/.test(value)) return gYearMonth(value);
  return date(value);
}

/** `xsd:dateTime` in UTC, `YYYY-MM-DDThh:mm:ssZ` (no fractional seconds, as stores would drop trailing zeros). */
export function dateTime(value: string): Literal {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(value);
  if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3])) || Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) {
    refuse('xsd:dateTime', value, 'a UTC date-time YYYY-MM-DDThh:mm:ssZ');
  }
  return literal(value, xsd.dateTime);
}

/**
 * `xsd:duration` of hours, minutes and seconds (`PT111M`, `PT4M2S`), written in canonical form:
 * seconds carry into minutes and minutes into hours (`PT111M` → `PT1H51M`), zero parts dropped.
 */
export function duration(value: string): Literal {
  const m = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(value);
  if (!m) refuse('xsd:duration', value, 'an ISO 8601 duration of hours, minutes and seconds such as PT4M2S');
  const total = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  if (!Number.isSafeInteger(total)) refuse('xsd:duration', value, 'a duration of safe size');
  return literal(canonicalDuration(total), xsd.duration);
}

/** The canonical `xsd:duration` lexical form of a number of whole seconds (`PT0S` for zero). */
export function canonicalDuration(totalSeconds: number): string {
  const h = Math.floor(totalSeconds / 3600);
  const min = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  if (totalSeconds === 0) return 'PT0S';
  return `PT${h ? `${h}H` : ''}${min ? `${min}M` : ''}${s ? `${s}S` : ''}`;
}

/** Lexical-form checks by datatype IRI, for tests and validation of any literal in the graph. */
export const LEXICAL_CHECKS: Readonly<Record<string, (value: string) => boolean>> = {
  [xsd.string.value]: isWellFormed,
  [xsd.boolean.value]: (v) => v === 'true' || v === 'false',
  [xsd.integer.value]: (v) => /^-?(0|[1-9]\d*)$/.test(v) && v !== '-0',
  [xsd.decimal.value]: (v) => /^-?(0|[1-9]\d*)(\.\d*[1-9])?$/.test(v) && v !== '-0',
  [xsd.date.value]: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && validDate(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))),
  [xsd.gYear.value]: (v) => /^\d{4}$/.test(v),
  [xsd.gYearMonth.value]: (v) => /^\d{4}-(0[1-9]|1[0-2])$/.test(v),
  [xsd.dateTime.value]: (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(v),
  [xsd.duration.value]: (v) => isCanonicalDuration(v),
};

function isCanonicalDuration(v: string): boolean {
  if (v === 'PT0S') return true;
  const m = /^PT(?=\d)(?:([1-9]\d*)H)?(?:([1-5]?\d)M)?(?:([1-5]?\d)S)?$/.exec(v);
  if (!m) return false;
  return !(m[2] === '0' || m[3] === '0');
}
