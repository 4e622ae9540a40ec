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
    countries: [{ value: 'Portugal', evidence: ev(15, 'CountryPortugal') }],
    languages: [],
    credits: [
      { role: 'director', person: 'Ana Ferreira', evidence: ev(8, 'Directed byAna Ferreira') },
      { role: 'producer', person: 'Lila Cazès', evidence: ev(9, 'Produced byLila Cazès') },
    ],
    organisations: [{ role: 'distributor', name: 'MGM/UA Distribution Co.', evidence: ev(10, 'Distributed byMGM/UA Distribution Co.') }],
    releases: [{ date: '2001-03-03', kind: 'Limited', evidence: ev(12, '  • March 3, 2001 (2001-03-03) (Limited)') }],
    runningTime: { minutes: 98, duration: 'PT98M', evidence: ev(14, '98 minutes') },
    budget: { currency: 'USD', amount: '1200000', text: '$1.2 million', evidence: ev(16, 'Budget$1.2 million[1]', [1]) },
    cast: [],
    characters: [],
    production: [],
    homeMedia: [],
    reviewScores: [],
    reviews: [],
    bestOfLists: [],
    accolades: [
      { row: 1, body: 'Orchard Critics Awards', category: 'Best Film', recipients: [], recipientSource: 'film', result: 'Won', placement: 1, bodyOnRow: true, evidence: ev(22, 'Orchard Critics Awards Best Film Won'),
        decision: { id: 'orchard-best-film-film-level', reason: 'The row names no Subject, and a Best Film award is given to the film itself.' } },
      { row: 2, body: 'Orchard Critics Awards', category: 'Best Director', recipients: ['Ana Ferreira'], recipientSource: 'named', result: 'Nominated', bodyOnRow: false, evidence: ev(23, 'Best Director Ana Ferreira Nominated') },
    ],
    footnotes: [],
    references: [
      {
        number: 1, authors: ['Ana Ferreira'], title: 'Notes on an Imaginary Orchard', publication: 'The Imaginary Review', date: '2001-03-01', retrieved: '2024-01-03',
        identifiers: [], backlinks: 1, citedOnLines: [16, 18],
        evidence: ev(28, '  1. ^ Ferreira, Ana (March 1, 2001). "Notes on an Imaginary Orchard". The Imaginary Review. Retrieved January 3, 2024.'),
      },
    ],
    externalIds: [],
    unknownInfoboxFields: [],
    diagnostics: [],
  };
  return checkFacts({ ...base, ...parts }, 'fictional fixture');
}
