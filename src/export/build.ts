// The build of the graph's output files from checked facts: graph, then every writer and every registered build step, all in memory.
// Nothing is written here: the caller writes `files` atomically, so a failing step leaves out/ untouched.
import type { FilmFacts } from '../facts/model.js';
import { buildGraph, graphStats, type GraphStats } from '../graph.js';
import { DEFAULT_BASE, checkBase } from '../iri.js';
import type { Quad } from '../rdf.js';
import { toJsonLd } from './jsonld.js';
import { toNTriples } from './ntriples.js';
import { startSideWork } from './side-thread.js';
import { BUILD_STEPS, type BuildStep } from './steps.js';
import { toTurtle } from './turtle.js';

import { GRAPH_FILES } from './files.js';

export { GRAPH_FILES };

/** Everything a build produced, before anything is written. Build steps read it and add files or summary lines. */
export interface GraphBuild {
  readonly films: readonly FilmFacts[];
  readonly base: string;
  /** The whole graph, de-duplicated and sorted. */
  readonly quads: readonly Quad[];
  readonly stats: GraphStats;
  /** Output files by path relative to the output folder. Steps may add to it. */
  readonly files: Map<string, string | Uint8Array>;
  /** Extra lines for the build summary, from steps. */
  readonly notes: string[];
}

/** Options of buildFiles. */
export interface BuildOptions {
  readonly base?: string;
  /** Steps to run after the writers (default: the registry in src/export/steps.ts). */
  readonly steps?: readonly BuildStep[];
  /**
   * Render the JSON-LD on a second thread while this one runs the steps. `auto` (what `filmkg build` uses) now means one
   * thread: with void.ttl computed without a SPARQL engine (src/describe/rows.ts) and graph.jsonld by the specialised
   * writer, the thread would take some 50 ms off this one and costs more in its own start-up (measured: 1.16 × the wall
   * time and +155 ms of CPU of a cold one-thread build, bench/breakdown.js's children `serial` and `threads`). Same
   * files, byte for byte, either way; with the thread, graph.jsonld joins `files` after the steps ran (no step reads
   * it). Default: false.
   */
  readonly threads?: boolean | 'auto';
}

/**
 * Maps `films` into one graph and renders Turtle, N-Triples and JSON-LD, then runs the build steps
 * (validation, pages …) which may add files or throw a FilmkgError to stop the build.
 */
export async function buildFiles(films: readonly FilmFacts[], options: BuildOptions = {}): Promise<GraphBuild> {
  const base = checkBase(options.base ?? DEFAULT_BASE);
  const quads = buildGraph(films, { base });
  const files = new Map<string, string | Uint8Array>();
  const ntriples = toNTriples(quads);
  const steps = options.steps ?? BUILD_STEPS;
  const side = options.threads === true ? startSideWork({ ntriples }) : undefined;
  try {
    files.set(GRAPH_FILES.turtle, toTurtle(quads));
    files.set(GRAPH_FILES.ntriples, ntriples);
    if (side === undefined) files.set(GRAPH_FILES.jsonld, await toJsonLd(quads));
    const build: GraphBuild = { films, base, quads, stats: graphStats(quads), files, notes: [] };
    for (const step of steps) await step.run(build);
    if (side !== undefined) files.set(GRAPH_FILES.jsonld, (await side.result).jsonld);
    return build;
  } finally {
    side?.stop();
  }
}
