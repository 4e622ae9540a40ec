// JSON-LD writer: the whole graph compacted with the generated context; deterministic. The specialised writer
// (jsonld-writer.ts) gives jsonld.js's bytes without loading it; whatever it declines goes through jsonld.js itself
// (fromRDF, from RDF/JS quads, then compact), loaded only then.
import { sortQuads } from '../graph.js';
import type { Quad } from '../rdf.js';
import { graphContext } from './context.js';
import { writeJsonLd } from './jsonld-writer.js';

/** The compacted JSON-LD document of `quads` by jsonld.js itself (what the specialised writer must equal). */
export async function toJsonLdDocumentByJsonLdJs(quads: readonly Quad[]): Promise<Record<string, unknown>> {
  const { default: jsonld } = await import('jsonld');
  // Sorted input gives sorted arrays of values; jsonld itself orders nodes by @id and keys by name.
  const dataset = sortQuads(quads) as unknown as Parameters<typeof jsonld.fromRDF>[0];
  const expanded = await jsonld.fromRDF(dataset, { useNativeTypes: false });
  // fromRDF already gives expanded JSON-LD: skipping compaction's own expansion halves its time, same output.
  const compacted = await jsonld.compact(expanded, graphContext() as Record<string, string>, { skipExpansion: true });
  return compacted as Record<string, unknown>;
}

/** The compacted JSON-LD document of `quads`, with the context inlined so the file stands alone. */
export async function toJsonLdDocument(quads: readonly Quad[]): Promise<Record<string, unknown>> {
  const written = writeJsonLd(sortQuads(quads), graphContext());
  if ('document' in written) return written.document;
  return toJsonLdDocumentByJsonLdJs(quads);
}

/** The JSON-LD text: two-space indented, final newline. */
export async function toJsonLd(quads: readonly Quad[]): Promise<string> {
  return `${JSON.stringify(await toJsonLdDocument(quads), null, 2)}\n`;
}
