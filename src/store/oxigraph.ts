// The in-memory SPARQL store: oxigraph (WASM build of the Rust store, pinned 0.5.11) behind our SparqlStore interface.
import oxigraph from 'oxigraph';
import { FilmkgError } from '../errors.js';
import type { QueryOptions, QueryResult, ResultTerm, SparqlStore } from './store.js';
import { WASM } from './wasm.js';

/** Media types oxigraph serialises query results to. */
export type ResultMediaType =
  | 'application/sparql-results+json'
  | 'application/sparql-results+xml'
  | 'text/csv'
  | 'text/tab-separated-values'
  | 'text/turtle'
  | 'application/n-triples'
  | 'application/rdf+xml'
  | 'application/ld+json';

interface JsonResults {
  head: { vars?: string[] };
  results?: { bindings: Array<Record<string, ResultTerm>> };
  boolean?: boolean;
}

/** Turns oxigraph's parse errors ("error at 1:9: expected …") into BAD_QUERY errors with line and column. */
export function queryError(error: unknown, source?: string): FilmkgError {
  const text = error instanceof Error ? error.message : String(error);
  const at = /at (\d+):(\d+)/.exec(text);
  return new FilmkgError('BAD_QUERY', `the query was rejected: ${text.replace(/^Error: /, '')}`, {
    place: { ...(source !== undefined ? { file: source } : {}), ...(at ? { line: Number(at[1]) } : {}) },
    cause: error,
  });
}

/**
 * True for a failure of the engine itself rather than a refusal of the query: a WebAssembly trap ("memory access out of
 * bounds" when a deeply nested query overflows the engine's stack, "unreachable" when it panics or runs out of memory)
 * or the native stack overflowing inside it. The engine's state cannot be trusted afterwards.
 */
export function isEngineTrap(error: unknown): boolean {
  return error instanceof WASM.RuntimeError || (error instanceof RangeError && /call stack/i.test(error.message));
}

/** True for the error a store throws when the engine failed on a query (see isEngineTrap). */
export function isEngineFailure(error: unknown): boolean {
  return error instanceof FilmkgError && isEngineTrap(error.cause);
}

/** The clean error for an engine failure: what happened, and what to change. */
function engineFailure(error: unknown): FilmkgError {
  const what = error instanceof Error ? error.message : String(error);
  return new FilmkgError('BAD_QUERY', `the query engine failed on this query (${what})`, {
    expected: 'a query that is less deeply nested or needs less memory',
    cause: error,
  });
}

/** Options of OxigraphStore.serialize. */
export interface SerializeOptions {
  /**
   * Query the store's default graph, with no named graphs, whatever the query's FROM and FROM NAMED say: the dataset a
   * SPARQL 1.1 Protocol request gave with `default-graph-uri` (which overrides the query's own dataset).
   */
  readonly defaultGraphOnly?: boolean;
}

/** An oxigraph store holding one graph (the default graph), read-only once loaded. */
export class OxigraphStore implements SparqlStore {
  private store: oxigraph.Store | undefined;
  /** Set when the engine failed: the store is not used again. */
  private failed: FilmkgError | undefined;

  private constructor(store: oxigraph.Store) {
    this.store = store;
  }

  /** Loads RDF text or its UTF-8 bytes (N-Triples by default; Turtle with `text/turtle`) into a new store. */
  static fromText(text: string | Uint8Array, format: 'application/n-triples' | 'text/turtle' = 'application/n-triples', source = 'graph'): OxigraphStore {
    const store = new oxigraph.Store();
    try {
      store.load(text, { format });
    } catch (error) {
      freeStore(store);
      const message = error instanceof Error ? error.message : String(error);
      const at = /(?:line|at) (\d+)/.exec(message);
      throw new FilmkgError('BAD_RDF', `cannot load the graph: ${message}`, { place: { file: source, ...(at ? { line: Number(at[1]) } : {}) }, expected: format === 'text/turtle' ? 'Turtle' : 'N-Triples', cause: error });
    }
    return new OxigraphStore(store);
  }

  private live(): oxigraph.Store {
    if (this.failed) throw new FilmkgError('BAD_QUERY', 'the query engine failed on an earlier query and cannot answer more', { cause: this.failed });
    if (!this.store) throw new Error('OxigraphStore: used after close()');
    return this.store;
  }

  /**
   * Runs a query and returns oxigraph's serialisation in `mediaType` (W3C result formats; Turtle/N-Triples for graphs).
   * A query the engine refuses is BAD_QUERY naming the line; an engine failure (isEngineFailure) is BAD_QUERY too,
   * and leaves the store unusable (a server replaces its worker).
   */
  serialize(sparql: string, mediaType: ResultMediaType, options: SerializeOptions = {}): string {
    const store = this.live();
    try {
      const dataset = options.defaultGraphOnly ? { default_graph: oxigraph.defaultGraph(), named_graphs: [] } : {};
      const out = store.query(sparql, { results_format: mediaType, ...dataset });
      return typeof out === 'string' ? out : String(out);
    } catch (error) {
      if (isEngineTrap(error)) {
        this.failed = engineFailure(error);
        throw this.failed;
      }
      throw queryError(error);
    }
  }

  /** Runs a query and returns its results in our own shape (timeouts are enforced by the server's worker, not here). */
  async query(sparql: string, _options: QueryOptions = {}): Promise<QueryResult> {
    return this.querySync(sparql);
  }

  /** Synchronous form of query(). */
  querySync(sparql: string): QueryResult {
    const form = /^\s*(?:(?:PREFIX|BASE)[^\n]*\n|#[^\n]*\n|\s)*(CONSTRUCT|DESCRIBE)\b/i.exec(stripComments(sparql));
    if (form) {
      const nt = this.serialize(sparql, 'application/n-triples');
      const lines = nt.split('\n').filter((l) => l.trim() !== '');
      return { kind: 'graph', ntriples: lines.sort().map((l) => `${l}\n`).join('') };
    }
    const json = JSON.parse(this.serialize(sparql, 'application/sparql-results+json')) as JsonResults;
    if (typeof json.boolean === 'boolean') return { kind: 'ask', value: json.boolean };
    return { kind: 'select', vars: json.head.vars ?? [], rows: json.results?.bindings ?? [] };
  }

  async size(): Promise<number> {
    return this.live().size;
  }

  /** Frees oxigraph's WASM memory (it never shrinks otherwise). After an engine failure the memory is left alone. */
  close(): void {
    if (this.store && !this.failed) freeStore(this.store);
    this.store = undefined;
  }
}

/** Removes `#` comments outside IRIs and strings, enough to find the query form. */
function stripComments(sparql: string): string {
  return sparql.replace(/^\s*#[^\n]*$/gm, '');
}

/** oxigraph's Store has a wasm-bindgen `free()` that its type declarations leave out. */
function freeStore(store: oxigraph.Store): void {
  (store as unknown as { free(): void }).free();
}
