// The literal semantics the SHACL fast path copies (src/check/shacl-literals.ts) against the libraries it copies them
// from: rdf-validate-datatype's validateTerm for each datatype of DATATYPE_CHECKS, rdf-literal's fromRdf for every
// datatype it converts (and one it does not), on hand-picked edge cases and on arbitrary strings (fast-check).
import fc from 'fast-check';
import { fromRdf } from 'rdf-literal';
import { validateTerm } from 'rdf-validate-datatype';
import type { Literal } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { compareTerms, DATATYPE_CHECKS, literalValue } from '../src/check/shacl-literals.js';
import { literal, namedNode } from '../src/rdf.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const EDGES = [
  '', ' ', '0', '1', '-1', '+1', '01', '1.', '.1', '1.5', '-.5', '+-1', '1e3', '1E-3', 'NaN', 'INF', '-INF', 'abc', ' 1', '1 ',
  '1995', '0995', '995', '-1995', '19950', '1995-02', '1995-2', '1995-02-03', '1995-02-31', '1995-02-03Z', '1995-02-03+01:00',
  '1995-02-03T10:00:00', '1995-02-03T10:00:00Z', '1995-02-03T10:00:00+05:30', '--02', '02-03', 'P1Y', 'P1Y2M3DT4H5M6.5S',
  'PT1H51M', 'PT', 'P', '-P1D', 'P1.5Y', 'true', 'false', 'TRUE', 'x\ny', '１２', '1_000',
];
/** Strings over the characters the lexical forms of these datatypes are made of, and a few others. */
const lexical = fc.string({ unit: fc.constantFrom(...'0123456789+-.:eETZPYMDHS x'.split('')), maxLength: 24 });

describe('DATATYPE_CHECKS', () => {
  it('covers the datatypes the shapes use', () => {
    for (const dt of ['string', 'integer', 'decimal', 'date', 'gYear', 'gYearMonth', 'duration']) expect(DATATYPE_CHECKS.has(`${XSD}${dt}`), dt).toBe(true);
    expect(DATATYPE_CHECKS.has(`${RDF}langString`)).toBe(true);
  });

  it.each([...DATATYPE_CHECKS.keys()])('says of %s what rdf-validate-datatype says', (dt) => {
    const check = DATATYPE_CHECKS.get(dt)!;
    const term = (v: string) => (dt === `${RDF}langString` ? literal(v, 'en') : literal(v, namedNode(dt)));
    for (const v of EDGES) expect(check(v), JSON.stringify(v)).toBe(validateTerm(term(v)));
    fc.assert(fc.property(lexical, (v) => check(v) === validateTerm(term(v))), { numRuns: 2000, seed: 7 });
  });
});

describe('literalValue and compareTerms', () => {
  const DATATYPES = [
    ...['string', 'normalizedString', 'anyURI', 'token', 'time', 'duration', 'boolean', 'double', 'decimal', 'float', 'integer', 'long', 'int', 'byte', 'short'].map((d) => `${XSD}${d}`),
    ...['nonNegativeInteger', 'positiveInteger', 'unsignedInt', 'dateTime', 'date', 'gDay', 'gMonthDay', 'gYear', 'gYearMonth'].map((d) => `${XSD}${d}`),
    `${RDF}langString`,
    'https://filmkg.example/ontology#madeUp',
  ];
  const term = (v: string, dt: string): Literal => (dt === `${RDF}langString` ? literal(v, 'en') : literal(v, namedNode(dt)));
  /** Equal values: the same primitive (NaN equal to NaN), or dates with the same time. */
  const same = (a: unknown, b: unknown): boolean => (a instanceof Date && b instanceof Date ? Object.is(a.getTime(), b.getTime()) : Object.is(a, b));

  it('converts every literal as rdf-literal\'s fromRdf does', () => {
    for (const dt of DATATYPES) for (const v of EDGES) expect(same(literalValue(term(v, dt)), fromRdf(term(v, dt))), `${JSON.stringify(v)}^^${dt}`).toBe(true);
    fc.assert(
      fc.property(lexical, fc.constantFrom(...DATATYPES), (v, dt) => same(literalValue(term(v, dt)), fromRdf(term(v, dt)))),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('compares as rdf-validate-shacl\'s compareTerms over rdf-literal', () => {
    // rdf-validate-shacl 0.6.5, src/validators.js (not exported), over the real fromRdf.
    const hasTimezone = (l: Literal) => l.datatype.value === `${XSD}dateTime` && /^.*(((\+|-)\d{2}:\d{2})|Z)$/.test(l.value);
    const reference = (a: Literal, b: Literal): number | null => {
      if (hasTimezone(a) !== hasTimezone(b)) return null;
      const v1 = fromRdf(a) as unknown;
      const v2 = fromRdf(b) as unknown;
      if (typeof v1 !== typeof v2) return null;
      if (typeof v1 === 'string') return v1.localeCompare(v2 as string);
      return (v1 as number) - (v2 as number);
    };
    const pairs = fc.tuple(fc.oneof(fc.constantFrom(...EDGES), lexical), fc.constantFrom(...DATATYPES), fc.oneof(fc.constantFrom(...EDGES), lexical), fc.constantFrom(...DATATYPES));
    fc.assert(
      fc.property(pairs, ([v1, d1, v2, d2]) => Object.is(compareTerms(term(v1, d1), term(v2, d2)), reference(term(v1, d1), term(v2, d2)))),
      { numRuns: 5000, seed: 13 },
    );
    expect(compareTerms(term('10', `${XSD}decimal`), term('4', `${XSD}decimal`))).toBeGreaterThan(0);
    expect(compareTerms(namedNode('https://filmkg.example/x'), term('4', `${XSD}decimal`))).toBeNull();
  });
});
