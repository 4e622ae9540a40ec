// The many-film options of `filmkg build` and the choice between the whole-graph build and the streamed one. Light on
// purpose (no pipeline imports): the build command imports it at start-up.
import { readdir } from 'node:fs/promises';
import { FilmkgError } from '../errors.js';

/** Above this many films, `filmkg build` streams (src/bulk/build-many.ts) instead of holding the whole graph. */
export const STREAM_THRESHOLD = 200;

/** parseArgs options of the streamed build. */
export const BULK_ARGS = {
  bulk: { type: 'boolean' },
  jobs: { type: 'string' },
  'shard-size': { type: 'string' },
  'bad-films': { type: 'string' },
  'no-pages': { type: 'boolean' },
} as const;

/** The parsed values of BULK_ARGS. */
export interface BulkValues {
  readonly bulk?: boolean | undefined;
  readonly jobs?: string | undefined;
  readonly 'shard-size'?: string | undefined;
  readonly 'bad-films'?: string | undefined;
  readonly 'no-pages'?: boolean | undefined;
}

/** The help text of BULK_ARGS, for `filmkg build --help`. */
export const BULK_HELP = `
Many films (streamed; chosen with --bulk, any option below, or a films folder of more than ${STREAM_THRESHOLD} films):
extraction, mapping and each film's checks (shapes and vocabulary on the film's own graph) run on worker
threads; triples are streamed, so memory does not grow with the number of films (under 1 GB with 2
threads; each thread adds up to about 250 MB), and the files are the same whatever the number of threads. Writes
  bulk/part-00001.nt.gz …  the graph as gzip-compressed N-Triples shards for bulk loaders, each triple once
  bulk/manifest.json       films, triples, and each shard with its triple count
  films/                   the film pages and embeds, and index.html (unless --no-pages)
  filmkg.ttl, shapes.ttl   the ontology and the shapes
and no graph.ttl, graph.nt, graph.jsonld or void.ttl (see README, "Many films").
  --bulk             stream even a small set of films
  --jobs N           worker threads (default: the number of cores)
  --shard-size N     triples per shard (default 1000000)
  --bad-films fail|skip
                     a film that cannot be read or fails a check stops the build, naming its folder, and
                     nothing is written (fail, the default), or is left out and listed (skip)
  --no-pages         write no film pages
  Progress (films, triples, films/s, time left) updates one line on a terminal's stderr; otherwise one
  summary line is printed at the end.
`;

/** True when the build should stream: asked for, or more than STREAM_THRESHOLD film folders. */
export async function wantsStream(values: BulkValues, filmsDir: string, fromFacts: boolean): Promise<boolean> {
  const asked = values.bulk === true || [values.jobs, values['shard-size'], values['bad-films']].some((v) => v !== undefined) || values['no-pages'] === true;
  if (fromFacts) {
    if (asked) throw new FilmkgError('USAGE', 'the many-film options (--bulk, --jobs, --shard-size, --bad-films, --no-pages) take --films, not --facts (see filmkg build --help)');
    return false;
  }
  if (asked) return true;
  try {
    return (await readdir(filmsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).length > STREAM_THRESHOLD;
  } catch {
    return false; // the build reports the folder
  }
}
