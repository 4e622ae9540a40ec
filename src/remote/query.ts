// `filmkg query --endpoint`: one query against a remote SPARQL 1.1 endpoint, printed in the same formats as a local query.
import { graphText, toTable, type OutputFormat } from '../sparql/format.js';
import { checkGraphIri } from './gsp.js';
import { toCsvResults, toJsonResults, toTsvResults, toXmlResults } from './results-format.js';
import { RemoteSparqlStore, type RemoteSparqlOptions } from './sparql-client.js';

/** Runs `text` (already checked) on `endpoint` and renders the answer in `format` (already checked against the query form). */
export async function queryRemote(endpoint: string, text: string, format: OutputFormat, options: RemoteSparqlOptions = {}): Promise<string> {
  if (options.defaultGraph !== undefined) checkGraphIri(options.defaultGraph, '--default-graph');
  const store = new RemoteSparqlStore(endpoint, options);
  const result = await store.query(text);
  let out: string;
  if (result.kind === 'graph') out = graphText(result.ntriples, format, endpoint);
  else if (format === 'json') out = toJsonResults(result);
  else if (format === 'xml') out = toXmlResults(result);
  else if (format === 'csv') out = toCsvResults(result);
  else if (format === 'tsv') out = toTsvResults(result);
  else out = result.kind === 'ask' ? `${result.value}\n` : toTable(result);
  return out.endsWith('\n') || out === '' ? out : `${out}\n`;
}
