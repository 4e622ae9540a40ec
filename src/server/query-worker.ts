// A thread of the query pool (src/server/query-pool.ts): holds its own oxigraph store on an engine whose memory is
// capped, and answers one query at a time: parses and checks it (sparqljs, nesting limits), picks the result format,
// runs it and sends the serialised result back as bytes, with its entity tag (hashing a large result here keeps it off
// the server's own thread). Everything that may take long or take memory happens here,
// where the pool can stop it by ending the thread. After an engine failure the thread answers nothing more.
import { parentPort, workerData } from 'node:worker_threads';
import { entityTag } from './etag.js';
import { isUserError } from '../errors.js';
import { checkQuery } from '../sparql/check.js';
import type { NestingLimits } from '../sparql/limits.js';
import { loadOxigraphOn } from '../store/wasm.js';
import { chooseResultType } from './result-types.js';

/** What the pool gives a thread: the graph as N-Triples bytes (shared by every thread), the engine to load it on, the nesting limits. */
export interface WorkerSetup {
  readonly graph: Uint8Array;
  readonly module: object;
  readonly nesting: NestingLimits;
}

/** A query to answer. */
export interface WorkerRequest {
  readonly id: number;
  readonly query: string;
  readonly accept: string | undefined;
  /** `format=`, `output=`, `results=` values, in order. */
  readonly formats: readonly string[];
  /** Query the default graph whatever the query's FROM says. */
  readonly defaultGraphOnly: boolean;
  readonly maxResultBytes: number;
}

/** The thread's messages; `memoryBytes` is the engine's memory afterwards (it never shrinks; the pool decides). */
export type WorkerResponse =
  | { readonly kind: 'ready'; readonly memoryBytes: number }
  | { readonly kind: 'result'; readonly id: number; readonly mediaType: string; readonly body: Uint8Array; readonly etag: string; readonly memoryBytes: number }
  | { readonly kind: 'refused'; readonly id: number; readonly status: number; readonly message: string; readonly memoryBytes: number }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string; readonly memoryBytes: number };

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('query-worker.js runs as a worker thread of the query pool');

const memory = await loadOxigraphOn(setup.module);
const { OxigraphStore, isEngineFailure } = await import('../store/oxigraph.js');
const store = OxigraphStore.fromText(setup.graph);
const encoder = new TextEncoder();
let failed: string | undefined;

function memoryBytes(): number {
  return memory.buffer.byteLength;
}

function answer(request: WorkerRequest): WorkerResponse {
  const { id } = request;
  const refuse = (status: number, message: string): WorkerResponse => ({ kind: 'refused', id, status, message, memoryBytes: memoryBytes() });
  if (failed !== undefined) return { kind: 'failed', id, message: failed, memoryBytes: memoryBytes() };
  let form;
  try {
    form = checkQuery(request.query, 'query', setup.nesting).form;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return refuse(isUserError(error) && /read-only/.test(message) ? 403 : 400, message);
  }
  const chosen = chooseResultType(form, request.accept, request.formats);
  if ('refusal' in chosen) return refuse(406, chosen.refusal);
  let text: string;
  try {
    text = store.serialize(request.query, chosen.mediaType, { defaultGraphOnly: request.defaultGraphOnly });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isEngineFailure(error)) {
      failed = message;
      return { kind: 'failed', id, message, memoryBytes: memoryBytes() };
    }
    return refuse(400, message);
  }
  const tooLarge = `the result is larger than the ${request.maxResultBytes}-byte limit; narrow the query or add LIMIT`;
  // A UTF-8 encoding is at least as long as the text's UTF-16 length: a text longer than the limit is never encoded.
  if (text.length > request.maxResultBytes) return refuse(413, tooLarge);
  const body = encoder.encode(text);
  if (body.byteLength > request.maxResultBytes) return refuse(413, tooLarge);
  return { kind: 'result', id, mediaType: chosen.mediaType, body, etag: entityTag(body, chosen.mediaType), memoryBytes: memoryBytes() };
}

port.on('message', (request: WorkerRequest) => {
  const response = answer(request);
  port.postMessage(response, response.kind === 'result' ? [response.body.buffer as ArrayBuffer] : []);
});
port.postMessage({ kind: 'ready', memoryBytes: memoryBytes() } satisfies WorkerResponse);
