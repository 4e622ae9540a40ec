// The SPARQL 1.1 Protocol endpoint (/sparql): query via GET, POST form or POST sparql-query; content negotiation; read-only;
// a time limit, a query-size limit and a result-size limit; a service description when asked without a query.
import type http from 'node:http';
import { isUserError } from '../errors.js';
import { checkQuery, type QueryForm } from '../sparql/check.js';
import type { ResultMediaType } from '../store/oxigraph.js';
import { send, sendError, type Route, type RouteContext } from './http.js';
import type { QueryRunner } from './query-runner.js';
import { serviceDescription } from './service-description.js';
import { negotiate as negotiateMediaType } from './negotiate.js';

/** Limits of the endpoint. */
export interface EndpointLimits {
  /** Longest a query may run, in milliseconds. */
  timeoutMs: number;
  /** Largest query text accepted, in bytes (413 beyond). */
  maxQueryBytes: number;
  /** Largest result served, in bytes. */
  maxResultBytes: number;
}

export const DEFAULT_LIMITS: EndpointLimits = { timeoutMs: 10_000, maxQueryBytes: 64 * 1024, maxResultBytes: 16 * 1024 * 1024 };

const RESULT_TYPES: readonly ResultMediaType[] = ['application/sparql-results+json', 'application/sparql-results+xml', 'text/csv', 'text/tab-separated-values'];
const GRAPH_TYPES: readonly ResultMediaType[] = ['text/turtle', 'application/n-triples'];
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

/** The /sparql route, answering from `runner`. */
export function sparqlRoute(runner: QueryRunner, limits: EndpointLimits = DEFAULT_LIMITS, endpointPath = '/sparql'): Route {
  return {
    name: 'sparql',
    matches: (method, pathname) => pathname === endpointPath && (method === 'GET' || method === 'POST' || method === 'HEAD'),
    async handle({ req, res, url }: RouteContext) {
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
      if (update !== null) return sendError(res, 403, 'this endpoint is read-only: SPARQL updates are refused');
      if (query === null) {
        const base = `http://${req.headers.host ?? '127.0.0.1'}`;
        return send(res, 200, 'text/turtle; charset=utf-8', serviceDescription(`${base}${endpointPath}`));
      }
      if (Buffer.byteLength(query) > limits.maxQueryBytes) return sendError(res, 413, `the query is larger than ${limits.maxQueryBytes} bytes`);
      let form: QueryForm;
      try {
        form = checkQuery(query).form;
      } catch (error) {
        const message = isUserError(error) ? error.message : String(error);
        return sendError(res, /read-only/.test(message) ? 403 : 400, message);
      }
      const offered = form === 'CONSTRUCT' || form === 'DESCRIBE' ? GRAPH_TYPES : RESULT_TYPES;
      const asked = url.searchParams.get('format');
      const mediaType = (asked ? FORMAT_ALIASES[asked.toLowerCase()] ?? (offered.includes(asked as ResultMediaType) ? asked : undefined) : negotiate(req.headers.accept, offered)) as ResultMediaType | undefined;
      if (!mediaType || !offered.includes(mediaType)) {
        return sendError(res, 406, `no acceptable result format for a ${form} query; offered: ${offered.join(', ')}`);
      }
      let body: string;
      try {
        body = await runner.run(query, mediaType, limits.timeoutMs);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return sendError(res, isUserError(error) && error.code === 'ENDPOINT' ? 503 : 400, message);
      }
      if (Buffer.byteLength(body) > limits.maxResultBytes) {
        return sendError(res, 413, `the result is larger than the ${limits.maxResultBytes}-byte limit; narrow the query or add LIMIT`);
      }
      const charset = mediaType.startsWith('text/') || mediaType.includes('json') || mediaType.includes('xml') ? '; charset=utf-8' : '';
      send(res, 200, `${mediaType}${charset}`, req.method === 'HEAD' ? '' : body);
    },
  };
}
