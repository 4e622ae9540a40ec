// Starts the endpoint server: loads the graph, starts the query threads, registers the routes (SPARQL and any extra routes).
import { openGraphStore, type GraphSourceOptions } from '../store/open.js';
import { send, startServer, type Route, type RunningServer } from './http.js';
import { QueryPool, type PoolState } from './query-pool.js';
import { assetsRoute, prefersHtml, sendQueryPage } from './query-page.js';
import { DEFAULT_LIMITS, sparqlRoute, type EndpointLimits } from './sparql-endpoint.js';

/** Options of the endpoint server. */
export interface EndpointOptions extends GraphSourceOptions {
  host?: string;
  port?: number;
  limits?: Partial<EndpointLimits>;
  /** More routes (pages, dereferenceable IRIs…), tried after /sparql. */
  routes?: readonly Route[];
  /** A graph the caller already holds (as N-Triples), served instead of opening one from GraphSourceOptions. */
  graph?: { readonly ntriples: string; readonly triples: number; readonly source: string };
}

/** The graph to serve, as N-Triples, with its size and where it came from. */
async function openGraph(options: EndpointOptions): Promise<{ ntriples: string; triples: number; source: string }> {
  if (options.graph) return options.graph;
  const { store, source } = await openGraphStore(options);
  try {
    return { ntriples: store.serialize('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }', 'application/n-triples'), triples: await store.size(), source };
  } finally {
    store.close();
  }
}

/** A running endpoint: the server, the size and source of its graph, and what its query threads are doing. */
export interface RunningEndpoint extends RunningServer {
  readonly triples: number;
  readonly source: string;
  poolState(): PoolState;
}

/**
 * Loads the graph and starts serving; resolves when listening and a query thread is ready (rejects if none can start).
 * `close()` stops the server and the query threads.
 */
export async function startEndpoint(options: EndpointOptions = {}): Promise<RunningEndpoint> {
  const { ntriples, triples, source } = await openGraph(options);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const pool = new QueryPool(ntriples, { workers: limits.workers, queue: limits.queue, queryMemoryBytes: limits.queryMemoryBytes, maxResultBytes: limits.maxResultBytes, nesting: limits.nesting });
  try {
    await pool.start();
  } catch (error) {
    await pool.close();
    throw error;
  }
  const index: Route = {
    name: 'index',
    matches: (method, pathname) => pathname === '/' && (method === 'GET' || method === 'HEAD'),
    handle: ({ req, res }) => (prefersHtml(req.headers.accept) ? sendQueryPage(res) : send(res, 200, 'text/plain; charset=utf-8', `filmkg: ${triples} triples. SPARQL 1.1 endpoint (read-only): /sparql?query=…\n`)),
  };
  const server = await startServer([sparqlRoute(pool, limits), ...(options.routes ?? []), assetsRoute(), index], {
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    onClose: () => pool.close(),
  }).catch(async (error: unknown) => {
    await pool.close();
    throw error;
  });
  return { ...server, triples, source, poolState: () => pool.state() };
}
