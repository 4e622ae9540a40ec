// Validates a graph against ontology/shapes.ttl (rdf-validate-shacl, SHACL Core) plus the list-order check of lists.ts.
// The fast path (shacl-fast.ts) answers first: a graph it finds conforming gets the constant report of a conforming
// graph without loading rdf-validate-shacl, clownface or jsonld; anything else (a violation, shapes or data it declines)
// is validated by rdf-validate-shacl as before, so the report users see comes from it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import N3 from 'n3';
import type { JsonLdDocument } from 'jsonld';
import type SHACLValidator from 'rdf-validate-shacl';
import type { Quad, Term } from '@rdfjs/types';
import { compare, sortQuads } from '../graph.js';
import { ONTOLOGY_DIR } from '../paths.js';
import { checkListOrder } from './lists.js';
import { compileShapes, Declined, fastConforms, type CompiledShapes } from './shacl-fast.js';

/** The shapes file the build enforces. */
export const SHAPES_FILE = path.join(ONTOLOGY_DIR, 'shapes.ttl');

/** One violation, in the terms of a SHACL validation result. */
export interface Violation {
  focusNode: string;
  path?: string;
  value?: string;
  message: string;
  /** The constraint component (sh:MinCountConstraintComponent …), or the list check's own name. */
  constraint: string;
  shape?: string;
}

/** The outcome of a validation: conforms, the violations, and the SHACL report graph as Turtle. */
export interface ValidationOutcome {
  conforms: boolean;
  violations: Violation[];
  reportTurtle: string;
}

let shapeQuadsCache: Quad[] | undefined;
function shapeQuads(): Quad[] {
  shapeQuadsCache ??= new N3.Parser().parse(readFileSync(SHAPES_FILE, 'utf8'));
  return shapeQuadsCache;
}

let shapesCache: N3.Store | undefined;
function shapes(): N3.Store {
  shapesCache ??= new N3.Store(shapeQuads());
  return shapesCache;
}

let compiledCache: CompiledShapes | Declined | undefined;
/** The shapes compiled for the fast path once per process, or why the fast path declines them. */
function compiledShapes(): CompiledShapes | Declined {
  if (!compiledCache) {
    try {
      compiledCache = compileShapes(shapeQuads());
    } catch (error) {
      if (!(error instanceof Declined)) throw error;
      compiledCache = error;
    }
  }
  return compiledCache;
}

/**
 * The fast path's verdict on `quads` against ontology/shapes.ttl (SHACL only, without the list-order check):
 * `conforms`, `violates`, or Declined saying why it cannot answer (shapes it does not know, or a data graph that
 * rdf-validate-shacl itself cannot validate). Exported for the tests that prove it equal to rdf-validate-shacl.
 */
export function fastVerdict(quads: readonly Quad[]): 'conforms' | 'violates' | Declined {
  const compiled = compiledShapes();
  if (compiled instanceof Declined) return compiled;
  try {
    return fastConforms(compiled, quads) ? 'conforms' : 'violates';
  } catch (error) {
    if (error instanceof Declined) return error;
    throw error;
  }
}

/**
 * The report graph of a conforming graph, as canonicalTurtle writes rdf-validate-shacl's (test/shacl-fast.test.ts
 * checks the two are the same bytes).
 */
export const CONFORMING_REPORT_TURTLE = '@prefix sh: <http://www.w3.org/ns/shacl#>.\n\n_:c14n0 a sh:ValidationReport;\n    sh:conforms true.\n';

/**
 * Which engine validates: `auto` (the default) is the fast path, then, unless the graph conforms, `indexed`; `indexed`
 * is rdf-validate-shacl over the indexed datasets of dataset.ts; `plain` is rdf-validate-shacl as shipped, over an
 * N3.Store, kept so that a test can check that both report the same.
 */
export type Engine = 'auto' | 'indexed' | 'plain';

const validatorCache = new Map<Engine, SHACLValidator>();
/**
 * One validator per process and engine: building it (the shapes graph and SHACL's own vocabulary) costs more than
 * validating the bundled graph; validate() resets its report on every call, so it is safe to reuse. rdf-validate-shacl
 * (with clownface) is loaded here, on first use, so that a graph the fast path passes never loads it.
 */
async function validator(engine: 'indexed' | 'plain'): Promise<SHACLValidator> {
  let v = validatorCache.get(engine);
  if (!v) {
    const { default: SHACLValidator } = await import('rdf-validate-shacl');
    if (engine === 'plain') v = new SHACLValidator(shapes());
    else {
      const [{ default: defaultEnvironment }, { IndexedDataset }] = await Promise.all([import('rdf-validate-shacl/src/defaultEnv.js'), import('./dataset.js')]);
      // The shapes graph, SHACL's vocabulary and the report are datasets the validator makes with its environment's
      // dataset(): the indexed one here.
      const env = defaultEnvironment.clone();
      env.dataset = ((quads?: Iterable<Quad>) => new IndexedDataset(quads)) as typeof env.dataset;
      // maxNodeChecks 0: no count of how often each (focus node, shape) pair was checked. That count guards against
      // recursive shapes (ours have none: test/shapes.test.ts), and costs a JSON key per pair, kept to the end.
      v = new SHACLValidator(shapes(), { factory: env, maxNodeChecks: 0 } as ConstructorParameters<typeof SHACLValidator>[1]);
    }
    validatorCache.set(engine, v);
  }
  return v;
}

function show(term: Term | null | undefined): string | undefined {
  if (!term) return undefined;
  return term.termType === 'Literal' ? JSON.stringify(term.value) : term.value;
}

