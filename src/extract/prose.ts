// Facts stated in the article's prose: the lead sentence, production, release and distribution, marketing, reception.
// Each reader matches one kind of English statement found in film articles and cites the sentence it read.
import type { BasedOn, BestOfList, CriticReview, Evidence, HomeMediaRelease, OrganisationCredit, ProductionFact, Release } from '../facts/model.js';
import { readCriticRating } from './critic-rating.js';
import { DAY_DATE_PATTERN, MONTH_PATTERN, parseDate, parseDayDate } from './dates.js';
import { evidence, markersIn, normalise, rawPart, stripMarkers, type ArticleLine } from './lines.js';
import { findMoney } from './money.js';

/** A sentence of a paragraph: its normalised text (markers kept) and the paragraph line it is on. */
export interface Sentence {
  readonly text: string;
  readonly line: ArticleLine;
}

/** A name: capitalised words (a word may end in a period only before another capitalised word: "A. O. Scott"). */
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*(?:\\.(?= \\p{Lu}))?";
const NAME = `${NAME_WORD}(?: (?:${NAME_WORD}|of|de|van|von))*`;
/** A person's full name: at least two capitalised words ("Julian Sands", "Piet van Rooyen"), never a lone first name. */
const FULL_NAME = `${NAME_WORD}(?: (?:de |van |von |da |del )?${NAME_WORD})+`;
/** A person's name, full or a surname alone ("Ebert"), with no "of" (which would swallow "X of The Times"). */
const PERSON = `${NAME_WORD}(?: (?:de |van |von |da |del )?${NAME_WORD})*`;
/** An organisation's name may start with a figure ("21st Century Film Corporation") and hold a slash ("MGM/UA"). */
const ORG = "[\\p{Lu}0-9][\\p{L}\\p{M}0-9'’.&/-]*(?: (?:[\\p{Lu}0-9][\\p{L}\\p{M}0-9'’.&/-]*|of|de))*";

/**
 * Splits paragraphs into sentences: at ". " (or "! ", "? ") before a capital letter or a quote, never inside a
 * quotation, keeping citation markers with the sentence they follow.
 */
