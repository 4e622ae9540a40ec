// The bundled film's facts against a table reviewed by hand, line by line, against data/films/leaving-las-vegas/article.txt.
// Accolades: article lines 92–152 (recipients of rows without a Subject cell decided in curation.json);
// tracks: lines 161–193; references: lines 201–227.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FilmFacts } from '../src/facts/model.js';
import { FILMS_DIR } from '../src/paths.js';
import { loadFilm } from '../src/pipeline.js';
import { parseInfobox } from '../src/extract/infobox.js';
import { toLines } from '../src/extract/lines.js';
import { layout } from '../src/extract/layout.js';

let facts: FilmFacts;
beforeAll(async () => {
  facts = await loadFilm(path.join(FILMS_DIR, 'leaving-las-vegas'));
});

const ACCOLADES = [
  '92 | 20/20 Awards | Best Actor | Nicolas Cage | Won | named',
  '93 | 20/20 Awards | Best Actress | Elisabeth Shue | Nominated | named',
  '94 | 20/20 Awards | Best Adapted Screenplay | Mike Figgis | Nominated | named',
  '95 | Academy Awards | Best Director | Mike Figgis | Nominated | spanned',
  '96 | Academy Awards | Best Actor | Nicolas Cage | Won | named',
  '97 | Academy Awards | Best Actress | Elisabeth Shue | Nominated | named',
  '98 | Academy Awards | Best Screenplay – Based on Material Previously Produced or Published | Mike Figgis | Nominated | named',
  '99 | Awards Circuit Community Awards | Best Motion Picture | Lila Cazès + Annie Stewart | Nominated | named',
  '100 | Awards Circuit Community Awards | Best Director | Mike Figgis | Nominated | named',
  '101 | Awards Circuit Community Awards | Best Actor in a Leading Role | Nicolas Cage | Won | named',
  '102 | Awards Circuit Community Awards | Best Actress in a Leading Role | Elisabeth Shue | Won | named',
  '103 | Awards Circuit Community Awards | Best Adapted Screenplay | Mike Figgis | Nominated | named',
  '104 | Boston Society of Film Critics Awards | Best Actor | Nicolas Cage | Won | named',
  '105 | British Academy Film Awards | Best Actor in a Leading Role | Nicolas Cage | Nominated | spanned',
  '106 | British Academy Film Awards | Best Actress in a Leading Role | Elisabeth Shue | Nominated | named',
  '107 | British Academy Film Awards | Best Adapted Screenplay | Mike Figgis | Nominated | named',
  '108 | Chicago Film Critics Association Awards | Best Director | Mike Figgis | Nominated | spanned',
  '109 | Chicago Film Critics Association Awards | Best Actor | Nicolas Cage | Won | named',
  '110 | Chicago Film Critics Association Awards | Best Actress | Elisabeth Shue | Won | named',
  '111 | Chlotrudis Awards | Best Actor | Nicolas Cage | Nominated | named',
  '112 | Chlotrudis Awards | Best Actress | Elisabeth Shue | Nominated | named',
  '113 | Critics\' Choice Awards | Best Actor | Nicolas Cage | Nominated | named',
  '114 | Dallas-Fort Worth Film Critics Association Awards | Best Picture | (film) | Won | film',
  '115 | Dallas-Fort Worth Film Critics Association Awards | Best Director | Mike Figgis | Won | named',
  '116 | Dallas-Fort Worth Film Critics Association Awards | Best Actor | Nicolas Cage | Won | named',
  '117 | Dallas-Fort Worth Film Critics Association Awards | Best Actress | Elisabeth Shue | Won | named',
  '118 | Directors Guild of America Awards | Outstanding Directorial Achievement in Motion Pictures | Mike Figgis | Nominated | named',
  '119 | Golden Globe Awards | Best Motion Picture – Drama | (film) | Nominated | film',
  '120 | Golden Globe Awards | Best Actor in a Motion Picture – Drama | Nicolas Cage | Won | named',
  '121 | Golden Globe Awards | Best Actress in a Motion Picture – Drama | Elisabeth Shue | Nominated | named',
  '122 | Golden Globe Awards | Best Director – Motion Picture | Mike Figgis | Nominated | named',
  '123 | Independent Spirit Awards | Best Film | (film) | Won | film',
  '124 | Independent Spirit Awards | Best Director | Mike Figgis | Won | named',
  '125 | Independent Spirit Awards | Best Male Lead | Nicolas Cage | Nominated | named',
  '126 | Independent Spirit Awards | Best Female Lead | Elisabeth Shue | Won | named',
  '127 | Independent Spirit Awards | Best Screenplay | Mike Figgis | Nominated | named',
  '128 | Independent Spirit Awards | Best Cinematography | Declan Quinn | Won | named',
  '129 | Jupiter Awards | Best International Actor | Nicolas Cage | Won | named',
  '130 | Los Angeles Film Critics Association Awards | Best Film | (film) | Won | film',
  '131 | Los Angeles Film Critics Association Awards | Best Director | Mike Figgis | Won | named',
  '132 | Los Angeles Film Critics Association Awards | Best Actor | Nicolas Cage | Won | named',
  '133 | Los Angeles Film Critics Association Awards | Best Actress | Elisabeth Shue | Won | named',
  '134 | Los Angeles Film Critics Association Awards | Best Screenplay | Mike Figgis | Runner-up | named',
  '135 | National Board of Review Awards | Top Ten Films | (film) | 4th Place | film',
  '136 | National Board of Review Awards | Best Actor | Nicolas Cage | Won | named',
  '137 | National Society of Film Critics Awards | Best Director | Mike Figgis | Won | named',
  '138 | National Society of Film Critics Awards | Best Actor | Nicolas Cage | Won | named',
  '139 | National Society of Film Critics Awards | Best Actress | Elisabeth Shue | Won | named',
  '140 | New York Film Critics Circle Awards | Best Film | (film) | Won | film',
  '141 | New York Film Critics Circle Awards | Best Director | Mike Figgis | 2nd Place | named',
  '142 | New York Film Critics Circle Awards | Best Actor | Nicolas Cage | Won | named',
  '143 | New York Film Critics Circle Awards | Best Actress | Elisabeth Shue | 2nd Place | named',
  '144 | San Sebastián International Film Festival | Golden Shell | Mike Figgis | Nominated | named',
  '145 | San Sebastián International Film Festival | Best Director | Mike Figgis | Won | spanned',
  '146 | San Sebastián International Film Festival | Best Actor | Nicolas Cage | Won | named',
  '147 | Sant Jordi Awards | Best Foreign Actor | Nicolas Cage | Nominated | spanned',
  '148 | Screen Actors Guild Awards | Outstanding Performance by a Male Actor in a Leading Role | Nicolas Cage | Won | spanned',
  '149 | Screen Actors Guild Awards | Outstanding Performance by a Female Actor in a Leading Role | Elisabeth Shue | Nominated | named',
  '150 | Society of Texas Film Critics Awards | Best Actor | Nicolas Cage | Won | named',
  '151 | Turkish Film Critics Association Awards | Best Foreign Film | (film) | 10th Place | film',
  '152 | Writers Guild of America Awards | Best Screenplay – Based on Material Previously Produced or Published | Mike Figgis | Nominated | named',
];

