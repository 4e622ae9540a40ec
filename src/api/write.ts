// The writers for library users: a graph (quads or a dataset) → Turtle, N-Triples, N-Quads, RDF/XML or JSON-LD text, deterministic.
import { FilmkgError } from '../errors.js';
import { toJsonLd } from '../export/jsonld.js';
import { toNQuads } from '../export/nquads.js';
import { toNTriples } from '../export/ntriples.js';
import { toRdfXml } from '../export/rdfxml.js';
import { toTurtle } from '../export/turtle.js';
import type { Quad } from '../rdf.js';
import { GRAPH_FORMATS, serializeGraph, type GraphFormat } from '../export/serialize.js';

export { GRAPH_FORMATS, type GraphFormat };

/**
 * Writes a graph as `format`, byte for byte what `filmkg build` and `filmkg export` write for the same quads: Turtle with
 * the vocabulary's prefixes, sorted N-Triples, sorted N-Quads (graph names kept), RDF/XML (oxigraph's serializer), or
 * JSON-LD compacted with filmkg's context. The same quads give the same text whatever their order. An unknown format is
 * an `UNKNOWN_FORMAT` error.
 */
export async function serialize(graph: Iterable<Quad>, format: GraphFormat): Promise<string> {
  if (!GRAPH_FORMATS.includes(format)) {
    throw new FilmkgError('UNKNOWN_FORMAT', 'unknown graph format', { expected: `one of ${GRAPH_FORMATS.join(', ')}`, found: String(format) });
  }
  return serializeGraph([...graph], format);
}

export { toJsonLd, toNQuads, toNTriples, toRdfXml, toTurtle };
