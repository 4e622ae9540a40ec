// N-Quads writer: each quad on a line, its graph name after the object (none for the default graph), lines sorted
// and unique, so the same quads give the same bytes. N3.Writer writes the lines (its N-Quads mode escapes as N-Triples).
import { Writer } from 'n3';
import type { Quad } from '../rdf.js';

/** Writes `quads` as N-Quads (the default graph's triples are plain N-Triples lines), lines in code-unit order, duplicates removed. */
export function toNQuads(quads: Iterable<Quad>): string {
  const writer = new Writer({ format: 'N-Quads' });
  const lines = new Set<string>();
  for (const q of quads) lines.add(writer.quadToString(q.subject, q.predicate, q.object, q.graph));
  return [...lines].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('');
}
