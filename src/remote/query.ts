// `filmkg query --endpoint`: one query against a remote SPARQL 1.1 endpoint, printed in the same formats as a local
// query, with what the store is known to rewrite brought back (src/remote/normalise.ts) and the rest warned about.
import { graphText, toTable, type OutputFormat } from '../sparql/format.js';
import type { QueryResult } from '../store/store.js';
import { checkGraphIri } from './gsp.js';
import { compactIri } from '../vocab.js';
import { datatypeDifferences, durationProbe, normaliseNTriples, normaliseSelect, strDependencies } from './normalise.js';
import { toCsvResults, toJsonResults, toTsvResults, toXmlResults } from './results-format.js';
import { RemoteSparqlStore, type RemoteSparqlOptions } from './sparql-client.js';

/** What a remote answer needed: notes (values brought back to the graph's form) and warnings (values that may mislead). */
export interface RemoteReport {
  note(line: string): void;
  warn(line: string): void;
}

const SILENT: RemoteReport = { note: () => undefined, warn: () => undefined };

/**
 * Warnings for the columns that read STR() of an xsd:duration on a store that gives it as seconds (Virtuoso): one
 * probe asks the endpoint which STR() arguments the query's pattern binds to durations there.
 */
async function strOfDurations(store: RemoteSparqlStore, text: string, server: string, report: RemoteReport): Promise<void> {
  if (!/virtuoso/i.test(server)) return;
  const dependencies = strDependencies(text);
  if (dependencies.size === 0) return;
  const probe = await store.query(durationProbe(text, [...dependencies.keys()]));
  if (probe.kind !== 'select') return;
  for (const row of probe.rows) {
    const argument = row['__filmkg_column']?.value;
    const columns = argument !== undefined ? dependencies.get(argument) : undefined;
    if (!columns) continue;
    for (const column of [...columns].sort()) {
      report.warn(`column ?${column} is computed from STR(?${argument}), an xsd:duration, and this store (${server.split(/\s/)[0] ?? server}) gives STR() of a duration as seconds ("242.2", not "PT4M2S"): its values are not what the query computes on the graph`);
    }
  }
}

/**
 * Runs `text` (already checked) on `endpoint` and renders the answer in `format` (already checked against the query
 * form). With `compareWith` (the same query on the local store), a SELECT column whose datatypes differ is warned about.
 */
export async function queryRemote(
  endpoint: string,
  text: string,
  format: OutputFormat,
  options: RemoteSparqlOptions = {},
  report: RemoteReport = SILENT,
  compareWith?: (query: string) => Promise<QueryResult>,
): Promise<string> {
  if (options.defaultGraph !== undefined) checkGraphIri(options.defaultGraph, '--default-graph');
  const store = new RemoteSparqlStore(endpoint, options);
  const answer = await store.answer(text);
  let result: QueryResult = answer.result;
  if (result.kind === 'select') {
    const normalised = normaliseSelect(result);
    result = normalised.result;
    normalised.notes.forEach((n) => report.note(n));
    await strOfDurations(store, text, answer.server, report);
    const local = compareWith ? await compareWith(text) : undefined;
    if (local?.kind === 'select') datatypeDifferences(result, local, compactIri).forEach((w) => report.warn(w));
  } else if (result.kind === 'graph') {
    const normalised = normaliseNTriples(result.ntriples);
    result = { kind: 'graph', ntriples: normalised.ntriples };
    normalised.notes.forEach((n) => report.note(n));
  }
  let out: string;
  if (result.kind === 'graph') out = await graphText(result.ntriples, format, endpoint);
  else if (format === 'json') out = toJsonResults(result);
  else if (format === 'xml') out = toXmlResults(result);
  else if (format === 'csv') out = toCsvResults(result);
  else if (format === 'tsv') out = toTsvResults(result);
  else out = result.kind === 'ask' ? `${result.value}\n` : toTable(result);
  return out.endsWith('\n') || out === '' ? out : `${out}\n`;
}
