// The W3C result formats written from a result in our own shape, for answers that come from a remote endpoint:
// byte for byte what oxigraph writes for local queries (test/remote-query.test.ts compares them), so `filmkg query`
// prints the same text whichever store answered.
import type { QueryResult, ResultTerm } from '../store/store.js';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
/** Literals TSV writes bare, as Turtle's number and boolean shorthands (when the lexical form is one). */
const BARE: Readonly<Record<string, RegExp>> = {
  [`${XSD}integer`]: /^[+-]?\d+$/,
  [`${XSD}decimal`]: /^[+-]?\d*\.\d+$/,
  [`${XSD}double`]: /^[+-]?(?:\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+$/,
  [`${XSD}boolean`]: /^(?:true|false)$/,
};
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** SPARQL 1.1 Query Results JSON (ASK: `{"head":{},"boolean":…}`), terms with type, value, then datatype or xml:lang. */
export function toJsonResults(result: QueryResult): string {
  if (result.kind === 'ask') return JSON.stringify({ head: {}, boolean: result.value });
  if (result.kind !== 'select') throw new Error('toJsonResults: a graph result has no SPARQL JSON form');
  const bindings = result.rows.map((row) =>
    Object.fromEntries(
      result.vars.flatMap((v) => {
        const t = row[v];
        if (!t) return [];
        const term: Record<string, string> = { type: t.type, value: t.value };
        if (t.type === 'literal' && t.datatype) term['datatype'] = t.datatype;
        if (t.type === 'literal' && t['xml:lang']) term['xml:lang'] = t['xml:lang'];
        return [[v, term]];
      }),
    ),
  );
  return JSON.stringify({ head: { vars: result.vars }, results: { bindings } });
}

function tsvTerm(t: ResultTerm | undefined): string {
  if (!t) return '';
  if (t.type === 'uri') return `<${t.value}>`;
  if (t.type === 'bnode') return `_:${t.value}`;
  if (t.datatype && BARE[t.datatype]?.test(t.value)) return t.value;
  const text = `"${t.value.replace(/[\\"\t\n\r]/g, (c) => ESCAPES[c] ?? c)}"`;
  if (t['xml:lang']) return `${text}@${t['xml:lang']}`;
  return t.datatype ? `${text}^^<${t.datatype}>` : text;
}

function csvTerm(t: ResultTerm | undefined): string {
  if (!t) return '';
  const text = t.type === 'bnode' ? `_:${t.value}` : t.value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** SPARQL 1.1 Query Results TSV of a SELECT (`?var` header; terms in Turtle syntax); an ASK as `true`/`false`, as oxigraph writes it. */
export function toTsvResults(result: QueryResult): string {
  if (result.kind === 'ask') return String(result.value);
  if (result.kind !== 'select') throw new Error('toTsvResults: a graph result has no TSV form');
  return [result.vars.map((v) => `?${v}`).join('\t'), ...result.rows.map((row) => result.vars.map((v) => tsvTerm(row[v])).join('\t'))].map((l) => `${l}\n`).join('');
}

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);

function xmlTerm(t: ResultTerm): string {
  if (t.type === 'uri') return `<uri>${xml(t.value)}</uri>`;
  if (t.type === 'bnode') return `<bnode>${xml(t.value)}</bnode>`;
  if (t['xml:lang']) return `<literal xml:lang="${xml(t['xml:lang'])}">${xml(t.value)}</literal>`;
  if (t.datatype) return `<literal datatype="${xml(t.datatype)}">${xml(t.value)}</literal>`;
  return `<literal>${xml(t.value)}</literal>`;
}

/**
 * SPARQL Query Results XML Format (second edition) of a SELECT or ASK, in oxigraph's layout (one line, the same
 * escapes), so that a remote answer prints as a local one; test/remote-query.test.ts compares them and reads both back
 * with rdflib's parser.
 */
export function toXmlResults(result: QueryResult): string {
  const open = '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#">';
  if (result.kind === 'ask') return `${open}<head></head><boolean>${result.value}</boolean></sparql>`;
  if (result.kind !== 'select') throw new Error('toXmlResults: a graph result has no SPARQL XML form');
  const head = `<head>${result.vars.map((v) => `<variable name="${xml(v)}"/>`).join('')}</head>`;
  const rows = result.rows.map((row) => `<result>${result.vars.flatMap((v) => (row[v] ? [`<binding name="${xml(v)}">${xmlTerm(row[v])}</binding>`] : [])).join('')}</result>`);
  return `${open}${head}<results>${rows.join('')}</results></sparql>`;
}

/** SPARQL 1.1 Query Results CSV of a SELECT (plain values, CRLF line ends); an ASK as `true`/`false`. */
export function toCsvResults(result: QueryResult): string {
  if (result.kind === 'ask') return String(result.value);
  if (result.kind !== 'select') throw new Error('toCsvResults: a graph result has no CSV form');
  return [result.vars.join(','), ...result.rows.map((row) => result.vars.map((v) => csvTerm(row[v])).join(','))].map((l) => `${l}\r\n`).join('');
}
