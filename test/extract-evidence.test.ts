// Every piece of evidence in the bundled film's facts (and the fixture films') is checked against the article at the lines it names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFilm } from '../src/pipeline.js';
import { FILMS_DIR } from '../src/paths.js';
import { markersIn } from '../src/extract/lines.js';
import { allEvidence } from './helpers/evidence.js';

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
    const all = allEvidence(facts);
    expect(all.length).toBeGreaterThan(10);
    for (const { path: at, evidence: e } of all) {
      const span = lines.slice(e.line - 1, e.endLine).join('\n');
      expect(span.includes(e.text), `${at}: line ${e.line}-${e.endLine} should contain ${JSON.stringify(e.text)}`).toBe(true);
      // Markers come from the evidence text (or, for a table row, the whole row), never from elsewhere.
      const carried = markersIn(span);
      for (const r of e.refs) expect(carried.refs, `${at}: [${r}] on line ${e.line}`).toContain(r);
      for (const n of e.notes) expect(carried.notes, `${at}: [${n}] on line ${e.line}`).toContain(n);
    }
  });
});
