// Entity pages: one HTML page per entity of the graph (people, organisations, awards, works, roles, tracks …), with its
// label and types, its facts in both directions as links, its Wikidata-style statements with their qualifiers and their
// evidence (the article lines and the cited works), and a static SVG picture of its neighbourhood. Pure: quads in, HTML
// out. `filmkg build` writes them all (renderEntityPages); `filmkg serve` renders one on demand (EntityIndex + entityPage).
// Statements, references and value nodes (IRIs named by their content) get no page of their own: they are shown inside
// the page of the entity they belong to.
import { IriMinter, nameFromKey } from '../iri.js';
import type { Quad, Term } from '../rdf.js';
import { NS, WIKIDATA_ITEMS, WIKIDATA_PROPERTIES, compactIri as compactIriOf, prefixOf as prefixOfIri, type Prefix } from '../vocab.js';
import { el, h, link, page, raw, type Html } from './html.js';
import { fileOfLocalPath, hrefOfFile, localPathOf, pageFileOf, pagePathOf, relativeHref } from './links.js';
import { neighbourhoodSvg, type Neighbour, type NodeKind } from './svg/neighbourhood.js';

const RDF_TYPE = `${NS.rdf}type`;
const RDFS_LABEL = `${NS.rdfs}label`;
const SCHEMA_NAME = `${NS.schema}name`;
const DERIVED_FROM = `${NS.prov}wasDerivedFrom`;
const WIKIBASE_RANK = `${NS.wikibase}rank`;
const FKG = NS.fkg;

/** Types that pick a node's colour, most specific first. */
const KINDS: ReadonlyArray<readonly [string, NodeKind]> = [
  [`${NS.schema}Movie`, 'film'],
  [`${NS.schema}Person`, 'person'],
  [`${NS.schema}Organization`, 'organization'],
  [`${NS.schema}MusicGroup`, 'organization'],
  [`${FKG}Award`, 'award'],
  [`${FKG}AwardBody`, 'award'],
  [`${NS.schema}Place`, 'place'],
  [`${NS.schema}Country`, 'place'],
  [`${NS.schema}CreativeWork`, 'work'],
  [`${NS.schema}Book`, 'work'],
  [`${NS.schema}Article`, 'work'],
  [`${NS.schema}MusicRecording`, 'work'],
  [`${NS.schema}MusicComposition`, 'work'],
  [`${NS.schema}MusicAlbum`, 'work'],
];

/** Options of the pages. */
export interface EntityPageOptions {
  /** Film IRIs that have a film page (`films/{slug}.html`); other films get an entity page at their own path. */
  readonly filmPages?: ReadonlySet<string>;
  /** Link the entity's own Turtle, JSON-LD and N-Triples (`filmkg serve` answers them; the static site has none). */
  readonly formats?: boolean;
}

/** Memoised: the same few dozen property and class IRIs are looked up for every triple of every page. */
function memo<T>(fn: (iri: string) => T): (iri: string) => T {
  const cache = new Map<string, T>();
  return (iri) => {
    if (cache.has(iri)) return cache.get(iri) as T;
    const value = fn(iri);
    if (cache.size < 10_000) cache.set(iri, value);
    return value;
  };
}
const prefixOf: (iri: string) => Prefix | undefined = memo(prefixOfIri);
const compactIri: (iri: string) => string = memo(compactIriOf);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `items` in the order of their keys (compared one after the other in code-unit order), each key computed once rather
 * than at every comparison; equal keys keep their order (as Array.prototype.sort, which is stable).
 */
function sortedBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): T[] {
  const decorated = items.map((item) => ({ item, keys: keys(item) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < a.keys.length; i++) {
      const c = compare(a.keys[i] as string, b.keys[i] as string);
      if (c !== 0) return c;
    }
    return 0;
  });
  return decorated.map((d) => d.item);
}

/** The graph indexed for entity pages: triples by subject and by object, the entities that have pages, labels. */
export class EntityIndex {
  readonly bySubject = new Map<string, Quad[]>();
  readonly byObject = new Map<string, Quad[]>();
  /** The entities with an entity page, by IRI, with their page path (URL form, root-relative). */
  readonly pages = new Map<string, string>();
  private readonly minter: IriMinter;
  private readonly labels = new Map<string, string>();
  private readonly filmPages: ReadonlySet<string>;
  /** Computed once per IRI (a page names the same entities as many others): files, film page paths, types, kinds. */
  private readonly files = new Map<string, string | undefined>();
  private readonly filmPaths = new Map<string, string | undefined>();
  private readonly typeLists = new Map<string, string[]>();
  private readonly kinds = new Map<string, NodeKind>();

