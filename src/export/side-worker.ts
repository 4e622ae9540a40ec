// The build's second thread: JSON-LD (graph.jsonld) from the graph's N-Triples, while the first thread checks the shapes
// and the vocabulary, describes the dataset and renders the pages. See src/export/side-thread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { Parser } from 'n3';
import { dataFactory, type Quad } from '../rdf.js';
import { toJsonLd } from './jsonld.js';

/** What the thread is given. */
export interface SideInput {
  readonly ntriples: string;
}

/** What it answers: the JSON-LD text, or the error it met. */
export type SideOutput = { readonly ok: true; readonly jsonld: string } | { readonly ok: false; readonly error: string };

async function work(input: SideInput): Promise<SideOutput> {
  // The same terms as the build's own quads (one factory), so the JSON-LD is byte-identical to toJsonLd(build.quads).
  const quads = new Parser({ format: 'N-Triples', factory: dataFactory as never }).parse(input.ntriples) as Quad[];
  return { ok: true, jsonld: await toJsonLd(quads) };
}

work(workerData as SideInput).then(
  (output) => parentPort?.postMessage(output),
  (error: unknown) => parentPort?.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies SideOutput),
);
