// `filmkg load`: pushes the graph to a store over the SPARQL 1.1 Graph Store HTTP Protocol, then counts its triples there.
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import type { Quad } from '../rdf.js';
import { inputSyntax, readGraphArgument, type RdfSyntax } from '../rdf-file.js';
import { checkGraphIri, deriveQueryEndpoint, planChunks, prepareGraph } from '../remote/gsp.js';
import { AUTH_ENV, DEFAULT_REMOTE, displayUrl } from '../remote/http.js';
import { GraphProbe } from '../remote/probe.js';
import { RemoteSparqlStore } from '../remote/sparql-client.js';
import { loadVerified } from '../remote/verified-load.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';
import { didYouMean } from './suggest.js';

const DEFAULT_CHUNK = 10_000;

const HELP = `Usage: filmkg load --endpoint URL [--graph IRI] [--file FILE | --films DIR] [--replace]
                   [--chunk N] [--query-endpoint URL] [--timeout MS] [--retries N]

Pushes the knowledge graph to a triplestore over the SPARQL 1.1 Graph Store HTTP Protocol
(POST, or PUT with --replace, of application/n-triples to URL?graph=IRI) and proves, through the
store's SPARQL endpoint, that nothing was lost: it counts the graph before and after (the count
after must be exactly the triples sent with --replace, or the count before plus the triples sent
that were not there yet) and looks every triple sent up in the graph, in batches. On any failure
it says what the graph now holds (e.g. "chunks 1–2 of 5 (2,000 of the 4,599 triples sent)").

  --endpoint URL        the store's Graph Store Protocol URL, e.g.
                          Virtuoso   http://127.0.0.1:8890/sparql-graph-crud
                          Oxigraph   http://127.0.0.1:7878/store
                          Fuseki     http://127.0.0.1:3030/DATASET/data
                          GraphDB    http://127.0.0.1:7200/repositories/ID/rdf-graphs/service
  --graph IRI           the named graph to load into (default: the store's default graph)
  --file FILE           load this RDF file instead of building data/films: Turtle (.ttl), N-Triples
                        (.nt), N-Quads (.nq), TriG (.trig), JSON-LD (.jsonld) or RDF/XML (.rdf, .owl,
                        .xml); named graphs merged; - reads it from standard input
  --input-format F      the syntax of --file: turtle, ntriples, nquads, trig, jsonld, rdfxml (default:
                        by extension; sniffed on standard input)
  --films DIR           build the films of this folder (default: the bundled films)
  --replace             replace what the graph holds (first request PUT) instead of adding to it
  --chunk N             at most N triples per request (default ${DEFAULT_CHUNK}); a triple is never split,
                        and triples with blank nodes all go in one request
  --query-endpoint URL  the SPARQL endpoint for the counts and look-ups (default: derived from
                        --endpoint for the stores above, e.g. Virtuoso's /sparql)
  --timeout MS          per request (default ${DEFAULT_REMOTE.timeoutMs})
  --retries N           retries of 429/500/502/503/504 answers, resets and timeouts, with backoff
                        (at most 30 s between attempts; default ${DEFAULT_REMOTE.retries}); a Retry-After
                        (seconds or an HTTP date) is waited for as asked, and one asking for more than
                        30 s fails at once, saying when to try again. After a timeout, a reset or a
                        500/502/504 the store may have applied the request: it is checked first. A chunk
                        the store holds is not sent again; a PUT (--replace) or the triples with blank
                        nodes are never sent again (a late apply would wipe later chunks or duplicate
                        blank nodes): the load waits for the store to apply it, else fails
  -h, --help            show this help

Credentials come only from the environment: ${AUTH_ENV}="user:password" (HTTP Basic) or
${AUTH_ENV}="Bearer TOKEN"; they are sent to the Graph Store endpoint, and to the query endpoint
only when it is on the same origin (scheme, host and port); they are never printed.
Without --graph the checks ask the store's default graph as its SPARQL endpoint sees it (Virtuoso's
is the union of all its graphs): give --graph for an exact check.

Exit codes: 0 loaded, counted and every triple found; 1 unreadable graph, refused request,
unreachable store, or triples missing or counts not as expected (the message names the URL, the
HTTP status and what the graph now holds); 2 usage error.
`;

function wholeNumber(value: string | undefined, option: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min) throw new FilmkgError('USAGE', `${option} must be a whole number, at least ${min}`, { found: value });
  return n;
}

