// An indexed RDF/JS DatasetCore for the SHACL validator: its data graph, its shapes graph and its report.
//
// rdf-validate-shacl reaches every triple through `dataset.match(…)`, tens of times per focus node. Both datasets it is
// given by default answer a match by building a whole new indexed dataset of the matches (N3.Store a store, with its own
// id tables; @rdfjs/dataset a DatasetCore, re-adding each quad), and N3.Store rebuilds every matched term from its id:
// measured on the bundled graph with 4,000 extra accolade rows, that was most of the check's time and garbage. Here a
// match is a lookup in three hash indexes (subject → predicate, predicate → object, object) that hands back the stored
// quads themselves in a plain read-only array dataset. Same answers, same set semantics (a quad is stored once).
import type { DatasetCore, Quad, Term } from '@rdfjs/types';

/** A term's identity as a string: IRIs, blank nodes and literals (with language and datatype) never collide. */
function key(term: Term): string {
  switch (term.termType) {
    case 'NamedNode':
      return term.value; // an IRI never starts with < or " (Turtle and N-Triples forbid both in IRIs)
    case 'BlankNode':
      return `<${term.value}`;
    case 'Literal':
      return `"${term.value}"${term.language}^${term.datatype.value}`;
    case 'DefaultGraph':
      return '';
    default:
      return `?${term.value}`;
  }
}

type Pattern = Term | null | undefined;

function fits(q: Quad, s: Pattern, p: Pattern, o: Pattern, g: Pattern): boolean {
  return (!s || q.subject.equals(s)) && (!p || q.predicate.equals(p)) && (!o || q.object.equals(o)) && (!g || q.graph.equals(g));
}

/** The matches of a pattern: a read-only dataset over an array (what the validator and clownface iterate). */
class Matches implements DatasetCore {
  constructor(private readonly quads: readonly Quad[]) {}

  get size(): number {
    return this.quads.length;
  }

  has(quad: Quad): boolean {
    return this.quads.some((q) => q.equals(quad));
  }

  match(subject?: Pattern, predicate?: Pattern, object?: Pattern, graph?: Pattern): DatasetCore {
    return new Matches(this.quads.filter((q) => fits(q, subject, predicate, object, graph)));
  }

  add(): this {
    throw new Error('the matches of a pattern are read-only');
  }

  delete(): this {
    throw new Error('the matches of a pattern are read-only');
  }

  [Symbol.iterator](): Iterator<Quad> {
    return this.quads[Symbol.iterator]();
  }
}

const NONE = new Matches([]);

/** Beyond this many objects of one subject and predicate, a set of their keys keeps adding a quad constant-time. */
const SCAN = 8;

/**
 * An indexed dataset: match by subject (and predicate) from the index built as quads are added; by predicate (and
 * object) or by object alone from indexes built on the first such match. Each result costs constant time.
 */
export class IndexedDataset implements DatasetCore {
  private all: Quad[] = [];
  private bySubject: Map<string, Map<string, Quad[]>> | undefined;
  /** Object keys of the (subject, predicate) lists longer than SCAN. */
  private long: Map<Quad[], Set<string>> | undefined;
  private byPredicate: Map<string, Map<string, Quad[]>> | undefined;
  private byObject: Map<string, Quad[]> | undefined;

  constructor(quads?: Iterable<Quad>) {
    if (quads) for (const q of quads) this.add(q);
  }

  get size(): number {
    return this.all.length;
  }

  add(quad: Quad): this {
    const s = key(quad.subject);
    const p = key(quad.predicate);
    this.bySubject ??= new Map();
    let byP = this.bySubject.get(s);
    if (!byP) this.bySubject.set(s, (byP = new Map()));
    let list = byP.get(p);
    if (!list) byP.set(p, (list = []));
    if (list.length < SCAN) {
      for (const q of list) if (q.equals(quad)) return this;
    } else {
      this.long ??= new Map();
      let objects = this.long.get(list);
      if (!objects) this.long.set(list, (objects = new Set(list.map((q) => `${key(q.object)} ${key(q.graph)}`))));
      const k = `${key(quad.object)} ${key(quad.graph)}`;
      if (objects.has(k)) return this;
      objects.add(k);
    }
    list.push(quad);
    this.all.push(quad);
    if (this.byPredicate) push2(this.byPredicate, p, key(quad.object), quad);
    if (this.byObject) push(this.byObject, key(quad.object), quad);
    return this;
  }

  delete(quad: Quad): this {
    if (!this.has(quad)) return this;
    const keep = (q: Quad): boolean => !q.equals(quad);
    this.all = this.all.filter(keep);
    // Rare (the validator never deletes): rebuild the indexes from what is left.
    const rest = this.all;
    this.all = [];
    this.bySubject = this.long = this.byPredicate = this.byObject = undefined;
    for (const q of rest) this.add(q);
    return this;
  }

  has(quad: Quad): boolean {
    const list = this.bySubject?.get(key(quad.subject))?.get(key(quad.predicate));
    return list !== undefined && list.some((q) => q.equals(quad));
  }

  match(subject?: Pattern, predicate?: Pattern, object?: Pattern, graph?: Pattern): DatasetCore {
    let candidates: readonly Quad[] | undefined;
    if (subject) {
      const byP = this.bySubject?.get(key(subject));
      if (!byP) return NONE;
      candidates = predicate ? byP.get(key(predicate)) : [...byP.values()].flat();
    } else if (predicate) {
      const byO = this.predicateIndex().get(key(predicate));
      if (!byO) return NONE;
      candidates = object ? byO.get(key(object)) : [...byO.values()].flat();
    } else if (object) {
      candidates = this.objectIndex().get(key(object));
    } else {
      candidates = this.all;
    }
    if (!candidates || candidates.length === 0) return NONE;
    // The index settled the subject and the predicate; the object and the graph are checked here.
    if (!object && !graph) return new Matches(candidates.slice()); // a snapshot: the dataset may change while it is read
    return new Matches(candidates.filter((q) => fits(q, null, null, object, graph)));
  }

  private predicateIndex(): Map<string, Map<string, Quad[]>> {
    if (!this.byPredicate) {
      this.byPredicate = new Map();
      for (const q of this.all) push2(this.byPredicate, key(q.predicate), key(q.object), q);
    }
    return this.byPredicate;
  }

  private objectIndex(): Map<string, Quad[]> {
    if (!this.byObject) {
      this.byObject = new Map();
      for (const q of this.all) push(this.byObject, key(q.object), q);
    }
    return this.byObject;
  }

  [Symbol.iterator](): Iterator<Quad> {
    return this.all[Symbol.iterator]();
  }
}

function push<K>(map: Map<K, Quad[]>, k: K, q: Quad): void {
  const list = map.get(k);
  if (list) list.push(q);
  else map.set(k, [q]);
}

function push2(map: Map<string, Map<string, Quad[]>>, k1: string, k2: string, q: Quad): void {
  let inner = map.get(k1);
  if (!inner) map.set(k1, (inner = new Map()));
  push(inner, k2, q);
}
