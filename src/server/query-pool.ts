// The endpoint's query threads: a small pool of workers (src/server/query-worker.ts), each with its own store on an
// engine whose memory is capped, and a bounded queue in front of them. A query's time limit counts from the request's
// arrival, queue included. A query is stopped by ending its thread, which is then replaced: when its time is up, when
// its client has gone, or when the engine fails on it. Waiting queries whose client has gone are dropped unrun.
//
// Long queries cannot take every thread. A query still running after QUICK_MS is long, and so is, from the start, a
// query whose text was long recently. At most `longSlots` long queries run at once (default: half the threads); the
// other threads stay free for quick queries. A query that turns long when those slots are full is stopped and waits for
// one (it runs again from the start, within its own time limit).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { PROJECT_ROOT } from '../paths.js';
import { NESTING_LIMITS, type NestingLimits } from '../sparql/limits.js';
import { oxigraphModule } from '../store/wasm.js';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './query-worker.js';

/** The compiled worker (npm run build:ts writes dist/); the server runs from dist too. */
const WORKER_FILE = path.join(PROJECT_ROOT, 'dist', 'server', 'query-worker.js');
const MiB = 1024 * 1024;
/** A query running longer than this is long (the bundled queries take a few milliseconds). */
export const QUICK_MS = 250;
/** How long, and for how many texts, the pool remembers that a query text was long. */
const LONG_MEMORY_MS = 10 * 60_000;
const LONG_MEMORY_SIZE = 1024;
/** A thread whose engine memory grew this much past its start is replaced after its query, so that memory is returned. */
const RECYCLE_GROWTH_BYTES = 32 * MiB;
/** Consecutive threads that fail to start before the pool stops trying (a graph the engine cannot load, a missing build). */
const MAX_START_FAILURES = 3;

/** Sizes of the pool. */
export interface PoolOptions {
  /** Queries that run at once, each in its own thread. */
  readonly workers: number;
  /** Long queries that run at once (at most `workers`); default half the threads, rounded up. */
  readonly longSlots?: number;
  /** Queries that may wait for a thread; one more gets 503 with Retry-After. */
  readonly queue: number;
  /** Memory a query may take in the engine beyond what the graph itself takes, in bytes. */
  readonly queryMemoryBytes: number;
  /** Largest serialised result, in bytes (413 beyond); also sizes each thread's JavaScript heap. */
  readonly maxResultBytes: number;
  /** How deep a query may nest (400 beyond). */
  readonly nesting: NestingLimits;
}

export const DEFAULT_POOL: PoolOptions = { workers: 4, queue: 32, queryMemoryBytes: 256 * MiB, maxResultBytes: 16 * MiB, nesting: NESTING_LIMITS };

/** A query as the endpoint received it. */
export interface QueryJob {
  readonly query: string;
  readonly accept: string | undefined;
  /** The values of the `format=`, `output=` and `results=` parameters, in order (a fallback to Accept). */
  readonly formats: readonly string[];
  /** Query the default graph whatever the query's FROM says (the request named its dataset with `default-graph-uri`). */
  readonly defaultGraphOnly?: boolean;
}

/** When the query arrived (performance.now()), how long it may take from then, and the signal that its client has gone. */
export interface RunOptions {
  readonly arrived: number;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** How a query ended: its result, or an HTTP status and why (499: the client had gone; nothing is sent). */
export type QueryOutcome =
  | { readonly status: 200; readonly mediaType: string; readonly body: Uint8Array; readonly etag: string }
  | { readonly status: number; readonly message: string; readonly headers?: Readonly<Record<string, string>> };

/** The status for a query whose client has gone (nginx's "client closed request"); never sent. */
export const CLIENT_GONE = 499;

/** What the pool is doing, for tests and benchmarks. */
export interface PoolState {
  readonly ready: number;
  readonly busy: number;
  /** Of the busy threads, those running a long query. */
  readonly long: number;
  readonly queued: number;
  /** Threads started after the first ones (replacements). */
  readonly restarts: number;
  /** Each thread's engine memory limit, in bytes. */
  readonly engineMemoryLimit: number;
}

interface Job {
  readonly id: number;
  readonly key: string;
  readonly request: WorkerRequest;
  readonly arrived: number;
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (outcome: QueryOutcome) => void;
  long: boolean;
  started?: number;
  timer?: NodeJS.Timeout;
  quickTimer?: NodeJS.Timeout;
  onAbort?: () => void;
  settled: boolean;
}

interface Slot {
  readonly worker: Worker;
  state: 'starting' | 'idle' | 'busy' | 'gone';
  job: Job | undefined;
  readyMemory: number;
}

/** The pool. `start()` before `run()`; `close()` ends every thread. */
export class QueryPool {
  private readonly options: PoolOptions;
  private readonly longSlots: number;
  private readonly setup: WorkerSetup;
  private readonly engineMemoryLimit: number;
  private readonly slots: Slot[] = [];
  /** Waiting queries: quick ones (not known to be long) and long ones, each in arrival order. */
  private readonly quickQueue: Job[] = [];
  private readonly longQueue: Job[] = [];
  /** Texts (by hash) that ran long recently, with when that is forgotten. */
  private readonly longTexts = new Map<string, number>();
  private nextId = 1;
  private spawned = 0;
  private startFailures = 0;
  private broken: string | undefined;
  private closed = false;
  private firstReady: { resolve: () => void; reject: (error: Error) => void } | undefined;

