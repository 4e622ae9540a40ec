// The one RDF import hub: the DataFactory and the RDF/JS types come from here, so the factory can be swapped in one file.
import { DataFactory } from 'n3';
import type * as RDF from '@rdfjs/types';

export type { Quad, NamedNode, Literal, BlankNode, Term, Quad_Subject, Quad_Predicate, Quad_Object, DatasetCore } from '@rdfjs/types';

/** Creates an IRI term. Only src/iri.ts and src/vocab.ts should call this with computed strings. */
export const namedNode: <I extends string = string>(value: I) => RDF.NamedNode<I> = DataFactory.namedNode;

/** Creates a literal. Mappers use src/literals.ts instead, which checks lexical forms. */
export const literal: (value: string, languageOrDatatype?: string | RDF.NamedNode) => RDF.Literal = DataFactory.literal;

/** The default graph: filmkg's graphs are triples, every quad is in the default graph. */
export const defaultGraph: () => RDF.DefaultGraph = DataFactory.defaultGraph;

/** Creates a triple (a quad in the default graph). */
export function triple(subject: RDF.Quad_Subject, predicate: RDF.Quad_Predicate, object: RDF.Quad_Object): RDF.Quad {
  return DataFactory.quad(subject, predicate, object, DataFactory.defaultGraph());
}

/** The factory itself, for libraries that take an RDF/JS DataFactory (parsers, jsonld). */
export const dataFactory: RDF.DataFactory = DataFactory;
