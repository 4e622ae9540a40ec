// `filmkg build`: loads every film under data/films/, maps the facts into one graph, checks it, writes the graph files, description and pages atomically, prints a summary.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { readFile } from 'node:fs/promises';
import { FilmkgError } from '../errors.js';
import type { FilmFacts } from '../facts/model.js';
import { DEFAULT_BASE, checkBase } from '../base.js';
import { FILMS_DIR } from '../paths.js';
import { BULK_ARGS, BULK_HELP, wantsStream } from '../bulk/options.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';

const HELP = `Usage: filmkg build [--films DIR | --facts FILE…] [--out DIR] [--base IRI] [--force]

Builds the knowledge graph of every film under the films folder into one graph, checks it
against the SHACL shapes and the vocabulary (as \`filmkg validate\` does), and writes
  graph.ttl     Turtle, with prefixes, grouped by subject (byte-deterministic)
  graph.nt      N-Triples, sorted
  graph.jsonld  JSON-LD of the whole graph, compacted with ontology/context.jsonld
  filmkg.ttl    the local ontology;  shapes.ttl  the SHACL shapes
  void.ttl      the dataset description (VoID and DCAT), computed from the graph
  films/        a page per film (<slug>.html) with its schema.org JSON-LD embed
                (<slug>.jsonld), and index.html
into the output folder, all at once: the files are written into a new folder beside it, which
then replaces the output folder whole (on POSIX, --out is a symbolic link to the newest build,
switched by one rename), so a reader sees the old set or the new set, never a mix, and files of
films no longer built disappear. Nothing changes if any check or write fails; folders left by
interrupted builds are removed by the next one. An existing output folder holding files a build
does not write is refused rather than replaced.

A build is content-addressed: build-manifest.json in the output folder records the hash of every
input (the films' article, metadata and curation files or the facts files, the ontology, shapes
and context, the vendored and bundled files, filmkg's own code and pinned dependencies, the
options) and of every file written. When the inputs are unchanged and every file is as written,
nothing is redone and the output folder is left untouched ("up to date: …"); --force rebuilds.

Options:
  --films DIR   folder of films, one sub-folder per film (default: the bundled data/films)
  --facts FILE  build from a facts file (JSON, as \`filmkg extract\` prints) instead of
                extracting; repeat for several films
  --out DIR     output folder (default: out)
  --base IRI    base of the graph's IRIs (default: ${DEFAULT_BASE})
  --force       rebuild even when the output is up to date
  -h, --help    show this help
${BULK_HELP}
Exit codes: 0 built; 1 bad facts, a failed check (the message names the file and the path of
the bad value) or a file-system failure (IO: full disk, permission denied, a file where a folder
should be; the message names the path); 2 usage error.
`;

