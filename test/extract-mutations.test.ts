// Mutations of every corpus article (EXTRACTION.md §6): a line dropped, duplicated or swapped, junk in a table row,
// "Won" → "Wonn", CRLF line ends, doubled spaces, the text cut short. Whatever the damage: no exception but NO_INFOBOX
// (when the infobox itself went), no internal:* diagnostic, every diagnostic and evidence on the lines it names,
// the same facts twice, and a graph built from them that reads back. Deterministic: a seeded generator picks the lines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Parser } from 'n3';
import { FilmkgError } from '../src/errors.js';
import { toNTriples } from '../src/export/ntriples.js';
import { buildGraph } from '../src/graph.js';
import { CORPUS_DIRS } from '../src/eval/corpus.js';
import { extractFacts } from '../src/extract/index.js';
import { expectEvidenceOnLines } from './helpers/evidence.js';

const ARTICLES = CORPUS_DIRS.flatMap((dir) =>
  (existsSync(dir) ? readdirSync(dir, { withFileTypes: true }) : []).filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'article.txt'))).map((e) => path.join(dir, e.name, 'article.txt')),
);
const META = { slug: 'mutant', title: 'Mutant', url: 'https://filmkg.example/mutant', licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'test' };

/** A small seeded generator (mulberry32), so every run mutates the same lines. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (lines: string[], r: () => number) => string;
const pick = (lines: string[], r: () => number) => Math.floor(r() * lines.length);
const MUTATIONS: Record<string, Mutation> = {
  drop: (l, r) => l.filter((_, i) => i !== pick(l, r)).join('\n'),
  duplicate: (l, r) => { const i = pick(l, r); return [...l.slice(0, i + 1), l[i] ?? '', ...l.slice(i + 1)].join('\n'); },
  swap: (l, r) => { const c = [...l]; const i = pick(l, r); const j = Math.min(c.length - 1, i + 1); [c[i], c[j]] = [c[j] ?? '', c[i] ?? '']; return c.join('\n'); },
  junk: (l, r) => { const c = [...l]; const i = pick(l, r); c[i] = `${c[i]} ¶¶ 12:3 "unclosed [9`; return c.join('\n'); },
  wonn: (l) => l.map((x) => x.replace(/\bWon\b/, 'Wonn')).join('\n'),
  crlf: (l) => l.join('\r\n'),
  spaces: (l) => l.map((x) => x.replace(/ /g, '  ')).join('\n'),
  truncate: (l, r) => l.slice(0, Math.max(1, pick(l, r))).join('\n'),
};

describe.each(ARTICLES)('mutations of %s', (file) => {
  const original = readFileSync(file, 'utf8').replace(/\r\n/g, '\n').split('\n');
  it.each(Object.keys(MUTATIONS))('%s: no crash, diagnostics and evidence on their lines, deterministic', (name) => {
    const r = random(original.length * 31 + name.length);
    for (let round = 0; round < 3; round++) {
      const text = (MUTATIONS[name] as Mutation)(original, r);
      const lines = text.replace(/\r\n/g, '\n').split('\n');
      let facts;
      try {
        facts = extractFacts(text, META, 'mutant.txt');
      } catch (error) {
        // Only the loss of the infobox (or of everything) may reject the text, and then with its code.
        expect(error).toBeInstanceOf(FilmkgError);
        expect(['NO_INFOBOX', 'EMPTY_INPUT']).toContain((error as FilmkgError).code);
        continue;
      }
      expect(facts.diagnostics.filter((d) => d.code.startsWith('internal:'))).toEqual([]);
      for (const d of facts.diagnostics) expect(lines[d.line - 1], `${d.code} at ${d.line}`).toBe(d.text);
      expectEvidenceOnLines(facts, lines);
      // …and the facts build into a graph whose every triple reads back (extract → build, as a user would run it).
      const quads = buildGraph([facts]);
      expect(new Parser({ format: 'N-Triples' }).parse(toNTriples(quads))).toHaveLength(quads.length);
      expect(JSON.stringify(extractFacts(text, META, 'mutant.txt'))).toBe(JSON.stringify(facts));
    }
  });
});
