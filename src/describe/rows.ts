// The rows of the dataset description's queries (DESCRIPTION_QUERIES in dataset.ts), computed from the graph's quads in
// plain JavaScript, so that `filmkg build` describes its graph without loading a SPARQL engine. The queries stay the
// definition: test/dataset-rows.test.ts runs them in oxigraph and compares every row. Term identity is the store's: a
// graph whose terms oxigraph would rewrite on load (a typed literal not in its canonical form, an upper-case language
// tag) or might refuse (an IRI or blank-node label outside the plain forms below) is not vouched for, and its caller
// asks the store instead (rowsOf returns undefined).
import type { Quad, Term } from '../rdf.js';
import type { ResultTerm } from '../store/store.js';
import { NS } from '../vocab.js';

/** One result row, as the store gives it (SPARQL JSON results terms). */
export type DescriptionRow = Record<string, ResultTerm>;

/** The rows of each of DESCRIPTION_QUERIES, in the queries' order. */
export interface DescriptionRows {
  readonly counts: DescriptionRow;
  readonly entities: DescriptionRow;
  readonly classes: readonly DescriptionRow[];
  readonly properties: readonly DescriptionRow[];
  readonly sources: readonly DescriptionRow[];
}

const XSD = NS.xsd;
const RDF_TYPE = `${NS.rdf}type`;
const LANG_STRING = `${NS.rdf}langString`;
const SCHEMA = NS.schema;

// An absolute IRI of ASCII characters RFC 3987 allows, with an optional plain authority (host and port): every IRI
// filmkg mints is of this form. Anything else is left to the store, which validates IRIs on load.
const PCHAR = "[A-Za-z0-9\\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2}";
const PLAIN_IRI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:(?://[A-Za-z0-9.-]*(?::[0-9]*)?(?=[/?#]|$)|(?!//))(?:${PCHAR})*(?:\\?(?:${PCHAR}|\\?)*)?(?:#(?:${PCHAR}|\\?)*)?$`);
const PLAIN_BLANK = /^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?$/;
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// A language, an optional script and region, lower case (the store lower-cases tags, and refuses ill-formed ones).
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?$/;

function validDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, month - 1, day));
  // 2000 is a leap year; 29 February of another year is no day.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day && !(month === 2 && day === 29 && !leap);
}

/**
 * The lexical forms oxigraph 0.5 keeps as they are, for the XSD datatypes it parses into values on load (measured:
 * `053` → `53`, `1.0` → `1`, `PT25H` → `P1DT1H`, `24:00:00Z` → the next day, `xsd:int` → `xsd:integer`). An XSD
 * datatype not listed here (float, time, the derived integer types …) is not vouched for.
 */
const CANONICAL: Readonly<Record<string, (value: string) => boolean>> = {
  [`${XSD}string`]: () => true,
  [`${XSD}boolean`]: (v) => v === 'true' || v === 'false',
  [`${XSD}integer`]: (v) => /^-?(?:0|[1-9]\d{0,17})$/.test(v) && v !== '-0',
  [`${XSD}decimal`]: (v) => /^-?(?:0|[1-9]\d{0,17})(?:\.\d{0,17}[1-9])?$/.test(v) && v !== '-0',
  [`${XSD}date`]: (v) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    return m !== null && m[1] !== '0000' && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  },
  [`${XSD}gYear`]: (v) => /^\d{4}$/.test(v) && v !== '0000',
  [`${XSD}gYearMonth`]: (v) => /^\d{4}-(?:0[1-9]|1[0-2])$/.test(v) && !v.startsWith('0000'),
  [`${XSD}dateTime`]: (v) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/.exec(v);
    return m !== null && m[1] !== '0000' && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  },
  // Hours, minutes and seconds only, each carried into the next (no 24 hours: that is a day).
  [`${XSD}duration`]: (v) => v === 'PT0S' || (/^PT(?=\d)(?:(?:[1-9]|1\d|2[0-3])H)?(?:[1-5]?[1-9]M|[1-5]0M)?(?:[1-5]?[1-9]S|[1-5]0S)?$/.test(v)),
};

/**
 * The key of a term: equal keys for the terms the store holds as one (given termIsPlain), and only for those. An IRI
 * starting with a letter, as every plain one does, is its own text (no concatenation for the common case: a string's
 * hash is computed once); any other IRI is `<` and its text, a blank node `_:` and its label, a literal starts with `"`.
 */
