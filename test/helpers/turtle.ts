// Turtle snippets shared by the mapper tests: the reference node every statement's provenance points to, written once.

/** The article's IRI relative to the default base. */
export const ARTICLE = '<film/leaving-las-vegas/article>';

/** Options of a reference node. */
export interface RefOptions {
  endLine?: number;
  citations?: number[];
  footnotes?: string[];
  decision?: string;
}

/**
 * Turtle for a reference node `_:{id}`: stated in the article revision, its URL, the retrieval date
 * (metadata.json: 2026-11-24), and the evidence lines and exact text.
 */
export function refTtl(id: string, line: number, text: string, options: RefOptions = {}): string {
  const parts = [
    `_:${id} a wikibase:Reference`,
    `pr:P248 ${ARTICLE}`,
    'pr:P854 <https://en.wikipedia.org/wiki/Leaving_Las_Vegas>',
    'pr:P813 "2026-11-24"^^xsd:date',
    `fkg:evidenceLine ${line}`,
    `fkg:evidenceEndLine ${options.endLine ?? line}`,
    `fkg:evidenceText ${JSON.stringify(text)}`,
    ...(options.citations ?? []).map((n) => `fkg:citation <film/leaving-las-vegas/citation/${n}>`),
    ...(options.footnotes ?? []).map((t) => `fkg:footnote ${JSON.stringify(t)}`),
    ...(options.decision !== undefined ? [`fkg:curationDecision <film/leaving-las-vegas/decision/${options.decision}>`] : []),
  ];
  return `${parts.join(' ;\n  ')} .\n`;
}

/** The opening of a normal-rank statement node with a main value (`ps:`): types and rank. */
export function stmtHead(id: string): string {
  return `_:${id} a wikibase:Statement, wikibase:BestRank ; wikibase:rank wikibase:NormalRank`;
}
