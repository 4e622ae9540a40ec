// The extractor on articles other than the bundled one: two FICTIONAL articles in the same format (test/fixtures/films/FIXTURES.md),
// each expectation reviewed against the fixture text.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFilm } from '../src/pipeline.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'films');

describe('Northern Static (fictional): other labels, pounds, a two-line label, another table and track listing', async () => {
  const facts = await loadFilm(path.join(FIXTURES, 'northern-static'));

  it('reads the infobox, keeping the unknown label', () => {
    const byRole = (role: string) => facts.credits.filter((c) => c.role === role).map((c) => c.person);
    expect(byRole('screenwriter')).toEqual(['Helen Marsh']);
    expect(byRole('story')).toEqual(['Helen Marsh', 'Tomas Lindqvist']);
    expect(byRole('starring')).toEqual(['Ruth Ashdown', 'Idris Kellaway', 'Marguerite Doucet']);
    expect(byRole('cinematographer')).toEqual(['Piet van Rooyen']);
    expect(byRole('composer')).toEqual(['Owen Pryce']);
    expect(facts.organisations.filter((o) => o.role === 'production-company').map((o) => o.name)).toEqual(['Greyfriars Pictures', 'Borealis Films']);
    expect(facts.organisations.find((o) => o.role === 'production-company')?.evidence).toMatchObject({ line: 33 });
    expect(facts.countries.map((c) => c.value)).toEqual(['United Kingdom', 'Canada']);
    expect(facts.languages.map((c) => c.value)).toEqual(['English', 'French']);
    expect(facts.releases.slice(0, 2).map((r) => [r.date, r.place ?? null, r.kind ?? null])).toEqual([
      ['2004-09-09', 'Toronto', null],
      ['2004-10-22', 'United Kingdom', null],
    ]);
    expect(facts.runningTime?.minutes).toBe(104);
    expect(facts.budget).toMatchObject({ currency: 'GBP', amount: '4200000', evidence: { line: 48, refs: [1] } });
    expect(facts.boxOffice).toMatchObject({ currency: 'GBP', amount: '11500000' });
    expect(facts.unknownInfoboxFields).toMatchObject([{ label: 'Color process', values: ['Technicolor'], evidence: { line: 47 } }]);
  });

  it('reads the lead, the plot characters and the cast with billing order', () => {
    expect([facts.year?.value, facts.nationalities.map((n) => n.value), facts.genres.map((g) => g.value)]).toEqual([2004, ['British-Canadian'], ['psychological thriller']]);
    // No "Based on" row: the lead's "based on the 1998 radio play of the same name by Tomas Lindqvist" gives it.
    expect(facts.basedOn).toMatchObject({ title: 'Northern Static', author: 'Tomas Lindqvist', form: 'radio play', year: 1998, evidence: { line: 51 } });
    expect(facts.characters.map((c) => c.name)).toEqual(['Agnes Harrow', 'Callum Reid', 'Lachlan Reid']);
    expect(facts.cast.map((c) => [c.actor, c.character ?? null, c.order ?? null])).toEqual([
      ['Ruth Ashdown', 'Agnes Harrow', 1],
      ['Idris Kellaway', 'Callum Reid', 2],
      ['Marguerite Doucet', null, 3],
    ]);
    expect(facts.releases.find((r) => r.kind === 'Premiere')).toMatchObject({ date: '2004-09-09', place: 'Toronto International Film Festival' });
  });

  it('reads production, distribution, reception and home media', () => {
    expect(facts.production.map((p) => [p.kind, 'value' in p ? p.value : p.money.text])).toEqual([
      ['film-format', '35 mm'],
      ['shooting-days', 41],
      ['marketing-spend', 'less than £1 million'],
      ['score-composer', 'Owen Pryce'],
    ]);
    expect(facts.organisations.filter((o) => o.region).map((o) => `${o.name} (${o.region})`)).toEqual(['Parallax Releasing (United Kingdom)', 'Borealis Films (Canada)']);
    expect(facts.reviewScores.map((s) => s.score)).toEqual(['84%', '7.1/10', '71/100']);
    expect(facts.reviews).toMatchObject([{ critic: 'Peter Bradshaw', publication: 'The Guardian', summary: 'gave the film four stars' }]);
    expect(facts.homeMedia.map((h) => [h.format, h.distributor])).toEqual([
      ['DVD', 'Parallax Home Video'],
      ['Blu-ray', 'Parallax Home Video'],
    ]);
  });

  it('reads the "Recipient(s)" accolades table with row-spanned bodies, a footnote and curated film-level rows', () => {
    expect(facts.accolades.map((a) => [a.body, a.category, a.recipients.join(' + ') || '(film)', a.result, a.recipientSource])).toEqual([
      ['British Independent Film Awards', 'Best Director', 'Helen Marsh', 'Won', 'named'],
      ['British Independent Film Awards', 'Best Actress', 'Ruth Ashdown', 'Nominated', 'named'],
      ['British Independent Film Awards', 'Best Technical Achievement', 'Owen Pryce', 'Nominated', 'named'],
      ['Genie Awards', 'Best Supporting Actress', 'Marguerite Doucet', 'Won', 'named'],
      ['Genie Awards', 'Best Motion Picture', '(film)', 'Nominated', 'film'],
      ['Sitges Film Festival', 'Best Film', '(film)', 'Won', 'film'],
      ['Sitges Film Festival', 'Best Cinematography', 'Piet van Rooyen', 'Won', 'named'],
      ['Evening Standard British Film Awards', 'Best Screenplay', 'Helen Marsh + Tomas Lindqvist', 'Runner-up', 'named'],
    ]);
    expect(facts.accolades[2]?.evidence.notes).toEqual(['a']);
    expect(facts.footnotes).toMatchObject([{ id: 'a', text: 'For sound design.' }]);
  });

  it('reads the track listing with a default composer, glued cells and a dialogue track timed on its second line', () => {
    expect(facts.soundtrack?.tracks.map((t) => [t.number, t.title, t.writers, t.writersFromDefault, t.performers, t.duration ?? null])).toEqual([
      [1, 'Below the Marine Band', ['Owen Pryce'], true, ['Owen Pryce'], 'PT3M5S'],
      [2, 'Margaret Rose', ['Traditional', 'arr. Owen Pryce'], false, ['The Kittiwakes'], 'PT4M12S'],
      [3, 'Static', ['Owen Pryce'], true, ['Owen Pryce'], 'PT2M58S'],
      [4, 'Shipping Forecast', ['Owen Pryce'], true, ['Ruth Ashdown', 'Idris Kellaway'], 'PT1M12S'],
      [5, 'Sea Fret', ['Anya Fell', 'Owen Pryce'], false, ['Mairi MacLeod'], 'PT3M47S'],
    ]);
    expect(facts.soundtrack?.tracks[3]?.speakers).toEqual([
      { actor: 'Ruth Ashdown', character: 'Agnes' },
      { actor: 'Idris Kellaway', character: 'Callum' },
    ]);
    expect(facts.soundtrack?.releaseDate).toBe('2004-10-18');
  });

  it('reads 11 references', () => {
    expect(facts.references).toHaveLength(11);
    expect(facts.references[4]).toMatchObject({ title: 'Shooting on Lewis', publication: 'Sight & Sound', date: '2004-11' });
    expect(facts.references[3]).toMatchObject({ authors: ['Alastair Hume'], archived: '2009-05-02', backlinks: 2, citedOnLines: [72] });
  });
});

