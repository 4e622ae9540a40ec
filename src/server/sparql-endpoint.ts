// The SPARQL 1.1 Protocol endpoint (/sparql): query via GET, POST form or POST sparql-query; the dataset parameters
// (default-graph-uri honoured for the graph served, anything else refused); content negotiation with format= as a
// fallback; read-only; limits on time (from the request's arrival), query size and nesting, result size and memory; a
// service description when asked without a query. Queries run in the query pool (src/server/query-pool.ts); a client
// that hangs up cancels its query.
import type http from 'node:http';
import { performance } from 'node:perf_hooks';
import { isUserError } from '../errors.js';
import { checkBrackets } from '../sparql/check.js';
import { NESTING_LIMITS, type NestingLimits } from '../sparql/limits.js';
import { send, sendError, type Route, type RouteContext } from './http.js';
import { CLIENT_GONE, type QueryPool } from './query-pool.js';
import { sendQueryPage } from './query-page.js';
import { chooseDocumentType, contentType, DOCUMENT_FORMATS, serializeDocument, turtleOf, type DocumentType } from './rdf-documents.js';
import { FORMAT_PARAMETERS, GRAPH_TYPES, RESULT_TYPES, negotiate } from './result-types.js';
import { serviceDescription } from './service-description.js';

export { negotiate };

/** Limits of the endpoint. */
export interface EndpointLimits {
  /** Longest a query may take from the request's arrival (waiting for a thread included), in milliseconds (503 beyond). */
  timeoutMs: number;
  /** Largest query text accepted, in bytes (413 beyond). */
  maxQueryBytes: number;
  /** Largest result served, in bytes (413 beyond). */
  maxResultBytes: number;
  /** Queries that run at once, each in its own thread. */
  workers: number;
  /** Queries that may wait for a thread (503 with Retry-After beyond). */
  queue: number;
  /** Memory a query may take in the engine beyond the graph's own, in bytes (503 beyond). */
  queryMemoryBytes: number;
  /** How deep a query may nest (400 beyond); the default stays well below what the engine can take. */
  nesting: NestingLimits;
}

export const DEFAULT_LIMITS: EndpointLimits = {
  timeoutMs: 10_000,
  maxQueryBytes: 64 * 1024,
  maxResultBytes: 16 * 1024 * 1024,
  workers: 4,
  queue: 32,
  queryMemoryBytes: 256 * 1024 * 1024,
  nesting: NESTING_LIMITS,
};

async function readBody(req: http.IncomingMessage, limit: number): Promise<string | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A Host header that is a host name, an IPv4 address or a bracketed IPv6 address, with an optional port. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The endpoint's own URL: from the Host header when it is a well-formed host, else from the address the request came in on. */
function endpointUrl(req: http.IncomingMessage, endpointPath: string): string {
  const host = req.headers.host;
  if (host !== undefined && HOST.test(host)) return `http://${host}${endpointPath}`;
  const address = req.socket.localAddress ?? '127.0.0.1';
  const port = req.socket.localPort;
  return `http://${address.includes(':') ? `[${address}]` : address}${port !== undefined ? `:${port}` : ''}${endpointPath}`;
}

/** The dataset the endpoint serves: one default graph, named by `graph`, described (VoID) as `dataset`. */
export interface ServedDataset {
  /** The IRI naming the default graph (`<base>graph`). */
  readonly graph: string;
  /** The IRI of the dataset in the VoID description (`<base>dataset`). */
  readonly dataset: string;
  readonly triples: number;
  /** Where this server serves the VoID description, as paths (`/dataset`, `/void.ttl`). */
  readonly voidPaths: readonly string[];
}

/** A request read by the protocol's rules, or why it is refused. */
interface ProtocolRequest {
  readonly query: string | null;
  readonly update: boolean;
  readonly defaultGraphs: readonly string[];
  readonly namedGraphs: readonly string[];
  readonly formats: readonly string[];
}
interface Refusal {
  readonly status: number;
  readonly message: string;
}

/** The parameters of a request: the URL's, and a form body's (whose parameters come after the URL's). */
function parametersOf(url: URL, form: URLSearchParams | undefined, name: string): string[] {
  return [...url.searchParams.getAll(name), ...(form?.getAll(name) ?? [])];
}

/**
 * Reads the query, the dataset and the format parameters. One query, given once: a second `query=`, or a query both in
 * the URL and in the body, is refused (400). The dataset and format parameters may be in the URL (GET, and POST with the
 * query as the body, as the protocol says) or in a form body.
 */
async function readRequest(req: http.IncomingMessage, url: URL, limits: EndpointLimits): Promise<ProtocolRequest | Refusal> {
  let form: URLSearchParams | undefined;
  let bodyQuery: string | undefined;
  let bodyUpdate = false;
  if (req.method === 'POST') {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const body = await readBody(req, limits.maxQueryBytes + 1024);
    if (body === 'too-large') return { status: 413, message: `the request body is larger than ${limits.maxQueryBytes} bytes` };
    if (type === 'application/x-www-form-urlencoded') {
      try {
        if (/%(?![0-9a-fA-F]{2})/.test(body)) throw new Error('bad percent-encoding');
        form = new URLSearchParams(body);
      } catch {
        return { status: 400, message: 'malformed form body: expected application/x-www-form-urlencoded with query=…' };
      }
    } else if (type === 'application/sparql-query') {
      bodyQuery = body;
    } else if (type === 'application/sparql-update') {
      bodyUpdate = true;
    } else {
      return { status: 415, message: `unsupported content type "${type || '(none)'}"; expected application/x-www-form-urlencoded or application/sparql-query` };
    }
  }
  const update = bodyUpdate || parametersOf(url, form, 'update').length > 0;
  const inUrl = url.searchParams.getAll('query');
  const inForm = form?.getAll('query') ?? [];
  if (!update) {
    if ((inUrl.length > 0 && (inForm.length > 0 || bodyQuery !== undefined)) || (inForm.length > 0 && bodyQuery !== undefined)) {
      return { status: 400, message: 'the query is given both in the URL and in the request body; give it once' };
    }
    const given = bodyQuery !== undefined ? [bodyQuery] : [...inUrl, ...inForm];
    if (given.length > 1) return { status: 400, message: `the query parameter is given ${given.length} times; give one query` };
  }
  const query = bodyQuery ?? inUrl[0] ?? inForm[0] ?? null;
  return {
    query,
    update,
    defaultGraphs: parametersOf(url, form, 'default-graph-uri'),
    namedGraphs: parametersOf(url, form, 'named-graph-uri'),
    formats: FORMAT_PARAMETERS.flatMap((name) => parametersOf(url, form, name)),
  };
}

