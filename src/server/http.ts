// The HTTP server of `filmkg serve`: a registry of routes, one send path (CORS, ETag and 304, gzip, Vary) for every
// answer, clear JSON-free text errors.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { entityTag, gzipTag, noneMatch } from './etag.js';
import { acceptsEncoding } from './negotiate.js';

const gzip = promisify(zlib.gzip);

/** What a route handler gets: the request, its parsed URL and a reply helper. */
export interface RouteContext {
  readonly req: http.IncomingMessage;
  readonly res: http.ServerResponse;
  readonly url: URL;
}

/** A route: which requests it takes and how it answers. Routes are tried in order; the first match answers. */
export interface Route {
  readonly name: string;
  matches(method: string, pathname: string): boolean;
  handle(ctx: RouteContext): Promise<void> | void;
}

/** Headers every answer carries, so that browser clients on other origins can query. */
export const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Content-Type, Accept, If-None-Match',
  'access-control-expose-headers': 'ETag, Content-Location, Link, Retry-After',
  'access-control-max-age': '86400',
} as const;

/**
 * The policy sent with every HTML answer: the pages carry the same one in a <meta> element, but an entity page built
 * from someone else's graph (`serve --graph`) must not depend on that. No scripts, no network, inline styles only.
 */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Bodies smaller than this are sent as they are: gzip saves little on them and costs a round of work. */
export const GZIP_MIN_BYTES = 1024;
/** Media types worth compressing: text, JSON, XML, RDF syntaxes. */
const COMPRESSIBLE = /^(?:text\/|application\/(?:[\w.+-]*\+)?(?:json|xml)\b|application\/(?:n-triples|n-quads|trig|javascript)\b)/i;
/** Compressed bodies kept by entity tag (the graph files, pages and repeated results are compressed once). */
const gzipCache = new Map<string, Buffer>();
const GZIP_CACHE_BYTES = 32 * 1024 * 1024;
let gzipCacheSize = 0;

function remember(tag: string, body: Buffer): void {
  if (body.byteLength > GZIP_CACHE_BYTES / 8) return;
  gzipCache.set(tag, body);
  gzipCacheSize += body.byteLength;
  for (const [key, value] of gzipCache) {
    if (gzipCacheSize <= GZIP_CACHE_BYTES) break;
    gzipCache.delete(key);
    gzipCacheSize -= value.byteLength;
  }
}

async function gzipped(tag: string, body: Buffer): Promise<Buffer> {
  const cached = gzipCache.get(tag);
  if (cached) {
    // Most recently used last.
    gzipCache.delete(tag);
    gzipCache.set(tag, cached);
    return cached;
  }
  // On libuv's thread pool, not the server's thread.
  const out = await gzip(body);
  remember(tag, out);
  return out;
}

/**
 * Large texts sent again and again (the graph files, pages: routes keep them as strings) with their bytes and tag, so
 * that a repeat, a 304 above all, neither encodes nor hashes them again. A Map keyed by the string: V8 keeps a string's
 * hash in the string, and the same string object compares equal at once.
 */
const encodedTexts = new Map<string, { bytes: Buffer; tag: string; type: string }>();
const ENCODED_TEXT_MIN_BYTES = 64 * 1024;
const ENCODED_TEXTS = 16;

function rememberText(text: string, entry: { bytes: Buffer; tag: string; type: string }): void {
  encodedTexts.set(text, entry);
  if (encodedTexts.size > ENCODED_TEXTS) encodedTexts.delete(encodedTexts.keys().next().value as string);
}

/**
 * Sends `body` (text or bytes) with a status and content type (and CORS headers); the one send path of every route.
 * A 200 answer to GET or HEAD carries an ETag (`extra.etag` when the caller has one, else a hash of the bytes) and gets
 * 304 without a body when If-None-Match names it; a compressible body of GZIP_MIN_BYTES or more is gzip-encoded when
 * Accept-Encoding allows it. Every answer varies by Accept and Accept-Encoding. A HEAD request gets the same headers,
 * Content-Length included, and no body (Node drops it).
 */
