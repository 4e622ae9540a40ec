// The mappers' shared toolkit: an Emitter collects one mapper's triples and writes entities, Wikidata-style statements and provenance the one way docs/graph-model.md describes.
import type { Decision, Evidence, FilmFacts } from '../facts/model.js';
import type { IriMinter } from '../iri.js';
import { boolean, date, dateTime, integer, langString, string } from '../literals.js';
import { triple, type Literal, type NamedNode, type Quad, type Quad_Object, type Term } from '../rdf.js';
import { CONFIRMED_LINKS, WIKIDATA_ITEMS, fkg, owl, p, pr, prov, ps, psv, rdf, rdfs, schema, wd, wdt, wikibase, type LinkKind, type Pid, type Qid } from '../vocab.js';

/** Language of every label: the source articles are English Wikipedia. */
export const LABEL_LANGUAGE = 'en';

/** What a mapper needs besides the facts: the IRI minter (holds the base). */
export interface MapContext {
  readonly iri: IriMinter;
}

/** One mapping domain: a pure function from a film's facts to triples. */
export interface Mapper {
  /** Short name, for reports and tests. */
  readonly name: string;
  /** Maps the facts; no I/O, no state kept between calls. */
  map(facts: FilmFacts, context: MapContext): Quad[];
}

/** Where a claim was read: the fact's evidence (one or more spans) and/or the curation decision behind it. */
export interface Source {
  readonly evidence?: Evidence | readonly Evidence[];
  readonly decision?: Decision | undefined;
}

/** A qualifier of a statement: a `pq:` property or a local one, and its value. */
export type Qualifier = readonly [NamedNode, Quad_Object];

/** Options of a statement. */
export interface StatementOptions {
  /** Qualifiers (order does not matter: they are sorted for the statement's name). */
  readonly qualifiers?: readonly Qualifier[];
  /** A full value node (`psv:`), given as its triples' predicate/object pairs. */
  readonly valueNode?: ReadonlyArray<readonly [NamedNode, Quad_Object]>;
}

