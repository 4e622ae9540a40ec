// The lines a many-film build must write once though several films produce them (people, organisations, awards,
// content-named statements …): an external sort. Lines are gathered in a buffer of bounded size; a full buffer is sorted,
// de-duplicated and written to a run file; at the end the runs are merged (at most MAX_FAN_IN at once, in passes) into
// one sorted stream of unique lines. Memory: the buffer (runBytes of text) plus one READ_BYTES buffer per merged run.
// Lines are cut from their text with `slice`, "\n" included: V8 then keeps each as a view of the text instead of a copy
// (a line joined to its "\n" would be a new string, copied again the first time it is compared).
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { compare } from '../graph.js';

/** Runs merged at once; more runs are merged in passes, so memory stays MAX_FAN_IN × READ_BYTES whatever their number. */
export const MAX_FAN_IN = 64;
/** Bytes read from a run at once: 64 runs merged at once hold 64 of these, and their lines. */
const READ_BYTES = 1 << 16;

/** Reads a run file line by line (each line with its "\n"), synchronously, through a fixed buffer. */
class RunReader {
  private readonly fd: number;
  private readonly buffer = Buffer.alloc(READ_BYTES);
  private readonly decoder = new StringDecoder('utf8');
  private lines: string[] = [];
  private at = 0;
  private rest = '';
  private done = false;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'r');
  }

  /** The next line, or undefined at the end (the file is then closed). */
  next(): string | undefined {
    while (this.at >= this.lines.length) {
      if (this.done) return undefined;
      this.fill();
    }
    return this.lines[this.at++];
  }

  private fill(): void {
    const n = readSync(this.fd, this.buffer, 0, READ_BYTES, null);
    let text = this.rest + (n > 0 ? this.decoder.write(this.buffer.subarray(0, n)) : this.decoder.end());
    if (n === 0) {
      this.done = true;
      closeSync(this.fd);
      if (text !== '' && !text.endsWith('\n')) text += '\n';
    }
    const end = text.lastIndexOf('\n') + 1;
    this.rest = text.slice(end);
    this.lines = linesOf(text, end, []);
    this.at = 0;
  }
}

/** Pushes onto `lines` each line of `text` before `end` (a line end or 0), "\n" included, as a slice of `text`. */
function linesOf(text: string, end: number, lines: string[]): string[] {
  let from = 0;
  while (from < end) {
    const to = text.indexOf('\n', from) + 1;
    lines.push(text.slice(from, to));
    from = to;
  }
  return lines;
}

/**
 * Merges sorted line sources into one sorted sequence without repeats, through a binary heap of the sources' heads (a
 * line costs about log2(sources) comparisons rather than one per source).
 */
function* mergeSorted(sources: Array<() => string | undefined>): Generator<string> {
  const heads: string[] = [];
  const from: Array<() => string | undefined> = [];
  for (const next of sources) {
    const head = next();
    if (head !== undefined) {
      heads.push(head);
      from.push(next);
    }
  }
  let size = heads.length;
  /** Moves the entry at i down until neither child is smaller. */
  const sink = (i: number): void => {
    const head = heads[i] as string;
    const source = from[i] as () => string | undefined;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && compare(heads[child + 1] as string, heads[child] as string) < 0) child++;
      if (compare(heads[child] as string, head) >= 0) break;
      heads[i] = heads[child] as string;
      from[i] = from[child] as () => string | undefined;
      i = child;
    }
    heads[i] = head;
    from[i] = source;
  };
  for (let i = (size >> 1) - 1; i >= 0; i--) sink(i);
  let previous: string | undefined;
  while (size > 0) {
    const line = heads[0] as string;
    if (line !== previous) yield line;
    previous = line;
    const next = (from[0] as () => string | undefined)();
    if (next !== undefined) heads[0] = next;
    else {
      size--;
      heads[0] = heads[size] as string;
      from[0] = from[size] as () => string | undefined;
      heads.length = size;
      from.length = size;
    }
    if (size > 0) sink(0);
  }
}

/** Sorted unique lines of a buffer of texts. */
function sortedUnique(texts: string[]): string[] {
  const lines: string[] = [];
  for (const text of texts) linesOf(text, text.lastIndexOf('\n') + 1, lines);
  lines.sort(compare);
  const out: string[] = [];
  let previous: string | undefined;
  for (const line of lines) {
    if (line !== previous) out.push(line);
    previous = line;
  }
  return out;
}

/**
 * Gathers lines, spilling sorted runs to files in `dir`; `merged()` gives them back sorted and unique. The buffer keeps
 * each film's lines as the one text they came in (a string per line costs several times its characters in V8).
 */
export class SharedLines {
  private buffer: string[] = [];
  private bufferBytes = 0;
  private readonly runs: string[] = [];
  private made = 0;
  /** Lines added, repeats included. */
  added = 0;

  /** `dir` must exist and belong to this build; `runBytes` bounds the buffer (characters of N-Triples text). */
  constructor(
    private readonly dir: string,
    private readonly runBytes: number,
  ) {}

  /** Adds `count` lines given as one text (each line ending in "\n"); writes a run when the buffer is full. */
  async add(text: string, count: number): Promise<void> {
    if (count === 0) return;
    this.buffer.push(text);
    this.bufferBytes += text.length;
    this.added += count;
    if (this.bufferBytes >= this.runBytes) await this.spill();
  }

  /** Runs written so far. */
  get runCount(): number {
    return this.runs.length;
  }

  private nextRunFile(): string {
    return path.join(this.dir, `run-${String(++this.made).padStart(6, '0')}.nt`);
  }

  private async spill(): Promise<void> {
    const lines = sortedUnique(this.buffer);
    this.buffer = [];
    this.bufferBytes = 0;
    const file = this.nextRunFile();
    const handle = await fsp.open(file, 'wx');
    try {
      for (let i = 0; i < lines.length; i += 65536) await handle.write(lines.slice(i, i + 65536).join(''));
    } finally {
      await handle.close();
    }
    this.runs.push(file);
  }

  /** Merges `files` into one new run (a pass, when there are more than MAX_FAN_IN runs). */
  private async mergeRuns(files: string[]): Promise<string> {
    const readers = files.map((f) => new RunReader(f));
    const file = this.nextRunFile();
    const handle = await fsp.open(file, 'wx');
    try {
      let chunk: string[] = [];
      for (const line of mergeSorted(readers.map((r) => () => r.next()))) {
        chunk.push(line);
        if (chunk.length === 65536) {
          await handle.write(chunk.join(''));
          chunk = [];
        }
      }
      if (chunk.length > 0) await handle.write(chunk.join(''));
    } finally {
      await handle.close();
    }
    for (const f of files) rmSync(f, { force: true });
    return file;
  }

  /**
   * Every line added, sorted and unique. Call once, after the last add. The buffer left in memory is merged with the
   * runs directly; run files are removed as they are used up.
   */
  async *merged(): AsyncGenerator<string> {
    while (this.runs.length > MAX_FAN_IN - 1) {
      const group = this.runs.splice(0, MAX_FAN_IN);
      this.runs.push(await this.mergeRuns(group));
    }
    const memory = sortedUnique(this.buffer);
    this.buffer = [];
    this.bufferBytes = 0;
    let at = 0;
    const readers = this.runs.map((f) => new RunReader(f));
    const sources = [...readers.map((r) => () => r.next()), () => memory[at++]];
    yield* mergeSorted(sources);
    for (const f of this.runs) rmSync(f, { force: true });
    this.runs.length = 0;
  }
}
