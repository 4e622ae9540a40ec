// `filmkg extract [ARTICLE]`: prints a film's facts (extracted, curated, checked) as JSON.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import { formatDiagnostic } from '../extract/diagnostics.js';
import type { FilmFacts } from '../facts/model.js';
import { assumedMetadata } from '../metadata.js';
import { filmFiles, readArticleTarget } from '../pipeline.js';

export { assumedMetadata };
import { DEFAULT_FILM, FILMS_DIR } from '../paths.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';

const HELP = `Usage: filmkg extract [ARTICLE] [--no-curation] [--strict]

Reads a film's Wikipedia article (plain text) and prints its facts as JSON (2-space indent,
keys in the facts model's order): infobox, cast and characters, production, releases and
money, reception, accolades, soundtrack and references, each fact with its evidence (article
line(s), exact text, citation markers).

ARTICLE is a film folder (holding article.txt, metadata.json and optionally curation.json) or
an article file. A film folder's article.txt gets the folder's metadata and curation. Any other
.txt file with a metadata.json beside it gets that metadata and no curation. A .txt file with no
metadata.json beside it is read with assumed metadata, stated on stderr: title (and slug) from
the article's title line, its file: URL, CC BY-SA 3.0, and the revision date (the "last
edited" line) as retrieval date. Without ARTICLE, the bundled film
(data/films/${DEFAULT_FILM}) is read.

Options:
  --no-curation  print the facts as extracted, before the curation file's decisions
  --strict       fail (exit 1) when the article has any error or warning diagnostic
  -h, --help     show this help

The article may be laid out as a saved or copied page (WIKI 2, Wikipedia, its mobile site, mirrors),
markdown, or bare text; the infobox's rows may be glued ("Directed byX"), or tab-, pipe- or
colon-separated. What cannot be read is reported, not fatal: each diagnostic goes to stderr as
"FILE:LINE: severity family:code: message" (also in the facts' "diagnostics"), then a summary line.
Rows the extractor's rules decide (a row-spanned recipient cell, a film-level category) carry their
decision; rows no rule settles are kept as "needs review" (see filmkg review).

Exit codes: 0 printed (with or without diagnostics); 1 the input is no film article (empty, binary,
no infobox anywhere), a curation file does not fit, or --strict found diagnostics (the message names
the file, line and what was expected; nothing is printed on stdout); 2 usage error.
`;

async function kindOf(p: string): Promise<'folder' | 'file'> {
  try {
    return (await stat(p)).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    throw new FilmkgError('FILE_NOT_FOUND', 'no such file or folder', { place: { file: p }, expected: 'a film folder or an article .txt file', cause: error });
  }
}

/** The summary line: diagnostics by severity, rule decisions, rows that need review. */
export function summary(facts: FilmFacts): string {
  const by = (s: string) => facts.diagnostics.filter((d) => d.severity === s).length;
  const decided = facts.accolades.filter((a) => a.decision?.rules !== undefined).length;
  const review = facts.accolades.filter((a) => a.recipientSource === 'needs-review').length;
  return `${facts.diagnostics.length} diagnostic(s): ${by('error')} error(s), ${by('warning')} warning(s), ${by('info')} info; ${decided} row(s) decided by rule, ${review} need review (filmkg review prints them as a curation file)`;
}

/** The `extract` command. */
export const extractCommand: Command = {
  name: 'extract',
  summary: 'print the facts of a film article as JSON (default: the bundled film)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('extract', args, { 'no-curation': { type: 'boolean' }, strict: { type: 'boolean' } });
    if (positionals.length > 1) throw new FilmkgError('USAGE', 'extract takes at most one ARTICLE (see filmkg extract --help)');
    const target = positionals[0] !== undefined ? path.resolve(io.cwd, positionals[0]) : path.join(FILMS_DIR, DEFAULT_FILM);
    // Notes are held back until the facts are complete, so a failure prints its error alone.
    const notes: string[] = [];
    const facts = await readArticleTarget(target, { curation: values['no-curation'] !== true, strict: values.strict === true, note: (line) => notes.push(line) });
    for (const n of notes) io.stderr(`filmkg extract: note: ${n}\n`);
    // Diagnostics name the article file (a folder's article.txt), relative to where the command runs.
    const articleFile = (await kindOf(target)) === 'folder' ? filmFiles(target).article : target;
    const file = path.relative(io.cwd, articleFile) || articleFile;
    for (const d of facts.diagnostics) io.stderr(`${formatDiagnostic(d, file)}\n`);
    io.stderr(`filmkg extract: ${summary(facts)}\n`);
    io.stdout(`${JSON.stringify(facts, null, 2)}\n`);
    return EXIT.ok;
  },
};
