// The small interface every SPARQL store of ours implements: the in-memory oxigraph store and a remote SPARQL endpoint.

/** An RDF term in a result row, as in the SPARQL 1.1 Query Results JSON format. */
export type ResultTerm =
  | { type: 'uri'; value: string }
  | { type: 'bnode'; value: string }
  | { type: 'literal'; value: string; 'xml:lang'?: string; datatype?: string };

/** Rows of a SELECT: variable names in projection order, each row mapping bound variables to terms. */
export interface SelectResult {
  kind: 'select';
  vars: string[];
  rows: Array<Record<string, ResultTerm>>;
}
export interface AskResult {
  kind: 'ask';
  value: boolean;
}
/** CONSTRUCT and DESCRIBE: the resulting graph as N-Triples text (one triple per line, sorted). */
export interface GraphResult {
  kind: 'graph';
  ntriples: string;
}
export type QueryResult = SelectResult | AskResult | GraphResult;

export interface QueryOptions {
  /** Give up after this many milliseconds (where the store can enforce it). */
  timeoutMs?: number;
}

/** A read-only SPARQL 1.1 query service. */
export interface SparqlStore {
  /** Runs a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE). Throws FilmkgError BAD_QUERY / ENDPOINT. */
  query(sparql: string, options?: QueryOptions): Promise<QueryResult>;
  /** Number of triples in the default graph (or the whole store). */
  size(): Promise<number>;
  /** Frees resources (oxigraph's WASM memory); the store is unusable afterwards. */
  close(): void;
}
