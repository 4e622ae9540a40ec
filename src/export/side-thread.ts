// Runs src/export/side-worker.ts for a build: JSON-LD on a second thread, in parallel with the checks, the dataset
// description and the pages on the first. It is a pure function of the graph, so the files are the same bytes either way.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../paths.js';
import type { SideInput, SideOutput } from './side-worker.js';

/** The compiled worker (npm run build:ts writes dist/; the CLI runs from there). */
const WORKER_FILE = path.join(PROJECT_ROOT, 'dist', 'export', 'side-worker.js');

/** The side thread's work under way: its result, and a way to stop it when the build stops first. */
export interface SideWork {
  readonly result: Promise<{ jsonld: string }>;
  stop(): void;
}

/** True when the compiled worker is there (after npm run build:ts), so that a build can use the second thread. */
export function sideWorkerAvailable(): boolean {
  return existsSync(WORKER_FILE);
}

/** Starts the side thread on the graph's N-Triples; undefined when the compiled worker is not there (then the caller works in-thread). */
export function startSideWork(input: SideInput): SideWork | undefined {
  if (!sideWorkerAvailable()) return undefined;
  const worker = new Worker(WORKER_FILE, { workerData: input });
  const result = new Promise<{ jsonld: string }>((resolve, reject) => {
    worker.once('message', (output: SideOutput) => {
      void worker.terminate();
      if (output.ok) resolve({ jsonld: output.jsonld });
      else reject(new Error(`the build's second thread failed: ${output.error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the build's second thread ended (exit ${code}) before it answered`)));
  });
  // A build stopped by a failed check never awaits it: no unhandled rejection for that.
  result.catch(() => undefined);
  return { result, stop: () => void worker.terminate() };
}
