// Reads the film infobox in any rendering: rows found by src/extract/infobox-labels.ts, values on the row's line,
// in bullets, or on continuation lines; two-line labels ("Production" / "companies"); two rows run together
// on one line ("Budget$3.5 millionBox office$49.8 million"). Every line is a value, a row, or a diagnostic.
import type { Diagnostic, Evidence } from '../facts/model.js';
import { diag } from './diagnostics.js';
import { labelOf, type FieldKey, type LabelMatch } from './infobox-labels.js';
import type { ArticleLine } from './lines.js';
import { evidence, evidenceSpan, normalise, rawPart, stripMarkers } from './lines.js';

export type { FieldKey };

/** One value of an infobox row, with the line(s) it was read from. */
export interface InfoboxValue {
  /** Normalised value, citation markers removed. */
  readonly text: string;
  /** Evidence: the row's line (label and value) or the bullet/continuation line. */
  readonly evidence: Evidence;
}

/** One infobox row. `key` is undefined for labels the extractor has no mapping for. */
export interface InfoboxField {
  readonly label: string;
  readonly key: FieldKey | undefined;
  readonly known: boolean;
  readonly line: ArticleLine;
  readonly values: InfoboxValue[];
}

/** The infobox: its title, optional poster image and caption, and its rows in order. */
export interface Infobox {
  readonly title?: { text: string; line: ArticleLine };
  readonly image?: { file: string; caption?: string; lines: ArticleLine[] };
  readonly fields: InfoboxField[];
  readonly diagnostics: Diagnostic[];
}

const IMAGE_FILE = /\.(jpe?g|png|gif|svg|webp|tiff?)$/i;
const BULLET = /^\s*[•·*-]\s+(.*)$/;
/** Fields whose one line may list several values ("Nicolas Cage, Elisabeth Shue"). */
const LIST_FIELDS = new Set<FieldKey>(['director', 'screenwriter', 'story', 'producer', 'starring', 'narrator', 'cinematographer', 'editor', 'composer', 'productionCompany', 'distributor', 'countries', 'languages']);
const PEOPLE_FIELDS = new Set<FieldKey>(['director', 'screenwriter', 'story', 'producer', 'starring', 'narrator', 'cinematographer', 'editor', 'composer']);
/** Labels that may follow another row's value on the same line (money and time rows run together in some renderings). */
const RUN_ON = /(?<=[\p{Ll}\d\])]) ?(Box office|Running time|Budget)(?=[\s$£€¥₹₤₦\d,|:]|$)/u;

/** Splits a one-line list value: commas, `<br>`, " · ", and for people " and ". Parenthesised commas stay. */
function splitValues(value: string, key: FieldKey | undefined, form: LabelMatch['form']): string[] {
  const parts = value.split(/\s*<br\s*\/?>\s*|\s+·\s+|;\s+/i);
  if (!key || !LIST_FIELDS.has(key)) return parts;
  const out: string[] = [];
  for (const part of parts) {
    let depth = 0;
    let start = 0;
    for (let i = 0; i < part.length; i++) {
      const ch = part[i];
      if (ch === '(') depth++;
      else if (ch === ')') depth = Math.max(0, depth - 1);
      else if (ch === ',' && depth === 0 && !/^,\s*(?:Inc|Ltd|LLC|Jr|Sr)\b/.test(part.slice(i))) {
        out.push(part.slice(start, i));
        start = i + 1;
      }
    }
    out.push(part.slice(start));
  }
  const people = PEOPLE_FIELDS.has(key) && form !== 'glued';
  return out.flatMap((v) => (people ? v.split(/\s+and\s+|\s+&\s+/) : [v])).map((v) => v.trim()).filter((v) => v !== '');
}

/** The value lines of a markdown table's continuation row "| | Annie Stewart |". */
function tableContinuation(raw: string): string | undefined {
  const m = /^\s*\|\s*\|(.*)\|\s*$/.exec(raw);
  return m ? (m[1] as string).replace(/\|/g, ',').trim() : undefined;
}

