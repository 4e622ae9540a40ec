// Worker thread that holds its own oxigraph store and answers queries, so that the server can stop a query that runs too long.
import { parentPort, workerData } from 'node:worker_threads';
import { OxigraphStore, type ResultMediaType } from '../store/oxigraph.js';

/** A request from the server: run `query`, serialise as `mediaType`. */
export interface WorkerRequest {
  id: number;
  query: string;
  mediaType: ResultMediaType;
}
/** The answer: the serialised body, or the error message. */
export type WorkerResponse = { id: number; ok: true; body: string } | { id: number; ok: false; message: string };

const { ntriples } = workerData as { ntriples: string };
const store = OxigraphStore.fromText(ntriples);
parentPort?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: request.id, ok: true, body: store.serialize(request.query, request.mediaType) };
  } catch (error) {
    response = { id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
parentPort?.postMessage({ ready: true });