  constructor(ntriples: string, options: Partial<PoolOptions> = {}) {
    this.options = { ...DEFAULT_POOL, ...options };
    if (!(this.options.workers >= 1) || !(this.options.queue >= 0)) throw new Error('QueryPool: at least one worker and a queue of zero or more');
    this.longSlots = Math.min(this.options.workers, Math.max(1, this.options.longSlots ?? Math.ceil(this.options.workers / 2)));
    // The graph's N-Triples, once, in memory every thread reads (each copies it into its engine while loading).
    const bytes = Buffer.from(ntriples, 'utf8');
    const graph = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
    graph.set(bytes);
    // An engine holds a graph in about 3.5 × its N-Triples size (measured on 0.7 to 35 MB); twice that, plus room to start.
    this.engineMemoryLimit = Math.min(4096 * MiB, 16 * MiB + 7 * bytes.byteLength + this.options.queryMemoryBytes);
    this.setup = { graph, module: oxigraphModule(this.engineMemoryLimit), nesting: this.options.nesting };
  }

  /** Starts the threads; resolves when the first can answer, rejects when none can start. */
  start(): Promise<void> {
    const ready = new Promise<void>((resolve, reject) => {
      this.firstReady = { resolve, reject };
    });
    for (let i = 0; i < this.options.workers; i++) this.spawn();
    return ready;
  }

  /** Runs a query: its result, or a refusal, a timeout, a failure (see QueryOutcome). Never rejects. */
  run(query: QueryJob, options: RunOptions): Promise<QueryOutcome> {
    if (this.closed) return Promise.resolve({ status: 503, message: 'the server is shutting down' });
    if (this.broken !== undefined) return Promise.resolve({ status: 500, message: `the query engine cannot start: ${this.broken}` });
    if (options.signal?.aborted) return Promise.resolve({ status: CLIENT_GONE, message: 'the client closed the connection' });
    const key = createHash('sha256').update(query.query).digest('base64');
    const id = this.nextId++;
    let resolve!: (outcome: QueryOutcome) => void;
    const outcome = new Promise<QueryOutcome>((r) => {
      resolve = r;
    });
    const job: Job = {
      id,
      key,
      request: { id, query: query.query, accept: query.accept, formats: query.formats, defaultGraphOnly: query.defaultGraphOnly ?? false, maxResultBytes: this.options.maxResultBytes },
      arrived: options.arrived,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      resolve,
      long: this.wasLong(key),
      settled: false,
    };
    const waiting = this.quickQueue.length + this.longQueue.length;
    if (this.canStartNow(job)) {
      this.dispatch(this.slots.find((s) => s.state === 'idle') as Slot, job);
    } else if (waiting >= this.options.queue) {
      const seconds = this.secondsUntilAThreadFrees();
      this.settle(job, {
        status: 503,
        message: `the endpoint is busy: ${this.slots.filter((s) => s.state === 'busy').length} queries are running and ${waiting} are waiting; retry in ${seconds} s`,
        headers: { 'retry-after': String(seconds) },
      });
    } else {
      this.enqueue(job);
    }
    return outcome;
  }

  /** What the pool is doing now. */
  state(): PoolState {
    const live = this.slots.filter((s) => s.state !== 'gone');
    return {
      ready: live.filter((s) => s.state === 'idle' || s.state === 'busy').length,
      busy: live.filter((s) => s.state === 'busy').length,
      long: this.longRunning(),
      queued: this.quickQueue.length + this.longQueue.length,
      restarts: Math.max(0, this.spawned - this.options.workers),
      engineMemoryLimit: this.engineMemoryLimit,
    };
  }

