// The facts model: every fact a film article states, as zod schemas (runtime validation) and the TypeScript types they infer.
// This is the contract between extraction/curation and everything downstream (mapping, queries, pages).
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------------

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'a calendar date that exists');

/** A date known to year, month or day precision: `1995`, `1995-10`, `1995-10-27`. */
export const PartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date YYYY, YYYY-MM or YYYY-MM-DD');

/** An ISO 8601 duration of hours, minutes and seconds, such as `PT111M` or `PT4M2S`. */
export const IsoDuration = z.string().regex(/^PT(?=\d)(\d+H)?(\d+M)?(\d+S)?$/, 'an ISO 8601 duration such as PT4M2S');

/** ISO 4217 currency code. */
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as USD');

/** A decimal number written as a string so that no precision is lost (`3500000`, `7.7`). */
export const DecimalString = z.string().regex(/^-?\d+(\.\d+)?$/, 'a decimal number such as 3500000 or 7.7');

/** A non-empty string with no leading or trailing white space and no U+2005/U+00A0 (values are normalised). */
export const Name = z
  .string()
  .min(1, 'a non-empty name')
  .refine((s) => s === s.trim() && !/[\u00a0\u2005\n\t]/.test(s), 'normalised text (trimmed, no U+00A0, U+2005, tabs or newlines)');

// ---------------------------------------------------------------------------------------------
// Evidence
// ---------------------------------------------------------------------------------------------

/**
 * Where a fact was read. `line`..`endLine` are 1-based lines of article.txt; `text` is the exact
 * source text (raw: U+2005 and U+00A0 kept), a substring of those lines joined with "\n".
 * `refs` are the numbered citation markers attached to it (`[2][3]` → [2, 3]); `notes` the
 * lettered footnote markers (`[a]` → ["a"]).
 */
export const Evidence = z
  .object({
    line: z.number().int().positive(),
    endLine: z.number().int().positive(),
    text: z.string().min(1),
    refs: z.array(z.number().int().positive()),
    notes: z.array(z.string().regex(/^[a-z]+$/)),
  })
  .refine((e) => e.endLine >= e.line, { message: 'endLine ≥ line', path: ['endLine'] });
export type Evidence = z.infer<typeof Evidence>;

/**
 * A decision behind a fact the text implies but does not state: made by a reviewed curation entry
 * (`rules` absent) or by the extractor's rules (`rules` lists the rules that agreed; see
 * src/extract/rules.ts), with its reason and, for a row-spanned cell, the line the cell is written on.
 */
export const Decision = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a kebab-case decision id'),
  reason: z.string().min(1),
  rules: z.array(z.enum(['span', 'film-category', 'role'])).min(1).optional(),
  fromLine: z.number().int().positive().optional(),
});
export type Decision = z.infer<typeof Decision>;

const sourced = { evidence: Evidence, decision: Decision.optional() };

// ---------------------------------------------------------------------------------------------
// Source article metadata
// ---------------------------------------------------------------------------------------------

export const SourceMeta = z.object({
  /** Slug of the film folder under data/films/. */
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a slug such as leaving-las-vegas'),
  /** Title of the Wikipedia article. */
  title: Name,
  url: z.url(),
  /** The "last edited on …" line, as a dateTime in UTC; absent when the text has no such line (unknown, never guessed). */
  revision: z.object({ dateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/), line: z.number().int().positive(), text: z.string() }).optional(),
  licence: z.object({ name: Name, url: z.url() }),
  attribution: z.string().min(1),
  /** When the article text was retrieved for this project; absent when unknown. */
  retrieved: IsoDate.optional(),
});
/** The source article's metadata: slug, title, URL, revision, licence, attribution, retrieval date. */
export type SourceMeta = z.infer<typeof SourceMeta>;

// ---------------------------------------------------------------------------------------------
// Infobox, credits, organisations
// ---------------------------------------------------------------------------------------------

/** The crew and cast roles the project knows (infobox labels and prose statements map onto these). */
export const CreditRole = z.enum([
  'director',
  'screenwriter',
  'story',
  'producer',
  'starring',
  'narrator',
  'cinematographer',
  'editor',
  'composer',
]);
export type CreditRole = z.infer<typeof CreditRole>;

export const Credit = z.object({ role: CreditRole, person: Name, ...sourced });
export type Credit = z.infer<typeof Credit>;

export const OrganisationRole = z.enum(['distributor', 'production-company', 'home-media-distributor']);
export const OrganisationCredit = z.object({
  role: OrganisationRole,
  name: Name,
  /** Region the role applies to, when the text says (`North America`, `Europe`, `Australia`). */
  region: Name.optional(),
  ...sourced,
});
export type OrganisationCredit = z.infer<typeof OrganisationCredit>;

