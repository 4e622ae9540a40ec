// The extract stage: article text + metadata → the film's facts, each with its evidence (before curation and checking).
import { FilmkgError } from '../errors.js';
import type { CastMember, Character, Credit, CreditRole, Evidence, FilmFacts, Money, OrganisationCredit, Release, SourceMeta, UnknownField } from '../facts/model.js';
import { extractAccolades } from './accolades.js';
import type { TableContext } from './context.js';
import { parseDayDate } from './dates.js';
import { parseInfobox, type InfoboxField } from './infobox.js';
import { evidence, toLines, type ArticleLine } from './lines.js';
import { findMoney } from './money.js';
import { readCast, readCritics, readDistribution, readHomeMedia, readLead, readPlotCharacters, readProduction, readReleases, readReviewScores, sentences } from './prose.js';
import { extractFootnotes, extractReferences } from './references.js';
import { layout } from './sections.js';
import { extractSoundtrack } from './soundtrack.js';

/** Metadata of a film folder (data/films/<slug>/metadata.json); the revision is read from the article. */
export type FilmMetadata = Omit<SourceMeta, 'revision'>;

const ROLE_OF_LABEL: Record<string, CreditRole> = {
  'Directed by': 'director',
  'Screenplay by': 'screenwriter',
  'Written by': 'screenwriter',
  'Story by': 'story',
  'Produced by': 'producer',
  Starring: 'starring',
  'Narrated by': 'narrator',
  Cinematography: 'cinematographer',
  'Edited by': 'editor',
  'Music by': 'composer',
};

const MONTHS: Record<string, string> = { January: '01', February: '02', March: '03', April: '04', May: '05', June: '06', July: '07', August: '08', September: '09', October: '10', November: '11', December: '12' };

/** Reads "This page was last edited on 30 May 2023, at 18:20" as a UTC dateTime (Wikipedia shows UTC to readers who are not logged in). */
function readRevision(line: ArticleLine | undefined, file: string): SourceMeta['revision'] {
  const m = line && /last edited on (\d{1,2}) ([A-Z][a-z]+) (\d{4}), at (\d{2}):(\d{2})/.exec(line.text);
  const month = m ? MONTHS[m[2] as string] : undefined;
  if (!line || !m || !month) {
    throw new FilmkgError('BAD_METADATA', 'the article has no "This page was last edited on D Month YYYY, at HH:MM" line', {
      place: { file, line: line?.no ?? 1 },
      expected: 'the revision line that ends the rendered page',
    });
  }
  return { dateTime: `${m[3]}-${month}-${(m[1] as string).padStart(2, '0')}T${m[4]}:${m[5]}:00Z`, line: line.no, text: line.raw };
}

function releaseOf(value: { text: string; evidence: Evidence }): Release | undefined {
  const iso = /\((\d{4}-\d{2}-\d{2})\)/.exec(value.text);
  const written = /^([A-Z][a-z]+ \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]+ \d{4})/.exec(value.text);
  const date = iso ? parseDayDate(iso[1] as string) : written ? parseDayDate(written[1] as string) : undefined;
  if (!date) return undefined;
  const notes = [...value.text.matchAll(/\(([^()]+)\)/g)].map((m) => m[1] as string).filter((n) => !/^\d{4}-\d{2}-\d{2}$/.test(n));
  const kinds = notes.filter((n) => /^(Limited|Wide|Premiere|Worldwide|Festival|Re-release)$/i.test(n));
  const places = notes.filter((n) => !kinds.includes(n));
  return { date, ...(kinds[0] ? { kind: kinds[0] } : {}), ...(places[0] ? { place: places[0] } : {}), evidence: value.evidence };
}

function moneyOf(field: InfoboxField | undefined, file: string): Money | undefined {
  const value = field?.values[0];
  if (!field || !value) return undefined;
  const money = findMoney(value.text);
  if (!money) {
    throw new FilmkgError('BAD_INFOBOX', `the infobox "${field.label}" is not an amount of money`, {
      place: { file, line: field.line.no, path: field.label },
      expected: 'an amount such as "$3.5–4 million" or "£12 million"',
      found: value.text,
    });
  }
  return { ...money, evidence: value.evidence };
}

/**
 * Extracts the facts of one film from its article text. `file` names the article in errors.
 * The result still needs curation (src/curate) and checking (src/facts/check.ts).
 */
