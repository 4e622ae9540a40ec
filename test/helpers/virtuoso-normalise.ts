// Test helper: the one table of what Virtuoso (Debian's 7.2) answers differently from our store for the same graph and
// query, each case named with its reason, and the comparison of answers as sets that applies exactly those cases.
// The README's "Load into a triplestore" section names the same rules. test/virtuoso.test.ts checks that every
// comparison rule is needed (with that one rule left out, some answer no longer compares equal), so the table never
// keeps cases that do not occur.
import sparqljs from 'sparqljs';
import { Parser } from 'n3';
import type { QueryResult, ResultTerm } from '../../src/store/store.js';

const XSD_DURATION = 'http://www.w3.org/2001/XMLSchema#duration';

/** Where a rule is applied: by our remote client for every endpoint, or only in this comparison. */
type Where = 'client' | 'comparison';

/** Every known difference. */
export const VIRTUOSO_RULES = {
  'json-typed-literal': {
    where: 'client',
    reason: 'Virtuoso writes SPARQL JSON results in the SPARQL 1.0 style, "type": "typed-literal" for literals with a datatype; src/remote/sparql-client.ts reads them as "literal".',
  },
  'ask-as-select': {
    where: 'client',
    reason: 'Virtuoso answers ASK in JSON as one row of the variable __ASK_RETVAL (1 or 0) instead of {"boolean": …}; src/remote/sparql-client.ts reads it as the boolean.',
  },
  'duration-as-seconds': {
    where: 'comparison',
    reason: 'Virtuoso stores xsd:duration as a number of seconds and writes it back as seconds (PT4M2S → "242.2": the whole seconds, then the seconds field after a dot); durations are compared as whole seconds.',
  },
  'duration-string-arithmetic': {
    where: 'comparison',
    reason: 'album-running-time reads STR(?duration) with an ISO 8601 pattern; on Virtuoso STR gives "242.2", whose whole seconds the pattern takes as hours, so Virtuoso\'s ?totalSeconds is the true sum × 3600; it is divided by 3600.',
  },
  'group-concat-order': {
    where: 'comparison',
    reason: 'SPARQL leaves the order of GROUP_CONCAT values to the store; the parts are compared as a set (split on the query\'s separator).',
  },
  'group-concat-empty': {
    where: 'comparison',
    reason: 'GROUP_CONCAT over no values (an OPTIONAL that matched nothing) is "" in Virtuoso and unbound in oxigraph (SPARQL 1.1 leaves errors in aggregates to the store); "" is read as unbound.',
  },
  'group-concat-language': {
    where: 'comparison',
    reason: 'oxigraph keeps a language tag all the concatenated values share ("Ben"@en); Virtuoso gives a simple literal, as SPARQL 1.1 defines GROUP_CONCAT; the tag is dropped.',
  },
  'describe-inbound': {
    where: 'comparison',
    reason: 'DESCRIBE is left to the store: oxigraph gives the resource\'s own triples, Virtuoso adds the triples pointing at it; only Virtuoso\'s triples about the described resources are compared.',
  },
} as const satisfies Record<string, { where: Where; reason: string }>;

export type RuleName = keyof typeof VIRTUOSO_RULES;

/** Which comparison rules apply: all of them, or all but one (to check that each one is needed). */
type Rules = (rule: RuleName) => boolean;
const rulesWithout = (without: RuleName | undefined): Rules => (rule) => rule !== without;

/** Whole seconds of an xsd:duration: ISO 8601 (days, hours, minutes, seconds) or Virtuoso's seconds form. */
export function durationSeconds(lexical: string): number {
  const iso = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(lexical);
  if (iso && lexical !== 'P' && !lexical.endsWith('T')) {
    const [, neg, d, h, m, s] = iso;
    const total = Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Math.trunc(Number(s ?? 0));
    return neg ? -total : total;
  }
  if (/^-?\d+(?:\.\d+)?$/.test(lexical)) return Math.trunc(Number(lexical));
  throw new Error(`not a duration: ${lexical}`);
}

/** The GROUP_CONCAT columns of a query and their separators (sparqljs). */
export function groupConcatColumns(query: string): Map<string, string> {
  const parsed = new sparqljs.Parser().parse(query) as { variables?: Array<{ variable?: { value: string }; expression?: { type?: string; aggregation?: string; separator?: string } }> };
  const columns = new Map<string, string>();
  for (const v of parsed.variables ?? []) {
    if (v.variable && v.expression?.type === 'aggregate' && v.expression.aggregation === 'group_concat') columns.set(v.variable.value, v.expression.separator ?? ' ');
  }
  return columns;
}

