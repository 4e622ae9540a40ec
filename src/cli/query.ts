// `filmkg query`: runs a bundled query, a query file or inline text against the graph and prints the results.
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import { bundledQueries, resolveQuery } from '../sparql/bundled.js';
import { checkQueryOnce } from '../sparql/check-once.js';
import { checkFormat, graphText, MEDIA_TYPES, tableText, type OutputFormat } from '../sparql/output.js';
import { openGraphStore } from '../store/open.js';
import { OxigraphStore } from '../store/oxigraph.js';
import type { RdfSyntax } from '../rdf-file.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';
import { didYouMean } from './suggest.js';

/**
 * The variable holding an endpoint's credentials, as the help names it: AUTH_ENV of src/remote/http.ts, written here so
 * that a local query does not load the remote client (test/cli-query.test.ts checks that the two agree).
 */
export const QUERY_AUTH_ENV = 'FILMKG_STORE_AUTH';

const HELP = `Usage: filmkg query NAME|FILE|- [--format F] [--graph FILE]
       filmkg query -e "SPARQL" [--format F]
       filmkg query NAME|FILE|-e "SPARQL" --endpoint URL [--default-graph IRI] [--format F]
       filmkg query --list

Runs a SPARQL 1.1 query on the knowledge graph and prints the results.

  NAME           a bundled query (queries/NAME.rq; see --list)
  FILE           a file holding a query
  -              read the query from standard input (echo 'ASK {}' | filmkg query -)
  -e, --expr Q   the query text itself
  --list         list the bundled queries and the question each answers
  --format F     SELECT and ASK: table (default), json, xml (SPARQL 1.1 Query Results JSON
                 and XML), csv, tsv (SPARQL 1.1 Query Results CSV and TSV);
                 CONSTRUCT and DESCRIBE: turtle (default; with the graph's prefixes), ntriples,
                 nquads, rdfxml
  --graph FILE   query this RDF file instead of the bundled films: Turtle (.ttl), N-Triples (.nt),
                 N-Quads (.nq), TriG (.trig), JSON-LD (.jsonld) or RDF/XML (.rdf, .owl, .xml), by
                 extension; named graphs merged; - reads it from standard input
  --input-format F  the syntax of --graph, whatever its name: turtle, ntriples, nquads, trig, jsonld,
                 rdfxml (default: by extension; sniffed on standard input)
  --endpoint URL ask a remote SPARQL 1.1 endpoint instead (e.g. Virtuoso's http://127.0.0.1:8890/sparql);
                 the query is POSTed as a form; credentials only from ${QUERY_AUTH_ENV} ("user:password")
  --default-graph IRI  with --endpoint: the named graph to query as the default graph (default-graph-uri)
  --compare-local  with --endpoint: run the query on the local graph too (the bundled films, or --graph FILE)
                 and warn on stderr, naming the column, where a SELECT column's datatypes differ
  -h, --help     show this help

With --endpoint, what a store is known to rewrite is brought back, with a note on stderr: xsd:duration
values given as seconds (Virtuoso: "242.2" for PT4M2S) are printed as ISO 8601; a column computed from
STR() of a duration on Virtuoso, which gives that STR() as seconds, is warned about by name.

The graph is out/graph.nt when \`filmkg build\` wrote it after the last change to data/films and
to the code; otherwise it is built in-process from data/films (never a stale build).
The query is parsed first (sparqljs): a syntax error names the line and what was expected
(an unedited bundled query was checked once, when it was written).
Updates (INSERT, DELETE, LOAD …) are refused: the graph is read-only.

Exit codes: 0 answered; 1 bad query, unknown query, unreadable graph, failing endpoint; 2 usage
error (an unknown option, a missing argument, a bad --format or --input-format).
`;

/**
 * A store holding the graph `name` names (a file, or `-` for standard input): Turtle and N-Triples files loaded by
 * Oxigraph's own parser (the fast path), the other syntaxes (N-Quads, TriG, JSON-LD, RDF/XML; named graphs merged)
 * and standard input read by src/rdf-file.ts and loaded as N-Triples.
 */
async function openGraphFile(name: string, io: CliIo, given: RdfSyntax | undefined): Promise<{ store: OxigraphStore }> {
  const { readGraphArgument, syntaxOf } = await import('../rdf-file.js');
  if (name !== '-' && given === undefined && ['Turtle', 'N-Triples'].includes(syntaxOf(name))) return openGraphStore({ graphFile: path.resolve(io.cwd, name) });
  const [quads, { toNTriples }] = await Promise.all([readGraphArgument(name, io, given), import('../export/ntriples.js')]);
  return { store: OxigraphStore.fromText(toNTriples(quads), 'application/n-triples', name === '-' ? 'stdin' : name) };
}

