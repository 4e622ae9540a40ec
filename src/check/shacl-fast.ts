// The SHACL fast path: a small SHACL Core interpreter for exactly the constraint components ontology/shapes.ttl uses,
// compiled once from the shapes graph, that answers one question: does the data graph conform? It mirrors
// rdf-validate-shacl 0.6.5 (the validator of record, src/check/shacl.ts) rule for rule, including its readings of the
// specification (ill-typed literals fail sh:datatype, sh:languageIn is a prefix match, rdfs:subClassOf is followed in
// the data graph, values compared through rdf-literal). When the shapes graph uses anything it does not know (another
// component, target, path kind, a shape typed as a class, owl:imports…), compileShapes declines; when a data graph
// would make rdf-validate-shacl itself fail (a cycle of rdfs:subClassOf), fastVerdict declines. Either way the caller
// runs rdf-validate-shacl: the fast path never passes a graph the validator of record would not.
//
// Why by hand: rdf-validate-shacl, clownface and their vocabularies cost ~190 ms of loading and ~480 ms of a cold first
// validation of the bundled graph (building its shapes graph, then JIT warm-up); this file checks the same graph cold in
// a few tens of milliseconds. Equivalence: test/shacl-fast.test.ts (every negative fixture, the corpus, hundreds of
// seeded mutations of the bundled graph, verdict for verdict).
import type { Literal, Quad, Term } from '@rdfjs/types';
import { compareTerms, DATATYPE_CHECKS } from './shacl-literals.js';

const SH = 'http://www.w3.org/ns/shacl#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const OWL_IMPORTS = 'http://www.w3.org/2002/07/owl#imports';
const RDF_TYPE = `${RDF}type`;
const RDF_FIRST = `${RDF}first`;
const RDF_REST = `${RDF}rest`;
const RDF_NIL = `${RDF}nil`;
const SUBCLASS_OF = `${RDFS}subClassOf`;

/** The sh: terms the fast path implements; any other sh: predicate in the shapes graph makes it decline. */
const KNOWN = new Set(
  [
    'targetClass', 'targetSubjectsOf', 'targetObjectsOf',
    'property', 'path', 'alternativePath', 'inversePath', 'deactivated',
    'minCount', 'maxCount', 'datatype', 'class', 'nodeKind', 'in', 'languageIn', 'minLength', 'minInclusive', 'hasValue',
    'or', 'node', 'equals', 'lessThanOrEquals', 'qualifiedValueShape', 'qualifiedMinCount', 'qualifiedMaxCount',
    // Read by rdf-validate-shacl only to word a result (or not at all): no bearing on whether a graph conforms.
    'message', 'severity', 'name', 'description', 'order', 'group',
  ].map((n) => `${SH}${n}`),
);
/** rdf-validate-shacl's sh:nodeKind: the term types each kind admits. */
const NODE_KINDS = new Map<string, ReadonlySet<string>>([
  [`${SH}IRI`, new Set(['NamedNode'])],
  [`${SH}BlankNode`, new Set(['BlankNode'])],
  [`${SH}Literal`, new Set(['Literal'])],
  [`${SH}BlankNodeOrIRI`, new Set(['BlankNode', 'NamedNode'])],
  [`${SH}BlankNodeOrLiteral`, new Set(['BlankNode', 'Literal'])],
  [`${SH}IRIOrLiteral`, new Set(['NamedNode', 'Literal'])],
]);

/** Deeper rdfs:subClassOf chains than this in a data graph: declined (rdf-validate-shacl recurses once per level). */
const MAX_SUBCLASS_DEPTH = 100;

/** Why the fast path cannot answer; the caller then runs rdf-validate-shacl. */
export class Declined extends Error {
  override readonly name = 'Declined';
}

/** A term's identity: IRIs, blank nodes and literals (value, language, datatype) never share a key. */
function termKey(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return `<${term.value}`;
    case 'BlankNode':
      return `_${term.value}`;
    case 'Literal':
      return `"${term.datatype.value}\u0000${term.language}\u0000${term.value}`;
    default:
      return `?${term.termType}\u0000${term.value}`;
  }
}

/**
 * Term ids: one per distinct term (IRIs by value, blank nodes by label, literals by value, datatype and language).
 * Keyed by the terms' own value strings, whose hashes V8 keeps, rather than by a key string built per lookup.
 */
