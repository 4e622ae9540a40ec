// `filmkg build` for many films: extraction, mapping and the per-film checks on worker threads, results taken in folder
// order and streamed to the writers, so that memory stays bounded whatever the number of films and the files are the
// same whatever the number of threads. Writes sharded, compressed N-Triples (bulk/part-NNNNN.nt.gz), bulk/manifest.json,
// the film pages, the ontology and the shapes, through writeFilesAtomic's staging folder (the output is replaced whole).
import { readFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { SHAPES_FILE } from '../check/shacl.js';
import { FilmkgError, type ErrorCode } from '../errors.js';
import { fsOps, ioError, writeFilesAtomic, type OutputReport } from '../fsutil.js';
import { ONTOLOGY_DIR, PROJECT_ROOT } from '../paths.js';
import { indexPage } from '../web/page.js';
import { PAGES_DIR } from '../web/step.js';
import { WHOLE_GRAPH_LINK, type FilmJobDone, type FilmJobResult, type FilmJobSetup } from './film-job.js';
import { SharedLines } from './merge.js';
import { ShardWriter, type Shard } from './shards.js';

/** The compiled worker (npm run build:ts writes dist/; the CLI runs from dist too). */
const WORKER_FILE = path.join(PROJECT_ROOT, 'dist', 'bulk', 'worker.js');

/** Old-generation heap of each worker thread, in MB (the bundled film, the largest here, needs well under half). */
export const WORKER_HEAP_MB = 192;
/** Folder of the shards inside the output folder. */
export const BULK_DIR = 'bulk';
/** Default shard size in triples. */
export const DEFAULT_SHARD_TRIPLES = 1_000_000;
/**
 * Default size of the shared-lines buffer before it is spilled to a sorted run (characters of N-Triples). The main
 * thread's heap grows with it (V8 lets a heap grow to a few times what it keeps): 10,000 films peaked at 741 MB with
 * 32 MiB and 605 MB with 16 MiB in a probe of the same build (about 60 runs, merged in one pass); 650–663 MB in
 * bench/many-films.js runs on a loaded machine.
 */
export const DEFAULT_RUN_BYTES = 16 * 1024 * 1024;
/** What happens to a film that cannot be read or fails a check. */
export type BadFilmPolicy = 'fail' | 'skip';

/** Progress after each film taken in order. */
export interface Progress {
  readonly done: number;
  readonly total: number;
  /** Triples mapped so far (shared nodes counted once per film: the exact total comes after the merge). */
  readonly mapped: number;
  readonly skipped: number;
  readonly ms: number;
}

/** Options of buildMany. */
export interface BuildManyOptions {
  /** Film folders, in the order their triples are written (sorted by name by the caller). */
  readonly dirs: readonly string[];
  readonly outDir: string;
  readonly base: string;
  /** Worker threads (at least 1). */
  readonly jobs: number;
  readonly shardTriples?: number;
  readonly runBytes?: number;
  readonly badFilms?: BadFilmPolicy;
  readonly pages?: boolean;
  /** The path as messages show it. */
  readonly show?: (file: string) => string;
  readonly onProgress?: (progress: Progress) => void;
  /** Called for each film skipped (badFilms = skip), with its folder as shown and the reason. */
  readonly onSkip?: (dir: string, message: string) => void;
}

/** What buildMany did. */
export interface BuildManyReport {
  readonly films: number;
  readonly skipped: ReadonlyArray<{ readonly dir: string; readonly message: string }>;
  /** Triples written, each once. */
  readonly triples: number;
  readonly shards: readonly Shard[];
  readonly output: OutputReport;
  readonly ms: number;
}

const ERROR_CODES = new Set<string>(['FILE_NOT_FOUND', 'EMPTY_INPUT', 'BINARY_INPUT', 'NO_INFOBOX', 'BAD_INFOBOX', 'TRUNCATED_TABLE', 'BAD_TABLE_ROW', 'BAD_TRACK', 'STRICT', 'BAD_REFERENCE', 'BAD_METADATA', 'BAD_CURATION', 'INVALID_FACTS', 'SHACL_VIOLATION', 'VOCABULARY', 'IO']);

/** The film folders under `filmsDir` (every sub-folder), sorted by name. */
export async function filmDirs(filmsDir: string, show: (file: string) => string = (p) => p): Promise<string[]> {
  let entries;
  try {
    entries = await fsp.readdir(filmsDir, { withFileTypes: true });
  } catch (error) {
    throw new FilmkgError('FILE_NOT_FOUND', 'cannot read the films folder', { place: { file: show(filmsDir) }, expected: 'a folder with one sub-folder per film', cause: error });
  }
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  if (dirs.length === 0) throw new FilmkgError('FILE_NOT_FOUND', 'the films folder holds no film', { place: { file: show(filmsDir) }, expected: 'sub-folders with article.txt and metadata.json' });
  return dirs.map((name) => path.join(filmsDir, name));
}

/** A pool of film workers: `submit` resolves with the film's result; workers run one film at a time. */
class FilmPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting = new Map<Worker, { resolve: (r: FilmJobResult) => void; reject: (e: Error) => void }>();
  private readonly queue: Array<() => void> = [];
  private failure: Error | undefined;

  constructor(size: number, setup: FilmJobSetup) {
    for (let i = 0; i < size; i++) {
      // A cap on each thread's heap: V8 otherwise lets it grow far past what one film needs before collecting.
      const worker = new Worker(WORKER_FILE, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
      worker.on('message', (result: FilmJobResult) => {
        const pending = this.waiting.get(worker);
        this.waiting.delete(worker);
        this.idle.push(worker);
        this.queue.shift()?.();
        pending?.resolve(result);
      });
      const gone = (error: Error): void => {
        this.failure ??= error;
        const pending = this.waiting.get(worker);
        this.waiting.delete(worker);
        pending?.reject(error);
      };
      worker.on('error', gone);
      worker.on('exit', (code) => gone(new Error(`a film worker thread exited with code ${code}`)));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  async submit(index: number, dir: string): Promise<FilmJobResult> {
    if (this.failure) throw this.failure;
    while (this.idle.length === 0) await new Promise<void>((resolve) => this.queue.push(resolve));
    const worker = this.idle.pop() as Worker;
    return new Promise<FilmJobResult>((resolve, reject) => {
      this.waiting.set(worker, { resolve, reject });
      worker.postMessage({ index, dir });
    });
  }

  async close(): Promise<void> {
    for (const w of this.workers) w.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Builds every film of `dirs` into the output folder; see the file header. A film that fails (unreadable, bad facts,
 * a shape or vocabulary violation of its own graph) stops the build with its folder named (`badFilms: 'fail'`, the
 * default; nothing is written) or is left out and reported (`'skip'`).
 */
export async function buildMany(options: BuildManyOptions): Promise<BuildManyReport> {
  const started = performance.now();
  const show = options.show ?? ((p: string) => p);
  const shardTriples = options.shardTriples ?? DEFAULT_SHARD_TRIPLES;
  const badFilms = options.badFilms ?? 'fail';
  const pages = options.pages ?? true;
  const dirs = options.dirs;
  const jobs = Math.max(1, Math.min(options.jobs, dirs.length));
  const staticFiles = new Map<string, string>([
    ['filmkg.ttl', readFileSync(path.join(ONTOLOGY_DIR, 'filmkg.ttl'), 'utf8')],
    ['shapes.ttl', readFileSync(SHAPES_FILE, 'utf8')],
  ]);
  const skipped: Array<{ dir: string; message: string }> = [];
  let shards: Shard[] = [];
  let triples = 0;
  let films = 0;

  const fill = async (staging: string): Promise<string[]> => {
    const bulkDir = path.join(staging, BULK_DIR);
    const runsDir = path.join(staging, '.runs');
    try {
      await fsp.mkdir(bulkDir);
      await fsp.mkdir(runsDir);
      if (pages) await fsp.mkdir(path.join(staging, PAGES_DIR));
    } catch (error) {
      throw ioError(error, 'create the folder', show(bulkDir));
    }
    const writer = new ShardWriter(bulkDir, shardTriples);
    const shared = new SharedLines(runsDir, options.runBytes ?? DEFAULT_RUN_BYTES);
    const pool = new FilmPool(jobs, { base: options.base, checks: true, ...(pages ? { pagesInto: staging } : {}) });
    const names: string[] = [];
    /** The folder of the film that has each slug taken so far. */
    const slugs = new Map<string, string>();
    const index: Array<{ source: { slug: string }; title: { value: string }; year?: { value: number } }> = [];
    let mapped = 0;
    try {
      // Films run out of order on the threads and are taken in order; at most `window` results wait at once.
      const window = jobs * 4;
      const results = new Map<number, Promise<FilmJobResult>>();
      let next = 0;
      const launch = (): void => {
        while (next < dirs.length && results.size < window) {
          const i = next++;
          const promise = pool.submit(i, dirs[i] as string);
          promise.catch(() => undefined); // awaited in order below
          results.set(i, promise);
        }
      };
      launch();
      for (let i = 0; i < dirs.length; i++) {
        const result = await (results.get(i) as Promise<FilmJobResult>);
        results.delete(i);
        launch();
        const dir = dirs[i] as string;
        if (!result.ok) {
          // A file that cannot be written is not a bad film: the build stops whatever the policy.
          if (result.code === 'IO') throw ioError(Object.assign(new Error(result.message), { code: result.errno }), 'write', show(path.join(options.outDir, result.file ?? '')));
          if (result.code === 'BUG') throw new Error(`filmkg bug while building ${dir}: ${result.message}`);
          if (badFilms === 'fail') {
            const code = (ERROR_CODES.has(result.code) ? result.code : 'INVALID_FACTS') as ErrorCode;
            throw new FilmkgError(code, `${result.message}\n(the film in ${show(dir)} failed; nothing was written; --bad-films skip leaves such films out)`, { place: { file: show(dir) } });
          }
          skipped.push({ dir: show(dir), message: result.message });
          options.onSkip?.(show(dir), result.message);
        } else {
          await take(result, dir);
        }
        options.onProgress?.({ done: i + 1, total: dirs.length, mapped, skipped: skipped.length, ms: performance.now() - started });
      }
      await pool.close();
      for await (const line of chunked(shared.merged())) await writer.write(line.text, line.count);
      shards = await writer.close();
      triples = writer.triples;
      await fsp.rm(runsDir, { recursive: true, force: true });
      if (pages) {
        const file = `${PAGES_DIR}/index.html`;
        await fsOps.writeNewFile(path.join(staging, file), indexPage(index, undefined, WHOLE_GRAPH_LINK));
        names.push(file);
      }
      const manifest = { films, skipped: skipped.length, triples, shardTriples, shards: shards.map((s) => ({ file: `${BULK_DIR}/${s.name}`, triples: s.triples, bytes: s.bytes })) };
      await fsOps.writeNewFile(path.join(bulkDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      names.push(`${BULK_DIR}/manifest.json`, ...shards.map((s) => `${BULK_DIR}/${s.name}`));
      return names;
    } catch (error) {
      await pool.close();
      await writer.abort();
      throw ioError(error, 'write', show(options.outDir));
    }

    async function take(result: FilmJobDone, dir: string): Promise<void> {
      // Each slug names one film's IRIs and pages: a second film with it would merge into the first.
      const first = slugs.get(result.slug);
      if (first !== undefined) {
        for (const [written] of result.pages) await fsp.rm(path.join(staging, written), { force: true });
        const message = `two films have the same slug "${result.slug}": this one and the film in ${show(first)}`;
        if (badFilms === 'fail') throw new FilmkgError('INVALID_FACTS', `${message}\n(nothing was written; --bad-films skip leaves the later film out)`, { place: { file: show(dir) }, expected: 'a slug no other film has (metadata.json\'s "slug", or the one made from the title when it has none)' });
        skipped.push({ dir: show(dir), message });
        options.onSkip?.(show(dir), message);
        return;
      }
      films++;
      mapped += result.filmTriples + result.sharedCount;
      await writer.write(result.filmLines, result.filmTriples);
      await shared.add(result.sharedLines, result.sharedCount);
      slugs.set(result.slug, dir);
      for (const [written, name] of result.pages) {
        try {
          await fsp.rename(path.join(staging, written), path.join(staging, name));
        } catch (error) {
          throw ioError(error, 'write', show(path.join(options.outDir, name)));
        }
        names.push(name);
      }
      index.push({ source: { slug: result.slug }, title: { value: result.title }, ...(result.year !== undefined ? { year: { value: result.year } } : {}) });
    }
  };

  const output = await writeFilesAtomic(options.outDir, staticFiles, { show, fill });
  return { films, skipped, triples, shards, output, ms: performance.now() - started };
}

/** Groups merged lines into chunks of up to 4,096 for the shard writer. */
async function* chunked(lines: AsyncIterable<string>): AsyncGenerator<{ text: string; count: number }> {
  let parts: string[] = [];
  for await (const line of lines) {
    parts.push(line);
    if (parts.length === 4096) {
      yield { text: parts.join(''), count: parts.length };
      parts = [];
    }
  }
  if (parts.length > 0) yield { text: parts.join(''), count: parts.length };
}
