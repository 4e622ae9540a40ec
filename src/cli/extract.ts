// `filmkg extract [ARTICLE]`: prints a film's facts (extracted, curated, checked) as JSON.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FilmMetadata } from '../extract/index.js';
import { FilmkgError } from '../errors.js';
import { factsFromText, filmFiles, loadFilm, readMetadata } from '../pipeline.js';
import type { FilmFacts } from '../facts/model.js';
import { DEFAULT_FILM, FILMS_DIR } from '../paths.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';

const HELP = `Usage: filmkg extract [ARTICLE] [--no-curation]

Reads a film's Wikipedia article (plain text) and prints its facts as JSON: infobox, cast and
characters, production, releases and money, reception, accolades, soundtrack and references,
each fact with its evidence (article line(s), exact text, citation markers).

ARTICLE is a film folder (holding article.txt, metadata.json and optionally curation.json) or
an article.txt file. An article with no metadata.json beside it is read with placeholder
metadata (slug from the file name, its file: URL, its modification date as retrieval date). Without ARTICLE,
the bundled film (data/films/${DEFAULT_FILM}) is read.

Options:
  --no-curation  print the facts as extracted, before the curation file's decisions
  -h, --help     show this help

Infobox labels the extractor does not know are kept in "unknownInfoboxFields" and listed on stderr.

Exit codes: 0 printed; 1 the article cannot be read or parsed (the message names the file, line
and what was expected; nothing is printed on stdout); 2 usage error.
`;

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    throw new FilmkgError('FILE_NOT_FOUND', 'no such file or folder', { place: { file: p }, expected: 'a film folder or an article.txt file' });
  }
}

/** Metadata for an article with no metadata.json beside it: said so in the attribution, dated by the file. */
async function placeholderMetadata(article: string): Promise<FilmMetadata> {
  const slug = path.basename(article).replace(/\.txt$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'film';
  const modified = (await stat(article)).mtime.toISOString().slice(0, 10);
  return {
    slug,
    title: slug,
    url: pathToFileURL(article).href,
    licence: { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/' },
    attribution: 'Wikipedia contributors. No metadata.json was found beside the article: title, URL and retrieval date are placeholders.',
    retrieved: modified,
  };
}

async function readFacts(target: string, curation: boolean): Promise<FilmFacts> {
  if (await isDirectory(target)) {
    if (curation) return loadFilm(target);
    const files = filmFiles(target);
    return factsFromText(await readArticle(files.article), await readMetadata(files.metadata), files.article);
  }
  const metaFile = path.join(path.dirname(target), 'metadata.json');
  const meta = existsSync(metaFile) ? await readMetadata(metaFile) : await placeholderMetadata(target);
  return factsFromText(await readArticle(target), meta, target);
}

async function readArticle(file: string): Promise<string> {
  try {
    return new TextDecoder('utf-8').decode(await readFile(file));
  } catch (error) {
    throw new FilmkgError('FILE_NOT_FOUND', 'cannot read the article', { place: { file }, expected: 'a readable file', cause: error });
  }
}

/** The `extract` command. */
export const extractCommand: Command = {
  name: 'extract',
  summary: 'print the facts of a film article as JSON (default: the bundled film)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('extract', args, { 'no-curation': { type: 'boolean' } });
    if (positionals.length > 1) throw new FilmkgError('USAGE', 'extract takes at most one ARTICLE (see filmkg extract --help)');
    const target = positionals[0] !== undefined ? path.resolve(io.cwd, positionals[0]) : path.join(FILMS_DIR, DEFAULT_FILM);
    const facts = await readFacts(target, values['no-curation'] !== true);
    for (const f of facts.unknownInfoboxFields) {
      io.stderr(`filmkg extract: note: unknown infobox label "${f.label}" at line ${f.evidence.line} kept in unknownInfoboxFields\n`);
    }
    io.stdout(`${JSON.stringify(facts, null, 2)}\n`);
    return EXIT.ok;
  },
};
