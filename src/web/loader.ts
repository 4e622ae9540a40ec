// An offline jsonld.js document loader: the official schema.org context from vendor/schemaorg/, and nothing else.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import { VENDOR_DIR } from '../paths.js';

/** The vendored schema.org context (release 29.0; vendor/schemaorg/SOURCE.md). */
export const SCHEMAORG_CONTEXT_FILE = path.join(VENDOR_DIR, 'schemaorg', 'schemaorgcontext.jsonld');

/** The URLs under which schema.org publishes its context; all are answered with the vendored file. */
export const SCHEMAORG_CONTEXT_URLS: readonly string[] = [
  'https://schema.org',
  'https://schema.org/',
  'http://schema.org',
  'http://schema.org/',
  'https://schema.org/docs/jsonldcontext.jsonld',
  'http://schema.org/docs/jsonldcontext.jsonld',
  'https://schema.org/docs/jsonldcontext.json',
  'http://schema.org/docs/jsonldcontext.json',
];

/** What a jsonld.js document loader resolves to. */
export interface RemoteDocument {
  contextUrl: string | undefined;
  documentUrl: string;
  document: unknown;
}

let cached: unknown;

/** The parsed vendored context document (`{"@context": {…}}`), read once. */
export function schemaOrgContextDocument(): unknown {
  if (cached === undefined) cached = JSON.parse(readFileSync(SCHEMAORG_CONTEXT_FILE, 'utf8')) as unknown;
  return cached;
}

/**
 * A documentLoader for jsonld.js that serves schema.org's context from the vendored copy and refuses
 * every other URL with a FilmkgError (code IO) naming it, so no test or command reaches the network.
 */
export async function offlineDocumentLoader(url: string): Promise<RemoteDocument> {
  if (SCHEMAORG_CONTEXT_URLS.includes(url)) {
    return { contextUrl: undefined, documentUrl: 'https://schema.org/docs/jsonldcontext.jsonld', document: schemaOrgContextDocument() };
  }
  throw new FilmkgError('IO', 'the offline JSON-LD document loader refuses to fetch this URL', {
    place: { path: '@context' },
    expected: `one of ${SCHEMAORG_CONTEXT_URLS.join(', ')} (served from vendor/schemaorg/schemaorgcontext.jsonld)`,
    found: url,
  });
}

/** The `@type` coercion the official context gives a schema.org term (`@id`, `Date`, …), if any. */
export function schemaOrgCoercion(term: string): string | undefined {
  const doc = schemaOrgContextDocument() as { '@context': Record<string, unknown> };
  const def = doc['@context'][term];
  if (def && typeof def === 'object' && '@type' in def) return String((def as Record<string, unknown>)['@type']);
  return undefined;
}
