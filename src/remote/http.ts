// HTTP for remote stores: one request with a timeout, optional credentials, retries of transient failures with
// backoff, and FilmkgErrors (code ENDPOINT) that name the method, the URL and the HTTP status.
import { FilmkgError } from '../errors.js';

/** The environment variable holding credentials for remote stores: `user:password` (HTTP Basic) or `Bearer TOKEN`. */
export const AUTH_ENV = 'FILMKG_STORE_AUTH';

/** How remote requests behave. */
export interface RemoteOptions {
  /** The value of FILMKG_STORE_AUTH, if any (never taken from the command line). */
  readonly auth?: string | undefined;
  /** Give up on one attempt after this many milliseconds (default 60 000). */
  readonly timeoutMs?: number;
  /** Attempts after the first one for transient failures (default 4). */
  readonly retries?: number;
  /** First backoff delay; it doubles on every retry (default 250 ms). */
  readonly backoffMs?: number;
  /** Called before each retry (for messages). */
  readonly onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
  /**
   * Retry failures after which the request may still have been applied: no answer in time, a reset connection,
   * 500, 502 and 504 (default true: right for queries, which change nothing). With false they are thrown at once as
   * UnsureRequestError, for a caller that checks what the store did before sending again (a Graph Store upload).
   * 429 and 503 (the store refused the request) are retried either way.
   */
  readonly retryUnsure?: boolean;
}

export const DEFAULT_REMOTE = { timeoutMs: 60_000, retries: 4, backoffMs: 250 } as const;

/** The Authorization header for a FILMKG_STORE_AUTH value: `user:password` → Basic, `Bearer …` as given. */
export function authorization(auth: string | undefined): string | undefined {
  if (auth === undefined || auth === '') return undefined;
  // The value is never echoed: a malformed one may still be a real secret.
  if (/^Bearer\s/.test(auth)) {
    const token = /^Bearer\s+([!-~]+)\s*$/.exec(auth)?.[1];
    if (token === undefined) throw new FilmkgError('USAGE', `${AUTH_ENV} holds a malformed Bearer token`, { expected: '"Bearer TOKEN", the token one run of visible ASCII characters (no spaces or line breaks)' });
    return `Bearer ${token}`;
  }
  if (!auth.includes(':')) {
    throw new FilmkgError('USAGE', `${AUTH_ENV} must be "user:password" or "Bearer TOKEN"`, { expected: 'a colon between user and password' });
  }
  return `Basic ${Buffer.from(auth, 'utf8').toString('base64')}`;
}

/** User information at the start of a URL-like string (`scheme://user:pass@` or a bare `user:pass@host`). */
const USERINFO = /^((?:[A-Za-z][A-Za-z0-9+.-]*:)?\/\/)?[^/?#@]*@/;

/** A URL for messages: without user information, so credentials put in a URL are never echoed (also when it does not parse). */
export function displayUrl(url: string): string {
  let text = url;
  try {
    const u = new URL(url);
    u.username = '';
    u.password = '';
    text = u.toString();
  } catch {
    // not a URL: still strip anything that looks like user information
  }
  return text.replace(USERINFO, '$1');
}

/** True when a URL carries user information (`user:password@`), which fetch refuses and which must not be echoed. */
export function hasCredentials(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return USERINFO.test(url);
  }
}

/** Network error codes worth another attempt. */
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function networkCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e instanceof Error; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'ETIMEDOUT';
    e = e.cause;
  }
  return undefined;
}

/** The innermost cause's message ("fetch failed" says less than its cause, e.g. "bad port"). */
function deepestMessage(error: unknown): string {
  let e: unknown = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  return e instanceof Error ? e.message : String(e);
}

/**
 * True for HTTP statuses worth another attempt: 429, 500, 502, 503 and 504. Not the other 5xx (501 Not
 * Implemented, 505 HTTP Version Not Supported, 511 …) nor any other 4xx: asking again gets the same answer.
 */
export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** Statuses saying the store did not process the request (RFC 9110 §15.6.4, RFC 6585 §4): safe to send again. */
export function isRefusalStatus(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * A request failed in a way that leaves open whether the store applied it (no answer in time, a reset connection, 500,
 * 502 or 504): the caller must check before sending it again. Only thrown with `retryUnsure: false`.
 */
export class UnsureRequestError extends FilmkgError {
  /** What happened, for messages: `no answer within 60000 ms`, `UND_ERR_SOCKET`, `HTTP 504`. */
  readonly reason: string;

  constructor(reason: string, message: string, options: ConstructorParameters<typeof FilmkgError>[2]) {
    super('ENDPOINT', message, options);
    this.reason = reason;
  }
}

/**
 * The wait a Retry-After header asks for, in milliseconds: delta-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`, also the obsolete RFC 850 and asctime forms), 0 for a date already past.
 * Undefined when absent or unreadable.
 */
export function retryAfterMs(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP-dates name their day and month in English and end in GMT (asctime has no zone, and is GMT too).
  if (!/^[A-Za-z]{3,9},? /.test(text)) return undefined;
  const at = Date.parse(/GMT$/i.test(text) ? text : `${text} GMT`);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, at - now);
}

