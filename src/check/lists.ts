// The checks SHACL Core cannot express: the positions of an ordered track list are unique and run 1, 2, … n
// (= numberOfItems), and each entry of a track list has its position (SHACL Core cannot target "entries of a list that
// is an album's track list", and a nested sh:node reports only at the album, without the entry).
import type { Quad } from '@rdfjs/types';
import type { Violation } from './shacl.js';

const SCHEMA = 'http://schema.org/';

/** Violations for every album track list whose entry positions are repeated, missing or not 1..n. */
export function checkListOrder(quads: readonly Quad[]): Violation[] {
  const tracklists = new Set(quads.filter((q) => q.predicate.value === `${SCHEMA}track`).map((q) => q.object.value));
  const entries = new Map<string, string[]>();
  const positions = new Map<string, number[]>();
  const declared = new Map<string, number>();
  // Appended in place: copying a list on every entry made a track list of n entries cost n² (bench/validate-scale.js).
  const append = <T>(map: Map<string, T[]>, k: string, v: T): void => {
    const list = map.get(k);
    if (list) list.push(v);
    else map.set(k, [v]);
  };
  for (const q of quads) {
    if (q.predicate.value === `${SCHEMA}itemListElement` && tracklists.has(q.subject.value)) append(entries, q.subject.value, q.object.value);
    if (q.predicate.value === `${SCHEMA}position`) append(positions, q.subject.value, Number(q.object.value));
    if (q.predicate.value === `${SCHEMA}numberOfItems`) declared.set(q.subject.value, Number(q.object.value));
  }
  const out: Violation[] = [];
  for (const list of [...tracklists].sort()) {
    for (const entry of [...(entries.get(list) ?? [])].sort()) {
      if (!positions.has(entry)) {
        out.push({ focusNode: entry, path: `${SCHEMA}position`, message: `an entry of the track list ${list} has no schema:position`, constraint: 'fkg:TrackEntryPosition' });
      }
    }
    const found = (entries.get(list) ?? []).flatMap((e) => positions.get(e) ?? []).sort((a, b) => a - b);
    const expected = declared.get(list) ?? found.length;
    const ok = found.length === expected && found.every((p, i) => p === i + 1);
    if (!ok) {
      out.push({
        focusNode: list,
        path: `${SCHEMA}itemListElement`,
        value: found.join(','),
        message: `track positions must be unique and run 1..${expected}; found ${found.join(', ') || 'none'}`,
        constraint: 'fkg:ConsecutivePositions',
      });
    }
  }
  return out;
}
