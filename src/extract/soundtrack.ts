// Reads the soundtrack: the album paragraph, the "All tracks are written by X except as noted" line, and the track listing.
import { FilmkgError } from '../errors.js';
import type { Evidence, Soundtrack, Track } from '../facts/model.js';
import type { TableContext } from './context.js';
import { DAY_DATE_PATTERN, parseDayDate } from './dates.js';
import { evidence, evidenceSpan, normalise, rawPart, stripMarkers, type ArticleLine } from './lines.js';

const ALBUM = /\bsoundtrack album\b/i;
const DEFAULT_WRITER = /^All (?:tracks|songs|music) (?:are |is )?(?:written|composed) by (.+?)(?:,? except (?:as|where) noted)?\.?$/;
const TRACK_START = /^(\d+)\."/;
/** The end of a title: a closing quote followed by a space, U+00A0, a capital letter (a glued cell), a digit or the end. */
const TRACK = /^(\d+)\."(.+?)"(?=$|[\s\u00a0]|[A-Z0-9])(.*)$/;
const DURATION = /(\d{1,2}):(\d{2})$/;
/** Capitalised name prefixes that are glued inside one name (McDonald, MacLeod, DeVito, LaBeouf), not a cell boundary. */
const GLUE_INSIDE_NAME = /(?:^|[\s,])(?:Mc|Mac|De|Di|La|Le|Van|Von|O')$/;

/** Finds the soundtrack paragraph and track listing; undefined when the article has neither. */
export function extractSoundtrack(lines: readonly ArticleLine[], ctx: TableContext): Soundtrack | undefined {
  const albumLine = lines.find((l) => ALBUM.test(l.text) && l.text.length > 60);
  const defaultLineIndex = lines.findIndex((l) => DEFAULT_WRITER.test(l.text));
  let firstTrack = defaultLineIndex >= 0 ? defaultLineIndex + 1 : lines.findIndex((l) => /^1\."/.test(l.text));
  while (firstTrack >= 0 && firstTrack < lines.length && (lines[firstTrack] as ArticleLine).text === '') firstTrack++;
  if (!albumLine && (firstTrack < 0 || !TRACK_START.test(lines[firstTrack]?.text ?? ''))) return undefined;

  const defaultLine = defaultLineIndex >= 0 ? (lines[defaultLineIndex] as ArticleLine) : undefined;
  const defaultWriter = defaultLine ? (DEFAULT_WRITER.exec(defaultLine.text)?.[1] as string) : undefined;
  const tracks = firstTrack >= 0 && TRACK_START.test(lines[firstTrack]?.text ?? '') ? parseTracks(lines, firstTrack, defaultWriter, ctx) : [];

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

function parseTracks(lines: readonly ArticleLine[], start: number, defaultWriter: string | undefined, ctx: TableContext): Track[] {
  const tracks: Track[] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as ArticleLine;
    if (line.text === '') break;
    if (!TRACK_START.test(line.text)) {
      throw new FilmkgError('BAD_TRACK', 'a track-listing line does not start with a track number and a quoted title', {
        place: { file: ctx.file, line: line.no },
        expected: 'N."Title" followed by writers, performers and a duration m:ss, or (dialogue) and speaking credits',
        found: line.text,
      });
    }
    // Continuation lines: further speaking credits of a dialogue track ("Elisabeth Shue as Sera").
    const group = [line];
    while (i + group.length < lines.length) {
      const next = lines[i + group.length] as ArticleLine;
      if (next.text === '' || TRACK_START.test(next.text)) break;
      group.push(next);
    }
    tracks.push(parseTrack(group, defaultWriter, ctx));
    i += group.length;
  }
  tracks.forEach((t, index) => {
    if (t.number !== index + 1) {
      throw new FilmkgError('BAD_TRACK', 'track numbers are not consecutive', {
        place: { file: ctx.file, line: t.evidence.line },
        expected: `track number ${index + 1}`,
        found: String(t.number),
      });
    }
  });
  return tracks;
}

function parseTrack(group: readonly ArticleLine[], defaultWriter: string | undefined, ctx: TableContext): Track {
  const first = group[0] as ArticleLine;
  const m = TRACK.exec(first.raw);
  if (!m) {
    throw new FilmkgError('BAD_TRACK', 'a track line has no closing quote after its title', {
      place: { file: ctx.file, line: first.no },
      expected: 'N."Title" …',
      found: first.text,
    });
  }
  const number = Number(m[1]);
  const title = normalise(m[2] as string);
  let rest = m[3] as string;
  const dialogue = /^ \(dialogue\)/.test(rest);
  if (dialogue) rest = rest.replace(/^ \(dialogue\)/, '');
  const writerCellEmpty = dialogue || /^[\s\u00a0]/.test(rest);
  const cells = [normalise(rest), ...group.slice(1).map((l) => l.text)];
  // The length cell is glued to the end of the performers cell, on the track's first line or its last continuation line.
  let isoDuration: string | undefined;
  cells.forEach((cell, k) => {
    const duration = DURATION.exec(cell);
    if (!duration || (k !== 0 && k !== cells.length - 1)) return;
    if (isoDuration !== undefined) {
      throw new FilmkgError('BAD_TRACK', 'a track has two durations', { place: { file: ctx.file, line: (group[k] ?? first).no }, expected: 'one m:ss length per track', found: cell });
    }
    isoDuration = toIsoDuration(Number(duration[1]), Number(duration[2]));
    cells[k] = cell.slice(0, duration.index).trim();
  });
  const ev = group.length > 1 ? evidenceSpan(group) : evidence(first);

  if (dialogue) {
    const speakers = cells.filter((c) => c !== '').map((cell, k) => {
      const credit = /^(.+?) as (.+)$/.exec(cell);
      if (!credit) {
        throw new FilmkgError('BAD_TRACK', 'a speaking credit of a dialogue track is not "Actor as Character"', {
          place: { file: ctx.file, line: (group[k] ?? first).no },
          expected: '"Actor as Character"',
          found: cell,
        });
      }
      return { actor: credit[1] as string, character: credit[2] as string };
    });
    return { number, title, writers: defaultWriter ? [defaultWriter] : [], writersFromDefault: defaultWriter !== undefined, performers: speakers.map((s) => s.actor), ...(isoDuration ? { duration: isoDuration } : {}), dialogue, speakers, evidence: ev };
  }
  if (group.length > 1) {
    throw new FilmkgError('BAD_TRACK', 'only dialogue tracks continue on the next line', {
      place: { file: ctx.file, line: (group[1] as ArticleLine).no },
      expected: 'the next track N."Title" or a blank line',
      found: (group[1] as ArticleLine).text,
    });
  }
  const body = cells[0] as string;
  if (!isoDuration) {
    throw new FilmkgError('BAD_TRACK', 'a music track has no duration', {
      place: { file: ctx.file, line: first.no },
      expected: 'a duration m:ss at the end of the line',
      found: first.text,
    });
  }
  if (writerCellEmpty) {
    return { number, title, writers: defaultWriter ? [defaultWriter] : [], writersFromDefault: defaultWriter !== undefined, performers: splitList(body), duration: isoDuration, dialogue, speakers: [], evidence: ev };
  }
  const [writerCell, performerCell] = splitGlued(body, ctx, first);
  return { number, title, writers: splitList(writerCell), writersFromDefault: false, performers: splitList(performerCell), duration: isoDuration, dialogue, speakers: [], evidence: ev };
}

/** "Matt Dennis, Earl BrentSting" → ["Matt Dennis, Earl Brent", "Sting"]: the cells meet where a lower-case letter touches an upper-case one. */
function splitGlued(text: string, ctx: TableContext, line: ArticleLine): [string, string] {
  const candidates: number[] = [];
  for (let k = 1; k < text.length; k++) {
    const a = text[k - 1] as string;
    const b = text[k] as string;
    if (/[a-z.)]/.test(a) && /[A-Z]/.test(b) && !GLUE_INSIDE_NAME.test(text.slice(0, k))) candidates.push(k);
  }
  const known = candidates.filter((k) => ctx.knownNames.some((n) => text.slice(k).startsWith(n) || text.slice(0, k).endsWith(n)));
  const chosen = known.length === 1 ? known : candidates;
  if (chosen.length !== 1) {
    throw new FilmkgError('BAD_TRACK', chosen.length === 0 ? 'cannot tell the writers from the performers' : 'the writers and performers cells are ambiguous', {
      place: { file: ctx.file, line: line.no },
      expected: '"Writer, Writer" glued to "Performer" then m:ss, e.g. "Matt Dennis, Earl BrentSting4:02"',
      found: line.text,
    });
  }
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
