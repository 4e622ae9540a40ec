// `filmkg export`: one film's HTML page or its schema.org JSON-LD embed, on stdout or into a file.
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import { DEFAULT_BASE, checkBase } from '../iri.js';
import { FILMS_DIR } from '../paths.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';

const FORMATS = ['html', 'jsonld-embed'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `Usage: filmkg export --format html|jsonld-embed [--film SLUG] [--films DIR] [--base IRI] [--out FILE]

Renders one film as
  html           its page: credits, cast, releases, reception, accolades, soundtrack, references,
                 source and licence, with the schema.org embed in <script type="application/ld+json">
                 (the page \`filmkg build\` writes to out/films/SLUG.html; its links point at ../graph.*)
  jsonld-embed   the schema.org JSON-LD embed alone: one Movie with "@context": "https://schema.org",
                 read from the graph's schema.org triples (docs/embed.md)

Options:
  --format F    html or jsonld-embed (required)
  --film SLUG   the film (default: the only film; required when there are several)
  --films DIR   folder of films (default: the bundled data/films)
  --base IRI    base of the graph's IRIs (default: ${DEFAULT_BASE})
  --out FILE    write to FILE (atomically) instead of stdout
  -h, --help    show this help
`;

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
    throw new FilmkgError('USAGE', 'bad or missing --format (see filmkg export --help)', { place: { path: '--format' }, expected: FORMATS.join(' or '), found: values.format ?? '' });
  }
  const base = checkBase(values.base ?? DEFAULT_BASE);
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
    const file = path.resolve(io.cwd, values.out);
    try {
      await writeFileAtomic(file, text);
    } catch (error) {
      throw new FilmkgError('IO', `cannot write the ${format === 'html' ? 'page' : 'embed'}: ${error instanceof Error ? error.message : String(error)}`, {
        place: { file: values.out },
        expected: 'a file path whose folder exists or can be created',
        cause: error,
      });
    }
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