describe('La última ronda (fictional): non-ASCII names, euros, a cast list, missing sections', async () => {
  const facts = await loadFilm(path.join(FIXTURES, 'la-ultima-ronda'));

  it('reads the infobox with a single release date, a three-line production company and euros', () => {
    expect(facts.title.value).toBe('La última ronda');
    expect(facts.image).toBeUndefined();
    expect(facts.credits.map((c) => `${c.role}: ${c.person}`)).toEqual([
      'director: Lucía Ferrán',
      'screenwriter: Lucía Ferrán',
      'screenwriter: Joaquín Sáez',
      'producer: Marisa Obregón',
      'starring: Álvaro Peñalver',
      'cinematographer: Inés Aldecoa',
      'editor: Joaquín Sáez',
      'composer: Nerea Goñi',
    ]);
    expect(facts.organisations.map((o) => `${o.role}: ${o.name}`)).toEqual(['production-company: Estudios Cantábrico', 'distributor: Alta Films']);
    expect(facts.organisations[0]?.evidence).toMatchObject({ line: 25, endLine: 27 });
    expect(facts.releases.map((r) => [r.date, r.kind ?? null])).toEqual([
      ['2019-03-14', null],
      ['2019-03-14', 'Limited'],
    ]);
    expect(facts.languages.map((l) => l.value)).toEqual(['Spanish']);
    expect(facts.budget).toMatchObject({ currency: 'EUR', amount: '2800000' });
    expect(facts.unknownInfoboxFields).toEqual([]);
  });

  it('reads the cast list and the plot', () => {
    expect(facts.cast.map((c) => [c.actor, c.character ?? null])).toEqual([
      ['Álvaro Peñalver', 'Tomás Ybarra'],
      ['Irene Castañeda', 'Carla'],
      ['Ramón Quiroga', 'Ernesto Vidal'],
    ]);
    expect(facts.characters.map((c) => c.name)).toEqual(['Tomás Ybarra', 'Carla', 'Ernesto Vidal']);
    expect(facts.production.map((p) => ('value' in p ? p.value : ''))).toEqual([30, 'Nerea Goñi']);
  });

  it('has no accolades, soundtrack, footnotes or review scores, and three references', () => {
    expect(facts.accolades).toEqual([]);
    expect(facts.soundtrack).toBeUndefined();
    expect(facts.footnotes).toEqual([]);
    expect(facts.reviewScores).toEqual([]);
    expect(facts.references.map((r) => [r.number, r.authors, r.publication])).toEqual([
      [1, ['Ana Torres'], 'El País'],
      [2, [], 'Box Office Mojo'],
      [3, ['Luis Prieto'], 'La Nueva España'],
    ]);
  });
});