class Terms {
  readonly list: Term[];
  private readonly iris: Map<string, number>;
  private readonly blanks: Map<string, number>;
  /** Literal value → the ids of the literals with that value (usually one). */
  private readonly literals: Map<string, number[]>;

  constructor(from?: Terms) {
    this.list = from ? from.list.slice() : [];
    this.iris = new Map(from?.iris);
    this.blanks = new Map(from?.blanks);
    this.literals = new Map(from ? [...from.literals].map(([k, v]) => [k, v.slice()]) : []);
  }

  id(term: Term): number {
    switch (term.termType) {
      case 'NamedNode':
        return this.simple(this.iris, term);
      case 'BlankNode':
        return this.simple(this.blanks, term);
      case 'Literal': {
        const same = this.literals.get(term.value);
        if (same) {
          for (const id of same) {
            const l = this.list[id] as Literal;
            if (l.language === term.language && l.datatype.value === term.datatype.value) return id;
          }
        }
        const id = this.list.length;
        this.list.push(term);
        if (same) same.push(id);
        else this.literals.set(term.value, [id]);
        return id;
      }
      default:
        throw new Declined(`a ${term.termType} term in the graph (RDF-star or a variable): not one the fast path knows`);
    }
  }

  private simple(map: Map<string, number>, term: Term): number {
    let id = map.get(term.value);
    if (id === undefined) {
      id = this.list.length;
      map.set(term.value, id);
      this.list.push(term);
    }
    return id;
  }
}

type Path =
  | { readonly kind: 'predicate'; readonly id: number }
  | { readonly kind: 'inverse'; readonly id: number }
  | { readonly kind: 'alternative'; readonly paths: readonly Path[] }
  | { readonly kind: 'sequence'; readonly paths: readonly Path[] };

type Check =
  | { readonly kind: 'property'; readonly shape: Shape }
  | { readonly kind: 'minCount' | 'maxCount' | 'minLength'; readonly n: number }
  | { readonly kind: 'datatype'; readonly datatype: string; readonly valid: (value: string) => boolean }
  | { readonly kind: 'class'; readonly id: number }
  | { readonly kind: 'nodeKind'; readonly kinds: ReadonlySet<string> }
  | { readonly kind: 'in'; readonly ids: ReadonlySet<number> }
  | { readonly kind: 'languageIn'; readonly languages: readonly string[] }
  | { readonly kind: 'minInclusive'; readonly bound: Term }
  | { readonly kind: 'hasValue'; readonly id: number }
  | { readonly kind: 'or'; readonly shapes: readonly Shape[] }
  | { readonly kind: 'node'; readonly shape: Shape }
  | { readonly kind: 'equals' | 'lessThanOrEquals'; readonly id: number }
  | { readonly kind: 'qualifiedMin' | 'qualifiedMax'; readonly shape: Shape; readonly n: number; readonly literal: boolean };

interface Shape {
  readonly name: string;
  deactivated: boolean;
  path: Path | undefined;
  readonly checks: Check[];
}

type Target = { readonly kind: 'class'; readonly id: number } | { readonly kind: 'subjectsOf' | 'objectsOf'; readonly id: number };

/** A shapes graph compiled for the fast path. */
export interface CompiledShapes {
  readonly targeted: ReadonlyArray<{ readonly shape: Shape; readonly targets: readonly Target[] }>;
  /** The terms the shapes name, interned with fixed ids (the data's own terms are numbered after them). */
  readonly constants: Terms;
  readonly typeId: number;
  readonly subclassId: number;
  /** The predicates whose triples are looked up by object (inverse paths, rdf:type for targets, rdfs:subClassOf). */
  readonly byObject: ReadonlySet<number>;
  /** The predicates whose subjects or objects are targets (and rdfs:subClassOf, whose objects are walked). */
  readonly byPredicate: ReadonlySet<number>;
}

/**
 * Compiles a shapes graph, or throws Declined naming what the fast path does not know. Mirrors how rdf-validate-shacl
 * reads shapes: the shapes with a target (sh:targetClass, sh:targetSubjectsOf, sh:targetObjectsOf), each constraint
 * parameter value a constraint of its own, the qualified counts paired with every sh:qualifiedValueShape.
 */
