// IRI minting: percent-encoded name keys (injective, stable, ASCII), patterns under the base, content hashes independent of the base.
import { describe, expect, test } from 'vitest';
import { FilmkgError } from '../src/errors.js';
import { DEFAULT_BASE, IriMinter, checkBase, nameFromKey, nameKey } from '../src/iri.js';
import { string } from '../src/literals.js';

describe('name keys', () => {
  test.each([
    ['Mike Figgis', 'Mike_Figgis'],
    ['Lila Cazès', 'Lila_Caz%C3%A8s'],
    ['San Sebastián International Film Festival', 'San_Sebasti%C3%A1n_International_Film_Festival'],
    ['MGM/UA Distribution Co.', 'MGM%2FUA_Distribution_Co.'],
    ["John O'Brien", 'John_O%27Brien'],
    ['Critics\u2019 Choice', 'Critics%E2%80%99_Choice'],
    ['a_b', 'a%5Fb'],
  ])('%s → %s, and back', (name, key) => {
    expect(nameKey(name)).toBe(key);
    expect(nameFromKey(key)).toBe(name);
  });

  test('NFC and NFD spellings give one key; keys are plain ASCII; different names never collide', () => {
    expect(nameKey('Lila Caze\u0300s')).toBe(nameKey('Lila Cazès'));
    const names = ['Lila Cazès', 'Lila Cazes', 'Lila_Cazes', 'Lila  Cazes', "O'Brien", 'OBrien', 'O Brien'];
    const keys = names.map(nameKey);
    expect(new Set(keys).size).toBe(names.length);
    for (const k of keys) expect(k).toMatch(/^[A-Za-z0-9\-._~%]+$/);
  });

  test('an empty name or a lone surrogate is refused', () => {
    expect(() => nameKey('')).toThrow(FilmkgError);
    expect(() => nameKey('bad \ud800 name')).toThrow(FilmkgError);
  });
});

describe('IRI patterns', () => {
  const iri = new IriMinter();
  test('global and film-scoped IRIs', () => {
    expect(iri.film('leaving-las-vegas').value).toBe('https://filmkg.example/film/leaving-las-vegas');
    expect(iri.person('Lila Cazès').value).toBe('https://filmkg.example/person/Lila_Caz%C3%A8s');
    expect(iri.organization('Rotten Tomatoes').value).toBe('https://filmkg.example/organization/Rotten_Tomatoes');
    expect(iri.award('Academy Awards', 'Best Actor').value).toBe('https://filmkg.example/award/Academy_Awards/Best_Actor');
    expect(iri.inFilm('leaving-las-vegas', 'citation', 14, 'identifier', 'ISSN').value).toBe('https://filmkg.example/film/leaving-las-vegas/citation/14/identifier/ISSN');
    expect(iri.wikiFile('https://en.wikipedia.org/wiki/Leaving_Las_Vegas', 'Leaving las vegas ver1.jpg').value).toBe('https://en.wikipedia.org/wiki/File:Leaving_las_vegas_ver1.jpg');
    expect(iri.imdb('tt0113627').value).toBe('https://www.imdb.com/title/tt0113627/');
  });

  test('statement names come from content, not call order, and do not depend on the base', () => {
    const other = new IriMinter('http://example.org/kg/');
    const content = (m: IriMinter) => [m.film('x'), m.person('A'), string('q')];
    const a = iri.statement('P57', content(iri)).value;
    expect(iri.statement('P57', content(iri)).value).toBe(a);
    expect(a).toMatch(/^https:\/\/filmkg\.example\/statement\/P57-[0-9a-f]{16}$/);
    expect(other.statement('P57', content(other)).value.slice('http://example.org/kg/'.length)).toBe(a.slice(DEFAULT_BASE.length));
    expect(iri.statement('P57', [iri.film('x'), iri.person('B'), string('q')]).value).not.toBe(a);
  });

  test('a bad base or film slug is refused with the option named', () => {
    for (const bad of ['filmkg.example/', 'ftp://x.org/', 'https://x.org/a', 'https://X.org/', 'https://x.org/?q=1']) {
      try {
        checkBase(bad);
        expect.unreachable(`accepted ${bad}`);
      } catch (error) {
        expect(error).toBeInstanceOf(FilmkgError);
        expect((error as FilmkgError).code).toBe('USAGE');
        expect((error as FilmkgError).place.path).toBe('--base');
      }
    }
    expect(checkBase('https://data.example.org/kg#')).toBe('https://data.example.org/kg#');
    expect(() => iri.film('Not A Slug')).toThrow(FilmkgError);
    // The slug checked last is remembered: a bad one after a good one is still refused, everywhere a slug is taken.
    const minter = new IriMinter();
    expect(minter.film('a-film').value).toBe('https://filmkg.example/film/a-film');
    expect(() => minter.inFilm('Bad Slug', 'article')).toThrow(FilmkgError);
    expect(() => minter.filmPage('bad/slug')).toThrow(FilmkgError);
    expect(minter.inFilm('a-film', 'article').value).toBe('https://filmkg.example/film/a-film/article');
    expect(() => minter.film('')).toThrow(FilmkgError);
  });

  test('content-named and film-scoped IRIs are told apart under any base', () => {
    for (const base of ['https://filmkg.example/', 'https://data.example.org/kg#']) {
      const m = new IriMinter(base);
      expect(m.isContentNamed(`${base}statement/P31-0123456789abcdef`)).toBe(true);
      expect(m.isContentNamed(`${base}reference/0123456789abcdef`)).toBe(true);
      expect(m.isContentNamed(`${base}value/0123456789abcdef`)).toBe(true);
      expect(m.isContentNamed(`${base}person/statement/x`)).toBe(false);
      expect(m.isContentNamed(`${base}statements/x`)).toBe(false);
      expect(m.isContentNamed(`${base}statement`)).toBe(false);
      expect(m.isContentNamed('https://other.example/statement/P31-0123456789abcdef')).toBe(false);
      expect(m.isFilmScoped(`${base}film/x/article`)).toBe(true);
      expect(m.isFilmScoped(`${base}person/film/x`)).toBe(false);
    }
  });
});
