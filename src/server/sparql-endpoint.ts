// The SPARQL 1.1 Protocol endpoint (/sparql): query via GET, POST form or POST sparql-query; content negotiation; read-only;
// limits on time (from the request's arrival), query size and nesting, result size and memory; a service description when
// asked without a query. Queries run in the query pool (src/server/query-pool.ts); a client that hangs up cancels its query.
import type http from 'node:http';
import { performance } from 'node:perf_hooks';
import { isUserError } from '../errors.js';
import { checkBrackets } from '../sparql/check.js';
import { NESTING_LIMITS, type NestingLimits } from '../sparql/limits.js';
import { send, sendError, type Route, type RouteContext } from './http.js';
import { CLIENT_GONE, type QueryPool } from './query-pool.js';
import { prefersHtml, sendQueryPage } from './query-page.js';
import { negotiate } from './result-types.js';
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

/** The /sparql route, answering from `pool`. */
export function sparqlRoute(pool: QueryPool, limits: EndpointLimits = DEFAULT_LIMITS, endpointPath = '/sparql'): Route {
  return {
    name: 'sparql',
    matches: (method, pathname) => pathname === endpointPath && (method === 'GET' || method === 'POST' || method === 'HEAD'),
    async handle({ req, res, url }: RouteContext) {
      // The time limit counts from here: reading the body and waiting for a query thread are part of it.
      const arrived = performance.now();
      let query: string | null = null;
      let update: string | null = null;
      if (req.method === 'POST') {
        const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const body = await readBody(req, limits.maxQueryBytes + 1024);
        if (body === 'too-large') return sendError(res, 413, `the request body is larger than ${limits.maxQueryBytes} bytes`);
        if (type === 'application/x-www-form-urlencoded') {
          let form: URLSearchParams;
          try {
            if (/%(?![0-9a-fA-F]{2})/.test(body)) throw new Error('bad percent-encoding');
            form = new URLSearchParams(body);
          } catch {
            return sendError(res, 400, 'malformed form body: expected application/x-www-form-urlencoded with query=…');
          }
          query = form.get('query');
          update = form.get('update');
        } else if (type === 'application/sparql-query') {
          query = body;
        } else if (type === 'application/sparql-update') {
          update = body;
        } else {
          return sendError(res, 415, `unsupported content type "${type || '(none)'}"; expected application/x-www-form-urlencoded or application/sparql-query`);
        }
      } else {
        query = url.searchParams.get('query');
        update = url.searchParams.get('update');
      }
      // A browser (a client preferring HTML to every result type) gets the query page; other clients, the endpoint.
      if (req.method !== 'POST' && update === null && url.searchParams.get('format') === null && prefersHtml(req.headers.accept)) return sendQueryPage(res, query);
      if (update !== null) return sendError(res, 403, 'this endpoint is read-only: SPARQL updates are refused');
      if (query === null) return send(res, 200, 'text/turtle; charset=utf-8', serviceDescription(endpointUrl(req, endpointPath)));
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
      const outcome = await pool.run({ query, accept: req.headers.accept, format: url.searchParams.get('format') }, { arrived, timeoutMs: limits.timeoutMs, signal: gone.signal });
      res.off('close', onClose);
      if (outcome.status === CLIENT_GONE) return;
      if ('body' in outcome) {
        const { mediaType, body } = outcome;
        const charset = mediaType.startsWith('text/') || mediaType.includes('json') || mediaType.includes('xml') ? '; charset=utf-8' : '';
        return send(res, 200, `${mediaType}${charset}`, body);
      }
      sendError(res, outcome.status, outcome.message, { ...outcome.headers });
    },
  };
}