export function compileShapes(quads: Iterable<Quad>): CompiledShapes {
  const out = new Map<string, Map<string, Term[]>>();
  const subjectOf = new Map<string, Term>();
  for (const q of quads) {
    const p = q.predicate.value;
    if (p.startsWith(SH) && !KNOWN.has(p)) throw new Declined(`the shapes use ${p}, which the fast path does not implement`);
    if (p === SUBCLASS_OF) throw new Declined('the shapes graph has rdfs:subClassOf triples (shapes may then be classes with implicit targets)');
    if (p === OWL_IMPORTS) throw new Declined('the shapes graph imports other graphs (owl:imports)');
    if (p === RDF_TYPE && q.object.termType === 'NamedNode' && q.object.value === `${RDFS}Class`) {
      throw new Declined(`${q.subject.value} is a class in the shapes graph (a shape that is a class has implicit targets)`);
    }
    const s = termKey(q.subject);
    let byP = out.get(s);
    if (!byP) {
      out.set(s, (byP = new Map()));
      subjectOf.set(s, q.subject);
    }
    const list = byP.get(p);
    if (!list) byP.set(p, [q.object]);
    else if (!list.some((t) => t.equals(q.object))) list.push(q.object);
  }
  const values = (node: Term, p: string): Term[] => out.get(termKey(node))?.get(p) ?? [];
  const constants = new Terms();
  const intern = (term: Term): number => constants.id(term);
  const iri = (value: string): Term => ({ termType: 'NamedNode', value, equals: (o: Term | null | undefined) => !!o && o.termType === 'NamedNode' && o.value === value }) as Term;
  const typeId = intern(iri(RDF_TYPE));
  const subclassId = intern(iri(SUBCLASS_OF));
  const byObject = new Set([typeId, subclassId]);
  const byPredicate = new Set([subclassId]);

  const list = (head: Term, what: string): Term[] => {
    const items: Term[] = [];
    const seen = new Set<string>();
    for (let node = head; !(node.termType === 'NamedNode' && node.value === RDF_NIL); ) {
      const k = termKey(node);
      const first = values(node, RDF_FIRST);
      const rest = values(node, RDF_REST);
      if (seen.has(k) || first.length !== 1 || rest.length !== 1) throw new Declined(`${what}: not a well-formed RDF list`);
      seen.add(k);
      items.push(first[0]!);
      node = rest[0]!;
    }
    return items;
  };

  const path = (term: Term, depth = 0): Path => {
    if (depth > 20) throw new Declined('a property path nested too deep');
    if (term.termType === 'NamedNode') return { kind: 'predicate', id: intern(term) };
    if (term.termType !== 'BlankNode') throw new Declined(`a property path that is a ${term.termType}`);
    const first = values(term, RDF_FIRST).length > 0;
    const alt = values(term, `${SH}alternativePath`);
    const inv = values(term, `${SH}inversePath`);
    if (Number(first) + Number(alt.length > 0) + Number(inv.length > 0) !== 1) throw new Declined(`the property path ${term.value} is of no single kind the fast path knows`);
    if (first) return { kind: 'sequence', paths: list(term, 'a sequence path').map((t) => path(t, depth + 1)) };
    if (alt.length === 1) return { kind: 'alternative', paths: list(alt[0]!, 'an alternative path').map((t) => path(t, depth + 1)) };
    if (inv.length === 1 && inv[0]!.termType === 'NamedNode') {
      const id = intern(inv[0]!);
      byObject.add(id);
      return { kind: 'inverse', id };
    }
    throw new Declined(`the property path ${term.value}: an inverse or alternative path the fast path does not know`);
  };

  const compiled = new Map<string, Shape>();
  const open = new Set<string>();
  const shape = (node: Term): Shape => {
    const k = termKey(node);
    const known = compiled.get(k);
    if (known) return known;
    if (open.has(k)) throw new Declined(`the shape ${node.value} reaches itself`);
    if (node.termType === 'Literal') throw new Declined(`a literal used as a shape: ${node.value}`);
    open.add(k);
    const deactivated = values(node, `${SH}deactivated`);
    const paths = values(node, `${SH}path`);
    if (paths.length > 1) throw new Declined(`the shape ${node.value} has ${paths.length} sh:path values`);
    const s: Shape = { name: node.value, deactivated: deactivated.length === 1 && deactivated[0]!.value === 'true', path: paths[0] ? path(paths[0]) : undefined, checks: [] };
    const onProperty = (what: string): void => {
      if (!s.path) throw new Declined(`sh:${what} on the node shape ${node.value} (rdf-validate-shacl has no node validator for it)`);
    };
    const param = (name: string): Term[] => values(node, `${SH}${name}`);
    for (const t of param('property')) s.checks.push({ kind: 'property', shape: shape(t) });
    for (const name of ['minCount', 'maxCount'] as const) {
      for (const t of param(name)) {
        onProperty(name);
        s.checks.push({ kind: name, n: Number(t.value) });
      }
    }
    for (const t of param('minLength')) s.checks.push({ kind: 'minLength', n: Number(t.value) });
    for (const t of param('datatype')) {
      const valid = t.termType === 'NamedNode' ? DATATYPE_CHECKS.get(t.value) : undefined;
      if (!valid) throw new Declined(`sh:datatype ${t.value}: a datatype the fast path has no lexical check for`);
      s.checks.push({ kind: 'datatype', datatype: t.value, valid });
    }
    for (const t of param('class')) s.checks.push({ kind: 'class', id: intern(t) });
    for (const t of param('nodeKind')) s.checks.push({ kind: 'nodeKind', kinds: (t.termType === 'NamedNode' && NODE_KINDS.get(t.value)) || new Set() });
    const ins = param('in');
    if (ins.length > 1) throw new Declined(`the shape ${node.value} has ${ins.length} sh:in lists`);
    for (const t of ins) s.checks.push({ kind: 'in', ids: new Set(list(t, 'sh:in').map(intern)) });
    for (const t of param('languageIn')) s.checks.push({ kind: 'languageIn', languages: list(t, 'sh:languageIn').map((l) => l.value) });
    for (const t of param('minInclusive')) s.checks.push({ kind: 'minInclusive', bound: t });
    for (const t of param('hasValue')) s.checks.push({ kind: 'hasValue', id: intern(t) });
    for (const t of param('or')) s.checks.push({ kind: 'or', shapes: list(t, 'sh:or').map(shape) });
    for (const t of param('node')) s.checks.push({ kind: 'node', shape: shape(t) });
    for (const name of ['equals', 'lessThanOrEquals'] as const) {
      for (const t of param(name)) {
        onProperty(name);
        s.checks.push({ kind: name, id: intern(t) });
      }
    }
    // rdf-validate-shacl pairs every sh:qualifiedValueShape with every count (a constraint is complete with both).
    for (const q of param('qualifiedValueShape')) {
      for (const [name, kind] of [['qualifiedMinCount', 'qualifiedMin'], ['qualifiedMaxCount', 'qualifiedMax']] as const) {
        for (const t of param(name)) {
          onProperty(name);
          s.checks.push({ kind, shape: shape(q), n: Number(t.value), literal: t.termType === 'Literal' });
        }
      }
    }
    open.delete(k);
    compiled.set(k, s);
    return s;
  };

  const targeted: Array<{ shape: Shape; targets: Target[] }> = [];
  const seen = new Set<string>();
  for (const [k, byP] of out) {
    const targets: Target[] = [];
    for (const t of byP.get(`${SH}targetClass`) ?? []) targets.push({ kind: 'class', id: intern(t) });
    for (const t of byP.get(`${SH}targetSubjectsOf`) ?? []) targets.push({ kind: 'subjectsOf', id: intern(t) });
    for (const t of byP.get(`${SH}targetObjectsOf`) ?? []) targets.push({ kind: 'objectsOf', id: intern(t) });
    for (const t of targets) if (t.kind !== 'class') byPredicate.add(t.id);
    if (targets.length === 0 || seen.has(k)) continue;
    seen.add(k);
    targeted.push({ shape: shape(subjectOf.get(k)!), targets });
  }
  return { targeted, constants, typeId, subclassId, byObject, byPredicate };
}