  constructor(
    quads: readonly Quad[],
    readonly base: string,
    options: EntityPageOptions = {},
  ) {
    this.minter = new IriMinter(base);
    for (const q of quads) {
      push(this.bySubject, q.subject.value, q);
      if (q.object.termType === 'NamedNode' || q.object.termType === 'BlankNode') push(this.byObject, q.object.value, q);
    }
    this.filmPages = options.filmPages ?? new Set([...this.bySubject.keys()].filter((iri) => this.isFilm(iri)));
    for (const iri of this.bySubject.keys()) {
      if (this.minter.isContentNamed(iri) || this.filmPages.has(iri)) continue;
      const file = this.ownFile(iri);
      if (file !== undefined) this.pages.set(iri, hrefOfFile(file));
    }
  }

  private isFilm(iri: string): boolean {
    return /^film\/[^/]+$/.test(localPathOf(iri, this.base) ?? '') && (this.bySubject.get(iri) ?? []).some((q) => q.predicate.value === RDF_TYPE && q.object.value === `${NS.schema}Movie`);
  }

  /** The file of an entity's own page: `pageFileOf`, except a film without a film page, which is at its own path. */
  ownFile(iri: string): string | undefined {
    if (this.files.has(iri)) return this.files.get(iri);
    let file = pageFileOf(iri, this.base);
    if (file !== undefined && file.startsWith('films/') && !this.filmPages.has(iri)) file = fileOfLocalPath(localPathOf(iri, this.base) as string);
    this.files.set(iri, file);
    return file;
  }

  /** The root-relative page path (URL form) of an IRI that has a page here: an entity page or a film page. */
  pathOf(iri: string): string | undefined {
    if (this.filmPages.has(iri)) {
      if (!this.filmPaths.has(iri)) this.filmPaths.set(iri, pagePathOf(iri, this.base));
      return this.filmPaths.get(iri);
    }
    return this.pages.get(iri);
  }

  /** IriMinter.isContentNamed, without cutting a new string for each test. */
  isContentNamed(iri: string): boolean {
    const base = this.minter.base;
    if (!iri.startsWith(base)) return false;
    return iri.startsWith('statement/', base.length) || iri.startsWith('reference/', base.length) || iri.startsWith('value/', base.length);
  }

  /** A human label: rdfs:label (English first), schema:name, a confirmed Wikidata item's label, or the IRI's last name. */
  label(iri: string): string {
    let label = this.labels.get(iri);
    if (label !== undefined) return label;
    const own = this.bySubject.get(iri) ?? [];
    const labels = own.filter((q) => q.predicate.value === RDFS_LABEL && q.object.termType === 'Literal');
    const english = labels.find((q) => q.object.termType === 'Literal' && q.object.language === 'en') ?? labels.sort((a, b) => compare(a.object.value, b.object.value))[0];
    label = english?.object.value ?? own.find((q) => q.predicate.value === SCHEMA_NAME)?.object.value;
    if (label === undefined && iri.startsWith(NS.wd)) label = (WIKIDATA_ITEMS as Record<string, string>)[iri.slice(NS.wd.length)];
    if (label === undefined) {
      const local = localPathOf(iri, this.base);
      if (local !== undefined) {
        try {
          label = nameFromKey(local.split('/').pop() as string);
        } catch {
          label = local;
        }
      }
    }
    label ??= compactIri(iri).replace(/^<(.*)>$/, '$1');
    this.labels.set(iri, label);
    return label;
  }

  /** The IRI's types (rdf:type objects), sorted. */
  types(iri: string): readonly string[] {
    let types = this.typeLists.get(iri);
    if (types === undefined) {
      types = (this.bySubject.get(iri) ?? [])
        .filter((q) => q.predicate.value === RDF_TYPE)
        .map((q) => q.object.value)
        .sort(compare);
      this.typeLists.set(iri, types);
    }
    return types;
  }

