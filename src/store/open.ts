// Opens the store the query command and the endpoint answer from: the built graph (out/graph.nt) when it is
// up to date, otherwise the graph built in-process from data/films; or a graph file the user names.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import { FILMS_DIR, PROJECT_ROOT } from '../paths.js';
import { OxigraphStore } from './oxigraph.js';

/** Where the graph comes from. */
export interface GraphSourceOptions {
  /** A Turtle (.ttl) or N-Triples (.nt) file to load instead of the bundled films. */
  graphFile?: string;
  /** Folder of films to build (default: data/films). */
  filmsDir?: string;
  /** Base IRI for an in-process build. */
  base?: string;
  /** Folder where `filmkg build` wrote graph.nt (default: out/ under the working directory). */
  outDir?: string;
}

/** The opened store and where its graph came from (for messages). */
export interface OpenedStore {
  store: OxigraphStore;
  source: string;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Opens a store. With `graphFile`, loads that file. Otherwise uses `<outDir>/graph.nt` only when it
 * is newer than every file of the films folder and of the compiled code (dist/), so a stale build is
 * never answered from; else builds the graph in-process (same code as `filmkg build`).
 */
export async function openGraphStore(options: GraphSourceOptions = {}): Promise<OpenedStore> {
  if (options.graphFile !== undefined) {
    const file = options.graphFile;
    if (!existsSync(file)) throw new FilmkgError('FILE_NOT_FOUND', 'no such graph file', { place: { file }, expected: 'a Turtle (.ttl) or N-Triples (.nt) file' });
    const format = /\.nt$/i.test(file) ? 'application/n-triples' : 'text/turtle';
    return { store: OxigraphStore.fromText(readFileSync(file, 'utf8'), format, file), source: file };
  }
  const filmsDir = options.filmsDir ?? FILMS_DIR;
  const built = path.join(options.outDir ?? 'out', 'graph.nt');
  if (options.base === undefined && options.filmsDir === undefined && existsSync(built)) {
    const builtAt = statSync(built).mtimeMs;
    const inputsAt = Math.max(newestMtime(filmsDir), newestMtime(path.join(PROJECT_ROOT, 'dist')));
    // Its bytes as they are (oxigraph reads UTF-8): no decoding into a JavaScript string and encoding back.
    if (builtAt > inputsAt) return { store: OxigraphStore.fromText(readFileSync(built), 'application/n-triples', built), source: built };
  }
  // Loaded only when needed: a one-shot query on an up-to-date build never loads the extractor or the mappers.
  const [{ loadFilms }, { buildGraph }, { toNTriples }] = await Promise.all([import('../pipeline.js'), import('../graph.js'), import('../export/ntriples.js')]);
  const quads = buildGraph(await loadFilms(filmsDir), options.base !== undefined ? { base: options.base } : {});
  return { store: OxigraphStore.fromText(toNTriples(quads)), source: `${filmsDir} (built in-process)` };
}