/** An infobox row the extractor has no mapping for: kept verbatim and reported, never dropped. */
export const UnknownField = z.object({ label: Name, values: z.array(Name), ...sourced });
export type UnknownField = z.infer<typeof UnknownField>;

export const Image = z.object({ file: Name, caption: Name.optional(), ...sourced });

export const BasedOn = z.object({
  title: Name,
  author: Name.optional(),
  /** Form of the work (`novel`, `play`, `short story`), from the prose when it says. */
  form: Name.optional(),
  year: z.number().int().optional(),
  /** Further descriptions from the prose, e.g. `semi-autobiographical`. */
  descriptors: z.array(Name),
  ...sourced,
});
export type BasedOn = z.infer<typeof BasedOn>;

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

/**
 * An amount of money as the text gives it: an exact figure (`amount`), a range (`lower`–`upper`)
 * or a bound (`upper` with `qualifier: "less than"`). Figures are whole units of `currency`.
 */
export const Money = z
  .object({
    currency: Currency,
    amount: DecimalString.optional(),
    lower: DecimalString.optional(),
    upper: DecimalString.optional(),
    qualifier: z.enum(['less than', 'more than', 'about', 'over']).optional(),
    /** The figure as written, normalised (`$3.5–4 million`). */
    text: Name,
    ...sourced,
  })
  .refine((m) => m.amount !== undefined || m.lower !== undefined || m.upper !== undefined, {
    message: 'an amount, or a lower and/or upper bound',
  });
export type Money = z.infer<typeof Money>;

// ---------------------------------------------------------------------------------------------
// Releases, home media
// ---------------------------------------------------------------------------------------------

export const Release = z.object({
  date: IsoDate,
  /** As written in the infobox or prose: `Limited`, `Wide`, `Premiere`, a festival name… */
  kind: Name.optional(),
  /** Country or region of the release when stated (`United States`). */
  place: Name.optional(),
  ...sourced,
});
export type Release = z.infer<typeof Release>;

export const HomeMediaRelease = z.object({
  /** `VHS`, `DVD`, `Blu-ray`, `HD DVD`, `LaserDisc`… */
  format: Name,
  date: PartialDate.optional(),
  languages: z.array(Name),
  regions: z.array(Name),
  distributor: Name.optional(),
  ...sourced,
});
export type HomeMediaRelease = z.infer<typeof HomeMediaRelease>;

// ---------------------------------------------------------------------------------------------
// Cast and characters
// ---------------------------------------------------------------------------------------------

export const CastMember = z.object({
  actor: Name,
  /** Character's fullest name the article gives (`Ben Sanderson`), when known. */
  character: Name.optional(),
  /** Other names the article uses for the same character (`Ben`). */
  characterAliases: z.array(Name),
  /** Billing order when the article gives one (infobox Starring, cast list). */
  order: z.number().int().positive().optional(),
  /** Every place the pairing is stated. */
  evidence: z.array(Evidence).min(1),
  decision: Decision.optional(),
});
export type CastMember = z.infer<typeof CastMember>;

export const Character = z.object({ name: Name, aliases: z.array(Name), evidence: z.array(Evidence).min(1) });
export type Character = z.infer<typeof Character>;

// ---------------------------------------------------------------------------------------------
// Production
// ---------------------------------------------------------------------------------------------

/** A production fact stated in prose, typed by kind; `value` holds the normalised figure or term. */
export const ProductionFact = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('film-format'), value: Name, insteadOf: Name.optional(), ...sourced }),
  z.object({ kind: z.literal('shooting-days'), value: z.number().int().positive(), ...sourced }),
  z.object({ kind: z.literal('score-composer'), value: Name, ...sourced }),
  z.object({ kind: z.literal('source-author-death'), value: Name, date: PartialDate.optional(), cause: Name.optional(), ...sourced }),
  z.object({ kind: z.literal('marketing-spend'), money: Money, ...sourced }),
  z.object({ kind: z.literal('other'), value: Name, ...sourced }),
]);
export type ProductionFact = z.infer<typeof ProductionFact>;

// ---------------------------------------------------------------------------------------------
// Reception
// ---------------------------------------------------------------------------------------------

