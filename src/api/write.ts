// The writers for library users: a graph (quads or a dataset) → Turtle, N-Triples, N-Quads, RDF/XML or JSON-LD text, deterministic.
import { FilmkgError } from '../errors.js';
import { toJsonLd } from '../export/jsonld.js';
import { toNQuads } from '../export/nquads.js';
import { toNTriples } from '../export/ntriples.js';
import { toRdfXml } from '../export/rdfxml.js';
import { toTurtle } from '../export/turtle.js';
import type { Quad } from '../rdf.js';

/** The syntaxes {@link serialize} writes. */
export type GraphFormat = 'turtle' | 'ntriples' | 'nquads' | 'rdfxml' | 'jsonld';

/** Every {@link GraphFormat}, for option lists. */
export const GRAPH_FORMATS: readonly GraphFormat[] = ['turtle', 'ntriples', 'nquads', 'rdfxml', 'jsonld'];

/**
 * Writes a graph as `format`, byte for byte what `filmkg build` and `filmkg export` write for the same quads: Turtle with
 * the vocabulary's prefixes, sorted N-Triples, sorted N-Quads (graph names kept), RDF/XML (oxigraph's serializer), or
 * JSON-LD compacted with filmkg's context. The same quads give the same text whatever their order. An unknown format is
 * an `UNKNOWN_FORMAT` error.
 */
export async function serialize(graph: Iterable<Quad>, format: GraphFormat): Promise<string> {
  const quads = [...graph];
  switch (format) {
    case 'turtle':
      return toTurtle(quads);
    case 'ntriples':
      return toNTriples(quads);
    case 'nquads':
      return toNQuads(quads);
    case 'rdfxml':
      return toRdfXml(quads);
    case 'jsonld':
      return toJsonLd(quads);
    default:
      throw new FilmkgError('UNKNOWN_FORMAT', 'unknown graph format', { expected: `one of ${GRAPH_FORMATS.join(', ')}`, found: String(format) });
  }
}

export { toJsonLd, toNQuads, toNTriples, toRdfXml, toTurtle };
