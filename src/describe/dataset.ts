// The dataset description (VoID and DCAT), generated from the graph by SPARQL (DESCRIPTION_QUERIES; rows.ts computes the
// same rows in JavaScript for `filmkg build`): what the graph is, where it comes from,
// under which licence, what it counts (triples, entities, classes, properties, with class and property partitions),
// how to get it (distributions, SPARQL endpoint) and which vocabularies it uses. Dates come from the data (the source
// articles' revisions), never the clock, so two builds give the same bytes.
import { Writer } from 'n3';
import { compare, sortQuads } from '../graph.js';
import { integer, dateTime, langString, string } from '../literals.js';
import { namedNode, triple, type NamedNode, type Quad } from '../rdf.js';
import type { SparqlStore, ResultTerm, SelectResult } from '../store/store.js';
import type { DescriptionRows } from './rows.js';
import { NS, compactIri, prefixOf } from '../vocab.js';

/** Namespaces of the description (not of the graph itself, so they live here rather than in src/vocab.ts). */
export const DESCRIPTION_NS = {
  void: 'http://rdfs.org/ns/void#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  formats: 'http://www.w3.org/ns/formats/',
} as const;

/** A file of the build that the description lists as a distribution. */
export interface DistributionFile {
  /** Path relative to the output folder (and to the base, where the files are published). */
  readonly path: string;
  readonly mediaType: string;
  readonly title: string;
}

/** Options of describeDataset. */
export interface DescribeOptions {
  /** The base IRI of the graph (the dataset is `<base>dataset`). */
  readonly base: string;
  readonly files: readonly DistributionFile[];
  /** The SPARQL endpoint's IRI (default `<base>sparql`, where `filmkg serve` answers when published under the base). */
  readonly endpoint?: string;
}

const V = (local: string): NamedNode => namedNode(`${DESCRIPTION_NS.void}${local}`);
const DCAT = (local: string): NamedNode => namedNode(`${DESCRIPTION_NS.dcat}${local}`);
const DCT = (local: string): NamedNode => namedNode(`${DESCRIPTION_NS.dcterms}${local}`);
const RDF_TYPE = namedNode(`${NS.rdf}type`);
const RDFS_LABEL = namedNode(`${NS.rdfs}label`);

/** W3C format IRIs (https://www.w3.org/ns/formats/) of the media types a distribution may have. */
const FORMATS = [
  { mediaType: 'text/turtle', name: 'Turtle' },
  { mediaType: 'application/n-triples', name: 'N-Triples' },
  { mediaType: 'application/ld+json', name: 'JSON-LD' },
] as const;

/** The queries the description is computed from; each is a plain SPARQL 1.1 SELECT over the graph. */
export const DESCRIPTION_QUERIES = {
  counts: `SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties) (COUNT(DISTINCT ?o) AS ?objects) WHERE { ?s ?p ?o }`,
  entities: `SELECT (COUNT(DISTINCT ?s) AS ?entities) (COUNT(DISTINCT ?c) AS ?classes) WHERE { ?s a ?c FILTER(isIRI(?s)) }`,
  classes: `SELECT ?class (COUNT(DISTINCT ?s) AS ?entities) (COUNT(*) AS ?triples) WHERE { ?s a ?class } GROUP BY ?class ORDER BY STR(?class)`,
  properties: `SELECT ?property (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects) WHERE { ?s ?property ?o } GROUP BY ?property ORDER BY STR(?property)`,
  sources: `PREFIX schema: <http://schema.org/>
SELECT ?article ?url ?modified ?licence ?credit ?film ?title WHERE {
  ?article a schema:Article ; schema:url ?url ; schema:license ?licence ;
           schema:creditText ?credit ; schema:about ?film .
  OPTIONAL { ?article schema:dateModified ?modified }
  ?film a schema:Movie ; schema:name ?title .
} ORDER BY STR(?film) STR(?article)`,
} as const;

