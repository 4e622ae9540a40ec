// Review of `filmkg export` errors: an unknown --film is a data error (exit 1) listing the films there are, a bad
// --format a usage error (exit 2), and an --out that cannot be written an IO error naming the file, never a stack trace.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportCommand } from '../src/cli/export.js';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'filmkg-web-review-export-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('filmkg export errors', () => {
  test('an unknown --film is a data error (exit 1) listing the known films; a bad --format is a usage error (exit 2)', async () => {
    await expect(exportCommand.run(['--format', 'html', '--film', 'nope'], captureIo(dir))).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
      place: { path: '--film' },
      expected: 'one of leaving-las-vegas',
      found: 'nope',
    });
    const io = captureIo(dir);
    expect(await run(['export', '--format', 'html', '--film', 'nope'], io)).toBe(1);
    expect(io.err).toContain('one of leaving-las-vegas');
    expect(await run(['export', '--format', 'pdf'], captureIo(dir))).toBe(2);
  });

  test('an --out that cannot be written is an IO error naming the file, not an internal error', async () => {
    await writeFile(path.join(dir, 'a-file'), 'x');
    await expect(exportCommand.run(['--format', 'html', '--out', 'a-file/page.html'], captureIo(dir))).rejects.toMatchObject({
      code: 'IO',
      place: { file: 'a-file/page.html' },
    });
    const io = captureIo(dir);
    expect(await run(['export', '--format', 'jsonld-embed', '--out', 'a-file/x.jsonld'], io)).toBe(1);
    expect(io.err).toMatch(/^filmkg export: error \[IO\]: a-file\/x\.jsonld: /);
    expect(io.err).not.toContain('internal error');
  });
});
