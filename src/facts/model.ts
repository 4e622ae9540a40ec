// The facts model: every fact a film article states, as zod schemas (runtime validation) and the TypeScript types they infer.
// This is the contract between extraction/curation and everything downstream (mapping, queries, pages).
import { z } from 'zod';
import { hasAmountOrBound, hasScoreValues, isCalendarDate, isNormalisedText, isOrderedSpan } from './predicates.js';

// ---------------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------------

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
  .refine(isCalendarDate, 'a calendar date that exists');

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
  .refine(isNormalisedText, 'normalised text (trimmed, no U+00A0, U+2005, tabs or newlines)');

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
    /** First line (1-based) of the source text in the article. */
    line: z.number().int().positive(),
    /** Last line (1-based); equal to `line` for text on one line. */
    endLine: z.number().int().positive(),
    /** The exact source text (U+2005 and U+00A0 kept). */
    text: z.string().min(1),
    /** Numbered citation markers attached to the text (`[2][3]` → `[2, 3]`). */
    refs: z.array(z.number().int().positive()),
    /** Lettered footnote markers attached to the text (`[a]` → `["a"]`). */
    notes: z.array(z.string().regex(/^[a-z]+$/)),
  })
  .refine(isOrderedSpan, { message: 'endLine ≥ line', path: ['endLine'] });
export type Evidence = z.infer<typeof Evidence>;

/**
 * A decision behind a fact the text implies but does not state: made by a reviewed curation entry
 * (`rules` absent) or by the extractor's rules (`rules` lists the rules that agreed; see
 * src/extract/rules.ts), with its reason and, for a row-spanned cell, the line the cell is written on.
 */
export const Decision = z.object({
  /** The decision's id: a curation entry's id, or one the rules derive. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a kebab-case decision id'),
  /** Why the fact was decided so. */
  reason: z.string().min(1),
  /** The extractor's rules that agreed on it; absent for a curation decision. */
  rules: z.array(z.enum(['span', 'film-category', 'role'])).min(1).optional(),
  /** For a row-spanned cell: the line the cell is written on. */
  fromLine: z.number().int().positive().optional(),
});
export type Decision = z.infer<typeof Decision>;

const sourced = {
  /** Where the fact was read in the article. */
  evidence: Evidence,
  /** The rule or curation decision behind the fact, when the text implies it without stating it. */
  decision: Decision.optional(),
};

// ---------------------------------------------------------------------------------------------
// Source article metadata
// ---------------------------------------------------------------------------------------------

export const SourceMeta = z.object({
  /** Slug of the film folder under data/films/. */
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a slug such as leaving-las-vegas'),
  /** Title of the Wikipedia article. */
  title: Name,
  /** The article's URL (a file: URL for an article read with assumed metadata). */
  url: z.url(),
  /** The "last edited on …" line, as a dateTime in UTC; absent when the text has no such line (unknown, never guessed). */
  revision: z
    .object({
      /** The revision's date and time, in UTC. */
      dateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$/),
      /** The article line that states it. */
      line: z.number().int().positive(),
      /** That line's text. */
      text: z.string(),
    })
    .optional(),
  /** The article's licence (CC BY-SA for Wikipedia text). */
  licence: z.object({
    /** The licence's name (`CC BY-SA 3.0`). */
    name: Name,
    /** The licence's URL. */
    url: z.url(),
  }),
  /** Credit line for the article's authors, as the licence asks. */
  attribution: z.string().min(1),
  /** When the article text was retrieved for this project; absent when unknown. */
  retrieved: IsoDate.optional(),
});
/** The source article's metadata: slug, title, URL, revision, licence, attribution, retrieval date. */
export type SourceMeta = z.infer<typeof SourceMeta>;

/** A film folder's metadata.json: the source metadata without the revision (which is read from the article). */
export const Metadata = SourceMeta.omit({ revision: true });

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

/** A person credited with a role. */
export const Credit = z.object({
  /** The role. */
  role: CreditRole,
  /** The person's name. */
  person: Name,
  ...sourced,
});
export type Credit = z.infer<typeof Credit>;

export const OrganisationRole = z.enum(['distributor', 'production-company', 'home-media-distributor']);
/** An organisation credited with a role (distribution, production, home media). */
export const OrganisationCredit = z.object({
  /** The role. */
  role: OrganisationRole,
  /** The organisation's name. */
  name: Name,
  /** Region the role applies to, when the text says (`North America`, `Europe`, `Australia`). */
  region: Name.optional(),
  ...sourced,
});
export type OrganisationCredit = z.infer<typeof OrganisationCredit>;

