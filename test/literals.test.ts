// Literal helpers: canonical lexical forms (what stores such as oxigraph write back), and refusals of what would not round-trip.
import { describe, expect, test } from 'vitest';
import { FilmkgError } from '../src/errors.js';
import * as L from '../src/literals.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';

describe('literal helpers', () => {
  test.each([
    [() => L.integer(53), '53', 'integer'],
    [() => L.integer('053'), '53', 'integer'],
    [() => L.integer('-0'), '0', 'integer'],
    [() => L.decimal('3500000'), '3500000', 'decimal'],
    [() => L.decimal('7.70'), '7.7', 'decimal'],
    [() => L.decimal('049.0'), '49', 'decimal'],
    [() => L.decimal('.5'), '0.5', 'decimal'],
    [() => L.date('1995-10-27'), '1995-10-27', 'date'],
    [() => L.gYear(1995), '1995', 'gYear'],
    [() => L.gYearMonth('1994-04'), '1994-04', 'gYearMonth'],
    [() => L.partialDate('1990'), '1990', 'gYear'],
    [() => L.partialDate('1994-04'), '1994-04', 'gYearMonth'],
    [() => L.partialDate('1995-11-05'), '1995-11-05', 'date'],
    [() => L.dateTime('2023-05-30T18:20:00Z'), '2023-05-30T18:20:00Z', 'dateTime'],
    [() => L.duration('PT111M'), 'PT1H51M', 'duration'],
    [() => L.duration('PT4M2S'), 'PT4M2S', 'duration'],
    [() => L.duration('PT90S'), 'PT1M30S', 'duration'],
    [() => L.duration('PT60M'), 'PT1H', 'duration'],
    [() => L.duration('PT0S'), 'PT0S', 'duration'],
    [() => L.boolean(true), 'true', 'boolean'],
  ])('case %#: canonical form is the value written back by stores', (make, value, type) => {
    const lit = make();
    expect(lit.value).toBe(value);
    expect(lit.datatype.value).toBe(XSD + type);
    expect(L.LEXICAL_CHECKS[XSD + type]?.(lit.value)).toBe(true);
  });

  test('strings and language-tagged strings', () => {
    expect(L.string('Cazès').datatype.value).toBe(`${XSD}string`);
    const lab = L.langString('Ben Sanderson', 'en');
    expect([lab.value, lab.language]).toEqual(['Ben Sanderson', 'en']);
  });

  test.each([
    ['integer from 1.5', () => L.integer(1.5)],
    ['integer from an unsafe number', () => L.integer(2 ** 60)],
    ['integer from "1e3"', () => L.integer('1e3')],
    ['decimal from a JS number', () => L.decimal(7.7 as unknown as string)],
    ['decimal from "7,7"', () => L.decimal('7,7')],
    ['decimal from "."', () => L.decimal('.')],
    ['date 1995-02-30', () => L.date('1995-02-30')],
    ['date 27/10/1995', () => L.date('27/10/1995')],
    ['gYear 95', () => L.gYear('95')],
    ['gYearMonth 1994-13', () => L.gYearMonth('1994-13')],
    ['dateTime without zone', () => L.dateTime('2023-05-30T18:20:00')],
    ['dateTime 24:00', () => L.dateTime('2023-05-30T24:00:00Z')],
    ['duration with days', () => L.duration('P1DT2H')],
    ['duration "PT"', () => L.duration('PT')],
    ['language tag EN', () => L.langString('x', 'EN')],
    ['lone surrogate', () => L.string('a\ud800b')],
  ])('refuses %s', (_what, make) => {
    expect(make).toThrow(FilmkgError);
    try {
      make();
    } catch (error) {
      expect((error as FilmkgError).code).toBe('BAD_RDF');
    }
  });

  test('the lexical checks reject non-canonical forms', () => {
    expect(L.LEXICAL_CHECKS[`${XSD}integer`]?.('053')).toBe(false);
    expect(L.LEXICAL_CHECKS[`${XSD}decimal`]?.('7.70')).toBe(false);
    expect(L.LEXICAL_CHECKS[`${XSD}duration`]?.('PT111M')).toBe(false);
    expect(L.LEXICAL_CHECKS[`${XSD}duration`]?.('PT1H0M')).toBe(false);
    expect(L.LEXICAL_CHECKS[`${XSD}date`]?.('1995-02-30')).toBe(false);
  });
});

describe('well-formed text', () => {
  test('a lone surrogate anywhere is refused, a pair anywhere is not (the plain scan only decides text with no surrogate)', () => {
    for (const bad of ['\ud800', 'a\udc00', '\udc00\ud800', 'x\ud83d', '\ude00y', '😀\ud800', '\ud800😀']) {
      expect(() => L.string(bad), JSON.stringify(bad)).toThrow(FilmkgError);
      expect(() => L.langString(bad, 'en'), JSON.stringify(bad)).toThrow(FilmkgError);
      expect(L.LEXICAL_CHECKS[`${XSD}string`]?.(bad)).toBe(false);
    }
    for (const good of ['', 'plain', 'Lila Cazès', '😀', 'a😀b😀', '\ud83d\ude00']) {
      expect(L.string(good).value).toBe(good);
      expect(L.LEXICAL_CHECKS[`${XSD}string`]?.(good)).toBe(true);
    }
  });
});
