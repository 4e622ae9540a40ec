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
  return out;
}