/** An infobox row the extractor has no mapping for: kept verbatim and reported, never dropped. */
export const UnknownField = z.object({
  /** The row's label. */
  label: Name,
  /** The row's values. */
  values: z.array(Name),
  ...sourced,
});
export type UnknownField = z.infer<typeof UnknownField>;

/** The infobox's image (the poster). */
export const Image = z.object({
  /** The image's file name or description as the article gives it. */
  file: Name,
  /** Its caption, when there is one. */
  caption: Name.optional(),
  ...sourced,
});

/** The work the film is based on. */
export const BasedOn = z.object({
  /** The work's title. */
  title: Name,
  /** Its author, when stated. */
  author: Name.optional(),
  /** Form of the work (`novel`, `play`, `short story`), from the prose when it says. */
  form: Name.optional(),
  /** Its year of publication, when stated. */
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
    /** The currency (ISO 4217). */
    currency: Currency,
    /** The exact figure, when the text gives one. */
    amount: DecimalString.optional(),
    /** The lower end of a range. */
    lower: DecimalString.optional(),
    /** The upper end of a range, or the bound. */
    upper: DecimalString.optional(),
    /** How a bound or an approximate figure is qualified, as written. */
    qualifier: z.enum(['less than', 'more than', 'about', 'over']).optional(),
    /** The figure as written, normalised (`$3.5–4 million`). */
    text: Name,
    ...sourced,
  })
  .refine(hasAmountOrBound, {
    message: 'an amount, or a lower and/or upper bound',
  });
export type Money = z.infer<typeof Money>;

// ---------------------------------------------------------------------------------------------
// Releases, home media
// ---------------------------------------------------------------------------------------------

/** A release of the film (premiere, festival, limited or wide release). */
export const Release = z.object({
  /** The release date. */
  date: IsoDate,
  /** As written in the infobox or prose: `Limited`, `Wide`, `Premiere`, a festival name… */
  kind: Name.optional(),
  /** Country or region of the release when stated (`United States`). */
  place: Name.optional(),
  ...sourced,
});
export type Release = z.infer<typeof Release>;

/** A release on home media. */
export const HomeMediaRelease = z.object({
  /** `VHS`, `DVD`, `Blu-ray`, `HD DVD`, `LaserDisc`… */
  format: Name,
  /** The release date, to the precision given. */
  date: PartialDate.optional(),
  /** Languages of the release, when stated. */
  languages: z.array(Name),
  /** Regions of the release, when stated. */
  regions: z.array(Name),
  /** The distributor, when stated. */
  distributor: Name.optional(),
  ...sourced,
});
export type HomeMediaRelease = z.infer<typeof HomeMediaRelease>;

// ---------------------------------------------------------------------------------------------
// Cast and characters
// ---------------------------------------------------------------------------------------------

/** An actor and the character they play. */
export const CastMember = z.object({
  /** The actor's name. */
  actor: Name,
  /** Character's fullest name the article gives (`Ben Sanderson`), when known. */
  character: Name.optional(),
  /** Other names the article uses for the same character (`Ben`). */
  characterAliases: z.array(Name),
  /** Billing order when the article gives one (infobox Starring, cast list). */
  order: z.number().int().positive().optional(),
  /** Every place the pairing is stated. */
  evidence: z.array(Evidence).min(1),
  /** The decision behind the pairing, when a rule or curation made it. */
  decision: Decision.optional(),
});
export type CastMember = z.infer<typeof CastMember>;

/** A character of the film. */
export const Character = z.object({
  /** The character's fullest name. */
  name: Name,
  /** Other names the article uses for the character. */
  aliases: z.array(Name),
  /** Every place the character is named. */
  evidence: z.array(Evidence).min(1),
});
export type Character = z.infer<typeof Character>;

// ---------------------------------------------------------------------------------------------
// Production
// ---------------------------------------------------------------------------------------------