const EMPTY: readonly number[] = [];
/** Beyond this many objects of one subject and predicate, a set keeps adding a triple constant-time. */
const SCAN = 16;

/**
 * The data graph as term ids: subject → predicate → objects; object → predicate → subjects and predicate → subjects
 * and objects, for the predicates the shapes look up that way.
 */
class DataIndex {
  private readonly ids: Terms;
  readonly terms: Term[];
  readonly out = new Map<number, Map<number, number[]>>();
  readonly in = new Map<number, Map<number, number[]>>();
  readonly subjectsOf = new Map<number, number[]>();
  readonly objectsOf = new Map<number, number[]>();
  private readonly long = new Map<number[], Set<number>>();
  hasSubclassTriples = false;

  constructor(shapes: CompiledShapes, quads: readonly Quad[]) {
    this.ids = new Terms(shapes.constants);
    this.terms = this.ids.list;
    for (const q of quads) {
      const s = this.ids.id(q.subject);
      const p = this.ids.id(q.predicate);
      const o = this.ids.id(q.object);
      if (!add(this.out, s, p, o, this.long)) continue; // the same triple again (another graph, or repeated)
      if (shapes.byObject.has(p)) add(this.in, o, p, s);
      if (shapes.byPredicate.has(p)) {
        push(this.subjectsOf, p, s);
        push(this.objectsOf, p, o);
      }
      if (p === shapes.subclassId) this.hasSubclassTriples = true;
    }
  }
}

