// Build steps run after the graph files are rendered and before anything is written: the hook where validation (SHACL) and pages (HTML) plug in.
// Add a step: export a BuildStep from your module and list it in BUILD_STEPS (one line); keep the order validation-first.
import type { GraphBuild } from './build.js';
import { shaclStep } from '../check/step.js';
import { datasetStep } from '../describe/step.js';
import { pagesStep } from '../web/step.js';

/** One extra stage of `filmkg build`. */
export interface BuildStep {
  /** Short name for the summary and errors. */
  readonly name: string;
  /**
   * Reads `build.quads`/`build.films`, adds files to `build.files` and lines to `build.notes`, or throws a
   * FilmkgError (e.g. SHACL_VIOLATION) to stop the build before out/ is touched.
   */
  run(build: GraphBuild): Promise<void> | void;
}

/** The steps `filmkg build` runs, in order. */
export const BUILD_STEPS: readonly BuildStep[] = [shaclStep, datasetStep, pagesStep];