/** A production fact stated in prose, typed by kind; `value` holds the normalised figure or term. */
export const ProductionFact = z.discriminatedUnion('kind', [
  z.object({
    /** The film was shot on a format (`16 mm`). */
    kind: z.literal('film-format'),
    /** The format. */
    value: Name,
    /** The format it was shot on instead of, when stated (`35 mm`). */
    insteadOf: Name.optional(),
    ...sourced,
  }),
  z.object({
    /** How many days the shoot took. */
    kind: z.literal('shooting-days'),
    /** The number of days. */
    value: z.number().int().positive(),
    ...sourced,
  }),
  z.object({
    /** Who composed the score. */
    kind: z.literal('score-composer'),
    /** The composer. */
    value: Name,
    ...sourced,
  }),
  z.object({
    /** The source work's author died (the prose's account). */
    kind: z.literal('source-author-death'),
    /** The author. */
    value: Name,
    /** The date of death, to the precision given. */
    date: PartialDate.optional(),
    /** The cause, as written. */
    cause: Name.optional(),
    ...sourced,
  }),
  z.object({
    /** What was spent on marketing. */
    kind: z.literal('marketing-spend'),
    /** The amount. */
    money: Money,
    ...sourced,
  }),
  z.object({
    /** Any other production fact, kept as written. */
    kind: z.literal('other'),
    /** The fact. */
    value: Name,
    ...sourced,
  }),
]);
export type ProductionFact = z.infer<typeof ProductionFact>;

// ---------------------------------------------------------------------------------------------
// Reception
// ---------------------------------------------------------------------------------------------

/** One figure published by a review aggregator (Wikidata records one review-score statement per figure). */
export const ReviewScore = z.object({
  /** The aggregator (`Rotten Tomatoes`, `Metacritic`, `CinemaScore`). */
  aggregator: Name,
  /** `approval` (Tomatometer %), `average` (average rating), `metascore`, `grade` (a letter grade such as CinemaScore's). */
  method: z.enum(['approval', 'average', 'metascore', 'grade']),
  /** As Wikidata writes it: `91%`, `7.7/10`, `82/100`; a grade as written (`A−`). */
  score: Name,
  /** The figure and the best possible figure; absent for a letter grade. */
  value: DecimalString.optional(),
  /** The best possible figure (`10`, `100`). */
  best: DecimalString.optional(),
  /** How many reviews or critics the figure counts, when stated. */
  reviewCount: z.number().int().positive().optional(),
  /** What was counted: `reviews` or `critics`, as written. */
  countUnit: Name.optional(),
  /** A verbal verdict (`universal acclaim`) or the critics' consensus. */
  verdict: z.string().min(1).optional(),
  /** The critics' consensus, quoted. */
  consensus: z.string().min(1).optional(),
  ...sourced,
}).refine(hasScoreValues, { message: 'a numeric score has its value and best value', path: ['value'] });
export type ReviewScore = z.infer<typeof ReviewScore>;

/** A critic's review the article quotes or summarises. */
export const CriticReview = z.object({
  /** The critic's name. */
  critic: Name,
  /** Where the review appeared, when stated. */
  publication: Name.optional(),
  /** The quoted words, without the surrounding quotation marks. */
  quote: z.string().min(1).optional(),
  /** A summary when there is no quote (`gave the film high marks`). */
  summary: Name.optional(),
  /** The critic's own rating where the text gives it with its scale (`four stars out of five` → 4 of 5). */
  rating: z.object({ value: DecimalString, best: DecimalString, text: Name }).optional(),
  ...sourced,
});
export type CriticReview = z.infer<typeof CriticReview>;

/** A critic's list of the best films that includes this one. */
export const BestOfList = z.object({
  /** The list's author. */
  author: Name,
  /** The list (`best of 1995`). */
  list: Name,
  /** The film's rank on it, when stated. */
  rank: z.number().int().positive().optional(),
  ...sourced,
});
export type BestOfList = z.infer<typeof BestOfList>;

// ---------------------------------------------------------------------------------------------
// Accolades
// ---------------------------------------------------------------------------------------------

/** Results as the table writes them; placements carry their rank. */
export const AccoladeResult = z.string().regex(/^(Won|Nominated|Runner-up|\d+(st|nd|rd|th) Place|Pending|Shortlisted)$/, 'one of Won, Nominated, Runner-up, Nth Place, Pending, Shortlisted');

