// Runs queries in a worker thread with a deadline: a query past its time is stopped by ending the worker, which is then replaced.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FilmkgError } from '../errors.js';
import { PROJECT_ROOT } from '../paths.js';
import type { ResultMediaType } from '../store/oxigraph.js';
import type { WorkerRequest, WorkerResponse } from './query-worker.js';

/** The compiled worker (npm run build:ts writes dist/); the server runs from dist too. */
const WORKER_FILE = path.join(PROJECT_ROOT, 'dist', 'server', 'query-worker.js');

interface Pending {
  request: WorkerRequest;
  resolve: (body: string) => void;
  reject: (error: Error) => void;
  timeoutMs: number;
}

/** One worker, one query at a time, in arrival order. */
export class QueryRunner {
  private worker: Worker | undefined;
  private ready: Promise<void> | undefined;
  private readonly queue: Pending[] = [];
  private busy = false;
  private nextId = 1;
  private closed = false;

  constructor(private readonly ntriples: string) {}

  private start(): Promise<void> {
    const worker = new Worker(WORKER_FILE, { workerData: { ntriples: this.ntriples } });
    this.worker = worker;
    this.ready = new Promise((resolve, reject) => {
      const onReady = (message: unknown) => {
        if (message && typeof message === 'object' && 'ready' in message) {
          worker.off('message', onReady);
          resolve();
        }
      };
      worker.on('message', onReady);
      worker.once('error', reject);
    });
    worker.unref();
    return this.ready;
  }

  /** Runs `query` and resolves to its serialisation; rejects with FilmkgError BAD_QUERY or ENDPOINT (timeout). */
  run(query: string, mediaType: ResultMediaType, timeoutMs: number): Promise<string> {
    if (this.closed) return Promise.reject(new Error('QueryRunner is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, query, mediaType }, resolve, reject, timeoutMs });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    const job = this.queue.shift();
    if (!job) return;
    this.busy = true;
    try {
      if (!this.worker) await this.start();
      await this.ready;
      job.resolve(await this.exchange(job));
    } catch (error) {
      job.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.busy = false;
      void this.pump();
    }
  }

  private exchange(job: Pending): Promise<string> {
    const worker = this.worker as Worker;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        // The only way to stop a running WASM query: end the worker; a new one starts with the next query.
        void worker.terminate();
        this.worker = undefined;
        reject(new FilmkgError('ENDPOINT', `the query ran longer than ${job.timeoutMs} ms and was stopped`, { expected: 'a query that finishes within the time limit (add LIMIT, narrow the pattern)' }));
      }, job.timeoutMs);
      const onMessage = (response: WorkerResponse) => {
        if (response.id !== job.request.id) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        if (response.ok) resolve(response.body);
        else reject(new FilmkgError('BAD_QUERY', `the query was rejected: ${response.message}`));
      };
      worker.on('message', onMessage);
      worker.postMessage(job.request);
    });
  }

  /** Ends the worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('server closed'));
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
