// Looking into a store's graph through its SPARQL endpoint: how many triples it holds, and how many of a given set of
// triples it holds (for `filmkg load`, which checks the store before, during and after an upload).
import { FilmkgError } from '../errors.js';
import { NTriplesSerializer } from '../export/ntriples.js';
import { literal, namedNode, triple } from '../rdf.js';
import type { ResultTerm } from '../store/store.js';
import { displayUrl } from './http.js';
import { parseJsonResults, type RemoteSparqlStore } from './sparql-client.js';

/** Triple patterns per presence query, and the most query text per query. */
export const PRESENCE_BATCH = 100;
const PRESENCE_MAX_CHARS = 48 * 1024;
/** Subjects per query of the fast path, and the most query text per query. */
const SUBJECT_BATCH = 200;
const SUBJECT_MAX_CHARS = 32 * 1024;
/** Queries in flight at once. */
const PRESENCE_CONCURRENCY = 4;

/** An N-Triples line (ground: no blank nodes) as a SPARQL triple pattern: its terms are valid SPARQL terms. */
function pattern(line: string): string {
  return line.replace(/\s*\.\s*$/, '');
}

/** Cuts items into batches of at most `most` items and `maxChars` characters. */
function batches(lines: readonly string[], most = PRESENCE_BATCH, maxChars = PRESENCE_MAX_CHARS): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const line of lines) {
    if (current.length > 0 && (current.length >= most || chars + line.length > maxChars)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(line);
    chars += line.length + 12;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Runs `work` over `items` with at most PRESENCE_CONCURRENCY at once. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(PRESENCE_CONCURRENCY, items.length) }, worker));
}

/** A result row's term as an RDF term (undefined for a blank node: never one of the ground triples looked up). */
function rdfTerm(term: ResultTerm | undefined) {
  if (term === undefined || term.type === 'bnode') return undefined;
  if (term.type === 'uri') return namedNode(term.value);
  return literal(term.value, term['xml:lang'] ?? (term.datatype !== undefined ? namedNode(term.datatype) : undefined));
}

/**
 * The graph a load goes to, seen through the store's SPARQL endpoint.
 *
 * Which of a set of triples the graph holds is asked in two steps. First, fast: the graph's triples about the
 * triples' subjects (`VALUES ?s { … }`, 200 subjects to a query); a triple that comes back written exactly as sent
 * is there. Then, for every triple that did not come back so (a store may write a value in its own form, or cut a
 * long result short), exactly: a COUNT over a UNION of constant triple patterns, `{ t1 } UNION { t2 } …`, 100 to a
 * query, where every pattern that matches gives one solution. That form is SPARQL 1.0 and matches values that stores
 * keep in their own form: Virtuoso 7, for instance, gives xsd:duration values back as seconds, and matches neither
 * language-tagged literals nor durations given in a VALUES block (durations there are even a query error), but matches
 * both as constant patterns. The fast step only saves time (on Virtuoso, each distinct UNION query costs a compilation);
 * if it fails, every triple is asked the exact way.
 */
export class GraphProbe {
  readonly label: string;

  constructor(
    private readonly store: RemoteSparqlStore,
    readonly graph: string | undefined,
  ) {
    this.label = graph !== undefined ? `<${graph}>` : 'the default graph';
  }

  /** The triples the graph holds. */
  count(): Promise<number> {
    return this.store.count(this.graph);
  }

  /** How many of these ground N-Triples lines the graph holds (the lines are distinct). */
  async present(lines: readonly string[]): Promise<number> {
    return (await this.presentEach([lines]))[0] ?? 0;
  }

  /** For each group of ground N-Triples lines, how many the graph holds. */
  async presentEach(groups: ReadonlyArray<readonly string[]>): Promise<number[]> {
    const returned = await this.triplesAbout(groups.flat()).catch(() => new Set<string>());
    const unsure = groups.map((lines) => lines.filter((line) => !returned.has(line)));
    const totals = groups.map((lines, i) => lines.length - (unsure[i]?.length ?? 0));
    const jobs = unsure.flatMap((lines, group) => batches(lines).map((batch) => ({ group, batch })));
    await inParallel(jobs, async (job) => {
      const found = await this.presentBatch(job.batch); // awaited first: several workers add to the same total
      totals[job.group] = (totals[job.group] ?? 0) + found;
    });
    return totals;
  }

  /** The graph's triples about the subjects of `lines`, as N-Triples lines (the fast step). */
  private async triplesAbout(lines: readonly string[]): Promise<Set<string>> {
    const subjects = [...new Set(lines.map((line) => line.slice(0, line.indexOf(' '))))].filter((s) => s.startsWith('<'));
    const serializer = new NTriplesSerializer();
    const returned = new Set<string>();
    const source = displayUrl(this.store.endpoint);
    await inParallel(batches(subjects, SUBJECT_BATCH, SUBJECT_MAX_CHARS), async (batch) => {
      const pattern = this.graph !== undefined ? `GRAPH <${this.graph}> { ?s ?p ?o }` : '?s ?p ?o';
      const res = await this.store.send(`SELECT ?s ?p ?o WHERE {\nVALUES ?s { ${batch.join(' ')} }\n${pattern}\n}`, 'application/sparql-results+json');
      const result = parseJsonResults(res.body, 'SELECT', source);
      if (result.kind !== 'select') return;
      for (const row of result.rows) {
        const [s, p, o] = [rdfTerm(row['s']), rdfTerm(row['p']), rdfTerm(row['o'])];
        if (s?.termType === 'NamedNode' && p?.termType === 'NamedNode' && o !== undefined) returned.add(serializer.line(triple(s, p, o)));
      }
    });
    return returned;
  }

  private async presentBatch(lines: readonly string[]): Promise<number> {
    const union = lines.map((line) => `{ ${pattern(line)} }`).join(' UNION\n');
    const where = this.graph !== undefined ? `GRAPH <${this.graph}> {\n${union}\n}` : union;
    // Sent as it is (not parsed by sparqljs first, as user queries are): it is ours, and may be 48 kB.
    const res = await this.store.send(`SELECT (COUNT(*) AS ?n) WHERE {\n${where}\n}`, 'application/sparql-results+json');
    const source = displayUrl(this.store.endpoint);
    const result = parseJsonResults(res.body, 'SELECT', source);
    const n = result.kind === 'select' ? Number(result.rows[0]?.['n']?.value) : Number.NaN;
    if (!Number.isInteger(n) || n < 0 || n > lines.length) {
      throw new FilmkgError('ENDPOINT', `the endpoint's count of ${lines.length} triples looked up is not a number from 0 to ${lines.length}`, { place: { file: source }, expected: 'one row with a whole number ?n', found: String(result.kind === 'select' ? result.rows[0]?.['n']?.value : result.kind) });
    }
    return n;
  }
}
