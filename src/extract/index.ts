// The extract stage: article text + metadata → the film's facts, each with its evidence (before curation and checking).
import type { CastMember, Character, Credit, CreditRole, Diagnostic, Evidence, FilmFacts, Money, OrganisationCredit, Release, SourceMeta, UnknownField } from '../facts/model.js';
import { readAccolades } from './accolades.js';
import type { TableContext } from './context.js';
import { DAY_DATE_PATTERN, MONTH_PATTERN, parseDayDate } from './dates.js';
import { diag, enforceStrict, guarded, settle } from './diagnostics.js';
import { parseInfobox, type FieldKey, type InfoboxField, type InfoboxValue } from './infobox.js';
import { layout } from './layout.js';
import { evidence, rawPart, stripMarkers, toLines, type ArticleLine } from './lines.js';
import { findMoney } from './money.js';
import { readCast, readCritics, readDistribution, readHomeMedia, readLead, readPlotCharacters, readProduction, readReleases, sentences } from './prose.js';
import { readReviewScores } from './reception.js';
import { extractFootnotes, extractReferences } from './references.js';
import { extractSoundtrack } from './soundtrack.js';

/** Metadata of a film folder (data/films/<slug>/metadata.json); the revision is read from the article. */
export type FilmMetadata = Omit<SourceMeta, 'revision'>;

/** Options of the extract stage. */
export interface ExtractOptions {
  /** Throw a STRICT FilmkgError when the article has any error or warning diagnostic (the old all-or-nothing reading). */
  readonly strict?: boolean;
}

const ROLE_OF_FIELD: Partial<Record<FieldKey, CreditRole>> = {
  director: 'director',
  screenwriter: 'screenwriter',
  story: 'story',
  producer: 'producer',
  starring: 'starring',
  narrator: 'narrator',
  cinematographer: 'cinematographer',
  editor: 'editor',
  composer: 'composer',
};

const MONTHS: Record<string, string> = { January: '01', February: '02', March: '03', April: '04', May: '05', June: '06', July: '07', August: '08', September: '09', October: '10', November: '11', December: '12' };

/** Reads "This page was last edited on 30 May 2023, at 18:20" as a UTC dateTime (Wikipedia shows UTC to readers who are not logged in). */
function readRevision(line: ArticleLine | undefined, diagnostics: Diagnostic[]): SourceMeta['revision'] {
  if (!line) return undefined;
  const m = /last edited on (\d{1,2}) ([A-Z][a-z]+) (\d{4}), at (\d{2}):(\d{2})/.exec(line.text);
  const month = m ? MONTHS[m[2] as string] : undefined;
  const day = m ? (m[1] as string).padStart(2, '0') : '';
  const ok = m && month && parseDayDate(`${m[3]}-${month}-${day}`) && Number(m[4]) < 24 && Number(m[5]) < 60;
  if (!m || !ok) {
    diagnostics.push(diag('layout:bad-revision', 'warning', line, 'the "last edited" line holds no valid date and time: the revision is unknown', ['"This page was last edited on D Month YYYY, at HH:MM" with a real date and time']));
    return undefined;
  }
  return { dateTime: `${m[3]}-${month}-${day}T${m[4]}:${m[5]}:00Z`, line: line.no, text: line.raw };
}

const RELEASE_DATE = new RegExp(`(${DAY_DATE_PATTERN}|${MONTH_PATTERN} \\d{4}|\\d{4}-\\d{2}-\\d{2}|\\b\\d{4}\\b)`, 'g');

