// `filmkg export`: one film's HTML page or its schema.org JSON-LD embed, or the whole graph in an RDF syntax, on stdout or into a file.
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import { DEFAULT_BASE, checkBase } from '../iri.js';
import { FILMS_DIR } from '../paths.js';
import type { Quad } from '../rdf.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';
import { didYouMean } from './suggest.js';

/** The page formats (one film) and the RDF syntaxes (the whole graph). */
const PAGE_FORMATS = ['html', 'jsonld-embed'] as const;
const GRAPH_FORMATS = ['turtle', 'ntriples', 'nquads', 'jsonld', 'rdfxml'] as const;
const FORMATS = [...PAGE_FORMATS, ...GRAPH_FORMATS] as const;
type Format = (typeof FORMATS)[number];
type GraphFormat = (typeof GRAPH_FORMATS)[number];

const HELP = `Usage: filmkg export --format html|jsonld-embed [--film SLUG] [--films DIR] [--base IRI] [--out FILE]
       filmkg export --format turtle|ntriples|nquads|jsonld|rdfxml [--films DIR] [--base IRI] [--out FILE]

Renders one film as
  html           its page: credits, cast, releases, reception, accolades, soundtrack, references,
                 source and licence, with the schema.org embed in <script type="application/ld+json">
                 (the page \`filmkg build\` writes to out/films/SLUG.html; its links point at ../graph.*)
  jsonld-embed   the schema.org JSON-LD embed alone: one Movie with "@context": "https://schema.org",
                 read from the graph's schema.org triples (docs/embed.md)
or the whole graph of the films (not checked: \`filmkg build\` checks) as
  turtle         Turtle with the vocabulary's prefixes (as out/graph.ttl)
  ntriples       N-Triples, sorted (as out/graph.nt)
  nquads         N-Quads, sorted (every triple is in the default graph, so the lines are the N-Triples')
  jsonld         JSON-LD with the project's context (as out/graph.jsonld)
  rdfxml         RDF/XML (oxigraph's writer; each property element declares its namespace)

Options:
  --format F    one of the formats above (required)
  --film SLUG   the film of a page format (default: the only film; required when there are several)
  --films DIR   folder of films (default: the bundled data/films)
  --base IRI    base of the graph's IRIs (default: ${DEFAULT_BASE})
  --out FILE    write to FILE (atomically) instead of stdout
  -h, --help    show this help

Exit codes: 0 written; 1 unreadable films or unwritable file; 2 usage error (a bad or missing --format).
`;


/** Writes `text` to `file` atomically; a failure is IO naming the file as the user gave it. */
async function writeOut(write: (file: string, text: string) => Promise<void>, file: string, shownAs: string, text: string, what: string): Promise<void> {
  try {
    await write(file, text);
  } catch (error) {
    throw new FilmkgError('IO', `cannot write the ${what}: ${error instanceof Error ? error.message : String(error)}`, {
      place: { file: shownAs },
      expected: 'a file path whose folder exists or can be created',
      cause: error,
    });
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('export', args, {
    format: { type: 'string', short: 'f' },
    film: { type: 'string' },
    films: { type: 'string' },
    base: { type: 'string' },
    out: { type: 'string', short: 'o' },
  });
  if (positionals.length > 0) throw new FilmkgError('USAGE', `unexpected argument "${positionals[0] as string}" (see filmkg export --help)`);
  const format = values.format as Format | undefined;
  if (format === undefined || !FORMATS.includes(format)) {
    const hint = values.format === undefined ? '' : didYouMean(values.format, FORMATS);
    throw new FilmkgError('USAGE', `${values.format === undefined ? 'missing --format' : `unknown format "${values.format}"${hint}`} (see filmkg export --help)`, { place: { path: '--format' }, expected: `one of ${FORMATS.join(', ')}`, found: values.format ?? '' });
  }
  const base = checkBase(values.base ?? DEFAULT_BASE);
  if ((GRAPH_FORMATS as readonly string[]).includes(format)) {
    if (values.film !== undefined) throw new FilmkgError('USAGE', `--film goes with html and jsonld-embed; --format ${format} writes the whole graph`, { place: { path: '--film' } });
    const [{ loadFilms }, { buildGraph }, { writeFileAtomic }] = await Promise.all([import('../pipeline.js'), import('../graph.js'), import('../fsutil.js')]);
    const quads = buildGraph(await loadFilms(values.films !== undefined ? path.resolve(io.cwd, values.films) : FILMS_DIR), { base });
    const text = await (await import('../export/serialize.js')).serializeGraph(quads, format as GraphFormat);
    if (values.out === undefined) {
      io.stdout(text);
      return EXIT.ok;
    }
    await writeOut(writeFileAtomic, path.resolve(io.cwd, values.out), values.out, text, 'graph');
    io.stderr(`filmkg export: wrote ${values.out} (${format}, ${quads.length} triples)\n`);
    return EXIT.ok;
  }
  const [{ loadFilms }, { buildGraph }, { renderWebFiles, embedFileText, PAGES_DIR }, { writeFileAtomic }] = await Promise.all([
    import('../pipeline.js'),
    import('../graph.js'),
    import('../web/step.js'),
    import('../fsutil.js'),
  ]);
  const films = await loadFilms(values.films !== undefined ? path.resolve(io.cwd, values.films) : FILMS_DIR);
  const slugs = films.map((f) => f.source.slug);
  const slug = values.film ?? (slugs.length === 1 ? slugs[0] : undefined);
  if (slug === undefined) {
    throw new FilmkgError('USAGE', 'several films: name one with --film', { place: { path: '--film' }, expected: `one of ${slugs.join(', ')}` });
  }
  // Like an unknown query name: the data has no such film (exit 1), not a malformed command line (exit 2).
  if (!slugs.includes(slug)) throw new FilmkgError('FILE_NOT_FOUND', 'no such film', { place: { path: '--film' }, expected: `one of ${slugs.join(', ')}`, found: slug });
  const web = renderWebFiles(films, buildGraph(films, { base }), base);
  const text = format === 'html' ? (web.files.get(`${PAGES_DIR}/${slug}.html`) as string) : embedFileText(web.embeds.get(slug) as Record<string, unknown>);
  if (values.out !== undefined) {
    await writeOut(writeFileAtomic, path.resolve(io.cwd, values.out), values.out, text, format === 'html' ? 'page' : 'embed');
    io.stderr(`filmkg export: wrote ${values.out} (${format}, ${slug})\n`);
  } else {
    io.stdout(text);
  }
  return EXIT.ok;
}

/** The `export` command. */
export const exportCommand: Command = {
  name: 'export',
  summary: "write one film's HTML page or its schema.org JSON-LD embed",
  help: HELP,
  run,
};
