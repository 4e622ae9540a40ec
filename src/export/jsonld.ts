// JSON-LD writer: the whole graph via jsonld.fromRDF (from RDF/JS quads, which is fast) compacted with the generated context; deterministic.
import jsonld from 'jsonld';
import { sortQuads } from '../graph.js';
import type { Quad } from '../rdf.js';
import { graphContext } from './context.js';

/** The compacted JSON-LD document of `quads`, with the context inlined so the file stands alone. */
export async function toJsonLdDocument(quads: readonly Quad[]): Promise<Record<string, unknown>> {
  // Sorted input gives sorted arrays of values; jsonld itself orders nodes by @id and keys by name.
  const dataset = sortQuads(quads) as unknown as Parameters<typeof jsonld.fromRDF>[0];
  const expanded: jsonld.JsonLdDocument = await jsonld.fromRDF(dataset, { useNativeTypes: false });
  const context = graphContext();
  // fromRDF already gives expanded JSON-LD: skipping compaction's own expansion halves its time, same output.
  const compacted: jsonld.NodeObject = await jsonld.compact(expanded, context as jsonld.ContextDefinition, { skipExpansion: true });
  return compacted as Record<string, unknown>;
}

/** The JSON-LD text: two-space indented, final newline. */
export async function toJsonLd(quads: readonly Quad[]): Promise<string> {
  return `${JSON.stringify(await toJsonLdDocument(quads), null, 2)}\n`;
}
