// The rules that settle what an accolades table implies but does not state, in one place: which categories
// honour a person and which the film, which infobox role a category names, and how a row without a recipient
// cell is resolved (span from the row above, film-level category, the credited person of the role).
import type { Accolade, CreditRole, Decision } from '../facts/model.js';

/** What a category honours, from its wording. */
export type CategoryLevel = 'person' | 'film' | 'unknown';

/**
 * The rules table. Person-level words are checked first ("Best Director – Motion Picture" honours a person);
 * film-level wording next; anything else is unknown (its rows are settled only by their own cell or by review).
 */
export const CATEGORY_RULES: ReadonlyArray<{ readonly level: CategoryLevel; readonly pattern: RegExp; readonly why: string }> = [
  { level: 'person', pattern: /\b(?:actor|actress|actors|actresses|performance|performer|director|directing|direction|directorial|screenplay|screenwriter|writer|writing|script|cinematograph\w*|editing|editor|score|composer|music|song|lyric\w*|singer|vocalist|playback|producer|newcomer|debut|breakthrough|ensemble|cast|voice|costume\w*|makeup|make-up|hairstyl\w*|production design|art direction|sound|visual effects|choreograph\w*|stunt\w*|villain|hero|star)\b/i, why: 'the category names a person\'s work or role' },
  { level: 'film', pattern: /\b(?:picture|film|films|feature|movie|documentary|animated|top ten|top 10|ten best|golden (?:lion|bear|shell|leopard|globe)|palme d'or|grand (?:jury )?prix|grand jury prize|audience award|people's choice|jury prize|best of the year)\b/i, why: 'the category names the film itself' },
];

/** Categories that name an infobox role: the credited person of that role is the recipient. */
export const ROLE_RULES: ReadonlyArray<{ readonly role: CreditRole; readonly pattern: RegExp }> = [
  { role: 'director', pattern: /\b(?:director|directing|direction|directorial)\b/i },
  { role: 'screenwriter', pattern: /\b(?:screenplay|screenwriter|writing|script)\b/i },
  { role: 'cinematographer', pattern: /\bcinematograph\w*\b/i },
  { role: 'editor', pattern: /\b(?:editing|editor)\b/i },
  { role: 'composer', pattern: /\b(?:original score|score|composer)\b/i },
];

/** The level of a category, by the rules table. */
export function categoryLevel(category: string): CategoryLevel {
  // "Best Director" and "Best Film" both say "best": check person words first, but a "film editing" is still a person's.
  for (const rule of CATEGORY_RULES) if (rule.pattern.test(category)) return rule.level;
  return 'unknown';
}

/** The infobox role a category names, if any (a song's or an actor's category names none). */
export function roleOf(category: string): CreditRole | undefined {
  if (/\b(?:song|actor|actress|performance)\b/i.test(category)) return undefined;
  return ROLE_RULES.find((r) => r.pattern.test(category))?.role;
}

/** A row as the rules see it: the accolade, whether its recipient cell was on the row, and the table it is in. */
export interface RuleRow {
  readonly accolade: Accolade;
  /** The row had a recipient cell (names or the film). */
  readonly hasCell: boolean;
  /** Line where this row's recipients were written: its own line, or the line of the cell spanning into it. */
  writtenOn?: number;
}

/** What the rules decided for one row, or why they could not. */
export type Resolution =
  | { readonly kind: 'decided'; readonly recipients: string[]; readonly source: 'film' | 'spanned' | 'decided'; readonly decision: Decision }
  | { readonly kind: 'needs-review'; readonly candidates: NonNullable<Accolade['candidates']>; readonly reason: string };

const slug = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Resolves a row without a recipient cell. `above` is the row directly above in the same table (undefined at
 * the table's head); `credits` gives the infobox's people per role. All rules that apply must agree.
 */
export function resolveRow(row: RuleRow, above: RuleRow | undefined, credits: (role: CreditRole) => string[]): Resolution {
  const a = row.accolade;
  const level = categoryLevel(a.category);
  const id = `rule-line-${a.evidence.line}-${slug(a.category).slice(0, 40) || 'row'}`;
  if (level === 'film') {
    return { kind: 'decided', recipients: [], source: 'film', decision: { id, rules: ['film-category'], reason: `"${a.category}" names the film itself (film-level category) and the row has no recipient cell: the award is the film's.` } };
  }
  const candidates: NonNullable<Accolade['candidates']> = [];
  const spanFrom = above && above.accolade.recipients.length > 0 && above.writtenOn !== undefined ? above : undefined;
  if (spanFrom && level === 'person') candidates.push({ rule: 'span', recipients: [...spanFrom.accolade.recipients] });
  const role = roleOf(a.category);
  const credited = role ? credits(role) : [];
  if (role && credited.length > 0) candidates.push({ rule: 'role', recipients: credited });
  const first = candidates[0];
  if (level === 'person' && first && candidates.every((c) => same(c.recipients, first.recipients))) {
    const rules = candidates.map((c) => c.rule);
    const parts: string[] = [];
    if (spanFrom) parts.push(`the recipient cell written on line ${spanFrom.writtenOn} ("${first.recipients.join(', ')}") spans into this row, which has none`);
    if (role && credited.length > 0) parts.push(`"${a.category}" honours the film's ${role}, credited in the infobox as ${credited.join(', ')}`);
    const decision: Decision = { id, rules, reason: `${parts.join('; and ')}.`, ...(spanFrom?.writtenOn !== undefined ? { fromLine: spanFrom.writtenOn } : {}) };
    row.writtenOn = spanFrom?.writtenOn;
    return { kind: 'decided', recipients: [...first.recipients], source: spanFrom ? 'spanned' : 'decided', decision };
  }
  const reason =
    candidates.length > 1
      ? `the rules disagree: ${candidates.map((c) => `${c.rule} → ${c.recipients.join(', ')}`).join('; ')}`
      : level === 'unknown'
        ? `"${a.category}" does not say whether it honours a person or the film${candidates[0] ? ` (the cell above would give ${candidates[0].recipients.join(', ')})` : ''}`
        : 'the row has no recipient cell and no rule applies (no cell above to span from, no credited role)';
  if (level === 'unknown' && spanFrom) candidates.push({ rule: 'span', recipients: [...spanFrom.accolade.recipients] });
  return { kind: 'needs-review', candidates, reason };
}
