// `filmkg eval`: the fidelity report — the extractor scored against every hand-written gold file of the corpus.
import { FilmkgError } from '../errors.js';
import { evaluateCorpus, renderReport } from '../eval/corpus.js';
import { rates } from '../eval/score.js';
import { parseCommandArgs } from './args.js';
import { EXIT, type Command } from './command.js';
import type { CliIo } from './io.js';

const HELP = `Usage: filmkg eval [--json] [--details]

Scores the extractor against every gold file (test/corpus/*/gold.json, test/fixtures/films/*/gold.json,
data/films/*/gold.json; format in test/corpus/README.md): recall and precision per field (infobox
fields, review scores, accolade rows and their recipients, dates and works, tracks and their
columns, references), per article and overall, with each article's diagnostics and whether it
was rejected. Articles are read without curation; a film with a curation file is also scored with it.

Options:
  --json      print the scores as JSON instead of markdown tables
  --details   also list each article's wrong and missed fields
  -h, --help  show this help

Exit codes: 0 printed; 2 usage error.
`;

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score the extractor against the hand-written gold files of the corpus (recall, precision)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs('eval', args, { json: { type: 'boolean' }, details: { type: 'boolean' } });
    if (positionals.length > 0) throw new FilmkgError('USAGE', 'eval takes no arguments (see filmkg eval --help)');
    const results = await evaluateCorpus();
    if (values.json) {
      io.stdout(`${JSON.stringify(results, null, 2)}\n`);
      return EXIT.ok;
    }
    io.stdout(renderReport(results));
    if (values.details) {
      for (const r of results) {
        const bad = Object.entries(r.scores).filter(([, t]) => t.fp > 0 || t.fn > 0);
        if (bad.length === 0) continue;
        const x = rates(r.scores);
        io.stdout(`\n${r.slug} (${r.variant}): recall ${(100 * x.recall).toFixed(1)} %\n`);
        for (const [field, t] of bad) io.stdout(`  ${field}: ${t.fp} wrong, ${t.fn} missed\n`);
      }
    }
    return EXIT.ok;
  },
};
