// RDF helpers shared by the embed, page and browser tests: the embed's triples under the official (vendored) schema.org
// context, and a triple key that compares IRIs, literals with datatype/language, and marks blank nodes.
import jsonld from 'jsonld';
import type { Quad } from '../../src/rdf.js';
import { offlineDocumentLoader } from '../../src/web/loader.js';

/** A comparable key for a triple; blank nodes are written `_:` so a test can find (and refuse) them. */
export function tripleKey(q: { subject: { termType: string; value: string }; predicate: { value: string }; object: { termType: string; value: string; language?: string; datatype?: { value: string } } }): string {
  const term = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }) =>
    t.termType === 'Literal' ? `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^<${t.datatype?.value ?? ''}>`}` : t.termType === 'BlankNode' ? `_:${t.value}` : `<${t.value}>`;
  return `${term(q.subject)} <${q.predicate.value}> ${term(q.object)}`;
}

/** The triples of a JSON-LD document, interpreted with the vendored schema.org context (never the network). */
export async function jsonLdTriples(doc: unknown): Promise<string[]> {
  const quads = (await jsonld.toRDF(doc as jsonld.JsonLdDocument, { documentLoader: offlineDocumentLoader as never })) as unknown as Quad[];
  return quads.map(tripleKey).sort();
}

/** The keys of a graph's triples. */
export function graphKeys(quads: readonly Quad[]): Set<string> {
  return new Set(quads.map(tripleKey));
}
