// Unit tests of the tolerant readers, one family of the issue "Any film article" at a time: infobox rows in every
// rendering, accolades headers and cells, the rules table, review phrasings. Each input is written the way real
// pages write it; each expectation is read off the input beside it.
import { describe, expect, it } from 'vitest';
import { parseNameList, readAccolades, readHeader } from '../src/extract/accolades.js';
import { labelOf } from '../src/extract/infobox-labels.js';
import { parseInfobox } from '../src/extract/infobox.js';
import { toLines } from '../src/extract/lines.js';
import { sentences } from '../src/extract/prose.js';
import { readReviewScores } from '../src/extract/reception.js';
import { categoryLevel, resolveRow, roleOf } from '../src/extract/rules.js';
import type { Accolade } from '../src/facts/model.js';

const line = (raw: string) => ({ raw, text: raw.replace(/[\u00a0\u2005]/g, ' ').trim() });

describe('infobox rows in every rendering', () => {
  it.each([
    ['Directed byMike Figgis', 'Directed by', 'director', 'Mike Figgis', 'glued'],
    ['Directed by\tMike Figgis', 'Directed by', 'director', 'Mike Figgis', 'tab'],
    ['Directed by | Mike Figgis |', 'Directed by', 'director', 'Mike Figgis', 'pipe'],
    ['| Directed by | Mike Figgis |', 'Directed by', 'director', 'Mike Figgis', 'table'],
    ['**Directed by**: Mike Figgis', 'Directed by', 'director', 'Mike Figgis', 'colon'],
    ['- Director: Christopher Nolan', 'Director', 'director', 'Christopher Nolan', 'colon'],
    ['Running time', 'Running time', 'runningTime', '', 'alone'],
    ['Stories byAnn Lee', 'Stories by', 'story', 'Ann Lee', 'glued'],
    ['Voices of', 'Voices of', 'starring', '', 'alone'],
    ['LanguageSpanish', 'Language', 'languages', 'Spanish', 'glued'],
    ['Color processTechnicolor', 'Color process', undefined, 'Technicolor', 'glued'],
  ])('%j → %s', (raw, label, key, value, form) => {
    expect(labelOf(line(raw))).toMatchObject({ label, key, value, form });
  });
  it('does not read a value line, a bullet, a poster file or a name as a row', () => {
    for (const raw of ['Annie Stewart', '  • Lila Cazès', 'Leaving las vegas ver1.jpg', 'MacLeod Films', '---|---|']) expect(labelOf(line(raw))).toBeUndefined();
  });
  it('reads continuation lines, a distributor with its region, and two rows run together on one line', () => {
    const lines = toLines(['Low Tide', 'Produced by\tKim Ji-ho', 'Park Soo-min', 'Distributed by\tHaneul Entertainment (South Korea)', 'Eastwind Releasing (United States)', 'Budget$3.5 million[1]Box office$49.8 million[2]'].join('\n'), 't.txt');
    const box = parseInfobox(lines);
    expect(box.title?.text).toBe('Low Tide');
    expect(box.fields.map((f) => [f.key, f.values.map((v) => v.text)])).toEqual([
      ['producer', ['Kim Ji-ho', 'Park Soo-min']],
      ['distributor', ['Haneul Entertainment (South Korea)', 'Eastwind Releasing (United States)']],
      ['budget', ['$3.5 million']],
      ['boxOffice', ['$49.8 million']],
    ]);
    // Each value's evidence is the part of the line it was read from, with its own citation.
    const [budget, box2] = [box.fields[2]?.values[0]?.evidence, box.fields[3]?.values[0]?.evidence];
    expect([budget?.text, budget?.refs, box2?.text, box2?.refs]).toEqual(['$3.5 million[1]', [1], 'Box office$49.8 million[2]', [2]]);
  });
});

