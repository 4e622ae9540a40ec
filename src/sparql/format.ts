// Result formats for the CLI and the endpoint: a table for people, the W3C result formats (JSON, XML, CSV, TSV) and the
// RDF syntaxes for graphs (Turtle, N-Triples, N-Quads, RDF/XML).
import { FilmkgError } from '../errors.js';
import type { QueryResult, ResultTerm, SelectResult } from '../store/store.js';
import { compactIri } from '../vocab.js';
import type { QueryForm } from './check.js';

/** Output formats of `filmkg query` for SELECT and ASK. */
export const RESULT_FORMATS = ['table', 'json', 'xml', 'csv', 'tsv'] as const;
/** Output formats of `filmkg query` for CONSTRUCT and DESCRIBE. */
export const GRAPH_FORMATS = ['turtle', 'ntriples', 'nquads', 'rdfxml'] as const;
/** Output formats of `filmkg query`. */
export const OUTPUT_FORMATS = [...RESULT_FORMATS, ...GRAPH_FORMATS] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Media types of the W3C result formats and RDF syntaxes, by format name. */
export const MEDIA_TYPES = {
  json: 'application/sparql-results+json',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  xml: 'application/sparql-results+xml',
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
  nquads: 'application/n-quads',
  rdfxml: 'application/rdf+xml',
} as const;

/**
 * Checks a format name for a query form: tables and result formats for SELECT/ASK, RDF syntaxes for graphs. A bad
 * name is UNKNOWN_FORMAT (a usage error: the CLI exits 2), with the closest name from `suggest` when one is close.
 */
export function checkFormat(format: string, form: QueryForm, suggest: (typed: string, known: readonly string[]) => string = () => ''): OutputFormat {
  const graph = form === 'CONSTRUCT' || form === 'DESCRIBE';
  const allowed: readonly string[] = graph ? GRAPH_FORMATS : RESULT_FORMATS;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new FilmkgError('UNKNOWN_FORMAT', `unknown format "${format}"${suggest(format, allowed)}`, { place: { path: '--format' }, expected: `one of ${OUTPUT_FORMATS.join(', ')}` });
  }
  if (!allowed.includes(format)) {
    throw new FilmkgError('UNKNOWN_FORMAT', `format "${format}" does not fit a ${form} query`, { place: { path: '--format' }, expected: `one of ${allowed.join(', ')}` });
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

/**
 * A graph result (sorted N-Triples, as stores give it here) in a graph format: Turtle with the vocabulary's prefixes
 * (src/vocab.ts), the N-Triples as they are, N-Quads, or RDF/XML. `source` names the result in a parse error.
 */
export async function graphText(ntriples: string, format: OutputFormat, source: string): Promise<string> {
  if (format === 'ntriples') return ntriples;
  // The parser and writers are loaded only for a graph result: a SELECT never pays for n3 or oxigraph's writers.
  const quads = (await import('../rdf-file.js')).parseRdf(ntriples, 'N-Triples', source);
  if (format === 'turtle' || format === 'nquads' || format === 'rdfxml') return (await import('../export/serialize.js')).serializeGraph(quads, format);
  throw new Error(`graphText: ${format} is no graph format`);
}