function rows(result: Awaited<ReturnType<SparqlStore['query']>>): SelectResult['rows'] {
  if (result.kind !== 'select') throw new Error('describeDataset: expected SELECT results');
  return result.rows;
}
function value(term: ResultTerm | undefined, name: string): string {
  if (!term) throw new Error(`describeDataset: unbound ?${name}`);
  return term.value;
}
function count(term: ResultTerm | undefined, name: string): number {
  return Number(value(term, name));
}

/** A readable, stable local name for a partition: the compact IRI (`schema:Movie` → `schema_Movie`). */
function partitionKey(iri: string): string {
  const compact = compactIri(iri);
  return encodeURIComponent(compact.startsWith('<') ? iri : compact.replace(':', '_'));
}

/** The rows of DESCRIPTION_QUERIES, asked of `store`. */
export async function queryRows(store: SparqlStore): Promise<DescriptionRows> {
  const [counts] = rows(await store.query(DESCRIPTION_QUERIES.counts));
  const [entities] = rows(await store.query(DESCRIPTION_QUERIES.entities));
  const classes = rows(await store.query(DESCRIPTION_QUERIES.classes));
  const properties = rows(await store.query(DESCRIPTION_QUERIES.properties));
  const sources = rows(await store.query(DESCRIPTION_QUERIES.sources));
  if (!counts || !entities) throw new Error('describeDataset: the count queries returned no row');
  return { counts, entities, classes, properties, sources };
}

/** The description's quads, computed from `store` by the DESCRIPTION_QUERIES. */
export async function describeDataset(store: SparqlStore, options: DescribeOptions): Promise<Quad[]> {
  return describeRows(await queryRows(store), options);
}

