// Turtle writer: the graph with the vocabulary's prefixes, grouped by subject, sorted, byte-deterministic (N3.Writer does the syntax).
import { Writer } from 'n3';
import { sortQuads } from '../graph.js';
import type { Quad } from '../rdf.js';
import { prefixes } from '../vocab.js';

/**
 * Writes `quads` as Turtle: every prefix of src/vocab.ts, subjects in IRI order, each opening with
 * its `a` types, then predicates and objects in order. Data IRIs are written in full (a base would
 * leave some IRIs relative and others not, as N3 relativises only some paths).
 */
export function toTurtle(quads: readonly Quad[]): string {
  const writer = new Writer({ format: 'Turtle', prefixes: prefixes() });
  for (const q of sortQuads(quads)) writer.addQuad(q);
  let out: string | undefined;
  writer.end((error: Error | null, result: string) => {
    if (error) throw error;
    out = result;
  });
  if (out === undefined) throw new Error('N3.Writer did not finish synchronously');
  return spaceFinalNumber(out);
}

/**
 * N3.Writer ends a statement whose last object is a bare number right after it (`fkg:shootingDays 28.`).
 * That is valid Turtle (a decimal needs a digit after its dot), but Virtuoso 7's Turtle loader reads `28.` as
 * a number and rejects the statement, keeping only the triples before it. A space before the dot
 * (`28 .`) means the same to every parser and removes the ambiguity. Literals never span lines here
 * (N3.Writer escapes newlines), so the match can only be a statement's last object.
 */
function spaceFinalNumber(turtle: string): string {
  return turtle.replace(/(\s[+-]?\d*\.?\d+)\.$/gm, '$1 .');
}
