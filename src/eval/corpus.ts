// The fidelity report: extracts every article that has a gold file (test/corpus, test/fixtures/films, data/films)
// without curation (and the bundled films also with it), scores it, and renders the tables of docs/extraction.md.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseCuration } from '../curate/curation.js';
import { FilmkgError } from '../errors.js';
import type { FilmFacts } from '../facts/model.js';
import { factsFromText } from '../facts/from-text.js';
import type { FilmMetadata } from '../pipeline.js';
import { PROJECT_ROOT } from '../paths.js';
import { Gold } from './gold.js';
import { rates, score, total, type Scores } from './score.js';

/** The folders whose sub-folders may hold article.txt + gold.json. */
export const CORPUS_DIRS = ['test/corpus', 'test/fixtures/films', 'data/films'].map((d) => path.join(PROJECT_ROOT, d));

/** One scored article. */
export interface ArticleScore {
  readonly slug: string;
  readonly layout: string;
  readonly kind: string;
  /** `without curation` or `with curation`. */
  readonly variant: string;
  readonly scores: Scores;
  readonly diagnostics: { error: number; warning: number; info: number };
  readonly needsReview: number;
  readonly decided: number;
  /** The error when the article was rejected whole. */
  readonly rejected?: string;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

const META = (slug: string): FilmMetadata => ({ slug, title: slug, url: `https://filmkg.example/corpus/${slug}`, licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'corpus article' });

/** Scores every article of `dirs` that has a gold file. */
export async function evaluateCorpus(dirs: readonly string[] = CORPUS_DIRS): Promise<ArticleScore[]> {
  const out: ArticleScore[] = [];
  for (const dir of dirs) {
    const names = (await readdir(dir, { withFileTypes: true }).catch(() => [])).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    for (const slug of names) {
      const folder = path.join(dir, slug);
      const goldFile = path.join(folder, 'gold.json');
      if (!(await exists(goldFile))) continue;
      const gold = Gold.parse(JSON.parse(await readFile(goldFile, 'utf8')));
      const articleFile = path.join(folder, 'article.txt');
      const text = await readFile(articleFile, 'utf8');
      const curationFile = path.join(folder, 'curation.json');
      const variants: Array<[string, boolean]> = [['without curation', false]];
      if (await exists(curationFile)) variants.push(['with curation', true]);
      for (const [variant, curated] of variants) {
        const base = { slug, layout: gold.layout, kind: gold.kind, variant };
        let facts: FilmFacts;
        try {
          const curation = curated ? { curation: parseCuration(await readFile(curationFile, 'utf8'), curationFile), file: curationFile } : undefined;
          facts = factsFromText(text, META(slug.replace(/[^a-z0-9-]/g, '-')), articleFile, curation);
        } catch (error) {
          const message = error instanceof FilmkgError ? `${error.code}: ${error.message}` : String(error);
          out.push({ ...base, scores: {}, diagnostics: { error: 0, warning: 0, info: 0 }, needsReview: 0, decided: 0, rejected: message });
          continue;
        }
        const count = (s: string) => facts.diagnostics.filter((d) => d.severity === s).length;
        out.push({
          ...base,
          scores: score(facts, gold),
          diagnostics: { error: count('error'), warning: count('warning'), info: count('info') },
          needsReview: facts.accolades.filter((a) => a.recipientSource === 'needs-review').length,
          decided: facts.accolades.filter((a) => a.decision?.rules !== undefined).length,
        });
      }
    }
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** The report as markdown: overall, per field, per article. */
export function renderReport(results: readonly ArticleScore[]): string {
  const scored = results.filter((r) => r.variant === 'without curation');
  const all = total(scored.map((r) => r.scores));
  const overall = rates(all);
  const lines: string[] = [];
  lines.push(`Articles: ${scored.length} (${scored.filter((r) => r.kind === 'full').length} full, ${scored.filter((r) => r.kind === 'opening').length} openings); rejected: ${scored.filter((r) => r.rejected).length}.`);
  lines.push(`Overall (without curation): recall ${pct(overall.recall)}, precision ${pct(overall.precision)} (${overall.tp} right, ${overall.fp} wrong, ${overall.fn} missed).`, '');
  lines.push('| field | recall | precision | right | wrong | missed |', '|---|---|---|---|---|---|');
  for (const field of Object.keys(all).sort()) {
    const r = rates({ [field]: all[field] as Scores[string] });
    lines.push(`| ${field} | ${pct(r.recall)} | ${pct(r.precision)} | ${r.tp} | ${r.fp} | ${r.fn} |`);
  }
  lines.push('', '| article | layout | variant | recall | precision | errors | warnings | info | decided by rule | needs review |', '|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    if (r.rejected) {
      lines.push(`| ${r.slug} | ${r.layout} | ${r.variant} | REJECTED: ${r.rejected.replace(/\|/g, '/')} | | | | | | |`);
      continue;
    }
    const x = rates(r.scores);
    lines.push(`| ${r.slug} | ${r.layout} | ${r.variant} | ${pct(x.recall)} | ${pct(x.precision)} | ${r.diagnostics.error} | ${r.diagnostics.warning} | ${r.diagnostics.info} | ${r.decided} | ${r.needsReview} |`);
  }
  return `${lines.join('\n')}\n`;
}
