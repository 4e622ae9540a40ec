// A specialised JSON-LD writer: from sorted quads and a prefix-only context, the same document jsonld.js gives by
// `fromRDF` (useNativeTypes false) then `compact` (compactArrays, base ''), without loading jsonld.js. It covers what the
// project's graph holds; anything else it declines (never guesses), and src/export/jsonld.ts then runs jsonld.js itself.
//
// The rules it reproduces (jsonld.js 9.0.0: lib/fromRdf.js, lib/compact.js, lib/jsonld.js):
// - nodes: one per subject (blank nodes as `_:label`), ordered by that id in code-unit order; objects that are never
//   subjects get no node of their own;
// - in a node: `@id`, `@type` (the rdf:type triples whose object is a node), then the properties in code-unit order of
//   their full IRIs; a single value stays single, several become an array in the order of the quads (repeats kept);
// - values: an IRI or blank node `{"@id": …}`; an xsd:string literal the bare string; a language-tagged literal
//   `{"@language": …, "@value": …}`; any other literal `{"@type": datatype, "@value": …}`;
// - IRIs: among the prefixes whose IRI is a proper prefix of the IRI, the shortest compact IRI `term:rest`, ties broken
//   by code-unit order; else the IRI unchanged;
// - the document: `{"@context": the context}` with no node, the context then the node's keys with one, else
//   `{"@context": …, "@graph": [nodes]}`.
//
// It declines on: a context that is not prefix-only (a term with a colon or not a plain name, a value that is not an
// absolute IRI ending in one of `:/?#[]@`); a quad outside the default graph; an IRI that is not a plain absolute IRI
// (no spaces, controls or `<>"{}|^\`\\`), that begins like a compact IRI of a prefix (`schema:x` as an absolute IRI,
// which jsonld.js rejects as confusable), or that, used as a property, type or datatype, equals a prefix's IRI (jsonld.js
// would then pick the term itself); a blank node label outside [A-Za-z0-9_.-]; rdf:nil as an object (jsonld.js turns
// such chains into @list); an rdf:JSON literal (parsed into @json); a language tag that is not BCP 47 or a literal with a
// base direction.
import type { Quad, Term } from '../rdf.js';

/** The writer's answer: the compacted document, or why it declined (then jsonld.js must write it). */
export type JsonLdWriterResult = { readonly document: Record<string, unknown> } | { readonly declined: string };

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDF_TYPE = `${RDF}type`;
const RDF_NIL = `${RDF}nil`;
const RDF_JSON = `${RDF}JSON`;
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