function add(index: Map<number, Map<number, number[]>>, a: number, b: number, c: number, long?: Map<number[], Set<number>>): boolean {
  let byB = index.get(a);
  if (!byB) index.set(a, (byB = new Map()));
  const list = byB.get(b);
  if (!list) {
    byB.set(b, [c]);
    return true;
  }
  if (long) {
    if (list.length < SCAN) {
      if (list.includes(c)) return false;
    } else {
      let set = long.get(list);
      if (!set) long.set(list, (set = new Set(list)));
      if (set.has(c)) return false;
      set.add(c);
    }
  }
  list.push(c);
  return true;
}

function push(map: Map<number, number[]>, k: number, v: number): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

/** One validation: the data index, the class closures asked so far, and the verdict of each shape on each node. */
class Run {
  private readonly subclasses = new Map<number, ReadonlySet<number>>();

  constructor(
    private readonly shapes: CompiledShapes,
    private readonly data: DataIndex,
  ) {}

  /** True when every focus node of every targeted shape conforms. */
  conforms(): boolean {
    for (const { shape, targets } of this.shapes.targeted) {
      if (shape.deactivated) continue;
      const focus = new Set<number>();
      for (const t of targets) {
        if (t.kind === 'class') {
          for (const c of this.classAndSubclasses(t.id)) for (const n of this.data.in.get(c)?.get(this.shapes.typeId) ?? EMPTY) focus.add(n);
        } else {
          for (const n of (t.kind === 'subjectsOf' ? this.data.subjectsOf : this.data.objectsOf).get(t.id) ?? EMPTY) focus.add(n);
        }
      }
      for (const n of focus) if (!this.check(shape, n)) return false;
    }
    return true;
  }

  /** rdf-validate-shacl's getSubClassesOf(c) with c: through rdfs:subClassOf in the data graph, as deep as it goes. */
  private classAndSubclasses(c: number): ReadonlySet<number> {
    if (!this.data.hasSubclassTriples) return new Set([c]);
    const known = this.subclasses.get(c);
    if (known) return known;
    const all = new Set<number>([c]);
    const walk = (k: number): void => {
      for (const sub of this.data.in.get(k)?.get(this.shapes.subclassId) ?? EMPTY) {
        if (all.has(sub)) continue;
        all.add(sub);
        walk(sub); // at most MAX_SUBCLASS_DEPTH deep: checked before the run (checkSubclassGraph)
      }
    };
    walk(c);
    this.subclasses.set(c, all);
    return all;
  }

  private isInstance(node: number, c: number): boolean {
    const classes = this.classAndSubclasses(c);
    const types = this.data.out.get(node)?.get(this.shapes.typeId);
    return types !== undefined && types.some((t) => classes.has(t));
  }

  private values(path: Path, node: number): readonly number[] {
    switch (path.kind) {
      case 'predicate':
        return this.data.out.get(node)?.get(path.id) ?? EMPTY;
      case 'inverse':
        return this.data.in.get(node)?.get(path.id) ?? EMPTY;
      case 'alternative': {
        const all = new Set<number>();
        for (const p of path.paths) for (const v of this.values(p, node)) all.add(v);
        return [...all];
      }
      case 'sequence': {
        let frontier: readonly number[] = [node];
        for (const p of path.paths) {
          const next = new Set<number>();
          for (const n of frontier) for (const v of this.values(p, n)) next.add(v);
          frontier = [...next];
        }
        return frontier;
      }
    }
  }

