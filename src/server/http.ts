// The HTTP server of `filmkg serve`: a registry of routes, CORS on every answer, clear JSON-free text errors.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

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
  'access-control-allow-headers': 'Content-Type, Accept',
  'access-control-max-age': '86400',
} as const;

/**
 * The policy sent with every HTML answer: the pages carry the same one in a <meta> element, but an entity page built
 * from someone else's graph (`serve --graph`) must not depend on that. No scripts, no network, inline styles only.
 */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Sends `body` (text or bytes) with a status and content type (and CORS headers). A HEAD request gets the same headers,
 * Content-Length included, and no body (Node drops it).
 */
export function send(res: http.ServerResponse, status: number, contentType: string, body: string | Uint8Array, extra: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const length = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
  const html = /^text\/html\b/i.test(contentType) ? { 'content-security-policy': HTML_CSP } : {};
  res.writeHead(status, { ...CORS_HEADERS, 'content-type': contentType, 'content-length': String(length), vary: 'Accept', 'x-content-type-options': 'nosniff', ...html, ...extra });
  res.end(body);
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