  kind(iri: string): NodeKind {
    let kind = this.kinds.get(iri);
    if (kind === undefined) {
      if (!iri.startsWith(this.base)) kind = 'external';
      else {
        const types = new Set(this.types(iri));
        kind = KINDS.find(([t]) => types.has(t))?.[1] ?? 'other';
      }
      this.kinds.set(iri, kind);
    }
    return kind;
  }
}

/** A property's label: a Wikidata property's English label, else its local name in words (`characterName` → character name). */
export const propertyLabel: (iri: string) => string = memo(propertyLabelOf);

function propertyLabelOf(iri: string): string {
  const prefix = prefixOf(iri);
  if (prefix === undefined) return compactIri(iri);
  const local = iri.slice(NS[prefix].length);
  if (['wdt', 'p', 'ps', 'psv', 'pq', 'pr'].includes(prefix)) return (WIKIDATA_PROPERTIES as Record<string, string>)[local] ?? local;
  if (iri === RDF_TYPE) return 'type';
  const words = local.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  // schema.org's and filmkg's own terms by their name; others with their vocabulary (owl's and schema.org's sameAs differ).
  return prefix === 'schema' || prefix === 'fkg' ? words : `${words} (${prefix})`;
}

const prop: (iri: string) => Html = memo((iri) => el('span', { class: 'prop', title: compactIri(iri) }, propertyLabel(iri)));

/**
 * Fragments already rendered while writing many pages of one index: a term, statement or reference renders to the same
 * HTML on every page at the same depth (its links are relative), and most are named on several pages.
 */
class Fragments {
  private readonly byDepth = new Map<string, Map<string, Html>>();

  /** The fragments of pages whose way up to the root is `up` (`../`). */
  at(up: string): Map<string, Html> {
    let map = this.byDepth.get(up);
    if (map === undefined) this.byDepth.set(up, (map = new Map()));
    return map;
  }
}

/** `render()` once per key in `cache`. */
function cached(cache: Map<string, Html>, key: string, render: () => Html): Html {
  let html = cache.get(key);
  if (html === undefined) cache.set(key, (html = render()));
  return html;
}

/** Renders one page: the index, the entity and where the page is (for relative links). */
class PageWriter {
  private readonly up: string;
  private readonly fragments: Map<string, Html>;

  constructor(
    private readonly index: EntityIndex,
    at: string,
    fragments: Fragments = new Fragments(),
  ) {
    this.up = relativeHref(at, '');
    this.fragments = fragments.at(this.up);
  }

  href(iri: string): string | undefined {
    const target = this.index.pathOf(iri);
    return target === undefined ? undefined : this.up + target;
  }

  /** A term as HTML: entities with a page are links, http(s) IRIs external links, literals their text and datatype. */
  term(t: Term): Html {
    if (t.termType === 'NamedNode') return cached(this.fragments, `t ${t.value}`, () => this.namedNode(t));
    if (t.termType === 'Literal') {
      const tag = t.language ? `@${t.language}` : t.datatype.value === `${NS.xsd}string` ? undefined : compactIri(t.datatype.value);
      return h(t.value, tag !== undefined ? h(' ', el('small', { class: 'dt' }, tag)) : undefined);
    }
    return el('code', {}, `_:${t.value}`);
  }

  /** A named node as HTML: its page's link, an external link for http(s) IRIs, else the IRI as code. */
  private namedNode(t: Term): Html {
    const href = this.href(t.value);
    if (href !== undefined) return link(href, this.index.label(t.value));
    // Only http(s) IRIs become links: a graph given with --graph may hold `javascript:` or `data:` IRIs.
    if (/^https?:\/\//i.test(t.value)) {
      const label = this.index.label(t.value);
      const text = compactIri(t.value).replace(/^<(.*)>$/, '$1');
      return h(el('a', { href: t.value }, label === text ? t.value : label), label === text ? undefined : h(' ', el('small', {}, el('code', {}, text))));
    }
    return el('code', {}, t.value);
  }

