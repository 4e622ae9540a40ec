// Prose readers on sentences written the ways film articles write them (each expectation read off the sentence beside it).
import { describe, expect, it } from 'vitest';
import { toLines } from '../src/extract/lines.js';
import { readCast, readCritics, readDistribution, readHomeMedia, readLead, readPlotCharacters, readProduction, readReleases, sentences } from '../src/extract/prose.js';
import { readReviewScores as readScores } from '../src/extract/reception.js';

const readReviewScores = (s: Parameters<typeof readScores>[0]) => readScores(s).value;

/** One paragraph per argument, as article lines 1, 2, …; U+2005 stands in for some spaces as in the real format. */
function paragraphs(...texts: string[]) {
  return toLines(texts.join('\n'), 'test.txt');
}
const all = (...texts: string[]) => sentences(paragraphs(...texts));

describe('sentences', () => {
  it('splits at sentence ends, keeps markers with their sentence and quotations whole', () => {
    expect(all('He left.[1][2] She said "Stay. Please." Then he came back.').map((s) => s.text)).toEqual(['He left.[1][2]', 'She said "Stay. Please."', 'Then he came back.']);
  });
});

describe('readLead', () => {
  it('reads year, nationality, genre and the source work of the bundled lead', () => {
    const lead = readLead(paragraphs('Leaving Las Vegas is a 1995 American drama\u2005film written and directed by Mike\u2005Figgis and based on the semi-autobiographical 1990 novel of\u2005the\u2005same\u2005name by John\u2005O\'Brien. Nicolas Cage stars.'));
    expect(lead.year?.value).toBe(1995);
    expect(lead.nationalities.map((n) => n.value)).toEqual(['American']);
    expect(lead.genres.map((g) => g.value)).toEqual(['drama']);
    expect(lead.basedOn).toMatchObject({ form: 'novel', year: 1990, descriptors: ['semi-autobiographical'], author: "John O'Brien", sameName: true });
    expect(lead.year?.evidence).toMatchObject({ line: 1, text: 'Leaving Las Vegas is a 1995 American drama\u2005film' });
  });
  it.each([
    ['Dust Road is a 1960 American Western film directed by Ann Lee.', ['American'], ['Western']],
    ['Northern Static is a 2004 British-Canadian psychological thriller film.', ['British-Canadian'], ['psychological thriller']],
    ['Quiet Hours is an 2011 Irish romantic comedy-drama film.', ['Irish'], ['romantic comedy-drama']],
    ['Static is a 2019 American film directed by Jo Park.', ['American'], []],
  ])('%s', (text, nationalities, genres) => {
    const lead = readLead(paragraphs(text));
    expect(lead.nationalities.map((n) => n.value)).toEqual(nationalities);
    expect(lead.genres.map((g) => g.value)).toEqual(genres);
  });
  it('reads a work with a two-word form that is not "of the same name"', () => {
    expect(readLead(paragraphs('Glass is a 2001 French drama film based on the 1998 radio play by Tomas Lindqvist.')).basedOn).toMatchObject({ form: 'radio play', year: 1998, author: 'Tomas Lindqvist', sameName: false });
  });
});

describe('readCast', () => {
  const cast = (...texts: string[]) => readCast(all(...texts), []).map((c) => [c.actor, c.character ?? null]);
  it('reads "stars as", "played by", "plays" and "The film stars A, B and C"', () => {
    expect(cast('Nicolas Cage stars as a suicidal alcoholic.')).toEqual([['Nicolas Cage', null]]);
    expect(cast('Ruth Ashdown stars as Agnes Harrow, a radio operator.')).toEqual([['Ruth Ashdown', 'Agnes Harrow']]);
    expect(cast('He meets a prostitute played by Elisabeth\u2005Shue.')).toEqual([['Elisabeth Shue', null]]);
    expect(cast('Julian Sands plays Yuri Butsov, her pimp.')).toEqual([['Julian Sands', 'Yuri Butsov']]);
    expect(cast('The film stars Nicolas Cage, Elisabeth Shue, and Julian Sands.')).toEqual([
      ['Nicolas Cage', null],
      ['Elisabeth Shue', null],
      ['Julian Sands', null],
    ]);
  });
  it('does not take a character who plays something for an actor', () => {
    expect(cast('Ben played Poker all night.', 'Sera plays a trick on him.')).toEqual([]);
  });
  it('reads cast bullets "Actor as Character"', () => {
    const bullets = toLines('  • Álvaro\u2005Peñalver as Tomás Ybarra\n  • Irene Castañeda as Carla[3]', 'x');
    expect(readCast([], bullets).map((c) => [c.actor, c.character, c.evidence.line])).toEqual([
      ['Álvaro Peñalver', 'Tomás Ybarra', 1],
      ['Irene Castañeda', 'Carla', 2],
    ]);
  });
});

