// Reads the film infobox: labels glued to their values ("Directed byMike Figgis"), bullet lists, values on the next line.
import type { ArticleLine } from './lines.js';
import { evidence, evidenceSpan, stripMarkers } from './lines.js';
import type { Evidence } from '../facts/model.js';

/** Infobox labels the extractor maps to facts, longest first so that "Release dates" wins over "Release date". */
export const KNOWN_LABELS = [
  'Production companies',
  'Production company',
  'Distributed by',
  'Screenplay by',
  'Cinematography',
  'Release dates',
  'Release date',
  'Running time',
  'Directed by',
  'Narrated by',
  'Produced by',
  'Written by',
  'Box office',
  'Countries',
  'Edited by',
  'Languages',
  'Based on',
  'Language',
  'Starring',
  'Story by',
  'Music by',
  'Country',
  'Budget',
] as const;
export type KnownLabel = (typeof KNOWN_LABELS)[number];

/** One value of an infobox row, with the line(s) it was read from. */
export interface InfoboxValue {
  /** Normalised value, citation markers removed. */
  readonly text: string;
  /** Evidence: the row's line (label and value) or the bullet/continuation line. */
  readonly evidence: Evidence;
}

/** One infobox row. `known` is false for labels the extractor has no mapping for. */
export interface InfoboxField {
  readonly label: string;
  readonly known: boolean;
  readonly line: ArticleLine;
  readonly values: InfoboxValue[];
}

/** The infobox: its title, optional poster image and caption, and its rows in order. */
export interface Infobox {
  readonly title: { text: string; line: ArticleLine };
  readonly image?: { file: string; caption?: string; lines: ArticleLine[] };
  readonly fields: InfoboxField[];
}

const IMAGE_FILE = /\.(jpe?g|png|gif|svg|webp|tiff?)$/i;
const BULLET = /^\s+•\s*(.*)$/;

function knownLabelOf(text: string): KnownLabel | undefined {
  return KNOWN_LABELS.find((label) => text === label || text.startsWith(label));
}

/**
 * Splits an unknown row such as "Color processTechnicolor" at the point where the label is glued
 * to its value (a lower-case letter directly followed by an upper-case letter, digit or currency sign).
 */
function splitUnknown(text: string): { label: string; value: string } {
  const m = /^(.*?[a-z)])([A-Z0-9$£€¥₹].*)$/.exec(text);
  if (m && (m[1] as string).length >= 3) return { label: (m[1] as string).trim(), value: (m[2] as string).trim() };
  return { label: text, value: '' };
}

/** Parses the infobox lines (from sections.layout) into rows; every line is accounted for. */
export function parseInfobox(lines: readonly ArticleLine[]): Infobox {
  const [titleLine, ...rest] = lines;
  if (!titleLine) throw new Error('parseInfobox: no lines');
  let i = 0;
  let image: Infobox['image'];
  const first = rest[0];
  if (first && IMAGE_FILE.test(first.text)) {
    const second = rest[1];
    const captionLine = second && !knownLabelOf(second.text) && !BULLET.test(second.raw) ? second : undefined;
    image = { file: first.text, lines: captionLine ? [first, captionLine] : [first], ...(captionLine ? { caption: captionLine.text } : {}) };
    i = captionLine ? 2 : 1;
  }

  const fields: InfoboxField[] = [];
  let current: InfoboxField | undefined;
  /** The last line of the current label (a label may take two lines). */
  let labelEnd: ArticleLine | undefined;
  for (; i < rest.length; i++) {
    const line = rest[i] as ArticleLine;
    const bullet = BULLET.exec(line.raw);
    if (bullet && current) {
      current.values.push({ text: stripMarkers(line.text.replace(/^•\s*/, '')), evidence: evidence(line) });
      continue;
    }
    // A label broken over two lines ("Production" / "companies"), its value glued to the second.
    const next = rest[i + 1];
    const joined = next && !BULLET.test(next.raw) ? `${line.text} ${next.text}` : undefined;
    const twoLineLabel = joined !== undefined && !knownLabelOf(line.text) ? knownLabelOf(joined) : undefined;
    if (twoLineLabel && next && twoLineLabel.length > line.text.length) {
      const value = stripMarkers(joined?.slice(twoLineLabel.length) ?? '');
      current = { label: twoLineLabel, known: true, line, values: value ? [{ text: value, evidence: evidenceSpan([line, next]) }] : [] };
      fields.push(current);
      labelEnd = next;
      i++;
      continue;
    }
    const label = knownLabelOf(line.text);
    if (label) {
      const value = stripMarkers(line.text.slice(label.length));
      current = { label, known: true, line, values: value ? [{ text: value, evidence: evidence(line) }] : [] };
      fields.push(current);
      labelEnd = line;
      continue;
    }
    // "by John O'Brien" after "Based on…": the author of the work, on its own line.
    if (current?.label === 'Based on' && /^by /.test(line.text)) {
      const prev = current.values[current.values.length - 1];
      current.values.push({ text: stripMarkers(line.text), evidence: prev ? evidenceSpan([current.line, line]) : evidence(line) });
      continue;
    }
    // A label alone on its line takes the next plain line as its value ("Running time" / "111 minutes").
    if (current && labelEnd && current.values.length === 0 && labelEnd.no === line.no - 1) {
      current.values.push({ text: stripMarkers(line.text), evidence: evidenceSpan(current.line === labelEnd ? [current.line, line] : [current.line, labelEnd, line]) });
      continue;
    }
    const { label: unknownLabel, value } = splitUnknown(line.text);
    current = { label: unknownLabel, known: false, line, values: value ? [{ text: stripMarkers(value), evidence: evidence(line) }] : [] };
    fields.push(current);
    labelEnd = line;
  }
  return { title: { text: titleLine.text, line: titleLine }, ...(image ? { image } : {}), fields };
}
