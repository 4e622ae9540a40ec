// Which media type a query's results are served in: by the query form, the `format=` parameter or the Accept header.
// Shared by the endpoint (src/server/sparql-endpoint.ts) and the query worker, which learns the form when it parses.
import type { QueryForm } from '../sparql/check.js';
import type { ResultMediaType } from '../store/oxigraph.js';
import { negotiate as negotiateMediaType } from './negotiate.js';

export const RESULT_TYPES: readonly ResultMediaType[] = ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'];
export const GRAPH_TYPES: readonly ResultMediaType[] = ['text/turtle', 'application/n-triples'];
const FORMAT_ALIASES: Record<string, ResultMediaType> = {
  json: 'application/sparql-results+json',
  xml: 'application/sparql-results+xml',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  turtle: 'text/turtle',
  ttl: 'text/turtle',
  ntriples: 'application/n-triples',
  nt: 'application/n-triples',
};

/**
 * Picks the best media type for `accept` among `offered` (src/server/negotiate.ts: q-values, the most specific range
 * wins), reading a plain `application/json` as SPARQL JSON results.
 */
export function negotiate(accept: string | undefined, offered: readonly string[]): string | undefined {
  return negotiateMediaType(accept?.replace(/application\/json(?![\w+.-])/gi, 'application/sparql-results+json'), offered);
}

/** The media type for a query of `form`: `format=` (a name or a media type) first, else the Accept header; or why none fits. */
export function chooseResultType(form: QueryForm, accept: string | undefined, format: string | null): { mediaType: ResultMediaType } | { refusal: string } {
  const offered = form === 'CONSTRUCT' || form === 'DESCRIBE' ? GRAPH_TYPES : RESULT_TYPES;
  const mediaType = (format ? (FORMAT_ALIASES[format.toLowerCase()] ?? (offered.includes(format as ResultMediaType) ? format : undefined)) : negotiate(accept, offered)) as ResultMediaType | undefined;
  if (!mediaType || !offered.includes(mediaType)) return { refusal: `no acceptable result format for a ${form} query; offered: ${offered.join(', ')}` };
  return { mediaType };
}