export function send(res: http.ServerResponse, status: number, contentType: string, body: string | Uint8Array, extra: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const known = typeof body === 'string' ? encodedTexts.get(body) : undefined;
  const bytes = known?.bytes ?? (typeof body === 'string' ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength));
  const html: Record<string, string> = /^text\/html\b/i.test(contentType) ? { 'content-security-policy': HTML_CSP } : {};
  const { etag: givenTag, ...rest } = extra;
  const headers: Record<string, string> = { ...CORS_HEADERS, 'content-type': contentType, vary: 'Accept, Accept-Encoding', 'x-content-type-options': 'nosniff', ...html, ...rest };
  const method = res.req?.method ?? 'GET';
  if (status !== 200 || (method !== 'GET' && method !== 'HEAD')) return finish(res, status, headers, bytes);
  const tag = givenTag ?? (known?.type === contentType ? known.tag : entityTag(bytes, contentType));
  if (typeof body === 'string' && !known && bytes.byteLength >= ENCODED_TEXT_MIN_BYTES) rememberText(body, { bytes, tag, type: contentType });
  const compress = bytes.byteLength >= GZIP_MIN_BYTES && COMPRESSIBLE.test(contentType) && acceptsEncoding(res.req?.headers['accept-encoding'], 'gzip');
  if (noneMatch(res.req?.headers['if-none-match'], tag)) {
    const { 'content-type': _type, ...kept } = headers;
    res.writeHead(304, { ...kept, etag: compress ? gzipTag(tag) : tag });
    res.end();
    return;
  }
  if (!compress) return finish(res, status, { ...headers, etag: tag }, bytes);
  gzipped(tag, bytes).then(
    (packed) => finish(res, status, { ...headers, etag: gzipTag(tag), 'content-encoding': 'gzip' }, packed),
    () => finish(res, status, { ...headers, etag: tag }, bytes),
  );
}

function finish(res: http.ServerResponse, status: number, headers: Record<string, string>, bytes: Buffer): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, 'content-length': String(bytes.byteLength) });
  res.end(bytes);
}

/** Sends a plain-text error: one line saying what was wrong and what is expected. */
export function sendError(res: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  send(res, status, 'text/plain; charset=utf-8', `${message}\n`, extra);
}

/** A running server and how to stop it. */
export interface RunningServer {
  readonly url: string;
  readonly server: http.Server;
  close(): Promise<void>;
}

/** Starts an HTTP server on `host:port` (port 0: a free one) answering with `routes`. */
export async function startServer(routes: readonly Route[], options: { host?: string; port?: number; onClose?: () => Promise<void> } = {}): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendError(res, 400, 'malformed request URL');
      return;
    }
    // The methods some route takes at this path: none means nothing is here, for OPTIONS too.
    const allowed = ['GET', 'HEAD', 'POST'].filter((m) => routes.some((r) => r.matches(m, url.pathname)));
    if (method === 'OPTIONS') {
      if (allowed.length === 0) return sendError(res, 404, `nothing at ${url.pathname}; the SPARQL endpoint is /sparql`);
      const methods = [...allowed, 'OPTIONS'].join(', ');
      res.writeHead(204, { ...CORS_HEADERS, 'access-control-allow-methods': methods, allow: methods });
      res.end();
      return;
    }
    const route = routes.find((r) => r.matches(method, url.pathname));
    if (!route) {
      const methods = [...allowed, 'OPTIONS'].join(', ');
      if (allowed.length > 0) sendError(res, 405, `method ${method} not allowed here; use ${allowed.join(' or ')}`, { allow: methods });
      else sendError(res, 404, `nothing at ${url.pathname}; the SPARQL endpoint is /sparql`);
      return;
    }
    Promise.resolve(route.handle({ req, res, url })).catch((error: unknown) => {
      sendError(res, 500, `internal error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.keepAliveTimeout = 5000;
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await options.onClose?.();
    },
  };
}
