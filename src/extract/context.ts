// What the table parsers (accolades, soundtrack, references, footnotes) are told about the rest of the article.

/** Context for the table parsers: the article's file name (for errors) and names found elsewhere (to split cells). */
export interface TableContext {
  readonly file: string;
  /** Person and organisation names already found in the infobox and prose, longest first is not required. */
  readonly knownNames: readonly string[];
}