const TRACKS = [
  '1 | Intro Dialogue | Mike Figgis (default) | Nicolas Cage, Elisabeth Shue | - | Nicolas Cage as Ben; Elisabeth Shue as Sera',
  '2 | Angel Eyes | Matt Dennis, Earl Brent | Sting | PT4M2S | -',
  '3 | Are You Desirable? | Mike Figgis (default) | Mike Figgis | PT2M43S | -',
  '4 | Ben & Bill | Mike Figgis (default) | Nicolas Cage | PT30S | Nicolas Cage as Ben',
  '5 | Leaving Las Vegas | Mike Figgis (default) | Mike Figgis | PT3M12S | -',
  '6 | Sera\'s Dark Side | Mike Figgis (default) | Mike Figgis | PT1M26S | -',
  '7 | Mara | Mike Figgis (default) | Mike Figgis | PT4M28S | -',
  '8 | Burlesque | Mike Figgis (default) | Mike Figgis | PT2M40S | -',
  '9 | On The Street | Mike Figgis (default) | Nicolas Cage, Elisabeth Shue | - | Nicolas Cage as Ben; Elisabeth Shue as Sera',
  '10 | Bossa Vega | Mike Figgis (default) | Mike Figgis | PT3M14S | -',
  '11 | Ben Pawns His Rolex/Sera Talks to Her Shrink | Mike Figgis (default) | Nicolas Cage, Elisabeth Shue | - | Nicolas Cage as Ben; Elisabeth Shue as Sera',
  '12 | My One and Only Love | Robert Mellin, Guy Wood | Sting | PT3M36S | -',
  '13 | Sera Invites Ben to Stay | Mike Figgis (default) | Nicolas Cage, Elisabeth Shue | - | Nicolas Cage as Ben; Elisabeth Shue as Sera',
  '14 | Come Rain or Come Shine | Harold Arlen, Johnny Mercer | Don Henley | PT3M41S | -',
  '15 | Ben and Sera – Theme | Mike Figgis (default) | Nicolas Cage, Elisabeth Shue | - | Nicolas Cage as Ben; Elisabeth Shue as Sera',
  '16 | Ridiculous | Phil Roy, Nicolas Cage | Nicolas Cage | PT1M3S | -',
  '17 | Biker Bar | Mike Figgis (default) | Mike Figgis | PT3M44S | -',
  '18 | Ben\'s Hell | Mike Figgis (default) | Mike Figgis | PT1M37S | -',
  '19 | It\'s a Lonesome Old Town | Harry Tobias, Charles Kisco | Sting | PT2M37S | -',
  '20 | Blues For Ben | Mike Figgis (default) | Mike Figgis | PT1M56S | -',
  '21 | Get Out | Mike Figgis (default) | Mike Figgis | PT1M49S | -',
  '22 | Reunited | Mike Figgis (default) | Mike Figgis | PT3M28S | -',
  '23 | Sera Talks to the Cab Driver | Mike Figgis (default) | Elisabeth Shue, Lou Rawls | - | Elisabeth Shue as Sera; Lou Rawls as Concerned Cabbie',
  '24 | She Really Loved Him | Mike Figgis (default) | Mike Figgis | PT1M17S | -',
  '25 | I Won\'t Be Going South For a While | Angelo Palladino | The Palladinos | PT4M27S | -',
];

