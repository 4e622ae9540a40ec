/**
 * filmkg as a library: a film's Wikipedia article → checked facts → an RDF knowledge graph (Schema.org + Wikidata) as
 * RDF/JS quads or a dataset → Turtle, N-Triples, N-Quads, RDF/XML, JSON-LD; graph files read in any of these (and TriG); a SPARQL store answering with RDF/JS terms; SHACL and
 * vocabulary validation. Every failure the caller can act on is a {@link FilmkgError} with a code and a place.
 *
 * @example
 * ```ts
 * import { buildGraph, extractArticleFile, openStore, bundledQuery } from 'filmkg';
 * const facts = await extractArticleFile('data/films/leaving-las-vegas');
 * const store = await openStore(buildGraph([facts]));
 * const { bindings } = await store.select(bundledQuery('cast'));
 * ```
 * @packageDocumentation
 */
export { extractArticle, extractArticleFile, readArticleTarget, type ReadArticleOptions, extractFacts, curate, loadFilm, parseCuration, type ExtractArticleOptions } from './api/extract.js';
export { loadFilms } from './pipeline.js';
export { buildGraph, buildDataset, toDataset, type FilmDataset, type GraphOptions } from './api/graph.js';
export { serialize, toTurtle, toNTriples, toNQuads, toRdfXml, toJsonLd, GRAPH_FORMATS, type GraphFormat } from './api/write.js';
export { readGraphFile, type RdfSyntax } from './rdf-file.js';
export { GraphStore, openStore, bundledQuery, listQueries, type QueryAnswer, type SelectAnswer, type AskAnswer, type GraphAnswer, type BundledQuery, type QueryForm } from './api/store.js';
export { validateGraph, type ValidationReport, type ValidationOutcome, type Violation, type VocabularyReport, type VocabularyFinding, type FindingKind } from './api/validate.js';
export { FilmkgError, type ErrorCode, type ErrorPlace } from './errors.js';
export { DEFAULT_BASE } from './iri.js';
export { FILMS_DIR } from './paths.js';
export type { FilmFacts, SourceMeta } from './facts/model.js';
export type { FilmMetadata, ExtractOptions } from './extract/index.js';
export type { Curation } from './curate/curation.js';
export type { Quad, Term, NamedNode, Literal, BlankNode, DatasetCore } from './rdf.js';