  /** Ends every thread; waiting and running queries get 503. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of [...this.quickQueue.splice(0), ...this.longQueue.splice(0)]) this.settle(job, { status: 503, message: 'the server is shutting down' });
    const ending = this.slots.map((slot) => {
      if (slot.job) this.settle(slot.job, { status: 503, message: 'the server is shutting down' });
      slot.state = 'gone';
      slot.job = undefined;
      return slot.worker.terminate();
    });
    this.slots.length = 0;
    await Promise.all(ending);
    this.firstReady?.reject(new Error('the query pool was closed before it started'));
  }

  private longRunning(): number {
    return this.slots.filter((s) => s.state === 'busy' && s.job?.long).length;
  }

  /** A job may start at once: a thread is idle, nothing waits before it, and a long job has a long slot. */
  private canStartNow(job: Job): boolean {
    if (!this.slots.some((s) => s.state === 'idle')) return false;
    if (job.long) return this.longQueue.length === 0 && this.longRunning() < this.longSlots;
    return this.quickQueue.length === 0;
  }

  private wasLong(key: string): boolean {
    const until = this.longTexts.get(key);
    if (until === undefined) return false;
    if (until > performance.now()) return true;
    this.longTexts.delete(key);
    return false;
  }

  private rememberLong(key: string, long: boolean): void {
    this.longTexts.delete(key);
    if (!long) return;
    this.longTexts.set(key, performance.now() + LONG_MEMORY_MS);
    if (this.longTexts.size > LONG_MEMORY_SIZE) this.longTexts.delete(this.longTexts.keys().next().value as string);
  }

  private spawn(): void {
    if (this.closed || this.broken !== undefined) return;
    this.spawned++;
    const worker = new Worker(WORKER_FILE, {
      workerData: this.setup,
      // The thread's JavaScript heap holds the parsed query and the result (text, then bytes): room for three results.
      resourceLimits: { maxOldGenerationSizeMb: 64 + Math.ceil((3 * this.options.maxResultBytes) / MiB) },
    });
    const slot: Slot = { worker, state: 'starting', job: undefined, readyMemory: 0 };
    this.slots.push(slot);
    worker.on('message', (message: WorkerResponse) => this.onMessage(slot, message));
    worker.on('error', (error: Error & { code?: string }) => this.onGone(slot, error));
    worker.on('exit', (code) => this.onGone(slot, new Error(`the query thread exited with code ${code}`)));
  }

  private onMessage(slot: Slot, message: WorkerResponse): void {
    if (slot.state === 'gone') return;
    if (message.kind === 'ready') {
      // A starting thread keeps the process alive (nothing else may yet); a ready one does not (the server does).
      slot.worker.unref();
      slot.state = 'idle';
      slot.readyMemory = message.memoryBytes;
      this.startFailures = 0;
      this.firstReady?.resolve();
      this.firstReady = undefined;
      return this.pump();
    }
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    slot.job = undefined;
    // A text that answered within QUICK_MS is quick again; one that ran past it was marked long then.
    if (performance.now() - (job.started as number) < QUICK_MS) this.rememberLong(job.key, false);
    if (message.kind === 'result') this.settle(job, { status: 200, mediaType: message.mediaType, body: message.body, etag: message.etag });
    else if (message.kind === 'refused') this.settle(job, { status: message.status, message: message.message });
    else {
      // The engine failed (a trap); when it had used most of its memory, that is what it ran out of.
      const used = message.memoryBytes - slot.readyMemory;
      const outOfMemory = used > (this.engineMemoryLimit - slot.readyMemory) / 2;
      this.rememberLong(job.key, true);
      this.settle(job, outOfMemory ? this.memoryOutcome() : { status: 500, message: `${message.message}; the query engine was restarted, other queries are not affected` });
      return this.retire(slot);
    }
    if (message.memoryBytes > slot.readyMemory + RECYCLE_GROWTH_BYTES) return this.retire(slot);
    slot.state = 'idle';
    this.pump();
  }

  /** A thread ended or failed on its own (an uncaught error, its JavaScript heap full). */
  private onGone(slot: Slot, error: Error & { code?: string }): void {
    if (slot.state === 'gone') return;
    const starting = slot.state === 'starting';
    if (slot.job) {
      this.rememberLong(slot.job.key, true);
      this.settle(slot.job, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.memoryOutcome() : { status: 500, message: `the query engine failed: ${error.message}; it was restarted` });
    }
    if (starting && ++this.startFailures >= MAX_START_FAILURES) {
      this.broken = error.message;
      this.firstReady?.reject(new Error(`the query engine cannot start: ${error.message}`));
      this.firstReady = undefined;
      for (const job of [...this.quickQueue.splice(0), ...this.longQueue.splice(0)]) this.settle(job, { status: 500, message: `the query engine cannot start: ${error.message}` });
    }
    this.retire(slot);
  }

  private memoryOutcome(): QueryOutcome {
    return {
      status: 503,
      message: `the query needed more than its ${Math.round(this.options.queryMemoryBytes / MiB)} MiB of memory and was stopped; narrow the query or add LIMIT`,
    };
  }

