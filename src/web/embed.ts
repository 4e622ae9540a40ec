// The schema.org JSON-LD embed of a film: one `Movie` object read from the graph's schema.org triples (never from the facts),
// written so that, under the official schema.org context, its triples are exactly triples of the graph (docs/embed.md).
import { namedNode, type Literal, type NamedNode, type Quad, type Term } from '../rdf.js';
import { NS } from '../vocab.js';
import { schemaOrgCoercion } from './loader.js';

/** How the embed renders one property of a node: a plain value (literal or IRI reference) or a nested node. */
interface PropSpec {
  /** Nested node spec; absent: the value itself. */
  readonly node?: NodeSpec;
  /** Always an array (multi-valued properties), so values do not flip between an item and an array. */
  readonly many?: boolean;
}

/** Which properties of a node the embed carries, in output order. */
interface NodeSpec {
  readonly props: readonly (readonly [string, PropSpec])[];
  /** Only nodes that have one of these schema.org properties are included (e.g. reviews that quote a critic or rate the film). */
  readonly requires?: readonly string[];
  /** Only nodes of one of these schema.org types are included. */
  readonly types?: readonly string[];
  /** Reverse properties: nodes that point at this one (`@reverse`). */
  readonly reverse?: readonly (readonly [string, PropSpec])[];
}

const V: PropSpec = {};
const MANY: PropSpec = { many: true };
const many = (node: NodeSpec): PropSpec => ({ node, many: true });
const one = (node: NodeSpec): PropSpec => ({ node });

const AGENT: NodeSpec = { props: [['name', V], ['sameAs', MANY]] };
const LANGUAGE: NodeSpec = { props: [['name', V]] };
const ROLE: NodeSpec = { props: [['actor', many(AGENT)], ['characterName', V]] };
const BOOK: NodeSpec = { props: [['name', V], ['author', many(AGENT)], ['datePublished', V]] };
const EVENT: NodeSpec = { props: [['startDate', V], ['location', many(AGENT)], ['publishedBy', many(AGENT)], ['inLanguage', many(LANGUAGE)]] };
const RATING: NodeSpec = { props: [['ratingValue', V], ['bestRating', V], ['reviewCount', V], ['ratingExplanation', V], ['author', many(AGENT)]] };
/** A critic's own rating (`four stars out of five`): the value and the best value, by its critic. */
const CRITIC_RATING: NodeSpec = { types: ['Rating'], props: [['ratingValue', V], ['bestRating', V], ['author', many(AGENT)]] };
const REVIEW: NodeSpec = {
  requires: ['reviewBody', 'reviewRating'],
  props: [['reviewBody', V], ['reviewRating', one(CRITIC_RATING)], ['author', many(AGENT)], ['publisher', many(AGENT)]],
};
const COMPOSITION: NodeSpec = { props: [['name', V], ['composer', many(AGENT)], ['lyricist', many(AGENT)], ['author', many(AGENT)]] };
const RECORDING: NodeSpec = { props: [['name', V], ['duration', V], ['byArtist', many(AGENT)], ['recordingOf', one(COMPOSITION)]] };
const LIST_ITEM: NodeSpec = { props: [['position', V], ['item', one(RECORDING)]] };
const TRACK_LIST: NodeSpec = { props: [['numberOfItems', V], ['itemListOrder', V], ['itemListElement', many(LIST_ITEM)]] };
const ALBUM: NodeSpec = {
  types: ['MusicAlbum'],
  props: [['name', V], ['albumProductionType', V], ['datePublished', V], ['byArtist', many(AGENT)], ['track', one(TRACK_LIST)]],
};
const CITATION: NodeSpec = { props: [['position', V], ['name', V], ['author', many(AGENT)], ['publisher', many(AGENT)], ['datePublished', V]] };
/** The poster: its file page as `@id`, the image's own URL (`contentUrl`, what search engines fetch) and its caption. */
const IMAGE: NodeSpec = { types: ['ImageObject'], props: [['contentUrl', V], ['caption', V]] };
const ARTICLE: NodeSpec = {
  types: ['Article'],
  props: [['name', V], ['url', V], ['license', V], ['creditText', V], ['dateModified', V], ['citation', many(CITATION)]],
};

