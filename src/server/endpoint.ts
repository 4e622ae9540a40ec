// Starts the endpoint server: loads the graph, starts the query worker, registers the routes (SPARQL and any extra routes).
import { openGraphStore, type GraphSourceOptions } from '../store/open.js';
import { send, startServer, type Route, type RunningServer } from './http.js';
import { QueryRunner } from './query-runner.js';
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

/** Loads the graph and starts serving; resolves when listening. `close()` stops the server and the worker. */
export async function startEndpoint(options: EndpointOptions = {}): Promise<RunningServer & { triples: number; source: string }> {
  const { ntriples, triples, source } = await openGraph(options);
  const runner = new QueryRunner(ntriples);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const index: Route = {
    name: 'index',
    matches: (method, pathname) => pathname === '/' && (method === 'GET' || method === 'HEAD'),
    handle: ({ res }) => send(res, 200, 'text/plain; charset=utf-8', `filmkg: ${triples} triples. SPARQL 1.1 endpoint (read-only): /sparql?query=…\n`),
  };
  const server = await startServer([sparqlRoute(runner, limits), ...(options.routes ?? []), index], {
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    onClose: () => runner.close(),
  });
  return { ...server, triples, source };
}
