// Track listings rendered as tables with a header ("No. | Title | Lyrics | Music | Singer(s) | Length", tab- or
// pipe-separated, or glued: "No.TitleLyricsMusicSinger(s)Length"): columns from the header, cells by position, glued
// name cells split where one name ends and the next begins. Side headings ("Side one") and repeated headers are
// skipped; "Total length" ends the table.
import type { Diagnostic, Track } from '../facts/model.js';
import { diag } from './diagnostics.js';
import { evidence, normalise, stripMarkers, type ArticleLine } from './lines.js';

type TrackColumn = 'no' | 'title' | 'writer' | 'lyrics' | 'music' | 'performer' | 'length' | 'other';

const TERMS: ReadonlyArray<readonly [RegExp, TrackColumn]> = [
  [/^No\.?/i, 'no'],
  [/^Title/i, 'title'],
  [/^(?:Writer\(s\)|Writers?|Songwriters?|Written by)/i, 'writer'],
  [/^(?:Lyrics|Lyricists?(?:\(s\))?)/i, 'lyrics'],
  [/^(?:Music|Composers?(?:\(s\))?|Composed by)/i, 'music'],
  [/^(?:Performer\(s\)|Performers?|Singer\(s\)|Singers?|Artists?(?:\(s\))?|Vocals?)/i, 'performer'],
  [/^(?:Length|Duration|Time)/i, 'length'],
  [/^(?:Notes?|Recorded)/i, 'other'],
];

/** Reads a track-listing header, or undefined. */
export function readTrackHeader(text: string): TrackColumn[] | undefined {
  let rest = normalise(text.replace(/[|\t*]/g, ' '));
  const columns: TrackColumn[] = [];
  while (rest !== '') {
    const term = TERMS.map(([re, col]) => [re.exec(rest), col] as const).find(([m]) => m !== null);
    if (!term) return undefined;
    columns.push(term[1]);
    rest = rest.slice((term[0] as RegExpExecArray)[0].length).trim();
  }
  return columns[0] === 'no' && columns[1] === 'title' && columns.includes('length') && columns.length >= 3 ? columns : undefined;
}

const DURATION = /(\d{1,2}):(\d{2})$/;
const TITLE = /^["“](.+?)["”]\s*(.*)$/;

function toIsoDuration(text: string): string | undefined {
  const m = DURATION.exec(text.replace(/\*/g, '').trim());
  if (!m) return undefined;
  const [min, sec] = [Number(m[1]), Number(m[2])];
  return min === 0 && sec === 0 ? 'PT0S' : `PT${min ? `${min}M` : ''}${sec ? `${sec}S` : ''}`;
}

function names(cell: string): string[] {
  return stripMarkers(cell)
    .split(/,\s*|\s+and\s+|\s+&\s+/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !/^[-–—]$/.test(s));
}

/** Where glued name cells meet: a lower-case letter (or a period or bracket) directly before a capital. */
function glueSplit(text: string, cells: number): string[] | undefined {
  if (cells <= 1) return [text];
  const cuts: number[] = [];
  for (let k = 1; k < text.length; k++) {
    if (/[\p{Ll}.)\]]/u.test(text[k - 1] as string) && /\p{Lu}/u.test(text[k] as string) && !/(?:^|[\s,])(?:Mc|Mac|De|Di|La|Le|Van|Von|O')$/.test(text.slice(0, k))) cuts.push(k);
  }
  if (cuts.length !== cells - 1) return undefined;
  const out: string[] = [];
  let start = 0;
  for (const c of cuts) {
    out.push(text.slice(start, c));
    start = c;
  }
  out.push(text.slice(start));
  return out;
}