const REFERENCES = [
  '1 | - | LEAVING LAS VEGAS: A Finding Aid to the Collection in the Library of Congress | - | Library of Congress Manuscript Division | 1995 | - | - | - | 1 | -',
  '2 | - | Box Office Information for Leaving Las Vegas | The Numbers | - | - | 2014-08-24 | - | - | 3 | 35,36,84',
  '3 | Scott Feinberg | Oscars: Six Contenders on the Challenges and Rewards of Making 2021 Indies | The Hollywood Reporter | - | 2022-02-01 | 2022-02-02 | - | - | 1 | 35',
  '4 | Garin Pirina | Leaving Las Vegas and the Writer Who Didn\'t Live to See It | Esquire | - | 2015-10-28 | 2018-05-01 | - | - | 1 | 38',
  '5 | Roger Ebert | Cage relishes operatic role in tragic \'Leaving Las Vegas\' | Chicago Sun-Times | - | 1995-11-05 | 2006-12-09 | - | - | 3 | 40,74,76',
  '6 | Chris Nashawaty | Grieving \'Las Vegas\' | Entertainment Weekly | - | 1995-11-10 | - | 2007-03-31 | - | 1 | 68',
  '7 | A. O. Scott | FILM REVIEW;Lurching Through a Life Of Alcoholic Abandon | NY Times | - | - | 2007-01-16 | 2013-02-08 | - | 1 | 68',
  '8 | Christopher Noll | Viva, "Las Vegas!" – Interviewing Director Mike Figgis | Film Critic | - | 1996-02-18 | 2010-08-16 | 2011-09-06 | - | 4 | 68,71,74,78',
  '9 | - | Cage Did Serious Research For Alcoholic Role | WENN | - | 2000-08-09 | 2006-12-09 | 2004-07-05 | - | 2 | 71',
  '10 | - | \'Vegas\' Stars Cage, Shue Ponder Chances for Oscar | Sun-Sentinel | - | 1996-02-12 | 2022-10-11 | 2021-06-21 | - | 2 | 71,81',
  '11 | Tracy Boyar | It\'s Worth Watching for Leaving Las Vegas | The Free Lance Star | - | 1996-02-09 | 2010-08-16 | - | - | 1 | 74',
  '12 | Ryan Lampe | \'Leaving Las Vegas\' reminds us performance counts | The Stanford Daily | - | 2005-11-04 | 2006-12-09 | 2007-10-13 | - | 2 | 78',
  '13 | Claudia Puig | \'Leaving\' Preconceptions Behind? : As Acclaim Grows and Distribution Widens, \'Vegas\' Seeks Mainstream Respect | Los Angeles Times | - | 1996-01-10 | 2022-10-11 | 2022-10-11 | - | 3 | 78,81',
  '14 | Bernard Weinraub | Oscar Nominations Are Just One Surprise After Another | The New York Times | - | 1996-02-14 | 2022-10-11 | - | ISSN 0362-4331 | 1 | 81',
  '15 | Jeff Simon | How Nicolas Cage Gambled on \'Vegas\' -- and Came Up Big | The Buffalo News | - | 1996-02-18 | 2022-10-11 | 2022-10-11 | - | 1 | 81',
  '16 | - | Leaving Las Vegas (1995) | Rotten Tomatoes | Fandango Media | - | 2023-01-17 | - | - | 1 | 86',
  '17 | - | Leaving Las Vegas Reviews | Metacritic | - | - | 2023-01-17 | - | - | 1 | 86',
  '18 | Rick Groen | Film Review: Leaving Las Vegas | The Globe and Mail | - | 1995-10-27 | 2022-10-11 | 2002-10-07 | - | 1 | 88',
  '19 | Roger Ebert | Leaving Las Vegas | - | - | 1995-11-10 | 2022-03-22 | - | - | 1 | 88',
  '20 | - | Ebert & Scorsese: Best Films of the 1990s | - | - | 2000-02-26 | 2022-10-11 | - | - | 1 | 88',
  '21 | Leonard Klady | Leaving Las Vegas | - | - | 1995-09-18 | 2022-03-22 | - | - | 1 | 88',
  '22 | - | Leaving Las Vegas (1995) - All releases | AllMovie | - | - | 2022-10-11 | - | - | 1 | 156',
  '23 | - | Leaving Las Vegas (1995) VHS | - | - | - | - | - | ASIN 6304045824 | 1 | 156',
  '24 | - | Leaving Las Vegas (1995) DVD | - | - | - | - | - | ISBN 0792838068 | 1 | 156',
  '25 | - | Leaving Las Vegas DVD | - | - | - | 2022-10-11 | - | - | 1 | 156',
  '26 | - | Leaving Las Vegas Blu-ray | - | - | 2016-06-18 | 2022-10-11 | - | - | 1 | 156',
  '27 | - | Leaving Las Vegas CD | CD | - | - | 2006-12-09 | - | - | 1 | 159',
];

