// A remote SPARQL 1.1 endpoint behind our SparqlStore interface: queries POSTed as a form (the one request shape
// every store accepts; Virtuoso 7 leaves a POST of application/sparql-query unanswered), results read into our shapes.
import { Parser } from 'n3';
import { FilmkgError } from '../errors.js';
import { toNTriples } from '../export/ntriples.js';
import { dataFactory } from '../rdf.js';
import { checkQuery, type QueryForm } from '../sparql/check.js';
import type { QueryOptions, QueryResult, ResultTerm, SelectResult, SparqlStore } from '../store/store.js';
import { checkGraphIri } from './gsp.js';
import { AUTH_ENV, displayUrl, hasCredentials, remoteRequest, type RemoteOptions, type RemoteResponse } from './http.js';

/** Options of a remote endpoint. */
export interface RemoteSparqlOptions extends RemoteOptions {
  /** Sent as `default-graph-uri`: the graph the query's default graph is (for a store holding the graph as a named graph). */
  readonly defaultGraph?: string;
}

/** SPARQL 1.1 Query Results JSON as stores write it (Virtuoso still writes SPARQL 1.0's `typed-literal`). */
interface JsonResults {
  head?: { vars?: string[] };
  results?: { bindings?: Array<Record<string, { type: string; value: string; 'xml:lang'?: string; datatype?: string }>> };
  boolean?: boolean;
}

/** Virtuoso 7 answers ASK in JSON as a one-row SELECT of this variable (1 or 0) instead of `boolean`. */
const VIRTUOSO_ASK_VAR = '__ASK_RETVAL';

/** Reads one term of a JSON result: `typed-literal` (SPARQL 1.0 JSON, Virtuoso) becomes `literal` with its datatype. */
function readTerm(raw: { type: string; value: string; 'xml:lang'?: string; datatype?: string }): ResultTerm {
  if (raw.type === 'uri') return { type: 'uri', value: raw.value };
  if (raw.type === 'bnode') return { type: 'bnode', value: raw.value };
  const term: ResultTerm = { type: 'literal', value: raw.value };
  if (raw['xml:lang']) term['xml:lang'] = raw['xml:lang'];
  else if (raw.datatype && raw.datatype !== 'http://www.w3.org/2001/XMLSchema#string') term.datatype = raw.datatype;
  return term;
}

/** Parses a SPARQL JSON results document into a SELECT or ASK result. */
export function parseJsonResults(text: string, form: QueryForm, source: string): QueryResult {
  let json: JsonResults;
  try {
    json = JSON.parse(text) as JsonResults;
  } catch (error) {
    throw new FilmkgError('ENDPOINT', 'the endpoint did not answer with SPARQL JSON results', { place: { file: source }, expected: 'application/sparql-results+json', found: text.slice(0, 80), cause: error });
  }
  if (typeof json.boolean === 'boolean') return { kind: 'ask', value: json.boolean };
  const vars = json.head?.vars ?? [];
  const bindings = json.results?.bindings ?? [];
  if (form === 'ASK' && vars.length === 1 && vars[0] === VIRTUOSO_ASK_VAR) {
    const v = bindings[0]?.[VIRTUOSO_ASK_VAR]?.value;
    return { kind: 'ask', value: v === '1' || v === 'true' };
  }
  if (form === 'ASK') throw new FilmkgError('ENDPOINT', 'the endpoint gave no boolean for an ASK query', { place: { file: source }, expected: '{"boolean": true|false}' });
  const rows = bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, readTerm(v)])));
  return { kind: 'select', vars, rows } satisfies SelectResult;
}

/** Parses Turtle or N-Triples (by content type) into sorted, unique N-Triples lines. */
export function parseGraphResult(text: string, contentType: string, source: string): string {
  const format = /n-triples|text\/plain/i.test(contentType) ? 'N-Triples' : 'Turtle';
  try {
    return toNTriples(new Parser({ format, factory: dataFactory as never }).parse(text));
  } catch (error) {
    throw new FilmkgError('ENDPOINT', `the endpoint's ${format} could not be parsed: ${error instanceof Error ? error.message : String(error)}`, { place: { file: source }, expected: format, cause: error });
  }
}

