// The build step that makes `filmkg build` check the graph against the shapes (and ship the ontology and shapes with it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import type { BuildStep } from '../export/steps.js';
import { ONTOLOGY_DIR } from '../paths.js';
import { formatViolations, SHAPES_FILE, validateQuads } from './shacl.js';
import { checkVocabulary, formatVocabularyFindings } from './vocabulary.js';

/** Validates the built graph (shapes, then vocabulary); on a violation or an unknown term the build stops before anything is written. */
export const shaclStep: BuildStep = {
  name: 'shacl',
  async run(build) {
    const outcome = await validateQuads(build.quads);
    if (!outcome.conforms) {
      const first = outcome.violations[0];
      throw new FilmkgError('SHACL_VIOLATION', `the graph violates ${outcome.violations.length} constraint(s) of ontology/shapes.ttl; nothing was written\n${formatViolations(outcome.violations.slice(0, 10))}`, {
        place: { file: 'ontology/shapes.ttl', ...(first?.path ? { path: `<${first.focusNode}> ${first.path}` } : {}) },
      });
    }
    const vocabulary = checkVocabulary(build.quads);
    const errors = vocabulary.errors;
    if (!vocabulary.ok) {
      throw new FilmkgError('VOCABULARY', `the graph uses ${errors.length} unknown or undeclared term(s); nothing was written\n${formatVocabularyFindings(errors)}`, {
        place: { file: 'src/vocab.ts', path: errors[0]!.term },
      });
    }
    build.files.set('filmkg.ttl', readFileSync(path.join(ONTOLOGY_DIR, 'filmkg.ttl'), 'utf8'));
    build.files.set('shapes.ttl', readFileSync(SHAPES_FILE, 'utf8'));
    build.notes.push('shacl: the graph conforms to ontology/shapes.ttl');
    const outside = vocabulary.findings.length - errors.length;
    build.notes.push(`vocabulary: ${vocabulary.terms} terms checked, none unknown${outside > 0 ? `; ${outside} schema.org properties used outside their domain (filmkg validate lists them)` : ''}`);
  },
};
