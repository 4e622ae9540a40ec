// One dispatch from a graph syntax's name to its writer, shared by the library (`serialize`), `filmkg export`,
// `filmkg query` (graph results) and the server's entity descriptions. The writers load on first use, so a command
// that writes one syntax never loads the others (n3, jsonld.js, oxigraph's serializer).
import type { Quad } from '../rdf.js';

/** The syntaxes a graph is written in. */
export type GraphFormat = 'turtle' | 'ntriples' | 'nquads' | 'rdfxml' | 'jsonld';

/** Every {@link GraphFormat}, for option lists. */
export const GRAPH_FORMATS: readonly GraphFormat[] = ['turtle', 'ntriples', 'nquads', 'rdfxml', 'jsonld'];

/** `quads` as `format`: deterministic text, byte for byte what `filmkg build` writes for the same quads. */
export async function serializeGraph(quads: readonly Quad[], format: GraphFormat): Promise<string> {
  switch (format) {
    case 'turtle':
      return (await import('./turtle.js')).toTurtle(quads);
    case 'ntriples':
      return (await import('./ntriples.js')).toNTriples(quads);
    case 'nquads':
      return (await import('./nquads.js')).toNQuads(quads);
    case 'rdfxml':
      return (await import('./rdfxml.js')).toRdfXml(quads);
    case 'jsonld':
      return (await import('./jsonld.js')).toJsonLd(quads);
  }
}
