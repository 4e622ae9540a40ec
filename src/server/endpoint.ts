// Starts the endpoint server: loads the graph, starts the query threads, registers the routes (SPARQL, the descriptions
// of the service, the dataset, the ontology and the shapes, and any extra routes).
import { DEFAULT_BASE, checkBase } from '../iri.js';
import { openGraphStore, type GraphSourceOptions } from '../store/open.js';
import { DESCRIPTION_PATHS, datasetRoute, ontologyRoutes } from './description-routes.js';
import { assetsRoute, prefersHtml, sendQueryPage } from './query-page.js';
import { send, startServer, type Route, type RunningServer } from './http.js';
import { QueryPool, type PoolState } from './query-pool.js';
import { DEFAULT_LIMITS, sparqlRoute, type EndpointLimits, type ServedDataset } from './sparql-endpoint.js';

/** Options of the endpoint server. */
export interface EndpointOptions extends GraphSourceOptions {
  host?: string;
  port?: number;
  limits?: Partial<EndpointLimits>;
  /** The base IRI of the graph (default DEFAULT_BASE): the default graph is named `<base>graph`, the dataset `<base>dataset`. */
  base?: string;
  /** More routes (pages, dereferenceable IRIs…), tried after /sparql and the descriptions. */
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
    // A browser gets the query page; other clients this line.
    handle: (ctx) =>
      prefersHtml(ctx.req.headers.accept)
        ? sendQueryPage(ctx)
        : send(
            ctx.res,
            200,
            'text/plain; charset=utf-8',
            `filmkg: ${triples} triples. SPARQL 1.1 endpoint (read-only): /sparql?query=… (without a query: its service description)\n` +
              `Dataset description (VoID): ${DESCRIPTION_PATHS.dataset}, ${DESCRIPTION_PATHS.void}; ontology: ${DESCRIPTION_PATHS.ontology}; shapes: ${DESCRIPTION_PATHS.shapes}\n`,
          ),
  };
  const base = checkBase(options.base ?? DEFAULT_BASE);
  const served: ServedDataset = { graph: `${base}graph`, dataset: `${base}dataset`, triples, voidPaths: [DESCRIPTION_PATHS.dataset, DESCRIPTION_PATHS.void] };
  const routes = [sparqlRoute(pool, limits, served), datasetRoute(pool, base, limits.timeoutMs), ...ontologyRoutes(), ...(options.routes ?? []), assetsRoute(), index];
  const server = await startServer(routes, {
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    onClose: () => pool.close(),
  }).catch(async (error: unknown) => {
    await pool.close();
    throw error;
  });
  return { ...server, triples, source, poolState: () => pool.state() };
}
