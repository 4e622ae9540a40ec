// The small RDF documents the server describes itself with (the service description, the VoID dataset description,
// the ontology, the shapes), each served in Turtle, JSON-LD, N-Triples and RDF/XML by content negotiation, by a
// suffix (`/ontology.rdf`) or by `format=` as a fallback; and the route that serves one.
import type { ContextDefinition } from 'jsonld';
import { Writer } from 'n3';
import type { Quad } from '../rdf.js';
import { send, sendError, type Route, type RouteContext } from './http.js';
import { negotiate, negotiateNamed } from './negotiate.js';

/** A document: its triples, the prefixes to write them with, and optionally its Turtle as written by hand (kept as is). */
export interface RdfDocument {
  readonly quads: readonly Quad[];
  readonly prefixes: Readonly<Record<string, string>>;
  readonly turtle?: string;
}

/** The formats of a document, Turtle first (the default for `*\/*`), with suffix and `format=` names. */
export const DOCUMENT_FORMATS = [
  { type: 'text/turtle', suffix: '.ttl', names: ['ttl', 'turtle', 'n3'] },
  { type: 'application/ld+json', suffix: '.jsonld', names: ['jsonld', 'json-ld', 'json'] },
  { type: 'application/n-triples', suffix: '.nt', names: ['nt', 'ntriples', 'n-triples'] },
  { type: 'application/rdf+xml', suffix: '.rdf', names: ['rdf', 'xml', 'rdfxml', 'rdf+xml'] },
] as const;
export type DocumentType = (typeof DOCUMENT_FORMATS)[number]['type'] | 'text/html';

/** The Content-Type header of a document type. */
export function contentType(type: string): string {
  return type === 'application/n-triples' ? type : `${type}; charset=utf-8`;
}

/** Turtle by N3.Writer with the document's prefixes, in the quads' order. */
export function turtleOf(quads: readonly Quad[], prefixes: Readonly<Record<string, string>>): string {
  const writer = new Writer({ format: 'Turtle', prefixes: { ...prefixes } });
  for (const q of quads) writer.addQuad(q);
  let out: string | undefined;
  writer.end((error: Error | null, result: string) => {
    if (error) throw error;
    out = result;
  });
  if (out === undefined) throw new Error('N3.Writer did not finish synchronously');
  return out;
}

/** The document in `type`: Turtle (its own text when it has one), N-Triples (sorted), JSON-LD compacted with its prefixes, RDF/XML (oxigraph). */
export async function serializeDocument(doc: RdfDocument, type: string): Promise<string> {
  switch (type) {
    case 'text/turtle':
      return doc.turtle ?? turtleOf(doc.quads, doc.prefixes);
    case 'application/n-triples':
      return (await import('../export/ntriples.js')).toNTriples(doc.quads);
    case 'application/ld+json': {
      const { default: jsonld } = await import('jsonld');
      const { sortQuads } = await import('../graph.js');
      const expanded = await jsonld.fromRDF(sortQuads(doc.quads) as unknown as Parameters<typeof jsonld.fromRDF>[0], { useNativeTypes: false });
      const compacted = await jsonld.compact(expanded, { ...doc.prefixes } as ContextDefinition, { skipExpansion: true });
      return `${JSON.stringify(compacted, null, 2)}\n`;
    }
    case 'application/rdf+xml': {
      const [{ OxigraphStore }, { toNTriples }] = await Promise.all([import('../store/oxigraph.js'), import('../export/ntriples.js')]);
      const store = OxigraphStore.fromText(toNTriples(doc.quads));
      try {
        return store.serialize('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }', 'application/rdf+xml');
      } finally {
        store.close();
      }
    }
    default:
      throw new Error(`serializeDocument: no writer for ${type}`);
  }
}

/** The values of the `format=`, `output=` and `results=` parameters of a URL, in order. */
export function formatParameters(url: URL): string[] {
  return ['format', 'output', 'results'].flatMap((name) => url.searchParams.getAll(name));
}

/**
 * The type to serve among `offered`: a type the Accept header names; else the first `format=` value naming one; else
 * what `*\/*` (or no Accept) allows; undefined when nothing fits.
 */
export function chooseDocumentType(accept: string | undefined, formats: readonly string[], offered: readonly DocumentType[]): DocumentType | undefined {
  const read = accept?.replace(/application\/json(?![\w+.-])/gi, 'application/ld+json');
  const named = negotiateNamed(read, offered) as DocumentType | undefined;
  if (named) return named;
  for (const format of formats) {
    const value = format.trim().toLowerCase();
    const byName = value === 'html' ? 'text/html' : DOCUMENT_FORMATS.find((f) => (f.names as readonly string[]).includes(value) || f.type === value)?.type;
    if (byName && offered.includes(byName)) return byName;
  }
  return negotiate(read, offered) as DocumentType | undefined;
}

/** Options of documentRoute. */
export interface DocumentRouteOptions {
  readonly name: string;
  /** The path served by negotiation (`/ontology`); `path` + a suffix is served in that format. */
  readonly path: string;
  /** More paths, each in one fixed format (`/void.ttl`). */
  readonly fixed?: Readonly<Record<string, DocumentType>>;
  /** The document; called once, on the first request that needs it (a failure is not cached). */
  load(): Promise<RdfDocument>;
}

/** A GET/HEAD route serving one document at `path` by negotiation, at `path.ttl`, `.jsonld`, `.nt`, `.rdf`, and at the fixed paths. */
export function documentRoute(options: DocumentRouteOptions): Route {
  const bySuffix = new Map<string, DocumentType>(DOCUMENT_FORMATS.map((f) => [`${options.path}${f.suffix}`, f.type]));
  for (const [p, type] of Object.entries(options.fixed ?? {})) bySuffix.set(p, type);
  const texts = new Map<string, Promise<string>>();
  let doc: Promise<RdfDocument> | undefined;
  const text = (type: string): Promise<string> => {
    let out = texts.get(type);
    if (!out) {
      doc ??= options.load();
      out = doc.then((d) => serializeDocument(d, type));
      texts.set(type, out);
      out.catch(() => {
        texts.delete(type);
        doc = undefined;
      });
    }
    return out;
  };
  const offered = DOCUMENT_FORMATS.map((f) => f.type);
  return {
    name: options.name,
    matches: (method, pathname) => (method === 'GET' || method === 'HEAD') && (pathname === options.path || bySuffix.has(pathname)),
    async handle({ req, res, url }: RouteContext) {
      const type = bySuffix.get(url.pathname) ?? chooseDocumentType(req.headers.accept, formatParameters(url), offered);
      if (type === undefined || type === 'text/html') {
        return sendError(res, 406, `no acceptable format for ${options.path}; offered: ${offered.join(', ')} (by Accept, a ${DOCUMENT_FORMATS.map((f) => f.suffix).join('/')} suffix, or format=${DOCUMENT_FORMATS.map((f) => f.names[0]).join('|')})`);
      }
      const suffix = DOCUMENT_FORMATS.find((f) => f.type === type)?.suffix ?? '';
      const link = DOCUMENT_FORMATS.map((f) => `<${options.path}${f.suffix}>; rel="alternate"; type="${f.type}"`).join(', ');
      let body: string;
      try {
        body = await text(type);
      } catch (error) {
        return sendError(res, 503, `the ${options.name} could not be made: ${error instanceof Error ? error.message : String(error)}; retry later`);
      }
      send(res, 200, contentType(type), body, { 'content-location': bySuffix.has(url.pathname) ? url.pathname : `${options.path}${suffix}`, link });
    },
  };
}
