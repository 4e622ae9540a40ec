// The vocabulary module: every namespace once, closed term lists typed as full IRIs, and the confirmed Wikidata ids with labels.
// Turtle prefixes, the JSON-LD context, query prologues and test helpers are all generated from this one table.
import { namedNode, type NamedNode } from './rdf.js';

/** Every namespace the graph uses, by its prefix. Order is the order prefixes are written in. */
export const NS = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  owl: 'http://www.w3.org/2002/07/owl#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  prov: 'http://www.w3.org/ns/prov#',
  schema: 'http://schema.org/',
  wd: 'http://www.wikidata.org/entity/',
  wdt: 'http://www.wikidata.org/prop/direct/',
  p: 'http://www.wikidata.org/prop/',
  ps: 'http://www.wikidata.org/prop/statement/',
  psv: 'http://www.wikidata.org/prop/statement/value/',
  pq: 'http://www.wikidata.org/prop/qualifier/',
  pr: 'http://www.wikidata.org/prop/reference/',
  wikibase: 'http://wikiba.se/ontology#',
  // Fixed, independent of --base: terms mean the same in every deployment (docs/graph-model.md).
  fkg: 'https://filmkg.example/ontology#',
} as const;

/** A namespace prefix. */
export type Prefix = keyof typeof NS;

type Terms<N extends string, L extends readonly string[]> = { readonly [K in L[number]]: NamedNode<`${N}${K}`> };

/** Builds a closed term list: only the listed local names exist, each typed as its full IRI. */
function terms<const N extends string, const L extends readonly string[]>(ns: N, locals: L): Terms<N, L> {
  const out: Record<string, NamedNode> = {};
  for (const local of locals) out[local] = namedNode(`${ns}${local}`);
  return Object.freeze(out) as Terms<N, L>;
}

export const rdf = terms(NS.rdf, ['type', 'langString'] as const);
export const rdfs = terms(NS.rdfs, ['label', 'comment'] as const);
export const owl = terms(NS.owl, ['sameAs'] as const);
export const skos = terms(NS.skos, ['altLabel'] as const);
export const prov = terms(NS.prov, ['wasDerivedFrom'] as const);

/** XSD datatypes the literal helpers produce. */
export const xsd = terms(NS.xsd, ['string', 'boolean', 'integer', 'decimal', 'date', 'gYear', 'gYearMonth', 'dateTime', 'duration'] as const);

/** The schema.org classes and properties the graph uses (all exist in schema.org; test/vocab checks them). */
export const schema = terms(NS.schema, [
  // classes
  'Movie', 'Person', 'Organization', 'MusicGroup', 'PerformanceRole', 'PublicationEvent', 'MonetaryAmount',
  'AggregateRating', 'Rating', 'Review', 'MusicAlbum', 'MusicRecording', 'MusicComposition', 'ItemList', 'ListItem',
  'CreativeWork', 'Book', 'Article', 'ImageObject', 'Place', 'Country', 'Language', 'DefinedTerm', 'PropertyValue',
  // enumeration members
  'SoundtrackAlbum', 'ItemListOrderAscending',
  // properties
  'name', 'description', 'sameAs', 'url', 'identifier', 'propertyID', 'value', 'image', 'caption',
  'actor', 'character', 'characterName', 'director', 'author', 'producer', 'contributor', 'editor', 'musicBy',
  'productionCompany', 'publishedBy', 'releasedEvent', 'startDate', 'location', 'datePublished', 'dateCreated',
  'dateModified', 'deathDate', 'duration', 'countryOfOrigin', 'inLanguage', 'genre', 'isBasedOn', 'keywords',
  'subjectOf', 'about', 'license', 'creditText', 'citation', 'award', 'aggregateRating', 'ratingValue',
  'bestRating', 'reviewCount', 'ratingExplanation', 'review', 'reviewBody', 'reviewRating', 'itemReviewed', 'publisher',
  'itemListElement', 'item', 'position', 'numberOfItems', 'itemListOrder', 'albumProductionType', 'byArtist',
  'track', 'inAlbum', 'recordingOf', 'composer', 'lyricist', 'headline', 'locationCreated', 'currency',
  'minValue', 'maxValue', 'contentUrl',
] as const);

/** Wikibase ontology terms of Wikidata's RDF format. */
export const wikibase = terms(NS.wikibase, [
  'Statement', 'Reference', 'BestRank', 'NormalRank', 'rank', 'QuantityValue', 'quantityAmount',
  'quantityLowerBound', 'quantityUpperBound', 'quantityUnit',
] as const);

