// FICTIONAL facts for tests: "The Glass Orchard" is an invented film (no such film exists). It shares a producer's name
// (Lila Cazès) and an aggregator (Rotten Tomatoes) with the bundled film so that multi-film graphs can be checked.
import type { FilmFacts } from '../../src/facts/model.js';
import { checkFacts } from '../../src/facts/check.js';
import { ev } from './facts.js';

/** The fictional film's facts (every evidence line refers to test/fixtures/films/the-glass-orchard/article.txt). */
export function fictionalFacts(parts: Partial<FilmFacts> = {}): FilmFacts {
  const base: FilmFacts = {
    source: {
      slug: 'the-glass-orchard',
      title: 'The Glass Orchard',
      url: 'https://en.wikipedia.org/wiki/The_Glass_Orchard_(fictional)',
      revision: { dateTime: '2024-01-02T03:04:00Z', line: 30, text: 'This page was last edited on 2 January 2024, at 03:04' },
      licence: { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/' },
      attribution: "FICTIONAL test article written for filmkg's tests in the format of a Wikipedia article; not a Wikipedia article, and no such film exists.",
      retrieved: '2024-01-03',
    },
    title: { value: 'The Glass Orchard', evidence: ev(5, 'The Glass Orchard') },
    year: { value: 2001, evidence: ev(18, 'The Glass Orchard is a 2001 Portuguese drama film directed by Ana Ferreira.') },
    genres: [],
    nationalities: [],
    countries: [],
    languages: [],
    credits: [
      { role: 'director', person: 'Ana Ferreira', evidence: ev(8, 'Directed byAna Ferreira') },
      { role: 'producer', person: 'Lila Cazès', evidence: ev(9, 'Produced byLila Cazès') },
    ],
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
  return checkFacts({ ...base, ...parts }, 'fictional fixture');
}