/** Releases of one infobox value: every date it names ("October 27, 1995 (1995-10-27) (Limited)"), with its notes. */
function releasesOf(value: InfoboxValue): Release[] {
  const out: Release[] = [];
  const text = value.text;
  const iso = [...text.matchAll(/\((\d{4}-\d{2}-\d{2})\)/g)].map((m) => m[1] as string);
  const dates = iso.length > 0 ? iso : [...text.matchAll(RELEASE_DATE)].map((m) => m[1] as string).filter((d) => parseDayDate(d) !== undefined);
  const notes = [...text.matchAll(/\(([^()]+)\)/g)].map((m) => m[1] as string).filter((n) => !/^\d{4}-\d{2}-\d{2}$/.test(n));
  const kinds = notes.filter((n) => /^(Limited|Wide|Premiere|Worldwide|Festival|Re-release)$/i.test(n));
  const places = notes.filter((n) => !kinds.includes(n));
  for (const d of dates) {
    const date = parseDayDate(d);
    if (!date || out.some((r) => r.date === date)) continue;
    out.push({ date, ...(dates.length === 1 && kinds[0] ? { kind: kinds[0] } : {}), ...(dates.length === 1 && places[0] ? { place: places[0] } : {}), evidence: value.evidence });
  }
  return out;
}

function moneyOf(field: InfoboxField | undefined, diagnostics: Diagnostic[]): Money | undefined {
  const value = field?.values[0];
  if (!field || !value) return undefined;
  let money = findMoney(value.text);
  // "550 crore" with its sign lost in the copy: crore and lakh are Indian units, so rupees — a rule, reported.
  const indian = money ? undefined : /^(?:(est\.|about|over)\s*)?(\d[\d,]*(?:\.\d+)?)\s*(crore|lakh)\b/i.exec(value.text);
  if (indian) {
    const read = findMoney(`${indian[1] ? `${indian[1]} ` : ''}₹${indian[2]} ${indian[3]}`);
    money = read ? { ...read, text: indian[0] } : undefined;
    if (money) diagnostics.push(diag('infobox:currency-assumed', 'warning', field.line, `"${value.text}" names no currency; read as Indian rupees (crore and lakh are Indian units)`, ['an amount with its currency sign such as "₹550 crore"'], { path: field.label }));
  }
  if (!money) {
    diagnostics.push(diag('infobox:bad-money', 'error', field.line, `the infobox "${field.label}" is not an amount of money; not read`, ['an amount such as "$3.5–4 million" or "£12 million"'], { path: field.label }));
    return undefined;
  }
  return { ...money, evidence: value.evidence };
}

/** "111 minutes", "1 hour 51 minutes", "111 min.", "78 minutes (restored)": the first running time, in minutes. */
function minutesOf(text: string): number | undefined {
  const hm = /(\d{1,2}) ?(?:hours?|hrs?|h)\.?,? (?:and )?(\d{1,2}) ?(?:minutes?|mins?|m)\b/i.exec(text);
  if (hm) return Number(hm[1]) * 60 + Number(hm[2]);
  const m = /(\d{1,4}(?:\.\d+)?) ?(?:minutes?|mins?\.?|min\b)/i.exec(text);
  if (m) return Math.round(Number(m[1]));
  const alone = /^(\d{1,4})$/.exec(text.trim());
  return alone ? Number(alone[1]) : undefined;
}

/** "CJ Entertainment (South Korea)" → the name and its region; other parentheses stay with the name. */
function withRegion(text: string): { name: string; region?: string } {
  const m = /^(.+?)\s*\(([^()]+)\)$/u.exec(text);
  if (!m) return { name: text };
  const note = (m[2] as string).trim();
  // A place in parentheses is the region; any other note ("theatrical", "1991 re-release", "DVD") is no part of the name.
  const region = /^[\p{Lu}][\p{Ll}.'-]+(?: [\p{Lu}][\p{L}.'-]+)*$/u.test(note) && !/^(?:DVD|VHS|Blu-ray|Theatrical|International|Worldwide|Domestic|Uncredited|Home media|Television|Streaming)$/i.test(note);
  return { name: (m[1] as string).trim(), ...(region ? { region: note } : {}) };
}