function termKey(t: ResultTerm, on: Rules): string {
  if (t.type !== 'literal') return `${t.type}:${t.value}`;
  if (t.datatype === XSD_DURATION && on('duration-as-seconds')) return `duration:${durationSeconds(t.value)}s`;
  return `literal:${JSON.stringify(t.value)}@${t['xml:lang'] ?? ''}^^${t.datatype ?? ''}`;
}

/** Per-query rules: the query's name, the column, and how Virtuoso's value is brought back. */
const QUERY_RULES: Record<string, { column: string; rule: RuleName; fix: (value: string) => string }> = {
  'album-running-time': { column: 'totalSeconds', rule: 'duration-string-arithmetic', fix: (v) => String(Number(v) / 3600) },
};

/** A SELECT row as a comparable string, with the rules applied. */
function rowKey(row: Record<string, ResultTerm>, vars: string[], concat: Map<string, string>, side: 'ours' | 'virtuoso', queryName: string, on: Rules): string {
  const parts: string[] = [];
  for (const v of vars) {
    let t = row[v];
    const queryRule = QUERY_RULES[queryName];
    if (t && side === 'virtuoso' && queryRule?.column === v && on(queryRule.rule)) t = { ...t, value: queryRule.fix(t.value) };
    const sep = concat.get(v);
    if (t && sep !== undefined && t.type === 'literal') {
      if (t.value === '' && on('group-concat-empty')) {
        t = undefined;
      } else {
        const value = on('group-concat-order') ? t.value.split(sep).sort().join(sep) : t.value;
        t = on('group-concat-language') ? { type: 'literal', value } : { ...t, value };
      }
    }
    parts.push(`${v}=${t ? termKey(t, on) : '-'}`);
  }
  return parts.join(' | ');
}

/** Canonical lines of a graph result: literals of type xsd:duration as whole seconds. */
function graphKeys(ntriples: string, on: Rules, keepSubjects?: Set<string>): string[] {
  const keys = new Set<string>();
  for (const q of new Parser({ format: 'N-Triples' }).parse(ntriples)) {
    if (keepSubjects && !keepSubjects.has(q.subject.value)) continue;
    const o = q.object;
    let object: string;
    if (o.termType === 'Literal') object = termKey({ type: 'literal', value: o.value, ...(o.language ? { 'xml:lang': o.language } : { datatype: o.datatype.value }) }, on);
    else object = `${o.termType}:${o.value}`;
    keys.add(`${q.subject.termType}:${q.subject.value} ${q.predicate.value} ${object}`);
  }
  return [...keys].sort();
}

/**
 * Both answers in the comparable form: sorted unique keys (rows, triples or the boolean), with every comparison
 * rule applied, or all but `without` (test/virtuoso.test.ts leaves out each rule in turn to show it is needed).
 */
export function comparable(queryName: string, query: string, ours: QueryResult, virtuoso: QueryResult, form: string, without?: RuleName): { ours: string[]; virtuoso: string[] } {
  const on = rulesWithout(without);
  if (ours.kind === 'ask' && virtuoso.kind === 'ask') return { ours: [String(ours.value)], virtuoso: [String(virtuoso.value)] };
  if (ours.kind === 'graph' && virtuoso.kind === 'graph') {
    const mine = graphKeys(ours.ntriples, on);
    const subjects = form === 'DESCRIBE' && on('describe-inbound') ? new Set(new Parser({ format: 'N-Triples' }).parse(ours.ntriples).map((q) => q.subject.value)) : undefined;
    return { ours: mine, virtuoso: graphKeys(virtuoso.ntriples, on, subjects) };
  }
  if (ours.kind === 'select' && virtuoso.kind === 'select') {
    const concat = groupConcatColumns(query);
    const vars = ours.vars;
    const set = (r: QueryResult & { kind: 'select' }, side: 'ours' | 'virtuoso') => [...new Set(r.rows.map((row) => rowKey(row, vars, concat, side, queryName, on)))].sort();
    return { ours: set(ours, 'ours'), virtuoso: set(virtuoso, 'virtuoso') };
  }
  return { ours: [ours.kind], virtuoso: [virtuoso.kind] };
}