/** One figure published by a review aggregator (Wikidata records one review-score statement per figure). */
export const ReviewScore = z.object({
  aggregator: Name,
  /** `approval` (Tomatometer %), `average` (average rating), `metascore`, `grade` (a letter grade such as CinemaScore's). */
  method: z.enum(['approval', 'average', 'metascore', 'grade']),
  /** As Wikidata writes it: `91%`, `7.7/10`, `82/100`; a grade as written (`A−`). */
  score: Name,
  /** The figure and the best possible figure; absent for a letter grade. */
  value: DecimalString.optional(),
  best: DecimalString.optional(),
  reviewCount: z.number().int().positive().optional(),
  /** What was counted: `reviews` or `critics`, as written. */
  countUnit: Name.optional(),
  /** A verbal verdict (`universal acclaim`) or the critics' consensus. */
  verdict: z.string().min(1).optional(),
  consensus: z.string().min(1).optional(),
  ...sourced,
}).refine((s) => s.method === 'grade' || (s.value !== undefined && s.best !== undefined), { message: 'a numeric score has its value and best value', path: ['value'] });
export type ReviewScore = z.infer<typeof ReviewScore>;

export const CriticReview = z.object({
  critic: Name,
  publication: Name.optional(),
  /** The quoted words, without the surrounding quotation marks. */
  quote: z.string().min(1).optional(),
  /** A summary when there is no quote (`gave the film high marks`). */
  summary: Name.optional(),
  ...sourced,
});
export type CriticReview = z.infer<typeof CriticReview>;

export const BestOfList = z.object({ author: Name, list: Name, rank: z.number().int().positive().optional(), ...sourced });
export type BestOfList = z.infer<typeof BestOfList>;

// ---------------------------------------------------------------------------------------------
// Accolades
// ---------------------------------------------------------------------------------------------

/** Results as the table writes them; placements carry their rank. */
export const AccoladeResult = z.string().regex(/^(Won|Nominated|Runner-up|\d+(st|nd|rd|th) Place|Pending|Shortlisted)$/, 'one of Won, Nominated, Runner-up, Nth Place, Pending, Shortlisted');

export const Accolade = z.object({
  /** 1-based row number in the table. */
  row: z.number().int().positive(),
  body: Name,
  category: Name,
  /** People (or groups) the row names; empty for a film-level row. */
  recipients: z.array(Name),
  /**
   * `named`: the row's own cell names them; `film`: the row is for the film itself (its cell names
   * the film, or a decision says so); `spanned`: decided to be the recipients of a cell spanned from
   * another row; `decided`: decided by a rule other than a span (the credited person of a role); `needs-review`: the row has no recipient cell and no rule or curation settles it
   * (`candidates` holds what the rules proposed).
   */
  recipientSource: z.enum(['named', 'film', 'spanned', 'decided', 'needs-review']),
  /** Recipients the rules proposed for a `needs-review` row, when they disagreed. */
  candidates: z.array(z.object({ rule: z.enum(['span', 'film-category', 'role']), recipients: z.array(Name) })).optional(),
  /** The ceremony's date when the table has a date or year column (its cell may be spanned from an earlier row). */
  date: PartialDate.optional(),
  /** The work the row is for when its cell names one other than the film (a song: `"City of Stars" – …`). */
  work: Name.optional(),
  result: AccoladeResult,
  /** 1 for Won, 2 for `2nd Place`, 2 for Runner-up …; absent for nominations. */
  placement: z.number().int().positive().optional(),
  /** Whether the body's cell was on this row (`true`) or row-spanned from an earlier one (`false`). */
  bodyOnRow: z.boolean(),
  ...sourced,
});
export type Accolade = z.infer<typeof Accolade>;

/** A lettered footnote of the article (`[a] Also for The Rock.`). */
export const Footnote = z.object({ id: z.string().regex(/^[a-z]+$/), text: Name, ...sourced });

// ---------------------------------------------------------------------------------------------
// Soundtrack
// ---------------------------------------------------------------------------------------------

export const SpeakingCredit = z.object({ actor: Name, character: Name });

export const Track = z.object({
  number: z.number().int().positive(),
  title: Name,
  writers: z.array(Name),
  /** True where the track names no writer and the album's default ("written by X except as noted") applies. */
  writersFromDefault: z.boolean(),
  performers: z.array(Name),
  duration: IsoDuration.optional(),
  dialogue: z.boolean(),
  speakers: z.array(SpeakingCredit),
  ...sourced,
});
export type Track = z.infer<typeof Track>;

export const Soundtrack = z.object({
  title: Name.optional(),
  releaseDate: IsoDate.optional(),
  /** What the album consists of, as the prose says. */
  description: z.string().min(1).optional(),
  composers: z.array(Name),
  performers: z.array(Name),
  defaultWriter: Name.optional(),
  /** Songs heard in the film that the album leaves out. */
  notIncluded: z.array(z.object({ title: Name, performer: Name.optional(), ...sourced })),
  tracks: z.array(Track),
  ...sourced,
});
export type Soundtrack = z.infer<typeof Soundtrack>;

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

