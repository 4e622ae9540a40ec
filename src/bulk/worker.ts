// The worker thread of a many-film build: runs one film job per message (src/bulk/film-job.ts) and posts its result back.
import { parentPort, workerData } from 'node:worker_threads';
import { runFilmJob, type FilmJobSetup } from './film-job.js';

/** A request to the worker: the film folder and its place in the build's order. */
export interface WorkerRequest {
  readonly index: number;
  readonly dir: string;
}

const setup = workerData as FilmJobSetup;
const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    runFilmJob(request.index, request.dir, setup).then(
      // The film's own lines are handed over, not copied.
      (result) => port.postMessage(result, result.ok ? [result.filmLines.buffer as ArrayBuffer] : []),
      // A bug, not a bad film: report it as such; the build stops with it.
      (error: unknown) => port.postMessage({ ok: false, index: request.index, code: 'BUG', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
}
