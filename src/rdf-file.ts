// Reading a graph from Turtle or N-Triples text or files (by extension: .nt is N-Triples, anything else Turtle), with
// errors that name the file and line: one reader for `validate`, `load`, `serve --graph` and remote CONSTRUCT results.
import { readFileSync } from 'node:fs';
import { Parser } from 'n3';
import { FilmkgError } from './errors.js';
import { dataFactory, type Quad } from './rdf.js';

/** The RDF syntax of a graph file, from its name. */
export type RdfSyntax = 'Turtle' | 'N-Triples';

/** `.nt` files are N-Triples; every other name is read as Turtle (a superset of N-Triples). */
export function syntaxOf(file: string): RdfSyntax {
  return /\.nt$/i.test(file) ? 'N-Triples' : 'Turtle';
}

/** Parses Turtle or N-Triples text into quads; a syntax error is BAD_RDF naming `source` and the line. */
export function parseRdf(text: string, format: RdfSyntax, source: string): Quad[] {
  try {
    return new Parser({ format, factory: dataFactory as never }).parse(text) as Quad[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/.exec(message);
    throw new FilmkgError('BAD_RDF', `cannot read the graph: ${message}`, { place: { file: source, ...(line ? { line: Number(line[1]) } : {}) }, expected: format, cause: error });
  }
}

/** Reads and parses the graph file `file` (errors name it as `shownAs`: the path the user gave). */
export function readRdfFile(file: string, shownAs: string = file): Quad[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new FilmkgError('FILE_NOT_FOUND', 'no such graph file', { place: { file: shownAs }, expected: 'a Turtle (.ttl) or N-Triples (.nt) file', cause: error });
  }
  return parseRdf(text, syntaxOf(file), shownAs);
}
