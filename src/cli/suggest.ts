// Did-you-mean: the closest known word to what the user typed, for unknown commands and bundled query names.

/** Levenshtein edit distance (insertions, deletions, substitutions; a swap of two neighbours counts as one). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      // Transposition (optimal string alignment): "qeury" is one slip from "query".
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * The known word closest to `typed`: within 2 edits (case ignored), or one that `typed` is a prefix of (or that is a
 * prefix of `typed`) when no word is that close; ties go to the earlier word. Undefined when nothing is close.
 */
export function closest(typed: string, known: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  if (t === '') return undefined;
  let best: { word: string; distance: number } | undefined;
  for (const word of known) {
    const distance = editDistance(t, word.toLowerCase());
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { word, distance };
  }
  if (best) return best.word;
  return known.find((w) => w.toLowerCase().startsWith(t)) ?? known.find((w) => t.startsWith(w.toLowerCase()) && w.length >= 3);
}

/** `; did you mean X?` or nothing. */
export function didYouMean(typed: string, known: readonly string[]): string {
  const word = closest(typed, known);
  return word === undefined ? '' : `; did you mean ${word}?`;
}