/**
 * A rendering that ran a list of names into one cell ("Dharmendra Sanjeev Kumar Hema Malini"): split it only where the
 * article's prose writes the very same names as a list ("starring Dharmendra, Sanjeev Kumar, Hema Malini and …").
 */
function splitRunTogether(value: string, prose: string): string[] {
  if (value.includes(',') || value.split(' ').length < 4) return [value];
  const plain = stripMarkers(prose);
  for (const m of plain.matchAll(/((?:[\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*)*,\s+)+(?:and\s+)?[\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*)*)/gu)) {
    const names = (m[1] as string).split(/,\s+(?:and\s+)?|\s+and\s+/).map((n) => n.trim()).filter(Boolean);
    if (names.length > 1 && names.join(' ') === value) return names;
  }
  // A run of five words or more is several names: split it into the fewest parts that the prose each writes whole.
  const words = value.split(' ');
  if (words.length < 5) return [value];
  const written = (phrase: string) => new RegExp(`(?<![\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(plain);
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= words.length; end++) {
    for (let len = 1; len <= Math.min(4, end); len++) {
      const before = best[end - len];
      const part = words.slice(end - len, end).join(' ');
      if (before && written(part) && (!best[end] || before.length + 1 < (best[end] as string[]).length)) best[end] = [...before, part];
    }
  }
  const parts = best[words.length];
  return parts && parts.length > 1 ? parts : [value];
}

/** Country names, for values a rendering left under a single-valued row after losing the "Countries" label. */
const COUNTRIES = new Set(['United States', 'United Kingdom', 'Canada', 'Australia', 'New Zealand', 'Ireland', 'France', 'Germany', 'West Germany', 'East Germany', 'Italy', 'Spain', 'Portugal', 'Mexico', 'Brazil', 'Argentina', 'Chile', 'Colombia', 'Peru', 'Cuba', 'Japan', 'China', 'Hong Kong', 'Taiwan', 'South Korea', 'North Korea', 'India', 'Pakistan', 'Bangladesh', 'Sri Lanka', 'Iran', 'Iraq', 'Israel', 'Turkey', 'Egypt', 'Morocco', 'Nigeria', 'Ghana', 'Kenya', 'South Africa', 'Senegal', 'Russia', 'Soviet Union', 'Ukraine', 'Poland', 'Czech Republic', 'Czechoslovakia', 'Hungary', 'Romania', 'Bulgaria', 'Serbia', 'Yugoslavia', 'Greece', 'Sweden', 'Norway', 'Denmark', 'Finland', 'Iceland', 'Netherlands', 'Belgium', 'Luxembourg', 'Switzerland', 'Austria', 'Thailand', 'Vietnam', 'Philippines', 'Indonesia', 'Malaysia', 'Singapore']);

/** Language names, to split a value a rendering ran together ("Korean English"). */
const LANGUAGES = new Set('English French German Italian Spanish Portuguese Russian Japanese Korean Mandarin Cantonese Chinese Hindi Urdu Tamil Telugu Malayalam Kannada Bengali Marathi Punjabi Persian Arabic Hebrew Turkish Greek Polish Czech Hungarian Romanian Swedish Norwegian Danish Finnish Icelandic Dutch Latin Yoruba Igbo Hausa Swahili Zulu Amharic Thai Vietnamese Indonesian Malay Tagalog Filipino Ukrainian Serbian Croatian Bosnian Slovak Slovene Catalan Basque Galician Irish Welsh Yiddish Sanskrit'.split(' '));

function splitLanguages(value: string): string[] {
  const words = value.split(' ');
  return words.length > 1 && words.every((w) => LANGUAGES.has(w)) ? words : [value];
}

/** Lines above an infobox that caption its poster or mark the box, not the film's title. */
const CAPTION_LIKE = /\b(?:poster|release|infobox|cover|DVD|Blu-ray|logo|artwork|advertisement|title card)\b|^[-|: ]+$|[\u3040-\u30ff\u4e00-\u9fff]/i;

/** "Oppenheimer (film)", "Parasite (2019 film)" → the film's title. */
function cleanTitle(text: string): string {
  return text.replace(/^[#=\s]+|[=\s]+$/g, '').replace(/\s*\((?:\d{4} )?(?:\w+ )?film\)$/i, '').replace(/\s+-\s+Wikipedia.*$/i, '').trim();
}

/**
 * Extracts the facts of one film from its article text. `file` names the article in errors.
 * Local irregularities are diagnostics (facts.diagnostics); only text that is no film article throws
 * (EMPTY_INPUT, BINARY_INPUT, NO_INFOBOX), and with `strict` any error or warning diagnostic throws STRICT.
 * The result still needs curation (src/curate) and checking (src/facts/check.ts).
 */
export function extractFacts(text: string, meta: FilmMetadata, file: string, options: ExtractOptions = {}): FilmFacts {
  const lines = toLines(text, file);
  const parts = layout(lines, file);
  const diagnostics: Diagnostic[] = [...parts.diagnostics];
  const boxStart = parts.infobox[0] as ArticleLine;
  const infobox = guarded('infobox', boxStart, { fields: [], diagnostics: [] } as ReturnType<typeof parseInfobox>, () => {
    const r = parseInfobox(parts.infobox);
    return { value: r, diagnostics: r.diagnostics };
  });
  diagnostics.push(...infobox.diagnostics);
  const box = infobox.value;
  const fieldOf = (key: FieldKey) => box.fields.find((f) => f.key === key);
  const fieldsOf = (key: FieldKey) => box.fields.filter((f) => f.key === key);

  const prose = parts.paragraphs.map((p) => p.text).join(' ');
  const credits: Credit[] = [];
  for (const f of box.fields) {
    const role = f.key ? ROLE_OF_FIELD[f.key] : undefined;
    if (!role) continue;
    for (const v of f.values) {
      for (const person of splitRunTogether(v.text, prose)) if (!credits.some((c) => c.role === role && c.person === person)) credits.push({ role, person, evidence: v.evidence });
    }
  }
  const organisations: OrganisationCredit[] = [];
  for (const f of box.fields) {
    const role = f.key === 'distributor' ? 'distributor' : f.key === 'productionCompany' ? 'production-company' : undefined;
    if (role) for (const v of f.values) {
      const { name, region } = withRegion(v.text);
      organisations.push({ role, name, ...(region ? { region } : {}), evidence: v.evidence });
    }
  }
  const releases: Release[] = [];
  for (const f of fieldsOf('releases')) for (const v of f.values) for (const r of releasesOf({ ...v, text: v.text.replace(/^\(s\)\s*/, '') })) if (!releases.some((x) => x.date === r.date)) releases.push(r);
  // A copy that lost the "Countries" label leaves its bullets under the row above ("120 minutes" / "• Spain" / "• Mexico"):
  // further values of a single-valued row that are all country names are the countries, by a reported rule.
  const lostCountries: InfoboxValue[] = [];
  for (const f of box.fields) {
    if (fieldsOf('countries').length > 0 || (f.key !== 'runningTime' && f.key !== 'budget' && f.key !== 'boxOffice')) continue;
    const extra = f.values.slice(1);
    if (extra.length > 0 && extra.every((v) => COUNTRIES.has(v.text))) {
      lostCountries.push(...extra);
      f.values.splice(1);
      diagnostics.push(diag('infobox:label-lost', 'warning', f.line, `${extra.map((v) => v.text).join(', ')} under "${f.label}" read as the countries (the rendering lost their label)`, ['a "Country" or "Countries" row']));
    }
  }
  const runningField = fieldOf('runningTime');
  const runningValue = runningField?.values[0];
  const minutes = runningValue ? minutesOf(runningValue.text) : undefined;
  if (runningField && runningValue && (minutes === undefined || minutes < 1 || minutes > 6000)) {
    diagnostics.push(diag('infobox:bad-running-time', 'error', runningField.line, 'the running time is not a number of minutes; not read', ['"111 minutes"', '"1 hour 51 minutes"']));
  }
  const basedOnField = fieldOf('basedOn');

  const allSentences = sentences(parts.paragraphs);
  const lead = readLead(parts.lead);
  // The film's title: the infobox's title line unless it is a caption or a stray row; else the lead's subject
  // ("RRR is a 2022 … film"); else the page heading without "(film)"; else the metadata's.
  const boxTitle = box.title && !CAPTION_LIKE.test(box.title.text) ? box.title : undefined;
  const pageTitle = parts.title ? cleanTitle(parts.title.text) : undefined;
  const title = boxTitle?.text ?? lead.subject ?? pageTitle ?? meta.title;
  const titleLine = boxTitle?.line ?? (lead.subject ? parts.lead[0] : undefined) ?? parts.title ?? parts.lead[0] ?? boxStart;
  const people = new Set<string>([...credits.map((c) => c.person)]);
  const proseCast = readCast(allSentences, lines.filter((l) => /^\s*[•*-]\s/.test(l.raw) && / as /.test(l.text) && !parts.videoBlock.includes(l) && !parts.infobox.includes(l)));
  for (const c of proseCast) people.add(c.actor);
  const critics = readCritics(allSentences);
  const orgNames = [...organisations.map((o) => o.name)];
  const ctx: TableContext = { file, knownNames: [...people, ...orgNames] };
  const soundtrack = guarded('soundtrack', boxStart, undefined as ReturnType<typeof extractSoundtrack>['value'], () => extractSoundtrack(lines, ctx));
  diagnostics.push(...soundtrack.diagnostics);
  for (const t of soundtrack.value?.tracks ?? []) for (const n of [...t.writers, ...t.performers, ...t.speakers.map((s) => s.actor)]) people.add(n);
  const creditsOf = (role: CreditRole) => credits.filter((c) => c.role === role).map((c) => c.person);
  const accolades = guarded('accolades', boxStart, [], () => readAccolades(lines, { known: new Set([...people, ...orgNames]), title, credits: creditsOf }));
  diagnostics.push(...accolades.diagnostics);
  const references = guarded('references', boxStart, [], () => ({ value: extractReferences(lines, ctx), diagnostics: [] }));
  diagnostics.push(...references.diagnostics);
  // Markers citing a number the references list lacks (no list at all in an opening, or a list cut short): the marker
  // stays in the evidence text, and the graph links no reference node that would have nothing to say.
  const listed = new Set(references.value.map((r) => r.number));
  const unlisted = new Map<number, ArticleLine>();
  for (const l of lines) {
    if (parts.chrome.has(l.no) || /^\s*\d+\.\s*\^/.test(l.raw)) continue;
    for (const m of l.raw.matchAll(/\[(\d{1,6})\]/g)) {
      const n = Number(m[1]);
      if (!listed.has(n) && !unlisted.has(n)) unlisted.set(n, l);
    }
  }
  // One diagnostic per line (diagnostics are one per line and code), naming every number first cited there.
  const byLine = new Map<ArticleLine, number[]>();
  for (const [n, l] of unlisted) byLine.set(l, [...(byLine.get(l) ?? []), n]);
  for (const [l, ns] of byLine) {
    diagnostics.push(diag('reference:unlisted', 'info', l, `the text cites ${ns.map((n) => `[${n}]`).join('')}, which the references list does not hold: the markers stay in the evidence, unlinked`, ['a references list "1. ^ …" holding them'], { path: `references.${ns.join(',')}` }));
  }
  const footnotes = guarded('footnotes', boxStart, [], () => ({ value: extractFootnotes(lines, ctx), diagnostics: [] }));

  // The plot: the run after the lead under a "Plot" heading, else the first run of paragraphs after the lead that cites nothing.
  const leadIndex = parts.runs.indexOf(parts.lead);
  const plot = parts.runs.slice(leadIndex + 1).find((run) => run.every((p) => !/\[\d+\]/.test(p.raw))) ?? [];
  const notCharacters = new Set<string>([title, meta.title, ...people]);
  const plotCharacters = readPlotCharacters(plot, notCharacters);
  const starring = credits.filter((c) => c.role === 'starring');
  const { cast, characters } = joinCast(starring, proseCast, soundtrack.value?.tracks ?? [], plotCharacters);

  const production = readProduction(allSentences, [...people]);
  const unknownInfoboxFields: UnknownField[] = box.fields
    .filter((f) => !f.known || !f.key)
    .map((f) => ({ label: f.label, values: f.values.map((v) => v.text), evidence: evidence(f.line) }));

  const based = basedOnField?.values;
  const basedTitle = based?.find((v) => !/^by /.test(v.text));
  const basedAuthor = based?.find((v) => /^by /.test(v.text));
  const boxOffice = moneyOf(fieldOf('boxOffice'), diagnostics);
  const budget = moneyOf(fieldOf('budget'), diagnostics);
  const revision = readRevision(parts.revision, diagnostics);
  if (lead.year && (lead.year.value < 1870 || lead.year.value > 2100)) {
    const at = parts.lead[0] as ArticleLine;
    diagnostics.push(diag('layout:implausible-year', 'warning', at, `the lead's year ${lead.year.value} is no year of a film; not read`, ['a year from 1870 to 2100']));
  }
  const reviewScores = guarded('review', boxStart, [], () => readReviewScores(allSentences, title));
  diagnostics.push(...reviewScores.diagnostics);
  const image = box.image;

  const facts: FilmFacts = {
    source: { ...meta, ...(revision ? { revision } : {}) },
    title: { value: title, evidence: boxTitle ? evidence(boxTitle.line) : lead.subject && title === lead.subject && parts.lead[0] ? evidence(parts.lead[0], { part: rawPart(parts.lead[0], title) ?? parts.lead[0].raw }) : evidence(titleLine) },
    ...(image
      ? { image: { file: image.file, ...(image.caption ? { caption: image.caption } : {}), evidence: image.lines.length > 1 ? evidence(image.lines[0] as ArticleLine, { last: image.lines[1] as ArticleLine, part: image.lines.map((l) => l.raw).join('\n') }) : evidence(image.lines[0] as ArticleLine) } }
      : {}),
    ...(lead.year && lead.year.value >= 1870 && lead.year.value <= 2100 ? { year: lead.year } : {}),
    genres: lead.genres,
    nationalities: lead.nationalities,
    countries: [...fieldsOf('countries').flatMap((f) => f.values), ...lostCountries].map((v) => ({ value: v.text, evidence: v.evidence })),
    languages: fieldsOf('languages').flatMap((f) => f.values).flatMap((v) => splitLanguages(v.text).map((value) => ({ value, evidence: v.evidence }))),
    ...(minutes !== undefined && minutes >= 1 && minutes <= 6000 && runningValue ? { runningTime: { minutes, duration: `PT${minutes}M`, evidence: runningValue.evidence } } : {}),
    ...(!basedTitle && lead.basedOn?.sameName && lead.basedOn.author
      ? {
          // No "Based on" row, but the lead names the work: "based on the … of the same name by X".
          basedOn: { title, author: lead.basedOn.author, ...(lead.basedOn.form ? { form: lead.basedOn.form } : {}), ...(lead.basedOn.year ? { year: lead.basedOn.year } : {}), descriptors: lead.basedOn.descriptors, evidence: lead.basedOn.evidence },
        }
      : {}),
    ...(basedTitle
      ? {
          basedOn: {
            title: basedTitle.text.replace(/\s+by\s+.+$/, '').replace(/^["“](.+)["”]$/, '$1'),
            ...(basedAuthor ? { author: basedAuthor.text.replace(/^by /, '') } : / by /.test(basedTitle.text) ? { author: basedTitle.text.replace(/^.+?\s+by\s+/, '') } : lead.basedOn?.author ? { author: lead.basedOn.author } : {}),
            ...(lead.basedOn?.form ? { form: lead.basedOn.form } : {}),
            ...(lead.basedOn?.year ? { year: lead.basedOn.year } : {}),
            descriptors: lead.basedOn?.descriptors ?? [],
            evidence: (basedAuthor ?? basedTitle).evidence,
          },
        }
      : {}),
    credits,
    organisations: [...organisations, ...readDistribution(allSentences)],
    releases: [...releases, ...readReleases(allSentences)],
    ...(budget ? { budget } : {}),
    ...(boxOffice ? { boxOffice } : {}),
    cast,
    characters,
    production,
    homeMedia: readHomeMedia(allSentences),
    reviewScores: reviewScores.value,
    reviews: critics.reviews,
    bestOfLists: critics.lists,
    accolades: accolades.value,
    footnotes: footnotes.value,
    ...(soundtrack.value ? { soundtrack: soundtrack.value } : {}),
    references: references.value,
    externalIds: [],
    unknownInfoboxFields,
    layout: { profile: parts.profile, infobox: { line: boxStart.no, endLine: (parts.infobox[parts.infobox.length - 1] as ArticleLine).no } },
    diagnostics: settle(diagnostics),
  };
  if (options.strict) enforceStrict(facts.diagnostics, file);
  return facts;
}