describe('Leaving Las Vegas: infobox', () => {
  it('has 13 labelled rows (lines 18-36), every label known', () => {
    const lines = toLines(readFileSync(path.join(FILMS_DIR, 'leaving-las-vegas', 'article.txt'), 'utf8'), 'article.txt');
    const box = parseInfobox(layout(lines, 'article.txt').infobox);
    expect(box.fields.map((f) => `${f.line.no} ${f.label}${f.known ? '' : ' (unknown)'}: ${f.values.map((v) => v.text).join('; ')}`)).toEqual([
      "18 Directed by: Mike Figgis",
      "19 Screenplay by: Mike Figgis",
      "20 Based on: Leaving Las Vegas; by John O'Brien",
      '22 Produced by: Lila Cazès; Annie Stewart',
      '25 Cinematography: Declan Quinn',
      '26 Edited by: John Smith',
      '27 Music by: ',
      '28 Distributed by: MGM/UA Distribution Co.',
      '29 Release dates: October 27, 1995 (1995-10-27) (Limited); February 9, 1996 (1996-02-09) (Wide)',
      '32 Running time: 111 minutes',
      '34 Country: United States',
      '35 Budget: $3.5–4 million',
      '36 Box office: $49.8 million',
    ]);
  });

  it('holds all 13 infobox fields with the values the article gives', () => {
    expect(facts.title.value).toBe('Leaving Las Vegas');
    expect(facts.image).toMatchObject({ file: 'Leaving las vegas ver1.jpg', caption: 'Theatrical release poster', evidence: { line: 16, endLine: 17 } });
    const credits = (role: string) => facts.credits.filter((c) => c.role === role).map((c) => c.person);
    expect(credits('director')).toEqual(['Mike Figgis']);
    expect(credits('screenwriter')).toEqual(['Mike Figgis']);
    expect(facts.basedOn).toMatchObject({ title: 'Leaving Las Vegas', author: "John O'Brien", form: 'novel', year: 1990, descriptors: ['semi-autobiographical'], evidence: { line: 20, endLine: 21 } });
    expect(credits('producer')).toEqual(['Lila Cazès', 'Annie Stewart']);
    expect(credits('cinematographer')).toEqual(['Declan Quinn']);
    expect(credits('editor')).toEqual(['John Smith']);
    // "Music by" (line 27) is empty; the composer comes from the curation decision citing line 74.
    expect(facts.credits.filter((c) => c.role === 'composer')).toMatchObject([{ person: 'Mike Figgis', decision: { id: 'music-by-mike-figgis' }, evidence: { line: 74, refs: [5, 11] } }]);
    expect(facts.organisations.filter((o) => o.evidence.line === 28)).toMatchObject([{ role: 'distributor', name: 'MGM/UA Distribution Co.' }]);
    expect(facts.releases.filter((r) => r.evidence.line <= 31)).toMatchObject([
      { date: '1995-10-27', kind: 'Limited', evidence: { line: 30 } },
      { date: '1996-02-09', kind: 'Wide', evidence: { line: 31 } },
    ]);
    expect(facts.runningTime).toMatchObject({ minutes: 111, duration: 'PT111M', evidence: { line: 32, endLine: 33 } });
    expect(facts.countries.map((c) => c.value)).toEqual(['United States']);
    expect(facts.budget).toMatchObject({ currency: 'USD', lower: '3500000', upper: '4000000', text: '$3.5–4 million', evidence: { line: 35, refs: [2, 3] } });
    expect(facts.boxOffice).toMatchObject({ currency: 'USD', amount: '49800000', evidence: { line: 36, refs: [2] } });
    expect(facts.unknownInfoboxFields).toEqual([]);
  });
});

