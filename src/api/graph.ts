// The graph stage for library users: facts → RDF/JS quads, or an RDF/JS dataset (rdf-ext) with canonical comparison.
import type { DatasetCore } from '@rdfjs/types';
import type { FilmFacts } from '../facts/model.js';
import { buildGraph, type GraphOptions } from '../graph.js';
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
  /** The dataset as N-Quads, in insertion order. */
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
 * matched, compared canonically and iterated in the graph's sorted order.
 */
export async function buildDataset(films: readonly FilmFacts[], options: GraphOptions = {}): Promise<FilmDataset> {
  return toDataset(buildGraph(films, options));
}

export { buildGraph };
export type { GraphOptions };