export function sentences(paragraphs: readonly ArticleLine[]): Sentence[] {
  const out: Sentence[] = [];
  for (const line of paragraphs) {
    const t = line.text;
    let start = 0;
    let quoted = false;
    let depth = 0;
    for (let i = 0; i < t.length; i++) {
      const ch = t[i];
      if (ch === '"') quoted = !quoted;
      // "(transl. Ammu's Boat)": no sentence ends inside parentheses.
      if (ch === '(') depth++;
      else if (ch === ')') depth = Math.max(0, depth - 1);
      if (quoted || depth > 0 || (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '"')) continue;
      let end = i + 1;
      if (ch !== '"' && t[end] === '"') end++;
      if (ch === '"' && !/[.!?]/.test(t[i - 1] ?? '')) continue;
      while (t.startsWith('[', end)) {
        const close = t.indexOf(']', end);
        if (close < 0) break;
        end = close + 1;
      }
      if (t[end] === ' ' && /[\p{Lu}"“]/u.test(t[end + 1] ?? '')) {
        out.push({ text: t.slice(start, end).trim(), line });
        start = end + 1;
        i = end;
      }
    }
    if (t.slice(start).trim()) out.push({ text: t.slice(start).trim(), line });
  }
  return out;
}

/** Evidence for a sentence: the exact raw text on its line and the markers it carries. */
export function sentenceEvidence(s: Sentence): Evidence {
  const part = rawPart(s.line, s.text);
  return part ? evidence(s.line, { part }) : { ...evidence(s.line), ...markersIn(s.text) };
}

/** Genre words English writes with a capital, which the lead puts after the nationalities. */
const CAPITALISED_GENRES = new Set(['Western', 'Christmas', 'Gothic', 'Bollywood', 'Yuletide']);

/** Facts read from the lead sentence: "X is a 1995 American drama film … based on the … 1990 novel … by Y". */
export interface LeadFacts {
  year?: { value: number; evidence: Evidence };
  nationalities: Array<{ value: string; evidence: Evidence }>;
  genres: Array<{ value: string; evidence: Evidence }>;
  /** The lead's subject: "Leaving Las Vegas" in "Leaving Las Vegas is a 1995 … film". */
  subject?: string;
  /** `sameName`: the lead says the work is "of the same name" as the film. */
  basedOn?: Pick<BasedOn, 'form' | 'year' | 'descriptors' | 'author'> & { sameName: boolean; evidence: Evidence };
}

const BASED_ON = new RegExp(`based on (?:the |a |an )?((?:[a-z-]+ )*?)(?:(\\d{4}) )?((?:radio |stage |graphic |short |comic )?(?:novel|play|story|book|memoir|musical|film))( of the same name)? by (${NAME})`, 'u');

/** Reads year, nationality, genre and the source work's form from the lead sentence. */
export function readLead(lead: readonly ArticleLine[]): LeadFacts {
  const out: LeadFacts = { nationalities: [], genres: [] };
  const first = sentences(lead)[0];
  if (!first) return out;
  const subject = /^(.{1,120}?)(?: \([^)]*\))? (?:is|was) (?:an?|the) /.exec(stripMarkers(first.text));
  if (subject && /^[\p{Lu}\d"“'(]/u.test(subject[1] as string)) out.subject = (subject[1] as string).replace(/^["“]|["”]$/g, '').trim();
  const m = /^.+? (?:is|was) an? (\d{4}) ((?:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+|-language)* )*)((?:[\p{Ll}/-]+ )*?)(?:film|movie|documentary)\b/u.exec(stripMarkers(first.text));
  if (m) {
    const ev = sentenceEvidence(first);
    const part = rawPart(first.line, m[0]);
    const leadEv = part ? evidence(first.line, { part }) : ev;
    out.year = { value: Number(m[1]), evidence: leadEv };
    // Capitalised words before the genre are nationalities ("American", "British-Canadian"), except genres
    // that English capitalises ("a 1960 American Western film").
    const capitalised = (m[2] as string).trim().split(' ').filter(Boolean);
    const firstGenre = capitalised.findIndex((w) => CAPITALISED_GENRES.has(w));
    const nationalities = firstGenre < 0 ? capitalised : capitalised.slice(0, firstGenre);
    for (const n of nationalities) out.nationalities.push({ value: n, evidence: leadEv });
    const genre = [...(firstGenre < 0 ? [] : capitalised.slice(firstGenre)), (m[3] as string).trim()].filter(Boolean).join(' ');
    if (genre) out.genres.push({ value: genre, evidence: leadEv });
  }
  const b = first.text.includes('based on ') ? BASED_ON.exec(first.text) : null;
  if (b) {
    const part = rawPart(first.line, b[0]);
    out.basedOn = {
      form: b[3] as string,
      ...(b[2] ? { year: Number(b[2]) } : {}),
      descriptors: (b[1] as string).trim() ? [(b[1] as string).trim()] : [],
      author: b[5] as string,
      sameName: b[4] !== undefined,
      evidence: part ? evidence(first.line, { part }) : sentenceEvidence(first),
    };
  }
  return out;
}

/** A cast statement from prose: the actor, and the character when the sentence names one. */
export interface ProseCast {
  actor: string;
  character?: string;
  evidence: Evidence;
}

const STARS_AS = new RegExp(`(${NAME}) (?:stars|starred|co-stars) as (?:an? |the )?([A-Z][\\w'.-]*(?: [A-Z][\\w'.-]*)*)?`, 'gu');
const PLAYED_BY = new RegExp(`(?:played|portrayed) by (${NAME})`, 'gu');
const PLAYS_CHARACTER = new RegExp(`(${FULL_NAME}) (?:plays|played|portrays|portrayed) (?!an? |the |him|her)(\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*)*)`, 'gu');
const STARS_LIST = new RegExp(`\\b(?:It|The film|[A-Z][\\w'’ ]*?) (?:stars|starred) (${NAME}(?:, ${NAME})*,? and ${NAME})(?=[,.;]|$| in )`, 'u');
const CAST_BULLET = new RegExp(`^•?\\s*(${NAME}) as (.+)$`, 'u');

/** "Nicolas Cage stars as a suicidal alcoholic", "a prostitute played by Elisabeth Shue", "X as Y" bullets. */
export function readCast(all: readonly Sentence[], bullets: readonly ArticleLine[]): ProseCast[] {
  const out: ProseCast[] = [];
  for (const s of all) {
    // Cheap word tests first: the name patterns are slow to try at every position of every sentence.
    const cues = s.text;
    for (const m of / (?:stars|starred|co-stars) as /.test(cues) ? cues.matchAll(STARS_AS) : []) {
      const part = rawPart(s.line, m[0]);
      out.push({ actor: m[1] as string, ...(m[2] ? { character: m[2] } : {}), evidence: part ? evidence(s.line, { part }) : sentenceEvidence(s) });
    }
    for (const m of / (?:played|portrayed) by /.test(cues) ? cues.matchAll(PLAYED_BY) : []) {
      const part = rawPart(s.line, m[0]);
      out.push({ actor: m[1] as string, evidence: part ? evidence(s.line, { part }) : sentenceEvidence(s) });
    }
    // "Julian Sands plays Yuri": an actor and the character the sentence names.
    for (const m of / (?:plays|played|portrays|portrayed) /.test(cues) ? cues.matchAll(PLAYS_CHARACTER) : []) {
      const part = rawPart(s.line, m[0]);
      out.push({ actor: m[1] as string, character: m[2] as string, evidence: part ? evidence(s.line, { part }) : sentenceEvidence(s) });
    }
    // "The film stars A, B and C": actors, in the order written, without characters.
    const list = / (?:stars|starred) /.test(cues) ? STARS_LIST.exec(stripMarkers(cues)) : null;
    if (list) {
      const names = (list[1] as string).split(/, and |, | and /);
      for (const name of names) {
        const part = rawPart(s.line, name);
        out.push({ actor: name, evidence: part ? evidence(s.line, { part }) : sentenceEvidence(s) });
      }
    }
  }
  for (const line of bullets) {
    const m = CAST_BULLET.exec(line.text.replace(/^•\s*/, ''));
    if (m) out.push({ actor: m[1] as string, character: stripMarkers(m[2] as string), evidence: evidence(line) });
  }
  return out;
}

/** A character named in the plot, with the places it is introduced. */
export interface PlotCharacter {
  name: string;
  evidence: Evidence;
  /** The first name used alone later in the plot ("Polish mobsters are after Yuri"), with where it is first so used. */
  aliases: Array<{ name: string; evidence: Evidence }>;
}

const ROLE_NOUNS = 'widower|widow|keeper|granddaughter|grandson|grandfather|grandmother|rival|pimp|boss|wife|husband|friend|girlfriend|boyfriend|landlady|landlord|therapist|brother|sister|mother|father|daughter|son|partner|neighbor|neighbour|detective|doctor|woman|man|girl|boy|colleague|agent|manager';

const ROLE_NOUN_NAME = new RegExp(`(?<![\\p{L}])(?:an? |the |his |her |their )?(?:[a-z]+ )?(?:${ROLE_NOUNS}),? (\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?)(?=[,. ])`, 'gu');

/**
 * Characters the plot introduces: "Ben Sanderson is an alcoholic…", "a woman, Sera,", "pimp Yuri Butsov".
 * `exclude` holds names that are not characters (the film's title, places, people in the credits).
 */
export function readPlotCharacters(plot: readonly ArticleLine[], exclude: ReadonlySet<string>): PlotCharacter[] {
  const found = new Map<string, PlotCharacter>();
  const all = sentences(plot);
  const add = (name: string, s: Sentence, matched: string) => {
    if (exclude.has(name) || found.has(name)) return;
    const part = rawPart(s.line, matched);
    found.set(name, { name, evidence: part ? evidence(s.line, { part }) : sentenceEvidence(s), aliases: [] });
  };
  for (const s of all) {
    const intro = /^(\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?) is an? \p{Ll}/u.exec(s.text);
    if (intro) add(intro[1] as string, s, intro[0].replace(/ is an? \p{Ll}$/u, ''));
    for (const m of s.text.matchAll(ROLE_NOUN_NAME)) {
      add(m[1] as string, s, m[0].trim());
    }
  }
  // A full name's first name, used alone after the name is introduced, is how the plot then calls the character.
  for (const c of found.values()) {
    const [first, ...rest] = c.name.split(' ');
    if (!first || rest.length === 0) continue;
    const alone = new RegExp(`(?<![\\p{L}\\p{M}'’-])${first}(?![\\p{L}\\p{M}'’-]| ${rest.join(' ')})`, 'u');
    const introduced = all.findIndex((x) => x.line.no === c.evidence.line && x.text.includes(c.name));
    const use = all.slice(Math.max(0, introduced)).find((x) => alone.test(x.text.replace(c.name, '')));
    if (use) c.aliases.push({ name: first, evidence: sentenceEvidence(use) });
  }
  return [...found.values()];
}

const COMPOSED_THE_SCORE = new RegExp(`^(${NAME}) (?:composed|wrote) the (?:film's )?(?:musical )?score`, 'u');
const SCORE_COMPOSED_BY = new RegExp(`\\bscore (?:was )?composed (?:and performed )?by (${NAME})`, 'u');
const AUTHOR_DIED = new RegExp(`(${NAME}), who died (?:of|from) ([a-z ]+?) in (${MONTH_PATTERN} \\d{4}|\\d{4})`, 'u');

/** Production facts: film format, shooting days, who composed the score, the source author's death, marketing spend. */
export function readProduction(all: readonly Sentence[], people: readonly string[]): ProductionFact[] {
  const out: ProductionFact[] = [];
  const resolve = (surname: string) => people.find((p) => p === surname || p.endsWith(` ${surname}`)) ?? surname;
  for (const s of all) {
    const t = stripMarkers(s.text);
    const ev = () => sentenceEvidence(s);
    const format = /(?:filmed|shot) (?:in|on) ((?:super ?)?\d+ ?mm)(?: film)? instead of (\d+ ?mm)/i.exec(t);
    if (format) out.push({ kind: 'film-format', value: spaceMm(format[1] as string), insteadOf: spaceMm(format[2] as string), evidence: ev() });
    // "The film was shot on 35 mm film": a format with nothing it replaced.
    const shotOn = /\b(?:was|were) (?:filmed|shot) (?:in|on) ((?:super ?)?\d+ ?mm)\b(?! ?(?:film )?instead of)/i.exec(t);
    if (shotOn && !format) out.push({ kind: 'film-format', value: spaceMm(shotOn[1] as string), evidence: ev() });
    const days =
      /(?:Filming|Shooting|Principal photography) (?:took place over|lasted|took|ran for|was completed in) (\d+) days/i.exec(t) ??
      /\b(?:was|were) (?:shot|filmed) (?:in|over) (\d+) days/i.exec(t) ??
      /\b(\d+)-day (?:shoot|shooting schedule)/i.exec(t);
    if (days) out.push({ kind: 'shooting-days', value: Number(days[1]), evidence: ev() });
    const score = /^(?:The [^,]+ and )?([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:ended up )?(?:[a-z]+ [^,]*? and )?(?:composing|composed|wrote) (?:his|her|their) own score/.exec(t);
    if (score) out.push({ kind: 'score-composer', value: resolve(score[1] as string), evidence: ev() });
    const hasScore = t.includes('score');
    const composedThe = hasScore ? COMPOSED_THE_SCORE.exec(t) : null;
    if (composedThe) out.push({ kind: 'score-composer', value: resolve(composedThe[1] as string), evidence: ev() });
    const scoreBy = hasScore ? SCORE_COMPOSED_BY.exec(t) : null;
    if (scoreBy) out.push({ kind: 'score-composer', value: scoreBy[1] as string, evidence: ev() });
    const death = t.includes(', who died ') ? AUTHOR_DIED.exec(t) : null;
    if (death) {
      const date = parseDate(death[3] as string);
      out.push({ kind: 'source-author-death', value: death[1] as string, ...(date ? { date } : {}), cause: death[2] as string, evidence: ev() });
    }
    // "spent less than $2 million marketing the film", "spent $5 million on marketing", "a marketing budget of £1 million".
    const marketing = /\bspent ((?:[a-z]+ )*?[^ ]*\d[^ ]*(?: (?:thousand|million|billion))?) (?:on )?(?:marketing|advertising|promoting)\b/.exec(t) ?? /\b(?:marketing|advertising|promotional) (?:budget|costs?|spend) (?:of|was|were) ((?:[a-z]+ )*?[^ ]*\d[^ ]*(?: (?:thousand|million|billion))?)/.exec(t);
    const spend = marketing ? findMoney(marketing[1] as string) : undefined;
    if (spend) out.push({ kind: 'marketing-spend', money: { ...spend, evidence: ev() }, evidence: ev() });
  }
  return out;
}

function spaceMm(text: string): string {
  return text.replace(/(\d+) ?mm/, '$1 mm').toLowerCase();
}

const KIND_RELEASE_ON = new RegExp(`(limited|wide|nationwide) release(?: in (the [A-Z][\\w ]+?|[A-Z][\\w ]+?))? on (${DAY_DATE_PATTERN})`, 'giu');
const PREMIERED_AT = new RegExp(`premiered at (?:the )?(${NAME}) on (${DAY_DATE_PATTERN})`, 'gu');
const OPENED_WIDE_ON = new RegExp(`(?:released|opened) (?:nationwide|wide) on (${DAY_DATE_PATTERN})`, 'gu');
const RELEASED_IN_PLACE_ON = new RegExp(`(?:was|were) released (?:theatrically )?in (the [A-Z][\\w ]+?|[A-Z][\\w ]+?) on (${DAY_DATE_PATTERN})`, 'gu');

/** Releases stated in prose: "limited release in the United States on October 27, 1995", "opened nationwide on …". */
export function readReleases(all: readonly Sentence[]): Release[] {
  const out: Release[] = [];
  for (const s of all) {
    const t = stripMarkers(s.text);
    if (!/\b(?:release|released|premiered|opened)\b/i.test(t)) continue;
    for (const m of t.matchAll(KIND_RELEASE_ON)) {
      const date = parseDayDate(m[3] as string);
      if (date) out.push({ date, kind: kindOf(m[1] as string), ...(m[2] ? { place: (m[2] as string).replace(/^the /, '') } : {}), evidence: sentenceEvidence(s) });
    }
    for (const m of t.matchAll(PREMIERED_AT)) {
      const date = parseDayDate(m[2] as string);
      if (date) out.push({ date, kind: 'Premiere', place: m[1] as string, evidence: sentenceEvidence(s) });
    }
    for (const m of t.matchAll(OPENED_WIDE_ON)) {
      const date = parseDayDate(m[1] as string);
      if (date) out.push({ date, kind: 'Wide', evidence: sentenceEvidence(s) });
    }
    // "was released (theatrically) in the United Kingdom on 22 October 2004": a place, no kind.
    for (const m of t.matchAll(RELEASED_IN_PLACE_ON)) {
      const date = parseDayDate(m[2] as string);
      if (date) out.push({ date, place: (m[1] as string).replace(/^the /, ''), evidence: sentenceEvidence(s) });
    }
  }
  return out;
}

function kindOf(word: string): string {
  return /limited/i.test(word) ? 'Limited' : 'Wide';
}

/** Regions named by adjective in "handled the European release"; an adjective not listed is kept as written. */
const REGION_OF_ADJECTIVE: Record<string, string> = {
  European: 'Europe',
  American: 'North America',
  Asian: 'Asia',
  Australian: 'Australia',
  British: 'United Kingdom',
  Canadian: 'Canada',
  French: 'France',
  German: 'Germany',
  Italian: 'Italy',
  Japanese: 'Japan',
  Spanish: 'Spain',
};

const DISTRIBUTED_IN = new RegExp(`^(?:and )?(${ORG}) distributed the film in (?:the )?(${NAME})`, 'u');
const HANDLED_RELEASE = new RegExp(`^(${ORG})(?: and (${ORG}))? handled the ([A-Z][a-z]+) release`, 'u');

/** Distribution by region: "X distributed the film in North America", "X and Y handled the European release". */
export function readDistribution(all: readonly Sentence[]): OrganisationCredit[] {
  const out: OrganisationCredit[] = [];
  for (const s of all) {
    const t = stripMarkers(s.text);
    if (!/ distributed the film in | handled the /.test(t)) continue;
    for (const clause of t.split(/, while |, and |; | while /)) {
      const a = DISTRIBUTED_IN.exec(clause);
      if (a) out.push({ role: 'distributor', name: a[1] as string, region: (a[2] as string).replace(/\.$/, ''), evidence: sentenceEvidence(s) });
      const b = HANDLED_RELEASE.exec(clause);
      if (b) {
        const region = REGION_OF_ADJECTIVE[b[3] as string] ?? (b[3] as string);
        for (const name of [b[1], b[2]]) if (name) out.push({ role: 'distributor', name, region, evidence: sentenceEvidence(s) });
      }
    }
  }
  return out;
}

const FORMATS: Record<string, string> = { 'video cassettes': 'VHS', 'video cassette': 'VHS', vhs: 'VHS', dvd: 'DVD', 'blu-ray': 'Blu-ray', 'hd dvd': 'HD DVD', laserdisc: 'LaserDisc', '4k ultra hd': '4K Ultra HD' };
const FORMAT_RE = 'video cassettes?|VHS|DVD|Blu-ray|HD DVD|LaserDisc|4K Ultra HD';
const FORMAT_CUE = new RegExp(FORMAT_RE, 'i');

const MEDIA_DISTRIBUTED_BY = new RegExp(`^((?:${FORMAT_RE})(?: and (?:${FORMAT_RE}))*) of the film (?:were|was) (?:distributed|released) by (${NAME})`, 'iu');
const RELEASED_ON_MEDIA_BY = new RegExp(`released on (?:${FORMAT_RE})(?:(?:, | and )(?:${FORMAT_RE}))* by (${ORG})`, 'iu');
const MEDIA_ON_DATE = new RegExp(`^(?:The |the )?(${FORMAT_RE}) (?:was|were) (?:distributed|released) on (${DAY_DATE_PATTERN})(?: in ([^.]+?))?\\.?$`, 'iu');
const ALSO_RELEASED_ON = new RegExp(`(?:also )?released on ((?:${FORMAT_RE})(?:(?:, | and )(?:${FORMAT_RE}))*)`, 'iu');

/** Home media: formats with their dates, languages, regions and distributor. */
/**
 * Evidence for a dated home-media release read from sentence `to` whose distributor was named in sentence `from`: the
 * span from one to the other when both are on one line (so the distributor and its citation are in the evidence),
 * else the sentence alone.
 */
function datedEvidence(all: readonly Sentence[], from: number, to: number): Evidence {
  const last = all[to] as Sentence;
  if (from < 0 || from >= to) return sentenceEvidence(last);
  const span = all.slice(from, to + 1);
  if (span.some((x) => x.line !== last.line)) return sentenceEvidence(last);
  const part = rawPart(last.line, span.map((x) => x.text).join(' '));
  return part ? evidence(last.line, { part }) : sentenceEvidence(last);
}

export function readHomeMedia(all: readonly Sentence[]): HomeMediaRelease[] {
  const out: HomeMediaRelease[] = [];
  let distributor: string | undefined;
  /** Index in `all` of the sentence that named the distributor. */
  let distributorAt = -1;
  for (let i = 0; i < all.length; i++) {
    const s = all[i] as Sentence;
    const t = stripMarkers(s.text);
    if (!FORMAT_CUE.test(t)) continue;
    const by = MEDIA_DISTRIBUTED_BY.exec(t);
    if (by) [distributor, distributorAt] = [(by[2] as string).replace(/\.$/, ''), i];
    const releasedBy = RELEASED_ON_MEDIA_BY.exec(t);
    if (releasedBy) [distributor, distributorAt] = [(releasedBy[1] as string).replace(/\.$/, ''), i];
    const dated = datedEvidence(all, distributor === undefined ? i : distributorAt, i);
    for (const clause of t.split(/, while /)) {
      const m = MEDIA_ON_DATE.exec(clause);
      if (!m) continue;
      const date = parseDate(m[2] as string);
      const detail = (m[3] ?? '').replace(/^(?:two|three|four) languages, /, '');
      const [langPart, regionPart] = detail.split(/ for /);
      const languages = (langPart ?? '').split(/, | and /).map((x) => x.trim()).filter((x) => /^[A-Z][a-z]+$/.test(x));
      const regions = (regionPart ?? '').split(/, | and /).map((x) => x.trim()).filter(Boolean);
      out.push({ format: FORMATS[(m[1] as string).toLowerCase()] ?? (m[1] as string), ...(date ? { date } : {}), languages, regions, ...(distributor ? { distributor } : {}), evidence: dated });
    }
    const also = ALSO_RELEASED_ON.exec(t);
    if (also && !/ on \w+ \d/.test(t)) {
      for (const f of (also[1] as string).split(/, | and /)) {
        const format = FORMATS[f.toLowerCase()] ?? f;
        if (!out.some((h) => h.format === format)) out.push({ format, languages: [], regions: [], ...(releasedBy ? { distributor: (releasedBy[1] as string).replace(/\.$/, '') } : {}), evidence: sentenceEvidence(s) });
      }
    }
  }
  return out;
}

const CRITIC_FROM = new RegExp(`^(${PERSON}) (?:from|of) (?:the )?(.+)$`, 'u');
const CRITIC_WROTE = new RegExp(`^(${PERSON})(?: (?:from|of) (?:the )?(${NAME}))?,? (?:wrote|called (?:it|the film)|described (?:it|the film) as)(?:,| that| [^"]*?)? ?"(.+)"\\.?$`, 'u');
const NAMED_THE_FILM = new RegExp(`^(${NAME}) named the film "([^"]+)"(?: and included it in (?:his|her|their) "([^"]+)" list in the number (\\d+) spot)?`, 'u');

/** Critics and their publications ("Roger Ebert from Chicago Sun-Times"), their quotes ("Ebert wrote, "…""), and best-of lists. */
export function readCritics(all: readonly Sentence[]): { reviews: CriticReview[]; lists: BestOfList[] } {
  const reviews: CriticReview[] = [];
  const lists: BestOfList[] = [];
  const critics = new Map<string, string | undefined>();
  const fullName = (name: string) => [...critics.keys()].find((c) => c === name || c.endsWith(` ${name}`)) ?? name;
  for (const s of all) {
    const t = stripMarkers(s.text);
    const summary = /^(.+?) gave the film ([^.]+(?:\."?)?)$/.exec(t);
    if (summary) {
      // "gave the film four stars out of five, calling it "…"": the rating, and the quote as the review's words.
      const said = (summary[2] as string).replace(/\.?"?\.?$/, (m) => (m.includes('"') ? '"' : ''));
      const calling = /^(.*?), calling (?:it|the film|[^"]+?) "(.+)"$/.exec(said);
      const rating = readCriticRating(calling ? (calling[1] as string) : said);
      // "A from P and B from Q and R gave the film high marks": split before each "<Name> from".
      for (const part of (summary[1] as string).split(/ and (?=[A-Z][\w'.-]+ [A-Z][\w'.-]+ (?:from|of) )/)) {
        const m = CRITIC_FROM.exec(part);
        if (!m) continue;
        critics.set(m[1] as string, m[2] as string);
        reviews.push({
          critic: m[1] as string,
          publication: m[2] as string,
          ...(calling ? { quote: (calling[2] as string).replace(/[.,]$/, '') } : {}),
          summary: `gave the film ${calling ? (calling[1] as string) : said}`,
          ...(rating ? { rating } : {}),
          evidence: sentenceEvidence(s),
        });
      }
      continue;
    }
    // "Ebert wrote, "…"", "Leonard Klady from Variety wrote X was "…"", "Janet Maslin of The New York Times called it "…"".
    const wrote = /\b(?:wrote|called|described)\b/.test(t) ? CRITIC_WROTE.exec(t) : null;
    if (wrote) {
      const critic = fullName(wrote[1] as string);
      const publication = (wrote[2] as string | undefined) ?? critics.get(critic);
      if (wrote[2]) critics.set(critic, wrote[2]);
      reviews.push({ critic, ...(publication ? { publication } : {}), quote: (wrote[3] as string).replace(/[.,]$/, ''), evidence: sentenceEvidence(s) });
      continue;
    }
    const named = t.includes(' named the film ') ? NAMED_THE_FILM.exec(t) : null;
    if (named) {
      const author = fullName(named[1] as string);
      lists.push({ author, list: named[2] as string, evidence: sentenceEvidence(s) });
      if (named[3]) lists.push({ author, list: named[3], rank: Number(named[4]), evidence: sentenceEvidence(s) });
    }
  }
  return { reviews, lists };
}

/** Every capitalised multi-word name in the text, for telling people from characters. */
export function capitalisedNames(text: string): string[] {
  return [...normalise(text).matchAll(/\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b/g)].map((m) => m[0]);
}
