// Test helper: a canonical form of SPARQL TSV results in which GROUP_CONCAT lists are sorted, since SPARQL leaves their order
// to the store (it changes with the order the graph was loaded in); rows keep the query's ORDER BY.
/** Sorts the parts of every `"a, b"` or `"a; b"` literal cell, so two answers that differ only in concat order compare equal. */
export function canonicalTsv(tsv: string): string {
  return tsv
    .split('\n')
    .map((line) =>
      line
        .split('\t')
        .map((cell) => {
          const m = /^"(.*)"$/.exec(cell);
          if (!m) return cell;
          const sep = (m[1] as string).includes('; ') ? '; ' : ', ';
          return `"${(m[1] as string).split(sep).sort().join(sep)}"`;
        })
        .join('\t'),
    )
    .join('\n');
}
