// Reading a graph from RDF text or files, by extension: .nt N-Triples, .nq N-Quads, .trig TriG, .jsonld/.json JSON-LD,
// .rdf/.owl/.xml RDF/XML, anything else Turtle; or standard input (`-`), by --input-format or sniffed. n3 parses the
// first four; jsonld.js turns JSON-LD into N-Quads offline (schema.org's context from the vendored copy, no other URL
// fetched); rdfxml-streaming-parser reads RDF/XML (its errors name line and column, oxigraph's RDF/XML errors name
// neither). Errors name the file and line. One reader for `validate`, `load`, `query --graph`, `serve --graph` and
// remote CONSTRUCT results.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'n3';
import { FilmkgError } from './errors.js';
import { dataFactory, type Quad } from './rdf.js';

/** The RDF syntax of a graph file, from its name. */
export type RdfSyntax = 'Turtle' | 'N-Triples' | 'N-Quads' | 'TriG' | 'JSON-LD' | 'RDF/XML';

/** The syntaxes read without waiting (n3's parser is synchronous; jsonld.js and the RDF/XML parser are not). */
export type SyncRdfSyntax = Exclude<RdfSyntax, 'JSON-LD' | 'RDF/XML'>;

/** The names `--input-format` takes, and the syntax each names. */
export const INPUT_FORMATS = { turtle: 'Turtle', ntriples: 'N-Triples', nquads: 'N-Quads', trig: 'TriG', jsonld: 'JSON-LD', rdfxml: 'RDF/XML' } as const satisfies Record<string, RdfSyntax>;
export type InputFormat = keyof typeof INPUT_FORMATS;

/** What the readers accept, for messages. */
export const GRAPH_FILE_KINDS = 'a Turtle (.ttl), N-Triples (.nt), N-Quads (.nq), TriG (.trig), JSON-LD (.jsonld) or RDF/XML (.rdf, .owl, .xml) file';

/** `.nt` N-Triples, `.nq` N-Quads, `.trig` TriG, `.jsonld`/`.json` JSON-LD, `.rdf`/`.owl`/`.xml` RDF/XML; every other name is read as Turtle. */
export function syntaxOf(file: string): RdfSyntax {
  if (/\.nt$/i.test(file)) return 'N-Triples';
  if (/\.nq$/i.test(file)) return 'N-Quads';
  if (/\.trig$/i.test(file)) return 'TriG';
  if (/\.json(ld)?$/i.test(file)) return 'JSON-LD';
  if (/\.(rdf|owl|xml)$/i.test(file)) return 'RDF/XML';
  return 'Turtle';
}

/**
 * The syntax of RDF text with no name (standard input): JSON-LD when it opens with `{` or `[`; RDF/XML when it opens
 * with an XML declaration, comment or doctype, or with an element that has attributes or is empty (`<rdf:RDF xmlns…`,
 * as a root element declaring its namespaces does: an IRI such as `<urn:a>` holds no space or `/>`); else TriG, which
 * n3 reads for Turtle and N-Triples too (N-Quads is tried when TriG fails, see {@link parseSniffed}).
 */
