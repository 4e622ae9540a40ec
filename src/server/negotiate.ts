// HTTP content negotiation shared by the SPARQL endpoint and the pages, through `negotiator` (the negotiation of
// Express and Koa): picks the offered media type, or the content coding, a client prefers.
import Negotiator from 'negotiator';

/**
 * The offered type the client prefers (RFC 9110 §12.5.1, by negotiator): each type takes the q-value of the most
 * specific range that matches it (`text/turtle;q=0, *\/*` refuses Turtle); q=0 refuses; on equal q the more specific
 * range, then the earlier range in the header, then the earlier offered type wins. No or an empty Accept: the first offered.
 */
export function negotiate(accept: string | undefined, offered: readonly string[]): string | undefined {
  if (accept === undefined || accept.trim() === '') return offered[0];
  return new Negotiator({ headers: { accept } }).mediaType([...offered]);
}

/**
 * Like negotiate, but only ranges that name a type (`text/turtle`, `text/*`) count, not `*\/*`: undefined when the
 * header names nothing offered, or names only `*\/*` (then a `format=` parameter decides).
 */
export function negotiateNamed(accept: string | undefined, offered: readonly string[]): string | undefined {
  if (accept === undefined) return undefined;
  const named = accept.split(',').filter((range) => !/^\s*\*\/\*\s*(?:;|$)/.test(range));
  if (named.length === 0 || named.every((r) => r.trim() === '')) return undefined;
  return new Negotiator({ headers: { accept: named.join(',') } }).mediaType([...offered]);
}

/** True when `acceptEncoding` allows `coding` (`gzip`): named, or by `*`, with q > 0. No header: identity only. */
export function acceptsEncoding(acceptEncoding: string | undefined, coding: string): boolean {
  if (acceptEncoding === undefined || acceptEncoding.trim() === '') return false;
  return new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encodings([coding]).includes(coding);
}
