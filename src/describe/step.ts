// The build step that writes the dataset description (void.ttl) next to the graph, computed from the built graph: the
// rows of DESCRIPTION_QUERIES computed in JavaScript (rows.ts), or, for a graph holding terms only the store can
// vouch for, asked of oxigraph, which is then loaded for that graph alone.
import { GRAPH_FILES, GRAPH_MEDIA_TYPES } from '../export/files.js';
import type { BuildStep } from '../export/steps.js';
import type { Quad } from '../rdf.js';
import { describeRows, descriptionTurtle, queryRows, type DistributionFile } from './dataset.js';
import { rowsOf, type DescriptionRows } from './rows.js';

/** The file the description is written to, relative to the output folder. */
export const DESCRIPTION_FILE = 'void.ttl';

/** The graph files as distributions. */
export const DISTRIBUTIONS: readonly DistributionFile[] = [
  { path: GRAPH_FILES.turtle, title: 'The graph in Turtle' },
  { path: GRAPH_FILES.ntriples, title: 'The graph in N-Triples, sorted' },
  { path: GRAPH_FILES.jsonld, title: 'The graph in JSON-LD, compacted with ontology/context.jsonld' },
].map((d) => ({ ...d, mediaType: GRAPH_MEDIA_TYPES[d.path] as string }));

/** The rows of DESCRIPTION_QUERIES over `quads`, by rowsOf, or asked of oxigraph loaded with `ntriples` (the same graph). */
export async function descriptionRows(quads: readonly Quad[], ntriples: () => string): Promise<DescriptionRows> {
  const rows = rowsOf(quads);
  if (rows !== undefined) return rows;
  const { OxigraphStore } = await import('../store/oxigraph.js');
  const store = OxigraphStore.fromText(ntriples(), 'application/n-triples', GRAPH_FILES.ntriples);
  try {
    return await queryRows(store);
  } finally {
    store.close();
  }
}

/** The description of a graph, given as its quads and its N-Triples: void.ttl's text and the line for the build summary. */
export async function describeGraph(quads: readonly Quad[], ntriples: () => string, base: string): Promise<{ text: string; note: string }> {
  const description = describeRows(await descriptionRows(quads, ntriples), { base, files: DISTRIBUTIONS });
  return { text: descriptionTurtle(description), note: `dataset: ${DESCRIPTION_FILE} describes the graph (VoID and DCAT, ${description.length} triples)` };
}

/** Describes the built graph (VoID and DCAT) and adds void.ttl to the build's files. */
export const datasetStep: BuildStep = {
  name: 'dataset',
  async run(build) {
    const ntriples = (): string => {
      const data = build.files.get(GRAPH_FILES.ntriples);
      return typeof data === 'string' ? data : new TextDecoder().decode(data);
    };
    const { text, note } = await describeGraph(build.quads, ntriples, build.base);
    build.files.set(DESCRIPTION_FILE, text);
    build.notes.push(note);
  },
};