export const Reference = z.object({
  number: z.number().int().positive(),
  authors: z.array(Name),
  title: Name.optional(),
  publication: Name.optional(),
  publisher: Name.optional(),
  place: Name.optional(),
  date: PartialDate.optional(),
  retrieved: IsoDate.optional(),
  archived: IsoDate.optional(),
  identifiers: z.array(z.object({ scheme: z.enum(['ISSN', 'ISBN', 'ASIN']), value: Name })),
  /** How many back-links the reference has (`^ a b c` → 3). */
  backlinks: z.number().int().positive(),
  /** Lines of the article where `[n]` markers cite it. */
  citedOnLines: z.array(z.number().int().positive()),
  ...sourced,
});
export type Reference = z.infer<typeof Reference>;

// ---------------------------------------------------------------------------------------------
// External identifiers (from curation only)
// ---------------------------------------------------------------------------------------------

export const EntityKind = z.enum(['film', 'person', 'organisation', 'work', 'award', 'award-body', 'place', 'language', 'genre', 'aggregator']);
export const ExternalId = z.object({
  kind: EntityKind,
  /** The entity's name as it appears in the facts. */
  name: Name,
  wikidata: z.string().regex(/^Q[1-9]\d*$/).optional(),
  imdb: z.string().regex(/^(tt|nm)\d{7,}$/).optional(),
  decision: Decision,
});
export type ExternalId = z.infer<typeof ExternalId>;

// ---------------------------------------------------------------------------------------------
// Diagnostics: what the extractor could not read, or read only by a rule or by shape
// ---------------------------------------------------------------------------------------------

/**
 * One diagnostic (shaped after vfile-message and parse5's errors): a stable `family:kebab-code`,
 * a severity (error: text dropped; warning: decided by a rule, needs review, or read by shape only;
 * info: normalised), the article line(s), the line's text verbatim, and what would have been read.
 */
export const Diagnostic = z.object({
  code: z.string().regex(/^(layout|block|infobox|accolades|span|soundtrack|reference|review|internal):[a-z0-9]+(-[a-z0-9]+)*$/, 'a code family:kebab-case'),
  severity: z.enum(['error', 'warning', 'info']),
  line: z.number().int().positive(),
  endLine: z.number().int().positive().optional(),
  text: z.string(),
  expected: z.array(z.string()),
  message: z.string().min(1),
  /** Path of the fact concerned in the facts (`accolades[12].recipients`). */
  path: z.string().optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** How the article was laid out, as the extractor recognised it. */
export const ArticleLayout = z.object({
  /** `wiki2`, `wikipedia`, `mobile`, `markdown`, `mirror` or `plain` (no header or footer recognised). */
  profile: z.enum(['wiki2', 'wikipedia', 'mobile', 'markdown', 'mirror', 'plain']),
  /** The infobox's first and last line. */
  infobox: z.object({ line: z.number().int().positive(), endLine: z.number().int().positive() }),
});

// ---------------------------------------------------------------------------------------------
// The whole film
// ---------------------------------------------------------------------------------------------

export const FilmFacts = z.object({
  source: SourceMeta,
  title: z.object({ value: Name, ...sourced }),
  image: Image.optional(),
  year: z.object({ value: z.number().int().min(1870).max(2100), ...sourced }).optional(),
  genres: z.array(z.object({ value: Name, ...sourced })),
  /** Nationality adjectives from the lead (`American`). */
  nationalities: z.array(z.object({ value: Name, ...sourced })),
  countries: z.array(z.object({ value: Name, ...sourced })),
  languages: z.array(z.object({ value: Name, ...sourced })),
  runningTime: z.object({ minutes: z.number().int().positive(), duration: IsoDuration, ...sourced }).optional(),
  basedOn: BasedOn.optional(),
  credits: z.array(Credit),
  organisations: z.array(OrganisationCredit),
  releases: z.array(Release),
  budget: Money.optional(),
  boxOffice: Money.optional(),
  cast: z.array(CastMember),
  characters: z.array(Character),
  production: z.array(ProductionFact),
  homeMedia: z.array(HomeMediaRelease),
  reviewScores: z.array(ReviewScore),
  reviews: z.array(CriticReview),
  bestOfLists: z.array(BestOfList),
  accolades: z.array(Accolade),
  footnotes: z.array(Footnote),
  soundtrack: Soundtrack.optional(),
  references: z.array(Reference),
  externalIds: z.array(ExternalId),
  unknownInfoboxFields: z.array(UnknownField),
  layout: ArticleLayout.optional(),
  /** Everything the extractor could not read or read only by a rule, sorted by line. */
  diagnostics: z.array(Diagnostic),
});
/** The facts of one film, each with its evidence in the article: the contract between extraction and the graph (checked by the zod schema above). */
export type FilmFacts = z.infer<typeof FilmFacts>;