  /** Values grouped by property, as a definition list (properties by label, values in order). */
  facts(quads: readonly Quad[], pick: (q: Quad) => Term): Html {
    const groups = new Map<string, Quad[]>();
    for (const q of quads) push(groups, q.predicate.value, q);
    const keys = sortedBy([...groups.keys()], (p) => [propertyLabel(p), p]);
    return el(
      'dl',
      { class: 'facts' },
      keys.map((p) => {
        const values = sortedBy((groups.get(p) as Quad[]).map((q) => pick(q)), (t) => [this.sortKey(t)]);
        return h(el('dt', {}, prop(p)), el('dd', {}, el('ul', { class: 'values' }, values.map((v) => el('li', {}, this.term(v))))));
      }),
    );
  }

  /** Orders values: entities by label, literals by their text, then by everything else that tells them apart. */
  sortKey(t: Term): string {
    if (t.termType === 'NamedNode') return `${this.index.label(t.value)}\u0000${t.value}`;
    return t.termType === 'Literal' ? `${t.value}\u0000${t.language}\u0000${t.datatype.value}` : `${t.value}\u0000${t.termType}`;
  }

  /** A reference: the article line(s) and their text, where it was stated, the cited works with their URLs. */
  reference(ref: string): Html {
    return cached(this.fragments, `r ${ref}`, () => this.renderReference(ref));
  }

  private renderReference(ref: string): Html {
    const quads = this.index.bySubject.get(ref) ?? [];
    const one = (local: string) => quads.find((q) => q.predicate.value === local)?.object;
    const all = (local: string) => quads.filter((q) => q.predicate.value === local).map((q) => q.object);
    const line = one(`${FKG}evidenceLine`)?.value;
    const end = one(`${FKG}evidenceEndLine`)?.value;
    const text = one(`${FKG}evidenceText`)?.value;
    const shown = new Set([`${FKG}evidenceLine`, `${FKG}evidenceEndLine`, `${FKG}evidenceText`, `${NS.pr}P248`, `${NS.pr}P854`, `${NS.pr}P813`, `${FKG}citation`, RDF_TYPE]);
    const statedIn = one(`${NS.pr}P248`);
    const url = one(`${NS.pr}P854`);
    const retrieved = one(`${NS.pr}P813`);
    const citations = sortedBy(all(`${FKG}citation`), (t) => [this.sortKey(t)]);
    const where = line !== undefined ? `line${end !== undefined && end !== line ? `s ${line}–${end}` : ` ${line}`}` : undefined;
    return el(
      'li',
      { class: 'ref' },
      h(
        statedIn !== undefined ? h(this.term(statedIn)) : 'source',
        where !== undefined ? `, ${where}` : '',
        url !== undefined ? h(' (', this.term(url), ')') : '',
        retrieved !== undefined ? h(', retrieved ', retrieved.value) : '',
      ),
      text !== undefined ? el('blockquote', {}, text) : undefined,
      citations.length > 0
        ? el(
            'div',
            { class: 'cites' },
            'Cites: ',
            citations.map((c, i) => h(i > 0 ? '; ' : '', this.citation(c))),
          )
        : undefined,
      this.others(quads, shown),
    );
  }

  /** A cited work: its title (a link to its page) and its URL, when the graph has one. */
  citation(c: Term): Html {
    if (c.termType !== 'NamedNode') return this.term(c);
    const urls = (this.index.bySubject.get(c.value) ?? []).filter((q) => q.predicate.value === `${NS.schema}url`).map((q) => q.object);
    return h(this.term(c), urls.map((u) => h(' ', this.term(u))));
  }

  /** Remaining properties of a statement or reference node, as a small list. */
  others(quads: readonly Quad[], shown: ReadonlySet<string>): Html | undefined {
    const rest = quads.filter((q) => !shown.has(q.predicate.value));
    if (rest.length === 0) return undefined;
    return el(
      'ul',
      { class: 'quals' },
      sortedBy(rest, (q) => [propertyLabel(q.predicate.value), this.sortKey(q.object)]).map((q) => el('li', {}, prop(q.predicate.value), ': ', this.term(q.object))),
    );
  }

  /** A Wikidata-style statement: property and main value, qualifiers, other details, rank, and the evidence behind it. */
  statement(stmt: string, owner: { iri: string; property: string } | undefined, withEvidence: boolean): Html {
    return cached(this.fragments, JSON.stringify(['s', stmt, owner?.iri, owner?.property, withEvidence]), () => this.renderStatement(stmt, owner, withEvidence));
  }

