// rawPart (src/extract/lines.ts) finds evidence text by scanning the line, not by building a regular expression per
// call; it must find exactly what the regular expression found, on every line of every article in the project.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CORPUS_DIRS } from '../src/eval/corpus.js';
import { normalise, rawPart, toLines, type ArticleLine } from '../src/extract/lines.js';

/** rawPart as it was: the normalised words joined by " +", matched in the line with odd spaces made plain. */
function rawPartByRegExp(line: ArticleLine, normalisedPart: string): string | undefined {
  const target = normalise(normalisedPart);
  if (target === '') return undefined;
  const spaced = line.raw.replace(/[\u00a0\u2002-\u200a\u202f\u205f\u3000]/g, ' ');
  const pattern = new RegExp(target.split(' ').map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' +'));
  const m = pattern.exec(spaced);
  return m ? line.raw.slice(m.index, m.index + m[0].length) : undefined;
}

const articles = CORPUS_DIRS.flatMap((dir) => (existsSync(dir) ? readdirSync(dir) : []).map((name) => path.join(dir, name, 'article.txt')).filter((f) => existsSync(f)));

/** Parts to look for in a line: its sentences and words, slices at odd places, texts with spaces doubled, and misses. */
function partsOf(line: ArticleLine): string[] {
  const t = line.text;
  const words = t.split(' ').filter(Boolean);
  const parts = [t, ...t.split(/(?<=[.!?]) /), ...words.slice(0, 12), words.slice(1, 5).join(' '), words.slice(-3).join('  '), t.slice(3, 40), t.slice(-25), ` ${t.slice(0, 15)} `, `${words[0] ?? ''}\u00a0${words[1] ?? ''}`, `${t.slice(0, 10)}\t${t.slice(10, 20)}`, 'no such text anywhere', '', '   '];
  return parts;
}

it('finds exactly what the regular expression found, on every line of every article', () => {
  expect(articles.length).toBeGreaterThanOrEqual(30);
  let compared = 0;
  let found = 0;
  let oddFound = 0;
  for (const file of articles) {
    for (const line of toLines(readFileSync(file, 'utf8'), file)) {
      for (const part of partsOf(line)) {
        const expected = rawPartByRegExp(line, part);
        expect(rawPart(line, part), `${file}:${line.no} ${JSON.stringify(part)}`).toBe(expected);
        compared++;
        if (expected !== undefined) found++;
        if (expected !== undefined && expected !== normalise(expected)) oddFound++;
      }
    }
  }
  expect(compared).toBeGreaterThan(40_000);
  expect(found).toBeGreaterThan(20_000);
  // Evidence that keeps U+00A0, U+2005 or runs of spaces from the file is among them.
  expect(oddFound).toBeGreaterThan(100);
});

it('keeps odd spaces and runs of spaces of the raw line', () => {
  const [line] = toLines('Budget\u00a0$3.5\u2005million  (est.)', 'a.txt') as [ArticleLine];
  expect(rawPart(line, '$3.5 million (est.)')).toBe('$3.5\u2005million  (est.)');
  expect(rawPart(line, 'Budget $3.5')).toBe('Budget\u00a0$3.5');
  expect(rawPart(line, 'million (est')).toBe('million  (est');
  expect(rawPart(line, 'million(est.)')).toBeUndefined();
});
