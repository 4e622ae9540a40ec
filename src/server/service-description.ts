// The SPARQL 1.1 Service Description of the endpoint (served on GET /sparql without a query, negotiated like every
// document of src/server/rdf-documents.ts): the endpoint, the language, each result format served, the default
// dataset with its one default graph, and links to the VoID description of that dataset.
import { namedNode, literal, triple, type NamedNode, type Quad } from '../rdf.js';
import type { RdfDocument } from './rdf-documents.js';

/** Characters an IRI in Turtle (IRIREF) cannot hold. */
const NOT_IN_IRI = /[\u0000-\u0020<>"{}|^`\\]/;

const SD = 'http://www.w3.org/ns/sparql-service-description#';
const FORMATS = 'http://www.w3.org/ns/formats/';
const VOID = 'http://rdfs.org/ns/void#';
const DCTERMS = 'http://purl.org/dc/terms/';
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const RDFS_SEE_ALSO = namedNode('http://www.w3.org/2000/01/rdf-schema#seeAlso');
const XSD_INTEGER = namedNode('http://www.w3.org/2001/XMLSchema#integer');
const sd = (local: string): NamedNode => namedNode(`${SD}${local}`);
const v = (local: string): NamedNode => namedNode(`${VOID}${local}`);

/** The W3C format IRI (https://www.w3.org/ns/formats/) of each result media type the endpoint serves. */
export const RESULT_FORMAT_IRIS: Readonly<Record<string, string>> = {
  'application/sparql-results+json': 'SPARQL_Results_JSON',
  'application/sparql-results+xml': 'SPARQL_Results_XML',
  'text/csv': 'SPARQL_Results_CSV',
  'text/tab-separated-values': 'SPARQL_Results_TSV',
  'text/turtle': 'Turtle',
  'application/n-triples': 'N-Triples',
  'application/rdf+xml': 'RDF_XML',
  'application/ld+json': 'JSON-LD',
};

/** What the description says about the endpoint and its data. */
export interface ServiceFacts {
  /** The endpoint's URL, as the client reached it. */
  readonly endpoint: string;
  /** The media types of results served, in order. */
  readonly resultTypes: readonly string[];
  /** The IRI of the dataset (the VoID description's subject, `<base>dataset`). */
  readonly dataset: string;
  /** The IRI naming the default graph (`<base>graph`). */
  readonly graph: string;
  readonly triples: number;
  /** Where this server serves the VoID description (`http://host/dataset`, `http://host/void.ttl`). */
  readonly voidDocuments: readonly string[];
}

/**
 * The description's triples. No `sd:feature`: none of the SPARQL 1.1 features is true here (the endpoint dereferences
 * no FROM IRIs, its default graph is no union, it needs no dataset, keeps no empty graphs, and oxigraph's JS build has
 * no SERVICE, so no federated query). Throws if the endpoint URL is not an IRI Turtle can hold as it is.
 */
export function serviceDescriptionQuads(facts: ServiceFacts): Quad[] {
  for (const iri of [facts.endpoint, ...facts.voidDocuments]) {
    if (NOT_IN_IRI.test(iri)) throw new Error(`not an IRI for the service description: ${JSON.stringify(iri)}`);
  }
  const service = namedNode(facts.endpoint);
  const dataset = namedNode(facts.dataset);
  const graph = namedNode(facts.graph);
  const out: Quad[] = [
    triple(service, RDF_TYPE, sd('Service')),
    triple(service, namedNode(`${DCTERMS}title`), literal('filmkg SPARQL endpoint (read-only)', 'en')),
    triple(service, sd('endpoint'), service),
    triple(service, sd('supportedLanguage'), sd('SPARQL11Query')),
    ...facts.resultTypes.map((t) => triple(service, sd('resultFormat'), namedNode(`${FORMATS}${RESULT_FORMAT_IRIS[t] ?? t}`))),
    triple(service, sd('defaultEntailmentRegime'), namedNode('http://www.w3.org/ns/entailment/Simple')),
    triple(service, sd('defaultDataset'), dataset),
    triple(dataset, RDF_TYPE, sd('Dataset')),
    triple(dataset, RDF_TYPE, v('Dataset')),
    triple(dataset, sd('defaultGraph'), graph),
    triple(dataset, v('sparqlEndpoint'), service),
    ...facts.voidDocuments.map((d) => triple(dataset, RDFS_SEE_ALSO, namedNode(d))),
    triple(graph, RDF_TYPE, sd('Graph')),
    triple(graph, v('triples'), literal(String(facts.triples), XSD_INTEGER)),
  ];
  return out;
}

/** The description as a document (src/server/rdf-documents.ts). */
export function serviceDescription(facts: ServiceFacts): RdfDocument {
  return {
    quads: serviceDescriptionQuads(facts),
    prefixes: { sd: SD, formats: FORMATS, void: VOID, dcterms: DCTERMS, rdfs: 'http://www.w3.org/2000/01/rdf-schema#', ent: 'http://www.w3.org/ns/entailment/', xsd: 'http://www.w3.org/2001/XMLSchema#' },
  };
}