describe('readPlotCharacters', () => {
  it('finds characters introduced by "X is a", a role noun and an appositive', () => {
    const plot = paragraphs('Ben Sanderson is an alcoholic screenwriter. He nearly hits a woman, Sera, on the crosswalk.', 'Sera works for abusive Latvian pimp Yuri Butsov.');
    expect(readPlotCharacters(plot, new Set(['Leaving Las Vegas'])).map((c) => [c.name, c.evidence.line])).toEqual([
      ['Ben Sanderson', 1],
      ['Sera', 1],
      ['Yuri Butsov', 2],
    ]);
  });

  it('takes a first name used alone after the full name as an alias, with the sentence that uses it', () => {
    const plot = paragraphs('Sera works for pimp Yuri Butsov. Yuri\u2019s men wait. Mobsters are after Yuri, so he leaves.', 'Ben Sanderson is a writer. Bent on drinking, he goes.');
    const found = readPlotCharacters(plot, new Set());
    // "Yuri’s" is not the name alone (a possessive glued to it); "Bent" is another word, so Ben has no alias.
    expect(found.map((c) => [c.name, c.aliases.map((a) => [a.name, a.evidence.line, a.evidence.text])])).toEqual([
      ['Yuri Butsov', [['Yuri', 1, 'Mobsters are after Yuri, so he leaves.']]],
      ['Ben Sanderson', []],
    ]);
  });
});

describe('readProduction', () => {
  const kinds = (...texts: string[]) => readProduction(all(...texts), ['Mike Figgis']).map(({ evidence: _e, ...f }) => f);
  it('reads film formats', () => {
    expect(kinds('It was filmed in super\u200516\u2005mm[5] instead of 35\u2005mm film.')).toEqual([{ kind: 'film-format', value: 'super 16 mm', insteadOf: '35 mm' }]);
    expect(kinds('The film was shot on 35mm film on Lewis.')).toEqual([{ kind: 'film-format', value: '35 mm' }]);
  });
  it.each([['Filming took place over 28 days.'], ['Principal photography lasted 28 days.'], ['The film was shot in 28 days.'], ['It had a 28-day shoot in Nevada.']])('reads shooting days: %s', (text) => {
    expect(kinds(text)).toEqual([{ kind: 'shooting-days', value: 28 }]);
  });
  it('reads who composed the score, resolving a surname', () => {
    expect(kinds('The limited budget dictated the production and Figgis ended up filming in super 16mm and composing his own score.[5][11]')).toEqual([{ kind: 'score-composer', value: 'Mike Figgis' }]);
    expect(kinds('Nerea Goñi composed the score using only brass.')).toEqual([{ kind: 'score-composer', value: 'Nerea Goñi' }]);
  });
  it("reads the source author's death", () => {
    expect(kinds("Figgis based it on a 1990 novel by John O'Brien, who died of suicide in April 1994, shortly after.[6]")).toEqual([{ kind: 'source-author-death', value: "John O'Brien", date: '1994-04', cause: 'suicide' }]);
  });
  it.each([
    ['MGM/UA reportedly spent less than $2 million marketing the film.', { currency: 'USD', upper: '2000000', qualifier: 'less than', text: 'less than $2 million' }],
    ['The studio spent €3 million on marketing.', { currency: 'EUR', amount: '3000000', text: '€3 million' }],
    ['Its marketing budget was £1.5 million.', { currency: 'GBP', amount: '1500000', text: '£1.5 million' }],
  ])('reads marketing spend: %s', (text, money) => {
    const [fact] = readProduction(all(text), []);
    expect(fact).toMatchObject({ kind: 'marketing-spend', money });
  });
});

