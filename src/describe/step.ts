// The build step that writes the dataset description (void.ttl) next to the graph, computed from the built graph.
import { GRAPH_FILES, GRAPH_MEDIA_TYPES } from '../export/files.js';
import type { BuildStep } from '../export/steps.js';
import { OxigraphStore } from '../store/oxigraph.js';
import { describeDataset, descriptionTurtle, type DistributionFile } from './dataset.js';

/** The file the description is written to, relative to the output folder. */
export const DESCRIPTION_FILE = 'void.ttl';

/** The graph files as distributions. */
export const DISTRIBUTIONS: readonly DistributionFile[] = [
  { path: GRAPH_FILES.turtle, title: 'The graph in Turtle' },
  { path: GRAPH_FILES.ntriples, title: 'The graph in N-Triples, sorted' },
  { path: GRAPH_FILES.jsonld, title: 'The graph in JSON-LD, compacted with ontology/context.jsonld' },
].map((d) => ({ ...d, mediaType: GRAPH_MEDIA_TYPES[d.path] as string }));

/** The description of a graph given as N-Triples text: void.ttl's text and the line for the build summary. */
export async function describeNTriples(ntriples: string, base: string): Promise<{ text: string; note: string }> {
  const store = OxigraphStore.fromText(ntriples, 'application/n-triples', GRAPH_FILES.ntriples);
  try {
    const quads = await describeDataset(store, { base, files: DISTRIBUTIONS });
    return { text: descriptionTurtle(quads), note: `dataset: ${DESCRIPTION_FILE} describes the graph (VoID and DCAT, ${quads.length} triples)` };
  } finally {
    store.close();
  }
}

/** Describes the built graph (VoID and DCAT) and adds void.ttl to the build's files. */
export const datasetStep: BuildStep = {
  name: 'dataset',
  async run(build) {
    const ntriples = build.files.get(GRAPH_FILES.ntriples);
    const { text, note } = await describeNTriples(typeof ntriples === 'string' ? ntriples : new TextDecoder().decode(ntriples), build.base);
    build.files.set(DESCRIPTION_FILE, text);
    build.notes.push(note);
  },
};