/** One row of the accolades table. */
export const Accolade = z.object({
  /** 1-based row number in the table. */
  row: z.number().int().positive(),
  /** The awarding body or ceremony. */
  body: Name,
  /** The award category. */
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
  candidates: z
    .array(
      z.object({
        /** The rule that proposed them. */
        rule: z.enum(['span', 'film-category', 'role']),
        /** The recipients it proposed. */
        recipients: z.array(Name),
      }),
    )
    .optional(),
  /** The ceremony's date when the table has a date or year column (its cell may be spanned from an earlier row). */
  date: PartialDate.optional(),
  /** The work the row is for when its cell names one other than the film (a song: `"City of Stars" – …`). */
  work: Name.optional(),
  /** The result as the table writes it (`Won`, `Nominated`, `2nd Place` …). */
  result: AccoladeResult,
  /** 1 for Won, 2 for `2nd Place`, 2 for Runner-up …; absent for nominations. */
  placement: z.number().int().positive().optional(),
  /** Whether the body's cell was on this row (`true`) or row-spanned from an earlier one (`false`). */
  bodyOnRow: z.boolean(),
  ...sourced,
});
export type Accolade = z.infer<typeof Accolade>;

/** A lettered footnote of the article (`[a] Also for The Rock.`). */
export const Footnote = z.object({
  /** The footnote's letter (`a`). */
  id: z.string().regex(/^[a-z]+$/),
  /** Its text. */
  text: Name,
  ...sourced,
});

// ---------------------------------------------------------------------------------------------
// Soundtrack
// ---------------------------------------------------------------------------------------------

/** Who speaks on a dialogue track, and as which character. */
export const SpeakingCredit = z.object({
  /** The actor. */
  actor: Name,
  /** The character. */
  character: Name,
});

/** A track of the soundtrack album. */
export const Track = z.object({
  /** The track's position on the album (1-based). */
  number: z.number().int().positive(),
  /** The track's title. */
  title: Name,
  /** Its writers. */
  writers: z.array(Name),
  /** True where the track names no writer and the album's default ("written by X except as noted") applies. */
  writersFromDefault: z.boolean(),
  /** Its performers. */
  performers: z.array(Name),
  /** Its running time, when listed. */
  duration: IsoDuration.optional(),
  /** True for a track of dialogue from the film rather than music. */
  dialogue: z.boolean(),
  /** Who speaks on a dialogue track. */
  speakers: z.array(SpeakingCredit),
  ...sourced,
});
export type Track = z.infer<typeof Track>;

/** The film's soundtrack album. */
export const Soundtrack = z.object({
  /** The album's title, when stated. */
  title: Name.optional(),
  /** Its release date, when stated. */
  releaseDate: IsoDate.optional(),
  /** What the album consists of, as the prose says. */
  description: z.string().min(1).optional(),
  /** Composers of the album, as the prose names them. */
  composers: z.array(Name),
  /** Performers of the album, as the prose names them. */
  performers: z.array(Name),
  /** The writer of every track that names none ("written by X except as noted"). */
  defaultWriter: Name.optional(),
  /** Songs heard in the film that the album leaves out. */
  notIncluded: z.array(
    z.object({
      /** The song's title. */
      title: Name,
      /** Its performer, when stated. */
      performer: Name.optional(),
      ...sourced,
    }),
  ),
  /** The album's tracks, in order. */
  tracks: z.array(Track),
  ...sourced,
});
export type Soundtrack = z.infer<typeof Soundtrack>;

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