describe('readReleases and readDistribution', () => {
  it('reads limited, wide, premiere and placed releases', () => {
    const releases = readReleases(
      all(
        'After limited release in the United States on October 27, 1995, it was released nationwide on February 9, 1996.',
        'It premiered at the Toronto International Film Festival on 9 September 2004.',
        'The film was released in the United Kingdom on 22 October 2004.',
      ),
    ).map((r) => [r.date, r.kind ?? null, r.place ?? null]);
    expect(releases).toEqual([
      ['1995-10-27', 'Limited', 'United States'],
      ['1996-02-09', 'Wide', null],
      ['2004-09-09', 'Premiere', 'Toronto International Film Festival'],
      ['2004-10-22', null, 'United Kingdom'],
    ]);
  });
  it('reads distributors by region', () => {
    const text = 'United\u2005Artists distributed the film in North America, while RCV Film Distribution and Atalanta Filmes handled the European release, and 21st\u2005Century\u2005Film\u2005Corporation distributed the film in Australia.';
    expect(readDistribution(all(text)).map((o) => `${o.name} (${o.region})`)).toEqual(['United Artists (North America)', 'RCV Film Distribution (Europe)', 'Atalanta Filmes (Europe)', '21st Century Film Corporation (Australia)']);
  });
});

describe('readHomeMedia', () => {
  it('reads formats, dates, languages, regions and the distributor', () => {
    const media = readHomeMedia(
      all(
        'Video cassettes and DVD of the film were distributed by MGM\u2005Home\u2005Entertainment.[22] The video cassettes were distributed on November 12, 1996 in two languages, English and Russian, while the DVD was distributed on January 1, 1998 in English for USA and Canada. The film was also released on Blu-ray, HD DVD and LaserDisc.[26]',
      ),
    ).map(({ evidence: _e, ...h }) => h);
    expect(media).toEqual([
      { format: 'VHS', date: '1996-11-12', languages: ['English', 'Russian'], regions: [], distributor: 'MGM Home Entertainment' },
      { format: 'DVD', date: '1998-01-01', languages: ['English'], regions: ['USA', 'Canada'], distributor: 'MGM Home Entertainment' },
      { format: 'Blu-ray', languages: [], regions: [] },
      { format: 'HD DVD', languages: [], regions: [] },
      { format: 'LaserDisc', languages: [], regions: [] },
    ]);
  });
});

describe('readHomeMedia evidence', () => {
  it('spans from the sentence naming the distributor to the dated sentence on the same line, keeping its citation and odd spaces', () => {
    const text = 'Video cassettes of the film were distributed by MGM\u2005Home\u2005Entertainment.[22] The video cassettes were distributed on November 12, 1996 in English.';
    const [vhs] = readHomeMedia(all(text));
    expect(vhs?.distributor).toBe('MGM Home Entertainment');
    expect(vhs?.evidence).toMatchObject({ text, refs: [22] });
  });

  it('keeps the dated sentence alone when the distributor was named on another line', () => {
    const media = readHomeMedia(all('Video cassettes of the film were distributed by MGM Home Entertainment.[22]', 'The video cassettes were distributed on November 12, 1996 in English.'));
    expect(media[0]?.distributor).toBe('MGM Home Entertainment');
    expect(media[0]?.evidence).toMatchObject({ line: 2, text: 'The video cassettes were distributed on November 12, 1996 in English.', refs: [] });
  });
});