  private renderStatement(stmt: string, owner: { iri: string; property: string } | undefined, withEvidence: boolean): Html {
    const quads = this.index.bySubject.get(stmt) ?? [];
    const main = quads.filter((q) => prefixOf(q.predicate.value) === 'ps');
    const valueNodes = quads.filter((q) => prefixOf(q.predicate.value) === 'psv');
    const qualifiers = quads.filter((q) => prefixOf(q.predicate.value) === 'pq');
    const refs = quads.filter((q) => q.predicate.value === DERIVED_FROM).map((q) => q.object.value).sort(compare);
    const rank = quads.find((q) => q.predicate.value === WIKIBASE_RANK)?.object.value;
    const property = owner?.property ?? main[0]?.predicate.value.replace(NS.ps, NS.p) ?? valueNodes[0]?.predicate.value.replace(NS.psv, NS.p);
    const shown = new Set<string>([RDF_TYPE, DERIVED_FROM, WIKIBASE_RANK, ...main.map((q) => q.predicate.value), ...valueNodes.map((q) => q.predicate.value), ...qualifiers.map((q) => q.predicate.value)]);
    const value = (q: Quad) => {
      if (prefixOf(q.predicate.value) !== 'psv' || q.object.termType !== 'NamedNode') return this.term(q.object);
      // A quantity's value node: its amount, bounds and unit, inline.
      const parts = (this.index.bySubject.get(q.object.value) ?? []).filter((v) => v.predicate.value !== RDF_TYPE);
      return h('[', parts.sort((a, b) => compare(a.predicate.value, b.predicate.value)).map((v, i) => h(i > 0 ? ', ' : '', propertyLabel(v.predicate.value), ' ', this.term(v.object))), ']');
    };
    return el(
      'li',
      { class: 'stmt' },
      el(
        'div',
        { class: 'stmt-main' },
        owner !== undefined ? h(this.term({ termType: 'NamedNode', value: owner.iri } as Term), ' · ') : undefined,
        property !== undefined ? prop(property) : 'statement',
        ': ',
        main.length + valueNodes.length > 0
          ? h([...sortedBy(main, (q) => [this.sortKey(q.object)]), ...valueNodes.sort((a, b) => compare(a.object.value, b.object.value))].map((q, i) => h(i > 0 ? ', ' : '', value(q))))
          : el('em', {}, 'no value'),
        rank !== undefined && !rank.endsWith('NormalRank') ? h(' ', el('small', {}, `(${propertyLabel(rank)})`)) : undefined,
      ),
      qualifiers.length > 0
        ? el(
            'ul',
            { class: 'quals' },
            sortedBy(qualifiers, (q) => [propertyLabel(q.predicate.value), this.sortKey(q.object)]).map((q) => el('li', {}, prop(q.predicate.value), ': ', this.term(q.object))),
          )
        : undefined,
      this.others(quads, shown),
      withEvidence && refs.length > 0 ? el('details', {}, el('summary', {}, `Evidence (${refs.length})`), el('ul', { class: 'refs' }, refs.map((r) => this.reference(r)))) : undefined,
    );
  }
}

/** The entity's neighbours for the picture: linked either way, directly or through a statement. */
function neighbours(index: EntityIndex, iri: string, writer: PageWriter): Neighbour[] {
  const found = new Map<string, Set<string>>();
  const add = (other: Term, relation: string) => {
    if (other.termType !== 'NamedNode' || other.value === iri || index.isContentNamed(other.value)) return;
    let set = found.get(other.value);
    if (!set) found.set(other.value, (set = new Set()));
    set.add(relation);
  };
  const statementParts = (stmt: string, skip: string) => {
    for (const s of index.bySubject.get(stmt) ?? []) {
      const prefix = prefixOf(s.predicate.value);
      if (s.object.value !== skip && (prefix === 'ps' || prefix === 'pq')) add(s.object, propertyLabel(s.predicate.value));
    }
  };
  for (const q of index.bySubject.get(iri) ?? []) {
    if (q.predicate.value === RDF_TYPE || q.predicate.value === DERIVED_FROM) continue;
    if (q.object.termType === 'NamedNode' && index.isContentNamed(q.object.value)) statementParts(q.object.value, iri);
    else add(q.object, propertyLabel(q.predicate.value));
  }
  for (const q of index.byObject.get(iri) ?? []) {
    if (!index.isContentNamed(q.subject.value)) {
      add(q.subject, `← ${propertyLabel(q.predicate.value)}`);
      continue;
    }
    // Named in a statement: its owner, and the statement's other values.
    for (const o of index.byObject.get(q.subject.value) ?? []) {
      if (prefixOf(o.predicate.value) === 'p') add(o.subject, `← ${propertyLabel(o.predicate.value)}`);
    }
    statementParts(q.subject.value, iri);
  }
  return [...found].map(([id, relations]) => {
    const href = writer.href(id);
    return { id, label: index.label(id), kind: index.kind(id), relations: [...relations].sort(compare), ...(href !== undefined ? { href } : {}) };
  });
}

