// Every piece of evidence in the bundled film's facts (and the fixture films') is checked against the article at the lines it names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFilm } from '../src/pipeline.js';
import { FILMS_DIR } from '../src/paths.js';
import { expectEvidenceOnLines } from './helpers/evidence.js';

const FILMS = [path.join(FILMS_DIR, 'leaving-las-vegas'), ...['the-glass-orchard', 'northern-static', 'la-ultima-ronda'].map((s) => path.join(import.meta.dirname, 'fixtures', 'films', s))].filter((d) => {
  try {
    readFileSync(path.join(d, 'article.txt'));
    return true;
  } catch {
    return false;
  }
});

describe.each(FILMS)('evidence of %s', (dir) => {
  it('names lines whose text contains the evidence, with the markers that text carries', async () => {
    const facts = await loadFilm(dir);
    const lines = readFileSync(path.join(dir, 'article.txt'), 'utf8').split('\n');
    expect(expectEvidenceOnLines(facts, lines)).toBeGreaterThan(10);
  });
});
