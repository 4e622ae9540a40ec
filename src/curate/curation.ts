// The curation file of a film (data/films/<slug>/curation.json): reviewed decisions the article text alone cannot settle.
import { z } from 'zod';
import { FilmkgError } from '../errors.js';
import { formatPath } from '../facts/check.js';
import { fastCuration } from '../facts/schema-check.js';
import { CreditRole, Decision, EntityKind, Name } from '../facts/model.js';
import { hasUniqueDecisionIds, isReviewedReason } from '../facts/predicates.js';

/** Points at one accolade row by its article line, with the body and category it must have (a guard against drift). */
const AccoladeRef = z.object({ line: z.number().int().positive(), body: Name, category: Name });

/** A reason written by a reviewer: `filmkg review` drafts open rows with "NEEDS REVIEW: …", which must be rewritten. */
const Reason = Decision.shape.reason.refine(isReviewedReason, 'a reviewed reason (this entry is still the draft "NEEDS REVIEW: …" that filmkg review wrote)');
const base = { id: Decision.shape.id, reason: Reason };

/** One reviewed decision. `kind` says what it changes. */
export const CurationEntry = z.discriminatedUnion('kind', [
  /** A row without a recipient cell whose recipient is the row-spanned cell of another row. */
  z.object({ kind: z.literal('accolade-spanned-recipient'), ...base, accolade: AccoladeRef, recipients: z.array(Name).min(1), fromLine: z.number().int().positive() }),
  /** A row without a recipient cell that is awarded to the film itself. */
  z.object({ kind: z.literal('accolade-film-level'), ...base, accolade: AccoladeRef }),
  /** A credit the infobox leaves empty but the prose states; `text` must occur on `line`. */
  z.object({ kind: z.literal('credit'), ...base, role: CreditRole, person: Name, line: z.number().int().positive(), text: z.string().min(1) }),
  /** An external identifier confirmed by review (only ids confirmed in the project's vocabulary notes). */
  z.object({ kind: z.literal('external-id'), ...base, entity: EntityKind, name: Name, wikidata: z.string().regex(/^Q[1-9]\d*$/).optional(), imdb: z.string().regex(/^(tt|nm)\d{7,}$/).optional() }),
]);
export type CurationEntry = z.infer<typeof CurationEntry>;

export const Curation = z
  .object({
    $comment: z.string().optional(),
    decisions: z.array(CurationEntry),
  })
  .refine(hasUniqueDecisionIds, { message: 'decision ids are unique', path: ['decisions'] });
/** A curation file: reviewed decisions, each with its id, reason and what it expects to find. */
export type Curation = z.infer<typeof Curation>;

/** Parses and validates a curation file's JSON text; errors name the file and the path of the bad value. */
export function parseCuration(text: string, file: string): Curation {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FilmkgError('BAD_CURATION', 'the curation file is not JSON', { place: { file }, expected: '{"decisions": [...]}', cause: error });
  }
  // What the check generated from the schema accepts, zod accepts with the same output (test/facts-schema-check.test.ts).
  const fast = fastCuration(data);
  if (fast !== undefined) return fast;
  const result = Curation.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new FilmkgError('BAD_CURATION', 'invalid curation file', { place: { file, path: formatPath(issue?.path ?? []) }, expected: issue?.message ?? 'a valid curation file' });
  }
  return result.data;
}