/** Extra CSS of the entity pages (the shell's CSS is html.ts's). */
const CSS = `
.types{display:flex;flex-wrap:wrap;gap:.3rem;padding:0;margin:.3rem 0;list-style:none}
.types li{border:1px solid var(--line);border-radius:1rem;padding:0 .6rem;font-size:.85rem;color:var(--muted)}
.iri{color:var(--muted);font-size:.85rem}
.values{list-style:none;margin:0;padding:0}
.prop{font-weight:600}
.dt{color:var(--muted)}
.stmts{list-style:none;padding:0}
.stmt{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .8rem;margin:.5rem 0}
.quals{margin:.3rem 0 0;padding-left:1.2rem;font-size:.95rem}
.refs{padding-left:1.2rem}
.ref blockquote{white-space:pre-wrap;font-size:.9rem}
.cites{font-size:.9rem}
figure{margin:1rem 0}
.pic{overflow-x:auto}
.neighbourhood{width:100%;max-width:720px;height:auto;display:block}
figcaption{color:var(--muted);font-size:.9rem}
details summary{cursor:pointer;color:var(--muted)}
`;

/** One entity's page; `at` is its own page path (URL form, root-relative), from which its links are relative. */
export function entityPage(index: EntityIndex, iri: string, options: EntityPageOptions = {}): string {
  return renderEntityPage(index, iri, options, new Fragments());
}