/** A term name jsonld.js treats as a simple prefix: a plain name, no colon, no slash, no keyword form. */
const PLAIN_TERM = /^[A-Za-z][A-Za-z0-9_.-]*$/;
/** A prefix IRI jsonld.js 1.1 lets be used in compact IRIs: a simple term whose IRI ends in a gen-delim. */
const PREFIX_IRI_END = /[:/?#[\]@]$/;
/** An absolute IRI with nothing jsonld.js or N-Triples would treat specially. */
const PLAIN_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s\u0000-\u001f<>"{}|^`\\]*$/;
const BLANK_LABEL = /^[A-Za-z0-9_.-]+$/;
/** jsonld.js's REGEX_BCP47 (lib/util.js). */
const BCP47 = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

class Decline extends Error {}

/** Compact IRIs with one prefix-only context, each IRI computed once. */
class Compactor {
  private readonly prefixes: ReadonlyArray<readonly [string, string]>;
  private readonly namespaces: ReadonlySet<string>;
  private readonly cache = new Map<string, string>();

  constructor(context: Readonly<Record<string, unknown>>) {
    const prefixes: Array<readonly [string, string]> = [];
    for (const [term, iri] of Object.entries(context)) {
      if (!PLAIN_TERM.test(term)) throw new Decline(`context term "${term}" is not a plain prefix name`);
      if (typeof iri !== 'string' || !PLAIN_IRI.test(iri) || !PREFIX_IRI_END.test(iri)) throw new Decline(`context term "${term}" is not a prefix IRI`);
      prefixes.push([term, iri]);
    }
    if (prefixes.length === 0) throw new Decline('empty context');
    this.prefixes = prefixes;
    this.namespaces = new Set(prefixes.map(([, iri]) => iri));
  }

  /** The compact form of a node's IRI (`@id` values: relative to no base). */
  id(iri: string): string {
    if (iri.startsWith('_:')) return iri; // a blank node (its label checked by nodeId): no prefix or base applies
    const cached = this.cache.get(iri);
    if (cached !== undefined) return cached;
    if (!PLAIN_IRI.test(iri)) throw new Decline(`IRI <${iri}> is not a plain absolute IRI`);
    let choice: string | undefined;
    for (const [term, ns] of this.prefixes) {
      if (iri.length > ns.length && iri.startsWith(ns)) {
        const curie = `${term}:${iri.slice(ns.length)}`;
        if (choice === undefined || curie.length < choice.length || (curie.length === choice.length && curie < choice)) choice = curie;
      }
    }
    if (choice === undefined) {
      for (const [term] of this.prefixes) if (iri.startsWith(`${term}:`)) throw new Decline(`IRI <${iri}> could be read as a compact IRI of "${term}"`);
      choice = iri;
    }
    this.cache.set(iri, choice);
    return choice;
  }

  /** The compact form of a property, class or datatype IRI (vocabulary-relative). */
  vocab(iri: string): string {
    if (this.namespaces.has(iri)) throw new Decline(`vocabulary IRI <${iri}> is a prefix's own IRI`);
    return this.id(iri);
  }
}

/** A subject or object node's id as jsonld.js keys it. */
function nodeId(term: Term): string | undefined {
  if (term.termType === 'NamedNode') {
    if (term.value.startsWith('_:')) throw new Decline(`IRI <${term.value}> reads as a blank node`);
    return term.value;
  }
  if (term.termType === 'BlankNode') {
    if (!BLANK_LABEL.test(term.value)) throw new Decline(`blank node label "${term.value}"`);
    return `_:${term.value}`;
  }
  return undefined;
}

interface NodeEntry {
  readonly types: string[];
  readonly properties: Map<string, unknown[]>;
}

function literalValue(term: Term, compactor: Compactor): unknown {
  if (term.termType !== 'Literal') throw new Decline(`object of kind ${term.termType}`);
  const direction = (term as { direction?: unknown }).direction;
  if (direction !== undefined && direction !== null && direction !== '') throw new Decline('literal with a base direction');
  if (term.language !== '') {
    if (!BCP47.test(term.language)) throw new Decline(`language tag "${term.language}"`);
    return { '@language': term.language, '@value': term.value };
  }
  const datatype = term.datatype.value === '' ? XSD_STRING : term.datatype.value;
  if (datatype === XSD_STRING) return term.value;
  if (datatype === RDF_JSON) throw new Decline('rdf:JSON literal');
  return { '@type': compactor.vocab(datatype), '@value': term.value };
}

function write(quads: readonly Quad[], context: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const compactor = new Compactor(context);
  const nodes = new Map<string, NodeEntry>();
  for (const quad of quads) {
    if (quad.graph.termType !== 'DefaultGraph') throw new Decline('quad in a named graph');
    const s = nodeId(quad.subject);
    if (s === undefined) throw new Decline(`subject of kind ${quad.subject.termType}`);
    if (quad.predicate.termType !== 'NamedNode') throw new Decline(`predicate of kind ${quad.predicate.termType}`);
    let node = nodes.get(s);
    if (node === undefined) {
      node = { types: [], properties: new Map() };
      nodes.set(s, node);
    }
    const p = quad.predicate.value;
    const o = nodeId(quad.object);
    if (o === RDF_NIL) throw new Decline('rdf:nil as an object (an RDF list)');
    if (p === RDF_TYPE && o !== undefined) {
      node.types.push(o);
      continue;
    }
    const value = o === undefined ? literalValue(quad.object, compactor) : { '@id': compactor.id(o) };
    const values = node.properties.get(p);
    if (values === undefined) node.properties.set(p, [value]);
    else values.push(value);
  }
  const graph: Array<Record<string, unknown>> = [];
  for (const id of [...nodes.keys()].sort()) {
    const node = nodes.get(id) as NodeEntry;
    const out: Record<string, unknown> = { '@id': compactor.id(id) };
    if (node.types.length > 0) {
      const types = node.types.map((t) => compactor.vocab(t));
      out['@type'] = types.length === 1 ? types[0] : types;
    }
    for (const p of [...node.properties.keys()].sort()) {
      const values = node.properties.get(p) as unknown[];
      out[compactor.vocab(p)] = values.length === 1 ? values[0] : values;
    }
    graph.push(out);
  }
  const document: Record<string, unknown> = { '@context': { ...context } };
  if (graph.length === 1) Object.assign(document, graph[0]);
  else if (graph.length > 1) document['@graph'] = graph;
  return document;
}

/**
 * The compacted JSON-LD document of `quads` (already in the order of sortQuads) with the prefix-only `context`, exactly
 * as jsonld.js writes it, or `declined` with the reason when the graph holds something this writer does not cover.
 */
export function writeJsonLd(quads: readonly Quad[], context: Readonly<Record<string, unknown>>): JsonLdWriterResult {
  try {
    return { document: write(quads, context) };
  } catch (error) {
    if (error instanceof Decline) return { declined: error.message };
    throw error;
  }
}
