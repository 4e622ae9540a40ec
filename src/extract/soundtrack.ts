// Reads the soundtrack: the album paragraph, the "All tracks are written by X except as noted" line, and the track listing.
import type { Diagnostic, Evidence, Soundtrack, Track } from '../facts/model.js';
import { diag, type Read } from './diagnostics.js';
import { readTrackHeader, readTrackTable } from './track-table.js';
import type { TableContext } from './context.js';
import { DAY_DATE_PATTERN, parseDayDate } from './dates.js';
import { evidence, evidenceSpan, normalise, rawPart, stripMarkers, type ArticleLine } from './lines.js';

const ALBUM = /\bsoundtrack album\b/i;
const DEFAULT_WRITER = /^All (?:tracks|songs|music) (?:are |is )?(?:written|composed) by (.+?)(?:,? except (?:as|where) noted)?\.?$/;
const TRACK_START = /^(\d+)\.\s?["“]/;
/** The end of a title: a closing quote followed by a space, U+00A0, a capital letter (a glued cell), a digit or the end. */
const TRACK = /^(\d+)\.\s?["“](.+?)["”](?=$|[\s\u00a0]|[A-Z0-9(])(.*)$/;
const DURATION = /(\d{1,2}):(\d{2})$/;
/** Capitalised name prefixes that are glued inside one name (McDonald, MacLeod, DeVito, LaBeouf), not a cell boundary. */
const GLUE_INSIDE_NAME = /(?:^|[\s,])(?:Mc|Mac|De|Di|La|Le|Van|Von|O')$/;

/** Finds the soundtrack paragraph and track listing; undefined when the article has neither. */
export function extractSoundtrack(lines: readonly ArticleLine[], ctx: TableContext): Read<Soundtrack | undefined> {
  const diagnostics: Diagnostic[] = [];
  const value = readSoundtrack(lines, ctx, diagnostics);
  return { value, diagnostics };
}

function readSoundtrack(lines: readonly ArticleLine[], ctx: TableContext, diagnostics: Diagnostic[]): Soundtrack | undefined {
  const albumLine = lines.find((l) => ALBUM.test(l.text) && l.text.length > 60);
  const defaultLineIndex = lines.findIndex((l) => DEFAULT_WRITER.test(l.text));
  let firstTrack = defaultLineIndex >= 0 ? defaultLineIndex + 1 : lines.findIndex((l) => /^1\.\s?["“]/.test(l.text));
  while (firstTrack >= 0 && firstTrack < lines.length && (lines[firstTrack] as ArticleLine).text === '') firstTrack++;
  const hasTable = lines.some((l) => readTrackHeader(l.text) !== undefined);
  if (!albumLine && !hasTable && (firstTrack < 0 || !TRACK_START.test(lines[firstTrack]?.text ?? ''))) return undefined;

  const defaultLine = defaultLineIndex >= 0 ? (lines[defaultLineIndex] as ArticleLine) : undefined;
  const defaultWriter = defaultLine ? (DEFAULT_WRITER.exec(defaultLine.text)?.[1] as string) : undefined;
  // A listing with a header row ("No. Title Writer(s) Length") is read by its columns; else the glued list of the seed.
  const headerIndex = lines.findIndex((l) => readTrackHeader(l.text) !== undefined);
  const tracks =
    headerIndex >= 0
      ? readTrackTable(lines, headerIndex, readTrackHeader((lines[headerIndex] as ArticleLine).text) ?? [], defaultWriter, diagnostics)
      : firstTrack >= 0 && TRACK_START.test(lines[firstTrack]?.text ?? '')
        ? parseTracks(lines, firstTrack, defaultWriter, ctx, diagnostics)
        : [];
  if (tracks.length === 0 && albumLine) diagnostics.push(diag('soundtrack:no-tracks', 'warning', albumLine, 'the article describes a soundtrack album but no track listing N."Title" … was read', ['a track listing N."Title" writers performers m:ss']));

  const text = albumLine ? stripMarkers(albumLine.text) : '';
  const release = new RegExp(`released (?:on )?(${DAY_DATE_PATTERN})`).exec(text);
  const composers = new Set<string>();
  const performers = new Set<string>();
  const composedBy = /composed (?:and performed )?by ([A-Z][\w'.-]+(?: [A-Z][\w'.-]+)+)/.exec(text);
  if (composedBy) composers.add(composedBy[1] as string);
  for (const m of text.matchAll(/(?:and |, )?performed by ([A-Z][\w'.-]+(?: [A-Z][\w'.-]+)*)/g)) {
    const sentence = text.slice(0, m.index).split(/[.!?] /).pop() ?? '';
    if (/not included|is not/.test(text.slice(m.index, m.index + 80))) continue;
    if (/A version of "[^"]*"$/.test(sentence.trim())) continue;
    performers.add(m[1] as string);
  }
  const notIncluded: Soundtrack['notIncluded'] = [];
  if (albumLine) {
    for (const m of text.matchAll(/A version of "([^"]+)"(?: performed by ([A-Z][\w'.-]+(?: [A-Z][\w'.-]+)*))?[^.]*?\bnot included\b[^.]*\./g)) {
      const part = rawPart(albumLine, m[0]);
      notIncluded.push({ title: m[1] as string, ...(m[2] ? { performer: m[2] } : {}), evidence: evidence(albumLine, part ? { part } : {}) });
    }
  }
  const evidenceLines = [albumLine, defaultLine].filter((l): l is ArticleLine => l !== undefined);
  const ev: Evidence = albumLine ? evidence(albumLine) : evidence(evidenceLines[0] ?? (lines[firstTrack] as ArticleLine));
  const releaseDate = release ? parseDayDate(release[1] as string) : undefined;
  return {
    ...(releaseDate ? { releaseDate } : {}),
    ...(text ? { description: text } : {}),
    composers: [...composers],
    performers: [...performers],
    ...(defaultWriter ? { defaultWriter } : {}),
    notIncluded,
    tracks,
    evidence: ev,
  };
}

function parseTracks(lines: readonly ArticleLine[], start: number, defaultWriter: string | undefined, ctx: TableContext, diagnostics: Diagnostic[]): Track[] {
  const tracks: Track[] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as ArticleLine;
    if (line.text === '') break;
    if (!TRACK_START.test(line.text)) {
      diagnostics.push(diag('soundtrack:unread-line', 'error', line, 'a track-listing line does not start with a track number and a quoted title; line skipped', ['N."Title" followed by writers, performers and a duration m:ss, or (dialogue) and speaking credits']));
      i++;
      continue;
    }
    // Continuation lines: further speaking credits of a dialogue track ("Elisabeth Shue as Sera").
    const group = [line];
    // Only a dialogue track whose line ends without a length continues on the next lines (its further speakers).
    while (!DURATION.test(line.text) && /\(dialogue\)/i.test(line.text) && i + group.length < lines.length) {
      const next = lines[i + group.length] as ArticleLine;
      if (next.text === '' || TRACK_START.test(next.text) || /^Total length/i.test(next.text)) break;
      group.push(next);
    }
    const track = parseTrack(group, defaultWriter, ctx, diagnostics);
    if (track) tracks.push(track);
    i += group.length;
    if (/^Total length/i.test(lines[i]?.text ?? '')) break;
  }
  tracks.forEach((t, index) => {
    if (t.number !== index + 1) {
      diagnostics.push(diag('soundtrack:numbering', 'warning', { no: t.evidence.line, raw: t.evidence.text.split('\n')[0] ?? '', text: '' }, `track numbers are not consecutive: expected ${index + 1}, found ${t.number}`, [`track number ${index + 1}`]));
    }
  });
  // Keep the numbers the article gives, but one track per number.
  return tracks.filter((t, k) => tracks.findIndex((x) => x.number === t.number) === k);
}

function parseTrack(group: readonly ArticleLine[], defaultWriter: string | undefined, ctx: TableContext, diagnostics: Diagnostic[]): Track | undefined {
  const first = group[0] as ArticleLine;
  const m = TRACK.exec(first.raw);
  if (!m) {
    diagnostics.push(diag('soundtrack:no-title', 'error', first, 'a track line has no closing quote after its title; track skipped', ['N."Title" …']));
    return undefined;
  }
  const number = Number(m[1]);
  if (!Number.isSafeInteger(number) || number < 1) {
    diagnostics.push(diag('soundtrack:numbering', 'error', first, `track number ${m[1]} is no position on the album; track skipped`, ['a track number 1, 2, 3 …']));
    return undefined;
  }
  const title = normalise(m[2] as string);
  let rest = m[3] as string;
  const dialogue = /^\s?\(dialogue\)/i.test(rest);
  if (dialogue) rest = rest.replace(/^\s?\(dialogue\)/i, '');
  // A note after the title other than "(dialogue)": "(Love Theme from X; performed by Y)", "(reprise)", "(live)".
  let notePerformers: string[] = [];
  const note = dialogue ? null : /^\s?\(([^()]*)\)/.exec(rest);
  if (note) {
    rest = rest.slice(note[0].length);
    const performed = /performed by ([^;]+)$/i.exec(note[1] as string);
    if (performed) notePerformers = splitList(normalise(performed[1] as string));
    diagnostics.push(diag('soundtrack:track-note', 'info', first, `track note "(${note[1]})" kept out of the writers and performers`, ['writers, performers and a duration']));
  }
  const writerCellEmpty = dialogue || /^[\s\u00a0]/.test(rest) || rest === '';
  const cells = [normalise(rest), ...group.slice(1).map((l) => l.text)];
  // The length cell is glued to the end of the performers cell, on the track's first line or its last continuation line.
  let isoDuration: string | undefined;
  cells.forEach((cell, k) => {
    const duration = DURATION.exec(cell);
    if (!duration || (k !== 0 && k !== cells.length - 1) || isoDuration !== undefined) return;
    isoDuration = toIsoDuration(Number(duration[1]), Number(duration[2]));
    cells[k] = cell.slice(0, duration.index).trim();
  });
  const ev = group.length > 1 ? evidenceSpan(group) : evidence(first);
  const defaults = { writers: defaultWriter ? [defaultWriter] : [], writersFromDefault: defaultWriter !== undefined };

  if (dialogue) {
    const speakers: Track['speakers'] = [];
    const performers: string[] = [];
    cells.filter((c) => c !== '').forEach((cell, k) => {
      const credit = /^(.+?) as (.+)$/.exec(cell);
      if (credit) {
        speakers.push({ actor: credit[1] as string, character: credit[2] as string });
        performers.push(credit[1] as string);
      } else {
        // "The Kestrels": a credit that names no character is kept as a performer, not a speaking role.
        performers.push(...splitList(cell));
        diagnostics.push(diag('soundtrack:not-a-speaking-credit', 'warning', group[k] ?? first, `"${cell}" is not "Actor as Character": kept as a performer of the track`, ['"Actor as Character"']));
      }
    });
    return { number, title, ...defaults, performers, ...(isoDuration ? { duration: isoDuration } : {}), dialogue, speakers, evidence: ev };
  }
  for (const extra of group.slice(1)) {
    diagnostics.push(diag('soundtrack:extra-line', 'warning', extra, 'only dialogue tracks continue on the next line; line kept out of the track', ['the next track N."Title" or a blank line']));
  }
  const body = cells[0] as string;
  if (!isoDuration) {
    diagnostics.push(diag('soundtrack:no-duration', 'info', first, 'the track has no duration', ['a duration m:ss at the end of the line']));
  }
  const base = { number, title, ...(isoDuration ? { duration: isoDuration } : {}), dialogue, speakers: [], evidence: ev };
  if (body === '') return { ...base, ...defaults, performers: notePerformers };
  if (writerCellEmpty) return { ...base, ...defaults, performers: notePerformers.length > 0 ? notePerformers : splitList(body) };
  const split = splitGlued(body, ctx);
  if (!split) {
    diagnostics.push(diag('soundtrack:ambiguous-cells', 'warning', first, 'cannot tell the writers from the performers; the text is kept as the writers', ['"Writer, Writer" glued to "Performer" then m:ss, e.g. "Matt Dennis, Earl BrentSting4:02"']));
    return { ...base, writers: splitList(body), writersFromDefault: false, performers: notePerformers };
  }
  const [writerCell, performerCell] = split;
  return { ...base, writers: splitList(writerCell), writersFromDefault: false, performers: notePerformers.length > 0 ? notePerformers : splitList(performerCell) };
}

/** "Matt Dennis, Earl BrentSting" → ["Matt Dennis, Earl Brent", "Sting"]: the cells meet where a lower-case letter touches an upper-case one; undefined when that is not one place. */
function splitGlued(text: string, ctx: TableContext): [string, string] | undefined {
  const candidates: number[] = [];
  for (let k = 1; k < text.length; k++) {
    const a = text[k - 1] as string;
    const b = text[k] as string;
    if (/[\p{Ll}.)]/u.test(a) && /\p{Lu}/u.test(b) && !GLUE_INSIDE_NAME.test(text.slice(0, k))) candidates.push(k);
  }
  const known = candidates.filter((k) => ctx.knownNames.some((n) => text.slice(k).startsWith(n) || text.slice(0, k).endsWith(n)));
  const chosen = known.length === 1 ? known : candidates;
  if (chosen.length !== 1) return undefined;
  const k = chosen[0] as number;
  return [text.slice(0, k), text.slice(k)];
}

function splitList(cell: string): string[] {
  return cell
    .split(/,\s*|\s+and\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function toIsoDuration(minutes: number, seconds: number): string {
  if (minutes === 0 && seconds === 0) return 'PT0S';
  return `PT${minutes ? `${minutes}M` : ''}${seconds ? `${seconds}S` : ''}`;
}
