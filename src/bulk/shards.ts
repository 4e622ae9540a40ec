// Sharded, gzip-compressed N-Triples for bulk loaders: part-00001.nt.gz, part-00002.nt.gz … of at most `shardTriples`
// triples each, cut at line ends. gzip output is deterministic (zlib writes no time stamp or name in the header).
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';

/** One shard written. */
export interface Shard {
  /** File name, e.g. `part-00001.nt.gz`. */
  readonly name: string;
  readonly triples: number;
  /** Compressed size in bytes. */
  readonly bytes: number;
}

interface OpenShard {
  name: string;
  handle: fsp.FileHandle;
  gzip: Gzip;
  triples: number;
  bytes: number;
  finished: Promise<void>;
}

/** The shard file name of number n (1-based). */
export function shardName(n: number): string {
  return `part-${String(n).padStart(5, '0')}.nt.gz`;
}

/** Writes N-Triples lines into successive compressed shards in `dir` (which must exist). */
export class ShardWriter {
  private current: OpenShard | undefined;
  private readonly done: Shard[] = [];
  /** Triples written in all shards. */
  triples = 0;

  constructor(
    private readonly dir: string,
    private readonly shardTriples: number,
  ) {
    if (!(Number.isInteger(shardTriples) && shardTriples > 0)) throw new RangeError('shardTriples must be a positive integer');
  }

  private async open(): Promise<OpenShard> {
    const name = shardName(this.done.length + 1);
    const handle = await fsp.open(path.join(this.dir, name), 'wx');
    const gzip = createGzip({ level: 6 });
    const shard: OpenShard = { name, handle, gzip, triples: 0, bytes: 0, finished: Promise.resolve() };
    shard.finished = (async () => {
      for await (const chunk of gzip) {
        const data = chunk as Buffer;
        await handle.write(data);
        shard.bytes += data.byteLength;
      }
    })();
    return shard;
  }

  private async closeCurrent(): Promise<void> {
    const shard = this.current;
    if (!shard) return;
    this.current = undefined;
    shard.gzip.end();
    await shard.finished;
    await shard.handle.sync();
    await shard.handle.close();
    this.done.push({ name: shard.name, triples: shard.triples, bytes: shard.bytes });
  }

  private async put(text: string | Uint8Array, count: number): Promise<void> {
    const shard = (this.current ??= await this.open());
    shard.triples += count;
    this.triples += count;
    if (!shard.gzip.write(text)) await once(shard.gzip, 'drain');
    if (shard.triples === this.shardTriples) await this.closeCurrent();
  }

  /** Writes `count` lines given as one text or its UTF-8 bytes (each line ending in "\n"), cutting shards at their size. */
  async write(text: string | Uint8Array, count: number): Promise<void> {
    let rest = text;
    let left = count;
    while (left > 0) {
      const room = this.shardTriples - (this.current?.triples ?? 0);
      if (left <= room) {
        await this.put(rest, left);
        return;
      }
      // Cut after `room` lines.
      let at = -1;
      if (typeof rest === 'string') {
        for (let i = 0; i < room; i++) at = rest.indexOf('\n', at + 1);
        await this.put(rest.slice(0, at + 1), room);
        rest = rest.slice(at + 1);
      } else {
        for (let i = 0; i < room; i++) at = rest.indexOf(0x0a, at + 1);
        await this.put(rest.subarray(0, at + 1), room);
        rest = rest.subarray(at + 1);
      }
      left -= room;
    }
  }

  /** Closes the last shard (flushed to the device) and returns every shard written. */
  async close(): Promise<Shard[]> {
    await this.closeCurrent();
    return [...this.done];
  }

  /** Closes whatever is open without finishing it (after a failure; the folder is discarded). */
  async abort(): Promise<void> {
    const shard = this.current;
    this.current = undefined;
    if (!shard) return;
    shard.gzip.destroy();
    await shard.finished.catch(() => undefined);
    await shard.handle.close().catch(() => undefined);
  }
}
