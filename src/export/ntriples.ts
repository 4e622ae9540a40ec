// N-Triples writer: one triple per line in N3's canonical escaping, lines sorted and unique, so the file is byte-deterministic.
import { Writer } from 'n3';
import type { Quad } from '../rdf.js';

/** The N-Triples lines of `quads`, unsorted (each ends with " .\n"). */
export function ntriplesLines(quads: Iterable<Quad>): string[] {
  const writer = new Writer({ format: 'N-Triples' });
  const lines: string[] = [];
  for (const q of quads) lines.push(writer.quadToString(q.subject, q.predicate, q.object));
  return lines;
}

/** Writes `quads` as N-Triples, lines sorted by code unit and duplicates removed. */
export function toNTriples(quads: Iterable<Quad>): string {
  const lines = [...new Set(ntriplesLines(quads))];
  lines.sort();
  return lines.join('');
}
