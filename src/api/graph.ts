// The graph stage for library users: facts → RDF/JS quads, or an RDF/JS dataset (rdf-ext) with canonical comparison.
import type { DatasetCore } from '@rdfjs/types';
import type { FilmFacts } from '../facts/model.js';
import { buildGraph as buildQuads } from '../graph.js';
import { checkBase, DEFAULT_BASE } from '../iri.js';
import type { Quad } from '../rdf.js';

/**
 * An RDF/JS {@link DatasetCore} (rdf-ext's dataset) with canonical forms: the graph as canonical N-Quads (RDFC-1.0)
 * and comparison by them, so two graphs compare equal exactly when they are isomorphic.
 */
export interface FilmDataset extends DatasetCore<Quad, Quad>, Iterable<Quad> {
  /** The dataset as canonical N-Quads (RDF Dataset Canonicalization, RDFC-1.0): sorted, blank nodes relabelled. */
  toCanonical(): string;
  /** True when both datasets hold the same quads up to blank-node labels (their canonical forms are equal). */
  equals(other: FilmDataset): boolean;
  /** The dataset as N-Quads, in the dataset's own order (for stable text use {@link toCanonical} or filmkg's writers). */
  toString(): string;
}

interface RdfExt {
  dataset(quads?: Iterable<Quad>): FilmDataset;
}

let rdfExt: Promise<RdfExt> | undefined;
/** rdf-ext, loaded on first use: importing it takes about 0.2 s (it loads every parser and serializer it knows). */
function loadRdfExt(): Promise<RdfExt> {
  rdfExt ??= import('rdf-ext').then((m) => m.default as RdfExt);
  return rdfExt;
}

/** Puts quads (an array, another dataset, any iterable) into a new {@link FilmDataset}. */
export async function toDataset(quads: Iterable<Quad>): Promise<FilmDataset> {
  return (await loadRdfExt()).dataset(quads);
}

/**
 * Builds one graph of all `films` (see {@link buildGraph}) as a {@link FilmDataset}: an RDF/JS DatasetCore that can be
 * matched, iterated and compared canonically; its iteration order is the dataset's own (filmkg's writers sort).
 */
export async function buildDataset(films: readonly FilmFacts[], options: GraphOptions = {}): Promise<FilmDataset> {
  return toDataset(buildGraph(films, options));
}

/** Options of {@link buildGraph} and {@link buildDataset}. */
export interface GraphOptions {
  /** The base of the graph's IRIs (default {@link DEFAULT_BASE}, `https://filmkg.example/`); an invalid base is a `USAGE` error. */
  readonly base?: string;
}

/**
 * Builds one graph of all `films`, as `filmkg build` does: every mapper over every film, duplicate triples removed (a person
 * in two films is one node), sorted so that writers give the same bytes for the same facts. Two films with one slug are
 * refused (`INVALID_FACTS`).
 */
export function buildGraph(films: readonly FilmFacts[], options: GraphOptions = {}): Quad[] {
  return buildQuads(films, { base: checkBase(options.base ?? DEFAULT_BASE) });
}
