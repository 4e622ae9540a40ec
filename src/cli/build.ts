// `filmkg build`: loads every film under data/films/, maps the facts into one graph, writes Turtle, N-Triples and JSON-LD atomically, prints a summary.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildFiles } from '../export/build.js';
import type { FilmFacts } from '../facts/model.js';
import { writeFilesAtomic } from '../fsutil.js';
import { DEFAULT_BASE } from '../iri.js';
import { FILMS_DIR } from '../paths.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';

const HELP = `Usage: filmkg build [--films DIR] [--out DIR] [--base IRI]

Builds the knowledge graph of every film under the films folder into one graph and writes
  graph.ttl     Turtle, with prefixes, grouped by subject (byte-deterministic)
  graph.nt      N-Triples, sorted
  graph.jsonld  JSON-LD of the whole graph, compacted with ontology/context.jsonld
into the output folder, all at once (nothing is written if any step fails).

Options:
  --films DIR   folder of films, one sub-folder per film (default: the bundled data/films)
  --out DIR     output folder (default: out)
  --base IRI    base of the graph's IRIs (default: ${DEFAULT_BASE})
  -h, --help    show this help

Exit codes: 0 built; 1 bad facts or a failed check (the message names the file and the path of
the bad value); 2 usage error.
`;

/** Loads and checks the facts of every film in `dir` (the extract + curate + check pipeline). */
async function loadFilms(dir: string): Promise<FilmFacts[]> {
  // TEMPORARY: a computed specifier until src/pipeline.ts (engineers A/B) lands; then a static import.
  const specifier = '../pipeline.js';
  const pipeline = (await import(specifier)) as { loadFilms(dir?: string): Promise<FilmFacts[]> };
  return pipeline.loadFilms(dir);
}

function kilobytes(data: string | Uint8Array): string {
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return `${(bytes / 1024).toFixed(1)} kB`;
}

/** Runs the build; see HELP. */
async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('build', args, {
    films: { type: 'string' },
    out: { type: 'string' },
    base: { type: 'string' },
  });
  if (positionals.length > 0) {
    io.stderr(`filmkg build: unexpected argument "${positionals[0] as string}" (see filmkg build --help)\n`);
    return EXIT.usage;
  }
  const started = performance.now();
  const filmsDir = values.films !== undefined ? path.resolve(io.cwd, values.films) : FILMS_DIR;
  const outDir = path.resolve(io.cwd, values.out ?? 'out');
  const films = await loadFilms(filmsDir);
  const build = await buildFiles(films, { base: values.base ?? DEFAULT_BASE });
  const written = await writeFilesAtomic(outDir, build.files);
  const ms = performance.now() - started;

  const lines = [
    `built ${films.length} film(s): ${films.map((f) => f.source.slug).join(', ')}`,
    `triples: ${build.stats.triples}`,
    `entities by type: ${build.stats.entitiesByType.map(([type, n]) => `${type} ${n}`).join(', ')}`,
    ...build.notes,
    `wrote: ${written.map((file) => `${path.relative(io.cwd, file) || file} (${kilobytes(build.files.get(path.relative(outDir, file)) ?? '')})`).join(', ')}`,
    `time: ${ms.toFixed(0)} ms`,
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/** The `build` command. */
export const buildCommand: Command = {
  name: 'build',
  summary: 'build the knowledge graph of every film and write Turtle, N-Triples and JSON-LD',
  help: HELP,
  run,
};
