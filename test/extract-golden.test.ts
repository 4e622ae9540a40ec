// Golden whole output of `filmkg extract` for every test film: the facts JSON, byte for byte.
// The files were reviewed against the articles (the reviewed tables in extract-leaving-las-vegas.test.ts and
// extract-other-articles.test.ts hold the same values); regenerate after a reviewed change with:
//   UPDATE_GOLDEN=1 npx vitest run test/extract-golden.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { FILMS_DIR } from '../src/paths.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = path.join(import.meta.dirname, 'golden');
const FILMS: Array<[string, string]> = [
  ['leaving-las-vegas', path.join(FILMS_DIR, 'leaving-las-vegas')],
  ['northern-static', path.join(import.meta.dirname, 'fixtures', 'films', 'northern-static')],
  ['la-ultima-ronda', path.join(import.meta.dirname, 'fixtures', 'films', 'la-ultima-ronda')],
];

describe.each(FILMS)('facts of %s', (slug, dir) => {
  it('match the golden file byte for byte, and twice in a row', async () => {
    const first = captureIo();
    const second = captureIo();
    expect(await run(['extract', dir], first)).toBe(0);
    expect(await run(['extract', dir], second)).toBe(0);
    expect(second.out).toBe(first.out);
    const file = path.join(GOLDEN, `${slug}.facts.json`);
    if (UPDATE || !existsSync(file)) {
      if (!UPDATE) throw new Error(`${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/extract-golden.test.ts`);
      writeFileSync(file, first.out);
    }
    expect(first.out).toBe(readFileSync(file, 'utf8'));
  });
});
