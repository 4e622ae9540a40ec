// `filmkg review ARTICLE`: the rule decisions and the rows no rule settles, as a ready-to-edit curation file.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { FilmkgError } from '../errors.js';
import type { Accolade, FilmFacts } from '../facts/model.js';
import { factsFromText } from '../facts/from-text.js';
import { filmFiles, readMetadata } from '../pipeline.js';
import { assumedMetadata } from './extract.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';

const HELP = `Usage: filmkg review ARTICLE

Reads a film article (a film folder or an article file) without its curation file and prints, as a
curation file (JSON, the format of data/films/<slug>/curation.json), one entry per accolade row
that has no recipient cell of its own:

  - rows the extractor's rules decided (a cell spanned from the row above, a film-level category,
    the credited person of a role), with the rules' reason: keep them to confirm, edit to override;
  - rows no rule settles ("needs review"), with the rules' candidates: fill in "recipients" (or
    change "kind" to "accolade-film-level"), rewrite the reason, and delete what you do not want;
    an entry whose reason still begins "NEEDS REVIEW" is refused (BAD_CURATION).

Save it as curation.json beside the article; the next extract or build applies it, and a decision
that no longer fits the article fails loudly (BAD_CURATION).

Exit codes: 0 printed; 1 the input is no film article; 2 usage error.
`;

const slug = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The curation entries for the open rows of `facts`. */
export function reviewEntries(facts: FilmFacts): object[] {
  const entries: object[] = [];
  const ref = (a: Accolade) => ({ line: a.evidence.line, body: a.body, category: a.category });
  for (const a of facts.accolades) {
    const rule = a.decision?.rules !== undefined;
    if (!rule && a.recipientSource !== 'needs-review') continue;
    const id = `${slug(a.body)}-${slug(a.category)}-line-${a.evidence.line}`.slice(0, 80).replace(/-$/, '');
    if (rule && a.recipientSource === 'film') {
      entries.push({ kind: 'accolade-film-level', id, reason: `Confirmed: ${a.decision?.reason ?? ''}`, accolade: ref(a) });
    } else if (rule) {
      entries.push({ kind: 'accolade-spanned-recipient', id, reason: `Confirmed: ${a.decision?.reason ?? ''}`, accolade: ref(a), recipients: a.recipients, fromLine: a.decision?.fromLine ?? a.evidence.line - 1 });
    } else {
      const candidate = a.candidates?.[0];
      entries.push({
        kind: 'accolade-spanned-recipient',
        id,
        reason: `NEEDS REVIEW: line ${a.evidence.line} has no recipient cell. ${a.candidates?.length ? `Candidates: ${a.candidates.map((c) => `${c.rule} → ${c.recipients.join(', ')}`).join('; ')}.` : 'No rule applies.'} Write who the row honours and why, or make it "accolade-film-level".`,
        accolade: ref(a),
        recipients: candidate?.recipients ?? [],
        fromLine: Math.max(1, a.evidence.line - 1),
      });
    }
  }
  return entries;
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'print the rule decisions and unresolved rows of an article as a ready-to-edit curation file',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { positionals } = parseCommandArgs('review', args, {});
    if (positionals.length !== 1) throw new FilmkgError('USAGE', 'review takes one ARTICLE (see filmkg review --help)');
    let target = path.resolve(io.cwd, positionals[0] as string);
    const isDir = await stat(target).then((s) => s.isDirectory(), (error: unknown) => {
      throw new FilmkgError('FILE_NOT_FOUND', 'no such file or folder', { place: { file: target }, expected: 'a film folder or an article .txt file', cause: error });
    });
    if (isDir) target = filmFiles(target).article;
    const text = await readFile(target, 'utf8').catch((error: unknown) => {
      throw new FilmkgError('FILE_NOT_FOUND', 'cannot read the article', { place: { file: target }, expected: 'a readable file', cause: error });
    });
    const metaFile = filmFiles(path.dirname(target)).metadata;
    const meta = await stat(metaFile).then(() => readMetadata(metaFile), () => assumedMetadata(target, text).meta);
    const facts = factsFromText(text, meta, target);
    const entries = reviewEntries(facts);
    const open = facts.accolades.filter((a) => a.recipientSource === 'needs-review').length;
    io.stdout(`${JSON.stringify({ $comment: `Curation for ${facts.title.value}: ${entries.length} row(s) without a recipient cell, ${open} of them need review. Review each entry, then save as curation.json beside the article.`, decisions: entries }, null, 2)}\n`);
    io.stderr(`filmkg review: ${entries.length} decision(s), ${open} need review\n`);
    return EXIT.ok;
  },
};
