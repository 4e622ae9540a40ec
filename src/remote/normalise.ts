// Remote answers as they mean: what a store is known to rewrite is brought back to the graph's own form (each case
// named), and what cannot be brought back is named in a warning. Virtuoso (7.2) stores xsd:duration as seconds: it
// gives "PT4M2S" back as "242.2" (the whole seconds, a dot, the seconds field), so durations are read back as ISO 8601;
// and its STR() of a duration is that number, so a column computed from STR(?duration) is wrong there, which is
// only warned about (the query's arithmetic cannot be redone here). The README's Virtuoso notes list the same cases.
import sparqljs from 'sparqljs';
import { canonicalDuration } from '../literals.js';
import type { ResultTerm, SelectResult } from '../store/store.js';

const XSD_DURATION = 'http://www.w3.org/2001/XMLSchema#duration';

/**
 * The ISO 8601 form of a duration a store gave as seconds in Virtuoso's form, or undefined when `value` is not in that
 * form (an ISO 8601 value, or a number that is not Virtuoso's). Virtuoso 7.2 writes the whole seconds, a dot, then the
 * seconds field without its trailing zeros, as seen on the bundled graph: PT4M2S "242.2", PT3M14S "194.14", PT30S
 * "30.3", PT2M40S "160.4", PT1H51M "6660.0".
 */
export function durationFromSeconds(value: string): string | undefined {
  const m = /^(\d+)\.(\d+)$/.exec(value);
  if (!m) return undefined;
  const whole = Number(m[1]);
  if (!Number.isSafeInteger(whole)) return undefined;
  const field = whole % 60;
  if (m[2] !== (field === 0 ? '0' : String(field).replace(/0+$/, ''))) return undefined;
  return canonicalDuration(whole);
}

/** True for a duration literal whose lexical form is a number: no valid xsd:duration, so a store rewrote it. */
function isSecondsDuration(term: ResultTerm | undefined): term is ResultTerm & { type: 'literal' } {
  return term?.type === 'literal' && term.datatype === XSD_DURATION && /^-?\d+(?:\.\d+)?$/.test(term.value);
}

/** A SELECT result with durations given as seconds read back as ISO 8601, and one note per column that had any. */
export function normaliseSelect(result: SelectResult): { result: SelectResult; notes: string[] } {
  const fixed = new Map<string, number>();
  const unknown = new Map<string, string>();
  const rows = result.rows.map((row) => {
    let copy: Record<string, ResultTerm> | undefined;
    for (const [column, term] of Object.entries(row)) {
      if (!isSecondsDuration(term)) continue;
      const iso = durationFromSeconds(term.value);
      if (iso === undefined) {
        if (!unknown.has(column)) unknown.set(column, term.value);
        continue;
      }
      copy ??= { ...row };
      copy[column] = { type: 'literal', value: iso, datatype: XSD_DURATION };
      fixed.set(column, (fixed.get(column) ?? 0) + 1);
    }
    return copy ?? row;
  });
  const notes = [
    ...[...fixed].map(([column, n]) => `column ?${column}: ${n} xsd:duration value${n === 1 ? '' : 's'} the endpoint gave as seconds (as Virtuoso stores durations) read back as ISO 8601`),
    ...[...unknown].map(([column, value]) => `column ?${column}: the xsd:duration "${value}" is no ISO 8601 duration and not in Virtuoso's seconds form; printed as given`),
  ];
  return { result: { ...result, rows }, notes };
}

/** N-Triples (one triple per line) with durations given as seconds read back as ISO 8601, and a note if any were. */
export function normaliseNTriples(ntriples: string): { ntriples: string; notes: string[] } {
  let n = 0;
  const text = ntriples.replace(/"(\d+\.\d+)"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#duration>/g, (whole: string, seconds: string) => {
    const iso = durationFromSeconds(seconds);
    if (iso === undefined) return whole;
    n++;
    return `"${iso}"^^<${XSD_DURATION}>`;
  });
  return { ntriples: text, notes: n > 0 ? [`${n} xsd:duration value${n === 1 ? '' : 's'} the endpoint gave as seconds (as Virtuoso stores durations) read back as ISO 8601`] : [] };
}

type Expression = { type?: string; operator?: string; args?: unknown[]; expression?: unknown; termType?: string; value?: string };

/** The variables an expression reads, and those it reads through STR(). */
function reads(expression: unknown, through: { all: Set<string>; str: Set<string> }, inStr = false): void {
  if (expression === null || typeof expression !== 'object') return;
  const e = expression as Expression;
  if (e.termType === 'Variable' && e.value !== undefined) {
    through.all.add(e.value);
    if (inStr) through.str.add(e.value);
    return;
  }
  const str = inStr || (e.type === 'operation' && e.operator === 'str');
  for (const value of Object.values(e)) {
    if (Array.isArray(value)) for (const item of value) reads(item, through, str);
    else if (value !== null && typeof value === 'object') reads(value, through, str);
  }
}