/** The local vocabulary (declared with labels and comments in ontology/filmkg.ttl). */
export const fkg = terms(NS.fkg, [
  // classes
  'Character', 'Award', 'AwardBody', 'Unit', 'CurationDecision', 'ReleaseKind',
  // individuals
  'LimitedRelease', 'WideRelease', 'Premiere', 'HomeMediaRelease', 'LetterGrade',
  // properties
  'releaseKind', 'releaseKindAsWritten', 'mediaFormat', 'awardBody', 'resultAsWritten', 'accoladeRow',
  'evidenceLine', 'evidenceEndLine', 'evidenceText', 'citation', 'footnote', 'curationDecision', 'retrieved',
  'archived', 'budget', 'boxOffice', 'marketingSpend', 'amountQualifier', 'filmFormat', 'filmFormatInsteadOf',
  'shootingDays', 'storyBy', 'narrator', 'dialogue', 'speakingRole', 'notIncluded', 'decisionRule', 'needsReview',
] as const);

/**
 * Every Wikidata property the graph uses, with its English label (from VOCABULARY.md). Only these
 * ids exist for the mappers: `wdt.P5` does not compile.
 */
export const WIKIDATA_PROPERTIES = {
  P31: 'instance of',
  P50: 'author',
  P57: 'director',
  P58: 'screenwriter',
  P86: 'composer',
  P136: 'genre',
  P144: 'based on',
  P161: 'cast member',
  P162: 'producer',
  P166: 'award received',
  P175: 'performer',
  P248: 'stated in',
  P272: 'production company',
  P291: 'place of publication',
  P344: 'director of photography',
  P345: 'IMDb ID',
  P364: 'original language of film or TV show',
  P406: 'soundtrack release',
  P444: 'review score',
  P447: 'review score by',
  P453: 'character role',
  P459: 'determination method',
  P495: 'country of origin',
  P577: 'publication date',
  P658: 'tracklist',
  P676: 'lyrics by',
  P750: 'distributed by',
  P813: 'retrieved',
  P854: 'reference URL',
  P1040: 'film editor',
  P1346: 'winner',
  P1352: 'ranking',
  P1411: 'nominated for',
  P1476: 'title',
  P1545: 'series ordinal',
  P1686: 'for work',
  P585: 'point in time',
  P2047: 'duration',
  P2130: 'cost',
  P2142: 'box office',
  P2453: 'nominee',
  P3005: 'valid in place',
  P4633: 'name of the character role',
  P7887: 'number of reviews/ratings',
  P7937: 'form of creative work',
} as const;

/** A Wikidata property id the project declares. */
export type Pid = keyof typeof WIKIDATA_PROPERTIES;
const PIDS = Object.keys(WIKIDATA_PROPERTIES) as Pid[];

type PropTerms<N extends string> = { readonly [K in Pid]: NamedNode<`${N}${K}`> };
function propTerms<const N extends string>(ns: N): PropTerms<N> {
  return terms(ns, PIDS) as unknown as PropTerms<N>;
}

/** Truthy (direct) properties. */
export const wdt = propTerms(NS.wdt);
/** Entity → statement. */
export const p = propTerms(NS.p);
/** Statement → simple value. */
export const ps = propTerms(NS.ps);
/** Statement → full value node (quantities). */
export const psv = propTerms(NS.psv);
/** Qualifiers. */
export const pq = propTerms(NS.pq);
/** Reference properties. */
export const pr = propTerms(NS.pr);

/** Wikidata items confirmed in VOCABULARY.md, with their English labels. No other Q-id may appear unless curation confirms it. */
export const WIKIDATA_ITEMS = {
  Q11424: 'film',
  Q5: 'human',
  Q30: 'United States of America',
  Q1860: 'English',
  Q130232: 'drama film',
  Q4176708: 'soundtrack album',
  Q42869: 'Nicolas Cage',
  Q19020: 'Academy Awards',
  Q103916: 'Academy Award for Best Actor',
  Q103618: 'Academy Award for Best Actress',
  Q103360: 'Academy Award for Best Director',
  Q107258: 'Academy Award for Best Adapted Screenplay',
  Q593098: 'Golden Globe Award for Best Actor – Motion Picture Drama',
  Q463085: 'Golden Globe Award for Best Actress – Motion Picture Drama',
  Q105584: 'Rotten Tomatoes',
  Q150248: 'Metacritic',
  Q108403393: 'Tomatometer score',
  Q108403540: 'Rotten Tomatoes average rating',
  Q106515043: 'Metascore',
  Q80698083: 'critic review',
} as const;

/** A confirmed Wikidata item id. */
export type Qid = keyof typeof WIKIDATA_ITEMS;

/** Confirmed Wikidata items as terms (`wd.Q11424`). */
export const wd = terms(NS.wd, Object.keys(WIKIDATA_ITEMS) as Qid[]) as { readonly [K in Qid]: NamedNode<`${typeof NS.wd}${K}`> };

/** The entity kinds a confirmed link can be for (the facts model's ExternalId kinds). */
export type LinkKind = 'film' | 'person' | 'organisation' | 'work' | 'award' | 'award-body' | 'place' | 'language' | 'genre' | 'aggregator';