describe('readReviewScores', () => {
  const scores = (...texts: string[]) => readReviewScores(all(...texts)).map(({ evidence: _e, ...r }) => r);
  it('reads the bundled phrasing: approval, average, consensus in the next sentence, Metacritic with verdict', () => {
    const text =
      'On Rotten\u2005Tomatoes, the film received an approval rating of 91% based on 53 reviews, with an average rating of 7.7/10. The website\'s critical consensus reads, "Dark and humane."[16] It also holds a score of 82 out of 100 on Metacritic, based on 23 critics, indicating "universal acclaim".[17]';
    expect(scores(text)).toEqual([
      { aggregator: 'Rotten Tomatoes', method: 'approval', score: '91%', value: '91', best: '100', reviewCount: 53, countUnit: 'reviews', consensus: 'Dark and humane.' },
      { aggregator: 'Rotten Tomatoes', method: 'average', score: '7.7/10', value: '7.7', best: '10', reviewCount: 53, countUnit: 'reviews' },
      { aggregator: 'Metacritic', method: 'metascore', score: '82/100', value: '82', best: '100', reviewCount: 23, countUnit: 'critics', verdict: 'universal acclaim' },
    ]);
    const [approval] = readReviewScores(all(text));
    expect(approval?.evidence.refs).toEqual([16]);
  });
  it('reads the newer phrasing ("88% of 120 critics\' reviews are positive"; "assigned the film a weighted average score")', () => {
    const text =
      'On the review aggregator website Rotten Tomatoes, 88% of 120 critics\' reviews are positive, with an average rating of 7.4/10. The website\'s consensus reads: "Sharp." Metacritic, which uses a weighted average, assigned the film a score of 74 out of 100, based on 31 critics, indicating "generally favorable reviews".';
    expect(scores(text).map((s) => [s.score, s.reviewCount, s.countUnit, s.consensus ?? s.verdict ?? null])).toEqual([
      ['88%', 120, 'reviews', 'Sharp.'],
      ['7.4/10', 120, 'reviews', null],
      ['74/100', 31, 'critics', 'generally favorable reviews'],
    ]);
  });
});

describe('readCritics', () => {
  it('reads critics with their publications, quotes and best-of lists', () => {
    const { reviews, lists } = readCritics(
      all(
        'Roger\u2005Ebert from Chicago\u2005Sun-Times and Rick Groen from The\u2005Globe\u2005and\u2005Mail gave the film high marks.[18] Ebert wrote, "Cage and Shue make these cliches into unforgettable people."[19] Ebert named the film "best of 1995" and included it in his "best of the decade" list in the number 8 spot.[20] Leonard Klady from Variety wrote Leaving Las Vegas was "certainly among a scant handful of films."[21]',
        'Janet Maslin of The New York Times called it "a harrowing triumph". Peter Travers of the Rolling Stone gave the film four stars.',
      ),
    );
    expect(reviews.map((r) => [r.critic, r.publication ?? null, r.quote ?? r.summary])).toEqual([
      ['Roger Ebert', 'Chicago Sun-Times', 'gave the film high marks'],
      ['Rick Groen', 'The Globe and Mail', 'gave the film high marks'],
      ['Roger Ebert', 'Chicago Sun-Times', 'Cage and Shue make these cliches into unforgettable people'],
      ['Leonard Klady', 'Variety', 'certainly among a scant handful of films'],
      ['Janet Maslin', 'The New York Times', 'a harrowing triumph'],
      ['Peter Travers', 'Rolling Stone', 'gave the film four stars'],
    ]);
    expect(lists.map((l) => [l.author, l.list, l.rank ?? null])).toEqual([
      ['Roger Ebert', 'best of 1995', null],
      ['Roger Ebert', 'best of the decade', 8],
    ]);
  });

  it('reads a critic\'s rating only with its scale, and the words after "calling it" as the quote', () => {
    const { reviews } = readCritics(
      all(
        'Lewis Thornbury of The Guardian gave the film four stars out of five, calling it "the rare one that lets its quiet scenes breathe."[15]',
        'Meera Sanyal of The Times of India gave the film three and a half stars out of four, calling Anand "the find of the year".[12]',
        'Peter Travers of the Rolling Stone gave the film four stars.',
      ),
    );
    expect(reviews.map((r) => [r.critic, r.publication ?? null, r.quote ?? null, r.summary ?? null, r.rating ?? null])).toEqual([
      ['Lewis Thornbury', 'The Guardian', 'the rare one that lets its quiet scenes breathe', 'gave the film four stars out of five', { value: '4', best: '5', text: 'four stars out of five' }],
      ['Meera Sanyal', 'The Times of India', 'the find of the year', 'gave the film three and a half stars out of four', { value: '3.5', best: '4', text: 'three and a half stars out of four' }],
      // No scale written: four of four or of five? No rating is made up (schema.org would read a missing best as 5).
      ['Peter Travers', 'Rolling Stone', null, 'gave the film four stars', null],
    ]);
  });
});
