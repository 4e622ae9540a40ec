// The base IRI option: its default and its check. A module of its own, free of RDF imports, so that `filmkg build` can
// check its options (and find its output up to date) before loading the pipeline; src/iri.ts re-exports both.
import { FilmkgError } from './errors.js';

/** The default base of the graph's IRIs. */
export const DEFAULT_BASE = 'https://filmkg.example/';

/**
 * Checks a base IRI: absolute http(s), already in normal form (so that the IRIs we write are the
 * ones readers compare), ending in `/` or `#`. Throws a USAGE error naming the option otherwise.
 */
export function checkBase(base: string): string {
  let url: URL | undefined;
  try {
    url = new URL(base);
  } catch {
    url = undefined;
  }
  const ok = url !== undefined && (url.protocol === 'http:' || url.protocol === 'https:') && url.href === base && /[/#]$/.test(base) && url.search === '';
  if (!ok) {
    throw new FilmkgError('USAGE', 'bad base IRI', {
      place: { path: '--base' },
      expected: 'an absolute http(s) IRI in normal form ending in "/" or "#", such as https://filmkg.example/',
      found: base,
    });
  }
  return base;
}