describe('Leaving Las Vegas: prose', () => {
  it('reads year, nationality and genre from the lead', () => {
    expect(facts.year?.value).toBe(1995);
    expect(facts.nationalities.map((n) => n.value)).toEqual(['American']);
    expect(facts.genres.map((g) => g.value)).toEqual(['drama']);
  });
  it('pairs the cast with their characters (lead, plot and soundtrack credits)', () => {
    expect(facts.cast.map((c) => [c.actor, c.character ?? null, c.characterAliases])).toEqual([
      ['Nicolas Cage', 'Ben Sanderson', ['Ben']],
      ['Elisabeth Shue', 'Sera', []],
      ['Lou Rawls', 'Concerned Cabbie', []],
    ]);
    expect(facts.characters.map((c) => c.name)).toEqual(['Ben Sanderson', 'Sera', 'Yuri Butsov', 'Concerned Cabbie']);
  });
  it('reads production, distribution, marketing and home media', () => {
    const kinds = facts.production.map((p) => ('value' in p ? `${p.kind}: ${String(p.value)}` : `${p.kind}: ${p.money.text}`));
    expect(kinds).toEqual(['film-format: super 16 mm', "source-author-death: John O'Brien", 'score-composer: Mike Figgis', 'shooting-days: 28', 'marketing-spend: less than $2 million', 'score-composer: Mike Figgis']);
    expect(facts.production[0]).toMatchObject({ insteadOf: '35 mm', evidence: { line: 40, refs: [5] } });
    expect(facts.production[1]).toMatchObject({ date: '1994-04', cause: 'suicide' });
    expect(facts.organisations.filter((o) => o.region).map((o) => `${o.name} (${o.region})`)).toEqual([
      'United Artists (North America)',
      'RCV Film Distribution (Europe)',
      'Atalanta Filmes (Europe)',
      '21st Century Film Corporation (Australia)',
    ]);
    expect(facts.homeMedia.map((h) => [h.format, h.date ?? null, h.languages, h.regions, h.distributor ?? null])).toEqual([
      ['VHS', '1996-11-12', ['English', 'Russian'], [], 'MGM Home Entertainment'],
      ['DVD', '1998-01-01', ['English'], ['USA', 'Canada'], 'MGM Home Entertainment'],
      ['Blu-ray', null, [], [], null],
      ['HD DVD', null, [], [], null],
      ['LaserDisc', null, [], [], null],
    ]);
  });
  it('reads the reception: aggregators, critics and best-of lists', () => {
    expect(facts.reviewScores.map((s) => [s.aggregator, s.method, s.score, s.reviewCount])).toEqual([
      ['Rotten Tomatoes', 'approval', '91%', 53],
      ['Rotten Tomatoes', 'average', '7.7/10', 53],
      ['Metacritic', 'metascore', '82/100', 23],
    ]);
    expect(facts.reviewScores[0]?.consensus).toMatch(/^Oscar-awarded Nicolas Cage finds humanity/);
    expect(facts.reviewScores[0]?.evidence.refs).toEqual([16]);
    expect(facts.reviewScores[2]).toMatchObject({ verdict: 'universal acclaim', evidence: { refs: [17] } });
    expect(facts.reviews.map((r) => [r.critic, r.publication ?? null, r.quote ? 'quote' : 'summary'])).toEqual([
      ['Roger Ebert', 'Chicago Sun-Times', 'summary'],
      ['Rick Groen', 'The Globe and Mail', 'summary'],
      ['Roger Ebert', 'Chicago Sun-Times', 'quote'],
      ['Leonard Klady', 'Variety', 'quote'],
    ]);
    expect(facts.bestOfLists.map((l) => [l.author, l.list, l.rank ?? null])).toEqual([
      ['Roger Ebert', 'best of 1995', null],
      ['Roger Ebert', 'best of the decade', 8],
    ]);
  });
});