/** The table's tracks from the line after `header` (index into `lines`), with diagnostics for rows it cannot read. */
export function readTrackTable(lines: readonly ArticleLine[], headerIndex: number, columns: readonly TrackColumn[], defaultWriter: string | undefined, diagnostics: Diagnostic[]): Track[] {
  const tracks: Track[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const line = lines[i] as ArticleLine;
    const text = line.text;
    if (text === '') {
      // A blank line ends the table unless the next line goes on with it (a side heading or a row).
      const next = lines[i + 1]?.text ?? '';
      if (/^(?:\|\s*)?\d+\./.test(next) || /^Side (?:one|two|three|four|A|B)$/i.test(next)) continue;
      break;
    }
    if (/Total length/i.test(text)) break;
    if (/^Side (?:one|two|three|four|A|B|\d)\b/i.test(text) || readTrackHeader(text) || /^[\s|:-]+$/.test(text)) continue;
    const explicit = line.raw.includes('\t') || line.raw.includes('|');
    let cells: string[];
    if (explicit) {
      const raw = line.raw.replace(/^\s*\|/, '').replace(/\|\s*$/, '');
      cells = raw.split(/\t|\|/).map((c) => normalise(c));
    } else {
      // Glued: N."Title"cell…cellm:ss
      const m = /^(\d+)\.\s?["“](.+?)["”](\s*\([^)]*\))?(.*)$/.exec(text);
      if (!m) {
        diagnostics.push(diag('soundtrack:unread-line', 'error', line, 'a line of the track table is no track row; skipped', ['N."Title" and the cells the header names']));
        continue;
      }
      let rest = (m[4] as string).trim();
      const duration = DURATION.exec(rest);
      if (duration) rest = rest.slice(0, duration.index).trim();
      const nameColumns = columns.filter((c) => c !== 'no' && c !== 'title' && c !== 'length');
      const split = glueSplit(rest, nameColumns.length) ?? (rest === '' ? nameColumns.map(() => '') : undefined);
      if (!split) {
        diagnostics.push(diag('soundtrack:ambiguous-cells', 'warning', line, `the ${nameColumns.length} name cells cannot be told apart; kept as the writers`, nameColumns));
      }
      const byColumn = split ?? [rest, ...nameColumns.slice(1).map(() => '')];
      cells = columns.map((c) => (c === 'no' ? `${m[1]}.` : c === 'title' ? `"${m[2]}"${m[3] ?? ''}` : c === 'length' ? (duration ? duration[0] : '') : (byColumn[nameColumns.indexOf(c)] ?? '')));
    }
    const cell = (col: TrackColumn) => columns.map((c, k) => (c === col ? (cells[k] ?? '') : undefined)).filter((x): x is string => x !== undefined);
    const number = Number(/^(\d+)/.exec(cell('no')[0] ?? '')?.[1]);
    const titleCell = cell('title')[0] ?? '';
    const t = TITLE.exec(titleCell);
    if (!Number.isSafeInteger(number) || number < 1 || !t) {
      diagnostics.push(diag('soundtrack:unread-line', 'error', line, 'a row of the track table has no number or no quoted title; skipped', ['N. | "Title" | …']));
      continue;
    }
    const note = (t[2] as string).replace(/^\(|\)$/g, '');
    const noteBy = /performed by ([^;)]+)/i.exec(note);
    if (note) diagnostics.push(diag('soundtrack:track-note', 'info', line, `track note "(${note})" kept out of the writers and performers`, ['writers, performers and a duration']));
    const writers = [...cell('lyrics'), ...cell('music'), ...cell('writer')].flatMap(names);
    const credited = cell('performer').flatMap(names);
    const performers = credited.length > 0 ? credited : noteBy ? names(noteBy[1] as string) : [];
    const duration = toIsoDuration(cell('length')[0] ?? '');
    if (!duration) diagnostics.push(diag('soundtrack:no-duration', 'info', line, 'the track has no duration', ['a duration m:ss']));
    const fromDefault = writers.length === 0 && defaultWriter !== undefined;
    tracks.push({
      number,
      title: normalise(stripMarkers(t[1] as string)),
      writers: fromDefault ? [defaultWriter as string] : writers,
      writersFromDefault: fromDefault,
      performers,
      ...(duration ? { duration } : {}),
      dialogue: false,
      speakers: [],
      evidence: evidence(line),
    });
  }
  return tracks;
}