/** Reads and checks one facts file; a bad value fails with the file and the path of the value. */
async function readFactsFile(file: string): Promise<FilmFacts> {
  const { checkFacts } = await import('../facts/check.js');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FilmkgError('FILE_NOT_FOUND', 'cannot read the facts file', { place: { file }, expected: 'a readable JSON file', cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FilmkgError('INVALID_FACTS', 'the facts file is not JSON', { place: { file }, expected: 'JSON facts as `filmkg extract` prints them', cause: error });
  }
  return checkFacts(data, file);
}

/** A path as the user would type it: relative to the working folder when inside it, else absolute. */
function shown(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function kilobytes(data: string | Uint8Array): string {
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return `${(bytes / 1024).toFixed(1)} kB`;
}

const BUILD_ARGS = {
  films: { type: 'string' },
  facts: { type: 'string', multiple: true },
  out: { type: 'string' },
  base: { type: 'string' },
  ...BULK_ARGS,
  force: { type: 'boolean' },
} as const;

/** What the up-to-date check found: the inputs' hashes and the state of the output folder. */
type Checked = Awaited<ReturnType<typeof checkUpToDate>>;

/**
 * Content-addressed: the inputs' hashes against the manifest of the build in place, before the pipeline is even
 * loaded. Files whose status is as it was when last hashed are not read again (FileHasher: the cache beside the
 * output folder).
 */
async function checkUpToDate(target: { factsFiles?: string[]; filmsDir: string; base: string; outDir: string }) {
  const { hashInputs, checkFreshness, manifestText, MANIFEST_FILE, FileHasher, hashCacheFile } = await import('../export/manifest.js');
  const hasher = new FileHasher(hashCacheFile(target.outDir));
  const inputs = await hashInputs(target.factsFiles !== undefined ? { factsFiles: target.factsFiles, base: target.base } : { filmsDir: target.filmsDir, base: target.base }, hasher);
  const freshness = await checkFreshness(target.outDir, inputs, hasher);
  hasher.save();
  return { inputs, freshness, manifestText, MANIFEST_FILE };
}

function upToDateText(io: CliIo, outDir: string, inputs: Checked['inputs'], files: number, started: number): string {
  return `up to date: ${shown(io.cwd, outDir)} was built from these inputs (${Object.keys(inputs).length} hashed, ${files} files as written); nothing to do (--force rebuilds)\ntime: ${(performance.now() - started).toFixed(0)} ms\n`;
}

/**
 * The up-to-date check alone, for the launcher (src/cli/launch.ts) to run before it loads the whole CLI: prints the
 * "up to date" line and resolves to 0 when a one-film build has nothing to do; resolves to undefined, having printed
 * nothing, in every other case (a build to run, --force, --help, many films, a usage error or any failure, which the
 * command itself then reports).
 */
export async function runIfUpToDate(args: string[], io: CliIo): Promise<number | undefined> {
  try {
    const started = performance.now();
    const { values, positionals } = parseCommandArgs('build', args, BUILD_ARGS);
    if (positionals.length > 0 || values.force === true || (values.films !== undefined && values.facts !== undefined)) return undefined;
    const base = checkBase(values.base ?? DEFAULT_BASE);
    const filmsDir = values.films !== undefined ? path.resolve(io.cwd, values.films) : FILMS_DIR;
    if (await wantsStream(values, filmsDir, values.facts !== undefined)) return undefined;
    const outDir = path.resolve(io.cwd, values.out ?? 'out');
    const factsFiles = values.facts?.map((f) => path.resolve(io.cwd, f));
    const checked = await checkUpToDate({ ...(factsFiles !== undefined ? { factsFiles } : {}), filmsDir, base, outDir });
    if (!checked.freshness.upToDate) return undefined;
    io.stdout(upToDateText(io, outDir, checked.inputs, checked.freshness.files, started));
    return EXIT.ok;
  } catch {
    return undefined;
  }
}

/** Runs the build; see HELP. */
async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('build', args, BUILD_ARGS);
  if (positionals.length > 0) {
    io.stderr(`filmkg build: unexpected argument "${positionals[0] as string}" (see filmkg build --help)\n`);
    return EXIT.usage;
  }
  const base = checkBase(values.base ?? DEFAULT_BASE);
  const started = performance.now();
  if (await wantsStream(values, values.films !== undefined ? path.resolve(io.cwd, values.films) : FILMS_DIR, values.facts !== undefined)) {
    const { runStreamedBuild } = await import('../bulk/cli.js'); // many films: src/bulk/
    return runStreamedBuild(values, { io, filmsDir: values.films !== undefined ? path.resolve(io.cwd, values.films) : FILMS_DIR, outDir: path.resolve(io.cwd, values.out ?? 'out'), base, shown: (file) => shown(io.cwd, file) });
  }
  const filmsDir = values.films !== undefined ? path.resolve(io.cwd, values.films) : FILMS_DIR;
  const outDir = path.resolve(io.cwd, values.out ?? 'out');
  if (values.films !== undefined && values.facts !== undefined) {
    throw new FilmkgError('USAGE', 'give either --films or --facts, not both (see filmkg build --help)');
  }
  const factsFiles = values.facts?.map((f) => path.resolve(io.cwd, f));
  const checked = await checkUpToDate({ ...(factsFiles !== undefined ? { factsFiles } : {}), filmsDir, base, outDir });
  const { inputs, freshness, manifestText, MANIFEST_FILE } = checked;
  if (freshness.upToDate && values.force !== true) {
    io.stdout(upToDateText(io, outDir, inputs, freshness.files, started));
    return EXIT.ok;
  }
  // Loaded here, not at the top: every command module is imported by the CLI registry, and the
  // extractor, zod and jsonld would slow every other command's start-up.
  const [{ loadFilms }, { buildFiles }, { writeFilesAtomic }] = await Promise.all([import('../pipeline.js'), import('../export/build.js'), import('../fsutil.js')]);
  const films = factsFiles !== undefined ? await Promise.all(factsFiles.map((f) => readFactsFile(f))) : await loadFilms(filmsDir);
  const build = await buildFiles(films, { base, threads: 'auto' });
  build.files.set(MANIFEST_FILE, manifestText(inputs, build.files));
  const output = await writeFilesAtomic(outDir, build.files, { show: (file) => shown(io.cwd, file) });
  const ms = performance.now() - started;
  for (const warning of output.warnings) io.stderr(`filmkg build: warning: ${warning}\n`);

  const lines = [
    `built ${films.length} film(s): ${films.map((f) => f.source.slug).join(', ')}`,
    `triples: ${build.stats.triples}`,
    `entities by type: ${build.stats.entitiesByType.map(([type, n]) => `${type} ${n}`).join(', ')}`,
    ...build.notes,
    ...(freshness.upToDate ? ['rebuilt: --force'] : freshness.first ? [] : [`rebuilt: ${freshness.reason}`]),
    ...(output.removedStale.length > 0 ? [`removed what interrupted builds left: ${output.removedStale.join(', ')}`] : []),
    wroteLine(output.written, outDir, build.files, (file) => shown(io.cwd, file)),
    `time: ${ms.toFixed(0)} ms`,
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/**
 * The "wrote:" line: the graph files and film pages one by one, the entity pages (hundreds, in folders such as
 * person/ and award/) as one count with their size and folders, so the line stays readable.
 */
function wroteLine(written: readonly string[], outDir: string, files: ReadonlyMap<string, string | Uint8Array>, show: (file: string) => string): string {
  const listed: string[] = [];
  const folders = new Set<string>();
  let pages = 0;
  let bytes = 0;
  for (const file of written) {
    const name = path.relative(outDir, file).split(path.sep).join('/');
    const text = files.get(name) ?? '';
    const folder = name.includes('/') ? name.slice(0, name.indexOf('/')) : '';
    if (folder !== '' && folder !== 'films' && name.endsWith('.html')) {
      pages += 1;
      bytes += typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength;
      folders.add(`${folder}/`);
    } else listed.push(`${show(file)} (${kilobytes(text)})`);
  }
  if (pages > 0) listed.push(`${pages} entity pages (${(bytes / 1000).toFixed(1)} kB) in ${[...folders].sort().join(', ')}`);
  return `wrote: ${listed.join(', ')}`;
}

/** The `build` command. */
export const buildCommand: Command = {
  name: 'build',
  summary: 'build, check and write the knowledge graph of every film (Turtle, N-Triples, JSON-LD, VoID, pages)',
  help: HELP,
  run,
};