  /** Ends a thread and starts another in its place; a job still on it is settled as failed (callers settle first). */
  private retire(slot: Slot): void {
    slot.state = 'gone';
    const job = slot.job;
    slot.job = undefined;
    if (job) this.settle(job, { status: 500, message: 'the query thread was ended' });
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
    this.spawn();
    this.pump();
  }

  private dispatch(slot: Slot, job: Job): void {
    this.disarm(job);
    const remaining = job.arrived + job.timeoutMs - performance.now();
    if (remaining <= 0) {
      this.settle(job, this.timeoutOutcome(job, performance.now()));
      return this.pump();
    }
    slot.state = 'busy';
    slot.job = job;
    job.started = performance.now();
    this.arm(job, remaining, () => {
      // The only way to stop a running WebAssembly query: end its thread.
      this.rememberLong(job.key, true);
      this.settle(job, this.timeoutOutcome(job, job.started as number));
      if (slot.job === job) this.retire(slot);
    }, () => {
      this.settle(job, { status: CLIENT_GONE, message: 'the client closed the connection' });
      if (slot.job === job) this.retire(slot);
    });
    if (!job.long) job.quickTimer = setTimeout(() => this.turnedLong(slot, job), QUICK_MS);
    slot.worker.postMessage(job.request);
  }

  /** A quick job ran past QUICK_MS: it goes on as a long one if a long slot is free; otherwise it waits for one. */
  private turnedLong(slot: Slot, job: Job): void {
    job.quickTimer = undefined;
    if (job.settled || slot.job !== job) return;
    this.rememberLong(job.key, true);
    const full = this.longRunning() >= this.longSlots;
    job.long = true;
    if (!full) return;
    slot.job = undefined;
    this.enqueue(job);
    this.retire(slot);
  }

  private enqueue(job: Job): void {
    const queue = job.long ? this.longQueue : this.quickQueue;
    // In arrival order (a long job stopped to wait may have arrived before others waiting).
    let i = queue.length;
    while (i > 0 && (queue[i - 1] as Job).arrived > job.arrived) i--;
    queue.splice(i, 0, job);
    this.arm(job, Math.max(0, job.arrived + job.timeoutMs - performance.now()), () => {
      this.unqueue(job);
      const waited = Math.round(performance.now() - job.arrived);
      this.settle(job, { status: 503, message: `the query waited ${waited} ms for a query thread and reached the ${job.timeoutMs}-ms time limit before it could finish; retry later` });
    }, () => {
      this.unqueue(job);
      this.settle(job, { status: CLIENT_GONE, message: 'the client closed the connection' });
    });
  }

  private timeoutOutcome(job: Job, started: number): QueryOutcome {
    const queued = Math.round(started - job.arrived);
    return { status: 503, message: `the query ran longer than ${job.timeoutMs} ms and was stopped (the time counts from the request's arrival; ${queued} ms of it waiting for a query thread)` };
  }

  /** Sets a job's deadline timer and its client-gone listener, replacing any earlier ones. */
  private arm(job: Job, ms: number, onTimeout: () => void, onAbort: () => void): void {
    this.disarm(job);
    job.timer = setTimeout(onTimeout, ms);
    if (job.signal) {
      job.onAbort = onAbort;
      job.signal.addEventListener('abort', onAbort, { once: true });
    }
  }

  private disarm(job: Job): void {
    if (job.timer) clearTimeout(job.timer);
    if (job.quickTimer) clearTimeout(job.quickTimer);
    job.timer = undefined;
    job.quickTimer = undefined;
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    job.onAbort = undefined;
  }

  private settle(job: Job, outcome: QueryOutcome): void {
    if (job.settled) return;
    job.settled = true;
    this.disarm(job);
    job.resolve(outcome);
  }

  private unqueue(job: Job): void {
    for (const queue of [this.quickQueue, this.longQueue]) {
      const i = queue.indexOf(job);
      if (i >= 0) queue.splice(i, 1);
    }
  }

  /** Starts waiting jobs on idle threads, in arrival order; a long one only when a long slot is free. */
  private pump(): void {
    for (;;) {
      const slot = this.slots.find((s) => s.state === 'idle');
      if (!slot) return;
      const long = this.longRunning() < this.longSlots ? this.longQueue[0] : undefined;
      const quick = this.quickQueue[0];
      const job = long && (!quick || long.arrived <= quick.arrived) ? this.longQueue.shift() : this.quickQueue.shift();
      if (!job) return;
      this.dispatch(slot, job);
    }
  }

  /** Whole seconds until the running query with the nearest deadline ends at the latest (at least 1). */
  private secondsUntilAThreadFrees(): number {
    const now = performance.now();
    const ends = this.slots.flatMap((s) => (s.job ? [s.job.arrived + s.job.timeoutMs - now] : []));
    return ends.length === 0 ? 1 : Math.max(1, Math.ceil(Math.min(...ends) / 1000));
  }
}
