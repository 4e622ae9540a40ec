// Bad input: each case gets a FilmkgError with its code and line, and `filmkg extract` exits 1 with nothing on stdout.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { captureIo } from '../src/cli/io.js';
import { FilmkgError } from '../src/errors.js';
import { extractFacts } from '../src/extract/index.js';
import { FILMS_DIR } from '../src/paths.js';

const ARTICLE = readFileSync(path.join(FILMS_DIR, 'leaving-las-vegas', 'article.txt'), 'utf8');
const META = JSON.parse(readFileSync(path.join(FILMS_DIR, 'leaving-las-vegas', 'metadata.json'), 'utf8'));
const LINES = ARTICLE.split('\n');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'filmkg-extract-errors-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The bundled article with line `no` (1-based) replaced, or removed when `text` is undefined. */
function withLine(no: number, text: string | undefined): string {
  const lines = [...LINES];
  if (text === undefined) lines.splice(no - 1, 1);
  else lines[no - 1] = text;
  return lines.join('\n');
}

const CASES: Array<{ name: string; content: string | Buffer; code: string; line: number; expected: RegExp }> = [
  { name: 'an empty file', content: '', code: 'EMPTY_INPUT', line: 1, expected: /expected the plain text of a Wikipedia film article/ },
  { name: 'a file of blank lines', content: '\n\n  \n', code: 'EMPTY_INPUT', line: 1, expected: /article is empty/ },
  { name: 'a binary file', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), code: 'BINARY_INPUT', line: 1, expected: /not UTF-8 text/ },
  { name: 'an article with no infobox', content: [...LINES.slice(0, 14), ...LINES.slice(36)].join('\n'), code: 'NO_INFOBOX', line: 16, expected: /expected an infobox after the title/ },
  { name: 'an article with no title block', content: LINES.slice(20).join('\n'), code: 'NO_INFOBOX', line: 1, expected: /From Wikipedia/ },
  { name: 'a truncated accolades table', content: [...LINES.slice(0, 151), 'Writers Guild of America Awards Best Screenplay – Based on', ''].join('\n'), code: 'TRUNCATED_TABLE', line: 152, expected: /ends in the middle of a row; expected a row ending with Won, Nominated/ },
  { name: 'an accolades row with no result', content: withLine(100, 'Best Director Mike Figgis'), code: 'BAD_TABLE_ROW', line: 100, expected: /does not end with a result/ },
  { name: 'a track line without a closing quote', content: withLine(168, '5."Leaving Las Vegas Mike Figgis3:12'), code: 'BAD_TRACK', line: 168, expected: /no closing quote/ },
  { name: 'a music track without a duration', content: withLine(168, '5."Leaving Las Vegas"\u00a0Mike Figgis'), code: 'BAD_TRACK', line: 168, expected: /no duration/ },
  { name: 'a track line that is not a track', content: withLine(168, 'Leaving Las Vegas Mike Figgis'), code: 'BAD_TRACK', line: 168, expected: /Actor as Character/ },
  { name: 'a dialogue track with two lengths', content: withLine(168, 'Leaving Las Vegas Mike Figgis 3:12'), code: 'BAD_TRACK', line: 168, expected: /two durations/ },
  { name: 'tracks out of order', content: withLine(168, '7."Leaving Las Vegas"\u00a0Mike Figgis3:12'), code: 'BAD_TRACK', line: 168, expected: /expected track number 5/ },
  { name: 'an infobox budget that is not money', content: withLine(35, 'Budgetunknown'), code: 'BAD_INFOBOX', line: 35, expected: /not an amount of money/ },
];

describe.each(CASES)('extracting $name', ({ content, code, line, expected }) => {
  it(`fails with ${code} at line ${line}`, () => {
    const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
    let error: unknown;
    try {
      extractFacts(text, META, 'article.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FilmkgError);
    const e = error as FilmkgError;
    expect(e.code).toBe(code);
    expect(e.place).toMatchObject({ file: 'article.txt', line });
    expect(e.message).toMatch(expected);
  });

  it('makes `filmkg extract` exit 1 with a one-line message and no output', async () => {
    const file = path.join(tmp, `${code}-${line}.txt`);
    writeFileSync(file, content);
    const io = captureIo();
    const status = await run(['extract', file], io);
    expect(status).toBe(1);
    expect(io.out).toBe('');
    expect(io.err).toContain(`error [${code}]: ${file}:${line}: `);
    expect(io.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(io.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('filmkg extract usage', () => {
  it('prints the bundled facts as JSON', async () => {
    const io = captureIo();
    expect(await run(['extract'], io)).toBe(0);
    const facts = JSON.parse(io.out);
    expect(facts.accolades).toHaveLength(61);
    expect(io.err).toBe('');
  });
  it('documents itself', async () => {
    const io = captureIo();
    expect(await run(['extract', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/^Usage: filmkg extract \[ARTICLE\]/);
    const top = captureIo();
    expect(await run(['--help'], top)).toBe(0);
    expect(top.out).toMatch(/extract\s+print the facts/);
  });
  it('rejects unknown options and a missing file', async () => {
    const io = captureIo();
    expect(await run(['extract', '--frobnicate'], io)).toBe(2);
    expect(io.err).toMatch(/USAGE/);
    const missing = captureIo();
    expect(await run(['extract', path.join(tmp, 'nope.txt')], missing)).toBe(1);
    expect(missing.err).toMatch(/FILE_NOT_FOUND/);
  });
});
