// The SPARQL store for library users: a graph in oxigraph, queried with results as RDF/JS terms and quads.
import { SparqlJsonParser } from 'sparqljson-parse';
import { FilmkgError } from '../errors.js';
import { toNTriples } from '../export/ntriples.js';
import { sortQuads } from '../graph.js';
import { dataFactory, type Quad, type Term } from '../rdf.js';
import { parseRdf, readGraphFile } from '../rdf-file.js';
import { bundledQueries, type BundledQuery } from '../sparql/bundled.js';
import { checkQuery, type QueryForm } from '../sparql/check.js';
import { OxigraphStore } from '../store/oxigraph.js';

/** The solutions of a SELECT: the projected variables in order, and one row per solution mapping each bound variable (without `?`) to its term. */
export interface SelectAnswer {
  /** Discriminates the {@link QueryAnswer} union. */
  readonly type: 'bindings';
  /** The projected variables, in the query's order, without `?`. */
  readonly variables: readonly string[];
  /** One row per solution; a variable left unbound in a solution is absent from its row. */
  readonly bindings: ReadonlyArray<Readonly<Record<string, Term>>>;
}

/** The answer of an ASK. */
export interface AskAnswer {
  /** Discriminates the {@link QueryAnswer} union. */
  readonly type: 'boolean';
  /** Whether the pattern has a solution. */
  readonly value: boolean;
}

/** The graph a CONSTRUCT or DESCRIBE builds. */
export interface GraphAnswer {
  /** Discriminates the {@link QueryAnswer} union. */
  readonly type: 'quads';
  /** The triples (quads in the default graph), de-duplicated and sorted as filmkg sorts graphs. */
  readonly quads: readonly Quad[];
}

/** What {@link GraphStore.query} returns, by query form: SELECT → bindings, ASK → boolean, CONSTRUCT/DESCRIBE → quads. */
export type QueryAnswer = SelectAnswer | AskAnswer | GraphAnswer;

/** SPARQL 1.1 JSON results as oxigraph writes them. */
interface JsonResults {
  head: { vars?: string[] };
}

const results = new SparqlJsonParser({ dataFactory, prefixVariableQuestionMark: false });

/**
 * A read-only, in-memory SPARQL 1.1 store (oxigraph) holding one graph, whose answers are RDF/JS terms and quads made
 * with filmkg's data factory. Queries are checked first (sparqljs): a syntax error, an update or a query nested deeper
 * than the engine takes is a `BAD_QUERY` error naming the line. Call {@link GraphStore.close} when done: oxigraph's
 * WebAssembly memory is not reclaimed by the garbage collector.
 */
export class GraphStore {
  private constructor(private readonly store: OxigraphStore) {}

  /** A store holding `quads` (an array, a dataset or any iterable; named graphs are not kept apart). */
  static fromQuads(quads: Iterable<Quad>): GraphStore {
    // Loading N-Triples text is several times faster than adding quad objects one by one.
    return new GraphStore(OxigraphStore.fromText(toNTriples(quads)));
  }

  /**
   * A store holding the graph in `file`: Turtle, N-Triples (`.nt`), N-Quads (`.nq`), TriG (`.trig`), JSON-LD
   * (`.jsonld`, `.json`) or RDF/XML (`.rdf`, `.owl`, `.xml`), by extension, as `filmkg query --graph` reads it (see
   * {@link readGraphFile}); named graphs are merged. A missing file is
   * `FILE_NOT_FOUND`, a syntax error `BAD_RDF` naming the line.
   */
  static async fromFile(file: string): Promise<GraphStore> {
    return GraphStore.fromQuads(await readGraphFile(file));
  }

  /** Number of triples in the store. */
  async size(): Promise<number> {
    return this.store.size();
  }

  /** Runs a SPARQL 1.1 query of any form; the answer's `type` says which form it was. */
  async query(sparql: string): Promise<QueryAnswer> {
    return this.run(sparql, checkQuery(sparql).form);
  }

  /** Runs a SELECT query; any other form is a `BAD_QUERY` error. */
  async select(sparql: string): Promise<SelectAnswer> {
    return this.run(sparql, formOf(sparql, ['SELECT'])) as Promise<SelectAnswer>;
  }

  /** Runs an ASK query; any other form is a `BAD_QUERY` error. */
  async ask(sparql: string): Promise<boolean> {
    return ((await this.run(sparql, formOf(sparql, ['ASK']))) as AskAnswer).value;
  }

  /** Runs a CONSTRUCT or DESCRIBE query and returns its triples; any other form is a `BAD_QUERY` error. */
  async construct(sparql: string): Promise<readonly Quad[]> {
    return ((await this.run(sparql, formOf(sparql, ['CONSTRUCT', 'DESCRIBE']))) as GraphAnswer).quads;
  }

  private async run(sparql: string, form: QueryForm): Promise<QueryAnswer> {
    if (form === 'CONSTRUCT' || form === 'DESCRIBE') {
      const quads = parseRdf(this.store.serialize(sparql, 'application/n-triples'), 'N-Triples', 'query result');
      return { type: 'quads', quads: sortQuads(quads) };
    }
    const json = JSON.parse(this.store.serialize(sparql, 'application/sparql-results+json')) as JsonResults;
    if (form === 'ASK') return { type: 'boolean', value: results.parseJsonBoolean(json) };
    return { type: 'bindings', variables: json.head.vars ?? [], bindings: results.parseJsonResults(json) };
  }

  /** Frees the store's memory; the store cannot be used afterwards. */
  close(): void {
    this.store.close();
  }
}

/** The checked query's form, when it is one of `allowed`; otherwise a `BAD_QUERY` error naming both. */
function formOf(sparql: string, allowed: readonly QueryForm[]): QueryForm {
  const { form } = checkQuery(sparql);
  if (!allowed.includes(form)) throw new FilmkgError('BAD_QUERY', 'the query has the wrong form for this method', { expected: `a query of the form ${allowed.join(' or ')}`, found: form });
  return form;
}

/** Opens a {@link GraphStore} on quads (an array or a dataset) or on a graph file (`{ file }`). */
export async function openStore(source: Iterable<Quad> | { readonly file: string }): Promise<GraphStore> {
  return 'file' in source ? GraphStore.fromFile(source.file) : GraphStore.fromQuads(source);
}

/** The bundled queries (`queries/*.rq`, what `filmkg query --list` shows), sorted by name. */
export function listQueries(): BundledQuery[] {
  return bundledQueries();
}

/** The text of the bundled query `name` (as `filmkg query NAME` runs it); an unknown name is `UNKNOWN_QUERY`. */
export function bundledQuery(name: string): string {
  const found = bundledQueries().find((q) => q.name === name);
  if (!found) throw new FilmkgError('UNKNOWN_QUERY', `no bundled query named "${name}"`, { expected: `one of ${bundledQueries().map((q) => q.name).join(', ')}` });
  return found.text;
}

export type { BundledQuery, QueryForm };
