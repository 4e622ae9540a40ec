// Which media type a query's results are served in: by the query form, the Accept header, and the `format=` (or
// `output=`, `results=`) parameter as a fallback. Shared by the endpoint (src/server/sparql-endpoint.ts) and the query
// worker, which learns the form when it parses.
import type { QueryForm } from '../sparql/check.js';
import type { ResultMediaType } from '../store/oxigraph.js';
import { negotiate as negotiateMediaType, negotiateNamed } from './negotiate.js';

/** SELECT and ASK results, the first the default. */
export const RESULT_TYPES: readonly ResultMediaType[] = ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'];
/** CONSTRUCT and DESCRIBE results, the first the default. */
export const GRAPH_TYPES: readonly ResultMediaType[] = ['text/turtle', 'application/n-triples', 'application/rdf+xml', 'application/ld+json'];

/** The parameters clients name the result format with: `format` (Virtuoso, Fuseki), `output` (Joseki, Fuseki), `results`. */
export const FORMAT_PARAMETERS = ['format', 'output', 'results'] as const;

/**
 * Format names by query form, as clients send them: SPARQLWrapper sends its own names (`json`, `xml`, `turtle`, `n3`,
 * `rdf`, `rdf+xml`, `csv`, `tsv`, `json-ld`), where `xml` and `json` mean SPARQL results for SELECT/ASK and RDF/XML and
 * JSON-LD for a graph. Media types are taken as they are.
 */
const RESULT_NAMES: Readonly<Record<string, ResultMediaType>> = {
  json: 'application/sparql-results+json',
  srj: 'application/sparql-results+json',
  xml: 'application/sparql-results+xml',
  srx: 'application/sparql-results+xml',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
};
const GRAPH_NAMES: Readonly<Record<string, ResultMediaType>> = {
  turtle: 'text/turtle',
  ttl: 'text/turtle',
  n3: 'text/turtle',
  ntriples: 'application/n-triples',
  'n-triples': 'application/n-triples',
  nt: 'application/n-triples',
  xml: 'application/rdf+xml',
  rdf: 'application/rdf+xml',
  'rdf+xml': 'application/rdf+xml',
  rdfxml: 'application/rdf+xml',
  json: 'application/ld+json',
  jsonld: 'application/ld+json',
  'json-ld': 'application/ld+json',
};

function isGraphForm(form: QueryForm): boolean {
  return form === 'CONSTRUCT' || form === 'DESCRIBE';
}

/** A plain `application/json` in Accept read as SPARQL JSON results (SELECT/ASK) or JSON-LD (graphs). */
function readPlainJson(accept: string | undefined, graph: boolean): string | undefined {
  return accept?.replace(/application\/json(?![\w+.-])/gi, graph ? 'application/ld+json' : 'application/sparql-results+json');
}

/** Picks the best media type for `accept` among `offered` (src/server/negotiate.ts), reading a plain `application/json` as SPARQL JSON results. */
export function negotiate(accept: string | undefined, offered: readonly string[]): string | undefined {
  return negotiateMediaType(readPlainJson(accept, false), offered);
}

/**
 * The media type for a query of `form`, or why none fits:
 * 1. a type the Accept header names (`text/turtle`, `text/*`; q-values honoured);
 * 2. else the first `format=`/`output=` value (a name or a media type) that is offered for this form;
 * 3. else what Accept's `*\/*` allows (no Accept: the form's default);
 * 4. else none: 406.
 */
export function chooseResultType(form: QueryForm, accept: string | undefined, formats: readonly string[]): { mediaType: ResultMediaType } | { refusal: string } {
  const graph = isGraphForm(form);
  const offered = graph ? GRAPH_TYPES : RESULT_TYPES;
  const names = graph ? GRAPH_NAMES : RESULT_NAMES;
  const read = readPlainJson(accept, graph);
  const named = negotiateNamed(read, offered) as ResultMediaType | undefined;
  if (named) return { mediaType: named };
  for (const format of formats) {
    const value = format.trim().toLowerCase();
    const mediaType = offered.find((t) => t === (names[value] ?? value));
    if (mediaType) return { mediaType };
  }
  const any = negotiateMediaType(read, offered) as ResultMediaType | undefined;
  if (any) return { mediaType: any };
  const asked = formats.filter((f) => f.trim() !== '');
  return {
    refusal: `no acceptable result format for a ${form} query; offered: ${offered.join(', ')} (by Accept, or format=${[...new Set(Object.keys(names))].join('|')})${asked.length > 0 ? `; format= gave ${asked.map((f) => JSON.stringify(f)).join(', ')}` : ''}`,
  };
}