export function extractFacts(text: string, meta: FilmMetadata, file: string): FilmFacts {
  const lines = toLines(text, file);
  const parts = layout(lines, file);
  const infobox = parseInfobox(parts.infobox);
  const field = (label: string) => infobox.fields.find((f) => f.label === label);
  const fieldOf = (...labels: string[]) => labels.map(field).find((f) => f !== undefined);

  const credits: Credit[] = [];
  for (const f of infobox.fields) {
    const role = ROLE_OF_LABEL[f.label];
    if (role) for (const v of f.values) credits.push({ role, person: v.text, evidence: v.evidence });
  }
  const organisations: OrganisationCredit[] = [];
  for (const f of infobox.fields) {
    const role = f.label === 'Distributed by' ? 'distributor' : /^Production compan/.test(f.label) ? 'production-company' : undefined;
    if (role) for (const v of f.values) organisations.push({ role, name: v.text, evidence: v.evidence });
  }
  const releases: Release[] = [];
  for (const v of fieldOf('Release dates', 'Release date')?.values ?? []) {
    const r = releaseOf(v);
    if (r) releases.push(r);
  }
  const basedOnField = field('Based on');
  const runningField = field('Running time');
  const running = runningField?.values[0] && /^(\d+) minutes?$/.exec(runningField.values[0].text);

  const allSentences = sentences(parts.paragraphs);
  const lead = readLead(parts.lead);
  const people = new Set<string>([...credits.map((c) => c.person)]);
  const proseCast = readCast(allSentences, lines.filter((l) => /^\s+•/.test(l.raw) && / as /.test(l.text) && !parts.videoBlock.includes(l)));
  for (const c of proseCast) people.add(c.actor);
  const critics = readCritics(allSentences);
  const orgNames = [...organisations.map((o) => o.name)];
  const ctx: TableContext = { file, knownNames: [...people, ...orgNames] };
  const soundtrack = extractSoundtrack(lines, ctx);
  for (const t of soundtrack?.tracks ?? []) for (const n of [...t.writers, ...t.performers, ...t.speakers.map((s) => s.actor)]) people.add(n);
  const accolades = extractAccolades(lines, { file, knownNames: [...people, ...orgNames] });
  const references = extractReferences(lines, ctx);
  const footnotes = extractFootnotes(lines, ctx);

  // The plot: the first run of paragraphs after the lead that cites nothing (plot summaries carry no references).
  const plot = parts.runs.slice(1).find((run) => run.every((p) => !/\[\d+\]/.test(p.raw))) ?? [];
  const notCharacters = new Set<string>([infobox.title.text, meta.title, ...people]);
  const plotCharacters = readPlotCharacters(plot, notCharacters);
  const starring = credits.filter((c) => c.role === 'starring');
  const { cast, characters } = joinCast(starring, proseCast, soundtrack?.tracks ?? [], plotCharacters);

  const production = readProduction(allSentences, [...people]);
  const unknownInfoboxFields: UnknownField[] = infobox.fields
    .filter((f) => !f.known)
    .map((f) => ({ label: f.label, values: f.values.map((v) => v.text), evidence: evidence(f.line) }));

  const based = basedOnField?.values;
  const basedTitle = based?.find((v) => !/^by /.test(v.text));
  const basedAuthor = based?.find((v) => /^by /.test(v.text));
  const boxOffice = moneyOf(field('Box office'), file);
  const budget = moneyOf(field('Budget'), file);

  return {
    source: { ...meta, revision: readRevision(parts.revision, file) },
    title: { value: infobox.title.text, evidence: evidence(infobox.title.line) },
    ...(infobox.image
      ? { image: { file: infobox.image.file, ...(infobox.image.caption ? { caption: infobox.image.caption } : {}), evidence: evidence(infobox.image.lines[0] as ArticleLine, infobox.image.lines.length > 1 ? { last: infobox.image.lines[1] as ArticleLine, part: infobox.image.lines.map((l) => l.raw).join('\n') } : {}) } }
      : {}),
    ...(lead.year ? { year: lead.year } : {}),
    genres: lead.genres,
    nationalities: lead.nationalities,
    countries: (fieldOf('Countries', 'Country')?.values ?? []).map((v) => ({ value: v.text, evidence: v.evidence })),
    languages: (fieldOf('Languages', 'Language')?.values ?? []).map((v) => ({ value: v.text, evidence: v.evidence })),
    ...(running && runningField?.values[0] ? { runningTime: { minutes: Number(running[1]), duration: `PT${running[1]}M`, evidence: runningField.values[0].evidence } } : {}),
    ...(!basedTitle && lead.basedOn?.sameName && lead.basedOn.author
      ? {
          // No "Based on" row, but the lead names the work: "based on the … of the same name by X".
          basedOn: { title: infobox.title.text, author: lead.basedOn.author, ...(lead.basedOn.form ? { form: lead.basedOn.form } : {}), ...(lead.basedOn.year ? { year: lead.basedOn.year } : {}), descriptors: lead.basedOn.descriptors, evidence: lead.basedOn.evidence },
        }
      : {}),
    ...(basedTitle
      ? {
          basedOn: {
            title: basedTitle.text,
            ...(basedAuthor ? { author: basedAuthor.text.replace(/^by /, '') } : lead.basedOn?.author ? { author: lead.basedOn.author } : {}),
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
    reviewScores: readReviewScores(allSentences),
    reviews: critics.reviews,
    bestOfLists: critics.lists,
    accolades,
    footnotes,
    ...(soundtrack ? { soundtrack } : {}),
    references,
    externalIds: [],
    unknownInfoboxFields,
  };
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