/** A term's key in the order of a statement's qualifiers. */
function orderKey(t: Term): string {
  return t.termType === 'Literal' ? `"${t.value}"${t.language}${t.datatype.value}` : t.value;
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Qualifiers by property, then value (their keys made once each, not at every comparison; the sort is stable). */
function sortQualifiers(qualifiers: readonly Qualifier[]): Qualifier[] {
  if (qualifiers.length < 2) return [...qualifiers];
  const keyed = qualifiers.map((q) => ({ q, p: orderKey(q[0]), v: orderKey(q[1]) }));
  keyed.sort((a, b) => compareKeys(a.p, b.p) || compareKeys(a.v, b.v));
  return keyed.map((k) => k.q);
}

/**
 * Collects the triples of one mapper run over one film. Entities shared with other mappers (a person,
 * a place) may be written by several; the graph stage removes duplicates.
 */
export class Emitter {
  readonly quads: Quad[] = [];
  readonly facts: FilmFacts;
  readonly iri: IriMinter;
  readonly slug: string;
  readonly film: NamedNode;
  readonly article: NamedNode;
  /** Nodes whose description this emitter already wrote (by kind, their IRIs), so repeated calls add nothing. */
  private readonly done = new Map<string, Set<string>>();
  /** Reference nodes already written, by evidence object and decision id: most facts cite one span many times. */
  private readonly references = new WeakMap<Evidence, Map<string, NamedNode>>();
  /** What every reference node of this film states first: the article revision, its URL, the retrieval date. */
  private readonly source: ReadonlyArray<readonly [NamedNode, Quad_Object]>;
  /** Citation numbers the extractor found no reference for (its reference:unlisted diagnostics): never linked. */
  private readonly unlisted: ReadonlySet<number>;

  constructor(facts: FilmFacts, context: MapContext) {
    this.facts = facts;
    this.iri = context.iri;
    this.slug = facts.source.slug;
    this.film = context.iri.film(this.slug);
    this.article = context.iri.inFilm(this.slug, 'article');
    this.unlisted = new Set(facts.diagnostics.filter((d) => d.code === 'reference:unlisted' && d.path?.startsWith('references.')).flatMap((d) => (d.path ?? '').slice('references.'.length).split(',').map(Number)));
    this.source = [
      [pr.P248, this.article],
      [pr.P854, context.iri.external(facts.source.url)],
      ...(facts.source.retrieved !== undefined ? [[pr.P813, date(facts.source.retrieved)] as const] : []),
    ];
  }

  /** Adds one triple. */
  add(subject: NamedNode, predicate: NamedNode, object: Quad_Object): void {
    this.quads.push(triple(subject, predicate, object));
  }

  /** Adds a plain string value. */
  text(subject: NamedNode, predicate: NamedNode, value: string): void {
    this.add(subject, predicate, string(value));
  }

  /** True the first time `kind` + `node` is seen by this emitter (so a description is written once). */
  private first(kind: string, node: NamedNode): boolean {
    let done = this.done.get(kind);
    if (done === undefined) this.done.set(kind, (done = new Set()));
    if (done.has(node.value)) return false;
    done.add(node.value);
    return true;
  }

  /** `rdf:type` for each class and an `rdfs:label` in English: what every entity has. */
  entity(node: NamedNode, types: NamedNode | readonly NamedNode[], label: string): NamedNode {
    for (const type of Array.isArray(types) ? types : [types as NamedNode]) this.add(node, rdf.type, type);
    this.add(node, rdfs.label, langString(label, LABEL_LANGUAGE));
    return node;
  }

  /** An entity whose label is its name: also `schema:name`. */
  named(node: NamedNode, types: NamedNode | readonly NamedNode[], name: string): NamedNode {
    this.entity(node, types, name);
    this.text(node, schema.name, name);
    return node;
  }

  /** A person (global node), with confirmed links. */
  person(name: string): NamedNode {
    const node = this.iri.person(name);
    if (!this.first('person', node)) return node;
    this.named(node, schema.Person, name);
    this.link(node, 'person', name);
    return node;
  }

  /** An organisation (global node); `kinds` are the curation kinds that may link it. */
  organization(name: string, type: NamedNode = schema.Organization, kinds: readonly LinkKind[] = ['organisation', 'aggregator']): NamedNode {
    const node = this.iri.organization(name);
    if (!this.first(`organization ${type.value}`, node)) return node;
    this.named(node, type, name);
    for (const kind of kinds) this.link(node, kind, name);
    return node;
  }

  /** A performer or writer credited by name: a MusicGroup if curation names it an organisation, else a Person. */
  artist(name: string): NamedNode {
    const isGroup = this.facts.externalIds.some((x) => x.kind === 'organisation' && x.name === name);
    return isGroup ? this.organization(name, schema.MusicGroup) : this.person(name);
  }

  /** A confirmed Wikidata item used as a value (a class, a method), labelled with its label from src/vocab.ts. */
  item(qid: Qid): NamedNode {
    const node = wd[qid];
    if (!this.first('item', node)) return node;
    this.add(node, rdfs.label, langString(WIKIDATA_ITEMS[qid], LABEL_LANGUAGE));
    return node;
  }

  /** A place (global node); `country` adds schema:Country. */
  place(name: string, country = false): NamedNode {
    const node = this.iri.place(name);
    if (!this.first(country ? 'country' : 'place', node)) return node;
    this.named(node, country ? [schema.Place, schema.Country] : schema.Place, name);
    this.link(node, 'place', name);
    return node;
  }

  /** A language (global node). */
  language(name: string): NamedNode {
    const node = this.iri.language(name);
    if (!this.first('language', node)) return node;
    this.named(node, schema.Language, name);
    this.link(node, 'language', name);
    return node;
  }

  /**
   * Links `node` to Wikidata (`owl:sameAs` and `schema:sameAs`) and IMDb (`schema:sameAs`) when the
   * film's curation externalIds or the confirmed links of src/vocab.ts name it. Curation wins.
   */
  link(node: NamedNode, kind: LinkKind, name: string): void {
    const curated = this.facts.externalIds.find((x) => x.kind === kind && x.name === name);
    const confirmed = CONFIRMED_LINKS.find((x) => x.kind === kind && x.name === name);
    const wikidata = curated?.wikidata ?? confirmed?.wikidata;
    const imdb = curated?.imdb ?? confirmed?.imdb;
    if (wikidata !== undefined) {
      const item = this.iri.wikidata(wikidata);
      this.add(node, owl.sameAs, item);
      this.add(node, schema.sameAs, item);
    }
    if (imdb !== undefined) {
      this.add(node, schema.sameAs, this.iri.imdb(imdb));
      if (curated?.imdb !== undefined) this.statement(node, 'P345', string(imdb), [{ decision: curated.decision }]);
    }
  }

  /**
   * A Wikidata-style statement: `subject p:Pn stmt`, `stmt ps:Pn value` with qualifiers and a
   * `prov:wasDerivedFrom` reference per source, and the truthy `subject wdt:Pn value`. Without a
   * `value` (a range), only the value node carries it and no truthy triple is written.
   */
  statement(subject: NamedNode, pid: Pid, value: Quad_Object | undefined, sources: readonly Source[], options: StatementOptions = {}): NamedNode {
    const qualifiers = sortQualifiers(options.qualifiers ?? []);
    const valueNode = options.valueNode ? this.iri.value(options.valueNode.flat()) : undefined;
    const content: Term[] = [subject];
    if (value) content.push(value);
    if (valueNode) content.push(valueNode);
    for (const [q, v] of qualifiers) content.push(q, v);
    const stmt = this.iri.statement(pid, content);
    this.add(subject, p[pid], stmt);
    this.add(stmt, rdf.type, wikibase.Statement);
    this.add(stmt, wikibase.rank, wikibase.NormalRank);
    if (value) {
      this.add(stmt, rdf.type, wikibase.BestRank);
      this.add(stmt, ps[pid], value);
      this.add(subject, wdt[pid], value);
    }
    if (valueNode && options.valueNode) {
      this.add(stmt, psv[pid], valueNode);
      this.add(valueNode, rdf.type, wikibase.QuantityValue);
      for (const [q, v] of options.valueNode) this.add(valueNode, q, v);
    }
    for (const [q, v] of qualifiers) this.add(stmt, q, v);
    if (sources.length === 0) throw new Error(`statement ${pid} on ${subject.value} has no source: every statement needs provenance`);
    for (const source of sources) this.derive(stmt, source);
    return stmt;
  }

  /** `node prov:wasDerivedFrom <reference>` for each evidence span of `source` (or its decision alone). */
  derive(node: NamedNode, source: Source): void {
    const spans = source.evidence === undefined ? [] : Array.isArray(source.evidence) ? (source.evidence as readonly Evidence[]) : [source.evidence as Evidence];
    if (spans.length === 0) {
      if (!source.decision) throw new Error(`${node.value}: a source needs evidence or a decision`);
      this.add(node, prov.wasDerivedFrom, this.reference(undefined, source.decision));
      return;
    }
    for (const ev of spans) this.add(node, prov.wasDerivedFrom, this.reference(ev, source.decision));
  }

  /** The reference node for one evidence span (and decision): named by its content, so equal evidence gives one node. */
  reference(ev: Evidence | undefined, decision: Decision | undefined): NamedNode {
    const known = ev ? this.references.get(ev)?.get(decision?.id ?? '') : undefined;
    if (known) return known;
    const pairs: Array<readonly [NamedNode, Quad_Object]> = [...this.source];
    if (ev) {
      pairs.push([fkg.evidenceLine, integer(ev.line)], [fkg.evidenceEndLine, integer(ev.endLine)], [fkg.evidenceText, string(ev.text)]);
      // An opening without its references list cites numbers it does not list: the marker stays in the evidence text,
      // with no link to a reference node that would have nothing to say (extraction reports reference:unlisted).
      for (const n of ev.refs) if (!this.unlisted.has(n)) pairs.push([fkg.citation, this.iri.inFilm(this.slug, 'citation', n)]);
      for (const id of ev.notes) {
        const note = this.facts.footnotes.find((f) => f.id === id);
        if (note) pairs.push([fkg.footnote, string(note.text)]);
      }
    }
    if (decision) pairs.push([fkg.curationDecision, this.decision(decision)]);
    const content: Term[] = [];
    for (const [q, v] of pairs) content.push(q, v);
    const ref = this.iri.reference(content);
    if (ev) {
      let byDecision = this.references.get(ev);
      if (!byDecision) this.references.set(ev, (byDecision = new Map()));
      byDecision.set(decision?.id ?? '', ref);
    }
    if (!this.first('reference', ref)) return ref;
    this.add(ref, rdf.type, wikibase.Reference);
    for (const [q, v] of pairs) this.add(ref, q, v);
    return ref;
  }

  /** The node of a curation decision. */
  decision(decision: Decision): NamedNode {
    const node = this.iri.inFilm(this.slug, 'decision', decision.id);
    if (!this.first('decision', node)) return node;
    this.entity(node, fkg.CurationDecision, decision.id);
    this.text(node, schema.description, decision.reason);
    // A decision of the extractor's rules (src/extract/rules.ts) names them; a reviewed curation entry names none.
    for (const rule of decision.rules ?? []) this.add(node, fkg.decisionRule, string(rule));
    return node;
  }

  /** A boolean value. */
  flag(subject: NamedNode, predicate: NamedNode, value: boolean): void {
    this.add(subject, predicate, boolean(value));
  }

  /** The article revision's date-time literal; undefined when the text gave no revision line (unknown, never guessed). */
  revision(): Literal | undefined {
    const revision = this.facts.source.revision;
    return revision ? dateTime(revision.dateTime) : undefined;
  }
}