/** The Movie: what search engines read (name, image, dateCreated, director, aggregateRating …) and the rest of its record. */
const MOVIE: NodeSpec = {
  props: [
    ['name', V],
    ['image', many(IMAGE)],
    ['url', MANY],
    ['sameAs', MANY],
    ['dateCreated', V],
    ['datePublished', V],
    ['duration', V],
    ['genre', MANY],
    ['countryOfOrigin', many(AGENT)],
    ['director', many(AGENT)],
    ['author', many(AGENT)],
    ['producer', many(AGENT)],
    ['musicBy', many(AGENT)],
    ['actor', many(ROLE)],
    ['isBasedOn', many(BOOK)],
    ['releasedEvent', many(EVENT)],
    ['aggregateRating', many(RATING)],
    ['review', many(REVIEW)],
    ['award', MANY],
    ['subjectOf', many(ARTICLE)],
  ],
  // The soundtrack album points at the film (`album schema:isBasedOn film`); schema.org has no Movie → album property.
  reverse: [['isBasedOn', many(ALBUM)]],
};

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const RDF_LANGSTRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const XSD_STRING = `${NS.xsd}string`;
const XSD_INTEGER = `${NS.xsd}integer`;
const XSD_BOOLEAN = `${NS.xsd}boolean`;

/** A JSON-LD value as the embed writes it. */
type Json = string | number | boolean | JsonObject | Json[];
interface JsonObject {
  [key: string]: Json;
}

/** The graph indexed by subject and by object, for the embed's walks; one serves every embed of a build. */
export class GraphIndex {
  private readonly bySubject = new Map<string, Quad[]>();
  private readonly byObject = new Map<string, Quad[]>();

  constructor(quads: readonly Quad[]) {
    for (const q of quads) {
      push(this.bySubject, q.subject.value, q);
      if (q.object.termType === 'NamedNode') push(this.byObject, q.object.value, q);
    }
  }

  objects(subject: string, predicate: string): Term[] {
    return (this.bySubject.get(subject) ?? []).filter((q) => q.predicate.value === predicate).map((q) => q.object);
  }

  subjects(predicate: string, object: string): Term[] {
    return (this.byObject.get(object) ?? []).filter((q) => q.predicate.value === predicate).map((q) => q.subject);
  }