/**
 * The dataset a request names, against the one served: `default-graph-uri` may name the default graph (`<base>graph`)
 * or the dataset (`<base>dataset`), any number of times, and the query then runs on that graph whatever its FROM says
 * (the protocol's dataset overrides the query's); any other IRI is refused, as is any `named-graph-uri` (there are no
 * named graphs). Without either, the query's own FROM/FROM NAMED apply, as the store holds them (no named graph exists).
 */
export function checkDataset(defaultGraphs: readonly string[], namedGraphs: readonly string[], served: Pick<ServedDataset, 'graph' | 'dataset'>): Refusal | { defaultGraphOnly: boolean } {
  const named = [served.graph, served.dataset];
  for (const iri of defaultGraphs) {
    if (!named.includes(iri)) {
      return { status: 400, message: `default-graph-uri ${JSON.stringify(iri)} is not served here: this endpoint serves one default graph, <${served.graph}> (of the dataset <${served.dataset}>); give one of those IRIs or leave default-graph-uri out` };
    }
  }
  const [first] = namedGraphs;
  if (first !== undefined) {
    return { status: 400, message: `named-graph-uri ${JSON.stringify(first)} is not served here: this endpoint has no named graphs, only the default graph <${served.graph}>; leave named-graph-uri out` };
  }
  return { defaultGraphOnly: defaultGraphs.length > 0 };
}

/** The /sparql route, answering from `pool`; `served` is the dataset it serves, for the dataset parameters and the service description. */
export function sparqlRoute(pool: QueryPool, limits: EndpointLimits, served: ServedDataset, endpointPath = '/sparql'): Route {
  const descriptionTypes: readonly DocumentType[] = ['text/turtle', 'text/html', ...DOCUMENT_FORMATS.slice(1).map((f) => f.type)];
  return {
    name: 'sparql',
    matches: (method, pathname) => pathname === endpointPath && (method === 'GET' || method === 'POST' || method === 'HEAD'),
    async handle(ctx: RouteContext) {
      const { req, res, url } = ctx;
      // The time limit counts from here: reading the body and waiting for a query thread are part of it.
      const arrived = performance.now();
      const request = await readRequest(req, url, limits);
      if ('status' in request) return sendError(res, request.status, request.message);
      if (request.update) return sendError(res, 403, 'this endpoint is read-only: SPARQL updates are refused');
      const dataset = checkDataset(request.defaultGraphs, request.namedGraphs, served);
      if ('status' in dataset) return sendError(res, dataset.status, dataset.message);
      const { query } = request;
      if (query === null) {
        const type = chooseDocumentType(req.headers.accept, request.formats, descriptionTypes);
        if (type === undefined) return sendError(res, 406, `no acceptable format for the service description; offered: ${descriptionTypes.join(', ')}`);
        const here = endpointUrl(req, endpointPath);
        const origin = here.slice(0, -endpointPath.length);
        const document = serviceDescription({
          endpoint: here,
          resultTypes: [...RESULT_TYPES, ...GRAPH_TYPES],
          dataset: served.dataset,
          graph: served.graph,
          triples: served.triples,
          voidDocuments: served.voidPaths.map((p) => `${origin}${p}`),
        });
        if (type === 'text/html') return sendQueryPage(ctx, turtleOf(document.quads, document.prefixes));
        return send(res, 200, contentType(type), await serializeDocument(document, type));
      }
      if (Buffer.byteLength(query) > limits.maxQueryBytes) return sendError(res, 413, `the query is larger than ${limits.maxQueryBytes} bytes`);
      // Deep nesting is refused before the query takes a thread (the thread parses it and checks the rest).
      try {
        checkBrackets(query, 'query', limits.nesting);
      } catch (error) {
        return sendError(res, 400, isUserError(error) ? error.message : String(error));
      }
      if (req.socket.destroyed) return;
      const gone = new AbortController();
      const onClose = () => {
        if (!res.writableFinished) gone.abort();
      };
      res.once('close', onClose);
      const outcome = await pool.run({ query, accept: req.headers.accept, formats: request.formats, defaultGraphOnly: dataset.defaultGraphOnly }, { arrived, timeoutMs: limits.timeoutMs, signal: gone.signal });
      res.off('close', onClose);
      if (outcome.status === CLIENT_GONE) return;
      if ('body' in outcome) {
        const { mediaType, body, etag } = outcome;
        const charset = mediaType.startsWith('text/') || mediaType.includes('json') || mediaType.includes('xml') ? '; charset=utf-8' : '';
        return send(res, 200, `${mediaType}${charset}`, body, { etag });
      }
      sendError(res, outcome.status, outcome.message, { ...outcome.headers });
    },
  };
}