function keyOf(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return /^[A-Za-z]/.test(term.value) ? term.value : `<${term.value}`;
    case 'BlankNode':
      return `_:${term.value}`;
    case 'Literal':
      return `"${term.language}\u0000${term.datatype.value}\u0000${term.value}`;
    default:
      return `?${term.termType}`;
  }
}

/** True when the store would hold `term` exactly as it is (see the file header). */
function termIsPlain(term: Term): boolean {
  switch (term.termType) {
    case 'NamedNode':
      return PLAIN_IRI.test(term.value);
    case 'BlankNode':
      return PLAIN_BLANK.test(term.value);
    case 'Literal': {
      // Most text has no surrogates at all: the costlier look-around check only for text that has.
      if (SURROGATE.test(term.value) && LONE_SURROGATE.test(term.value)) return false;
      const datatype = term.datatype.value;
      if (term.language !== '') return datatype === LANG_STRING && LANGUAGE.test(term.language);
      if (!PLAIN_IRI.test(datatype)) return false;
      const canonical = CANONICAL[datatype];
      if (canonical) return canonical(term.value);
      // Other XSD and RDF datatypes may be parsed by the store; datatypes of other vocabularies are kept as they are.
      return !datatype.startsWith(XSD) && !datatype.startsWith(NS.rdf);
    }
    default:
      return false;
  }
}

/** The term as a SPARQL JSON results term, as oxigraph writes it. */
function resultTerm(term: Term): ResultTerm {
  if (term.termType === 'NamedNode') return { type: 'uri', value: term.value };
  if (term.termType === 'BlankNode') return { type: 'bnode', value: term.value };
  if (term.termType !== 'Literal') throw new Error(`describe: unexpected ${term.termType} in the graph`);
  if (term.language !== '') return { type: 'literal', value: term.value, 'xml:lang': term.language };
  if (term.datatype.value === `${XSD}string`) return { type: 'literal', value: term.value };
  return { type: 'literal', value: term.value, datatype: term.datatype.value };
}

function countTerm(n: number): ResultTerm {
  return { type: 'literal', value: String(n), datatype: `${XSD}integer` };
}

/**
 * Compares strings by Unicode code point, as the store orders strings (Rust compares UTF-8 bytes), where JavaScript's
 * `<` compares UTF-16 code units and so puts U+10000 and above before U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (D800–DFFF) stand for code points above FFFF: move them above E000–FFFF.
    if (x >= 0xd800) x += x <= 0xdfff ? 0x2000 : -0x800;
    if (y >= 0xd800) y += y <= 0xdfff ? 0x2000 : -0x800;
    return x - y;
  }
  return a.length - b.length;
}

/** `STR(term)` as an ORDER BY key: undefined (an error, which sorts first) for a blank node. */
function strKey(term: Term): string | undefined {
  return term.termType === 'BlankNode' ? undefined : term.value;
}

function compareKeys(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  return compareCodePoints(a, b);
}

/** One property's triples: its objects by subject (a triple is new when its object is new there), and its objects. */
interface Tally {
  triples: number;
  readonly bySubject: Map<string, Set<string>>;
  readonly objects: Set<string>;
}

const SOURCE_PREDICATES = new Set(['url', 'license', 'creditText', 'about', 'dateModified', 'name'].map((p) => `${SCHEMA}${p}`));

/**
 * The rows each of DESCRIPTION_QUERIES gives over `quads` (a graph: the default graph; repeated triples count once),
 * in the queries' order (rows with equal ORDER BY keys, which SPARQL leaves in any order, by their other columns);
 * undefined when the graph holds a term the store might rewrite or refuse, so that only the store can say.
 */
