// Bad input, both kinds: text that is no film article gets a FilmkgError with its code and line (exit 1, nothing on
// stdout); a local irregularity in a good article is a diagnostic with its code and line, and the rest is extracted.
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

/** Input that is no film article at all: a FilmkgError with its code and line, and exit 1 with nothing on stdout. */
const FATAL: Array<{ name: string; content: string | Buffer; code: string; line: number; expected: RegExp }> = [
  { name: 'an empty file', content: '', code: 'EMPTY_INPUT', line: 1, expected: /expected the plain text of a Wikipedia film article/ },
  { name: 'a file of blank lines', content: '\n\n  \n', code: 'EMPTY_INPUT', line: 1, expected: /article is empty/ },
  { name: 'a binary file', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), code: 'BINARY_INPUT', line: 1, expected: /not UTF-8 text/ },
  { name: 'an article with no infobox', content: [...LINES.slice(0, 14), ...LINES.slice(36)].join('\n'), code: 'NO_INFOBOX', line: 1, expected: /no film infobox; expected a film article: an infobox with labelled rows/ },
  { name: 'prose alone', content: 'Leaving Las Vegas is a 1995 American drama film directed by Mike Figgis.\n', code: 'NO_INFOBOX', line: 1, expected: /no film infobox/ },
];

describe.each(FATAL)('extracting $name', ({ content, code, line, expected }) => {
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

/**
 * A local irregularity inside a good article: a diagnostic with its code and line, the item skipped or kept as far as
 * it is certain, every other fact still extracted; `--strict` turns an error or warning into exit 1 (STRICT) at that line.
 */
const LOCAL: Array<{ name: string; content: string; code: string; severity: 'error' | 'warning' | 'info'; line: number; accolades: number; tracks: number }> = [
  { name: 'a truncated accolades table', content: [...LINES.slice(0, 151), 'Writers Guild of America Awards Best Screenplay – Based on', ''].join('\n'), code: 'accolades:no-result', severity: 'error', line: 152, accolades: 60, tracks: 0 },
  { name: 'an accolades row with no result', content: withLine(100, 'Best Director Mike Figgis'), code: 'accolades:no-result', severity: 'error', line: 100, accolades: 60, tracks: 25 },
  { name: 'a track line without a closing quote', content: withLine(168, '5."Leaving Las Vegas Mike Figgis3:12'), code: 'soundtrack:no-title', severity: 'error', line: 168, accolades: 61, tracks: 24 },
  { name: 'a music track without a duration', content: withLine(168, '5."Leaving Las Vegas"\u00a0Mike Figgis'), code: 'soundtrack:no-duration', severity: 'info', line: 168, accolades: 61, tracks: 25 },
  { name: 'a track line that is not a track', content: withLine(168, 'Leaving Las Vegas Mike Figgis'), code: 'soundtrack:unread-line', severity: 'error', line: 168, accolades: 61, tracks: 24 },
  { name: 'a track line with a stray length', content: withLine(168, 'Leaving Las Vegas Mike Figgis 3:12'), code: 'soundtrack:unread-line', severity: 'error', line: 168, accolades: 61, tracks: 24 },
  { name: 'tracks out of order', content: withLine(168, '7."Leaving Las Vegas"\u00a0Mike Figgis3:12'), code: 'soundtrack:numbering', severity: 'warning', line: 168, accolades: 61, tracks: 24 },
  { name: 'an infobox budget that is not money', content: withLine(35, 'Budgetunknown'), code: 'infobox:bad-money', severity: 'error', line: 35, accolades: 61, tracks: 25 },
  { name: 'a dialogue credit that is a band', content: withLine(191, 'Lou Rawls and The Kestrels'), code: 'soundtrack:not-a-speaking-credit', severity: 'warning', line: 191, accolades: 61, tracks: 25 },
];

describe.each(LOCAL)('extracting $name', ({ content, code, severity, line, accolades, tracks }) => {
  it(`reports ${severity} ${code} at line ${line} and keeps the rest`, () => {
    const references = content.split('\n').length < LINES.length - 10 ? 0 : 27;
    const facts = extractFacts(content, META, 'article.txt');
    expect(facts.diagnostics.filter((d) => d.code === code).map((d) => [d.line, d.severity, d.text])).toEqual([[line, severity, content.split('\n')[line - 1]]]);
    expect(facts.diagnostics.some((d) => d.code.startsWith('internal:'))).toBe(false);
    expect(facts.accolades).toHaveLength(accolades);
    expect(facts.soundtrack?.tracks ?? []).toHaveLength(tracks);
    expect(facts.credits.length).toBeGreaterThan(5);
    expect(facts.references).toHaveLength(references);
  });

  it('makes `filmkg extract` exit 0 with the facts and the diagnostic on stderr; --strict exits 1 on errors and warnings', async () => {
    const file = path.join(tmp, `${code.replace(':', '-')}-${line}.txt`);
    writeFileSync(file, content);
    const io = captureIo();
    expect(await run(['extract', file], io)).toBe(0);
    expect(JSON.parse(io.out).diagnostics.some((d: { code: string; line: number }) => d.code === code && d.line === line)).toBe(true);
    expect(io.err).toContain(`:${line}: ${severity} ${code}: `);
    expect(io.err).toMatch(/filmkg extract: \d+ diagnostic\(s\)/);
    // (Read without its curation file, the article also has the rules' warnings: --strict fails on those too.)
    const strict = captureIo();
    const status = await run(['extract', '--strict', file], strict);
    if (severity !== 'info') {
      expect(status).toBe(1);
      expect(strict.out).toBe('');
      expect(strict.err).toMatch(/error \[STRICT\]: .*:\d+: /);
      expect(strict.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe('filmkg extract usage', () => {
  it('prints the bundled facts as JSON', async () => {
    const io = captureIo();
    expect(await run(['extract'], io)).toBe(0);
    const facts = JSON.parse(io.out);
    expect(facts.accolades).toHaveLength(61);
    expect(io.err).toMatch(/^filmkg extract: 0 diagnostic\(s\)/);
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