  schemaTypes(subject: string): string[] {
    return this.objects(subject, RDF_TYPE)
      .filter((t) => t.termType === 'NamedNode' && t.value.startsWith(NS.schema))
      .map((t) => t.value.slice(NS.schema.length))
      .sort();
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Sort key: `schema:position` when a node has one (list items, citations), then the term's value. */
function sortTerms(index: GraphIndex, terms: Term[]): Term[] {
  const position = (t: Term) => {
    const p = t.termType === 'NamedNode' ? index.objects(t.value, `${NS.schema}position`)[0] : undefined;
    return p?.termType === 'Literal' ? Number(p.value) : Number.POSITIVE_INFINITY;
  };
  return [...terms].sort((a, b) => position(a) - position(b) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Compact datatype names under the context's `xsd:` prefix. */
function datatypeName(iri: string): string {
  return iri.startsWith(NS.xsd) ? `xsd:${iri.slice(NS.xsd.length)}` : iri;
}

/**
 * A literal in the one JSON-LD form that gives back exactly this literal under the official context:
 * plain strings, integers and booleans where the context does not coerce the property; otherwise an
 * explicit value object (`{"@value": "1995-10-27", "@type": "xsd:date"}`), which no coercion overrides.
 */
function literalValue(property: string, literal: Literal): Json {
  const coerced = schemaOrgCoercion(property) !== undefined;
  const datatype = literal.datatype.value;
  if (literal.language !== '' || datatype === RDF_LANGSTRING) return { '@value': literal.value, '@language': literal.language };
  if (datatype === XSD_STRING) return coerced ? { '@value': literal.value } : literal.value;
  if (!coerced && datatype === XSD_INTEGER && /^-?(0|[1-9]\d*)$/.test(literal.value) && Number.isSafeInteger(Number(literal.value))) return Number(literal.value);
  if (!coerced && datatype === XSD_BOOLEAN && (literal.value === 'true' || literal.value === 'false')) return literal.value === 'true';
  return { '@value': literal.value, '@type': datatypeName(datatype) };
}

/** An IRI object: a bare string where the context coerces the property to `@id`, else `{"@id": …}`. */
function iriValue(property: string, iri: NamedNode): Json {
  return schemaOrgCoercion(property) === '@id' ? iri.value : { '@id': iri.value };
}

function renderProps(index: GraphIndex, out: JsonObject, props: readonly (readonly [string, PropSpec])[], values: (property: string) => Term[]): void {
  for (const [property, spec] of props) {
    const rendered: Json[] = [];
    for (const term of sortTerms(index, values(property))) {
      const value = spec.node ? renderNode(index, term, spec.node) : plainValue(property, term);
      if (value !== undefined) rendered.push(value);
    }
    if (rendered.length === 0) continue;
    out[property] = spec.many || rendered.length > 1 ? rendered : (rendered[0] as Json);
  }
}

function plainValue(property: string, term: Term): Json | undefined {
  if (term.termType === 'Literal') return literalValue(property, term);
  if (term.termType === 'NamedNode') return iriValue(property, term);
  return undefined; // the graph has no blank nodes; anything else cannot be matched and is left out
}

/** A node object: `@id`, its schema.org types, then the spec's properties (or undefined when the spec excludes the node). */
function renderNode(index: GraphIndex, term: Term, spec: NodeSpec): JsonObject | undefined {
  if (term.termType !== 'NamedNode') return undefined;
  const id = term.value;
  const types = index.schemaTypes(id);
  if (spec.types && !types.some((t) => spec.types?.includes(t))) return undefined;
  if (spec.requires && spec.requires.every((p) => index.objects(id, `${NS.schema}${p}`).length === 0)) return undefined;
  const out: JsonObject = { '@id': id };
  if (types.length > 0) out['@type'] = types.length === 1 ? (types[0] as string) : types;
  renderProps(index, out, spec.props, (property) => index.objects(id, `${NS.schema}${property}`));
  if (spec.reverse) {
    const reverse: JsonObject = {};
    renderProps(index, reverse, spec.reverse, (property) => index.subjects(`${NS.schema}${property}`, id));
    if (Object.keys(reverse).length > 0) out['@reverse'] = reverse;
  }
  return out;
}

/** The embed document: `{"@context": "https://schema.org", "@id": film, "@type": "Movie", …}` from the graph's triples. */
export type Embed = Record<string, unknown>;

/**
 * Builds the embed of the film `filmIri` from `quads` (the whole graph of a build). Deterministic. A caller that makes
 * several embeds of one graph passes its `GraphIndex` (built from the same quads) rather than index them each time.
 */
export function filmEmbed(quads: readonly Quad[], filmIri: string, index: GraphIndex = new GraphIndex(quads)): Embed {
  const node = renderNode(index, namedNode(filmIri), MOVIE);
  if (!node) throw new Error(`no film ${filmIri} in the graph`);
  return { '@context': 'https://schema.org', ...node };
}

/**
 * The index page's embed: a schema.org `ItemList` of the films, in the index's order, each a `ListItem` whose `item` is
 * the film's `Movie` node as the graph has it (`@id`, `name`, `url`, `image`). The list and its items describe the page
 * (which films this build holds), not any article, so they are not in the graph; everything said about a film is.
 */
export function indexEmbed(quads: readonly Quad[], filmIris: readonly string[], listIri: string, index: GraphIndex = new GraphIndex(quads)): Embed {
  const spec: NodeSpec = { props: [['name', V], ['url', MANY], ['image', many(IMAGE)]] };
  const items = filmIris.map((iri, i) => {
    const item = renderNode(index, namedNode(iri), spec);
    if (!item) throw new Error(`no film ${iri} in the graph`);
    return { '@id': `${listIri}#${i + 1}`, '@type': 'ListItem', position: i + 1, item };
  });
  return { '@context': 'https://schema.org', '@id': listIri, '@type': 'ItemList', name: 'Films', numberOfItems: items.length, itemListElement: items };
}

/**
 * The embed as the text of a `<script type="application/ld+json">` element: JSON with `<`, `>` and `&`
 * (and U+2028/U+2029) written as `\u…` escapes, so no string can close the element (`</script>`) or
 * open a comment (`<!--`); JSON.parse gives back the same document.
 */
export function embedScriptText(embed: Embed): string {
  return JSON.stringify(embed, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