/** entityPage, reusing the fragments already rendered for other pages of the same index. */
function renderEntityPage(index: EntityIndex, iri: string, options: EntityPageOptions, fragments: Fragments): string {
  const at = index.pathOf(iri) ?? hrefOfFile(index.ownFile(iri) ?? 'entity.html');
  const w = new PageWriter(index, at, fragments);
  const label = index.label(iri);
  const own = index.bySubject.get(iri) ?? [];
  const incoming = index.byObject.get(iri) ?? [];
  const SKIP = new Set([RDF_TYPE, RDFS_LABEL, DERIVED_FROM]);
  const outFacts = own.filter((q) => !SKIP.has(q.predicate.value) && prefixOf(q.predicate.value) !== 'p');
  const statements = sortedBy(
    own.filter((q) => prefixOf(q.predicate.value) === 'p' && q.object.termType === 'NamedNode'),
    (q) => [propertyLabel(q.predicate.value), q.object.value],
  );
  const ownRefs = own.filter((q) => q.predicate.value === DERIVED_FROM).map((q) => q.object.value).sort(compare);
  const inFacts = incoming.filter((q) => !index.isContentNamed(q.subject.value));
  // Statements that name this entity (as value, qualifier or detail), with their owner; references that cite it.
  const named = new Map<string, { iri: string; property: string } | undefined>();
  const citedBy = new Map<string, { iri: string; property: string } | undefined>();
  const ownerOf = (stmt: string) => {
    const q = (index.byObject.get(stmt) ?? []).find((o) => prefixOf(o.predicate.value) === 'p');
    return q ? { iri: q.subject.value, property: q.predicate.value } : undefined;
  };
  for (const q of incoming) {
    if (!index.isContentNamed(q.subject.value)) continue;
    const isReference = (index.bySubject.get(q.subject.value) ?? []).some((s) => s.predicate.value === RDF_TYPE && s.object.value === `${NS.wikibase}Reference`);
    if (!isReference) {
      named.set(q.subject.value, ownerOf(q.subject.value));
      continue;
    }
    for (const user of index.byObject.get(q.subject.value) ?? []) {
      if (user.predicate.value === DERIVED_FROM && index.isContentNamed(user.subject.value)) citedBy.set(user.subject.value, ownerOf(user.subject.value));
    }
  }
  const byOwner = (m: Map<string, { iri: string; property: string } | undefined>) =>
    sortedBy([...m], ([a, o]) => [o ? index.label(o.iri) : '', o ? propertyLabel(o.property) : '', a]);

  const picture = neighbourhoodSvg({ label, kind: index.kind(iri) }, neighbours(index, iri, w));
  const local = localPathOf(iri, index.base) ?? '';
  const root = relativeHref(at, '');
  const sections: Html[] = [];
  sections.push(
    el(
      'section',
      { id: 'neighbourhood' },
      el('h2', {}, 'Neighbourhood'),
      el('figure', {}, el('div', { class: 'pic' }, raw(picture.svg)), el('figcaption', {}, `${picture.shown} linked entit${picture.shown === 1 ? 'y' : 'ies'}${picture.omitted > 0 ? `, ${picture.omitted} more listed below` : ''}; lines join them to ${label}.`)),
    ),
  );
  if (outFacts.length > 0) sections.push(el('section', { id: 'facts' }, el('h2', {}, 'Facts'), w.facts(outFacts, (q) => q.object)));
  if (statements.length > 0) {
    sections.push(el('section', { id: 'statements' }, el('h2', {}, `Statements (${statements.length})`), el('ul', { class: 'stmts' }, statements.map((q) => w.statement(q.object.value, undefined, true)))));
  }
  if (inFacts.length > 0) sections.push(el('section', { id: 'linked-from' }, el('h2', {}, 'Linked from'), w.facts(inFacts, (q) => q.subject)));
  if (named.size > 0) {
    sections.push(el('section', { id: 'named-in' }, el('h2', {}, `Named in statements (${named.size})`), el('ul', { class: 'stmts' }, byOwner(named).map(([s, o]) => w.statement(s, o, true)))));
  }
  if (ownRefs.length > 0) sections.push(el('section', { id: 'evidence' }, el('h2', {}, 'Evidence'), el('ul', { class: 'refs' }, ownRefs.map((r) => w.reference(r)))));
  if (citedBy.size > 0) {
    sections.push(el('section', { id: 'cited-by' }, el('h2', {}, `Evidence for statements (${citedBy.size})`), el('ul', { class: 'stmts' }, byOwner(citedBy).map(([s, o]) => w.statement(s, o, false)))));
  }
  const formats = options.formats
    ? el(
        'ul',
        { class: 'links' },
        [
          ['.ttl', 'Turtle'],
          ['.jsonld', 'JSON-LD'],
          ['.nt', 'N-Triples'],
        ].map(([suffix, name]) => el('li', {}, link(`${local.split('/').pop() ?? ''}${suffix}`, name as string))),
      )
    : undefined;
  const body = h(
    el(
      'header',
      {},
      el('nav', {}, link(`${root}films/index.html`, 'Films'), ' · ', link(`${root}graph.ttl`, 'the whole graph (Turtle)')),
      el('h1', {}, label),
      el('ul', { class: 'types' }, index.types(iri).map((t) => el('li', { title: compactIri(t) }, index.label(t) === compactIri(t).replace(/^<(.*)>$/, '$1') ? propertyLabel(t) : index.label(t)))),
      el('p', { class: 'iri' }, el('code', {}, iri)),
      formats,
    ),
    el('main', {}, sections),
    el('footer', {}, el('p', {}, 'Every fact here is a triple of the graph; the evidence quotes the article line it was read from.')),
  );
  return page({ title: `${label} — filmkg`, description: `${label}: facts, statements and evidence from the filmkg graph`, body, css: CSS });
}

/**
 * Every entity page of the graph, by file path relative to the output folder (`person/Lila_Cazès.html`; links.ts says
 * why files are named with decoded escapes). Films with a film page, statements, references and value nodes get none.
 */
export function renderEntityPages(quads: readonly Quad[], base: string, options: EntityPageOptions = {}): Map<string, string> {
  const index = new EntityIndex(quads, base, options);
  const files = new Map<string, string>();
  const fragments = new Fragments();
  for (const iri of [...index.pages.keys()].sort(compare)) files.set(index.ownFile(iri) as string, renderEntityPage(index, iri, options, fragments));
  return files;
}