describe('Leaving Las Vegas: tables', () => {
  it('holds all 61 accolade rows as reviewed', () => {
    const rows = facts.accolades.map((a) => [a.evidence.line, a.body, a.category, a.recipients.join(' + ') || '(film)', a.result, a.recipientSource].join(' | '));
    expect(rows).toEqual(ACCOLADES);
    expect(facts.accolades).toHaveLength(61);
    expect(facts.accolades.find((a) => a.evidence.line === 129)?.evidence.notes).toEqual(['a']);
    expect(facts.accolades.filter((a) => a.placement !== undefined).map((a) => [a.evidence.line, a.placement])).toEqual([[134, 2], [135, 4], [141, 2], [143, 2], [151, 10]]);
    expect(facts.footnotes).toMatchObject([{ id: 'a', text: 'Also for The Rock.', evidence: { line: 198 } }]);
  });
  it('holds all 25 tracks in order as reviewed, and the album facts', () => {
    const s = facts.soundtrack;
    const rows = s?.tracks.map((t) => [t.number, t.title, t.writers.join(', ') + (t.writersFromDefault ? ' (default)' : ''), t.performers.join(', '), t.duration ?? '-', t.speakers.map((x) => `${x.actor} as ${x.character}`).join('; ') || '-'].join(' | '));
    expect(rows).toEqual(TRACKS);
    expect(s).toMatchObject({ releaseDate: '1995-11-07', defaultWriter: 'Mike Figgis', composers: ['Mike Figgis'], performers: ['Mike Figgis', 'Sting'] });
    expect(s?.notIncluded).toMatchObject([{ title: 'Lonely Teardrops', performer: 'Michael McDonald', evidence: { line: 159 } }]);
  });
  it('holds all 27 references as reviewed, with the lines that cite them', () => {
    const rows = facts.references.map((r) => [r.number, r.authors.join('; ') || '-', r.title ?? '-', r.publication ?? '-', r.publisher ?? '-', r.date ?? '-', r.retrieved ?? '-', r.archived ?? '-', r.identifiers.map((i) => `${i.scheme} ${i.value}`).join(', ') || '-', r.backlinks, r.citedOnLines.join(',') || '-'].join(' | '));
    expect(rows).toEqual(REFERENCES);
    // The [2][3] after Budget.
    expect(facts.budget?.evidence.refs).toEqual([2, 3]);
  });
});