async function graphQuads(file: string | undefined, filmsDir: string | undefined, base: string | undefined, io: CliIo, syntax: RdfSyntax | undefined): Promise<{ quads: Quad[]; source: string }> {
  const cwd = io.cwd;
  if (file !== undefined) {
    return { quads: await readGraphArgument(file, io, syntax), source: file === '-' ? 'standard input' : file };
  }
  const [{ loadFilms }, { buildGraph }, { checkBase }] = await Promise.all([import('../pipeline.js'), import('../graph.js'), import('../iri.js')]);
  const films = await loadFilms(filmsDir !== undefined ? path.resolve(cwd, filmsDir) : undefined);
  return { quads: buildGraph(films, base !== undefined ? { base: checkBase(base) } : {}) as Quad[], source: `${filmsDir ?? 'data/films'} (built in memory)` };
}

/** The `load` command. */
export const loadCommand: Command = {
  name: 'load',
  summary: 'push the graph to a triplestore (SPARQL 1.1 Graph Store Protocol) and check its triple count',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('load', args, {
      endpoint: { type: 'string' },
      graph: { type: 'string' },
      file: { type: 'string' },
      'input-format': { type: 'string' },
      films: { type: 'string' },
      base: { type: 'string' },
      replace: { type: 'boolean' },
      chunk: { type: 'string' },
      'query-endpoint': { type: 'string' },
      timeout: { type: 'string' },
      retries: { type: 'string' },
    });
    if (positionals.length > 0) throw new FilmkgError('USAGE', 'load takes no positional arguments (see filmkg load --help)', { found: positionals.join(' ') });
    if (values.endpoint === undefined) throw new FilmkgError('USAGE', '--endpoint URL is required (see filmkg load --help)');
    if (values.file !== undefined && (values.films !== undefined || values.base !== undefined)) throw new FilmkgError('USAGE', '--file cannot be combined with --films or --base');
    const syntax = inputSyntax(values['input-format'], didYouMean);
    if (syntax !== undefined && values.file === undefined) throw new FilmkgError('USAGE', '--input-format needs --file FILE', { place: { path: '--input-format' } });
    const endpoint = new RemoteSparqlStore(values.endpoint).endpoint; // checks it is an http(s) URL
    const graph = values.graph !== undefined ? checkGraphIri(values.graph) : undefined;
    const chunk = wholeNumber(values.chunk, '--chunk', DEFAULT_CHUNK, 1);
    const queryEndpoint = values['query-endpoint'] ?? deriveQueryEndpoint(endpoint);
    if (queryEndpoint === undefined) {
      throw new FilmkgError('USAGE', `cannot tell where ${displayUrl(endpoint)} answers SPARQL queries: give --query-endpoint URL`, { expected: 'a Virtuoso, Oxigraph, Fuseki or GraphDB Graph Store URL, or --query-endpoint' });
    }
    const remote = {
      auth: io.env[AUTH_ENV],
      timeoutMs: wholeNumber(values.timeout, '--timeout', DEFAULT_REMOTE.timeoutMs, 1),
      retries: wholeNumber(values.retries, '--retries', DEFAULT_REMOTE.retries, 0),
      onRetry: ({ attempt, delayMs, reason }: { attempt: number; delayMs: number; reason: string }) => io.stderr(`filmkg load: ${reason}; retry ${attempt} in ${delayMs} ms\n`),
    };
    // Credentials go only where the Graph Store is: a query endpoint on another origin (scheme, host, port) could be
    // anyone's, so it is asked without them.
    const sameOrigin = new URL(queryEndpoint).origin === new URL(endpoint).origin;
    if (!sameOrigin && remote.auth !== undefined && remote.auth !== '') {
      io.stderr(`filmkg load: not sending ${AUTH_ENV} to ${displayUrl(queryEndpoint)}: it is on another origin than ${displayUrl(endpoint)}\n`);
    }
    const counter = new RemoteSparqlStore(queryEndpoint, sameOrigin ? remote : { ...remote, auth: undefined });

    const started = performance.now();
    const { quads, source } = await graphQuads(values.file, values.films, values.base, io, syntax);
    const prepared = prepareGraph(quads, source);
    const replace = values.replace === true;
    const report = await loadVerified(planChunks(prepared, chunk), {
      ...remote,
      endpoint,
      graph,
      replace,
      probe: new GraphProbe(counter, graph),
      log: (line) => io.stderr(line),
    });
    const ms = Math.round(performance.now() - started);
    const counted = replace
      ? `the store counts ${report.after}`
      : `the store counts ${report.after} (${report.before} before, ${report.triples - report.alreadyThere} added, ${report.alreadyThere} already there)`;
    io.stdout(
      `loaded ${prepared.triples} triples from ${source} into ${graph !== undefined ? `<${graph}>` : 'the default graph'} at ${report.url} ` +
        `(${report.requests} request${report.requests === 1 ? '' : 's'}${replace ? ', replacing' : ''}); ${counted}; ${ms} ms\n`,
    );
    return EXIT.ok;
  },
};