/** A confirmed identity between a name as the facts write it and an external id. */
export interface ConfirmedLink {
  readonly kind: LinkKind;
  /** The name as the facts give it; for an award, `Body: Category`. */
  readonly name: string;
  readonly wikidata?: Qid;
  readonly imdb?: string;
  /** Why this name is this item (where the article ties them). */
  readonly why: string;
}

/**
 * Links from VOCABULARY.md, keyed by the names the article uses. Each was checked against the
 * article text: the `why` says where it ties the name to the item.
 */
export const CONFIRMED_LINKS: readonly ConfirmedLink[] = [
  { kind: 'film', name: 'Leaving Las Vegas', imdb: 'tt0113627', why: 'VOCABULARY.md: Leaving Las Vegas (1995) has IMDb ID tt0113627' },
  { kind: 'person', name: 'Nicolas Cage', wikidata: 'Q42869', why: 'VOCABULARY.md item Nicolas Cage' },
  { kind: 'place', name: 'United States', wikidata: 'Q30', why: 'infobox "CountryUnited States" (line 34) is the United States of America' },
  { kind: 'place', name: 'United States of America', wikidata: 'Q30', why: 'VOCABULARY.md item' },
  { kind: 'place', name: 'USA', wikidata: 'Q30', why: 'line 156: the DVD "in English for USA and Canada": the United States of America' },
  { kind: 'language', name: 'English', wikidata: 'Q1860', why: 'VOCABULARY.md item English' },
  { kind: 'genre', name: 'drama film', wikidata: 'Q130232', why: 'lead (line 38): "a 1995 American drama film"' },
  { kind: 'genre', name: 'drama', wikidata: 'Q130232', why: 'lead (line 38): "a 1995 American drama film"' },
  { kind: 'award-body', name: 'Academy Awards', wikidata: 'Q19020', why: 'accolades table (line 95)' },
  { kind: 'award', name: 'Academy Awards: Best Actor', wikidata: 'Q103916', why: 'line 40: "the Academy Award for Best Actor"; table line 96' },
  { kind: 'award', name: 'Academy Awards: Best Actress', wikidata: 'Q103618', why: 'line 40: "the Academy Award for Best Actress"; table line 97' },
  { kind: 'award', name: 'Academy Awards: Best Director', wikidata: 'Q103360', why: 'line 40: nominations for "Best Director"; table line 95' },
  {
    kind: 'award',
    name: 'Academy Awards: Best Screenplay – Based on Material Previously Produced or Published',
    wikidata: 'Q107258',
    why: 'line 40 calls the Academy nomination of table line 98 "Best Adapted Screenplay"',
  },
  {
    kind: 'award',
    name: 'Golden Globe Awards: Best Actor in a Motion Picture – Drama',
    wikidata: 'Q593098',
    why: 'line 40: "the Golden Globe Award for Best Actor - Motion Picture Drama"; table line 120',
  },
  {
    kind: 'award',
    name: 'Golden Globe Awards: Best Actress in a Motion Picture – Drama',
    wikidata: 'Q463085',
    why: 'line 40: "the Golden Globe Award for Best Actress - Motion Picture Drama"; table line 121',
  },
  { kind: 'aggregator', name: 'Rotten Tomatoes', wikidata: 'Q105584', why: 'line 86: "On Rotten Tomatoes"' },
  { kind: 'aggregator', name: 'Metacritic', wikidata: 'Q150248', why: 'line 86: "on Metacritic"' },
];

/** The review-score determination methods of the facts model, as confirmed Wikidata items. */
export const REVIEW_METHODS = {
  approval: 'Q108403393',
  average: 'Q108403540',
  metascore: 'Q106515043',
} as const satisfies Record<string, Qid>;

/** Prefix → namespace IRI, for writers and JSON-LD contexts, in a stable order. */
export function prefixes(): Record<Prefix, string> {
  return { ...NS };
}

/** SPARQL `PREFIX` lines for every namespace, for query prologues. */
export function sparqlPrologue(): string {
  return Object.entries(NS)
    .map(([prefix, iri]) => `PREFIX ${prefix}: <${iri}>`)
    .join('\n');
}

/** The prefix of the namespace `iri` is in (the longest matching namespace wins: `psv:` over `p:`), if any. */
export function prefixOf(iri: string): Prefix | undefined {
  let best: Prefix | undefined;
  for (const [prefix, ns] of Object.entries(NS) as Array<[Prefix, string]>) {
    if (iri.startsWith(ns) && (best === undefined || ns.length > NS[best].length)) best = prefix;
  }
  return best;
}

/** Shortens an IRI to `prefix:local` when a namespace matches (longest namespace wins); otherwise returns it in `<…>`. */
export function compactIri(iri: string): string {
  const prefix = prefixOf(iri);
  return prefix ? `${prefix}:${iri.slice(NS[prefix].length)}` : `<${iri}>`;
}
