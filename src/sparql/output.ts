// Result formats for the CLI and the endpoint: a table for people, the W3C result formats (JSON, XML, CSV, TSV) and the
// RDF syntaxes for graphs (Turtle, N-Triples, N-Quads, RDF/XML). Loads nothing but errors.ts: `filmkg query` imports this
// module, and src/vocab.ts (the namespaces a table's IRIs are shortened with) only when a table shows an IRI; format.ts
// adds the table functions bound to the vocabulary for the other callers.
import { FilmkgError } from '../errors.js';
import type { QueryResult, ResultTerm, SelectResult } from '../store/store.js';
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

/** How a term reads in a table: IRIs as `compact` shortens them (prefixed), plain literal values with @lang or ^^datatype when not a plain string. */
export function displayTermWith(term: ResultTerm | undefined, compact: (iri: string) => string): string {
  if (!term) return '';
  if (term.type === 'uri') return compact(term.value);
  if (term.type === 'bnode') return `_:${term.value}`;
  const lang = term['xml:lang'];
  if (lang) return `${term.value} @${lang}`;
  return term.value;
}

/** A plain-text table of a SELECT result, columns padded to their widths, with a row count. */
export function tableWith(result: SelectResult, compact: (iri: string) => string): string {
  const header = result.vars;
  const rows = result.rows.map((row) => header.map((v) => displayTermWith(row[v], compact).replace(/\s+/g, ' ')));
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

/** True when a cell of the result is an IRI (only then does a table need the vocabulary's prefixes). */
export function hasIri(result: SelectResult): boolean {
  return result.rows.some((row) => Object.values(row).some((term) => term.type === 'uri'));
}

/** The table of a SELECT result, IRIs shortened with the vocabulary's prefixes (src/vocab.ts, loaded only when a cell is an IRI). */
export async function tableText(result: SelectResult): Promise<string> {
  const compact = hasIri(result) ? (await import('../vocab.js')).compactIri : (iri: string) => `<${iri}>`;
  return tableWith(result, compact);
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