/** The query text the positional names: `-` is standard input, else a bundled name or a file (an unknown name suggests the closest bundled one). */
async function queryText(name: string, io: CliIo): Promise<{ source: string; text: string; bundled?: string }> {
  if (name === '-') {
    if (!io.readStdin) throw new FilmkgError('USAGE', 'no standard input to read the query from');
    return { source: 'stdin', text: await io.readStdin() };
  }
  try {
    return resolveQuery(name, io.cwd);
  } catch (error) {
    if (!(error instanceof FilmkgError) || error.code !== 'UNKNOWN_QUERY') throw error;
    const hint = didYouMean(name.replace(/\.rq$/, ''), bundledQueries().map((q) => q.name));
    if (hint === '') throw error;
    throw new FilmkgError('UNKNOWN_QUERY', `no bundled query or file named "${name}"${hint}`, { expected: error.expected ?? 'a bundled query name', cause: error });
  }
}

/** The `query` command. */
export const queryCommand: Command = {
  name: 'query',
  summary: 'run a bundled or ad-hoc SPARQL query on the graph (table, JSON, CSV, TSV, Turtle)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('query', args, {
      expr: { type: 'string', short: 'e' },
      format: { type: 'string', short: 'f' },
      list: { type: 'boolean' },
      graph: { type: 'string' },
      'input-format': { type: 'string' },
      endpoint: { type: 'string' },
      'default-graph': { type: 'string' },
      'compare-local': { type: 'boolean' },
    });
    if (values.list) {
      const queries = bundledQueries();
      const width = Math.max(...queries.map((q) => q.name.length));
      io.stdout(queries.map((q) => `${q.name.padEnd(width)}  ${q.question}\n`).join(''));
      return EXIT.ok;
    }
    if ((values.expr === undefined) === (positionals.length === 0) || positionals.length > 1) {
      throw new FilmkgError('USAGE', 'give one query: NAME, FILE or -e "SPARQL" (see filmkg query --help)');
    }
    const { source, text, bundled } = values.expr !== undefined ? { source: 'query', text: values.expr, bundled: undefined } : await queryText(positionals[0] as string, io);
    // sparqljs loads only for a query whose check was not recorded (src/sparql/check-once.ts): not for an unedited bundled one.
    const checked = await checkQueryOnce(text, source === 'query' || source === 'stdin' ? source : path.relative(io.cwd, source) || source, bundled);
    const graph = checked.form === 'CONSTRUCT' || checked.form === 'DESCRIBE';
    const format: OutputFormat = checkFormat(values.format ?? (graph ? 'turtle' : 'table'), checked.form, didYouMean);
    // The RDF file readers (n3, the RDF/XML and JSON-LD parsers) load only when a graph file is read.
    const syntax = values['input-format'] !== undefined ? (await import('../rdf-file.js')).inputSyntax(values['input-format'], didYouMean) : undefined;
    if (syntax !== undefined && values.graph === undefined) throw new FilmkgError('USAGE', '--input-format needs --graph FILE', { place: { path: '--input-format' } });
    if (values.graph === '-' && positionals[0] === '-') throw new FilmkgError('USAGE', 'standard input can hold the query or the graph, not both', { place: { path: '--graph' } });
    const local = async (): Promise<{ store: OxigraphStore }> => (values.graph !== undefined ? openGraphFile(values.graph, io, syntax) : openGraphStore({}));
    if (values.endpoint !== undefined) {
      const compare = values['compare-local'] === true;
      if (values.graph !== undefined && !compare) throw new FilmkgError('USAGE', '--graph FILE and --endpoint URL cannot be combined (except with --compare-local, where FILE is the local graph)');
      const [{ queryRemote }, { AUTH_ENV }] = await Promise.all([import('../remote/query.js'), import('../remote/http.js')]);
      const report = { note: (line: string) => io.stderr(`filmkg query: note: ${line}\n`), warn: (line: string) => io.stderr(`filmkg query: warning: ${line}\n`) };
      const compareWith = compare
        ? async (query: string) => {
            const { store } = await local();
            try {
              return store.querySync(query);
            } finally {
              store.close();
            }
          }
        : undefined;
      io.stdout(await queryRemote(values.endpoint, text, format, { auth: io.env[AUTH_ENV], ...(values['default-graph'] !== undefined ? { defaultGraph: values['default-graph'] } : {}) }, report, compareWith));
      return EXIT.ok;
    }
    if (values['default-graph'] !== undefined) throw new FilmkgError('USAGE', '--default-graph needs --endpoint');
    if (values['compare-local'] === true) throw new FilmkgError('USAGE', '--compare-local needs --endpoint');
    const { store } = await local();
    try {
      if (format === 'table') {
        const result = store.querySync(text);
        io.stdout(result.kind === 'select' ? await tableText(result) : result.kind === 'ask' ? `${result.value}\n` : result.ntriples);
      } else if (graph && format !== 'ntriples') {
        const result = store.querySync(text);
        if (result.kind === 'graph') io.stdout(await graphText(result.ntriples, format, source === 'query' || source === 'stdin' ? source : path.relative(io.cwd, source)));
      } else {
        const out = store.serialize(text, MEDIA_TYPES[format as 'json' | 'xml' | 'csv' | 'tsv' | 'ntriples']);
        io.stdout(out.endsWith('\n') || out === '' ? out : `${out}\n`);
      }
    } finally {
      store.close();
    }
    return EXIT.ok;
  },
};
