// One film of a many-film build, as a worker thread runs it: folder → facts → the film's own graph → checks (shapes and
// vocabulary) → its N-Triples lines, split into lines only this film writes and lines other films may write too, and its pages.
// The pages are written here, by the thread that made them, under names of their own (`films/.film-<index>.html` …)
// that the main thread renames when it takes the film in order (so that two films with one slug cannot race for the
// same file); the film's own lines cross to the main thread as UTF-8 bytes it is handed (transferred, not copied).
import path from 'node:path';
import { formatViolations, validateQuads } from '../check/shacl.js';
import { checkVocabulary, formatVocabularyFindings } from '../check/vocabulary.js';
import { FilmkgError } from '../errors.js';
import { errnoCode, fsOps } from '../fsutil.js';
import { NTriplesSerializer } from '../export/ntriples.js';
import { mapFilm, sortedUnique } from '../graph.js';
import { IriMinter } from '../iri.js';
import { loadFilm } from '../pipeline.js';
import { filmEmbed } from '../web/embed.js';
import { defaultLinks, filmPage } from '../web/page.js';
import { embedFileText, PAGES_DIR } from '../web/step.js';

/** Where the pages of a streamed build link for the whole graph: it is in shards, listed in the manifest. */
export const WHOLE_GRAPH_LINK = { href: '../bulk/manifest.json', text: 'N-Triples, gzip-compressed shards listed in bulk/manifest.json' } as const;

const UTF8 = new TextEncoder();

/** What the worker is told once. */
export interface FilmJobSetup {
  readonly base: string;
  /** Check each film's graph against the shapes and the vocabulary. */
  readonly checks: boolean;
  /** Render each film's page and embed, and write them into this folder (the build's staging folder), or none. */
  readonly pagesInto?: string;
}

/** A film that was read, mapped and checked. */
export interface FilmJobDone {
  readonly ok: true;
  readonly index: number;
  readonly slug: string;
  readonly title: string;
  readonly year?: number;
  /**
   * The lines about the film's own nodes (`film/<slug>…`), sorted, unique, joined, in UTF-8: no other film writes them.
   */
  readonly filmLines: Uint8Array;
  readonly filmTriples: number;
  /**
   * The lines about nodes other films may share (people, organisations, awards, content-named statements …), sorted,
   * unique, joined (one string crosses between threads far more cheaply than thousands).
   */
  readonly sharedLines: string;
  readonly sharedCount: number;
  /** Page files written: [the name written, the name the file is to have], relative to the output folder. */
  readonly pages: Array<[string, string]>;
}

/** A film that failed: its extraction, its facts or a check. */
export interface FilmJobFailed {
  readonly ok: false;
  readonly index: number;
  readonly code: string;
  readonly message: string;
  /** With code IO: the file that could not be written (relative to the output folder) and the system's error code. */
  readonly file?: string;
  readonly errno?: string;
}

export type FilmJobResult = FilmJobDone | FilmJobFailed;

/** Reads, maps and checks the film in `dir`; every failure a user can act on comes back as FilmJobFailed, never thrown. */
export async function runFilmJob(index: number, dir: string, setup: FilmJobSetup): Promise<FilmJobResult> {
  // A minter per film: its cache of name keys would otherwise grow with every film the thread builds.
  const minter = new IriMinter(setup.base);
  try {
    const facts = await loadFilm(dir);
    // Sorted and unique in one pass (what buildGraph does): no key string per triple for a set first.
    const quads = sortedUnique(mapFilm(facts, minter));
    if (setup.checks) {
      const outcome = await validateQuads(quads);
      if (!outcome.conforms) {
        throw new FilmkgError('SHACL_VIOLATION', `the film's graph violates ${outcome.violations.length} constraint(s) of ontology/shapes.ttl\n${formatViolations(outcome.violations.slice(0, 10))}`);
      }
      const vocabulary = checkVocabulary(quads);
      if (!vocabulary.ok) {
        throw new FilmkgError('VOCABULARY', `the film's graph uses ${vocabulary.errors.length} unknown or undeclared term(s)\n${formatVocabularyFindings(vocabulary.errors)}`);
      }
    }
    const serializer = new NTriplesSerializer();
    let filmLines = '';
    let filmTriples = 0;
    const sharedLines: string[] = [];
    let previous = '';
    // sortQuads orders by subject, so each subject's lines come together; lines are sorted and de-duplicated as text.
    const own: string[] = [];
    for (const q of quads) {
      const line = serializer.line(q);
      if (minter.isFilmScoped(q.subject.value)) own.push(line);
      else sharedLines.push(line);
    }
    own.sort();
    for (const line of own) {
      if (line === previous) continue;
      filmLines += line;
      filmTriples++;
      previous = line;
    }
    sharedLines.sort();
    const sharedCount = sharedLines.length;
    const pages: Array<[string, string]> = [];
    if (setup.pagesInto !== undefined) {
      const slug = facts.source.slug;
      const iri = minter.film(slug).value;
      const embed = filmEmbed(quads, iri);
      // Names stay plain text here: a streamed build writes no entity pages (an entity's page shows what every film
      // says of it, which no single film's job knows), so a link would lead nowhere. The shards hold the entities.
      const files: Array<[string, string]> = [
        [`${PAGES_DIR}/${slug}.html`, filmPage(facts, embed, iri, { ...defaultLinks(slug), wholeGraph: WHOLE_GRAPH_LINK }, () => undefined, minter.base)],
        [`${PAGES_DIR}/${slug}.jsonld`, embedFileText(embed)],
      ];
      for (const [name, text] of files) {
        const written = `${PAGES_DIR}/.film-${index}${path.extname(name)}`;
        try {
          await fsOps.writeNewFile(path.join(setup.pagesInto, written), text);
        } catch (error) {
          const errno = errnoCode(error);
          if (errno === undefined) throw error;
          return { ok: false, index, code: 'IO', message: (error as Error).message, file: written, errno };
        }
        pages.push([written, name]);
      }
    }
    return {
      ok: true,
      index,
      slug: facts.source.slug,
      title: facts.title.value,
      ...(facts.year ? { year: facts.year.value } : {}),
      filmLines: UTF8.encode(filmLines),
      filmTriples,
      sharedLines: sharedLines.join(''),
      sharedCount,
      pages,
    };
  } catch (error) {
    if (error instanceof FilmkgError) return { ok: false, index, code: error.code, message: error.message };
    throw error;
  }
}
