// Entity tags and conditional requests (RFC 9110 §8.8.3, §13.1.2): a strong tag from the bytes and media type of a
// representation, its gzip variant, and the If-None-Match check. Imported by the query threads too (they tag results).
import { createHash } from 'node:crypto';

/** A strong entity tag of `body` served as `mediaType`: a SHA-1 of both, base64url, quoted. */
export function entityTag(body: Uint8Array, mediaType: string): string {
  return `"${createHash('sha1').update(mediaType).update('\u0000').update(body).digest('base64url')}"`;
}

/** The tag of the same representation sent gzip-encoded (another representation, so another strong tag). */
export function gzipTag(tag: string): string {
  return `${tag.slice(0, -1)}-gzip"`;
}

/**
 * True when an If-None-Match header matches `tag` (weak comparison, RFC 9110 §13.1.2: `W/` ignored; `*` matches any;
 * the gzip variant's tag matches too, so a cache holding either encoding is answered 304).
 */
export function noneMatch(ifNoneMatch: string | undefined, tag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const variants = new Set([tag, gzipTag(tag)]);
  return ifNoneMatch.split(',').some((t) => variants.has(t.trim().replace(/^W\//, '')));
}