  /** Whether `node` conforms to `shape` (rdf-validate-shacl's nodeConformsToShape, which a targeted node also goes through). */
  check(shape: Shape, node: number): boolean {
    if (shape.deactivated) return true;
    const values = shape.path ? this.values(shape.path, node) : [node];
    const terms = this.data.terms;
    for (const c of shape.checks) {
      switch (c.kind) {
        case 'property':
          if (!values.every((v) => this.check(c.shape, v))) return false;
          break;
        case 'minCount':
          if (!(values.length >= c.n)) return false;
          break;
        case 'maxCount':
          if (!(values.length <= c.n)) return false;
          break;
        case 'minLength':
          if (!values.every((v) => terms[v]!.termType !== 'BlankNode' && terms[v]!.value.length >= c.n)) return false;
          break;
        case 'datatype':
          if (!values.every((v) => terms[v]!.termType === 'Literal' && (terms[v] as Literal).datatype.value === c.datatype && c.valid(terms[v]!.value))) return false;
          break;
        case 'class':
          if (!values.every((v) => this.isInstance(v, c.id))) return false;
          break;
        case 'nodeKind':
          if (!values.every((v) => c.kinds.has(terms[v]!.termType))) return false;
          break;
        case 'in':
          if (!values.every((v) => c.ids.has(v))) return false;
          break;
        case 'languageIn':
          if (!values.every((v) => terms[v]!.termType === 'Literal' && (terms[v] as Literal).language !== '' && c.languages.some((l) => (terms[v] as Literal).language.startsWith(l)))) return false;
          break;
        case 'minInclusive':
          if (!values.every((v) => { const r = compareTerms(terms[v], c.bound); return r !== null && r >= 0; })) return false; // prettier-ignore
          break;
        case 'hasValue':
          if (shape.path ? !values.includes(c.id) : node !== c.id) return false;
          break;
        case 'or':
          if (!values.every((v) => c.shapes.some((s) => this.check(s, v)))) return false;
          break;
        case 'node':
          if (!values.every((v) => this.check(c.shape, v))) return false;
          break;
        case 'equals': {
          const other = this.data.out.get(node)?.get(c.id) ?? EMPTY;
          if (!values.every((v) => other.includes(v)) || !other.every((o) => values.includes(o))) return false;
          break;
        }
        case 'lessThanOrEquals': {
          const refs = this.data.out.get(node)?.get(c.id) ?? EMPTY;
          for (const v of values) {
            for (const r of refs) {
              const cmp = compareTerms(terms[v], terms[r]);
              if (cmp === null || cmp > 0) return false;
            }
          }
          break;
        }
        case 'qualifiedMin':
        case 'qualifiedMax': {
          if (!c.literal) return false;
          const count = values.filter((v) => this.check(c.shape, v)).length;
          if (c.kind === 'qualifiedMin' ? !(count >= c.n) : !(count <= c.n)) return false;
          break;
        }
      }
    }
    return true;
  }
}

/**
 * Whether `quads` conform to the compiled shapes: true or false, exactly as rdf-validate-shacl would find any result or
 * none; throws Declined for a data graph rdf-validate-shacl itself cannot validate (a cycle of rdfs:subClassOf).
 */
export function fastConforms(shapes: CompiledShapes, quads: readonly Quad[]): boolean {
  const data = new DataIndex(shapes, quads);
  if (data.hasSubclassTriples) checkSubclassGraph(data, shapes.subclassId);
  return new Run(shapes, data).conforms();
}

/**
 * Declines a data graph whose rdfs:subClassOf triples form a cycle or a chain deeper than MAX_SUBCLASS_DEPTH:
 * rdf-validate-shacl follows them by unguarded recursion, so such a graph makes it fail (a stack overflow) wherever a
 * class is looked up, and the fast path leaves that outcome to it.
 */
function checkSubclassGraph(data: DataIndex, subclassId: number): void {
  const depth = new Map<number, number>(); // finished nodes: the longest chain of subclasses below them
  const onStack = new Set<number>();
  const visit = (k: number): number => {
    const known = depth.get(k);
    if (known !== undefined) return known;
    if (onStack.has(k)) throw new Declined('a cycle of rdfs:subClassOf in the data graph');
    if (onStack.size > MAX_SUBCLASS_DEPTH) throw new Declined('an rdfs:subClassOf chain deeper than the fast path follows');
    onStack.add(k);
    let d = 0;
    for (const sub of data.in.get(k)?.get(subclassId) ?? EMPTY) d = Math.max(d, visit(sub) + 1);
    if (d > MAX_SUBCLASS_DEPTH) throw new Declined('an rdfs:subClassOf chain deeper than the fast path follows');
    onStack.delete(k);
    depth.set(k, d);
    return d;
  };
  for (const o of data.objectsOf.get(subclassId) ?? EMPTY) visit(o);
}
