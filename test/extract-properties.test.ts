// Properties of the extractor on arbitrary and shuffled input (fast-check), as EXTRACTION.md §6 asks: it never
// throws but the three fatal codes, it is deterministic, every diagnostic names a line in range with that line's
// text, every evidence is on its lines, and --strict throws exactly when the lenient reading has an error or warning.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FilmkgError } from '../src/errors.js';
import { extractFacts } from '../src/extract/index.js';
import { FILMS_DIR } from '../src/paths.js';
import { expectEvidenceOnLines } from './helpers/evidence.js';

const META = { slug: 'prop', title: 'Prop', url: 'https://filmkg.example/prop', licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'test' };
const BUNDLED = readFileSync(path.join(FILMS_DIR, 'leaving-las-vegas', 'article.txt'), 'utf8').split('\n');
const FATAL = new Set(['NO_INFOBOX', 'EMPTY_INPUT', 'BINARY_INPUT']);

/** Extracts, returning the facts or the fatal code; anything else thrown fails the property. */
function read(text: string, strict = false) {
  try {
    return { facts: extractFacts(text, META, 'p.txt', { strict }) };
  } catch (error) {
    if (error instanceof FilmkgError && (FATAL.has(error.code) || (strict && error.code === 'STRICT'))) return { code: error.code };
    throw error;
  }
}

function holds(text: string): void {
  const first = read(text);
  expect(JSON.stringify(read(text))).toBe(JSON.stringify(first));
  if (!first.facts) return;
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  for (const d of first.facts.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines.length);
    expect(lines[d.line - 1]).toBe(d.text);
  }
  expect(first.facts.diagnostics.filter((d) => d.code.startsWith('internal:'))).toEqual([]);
  expectEvidenceOnLines(first.facts, lines);
  const strict = read(text, true);
  const loud = first.facts.diagnostics.some((d) => d.severity !== 'info');
  expect(strict.code === 'STRICT').toBe(loud);
}

describe('the extractor on arbitrary input', () => {
  it('holds on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => holds(s)), { numRuns: 200, seed: 42 });
  });
  it('holds on arbitrary lines placed around a real infobox', () => {
    const infobox = BUNDLED.slice(14, 36);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 }), fc.array(fc.string({ maxLength: 80 }), { maxLength: 20 }), (before, after) => holds([...before, ...infobox, ...after].join('\n'))),
      { numRuns: 150, seed: 7 },
    );
  });
  it('holds on the bundled article\'s lines shuffled, subsetted and repeated', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(BUNDLED, { minLength: 1 }), fc.nat({ max: 3 }), (subset, copies) => holds(Array.from({ length: copies + 1 }, () => subset).flat().join('\n'))),
      { numRuns: 100, seed: 11 },
    );
  });
});