/**
 * Joins the cast statements: prose ("X stars as …", "played by X", cast bullets) and the soundtrack's speaking
 * credits ("Nicolas Cage as Ben"). A short character name is expanded to the plot's full name when the
 * first name matches ("Ben" → "Ben Sanderson"); the short name is kept as an alias.
 */
function joinCast(starring: readonly Credit[], prose: ReturnType<typeof readCast>, tracks: NonNullable<FilmFacts['soundtrack']>['tracks'], plot: ReturnType<typeof readPlotCharacters>): { cast: CastMember[]; characters: Character[] } {
  const characters = new Map<string, Character>();
  for (const p of plot) characters.set(p.name, { name: p.name, aliases: p.aliases.map((a) => a.name), evidence: [p.evidence, ...p.aliases.map((a) => a.evidence)] });
  const fullCharacter = (name: string): string => {
    if (characters.has(name)) return name;
    const match = [...characters.keys()].find((full) => full.split(' ')[0] === name && full !== name);
    return match ?? name;
  };
  const noteCharacter = (written: string, ev: Evidence) => {
    const full = fullCharacter(written);
    const c = characters.get(full) ?? { name: full, aliases: [], evidence: [] };
    if (written !== full && !c.aliases.includes(written)) c.aliases.push(written);
    if (!c.evidence.some((e) => e.line === ev.line && e.text === ev.text)) c.evidence.push(ev);
    characters.set(full, c);
    return full;
  };
  const cast = new Map<string, CastMember>();
  const note = (actor: string, character: string | undefined, ev: Evidence) => {
    const member = cast.get(actor) ?? { actor, characterAliases: [], evidence: [] };
    if (character) {
      const full = noteCharacter(character, ev);
      member.character ??= full;
      if (character !== full && !member.characterAliases.includes(character)) member.characterAliases.push(character);
    }
    if (!member.evidence.some((e) => e.line === ev.line && e.text === ev.text)) member.evidence.push(ev);
    cast.set(actor, member);
  };
  // The infobox "Starring" list gives the billing order.
  starring.forEach((c, i) => {
    note(c.person, undefined, c.evidence);
    const member = cast.get(c.person);
    if (member) member.order = i + 1;
  });
  for (const p of prose) note(p.actor, p.character, p.evidence);
  for (const t of tracks) for (const s of t.speakers) note(s.actor, s.character, t.evidence);
  return { cast: [...cast.values()], characters: [...characters.values()] };
}
