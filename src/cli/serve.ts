// `filmkg serve`: a read-only SPARQL 1.1 Protocol endpoint on 127.0.0.1.
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import { DEFAULT_BASE } from '../iri.js';
import { startEndpoint } from '../server/endpoint.js';
import { pageRoutes } from '../server/pages.js';
import { DEFAULT_LIMITS } from '../server/sparql-endpoint.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';

const HELP = `Usage: filmkg serve [--port N] [--host ADDR] [--graph FILE] [--timeout MS] [--workers N] [--queue N]

Serves the knowledge graph over the SPARQL 1.1 Protocol at http://HOST:PORT/sparql:
  GET  /sparql?query=…                       the query in the URL
  POST /sparql  application/x-www-form-urlencoded (query=…) or application/sparql-query (the query as the body)
  GET  /sparql                               the SPARQL 1.1 Service Description (Turtle, JSON-LD, N-Triples, RDF/XML)
One query per request (a second query=, or one in both URL and body: 400). Read-only: updates get 403.
Dataset: one default graph, named <BASE>graph, of the dataset <BASE>dataset (BASE: ${DEFAULT_BASE}).
  default-graph-uri=<BASE>graph or <BASE>dataset is honoured (the query's FROM is then overridden);
  any other default-graph-uri, and any named-graph-uri (there are no named graphs), get 400.
Results by the Accept header: SELECT/ASK application/sparql-results+json (default), +xml, text/csv,
text/tab-separated-values; CONSTRUCT/DESCRIBE text/turtle (default), application/n-triples, application/rdf+xml,
application/ld+json. format=, output= or results= (json|xml|csv|tsv; turtle|n3|nt|rdf|xml|jsonld, or a media type)
decide only when Accept names no offered type, or only */*. CORS is open to every origin.
Descriptions, each by Accept or a .ttl/.jsonld/.nt/.rdf suffix:
  GET  /dataset (and /void.ttl)             the VoID/DCAT dataset description \`filmkg build\` writes as void.ttl
  GET  /ontology, /shapes                   ontology/filmkg.ttl and ontology/shapes.ttl
Web pages and linked data (src/server/pages.ts):
  GET  /films/ , /films/SLUG.html, /films/SLUG.jsonld   the pages and embeds \`filmkg build\` writes
  GET  /graph.ttl, /graph.nt, /graph.jsonld             the whole graph
  GET  /film/SLUG, /person/NAME …                       every entity IRI under the base, by Accept: text/html,
       text/turtle (default), application/ld+json, application/n-triples; or a .html/.ttl/.jsonld/.nt suffix,
       or ?format=html|ttl|jsonld|nt. Unknown entities get 404, unsupported formats 406.
Every 200 answer to GET/HEAD has an ETag (If-None-Match: 304) and is gzip-encoded when the client accepts it and
it is 1 KiB or more.

Options:
  --port N        port to listen on (default 3030; 0 picks a free port)
  --host ADDR     address to listen on (default 127.0.0.1)
  --graph FILE    serve this RDF file instead of the bundled films (.ttl, .nt, .nq, .trig, .jsonld,
                  .rdf/.owl/.xml; - reads it from standard input)
  --input-format F  the syntax of --graph: turtle, ntriples, nquads, trig, jsonld, rdfxml (default: by
                  extension; sniffed on standard input)
  --timeout MS    longest a query may take from its arrival, waiting included (default ${DEFAULT_LIMITS.timeoutMs}); 503 beyond
  --workers N     queries that run at once, each in its own thread with its own copy of the graph (default ${DEFAULT_LIMITS.workers})
  --queue N       queries that may wait for a thread (default ${DEFAULT_LIMITS.queue}); one more gets 503 with Retry-After
  -h, --help      show this help

Limits: queries over ${DEFAULT_LIMITS.maxQueryBytes} bytes and results over ${DEFAULT_LIMITS.maxResultBytes} bytes get 413; nesting
beyond the engine's safe depth gets 400; a query that needs more than ${DEFAULT_LIMITS.queryMemoryBytes / 1024 / 1024} MiB of engine memory gets 503.
At most half the threads (rounded up) run long queries (over 250 ms) at once.
Stop with Ctrl-C.
`;

/** The `serve` command. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve a read-only SPARQL 1.1 endpoint, the film pages and every entity IRI on 127.0.0.1',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('serve', args, {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      graph: { type: 'string' },
      'input-format': { type: 'string' },
      timeout: { type: 'string' },
      workers: { type: 'string' },
      queue: { type: 'string' },
    });
    if (positionals.length > 0) throw new FilmkgError('USAGE', 'serve takes no arguments (see filmkg serve --help)');
    const port = Number(values.port ?? '3030');
    const timeoutMs = Number(values.timeout ?? DEFAULT_LIMITS.timeoutMs);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FilmkgError('USAGE', '--port must be a whole number from 0 to 65535', { found: values.port ?? '' });
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new FilmkgError('USAGE', '--timeout must be a positive number of milliseconds', { found: values.timeout ?? '' });
    const workers = Number(values.workers ?? DEFAULT_LIMITS.workers);
    const queue = Number(values.queue ?? DEFAULT_LIMITS.queue);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new FilmkgError('USAGE', '--workers must be a whole number from 1 to 64', { found: values.workers ?? '' });
    if (!Number.isInteger(queue) || queue < 0 || queue > 10_000) throw new FilmkgError('USAGE', '--queue must be a whole number from 0 to 10000', { found: values.queue ?? '' });
    // The graph is read or built once, and shared by the SPARQL endpoint and the pages.
    const graphFile = values.graph !== undefined ? path.resolve(io.cwd, values.graph) : undefined;
    const [{ loadFilms }, { buildGraph }, { toNTriples }, { readGraphArgument, inputSyntax }, { didYouMean }] = await Promise.all([
      import('../pipeline.js'),
      import('../graph.js'),
      import('../export/ntriples.js'),
      import('../rdf-file.js'),
      import('./suggest.js'),
    ]);
    const syntax = inputSyntax(values['input-format'], didYouMean);
    if (syntax !== undefined && values.graph === undefined) throw new FilmkgError('USAGE', '--input-format needs --graph FILE', { place: { path: '--input-format' } });
    const films = values.graph === undefined ? await loadFilms() : [];
    const quads = values.graph === undefined ? buildGraph(films) : await readGraphArgument(values.graph, io, syntax);
    const server = await startEndpoint({
      port,
      host: values.host ?? '127.0.0.1',
      limits: { timeoutMs, workers, queue },
      // With a graph file (or standard input) the pages serve its entities only; the quads are read already, so the
      // file is not read again.
      routes: await pageRoutes({ films, quads, ...(graphFile !== undefined ? { graphFile } : {}) }),
      graph: { ntriples: toNTriples(quads), triples: quads.length, source: values.graph === '-' ? 'standard input' : (values.graph ?? 'data/films (built in-process)') },
    });
    io.stderr(`filmkg serve: ${server.triples} triples from ${server.source}\nfilmkg serve: SPARQL endpoint at ${server.url}/sparql, pages at ${server.url}/films/, dataset description at ${server.url}/dataset (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
