// The refinements of the facts and curation schemas as plain functions (no zod), so that the generated fast check
// (src/facts/schema-check.ts) calls the very same code as the zod schemas' .refine().

/** `YYYY-MM-DD` names a calendar date that exists. */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Trimmed, with no U+00A0, U+2005, tabs or newlines. */
export function isNormalisedText(s: string): boolean {
  return s === s.trim() && !/[\u00a0\u2005\n\t]/.test(s);
}

/** An evidence span ends on or after its first line. */
export function isOrderedSpan(e: { line: number; endLine: number }): boolean {
  return e.endLine >= e.line;
}

/** An amount of money has a figure or a bound. */
export function hasAmountOrBound(m: { amount?: string | undefined; lower?: string | undefined; upper?: string | undefined }): boolean {
  return m.amount !== undefined || m.lower !== undefined || m.upper !== undefined;
}

/** A numeric review score has its value and best value (a letter grade has neither). */
export function hasScoreValues(s: { method: string; value?: string | undefined; best?: string | undefined }): boolean {
  return s.method === 'grade' || (s.value !== undefined && s.best !== undefined);
}

/** A curation reason has been reviewed (no longer the "NEEDS REVIEW: …" draft). */
export function isReviewedReason(r: string): boolean {
  return !/^NEEDS REVIEW\b/.test(r);
}

/** The decisions of a curation file have distinct ids. */
export function hasUniqueDecisionIds(c: { decisions: ReadonlyArray<{ id: string }> }): boolean {
  return new Set(c.decisions.map((d) => d.id)).size === c.decisions.length;
}