/** The longest wait before one retry (a Retry-After or the doubling backoff), so the total time stays bounded. */
export const MAX_RETRY_DELAY_MS = 30_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A response read whole. */
export interface RemoteResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** The Server header ('' when none): which store answered, for its known rewrites (src/remote/normalise.ts). */
  readonly server?: string;
}

/**
 * Sends one request (`body` is a string, so it can be sent again) and reads the response. Retries
 * network failures (connection reset, timeouts) and 429/500/502/503/504 responses with exponential
 * backoff, or after the wait a Retry-After asks for (delta-seconds or an HTTP-date; a wait longer than
 * MAX_RETRY_DELAY_MS fails at once, saying when to try again). With `retryUnsure: false`, failures after
 * which the store may have applied the request throw UnsureRequestError instead of being retried. Any other
 * non-2xx status, or the last failure, throws FilmkgError ENDPOINT naming the method, URL, status and the
 * start of the response body.
 */
export async function remoteRequest(
  method: string,
  url: string,
  init: { headers?: Record<string, string>; body?: string },
  options: RemoteOptions = {},
): Promise<RemoteResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_REMOTE.timeoutMs;
  const retries = options.retries ?? DEFAULT_REMOTE.retries;
  const backoffMs = options.backoffMs ?? DEFAULT_REMOTE.backoffMs;
  const auth = authorization(options.auth);
  const headers: Record<string, string> = { ...init.headers, ...(auth ? { authorization: auth } : {}) };
  const place = { file: displayUrl(url) };
  const retryUnsure = options.retryUnsure ?? true;
  for (let attempt = 0; ; attempt++) {
    let reason: string;
    let waitMs: number | undefined;
    try {
      // Redirects are not followed: a 301/302 would turn an upload into a GET and send nothing, and a store that moved
      // should be given its new URL.
      const res = await fetch(url, { method, headers, redirect: 'manual', ...(init.body !== undefined ? { body: init.body } : {}), signal: AbortSignal.timeout(timeoutMs) });
      const body = await res.text();
      if (res.ok) return { status: res.status, contentType: res.headers.get('content-type') ?? '', body, server: res.headers.get('server') ?? '' };
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (location !== null) {
        throw new FilmkgError('ENDPOINT', `${method} answered HTTP ${res.status}: the store redirects to ${displayUrl(new URL(location, url).href)}; redirects are not followed`, {
          place,
          expected: 'a 2xx response (give the URL the store redirects to)',
        });
      }
      const excerpt = body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
      const failure = (detail = '') =>
        new FilmkgError('ENDPOINT', `${method} answered HTTP ${res.status} ${res.statusText}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ''}${detail}`, {
          place,
          expected: 'a 2xx response',
          ...(excerpt ? { found: excerpt } : {}),
        });
      if (!isTransientStatus(res.status)) throw failure();
      if (!retryUnsure && !isRefusalStatus(res.status)) {
        throw new UnsureRequestError(`HTTP ${res.status}`, `${method} answered HTTP ${res.status} ${res.statusText}`, { place, expected: 'a 2xx response', ...(excerpt ? { found: excerpt } : {}) });
      }
      if (attempt >= retries) throw failure();
      reason = `HTTP ${res.status}`;
      const header = res.headers.get('retry-after');
      waitMs = retryAfterMs(header);
      if (waitMs !== undefined) {
        reason += ` (Retry-After: ${header})`;
        if (waitMs > MAX_RETRY_DELAY_MS) {
          throw failure(`; it asks to wait ${Math.ceil(waitMs / 1000)} s (Retry-After: ${header}), longer than the ${MAX_RETRY_DELAY_MS / 1000} s this command waits between attempts: try again after ${new Date(Date.now() + waitMs).toISOString()}`);
        }
      }
    } catch (error) {
      if (error instanceof FilmkgError) throw error;
      const code = networkCode(error);
      const transient = code !== undefined && TRANSIENT_CODES.has(code);
      const what = code === 'ETIMEDOUT' ? `no answer within ${timeoutMs} ms` : (code ?? deepestMessage(error));
      if (transient && !retryUnsure) {
        throw new UnsureRequestError(what, `${method} failed: ${what}`, { place, expected: 'a reachable SPARQL / Graph Store endpoint', cause: error });
      }
      if (!transient || attempt >= retries) {
        throw new FilmkgError('ENDPOINT', `${method} failed: ${what}${attempt > 0 ? ` (after ${attempt + 1} attempts)` : ''}`, {
          place,
          expected: 'a reachable SPARQL / Graph Store endpoint',
          cause: error,
        });
      }
      reason = code;
    }
    // A Retry-After is honoured as given (never shortened: one longer than MAX_RETRY_DELAY_MS failed above).
    const delayMs = waitMs ?? Math.min(backoffMs * 2 ** attempt, MAX_RETRY_DELAY_MS);
    options.onRetry?.({ attempt: attempt + 1, delayMs, reason });
    await sleep(delayMs);
  }
}
