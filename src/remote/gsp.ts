// The SPARQL 1.1 Graph Store HTTP Protocol client: the graph as N-Triples lines, cut into chunks that never split a
// triple nor a blank node's triples, sent with PUT (replace) or POST (add) to URL?graph=IRI, with retries.
import { FilmkgError } from '../errors.js';
import { ntriplesLines } from '../export/ntriples.js';
import type { Quad } from '../rdf.js';
import { displayUrl, remoteRequest, type RemoteOptions } from './http.js';

/** Characters an IRI may not hold (RFC 3987 excludes them; in query text they would end the IRI). */
const BAD_IRI_CHARS = /[\u0000-\u0020<>"{}|^`\\]/;

/** Checks a graph IRI: absolute, no spaces or delimiters. Throws USAGE naming the option. */
export function checkGraphIri(iri: string, option = '--graph'): string {
  if (BAD_IRI_CHARS.test(iri) || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(iri)) {
    throw new FilmkgError('USAGE', `${option} must be an absolute IRI (such as https://filmkg.example/graph) without spaces, quotes, angle brackets, braces, |, ^, backslash or backtick`, { found: iri });
  }
  return iri;
}

/**
 * The Graph Store Protocol URL of a graph: `?graph=IRI` (percent-encoded), or `?default` for the default graph.
 * A fragment of the endpoint is dropped (it is never sent; after it, the parameter would be lost too).
 */
export function graphUrl(endpoint: string, graph: string | undefined): string {
  const hash = endpoint.indexOf('#');
  const target = hash >= 0 ? endpoint.slice(0, hash) : endpoint;
  const sep = target.includes('?') ? '&' : '?';
  return graph === undefined ? `${target}${sep}default` : `${target}${sep}graph=${encodeURIComponent(graph)}`;
}

/**
 * Where a store answers SPARQL queries, from its Graph Store Protocol URL, for the stores whose layout is known:
 * Virtuoso (/sparql-graph-crud[-auth] → /sparql), Oxigraph server (/store → /query), Apache Jena Fuseki
 * (/DATASET/data → /DATASET/sparql), GraphDB and RDF4J (/repositories/ID/rdf-graphs/service → /repositories/ID).
 * Undefined for anything else (the caller asks for --query-endpoint).
 */
export function deriveQueryEndpoint(gspEndpoint: string): string | undefined {
  let u: URL;
  try {
    u = new URL(gspEndpoint);
  } catch {
    return undefined;
  }
  u.search = '';
  const rules: Array<[RegExp, string]> = [
    [/\/sparql-graph-crud(?:-auth)?\/?$/, '/sparql'],
    [/\/store\/?$/, '/query'],
    [/\/rdf-graphs\/service\/?$/, ''],
    [/^(\/[^/]+)\/data\/?$/, '$1/sparql'],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(u.pathname)) {
      u.pathname = u.pathname.replace(pattern, replacement) || '/';
      return u.toString();
    }
  }
  return undefined;
}

/** A graph ready to send: its N-Triples lines (unique), those holding blank nodes kept apart. */
export interface PreparedGraph {
  /** Lines without blank nodes. */
  readonly plain: readonly string[];
  /** Lines with a blank node: always sent together, in one request (a blank node's scope is one document). */
  readonly withBlankNodes: readonly string[];
  readonly triples: number;
}

/** Splits quads into lines, de-duplicated, blank-node triples apart. Quads in named graphs are refused. */
export function prepareGraph(quads: Iterable<Quad>, source = 'graph'): PreparedGraph {
  const plainQuads: Quad[] = [];
  const bnodeQuads: Quad[] = [];
  for (const q of quads) {
    if (q.graph.termType !== 'DefaultGraph') throw new FilmkgError('BAD_RDF', 'the graph to load holds quads in named graphs', { place: { file: source }, expected: 'triples (Turtle or N-Triples)' });
    (q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode' ? bnodeQuads : plainQuads).push(q);
  }
  const plain = [...new Set(ntriplesLines(plainQuads))];
  const withBlankNodes = [...new Set(ntriplesLines(bnodeQuads))];
  return { plain, withBlankNodes, triples: plain.length + withBlankNodes.length };
}

/** One request's worth of the graph. */
export interface Chunk {
  /** Its N-Triples lines (each ending in " .\n"). */
  readonly lines: readonly string[];
  /** True for the one chunk of triples with blank nodes: they cannot be looked up one by one, and sending them twice duplicates them. */
  readonly blankNodes: boolean;
}

/** Cuts the prepared graph into chunks of at most `chunkSize` lines (the blank-node lines stay in one, first). */
export function planChunks(graph: PreparedGraph, chunkSize: number): Chunk[] {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new FilmkgError('USAGE', '--chunk must be a whole number of triples, at least 1', { found: String(chunkSize) });
  const chunks: Chunk[] = [];
  if (graph.withBlankNodes.length > 0) chunks.push({ lines: graph.withBlankNodes, blankNodes: true });
  for (let i = 0; i < graph.plain.length; i += chunkSize) chunks.push({ lines: graph.plain.slice(i, i + chunkSize), blankNodes: false });
  return chunks;
}

/** Cuts the prepared graph into request bodies of at most `chunkSize` lines (the blank-node lines stay in one). */
export function chunkGraph(graph: PreparedGraph, chunkSize: number): string[] {
  return planChunks(graph, chunkSize).map((chunk) => chunk.lines.join(''));
}

/** Options of uploadGraph. */
export interface UploadOptions extends RemoteOptions {
  /** The Graph Store Protocol endpoint (e.g. Virtuoso's http://HOST:8890/sparql-graph-crud). */
  readonly endpoint: string;
  /** The named graph; undefined for the store's default graph. */
  readonly graph?: string | undefined;
  /** Replace what the graph holds (the first request is a PUT) rather than add to it (POST only). */
  readonly replace?: boolean;
  /** Called after each chunk is accepted. */
  readonly onChunk?: (info: { index: number; of: number; triples: number; status: number }) => void;
}

/** What an upload did. */
export interface UploadReport {
  readonly url: string;
  readonly requests: number;
  readonly triples: number;
}

/**
 * Sends `chunks` (N-Triples bodies) to the graph: the first with PUT when replacing (so the graph ends
 * up holding exactly what was sent), every other one with POST. An empty graph with `replace` sends
 * one empty PUT (emptying the graph). Each request is retried on transient failures (see remoteRequest).
 * This is the bare protocol, checking nothing: `filmkg load` uses loadVerified (verified-load.ts), which
 * checks what the store holds before, during and after.
 */
export async function uploadGraph(chunks: readonly string[], triples: number, options: UploadOptions): Promise<UploadReport> {
  const url = graphUrl(options.endpoint, options.graph);
  const bodies = chunks.length === 0 && options.replace ? [''] : chunks;
  for (const [index, body] of bodies.entries()) {
    const method = index === 0 && options.replace ? 'PUT' : 'POST';
    const res = await remoteRequest(method, url, { headers: { 'content-type': 'application/n-triples; charset=utf-8' }, body }, options);
    options.onChunk?.({ index, of: bodies.length, triples: body === '' ? 0 : body.split('\n').length - 1, status: res.status });
  }
  return { url: displayUrl(url), requests: bodies.length, triples };
}
