// Hand-written FilmFacts fragments for mapper tests: every value is copied from data/films/leaving-las-vegas/article.txt at the line its evidence names.
import type { Evidence, FilmFacts } from '../../src/facts/model.js';
import { checkFacts } from '../../src/facts/check.js';

/** Evidence for `text` on `line` (or `line`..`endLine`), with its citation markers. */
export function ev(line: number, text: string, refs: number[] = [], notes: string[] = [], endLine = line): Evidence {
  return { line, endLine, text, refs, notes };
}

/** The bundled film's source metadata (metadata.json, and line 233 for the revision). */
export const SOURCE: FilmFacts['source'] = {
  slug: 'leaving-las-vegas',
  title: 'Leaving Las Vegas',
  url: 'https://en.wikipedia.org/wiki/Leaving_Las_Vegas',
  revision: { dateTime: '2023-05-30T18:20:00Z', line: 233, text: 'This page was last edited on 30 May 2023, at 18:20' },
  licence: { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/' },
  attribution:
    'Text of the Wikipedia article "Leaving Las Vegas" (https://en.wikipedia.org/wiki/Leaving_Las_Vegas), by Wikipedia contributors, revision of 30 May 2023, 18:20; available under the Creative Commons Attribution-ShareAlike 3.0 Unported License. Reproduced here as plain text, unmodified.',
  retrieved: '2026-11-24',
};

/** The smallest valid facts of the bundled film: its source and title (infobox line 15), every list empty. */
export function minimalFacts(): FilmFacts {
  return {
    source: SOURCE,
    title: { value: 'Leaving Las Vegas', evidence: ev(15, 'Leaving Las Vegas') },
    genres: [],
    nationalities: [],
    countries: [],
    languages: [],
    diagnostics: [],
    credits: [],
    organisations: [],
    releases: [],
    cast: [],
    characters: [],
    production: [],
    homeMedia: [],
    reviewScores: [],
    reviews: [],
    bestOfLists: [],
    accolades: [],
    footnotes: [],
    references: [],
    externalIds: [],
    unknownInfoboxFields: [],
  };
}

/** Minimal facts plus `parts`, validated with the project's facts check so that fixtures cannot drift from the model. */
export function facts(parts: Partial<FilmFacts>): FilmFacts {
  return checkFacts({ ...minimalFacts(), ...parts }, 'test fixture');
}