describe('accolades: columns from the header, cells by type', () => {
  it.each([
    ['Award Category Subject Result', ['body', 'category', 'recipient', 'result']],
    ['Award Date of ceremony Category Recipient(s) Result Ref.', ['body', 'date', 'category', 'recipient', 'result', 'ref']],
    ['Year\tAward\tCategory\tNominee(s)\tResult', ['year', 'body', 'category', 'recipient', 'result']],
    ['| Award | Category | Recipient(s) and nominee(s) | Result | Ref. |', ['body', 'category', 'recipient', 'result', 'ref']],
    ['Award Category Recipient(s) Result Notes', ['body', 'category', 'recipient', 'result', 'other']],
  ])('%j', (header, columns) => {
    expect(readHeader(header)).toEqual(columns);
  });
  it('is no header without a category, a result and an award or year column', () => {
    for (const t of ['Title Artist Length', 'Category Result', 'Award Category Recipient']) expect(readHeader(t)).toBeUndefined();
  });
  it('reads name lists by shape, never a category as a name', () => {
    expect(parseNameList('Kate Winslet')).toEqual(['Kate Winslet']);
    expect(parseNameList('Fred Berger, Jordan Horowitz and Marc Platt')).toEqual(['Fred Berger', 'Jordan Horowitz', 'Marc Platt']);
    expect(parseNameList('Lila Cazès and Annie Stewart')).toEqual(['Lila Cazès', 'Annie Stewart']);
    expect(parseNameList('Art Direction: Harold Vance; Set Decoration: Emil Rourke')).toEqual(['Harold Vance', 'Emil Rourke']);
    for (const t of ['Best Actress', 'Motion Picture', 'Wide Release']) expect(parseNameList(t)).toBeUndefined();
  });
  it('reads a date column, a song cell as the work, recipients named only in the table, and spans by rule', () => {
    const text = [
      'Award Date of ceremony Category Recipient(s) Result Ref.',
      'Academy Awards March 27, 2017 Best Actress Kate Winslet Won [1]',
      'Best Original Song "City of Stars" – Justin Hurwitz and Benj Pasek Nominated',
      'Best Director Nominated',
      'Best Picture Nominated',
      'Golden Globe Awards January 8, 2017 Best Screenplay Nominated',
    ].join('\n');
    const read = readAccolades(toLines(text, 't.txt'), { known: new Set(), title: 'La Ciudad', credits: (role) => (role === 'director' ? ['Ana Ruiz'] : []) });
    const rows = read.value.map((a) => [a.body, a.date, a.category, a.work, a.recipients, a.recipientSource, a.decision?.rules]);
    expect(rows).toEqual([
      ['Academy Awards', '2017-03-27', 'Best Actress', undefined, ['Kate Winslet'], 'named', undefined],
      ['Academy Awards', '2017-03-27', 'Best Original Song', 'City of Stars', ['Justin Hurwitz', 'Benj Pasek'], 'named', undefined],
      // The cell above names two writers, the infobox names the director: the rules disagree, so the row needs review.
      ['Academy Awards', '2017-03-27', 'Best Director', undefined, [], 'needs-review', undefined],
      ['Academy Awards', '2017-03-27', 'Best Picture', undefined, [], 'film', ['film-category']],
      // A new body without its own date: the date does not carry across it.
      ['Golden Globe Awards', '2017-01-08', 'Best Screenplay', undefined, [], 'needs-review', undefined],
    ]);
    expect(read.diagnostics.filter((d) => d.code === 'accolades:name-by-shape').map((d) => d.line)).toEqual([2, 3]);
    expect(read.diagnostics.filter((d) => d.code === 'span:unresolved').map((d) => d.line)).toEqual([4, 6]);
  });
});

describe('the rules table', () => {
  it.each([
    ['Best Director – Motion Picture', 'person', 'director'],
    ['Best Actor in a Motion Picture – Drama', 'person', undefined],
    ['Best Motion Picture – Drama', 'film', undefined],
    ['Top Ten Films', 'film', undefined],
    ['Best Foreign Film', 'film', undefined],
    ['Best Film Editing', 'person', 'editor'],
    ['Best Original Song', 'person', undefined],
    ['Best Original Score', 'person', 'composer'],
    ['Pasinetti Award', 'unknown', undefined],
  ])('%s: %s, role %s', (category, level, role) => {
    expect([categoryLevel(category), roleOf(category)]).toEqual([level, role]);
  });
  const row = (line: number, category: string, recipients: string[] = []): { accolade: Accolade; hasCell: boolean; writtenOn?: number } => ({
    accolade: { row: line, body: 'B', category, recipients, recipientSource: recipients.length ? 'named' : 'needs-review', result: 'Won', bodyOnRow: true, evidence: { line, endLine: line, text: category, refs: [], notes: [] } },
    hasCell: recipients.length > 0,
    ...(recipients.length ? { writtenOn: line } : {}),
  });
  it('decides when the rules that apply agree, with the line the spanned cell is written on', () => {
    const res = resolveRow(row(95, 'Best Director'), row(94, 'Best Adapted Screenplay', ['Mike Figgis']), () => ['Mike Figgis']);
    expect(res).toMatchObject({ kind: 'decided', recipients: ['Mike Figgis'], source: 'spanned', decision: { rules: ['span', 'role'], fromLine: 94 } });
  });
  it('leaves for review when they disagree, with both candidates', () => {
    const res = resolveRow(row(95, 'Best Director'), row(94, 'Best Actor', ['Nicolas Cage']), () => ['Mike Figgis']);
    expect(res).toMatchObject({ kind: 'needs-review', candidates: [{ rule: 'span', recipients: ['Nicolas Cage'] }, { rule: 'role', recipients: ['Mike Figgis'] }] });
  });
});

describe('review phrasings', () => {
  const scores = (text: string) => readReviewScores(sentences(toLines(text, 't.txt')), 'The Hollow Hour 2').value.map((s) => [s.aggregator, s.method, s.score, s.reviewCount ?? null]);
  it.each([
    ['Review aggregator Rotten Tomatoes reports an 88% approval rating based on 247 reviews, with an average rating of 7.9/10.', [['Rotten Tomatoes', 'approval', '88%', 247], ['Rotten Tomatoes', 'average', '7.9/10', 247]]],
    ['Rotten Tomatoes gives the film a score of 90% based on 71 reviews.', [['Rotten Tomatoes', 'approval', '90%', 71]]],
    ['On Metacritic, the film has a weighted average score of 64 out of 100, based on 38 critics.', [['Metacritic', 'metascore', '64/100', 38]]],
    ['Audiences polled by CinemaScore gave the film an average grade of "A−" on an A+ to F scale.', [['CinemaScore', 'grade', 'A-', null]]],
    ['By comparison, The Hollow Hour holds an approval rating of 68% on Rotten Tomatoes.', []],
    ['The sequel holds an approval rating of 40% on Rotten Tomatoes.', []],
  ])('%s', (text, expected) => {
    expect(scores(text)).toEqual(expected);
  });
});
