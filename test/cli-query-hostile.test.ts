// `filmkg query` with the queries that broke the engine (issue 12, family 1): a clean BAD_QUERY error naming the reason,
// never "internal error (please report)".
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'filmkg-cli-query-hostile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function query(...args: string[]) {
  const io = captureIo(tmp);
  const status = await run(['query', ...args], io);
  return { status, out: io.out, err: io.err };
}

describe('filmkg query refuses what would break the engine, cleanly', () => {
  it('1 000 nested {}: BAD_QUERY with the depth and the limit', async () => {
    const { status, out, err } = await query('-e', `SELECT * WHERE ${'{'.repeat(1000)}${'}'.repeat(1000)}`);
    expect(status).toBe(1);
    expect(out).toBe('');
    expect(err).toBe('filmkg query: error [BAD_QUERY]: query:1: the query nests 1000 brackets deep ({, ( and [ open at once); at most 48 are accepted; expected a flatter query\n');
  });

  it('900 chained OPTIONALs, and a 3 000-term sum: BAD_QUERY, no stack trace', async () => {
    for (const text of [`SELECT * WHERE { ?s ?p ?o ${'OPTIONAL { ?s ?p ?o } '.repeat(900)}}`, `ASK { FILTER(${Array(3000).fill('1').join('+')} > 0) }`]) {
      const { status, err } = await query('-e', text);
      expect(status).toBe(1);
      expect(err).toMatch(/^filmkg query: error \[BAD_QUERY\]: query: the query's patterns and expressions nest \d+ levels deep .*; at most 200 are accepted; expected a flatter or shorter query\n$/);
      expect(err).not.toMatch(/internal error|please report|at .*\.js:\d+/);
    }
  });
});
