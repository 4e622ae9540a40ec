// The result formats (src/sparql/output.ts) and the table functions bound to the vocabulary's prefixes (src/vocab.ts).
import type { QueryResult, ResultTerm, SelectResult } from '../store/store.js';
import { compactIri } from '../vocab.js';
import { displayTermWith, tableWith } from './output.js';

export * from './output.js';

/** How a term reads in a table: prefixed IRIs, plain literal values with @lang or ^^datatype when not a plain string. */
export function displayTerm(term: ResultTerm | undefined): string {
  return displayTermWith(term, compactIri);
}

/** A plain-text table of a SELECT result, columns padded to their widths, with a row count. */
export function toTable(result: SelectResult): string {
  return tableWith(result, compactIri);
}

/** Renders a result for people (table; true/false; Turtle for graphs). */
export function toText(result: QueryResult): string {
  if (result.kind === 'ask') return `${result.value}\n`;
  if (result.kind === 'graph') return result.ntriples;
  return toTable(result);
}

