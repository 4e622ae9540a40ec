// The checks for library users: a graph against filmkg's SHACL shapes and its vocabulary, as one report.
import { validateQuads, type ValidationOutcome, type Violation } from '../check/shacl.js';
import { checkVocabulary, type FindingKind, type VocabularyFinding, type VocabularyReport } from '../check/vocabulary.js';
import type { Quad } from '../rdf.js';

/** The outcome of {@link validateGraph}. */
export interface ValidationReport {
  /** True when the graph conforms to the shapes and uses no unknown or undeclared term (what `filmkg validate` exits 0 on). */
  readonly conforms: boolean;
  /** The SHACL validation: violations sorted by focus node and path, and the SHACL report graph as canonical Turtle. */
  readonly shapes: ValidationOutcome;
  /** The vocabulary check (absent with `shapesOnly`): unknown and undeclared terms, and schema.org properties used outside their domain. */
  readonly vocabulary?: VocabularyReport;
}

/**
 * Checks a graph as `filmkg validate` does: against ontology/shapes.ttl (SHACL Core, plus the track-list order that SHACL
 * Core cannot state) and, unless `shapesOnly`, against the vocabulary (schema.org terms exist, Wikidata properties and
 * local terms are declared). Nothing is thrown for a violation: read `conforms` and the findings.
 */
export async function validateGraph(graph: Iterable<Quad>, options: { readonly shapesOnly?: boolean } = {}): Promise<ValidationReport> {
  const quads = [...graph];
  const shapes = await validateQuads(quads);
  if (options.shapesOnly === true) return { conforms: shapes.conforms, shapes };
  const vocabulary = checkVocabulary(quads);
  return { conforms: shapes.conforms && vocabulary.ok, shapes, vocabulary };
}

export type { FindingKind, ValidationOutcome, Violation, VocabularyFinding, VocabularyReport };