/** The description's quads from the rows of DESCRIPTION_QUERIES (asked of a store, or computed by rowsOf). */
export function describeRows(results: DescriptionRows, options: DescribeOptions): Quad[] {
  const base = options.base;
  const dataset = namedNode(`${base}dataset`);
  const { counts, entities, classes, properties, sources } = results;

  const out: Quad[] = [];
  const add = (s: NamedNode, p: NamedNode, o: Parameters<typeof triple>[2]): void => void out.push(triple(s, p, o));

  const titles = [...new Set(sources.map((r) => value(r.title, 'title')))].sort();
  add(dataset, RDF_TYPE, V('Dataset'));
  add(dataset, RDF_TYPE, DCAT('Dataset'));
  add(dataset, DCT('title'), langString(`filmkg knowledge graph: ${titles.join(', ') || 'no film'}`, 'en'));
  add(dataset, RDFS_LABEL, langString(`filmkg knowledge graph: ${titles.join(', ') || 'no film'}`, 'en'));
  add(
    dataset,
    DCT('description'),
    langString(
      `What the English Wikipedia article${titles.length === 1 ? '' : 's'} of ${titles.join(', ')} state${titles.length === 1 ? 's' : ''} about ` +
        'the film, its people and their roles, organisations, releases and money, reception, accolades, soundtrack and references, ' +
        'as Schema.org and Wikidata-model RDF; every statement is derived (prov:wasDerivedFrom) from the article text it came from.',
      'en',
    ),
  );

  // Sources: the article revisions, their licences and attributions; the latest revision dates the dataset.
  let latest = '';
  for (const r of sources) {
    const article = namedNode(value(r.article, 'article'));
    add(dataset, DCT('source'), namedNode(value(r.url, 'url')));
    add(dataset, namedNode(`${NS.prov}wasDerivedFrom`), article);
    add(dataset, DCT('license'), namedNode(value(r.licence, 'licence')));
    add(dataset, namedNode(`${NS.schema}creditText`), string(value(r.credit, 'credit')));
    add(dataset, V('exampleResource'), namedNode(value(r.film, 'film')));
    // An article with no revision line has no dateModified: it dates nothing.
    const modified = r.modified === undefined ? '' : value(r.modified, 'modified');
    if (modified > latest) latest = modified;
  }
  if (latest) add(dataset, DCT('modified'), dateTime(latest));

  // Counts.
  add(dataset, V('triples'), integer(count(counts.triples, 'triples')));
  add(dataset, V('distinctSubjects'), integer(count(counts.subjects, 'subjects')));
  add(dataset, V('properties'), integer(count(counts.properties, 'properties')));
  add(dataset, V('distinctObjects'), integer(count(counts.objects, 'objects')));
  add(dataset, V('entities'), integer(count(entities.entities, 'entities')));
  add(dataset, V('classes'), integer(count(entities.classes, 'classes')));

  // Partitions, and the vocabularies their terms come from.
  const vocabularies = new Set<string>();
  const vocabularyOf = (iri: string): void => {
    const prefix = prefixOf(iri);
    if (prefix) vocabularies.add(NS[prefix]);
  };
  for (const r of classes) {
    const cls = value(r.class, 'class');
    const partition = namedNode(`${base}dataset/class/${partitionKey(cls)}`);
    add(dataset, V('classPartition'), partition);
    add(partition, RDF_TYPE, V('Dataset'));
    add(partition, V('class'), namedNode(cls));
    add(partition, V('entities'), integer(count(r.entities, 'entities')));
    vocabularyOf(cls);
  }
  for (const r of properties) {
    const prop = value(r.property, 'property');
    const partition = namedNode(`${base}dataset/property/${partitionKey(prop)}`);
    add(dataset, V('propertyPartition'), partition);
    add(partition, RDF_TYPE, V('Dataset'));
    add(partition, V('property'), namedNode(prop));
    add(partition, V('triples'), integer(count(r.triples, 'triples')));
    add(partition, V('distinctSubjects'), integer(count(r.subjects, 'subjects')));
    add(partition, V('distinctObjects'), integer(count(r.objects, 'objects')));
    vocabularyOf(prop);
  }
  for (const ns of [...vocabularies].sort()) add(dataset, V('vocabulary'), namedNode(ns));

  // Access: the SPARQL endpoint and one distribution per file.
  add(dataset, V('sparqlEndpoint'), namedNode(options.endpoint ?? `${base}sparql`));
  add(dataset, V('uriSpace'), string(base));
  for (const format of FORMATS) if (options.files.some((f) => f.mediaType === format.mediaType)) add(dataset, V('feature'), namedNode(`${DESCRIPTION_NS.formats}${format.name}`));
  for (const file of [...options.files].sort((a, b) => compare(a.path, b.path))) {
    const url = namedNode(`${base}${file.path}`);
    const distribution = namedNode(`${base}dataset/distribution/${encodeURIComponent(file.path)}`);
    add(dataset, DCAT('distribution'), distribution);
    if (/turtle|n-triples|ld\+json/.test(file.mediaType)) add(dataset, V('dataDump'), url);
    add(distribution, RDF_TYPE, DCAT('Distribution'));
    add(distribution, DCT('title'), langString(file.title, 'en'));
    add(distribution, DCAT('downloadURL'), url);
    add(distribution, DCAT('mediaType'), namedNode(`https://www.iana.org/assignments/media-types/${file.mediaType}`));
    add(distribution, DCT('format'), string(file.mediaType));
    for (const r of sources) add(distribution, DCT('license'), namedNode(value(r.licence, 'licence')));
  }
  return unique(out);
}

/** `quads` without repeats (two films under one licence give the licence once), first occurrence kept. */
function unique(quads: readonly Quad[]): Quad[] {
  const seen = new Set<string>();
  return quads.filter((q) => {
    const o = q.object;
    const key = `${q.subject.value}\u0000${q.predicate.value}\u0000${o.termType}\u0000${o.value}\u0000${o.termType === 'Literal' ? `${o.language}@${o.datatype.value}` : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The description as Turtle: sorted, with the graph's and the description's prefixes. */
export function descriptionTurtle(quads: readonly Quad[]): string {
  const writer = new Writer({ format: 'Turtle', prefixes: { ...DESCRIPTION_NS, rdf: NS.rdf, rdfs: NS.rdfs, xsd: NS.xsd, prov: NS.prov, schema: NS.schema } });
  for (const q of sortQuads(quads)) writer.addQuad(q);
  let text = '';
  writer.end((error: Error | null, result: string) => {
    if (error) throw error;
    text = result;
  });
  return text;
}