const SH = 'http://www.w3.org/ns/shacl#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

function listItems(store: N3.Store, head: Term): Term[] {
  const items: Term[] = [];
  for (let node: Term | undefined = head; node && node.value !== `${RDF}nil`; node = store.getObjects(node, `${RDF}rest`, null)[0]) {
    const first = store.getObjects(node, `${RDF}first`, null)[0];
    if (first) items.push(first);
  }
  return items;
}

/**
 * A result path as text: a plain IRI for a predicate path, SPARQL property-path syntax for the complex paths of the
 * shapes graph (alternative `<a>|<b>`, sequence `<a>/<b>`, inverse `^<a>`, `*`, `+`, `?`), never a blank-node label.
 */
export function showPath(term: Term | null | undefined, store: N3.Store = shapes()): string | undefined {
  if (!term) return undefined;
  if (term.termType === 'NamedNode') return term.value;
  const inner = (t: Term): string => (t.termType === 'NamedNode' ? `<${t.value}>` : `(${showPath(t, store) ?? '?'})`);
  const one = (p: string): Term | undefined => store.getObjects(term, `${SH}${p}`, null)[0];
  const alt = one('alternativePath');
  if (alt) return listItems(store, alt).map(inner).join('|');
  for (const [p, suffix] of [['zeroOrMorePath', '*'], ['oneOrMorePath', '+'], ['zeroOrOnePath', '?']] as const) {
    const t = one(p);
    if (t) return `${inner(t)}${suffix}`;
  }
  const inv = one('inversePath');
  if (inv) return `^${inner(inv)}`;
  if (store.getObjects(term, `${RDF}first`, null).length > 0) return listItems(store, term).map(inner).join('/');
  return term.value;
}

/**
 * The report graph as Turtle with canonical blank-node labels (RDFC-1.0, via jsonld's canonize), so the same graph gives
 * the same bytes whatever the validator's internal counters were.
 */
async function canonicalTurtle(quads: Quad[]): Promise<string> {
  const { default: jsonld } = await import('jsonld');
  const nquads = new N3.Writer({ format: 'N-Quads' }).quadsToString(quads);
  const canonical = (await jsonld.canonize(nquads as unknown as JsonLdDocument, { algorithm: 'URDNA2015', inputFormat: 'application/n-quads', format: 'application/n-quads' })) as unknown as string;
  const writer = new N3.Writer({ prefixes: { sh: 'http://www.w3.org/ns/shacl#' } });
  writer.addQuads(sortQuads(new N3.Parser({ format: 'N-Quads', blankNodePrefix: '' }).parse(canonical)));
  let text = '';
  writer.end((error: Error | null, result: string) => {
    if (error) throw error;
    text = result;
  });
  return text.endsWith('\n') ? text : `${text}\n`;
}

/** Validates `quads` against the project's shapes; violations sorted by focus node, path, message, then their other fields. */
export async function validateQuads(quads: readonly Quad[], options: { engine?: Engine } = {}): Promise<ValidationOutcome> {
  const engine = options.engine ?? 'auto';
  let lists: Violation[] | undefined;
  if (engine === 'auto' && fastVerdict(quads) === 'conforms') {
    lists = checkListOrder(quads);
    if (lists.length === 0) return { conforms: true, violations: [], reportTurtle: CONFORMING_REPORT_TURTLE };
  }
  const slow = engine === 'plain' ? 'plain' : 'indexed';
  const data = slow === 'plain' ? new N3.Store(quads as Quad[]) : new (await import('./dataset.js')).IndexedDataset(quads);
  const report = await (await validator(slow)).validate(data);
  const violations: Violation[] = report.results.map((r) => {
    const p = showPath(r.path as Term | null);
    const v = show(r.value as Term | null);
    // The shape only when it has a name: a blank node's label is the parser's counter (`n3-72`), not the shapes file's.
    const source = r.sourceShape as Term | null;
    const shape = source?.termType === 'NamedNode' ? source.value : undefined;
    return {
      focusNode: show(r.focusNode as Term) ?? '',
      ...(p !== undefined ? { path: p } : {}),
      ...(v !== undefined ? { value: v } : {}),
      message: r.message.map((m) => m.value).join('; ') || 'constraint not met',
      constraint: (r.sourceConstraintComponent as Term | null)?.value ?? '',
      ...(shape !== undefined ? { shape } : {}),
    };
  });
  violations.push(...(lists ?? checkListOrder(quads)));
  // Every field in the key: the validator's order of results depends on its datasets' iteration order.
  violations.sort(
    (a, b) =>
      compare(a.focusNode, b.focusNode) ||
      compare(a.path ?? '', b.path ?? '') ||
      compare(a.message, b.message) ||
      compare(a.constraint, b.constraint) ||
      compare(a.value ?? '', b.value ?? '') ||
      compare(a.shape ?? '', b.shape ?? ''),
  );
  const reportTurtle = await canonicalTurtle([...(report.dataset as unknown as Iterable<Quad>)]);
  return { conforms: violations.length === 0, violations, reportTurtle };
}

/** A readable report: one block per violation (focus node, path, value, message). */
export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => [`focus node: ${v.focusNode}`, v.path ? `  path: ${v.path}` : undefined, v.value ? `  value: ${v.value}` : undefined, `  message: ${v.message}`, `  constraint: ${v.constraint.replace('http://www.w3.org/ns/shacl#', 'sh:')}`].filter(Boolean).join('\n'))
    .join('\n');
}