export function rowsOf(quads: Iterable<Quad>): DescriptionRows | undefined {
  // Keys of the terms found plain so far (a graph repeats its terms: each is checked once).
  const plain = new Set<string>();
  let triples = 0;
  const subjects = new Set<string>();
  const objects = new Set<string>();
  const byProperty = new Map<string, Tally>();
  const byClass = new Map<string, { term: Term; triples: number; subjects: Set<string> }>();
  const entities = new Set<string>();
  const entityClasses = new Set<string>();
  // The source pattern's triples, by subject then predicate, and the terms behind each key.
  const about = new Map<string, Map<string, Term[]>>();
  const types = new Map<string, Set<string>>();
  const terms = new Map<string, Term>();

  for (const q of quads) {
    const { subject, predicate, object } = q;
    if ((subject.termType !== 'NamedNode' && subject.termType !== 'BlankNode') || predicate.termType !== 'NamedNode') return undefined;
    const s = keyOf(subject);
    const p = predicate.value;
    const o = keyOf(object);
    let tally = byProperty.get(p);
    if (!tally) {
      if (!termIsPlain(predicate)) return undefined;
      byProperty.set(p, (tally = { triples: 0, bySubject: new Map(), objects: new Set() }));
    }
    if (!plain.has(s)) {
      if (!termIsPlain(subject)) return undefined;
      plain.add(s);
    }
    if (!plain.has(o)) {
      if (!termIsPlain(object)) return undefined;
      plain.add(o);
    }
    let objectsOfSubject = tally.bySubject.get(s);
    if (!objectsOfSubject) tally.bySubject.set(s, (objectsOfSubject = new Set()));
    else if (objectsOfSubject.has(o)) continue; // a repeated triple
    objectsOfSubject.add(o);
    triples++;
    subjects.add(s);
    objects.add(o);
    tally.triples++;
    tally.objects.add(o);
    if (p === RDF_TYPE) {
      let cls = byClass.get(o);
      if (!cls) byClass.set(o, (cls = { term: object, triples: 0, subjects: new Set() }));
      cls.triples++;
      cls.subjects.add(s);
      if (subject.termType === 'NamedNode') {
        entities.add(s);
        entityClasses.add(o);
      }
      let t = types.get(s);
      if (!t) types.set(s, (t = new Set()));
      t.add(o);
      terms.set(s, subject);
    } else if (SOURCE_PREDICATES.has(p)) {
      let props = about.get(s);
      if (!props) about.set(s, (props = new Map()));
      let values = props.get(p);
      if (!values) props.set(p, (values = []));
      values.push(object);
      terms.set(s, subject);
    }
  }

  const counts: DescriptionRow = {
    triples: countTerm(triples),
    subjects: countTerm(subjects.size),
    properties: countTerm(byProperty.size),
    objects: countTerm(objects.size),
  };
  const entityRow: DescriptionRow = { entities: countTerm(entities.size), classes: countTerm(entityClasses.size) };

  const classes = [...byClass.values()]
    .sort((a, b) => compareKeys(strKey(a.term), strKey(b.term)) || compareCodePoints(keyOf(a.term), keyOf(b.term)))
    .map((c): DescriptionRow => ({ class: resultTerm(c.term), entities: countTerm(c.subjects.size), triples: countTerm(c.triples) }));
  const properties = [...byProperty.entries()]
    .sort((a, b) => compareCodePoints(a[0], b[0]))
    .map(([p, t]): DescriptionRow => ({ property: { type: 'uri', value: p }, triples: countTerm(t.triples), subjects: countTerm(t.bySubject.size), objects: countTerm(t.objects.size) }));

  // ?article a schema:Article ; schema:url ?url ; schema:license ?licence ; schema:creditText ?credit ; schema:about ?film .
  // OPTIONAL { ?article schema:dateModified ?modified }  ?film a schema:Movie ; schema:name ?title .
  const ARTICLE = `${SCHEMA}Article`;
  const MOVIE = `${SCHEMA}Movie`;
  const values = (s: string, local: string): Term[] => about.get(s)?.get(`${SCHEMA}${local}`) ?? [];
  const sources: Array<{ row: DescriptionRow; film: Term; article: Term; key: string }> = [];
  for (const [s, classesOf] of types) {
    if (!classesOf.has(ARTICLE)) continue;
    const article = terms.get(s) as Term;
    const modified: Array<Term | undefined> = values(s, 'dateModified');
    for (const url of values(s, 'url'))
      for (const licence of values(s, 'license'))
        for (const credit of values(s, 'creditText'))
          for (const film of values(s, 'about')) {
            const f = keyOf(film);
            if (!types.get(f)?.has(MOVIE)) continue;
            for (const title of values(f, 'name'))
              for (const m of modified.length > 0 ? modified : [undefined]) {
                const row: DescriptionRow = { article: resultTerm(article), url: resultTerm(url), licence: resultTerm(licence), credit: resultTerm(credit), film: resultTerm(film), title: resultTerm(title) };
                if (m !== undefined) row.modified = resultTerm(m);
                const key = [url, m, licence, credit, title].map((t) => (t === undefined ? '' : keyOf(t))).join('\u0001');
                sources.push({ row, film, article, key });
              }
          }
  }
  sources.sort((a, b) => compareKeys(strKey(a.film), strKey(b.film)) || compareKeys(strKey(a.article), strKey(b.article)) || compareCodePoints(keyOf(a.film), keyOf(b.film)) || compareCodePoints(keyOf(a.article), keyOf(b.article)) || compareCodePoints(a.key, b.key));

  return { counts, entities: entityRow, classes, properties, sources: sources.map((r) => r.row) };
}