export function sniffSyntax(text: string): RdfSyntax {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'JSON-LD';
  if (/^<(?:\?xml|!--|!DOCTYPE|[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?(?:\s|\/>))/.test(head)) return 'RDF/XML';
  return 'TriG';
}

/**
 * The triples of `quads` in the default graph: the named graphs of a TriG or N-Quads file are merged into one graph
 * (a triple in several graphs is kept once), as filmkg's graph is one graph.
 */
export function mergeGraphs(quads: Quad[]): Quad[] {
  if (quads.every((q) => q.graph.termType === 'DefaultGraph')) return quads;
  const seen = new Set<string>();
  const merged: Quad[] = [];
  for (const q of quads) {
    const o = q.object;
    const key = `${q.subject.termType}\u0000${q.subject.value}\u0000${q.predicate.value}\u0000${o.termType}\u0000${o.value}\u0000${o.termType === 'Literal' ? `${o.datatype.value}\u0000${o.language}` : ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(dataFactory.quad(q.subject, q.predicate, q.object) as Quad);
  }
  return merged;
}

/** Parses Turtle, N-Triples, N-Quads or TriG text into quads (named graphs merged); a syntax error is BAD_RDF naming `source` and the line. */
export function parseRdf(text: string, format: SyncRdfSyntax, source: string): Quad[] {
  try {
    return mergeGraphs(new Parser({ format, factory: dataFactory as never }).parse(text) as Quad[]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/.exec(message);
    throw new FilmkgError('BAD_RDF', `cannot read the graph: ${message}`, { place: { file: source, ...(line ? { line: Number(line[1]) } : {}) }, expected: format, cause: error });
  }
}

/** The 1-based line of character `position` in `text`. */
function lineAt(text: string, position: number): number {
  return text.slice(0, position).split('\n').length;
}

/**
 * Where JSON `text` first goes wrong (a character offset), for the line of a syntax error: Node 20's JSON.parse names
 * no position for most errors. Only called after JSON.parse failed; undefined if this scanner finds nothing wrong.
 */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          value();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail();
      }
    }
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') i++;
        else if ((text.charCodeAt(i) as number) < 0x20) fail();
        i++;
      }
      if (i >= text.length) fail();
      i++;
      return;
    }
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += (m as RegExpExecArray)[0].length;
  };
  try {
    value();
    ws();
    return i < text.length ? i : undefined;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : undefined;
  }
}

/** The message of a jsonld.js error: what safe mode found (and the property), or the cause (a refused context URL). */
function jsonLdMessage(error: unknown): string {
  const details = (error as { details?: { event?: { message?: string; details?: Record<string, unknown> }; cause?: unknown } }).details;
  if (details?.event?.message) {
    const property = details.event.details?.['property'];
    return `${details.event.message}${typeof property === 'string' ? ` (property ${JSON.stringify(property)})` : ''}`;
  }
  if (details?.cause instanceof Error) return details.cause.message;
  return error instanceof Error ? error.message : String(error);
}

/** Parses JSON-LD text into quads: JSON syntax errors name the line; JSON-LD errors (a bad context, a refused URL) the file. */
export async function parseJsonLd(text: string, source: string): Promise<Quad[]> {
  let document: unknown;
  try {
    document = JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(text);
    const line = offset !== undefined ? lineAt(text, offset) : undefined;
    throw new FilmkgError('BAD_RDF', `cannot read the graph: not JSON: ${message.replace(/\s+/g, ' ')}`, { place: { file: source, ...(line !== undefined ? { line } : {}) }, expected: 'JSON-LD', cause: error });
  }
  const [{ default: jsonld }, { offlineDocumentLoader }] = await Promise.all([import('jsonld'), import('./web/loader.js')]);
  let nquads: string;
  try {
    nquads = (await jsonld.toRDF(document as never, { format: 'application/n-quads', documentLoader: offlineDocumentLoader as never, safe: true } as never)) as unknown as string;
  } catch (error) {
    // Safe mode: a property or type that maps to no IRI is an error, not silently dropped.
    throw new FilmkgError('BAD_RDF', `cannot read the graph as JSON-LD: ${jsonLdMessage(error)}`, { place: { file: source }, expected: 'JSON-LD whose every term maps to an IRI and whose contexts are inline or schema.org', cause: error });
  }
  return parseRdf(nquads, 'N-Quads', source);
}

/**
 * Parses RDF/XML text into quads (rdfxml-streaming-parser, positions tracked): a syntax error is BAD_RDF naming
 * `source` and the line. No base IRI is assumed, as for the other syntaxes: a relative IRI is an error.
 */
export async function parseRdfXml(text: string, source: string): Promise<Quad[]> {
  const { RdfXmlParser } = await import('rdfxml-streaming-parser');
  const parser = new RdfXmlParser({ dataFactory: dataFactory as never, trackPosition: true });
  const quads: Quad[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('data', (q: Quad) => quads.push(q));
      parser.on('error', reject);
      parser.on('end', () => resolve());
      parser.end(text);
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // "Line 4 column 6: …" (the parser's own checks) or "4:6: …" (saxes, the XML underneath).
    const at = /^(?:Line (\d+) column \d+|(\d+):\d+): /.exec(message);
    const line = at ? Number(at[1] ?? at[2]) : undefined;
    throw new FilmkgError('BAD_RDF', `cannot read the graph: ${message}`, { place: { file: source, ...(line !== undefined ? { line } : {}) }, expected: 'RDF/XML', cause: error });
  }
  return mergeGraphs(quads);
}

/** Parses RDF text in any syntax filmkg reads. */
export async function parseRdfAsync(text: string, format: RdfSyntax, source: string): Promise<Quad[]> {
  if (format === 'JSON-LD') return parseJsonLd(text, source);
  if (format === 'RDF/XML') return parseRdfXml(text, source);
  return parseRdf(text, format, source);
}

/** Parses text of unknown syntax ({@link sniffSyntax}); text that TriG cannot read but N-Quads can is N-Quads. */
export async function parseSniffed(text: string, source: string): Promise<Quad[]> {
  const syntax = sniffSyntax(text);
  if (syntax !== 'TriG') return parseRdfAsync(text, syntax, source);
  try {
    return parseRdf(text, 'TriG', source);
  } catch (error) {
    try {
      return parseRdf(text, 'N-Quads', source);
    } catch {
      throw error;
    }
  }
}

function notFound(shownAs: string, error: unknown): FilmkgError {
  return new FilmkgError('FILE_NOT_FOUND', 'no such graph file', { place: { file: shownAs }, expected: GRAPH_FILE_KINDS, cause: error });
}

/** Reads and parses a Turtle, N-Triples, N-Quads or TriG file `file` at once (errors name it as `shownAs`: the path the user gave); JSON-LD needs {@link readGraphFile}. */
export function readRdfFile(file: string, shownAs: string = file): Quad[] {
  const syntax = syntaxOf(file);
  if (syntax === 'JSON-LD' || syntax === 'RDF/XML') throw new FilmkgError('BAD_RDF', `${syntax} is read only by readGraphFile (asynchronous)`, { place: { file: shownAs }, expected: 'Turtle, N-Triples, N-Quads or TriG' });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw notFound(shownAs, error);
  }
  return parseRdf(text, syntax, shownAs);
}

/** Reads and parses the graph file `file` in any syntax filmkg reads, by its extension or as `syntax` (errors name it as `shownAs`). */
export async function readGraphFile(file: string, shownAs: string = file, syntax?: RdfSyntax): Promise<Quad[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw notFound(shownAs, error);
  }
  return parseRdfAsync(text, syntax ?? syntaxOf(file), shownAs);
}

/** Where a command reads a graph from: its working directory, and standard input for `-`. */
export interface GraphInput {
  readonly cwd: string;
  readonly readStdin?: (() => Promise<string>) | undefined;
}

/**
 * Reads the graph a command line names: `-` is standard input (in `syntax`, else sniffed), any other name a file
 * relative to `input.cwd` (in `syntax`, else by its extension). Errors name it as the user wrote it.
 */
export async function readGraphArgument(name: string, input: GraphInput, syntax?: RdfSyntax): Promise<Quad[]> {
  if (name !== '-') return readGraphFile(path.resolve(input.cwd, name), name, syntax);
  if (!input.readStdin) throw new FilmkgError('USAGE', 'no standard input to read the graph from', { place: { file: '-' } });
  const text = await input.readStdin();
  return syntax !== undefined ? parseRdfAsync(text, syntax, 'stdin') : parseSniffed(text, 'stdin');
}

/** The syntax an `--input-format` value names; a name it does not know is a USAGE error with the closest one suggested. */
export function inputSyntax(format: string | undefined, suggest: (typed: string, known: readonly string[]) => string = () => ''): RdfSyntax | undefined {
  if (format === undefined) return undefined;
  const known = Object.keys(INPUT_FORMATS);
  if (!Object.hasOwn(INPUT_FORMATS, format)) {
    throw new FilmkgError('USAGE', `unknown --input-format "${format}"${suggest(format, known)}`, { place: { path: '--input-format' }, expected: `one of ${known.join(', ')}`, found: format });
  }
  return INPUT_FORMATS[format as InputFormat];
}
