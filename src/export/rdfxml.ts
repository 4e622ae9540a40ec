// RDF/XML writer: oxigraph's serializer (the RDF/JS field has no maintained RDF/XML writer besides it). RDF/XML holds
// one graph: the triples of every graph are written, as filmkg's graph is one graph. Pure: quads in, text out.
import oxigraph from 'oxigraph';
import { toNTriples } from './ntriples.js';
import type { Quad } from '../rdf.js';

/**
 * Writes `quads` as RDF/XML (one `rdf:Description` per subject, each property element declaring its namespace, as
 * oxigraph 0.5 writes it: its JS API takes no prefixes). The triples are loaded as sorted N-Triples text into a
 * scratch store and dumped, so the same triples give the same bytes whatever their order.
 */
export function toRdfXml(quads: Iterable<Quad>): string {
  const store = new oxigraph.Store();
  try {
    store.load(toNTriples(quads), { format: 'application/n-triples' });
    return store.dump({ format: 'application/rdf+xml', from_graph_name: oxigraph.defaultGraph() });
  } finally {
    (store as unknown as { free(): void }).free();
  }
}