/** Every BIND and projected expression of a query: the variable it sets and what it reads. */
function assignments(query: unknown): Array<{ target: string; all: Set<string>; str: Set<string> }> {
  const found: Array<{ target: string; all: Set<string>; str: Set<string> }> = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    const n = node as { type?: string; variable?: { value?: string }; expression?: unknown };
    if ((n.type === 'bind' || n.type === undefined) && n.variable?.value !== undefined && n.expression !== undefined) {
      const through = { all: new Set<string>(), str: new Set<string>() };
      reads(n.expression, through);
      found.push({ target: n.variable.value, ...through });
    }
    for (const value of Object.values(n)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value !== null && typeof value === 'object') visit(value);
    }
  };
  visit(query);
  return found;
}

/**
 * The query's STR() arguments and the projected columns each taints: `?c` is tainted by `?d` when its expression
 * reads STR(?d), or reads a variable so tainted (BIND chains, aggregates). Empty for a query without STR().
 */
export function strDependencies(query: string): Map<string, Set<string>> {
  const parsed = new sparqljs.Parser().parse(query) as { variables?: unknown[] };
  const steps = assignments(parsed);
  // taint[v] = the STR() arguments v depends on.
  const taint = new Map<string, Set<string>>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const step of steps) {
      const set = taint.get(step.target) ?? new Set<string>();
      const before = set.size;
      for (const v of step.str) set.add(v);
      for (const v of step.all) for (const t of taint.get(v) ?? []) set.add(t);
      if (set.size > 0) taint.set(step.target, set);
      if (set.size !== before) changed = true;
    }
  }
  const projected = new Set(
    (parsed.variables ?? []).flatMap((v) => {
      const x = v as { termType?: string; value?: string; variable?: { value?: string } };
      return x.termType === 'Variable' && x.value !== undefined ? [x.value] : x.variable?.value !== undefined ? [x.variable.value] : [];
    }),
  );
  const byArgument = new Map<string, Set<string>>();
  for (const [column, args] of taint) {
    if (!projected.has(column)) continue;
    for (const a of args) byArgument.set(a, (byArgument.get(a) ?? new Set<string>()).add(column));
  }
  return byArgument;
}

/**
 * A query asking the endpoint which of `variables` the original query's pattern binds to xsd:duration values:
 * `SELECT DISTINCT ?v WHERE { { original pattern } FILTER(DATATYPE(?v) = xsd:duration) }`, one per variable, in a union.
 */
export function durationProbe(query: string, variables: readonly string[]): string {
  const parsed = new sparqljs.Parser().parse(query) as { where?: unknown[]; prefixes?: Record<string, string> };
  const v = (name: string) => ({ termType: 'Variable', value: name });
  const probe = {
    type: 'query',
    queryType: 'SELECT',
    prefixes: parsed.prefixes ?? {},
    distinct: true,
    variables: [v('__filmkg_column')],
    where: [
      {
        type: 'union',
        patterns: variables.map((name) => ({
          type: 'group',
          patterns: [
            { type: 'group', patterns: parsed.where ?? [] },
            { type: 'filter', expression: { type: 'operation', operator: '=', args: [{ type: 'operation', operator: 'datatype', args: [v(name)] }, { termType: 'NamedNode', value: XSD_DURATION }] } },
            { type: 'bind', variable: v('__filmkg_column'), expression: { termType: 'Literal', value: name, language: '', datatype: { termType: 'NamedNode', value: 'http://www.w3.org/2001/XMLSchema#string' } } },
          ],
        })),
      },
    ],
  };
  return new sparqljs.Generator().stringify(probe as never);
}

const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** The kind of a term as a datatype comparison sees it: IRI, blank node, or a literal's datatype (rdf:langString when tagged). */
function kindOf(term: ResultTerm): string {
  if (term.type !== 'literal') return term.type === 'uri' ? 'IRI' : 'blank node';
  if (term['xml:lang']) return `<${RDF_LANG_STRING}>`;
  return `<${term.datatype ?? XSD_STRING}>`;
}

/**
 * Warnings for the columns whose values have a datatype (or term kind) in `remote` that the same column never has in
 * `local` (the same query on the local store): the column, what the endpoint gives and what the local store gives.
 * Columns empty on either side are not compared.
 */
export function datatypeDifferences(remote: SelectResult, local: SelectResult, compact: (iri: string) => string = (iri) => `<${iri}>`): string[] {
  const kinds = (result: SelectResult, column: string) => new Set(result.rows.flatMap((row) => (row[column] ? [kindOf(row[column])] : [])));
  const show = (kind: string) => (kind.startsWith('<') ? compact(kind.slice(1, -1)) : kind);
  const warnings: string[] = [];
  for (const column of remote.vars) {
    const there = kinds(remote, column);
    const here = kinds(local, column);
    if (there.size === 0 || here.size === 0) continue;
    const extra = [...there].filter((k) => !here.has(k));
    if (extra.length === 0) continue;
    warnings.push(`column ?${column}: the endpoint gives ${extra.map(show).sort().join(', ')} where the local store gives ${[...here].map(show).sort().join(', ')}`);
  }
  return warnings;
}
