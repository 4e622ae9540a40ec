// Scores extracted facts against a gold file: true positives, false positives and misses per field, so that
// precision and recall can be summed per article and over the corpus. A row the extractor left "needs review"
// is an abstention: a miss for recall, not an error for precision.
import type { FilmFacts } from '../facts/model.js';
import type { Gold } from './gold.js';

/** Counts of one field. */
export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export type Scores = Record<string, Tally>;

const ODD = /[\u00a0\u2002-\u200a\u202f\u205f\u3000\t]/g;
/** Compares text as a reader would: spaces, quotes and dashes unified, case kept. */
export function norm(text: string): string {
  return text.normalize('NFC').replace(ODD, ' ').replace(/[“”„″]/g, '"').replace(/[‘’′]/g, "'").replace(/[–—−‐]/g, '-').replace(/\s+/g, ' ').replace(/\s*-\s*/g, ' - ').trim();
}

function add(scores: Scores, field: string, t: Partial<Tally>): void {
  const s = (scores[field] ??= { tp: 0, fp: 0, fn: 0 });
  s.tp += t.tp ?? 0;
  s.fp += t.fp ?? 0;
  s.fn += t.fn ?? 0;
}

/** Multiset comparison of two lists of keys. */
function compareLists(scores: Scores, field: string, gold: readonly string[], got: readonly string[]): void {
  const left = [...got.map(norm)];
  let tp = 0;
  for (const g of gold.map(norm)) {
    const i = left.indexOf(g);
    if (i >= 0) {
      tp++;
      left.splice(i, 1);
    }
  }
  add(scores, field, { tp, fp: left.length, fn: gold.length - tp });
}

function compareOne(scores: Scores, field: string, gold: string | undefined, got: string | undefined): void {
  if (gold === undefined) return;
  if (got === undefined) add(scores, field, { fn: 1 });
  else if (norm(got) === norm(gold)) add(scores, field, { tp: 1 });
  else add(scores, field, { fp: 1, fn: 1 });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].map(norm).sort().join('\u0000') === [...b].map(norm).sort().join('\u0000');

