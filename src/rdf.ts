// The one RDF import hub: the DataFactory and the RDF/JS types come from here, so the factory can be swapped in one file.
// rdf-data-factory rather than N3's factory: its terms keep value/language/datatype as plain fields, where N3's literals
// re-parse their id on every read and build a new datatype node each time; measured, mapping plus N-Triples writing
// of a large graph is about a quarter faster (bench/build.js). N3 still parses and writes; it accepts any RDF/JS terms.
import { DataFactory as RdfDataFactory } from 'rdf-data-factory';
import type * as RDF from '@rdfjs/types';

export type { Quad, NamedNode, Literal, BlankNode, Term, Quad_Subject, Quad_Predicate, Quad_Object, DatasetCore } from '@rdfjs/types';

const factory = new RdfDataFactory();
const DEFAULT_GRAPH = factory.defaultGraph();

/** Creates an IRI term. Only src/iri.ts and src/vocab.ts should call this with computed strings. */
export function namedNode<I extends string = string>(value: I): RDF.NamedNode<I> {
  return factory.namedNode(value);
}

/** Creates a literal. Mappers use src/literals.ts instead, which checks lexical forms. */
export function literal(value: string, languageOrDatatype?: string | RDF.NamedNode): RDF.Literal {
  return factory.literal(value, languageOrDatatype);
}

/** The default graph: filmkg's graphs are triples, every quad is in the default graph. */
export function defaultGraph(): RDF.DefaultGraph {
  return DEFAULT_GRAPH;
}

/** Creates a triple (a quad in the default graph). */
export function triple(subject: RDF.Quad_Subject, predicate: RDF.Quad_Predicate, object: RDF.Quad_Object): RDF.Quad {
  return factory.quad(subject, predicate, object, DEFAULT_GRAPH);
}

/** The factory itself, for libraries that take an RDF/JS DataFactory (parsers, jsonld). */
export const dataFactory: RDF.DataFactory = factory;