/** Parses the infobox lines (from src/extract/layout.ts) into rows; every line is accounted for. */
export function parseInfobox(lines: readonly ArticleLine[]): Infobox {
  const diagnostics: Diagnostic[] = [];
  // The head: lines above the first row a film infobox has (its title, the poster and caption; in table renderings
  // also "Title | |", "---|---|" and native-title rows).
  const firstKnown = lines.findIndex((l, k) => labelOf(l)?.known === true || isTwoLineLabel(l, lines[k + 1]));
  const firstAny = lines.findIndex((l, k) => labelOf(l) !== undefined || isTwoLineLabel(l, lines[k + 1]));
  const tableHead = firstKnown > 0 && lines.slice(0, firstKnown).some((l) => /\|\s*\|?\s*$/.test(l.raw));
  const firstRow = tableHead ? firstKnown : firstAny;
  const head = lines.slice(0, Math.max(0, firstRow)).filter((l) => !/^[\s|:-]+$/.test(l.text));
  let title: Infobox['title'];
  let image: Infobox['image'];
  const headLeft = [...head];
  const titleLine = headLeft[0] && !IMAGE_FILE.test(headLeft[0].text) ? headLeft.shift() : undefined;
  if (titleLine) title = { text: stripMarkers(titleLine.text.replace(/^#+\s*/, '').replace(/\s*\|[\s|]*$/, '').replace(/^\|\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1')), line: titleLine };
  const imageLine = headLeft[0] && IMAGE_FILE.test(headLeft[0].text) ? headLeft.shift() : undefined;
  const captionLine = headLeft.shift();
  if (imageLine) image = { file: imageLine.text, lines: captionLine ? [imageLine, captionLine] : [imageLine], ...(captionLine ? { caption: captionLine.text } : {}) };

  const fields: InfoboxField[] = [];
  let current: InfoboxField | undefined;
  /** The last line of the current label (a label may take two lines). */
  let labelEnd: ArticleLine | undefined;
  const rows = lines.slice(Math.max(0, firstRow));
  const push = (field: InfoboxField, text: string, form: LabelMatch['form'], ev: Evidence) => {
    for (const v of splitValues(stripMarkers(text), field.key, form)) {
      // A person's credit may carry its part in parentheses ("Scott Beattie (layout)"): the name is the value.
      const value = field.key && PEOPLE_FIELDS.has(field.key) ? v.replace(/\s*\([^()]*\)$/u, '') : v;
      if (value !== '' && !/^[-–—|]+$/.test(value)) field.values.push({ text: value, evidence: ev });
    }
  };
  const startRow = (m: LabelMatch, line: ArticleLine, value: string, ev: (part?: string) => Evidence) => {
    current = { label: m.label, key: m.key, known: m.known, line, values: [] };
    fields.push(current);
    labelEnd = line;
    // Two rows run together: "Budget$3.5–4 million[2][3]Box office$49.8 million[2]".
    const run = m.key === 'budget' || m.key === 'boxOffice' || m.key === 'runningTime' ? RUN_ON.exec(value) : null;
    if (run && run.index > 0) {
      const own = value.slice(0, run.index);
      const rest = value.slice(run.index).trim().replace(/^(Box office|Running time|Budget)[\s,|:]+/, '$1 ');
      const part = rawPart(line, own);
      push(current, own, m.form, part ? evidence(line, { part }) : ev());
      const next = labelOf({ raw: rest, text: rest });
      if (next) startRow(next, line, next.value, () => { const p = rawPart(line, rest); return p ? evidence(line, { part: p }) : evidence(line); });
      return;
    }
    if (value !== '') push(current, value, m.form, ev());
  };
  for (let i = 0; i < rows.length; i++) {
    const line = rows[i] as ArticleLine;
    if (line.text === '') continue;
    const bullet = BULLET.exec(line.raw);
    if (bullet && current && !labelOf(line)?.known) {
      push(current, normalise(bullet[1] as string), 'alone', evidence(line));
      continue;
    }
    const cont = tableContinuation(line.raw);
    if (cont !== undefined && current) {
      push(current, cont, 'table', evidence(line));
      continue;
    }
    // A label broken over two lines ("Production" / "companies"), its value glued to the second.
    const next = rows[i + 1];
    if (next && isTwoLineLabel(line, next)) {
      const joined = labelOf({ raw: `${line.raw} ${next.raw}`, text: `${line.text} ${next.text}` }) as LabelMatch;
      startRow(joined, line, joined.value, () => evidenceSpan([line, next]));
      labelEnd = next;
      i++;
      continue;
    }
    const m = labelOf(line);
    // "by John O'Brien" after "Based on…": the author of the work, on its own line.
    if (current?.key === 'basedOn' && /^by /.test(line.text)) {
      const prev = current.values[current.values.length - 1];
      current.values.push({ text: stripMarkers(line.text), evidence: prev ? evidenceSpan(rows.slice(rows.indexOf(current.line), i + 1)) : evidence(line) });
      continue;
    }
    // "Sippy Films |" under "Production company |": a table rendering's further value, not a row of its own.
    const continuesTable = m !== undefined && !m.known && m.value === '' && (m.form === 'pipe' || m.form === 'table') && current?.key !== undefined;
    if (m && !continuesTable && (m.known || m.form !== 'glued' || !current || current.values.length > 0 || !current.key)) {
      startRow(m, line, m.value, () => evidence(line));
      continue;
    }
    if (current) {
      // A label alone on its line takes the next plain line as its value ("Running time" / "111 minutes");
      // later plain lines continue the row's list (a desktop copy puts each further value on its own line).
      const span = current.values.length === 0 && labelEnd && labelEnd.no === line.no - 1 ? evidenceSpan(rows.slice(rows.indexOf(current.line), i + 1)) : evidence(line);
      push(current, line.text.replace(/^\|\s*|[\s|]*\|$/g, ''), 'alone', span);
      if (current.key === undefined && current.known === false) {
        diagnostics.push(diag('infobox:continuation', 'info', line, `line read as a further value of the row "${current.label}"`, ['an infobox row "Label value"', 'a value of the row above']));
      }
      continue;
    }
    diagnostics.push(diag('infobox:unread-line', 'warning', line, 'an infobox line before the first row was not read', ['an infobox row "Label value"']));
  }
  for (const f of fields) {
    if (!f.key) diagnostics.push(diag('infobox:unknown-label', 'info', f.line, `infobox label "${f.label}" is not mapped; kept in unknownInfoboxFields`, ['a label filmkg maps (docs/extraction.md)']));
  }
  return { ...(title ? { title } : {}), ...(image ? { image } : {}), fields, diagnostics };
}

/** "Production" followed by "companies…": a label the rendering broke over two lines. */
function isTwoLineLabel(line: ArticleLine, next: ArticleLine | undefined): boolean {
  if (!next || next.text === '' || BULLET.test(next.raw)) return false;
  const single = labelOf(line);
  if (single?.known) return false;
  const joined = labelOf({ raw: `${line.raw} ${next.raw}`, text: `${line.text} ${next.text}` });
  return joined !== undefined && joined.known && joined.label.length > line.text.length;
}