/** The Accept header for a query form. */
function acceptFor(form: QueryForm): string {
  return form === 'CONSTRUCT' || form === 'DESCRIBE' ? 'application/n-triples, text/turtle;q=0.9' : 'application/sparql-results+json';
}

/** A remote SPARQL 1.1 Protocol endpoint (read-only use). */
export class RemoteSparqlStore implements SparqlStore {
  readonly endpoint: string;
  private readonly options: RemoteSparqlOptions;

  constructor(endpoint: string, options: RemoteSparqlOptions = {}) {
    if (hasCredentials(endpoint)) {
      throw new FilmkgError('USAGE', `the endpoint URL must not hold credentials (user:password@): put them in ${AUTH_ENV}`, { found: displayUrl(endpoint) });
    }
    try {
      const u = new URL(endpoint);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
    } catch {
      throw new FilmkgError('USAGE', 'the endpoint must be an http(s) URL', { found: displayUrl(endpoint) });
    }
    this.endpoint = endpoint;
    this.options = options;
  }

  /** Sends a query with an Accept header; returns the raw response (for formats passed through as the endpoint writes them). */
  async send(sparql: string, accept: string, options: QueryOptions = {}): Promise<RemoteResponse> {
    const form = new URLSearchParams({ query: sparql });
    if (this.options.defaultGraph !== undefined) form.set('default-graph-uri', this.options.defaultGraph);
    return remoteRequest(
      'POST',
      this.endpoint,
      { headers: { 'content-type': 'application/x-www-form-urlencoded', accept }, body: form.toString() },
      { ...this.options, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) },
    );
  }

  /** Runs a query (checked with sparqljs first: syntax errors and updates never reach the store). */
  async query(sparql: string, options: QueryOptions = {}): Promise<QueryResult> {
    return (await this.answer(sparql, options)).result;
  }

  /** Runs a query like {@link query}, and says which store answered (its Server header, '' when none). */
  async answer(sparql: string, options: QueryOptions = {}): Promise<{ result: QueryResult; server: string }> {
    const { form } = checkQuery(sparql);
    const res = await this.send(sparql, acceptFor(form), options);
    const server = res.server ?? '';
    if (form === 'CONSTRUCT' || form === 'DESCRIBE') return { result: { kind: 'graph', ntriples: parseGraphResult(res.body, res.contentType, displayUrl(this.endpoint)) }, server };
    return { result: parseJsonResults(res.body, form, displayUrl(this.endpoint)), server };
  }

  /** Triples in the named graph `graph`, or in the default graph the endpoint queries. */
  async count(graph?: string): Promise<number> {
    if (graph !== undefined) checkGraphIri(graph);
    const pattern = graph !== undefined ? `GRAPH <${graph}> { ?s ?p ?o }` : '?s ?p ?o';
    // A named graph is counted in the store's whole dataset: a default-graph-uri would leave it out of the dataset.
    const { defaultGraph: _ignored, ...whole } = this.options;
    const store = graph !== undefined && this.options.defaultGraph !== undefined ? new RemoteSparqlStore(this.endpoint, whole) : this;
    const result = await store.query(`SELECT (COUNT(*) AS ?n) WHERE { ${pattern} }`);
    const n = result.kind === 'select' ? Number(result.rows[0]?.['n']?.value) : Number.NaN;
    if (!Number.isInteger(n)) throw new FilmkgError('ENDPOINT', 'the endpoint gave no triple count', { place: { file: displayUrl(this.endpoint) }, expected: 'one row with a whole number ?n' });
    return n;
  }

  async size(): Promise<number> {
    return this.count();
  }

  close(): void {
    // Nothing held: each request is independent.
  }
}
