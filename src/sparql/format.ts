// Result formats for the CLI and the endpoint: a table for people, and the W3C formats (JSON, CSV, TSV) and Turtle.
import { FilmkgError } from '../errors.js';
import type { QueryResult, ResultTerm, SelectResult } from '../store/store.js';
import { compactIri } from '../vocab.js';
import type { QueryForm } from './check.js';

/** Output formats of `filmkg query`. */
export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'tsv', 'turtle', 'ntriples'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Media types of the W3C result formats and RDF syntaxes, by format name. */
export const MEDIA_TYPES = {
  json: 'application/sparql-results+json',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  xml: 'application/sparql-results+xml',
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
} as const;

/** Checks a format name for a query form: tables and result formats for SELECT/ASK, RDF syntaxes for graphs. */
export function checkFormat(format: string, form: QueryForm): OutputFormat {
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new FilmkgError('UNKNOWN_FORMAT', `unknown format "${format}"`, { expected: `one of ${OUTPUT_FORMATS.join(', ')}` });
  }
  const graph = form === 'CONSTRUCT' || form === 'DESCRIBE';
  const allowed: readonly string[] = graph ? ['turtle', 'ntriples'] : ['table', 'json', 'csv', 'tsv'];
  if (!allowed.includes(format)) {
    throw new FilmkgError('UNKNOWN_FORMAT', `format "${format}" does not fit a ${form} query`, { expected: `one of ${allowed.join(', ')}` });
  }
  return format as OutputFormat;
}

/** How a term reads in a table: prefixed IRIs, plain literal values with @lang or ^^datatype when not a plain string. */
export function displayTerm(term: ResultTerm | undefined): string {
  if (!term) return '';
  if (term.type === 'uri') return compactIri(term.value);
  if (term.type === 'bnode') return `_:${term.value}`;
  const lang = term['xml:lang'];
  if (lang) return `${term.value} @${lang}`;
  return term.value;
}

/** A plain-text table of a SELECT result, columns padded to their widths, with a row count. */
export function toTable(result: SelectResult): string {
  const header = result.vars;
  const rows = result.rows.map((row) => header.map((v) => displayTerm(row[v]).replace(/\s+/g, ' ')));
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const cell = (text: string, i: number) => {
    const w = widths[i] ?? 0;
    return text.length > w ? `${text.slice(0, w - 1)}…` : text.padEnd(w);
  };
  const line = (cells: string[]) => cells.map(cell).join(' │ ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const body = rows.map(line);
  return `${[line(header), rule, ...body].join('\n')}\n(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
}

/** Renders a result for people (table; true/false; Turtle for graphs). */
export function toText(result: QueryResult): string {
  if (result.kind === 'ask') return `${result.value}\n`;
  if (result.kind === 'graph') return result.ntriples;
  return toTable(result);
}