/** One entry of the article's references list. */
export const Reference = z.object({
  /** Its number (`[n]` markers cite it). */
  number: z.number().int().positive(),
  /** Its authors. */
  authors: z.array(Name),
  /** The cited work's title. */
  title: Name.optional(),
  /** The newspaper, magazine or site it appeared in. */
  publication: Name.optional(),
  /** The publisher. */
  publisher: Name.optional(),
  /** The place of publication. */
  place: Name.optional(),
  /** The date of publication, to the precision given. */
  date: PartialDate.optional(),
  /** When the cited page was retrieved ("Retrieved …"). */
  retrieved: IsoDate.optional(),
  /** When it was archived ("Archived from the original on …"). */
  archived: IsoDate.optional(),
  /** Its identifiers (ISSN, ISBN, ASIN). */
  identifiers: z.array(
    z.object({
      /** The identifier's scheme. */
      scheme: z.enum(['ISSN', 'ISBN', 'ASIN']),
      /** The identifier. */
      value: Name,
    }),
  ),
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
/** An external identifier of an entity the facts name, from a curation decision. */
export const ExternalId = z.object({
  /** What kind of entity it is. */
  kind: EntityKind,
  /** The entity's name as it appears in the facts. */
  name: Name,
  /** Its Wikidata item (`Q…`). */
  wikidata: z.string().regex(/^Q[1-9]\d*$/).optional(),
  /** Its IMDb id (`tt…` or `nm…`). */
  imdb: z.string().regex(/^(tt|nm)\d{7,}$/).optional(),
  /** The curation decision that confirms it. */
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
  /** The stable code, `family:kebab-code` (docs/extraction.md lists them). */
  code: z.string().regex(/^(layout|block|infobox|accolades|span|soundtrack|reference|review|internal):[a-z0-9]+(-[a-z0-9]+)*$/, 'a code family:kebab-case'),
  /** `error`: text dropped; `warning`: decided by a rule, needs review, or read by shape only; `info`: normalised. */
  severity: z.enum(['error', 'warning', 'info']),
  /** The article line (1-based). */
  line: z.number().int().positive(),
  /** The last line, for a diagnostic over several lines. */
  endLine: z.number().int().positive().optional(),
  /** The line's text, verbatim. */
  text: z.string(),
  /** What would have been read there. */
  expected: z.array(z.string()),
  /** What happened, in words. */
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
  infobox: z.object({
    /** The infobox's first line. */
    line: z.number().int().positive(),
    /** Its last line. */
    endLine: z.number().int().positive(),
  }),
});

// ---------------------------------------------------------------------------------------------
// The whole film
// ---------------------------------------------------------------------------------------------

/** The facts of one film as the article states them, each with its evidence. */
export const FilmFacts = z.object({
  /** The source article's metadata. */
  source: SourceMeta,
  /** The film's title. */
  title: z.object({
    /** The title. */
    value: Name,
    ...sourced,
  }),
  /** The infobox's image (the poster), when there is one. */
  image: Image.optional(),
  /** The film's year, from the lead. */
  year: z
    .object({
      /** The year. */
      value: z.number().int().min(1870).max(2100),
      ...sourced,
    })
    .optional(),
  /** Genres, from the lead. */
  genres: z.array(
    z.object({
      /** The genre. */
      value: Name,
      ...sourced,
    }),
  ),
  /** Nationality adjectives from the lead (`American`). */
  nationalities: z.array(
    z.object({
      /** The adjective. */
      value: Name,
      ...sourced,
    }),
  ),
  /** Countries of production, from the infobox. */
  countries: z.array(
    z.object({
      /** The country. */
      value: Name,
      ...sourced,
    }),
  ),
  /** Languages, from the infobox. */
  languages: z.array(
    z.object({
      /** The language. */
      value: Name,
      ...sourced,
    }),
  ),
  /** The running time, from the infobox. */
  runningTime: z
    .object({
      /** In minutes. */
      minutes: z.number().int().positive(),
      /** As an ISO 8601 duration (`PT111M`). */
      duration: IsoDuration,
      ...sourced,
    })
    .optional(),
  /** The work the film is based on. */
  basedOn: BasedOn.optional(),
  /** The people credited, with their roles. */
  credits: z.array(Credit),
  /** The organisations credited, with their roles. */
  organisations: z.array(OrganisationCredit),
  /** The releases. */
  releases: z.array(Release),
  /** The budget. */
  budget: Money.optional(),
  /** The box office gross. */
  boxOffice: Money.optional(),
  /** The cast and their characters. */
  cast: z.array(CastMember),
  /** The characters. */
  characters: z.array(Character),
  /** Production facts from the prose. */
  production: z.array(ProductionFact),
  /** Home media releases. */
  homeMedia: z.array(HomeMediaRelease),
  /** Review aggregators' figures. */
  reviewScores: z.array(ReviewScore),
  /** Critics' reviews. */
  reviews: z.array(CriticReview),
  /** Critics' best-of lists that include the film. */
  bestOfLists: z.array(BestOfList),
  /** The accolades table's rows. */
  accolades: z.array(Accolade),
  /** The article's lettered footnotes. */
  footnotes: z.array(Footnote),
  /** The soundtrack album. */
  soundtrack: Soundtrack.optional(),
  /** The references list. */
  references: z.array(Reference),
  /** External identifiers (Wikidata, IMDb) from curation. */
  externalIds: z.array(ExternalId),
  /** Infobox rows with no mapping, kept verbatim. */
  unknownInfoboxFields: z.array(UnknownField),
  /** How the article was laid out. */
  layout: ArticleLayout.optional(),
  /** Everything the extractor could not read or read only by a rule, sorted by line. */
  diagnostics: z.array(Diagnostic),
});
/** The facts of one film, each with its evidence in the article: the contract between extraction and the graph (checked by the zod schema above). */
export type FilmFacts = z.infer<typeof FilmFacts>;