/** Scores `facts` (extracted, maybe curated) against `gold`. */
export function score(facts: FilmFacts, gold: Gold): Scores {
  const scores: Scores = {};
  compareOne(scores, 'title', gold.title, facts.title.value);
  if (gold.year !== undefined) compareOne(scores, 'year', String(gold.year), facts.year ? String(facts.year.value) : undefined);
  const box = facts.layout?.infobox;
  const inBox = (line: number) => !box || (line >= box.line && line <= box.endLine);
  const ib = gold.infobox;
  if (ib) {
    const roles = ['director', 'screenwriter', 'story', 'producer', 'starring', 'narrator', 'cinematographer', 'editor', 'composer'] as const;
    for (const role of roles) {
      const g = ib[role];
      if (!g) continue;
      const got = facts.credits.filter((c) => c.role === role && !c.decision && inBox(c.evidence.line)).map((c) => c.person);
      compareLists(scores, `infobox.${role}`, g, got);
    }
    if (ib.productionCompany) compareLists(scores, 'infobox.productionCompany', ib.productionCompany, facts.organisations.filter((o) => o.role === 'production-company' && inBox(o.evidence.line)).map((o) => o.name));
    if (ib.distributor) {
      const got = facts.organisations.filter((o) => o.role === 'distributor' && inBox(o.evidence.line));
      compareLists(scores, 'infobox.distributor', ib.distributor.map((d) => d.name), got.map((o) => o.name));
      const withRegion = ib.distributor.filter((d) => d.region !== undefined);
      compareLists(scores, 'infobox.distributor.region', withRegion.map((d) => `${d.name} @ ${d.region}`), got.filter((o) => o.region !== undefined).map((o) => `${o.name} @ ${o.region}`));
    }
    if (ib.releases) compareLists(scores, 'infobox.releases', ib.releases, [...new Set(facts.releases.filter((r) => inBox(r.evidence.line)).map((r) => r.date))]);
    if (ib.runningTime !== undefined) compareOne(scores, 'infobox.runningTime', String(ib.runningTime), facts.runningTime ? String(facts.runningTime.minutes) : undefined);
    if (ib.countries) compareLists(scores, 'infobox.countries', ib.countries, facts.countries.map((c) => c.value));
    if (ib.languages) compareLists(scores, 'infobox.languages', ib.languages, facts.languages.map((c) => c.value));
    const money = (m: { currency: string; amount?: string | undefined; lower?: string | undefined; upper?: string | undefined } | undefined) =>
      m ? `${m.currency} ${m.amount ?? ''} ${m.lower ?? ''} ${m.upper ?? ''}` : undefined;
    if (ib.budget) compareOne(scores, 'infobox.budget', money(ib.budget), money(facts.budget));
    if (ib.boxOffice) compareOne(scores, 'infobox.boxOffice', money(ib.boxOffice), money(facts.boxOffice));
    if (ib.basedOn) {
      compareOne(scores, 'infobox.basedOn', ib.basedOn.title, facts.basedOn?.title);
      if (ib.basedOn.author !== undefined) compareOne(scores, 'infobox.basedOn.author', ib.basedOn.author, facts.basedOn?.author);
    }
  }
  if (gold.reviewScores) {
    const key = (s: { aggregator: string; method: string; value?: string | undefined; score?: string }) => `${s.aggregator} ${s.method} ${s.method === 'grade' ? (s.score ?? s.value) : s.value}`;
    compareLists(scores, 'reviewScores', gold.reviewScores.map((s) => key(s)), facts.reviewScores.map((s) => key({ ...s, score: s.score })));
    const counted = gold.reviewScores.filter((s) => s.reviewCount !== undefined);
    compareLists(scores, 'reviewScores.count', counted.map((s) => `${key(s)} ${s.reviewCount}`), facts.reviewScores.filter((s) => s.reviewCount !== undefined && counted.some((c) => key(c) === key({ ...s, score: s.score }))).map((s) => `${key({ ...s, score: s.score })} ${s.reviewCount}`));
  }
  if (gold.accolades) {
    const left = [...facts.accolades];
    for (const g of gold.accolades) {
      const i = left.findIndex((a) => norm(a.body) === norm(g.body) && norm(a.category) === norm(g.category) && a.result === g.result);
      if (i < 0) {
        add(scores, 'accolades.row', { fn: 1 });
        add(scores, 'accolades.recipients', { fn: 1 });
        if (g.date !== undefined) add(scores, 'accolades.date', { fn: 1 });
        if (g.work !== undefined) add(scores, 'accolades.work', { fn: 1 });
        continue;
      }
      const a = left.splice(i, 1)[0] as FilmFacts['accolades'][number];
      add(scores, 'accolades.row', { tp: 1 });
      if (a.recipientSource === 'needs-review') add(scores, 'accolades.recipients', { fn: 1 });
      else if (sameSet(a.recipients, g.recipients)) add(scores, 'accolades.recipients', { tp: 1 });
      else add(scores, 'accolades.recipients', { fp: 1, fn: 1 });
      if (g.date !== undefined || a.date !== undefined) compareOne(scores, 'accolades.date', g.date ?? '(none)', a.date);
      if (g.work !== undefined || a.work !== undefined) compareOne(scores, 'accolades.work', g.work ?? '(none)', a.work);
    }
    add(scores, 'accolades.row', { fp: left.length });
    add(scores, 'accolades.recipients', { fp: left.filter((a) => a.recipientSource !== 'needs-review').length });
  }
  if (gold.tracks) {
    const tracks = facts.soundtrack?.tracks ?? [];
    const left = [...tracks];
    for (const g of gold.tracks) {
      const i = left.findIndex((t) => t.number === g.number && norm(t.title) === norm(g.title));
      if (i < 0) {
        add(scores, 'tracks.row', { fn: 1 });
        for (const col of ['writers', 'performers', 'duration'] as const) if (g[col] !== undefined) add(scores, `tracks.${col}`, { fn: 1 });
        continue;
      }
      const t = left.splice(i, 1)[0] as NonNullable<FilmFacts['soundtrack']>['tracks'][number];
      add(scores, 'tracks.row', { tp: 1 });
      for (const col of ['writers', 'performers'] as const) {
        const g2 = g[col];
        if (g2 === undefined) continue;
        add(scores, `tracks.${col}`, sameSet(t[col], g2) ? { tp: 1 } : { fp: 1, fn: 1 });
      }
      if (g.duration !== undefined || t.duration !== undefined) compareOne(scores, 'tracks.duration', g.duration ?? '(none)', t.duration);
    }
    add(scores, 'tracks.row', { fp: left.length });
  }
  if (gold.references) {
    const left = [...facts.references];
    for (const g of gold.references) {
      const i = left.findIndex((r) => r.number === g.number);
      if (i < 0) {
        add(scores, 'references', { fn: 1 });
        continue;
      }
      const r = left.splice(i, 1)[0] as FilmFacts['references'][number];
      if (g.title === undefined || (r.title !== undefined && norm(r.title) === norm(g.title))) add(scores, 'references', { tp: 1 });
      else add(scores, 'references', { fp: 1, fn: 1 });
    }
    add(scores, 'references', { fp: left.length });
  }
  return scores;
}

/** Sums tallies. */
export function total(all: readonly Scores[]): Scores {
  const out: Scores = {};
  for (const s of all) for (const [field, t] of Object.entries(s)) add(out, field, t);
  return out;
}

/** Precision and recall of a set of tallies (1 when nothing was to be found or given). */
export function rates(s: Scores): { precision: number; recall: number; tp: number; fp: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const t of Object.values(s)) {
    tp += t.tp;
    fp += t.fp;
    fn += t.fn;
  }
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn };
}
