// The two literal semantics the SHACL fast path (shacl-fast.ts) shares with rdf-validate-shacl 0.6.5, copied so that the
// fast path loads neither library it takes them from (both tested equal to them, test/shacl-fast-literals.test.ts):
// - sh:datatype: a value is well-typed when rdf-validate-datatype 0.2.2 says so (its patterns, for the datatypes the
//   shapes use; it loads @tpluscode/rdf-ns-builders, 70 ms of a cold process, more than the whole fast check);
// - sh:minInclusive, sh:lessThanOrEquals: rdf-validate-shacl's compareTerms over rdf-literal 2.0.0's fromRdf.
import type { Literal, Term } from '@rdfjs/types';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

// rdf-validate-datatype/src/validators.js, the segments the datatypes below use, verbatim.
const signSeg = '(\\+|-)?';
const integerPattern = new RegExp(`^${signSeg}\\d+$`);
const decimalSeg = `${signSeg}(\\d+\\.?\\d*|\\.\\d+)`;
const decimalPattern = new RegExp(`^${signSeg}${decimalSeg}$`);
const dateSignSeg = '-?';
const durationYearSeg = '\\d+Y';
const durationMonthSeg = '\\d+M';
const durationDaySeg = '\\d+D';
const durationHourSeg = '\\d+H';
const durationMinuteSeg = '\\d+M';
const durationSecondSeg = '\\d+(\\.\\d+)?S';
const durationYearMonthSeg = `(${durationYearSeg}(${durationMonthSeg})?|${durationMonthSeg})`;
const durationTimeSeg = `T((${durationHourSeg}(${durationMinuteSeg})?(${durationSecondSeg})?)|(${durationMinuteSeg}(${durationSecondSeg})?)|${durationSecondSeg})`;
const durationDayTimeSeg = `(${durationDaySeg}(${durationTimeSeg})?|${durationTimeSeg})`;
const durationSeg = `${dateSignSeg}P((${durationYearMonthSeg}(${durationDayTimeSeg})?)|${durationDayTimeSeg})`;
const durationPattern = new RegExp(`^${durationSeg}$`);
const yearSeg = `${dateSignSeg}(([1-9]\\d{3,})|(0\\d{3}))`;
const timezoneSeg = '(((\\+|-)\\d{2}:\\d{2})|Z)';
const monthSeg = '\\d{2}';
const daySeg = '\\d{2}';
const dateSeg = `${yearSeg}-${monthSeg}-${daySeg}`;
const datePattern = new RegExp(`^${dateSeg}${timezoneSeg}?$`);
const yearPattern = new RegExp(`^${yearSeg}${timezoneSeg}?$`);
const yearMonthPattern = new RegExp(`^${yearSeg}-${monthSeg}${timezoneSeg}?$`);

const always = (): boolean => true;

/**
 * The lexical check of each datatype the fast path knows, as rdf-validate-datatype's validateTerm applies it
 * (rdf:langString has no validator there: every value passes). A sh:datatype outside this table makes the fast path
 * decline the shapes graph.
 */
export const DATATYPE_CHECKS: ReadonlyMap<string, (value: string) => boolean> = new Map<string, (value: string) => boolean>([
  [`${XSD}string`, always],
  [`${RDF}langString`, always],
  [`${XSD}integer`, (v) => integerPattern.test(v)],
  [`${XSD}decimal`, (v) => decimalPattern.test(v)],
  [`${XSD}date`, (v) => datePattern.test(v)],
  [`${XSD}gYear`, (v) => yearPattern.test(v)],
  [`${XSD}gYearMonth`, (v) => yearMonthPattern.test(v)],
  [`${XSD}duration`, (v) => durationPattern.test(v)],
]);

// rdf-literal 2.0.0: the datatypes of each of its handlers (lib/handler/*.js TYPES); any other datatype gives the value.
const STRING_TYPES = new Set(
  ['string', 'normalizedString', 'anyURI', 'base64Binary', 'language', 'Name', 'NCName', 'NMTOKEN', 'token', 'hexBinary', 'time', 'duration']
    .map((t) => `${XSD}${t}`)
    .concat([`${RDF}langString`, `${RDF}dirLangString`]),
);
const DOUBLE_TYPES = new Set(['double', 'decimal', 'float'].map((t) => `${XSD}${t}`));
const INTEGER_TYPES = new Set(
  ['integer', 'long', 'int', 'byte', 'short', 'negativeInteger', 'nonNegativeInteger', 'nonPositiveInteger', 'positiveInteger', 'unsignedByte', 'unsignedInt', 'unsignedLong', 'unsignedShort'].map(
    (t) => `${XSD}${t}`,
  ),
);
const DATE_TYPES = new Set(['dateTime', 'date', 'gDay', 'gMonthDay', 'gYear', 'gYearMonth'].map((t) => `${XSD}${t}`));

/** rdf-literal's fromRdf(literal) without validation: a JavaScript value of the literal. */
export function literalValue(literal: Literal): string | number | boolean | Date {
  const dt = literal.datatype.value;
  const value = literal.value;
  if (STRING_TYPES.has(dt)) return value;
  if (dt === `${XSD}boolean`) {
    switch (value) {
      case 'true':
      case '1':
        return true;
      default:
        return false;
    }
  }
  if (DOUBLE_TYPES.has(dt)) return parseFloat(value);
  if (INTEGER_TYPES.has(dt)) return parseInt(value, 10);
  if (DATE_TYPES.has(dt)) {
    switch (dt) {
      case `${XSD}gDay`:
        return new Date(0, 0, parseInt(value, 10));
      case `${XSD}gMonthDay`: {
        const parts = value.split('-');
        return new Date(0, parseInt(parts[0]!, 10) - 1, parseInt(parts[1]!, 10));
      }
      case `${XSD}gYear`:
        return new Date(value + '-01-01');
      case `${XSD}gYearMonth`:
        return new Date(value + '-01');
      default:
        return new Date(value);
    }
  }
  return value;
}

function hasTimezone(literal: Literal): boolean {
  return literal.datatype.value === `${XSD}dateTime` && /^.*(((\+|-)\d{2}:\d{2})|Z)$/.test(literal.value);
}

/**
 * rdf-validate-shacl's compareTerms: negative, zero or positive (NaN possible, as there), or null when the two are not
 * comparable (not both literals, one a dateTime with a time zone and the other not, or values of different kinds).
 */
export function compareTerms(a: Term | undefined, b: Term | undefined): number | null {
  if (!a || !b || a.termType !== 'Literal' || b.termType !== 'Literal') return null;
  if (hasTimezone(a) !== hasTimezone(b)) return null;
  const v1 = literalValue(a);
  const v2 = literalValue(b);
  if (typeof v1 !== typeof v2) return null;
  if (typeof v1 === 'string') return v1.localeCompare(v2 as string);
  return (v1 as number) - (v2 as number);
}
