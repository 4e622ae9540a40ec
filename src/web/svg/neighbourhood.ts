// A static SVG picture of an entity's neighbourhood for its page: the entity in the middle, the entities it is linked to
// (either way, directly or through a statement) around it, each with its name and how it is linked. Drawn at build time,
// no script; the layout depends only on the input (sorted here), so the same graph gives the same bytes.
import { esc } from '../html.js';

/** The colour family of a node, from its type. */
export type NodeKind = 'film' | 'person' | 'organization' | 'award' | 'work' | 'place' | 'external' | 'other';

/** One entity linked to the centre. */
export interface Neighbour {
  /** Stable identity (the IRI): the last tie-break of the order. */
  readonly id: string;
  readonly label: string;
  /** Where the node links to, if it has a page. */
  readonly href?: string;
  readonly kind: NodeKind;
  /** How it is linked to the centre (property labels, `←` marking links that point at the centre). */
  readonly relations: readonly string[];
}

/** Colours per kind: fills that read on light and dark pages (the text uses the page's own colour). */
const FILL: Readonly<Record<NodeKind, string>> = {
  film: '#c0392b',
  person: '#2e86c1',
  organization: '#8e44ad',
  award: '#d4a017',
  work: '#16a085',
  place: '#7f8c8d',
  external: '#95a5a6',
  other: '#5d6d7e',
};

/** The most neighbours drawn; the rest are counted in a note under the picture. */
export const MAX_NEIGHBOURS = 24;
const WIDTH = 600;
/** Height of one neighbour's row, the margin above and below, and how far each column is from the centre. */
const ROW = 38;
const PAD = 12;
const COLUMN = 112;
const LABEL_CHARS = 22;

function shorten(text: string, max: number): string {
  if (text.length <= max) return text; // no more code points than code units
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

const num = (n: number): string => (Math.round(n * 10) / 10).toString();

/** Neighbours in drawing order: most relations first, then by label and id. */
export function orderNeighbours(neighbours: readonly Neighbour[]): Neighbour[] {
  return [...neighbours].sort((a, b) => b.relations.length - a.relations.length || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One neighbour's row: a dot (a link when it has a page), its name and, in smaller type, how it is linked. */
function rowSvg(x: number, y: number, side: 'left' | 'right', n: Neighbour): string {
  const anchor = side === 'left' ? 'end' : 'start';
  const tx = side === 'left' ? x - 12 : x + 12;
  const relation = n.relations.length > 1 ? `${n.relations[0] ?? ''} +${n.relations.length - 1}` : (n.relations[0] ?? '');
  const inner =
    `<title>${esc(`${n.label}: ${n.relations.join('; ')}`)}</title>` +
    `<circle cx="${num(x)}" cy="${num(y)}" r="7" fill="${FILL[n.kind]}" stroke="currentColor" stroke-width="1"/>` +
    `<text x="${num(tx)}" y="${num(y + 1)}" text-anchor="${anchor}" font-size="13" fill="currentColor">${esc(shorten(n.label, LABEL_CHARS))}</text>` +
    `<text x="${num(tx)}" y="${num(y + 15)}" text-anchor="${anchor}" font-size="11" font-style="italic" fill="currentColor" opacity="0.7">${esc(shorten(relation, LABEL_CHARS + 4))}</text>`;
  return n.href !== undefined ? `<a href="${esc(n.href)}">${inner}</a>` : `<g>${inner}</g>`;
}

/**
 * The picture: the centre in the middle, up to `max` neighbours in two columns, those that point at the centre on the
 * left and those it points at on the right (the fuller side gives its last rows to the other), each joined to the
 * centre by a line. Rows never overlap, whatever the names. Returns the `<svg>` element (it scales to its container's
 * width) and how many neighbours were drawn and left out.
 */
export function neighbourhoodSvg(centre: { label: string; kind: NodeKind }, neighbours: readonly Neighbour[], max = MAX_NEIGHBOURS): { svg: string; shown: number; omitted: number } {
  const ordered = orderNeighbours(neighbours).slice(0, max);
  const incoming = (n: Neighbour) => n.relations.length > 0 && n.relations.every((r) => r.startsWith('←'));
  let left = ordered.filter(incoming);
  let right = ordered.filter((n) => !incoming(n));
  const half = Math.ceil(ordered.length / 2);
  if (left.length > half) [left, right] = [left.slice(0, half), [...right, ...left.slice(half)]];
  else if (right.length > half) [left, right] = [[...left, ...right.slice(half)], right.slice(0, half)];
  const rows = Math.max(left.length, right.length, 1);
  const height = Math.max(rows * ROW + 2 * PAD, 120);
  const cx = WIDTH / 2;
  const cy = height / 2;
  const lines: string[] = [];
  const nodes: string[] = [];
  const column = (list: readonly Neighbour[], side: 'left' | 'right') => {
    const x = side === 'left' ? cx - COLUMN : cx + COLUMN;
    const top = cy - (list.length * ROW) / 2 + ROW / 2 - 6;
    list.forEach((n, i) => {
      const y = top + i * ROW;
      lines.push(`<line x1="${num(cx)}" y1="${num(cy)}" x2="${num(x)}" y2="${num(y)}" stroke="currentColor" stroke-opacity="0.35" stroke-width="1.2"/>`);
      nodes.push(rowSvg(x, y, side, n));
    });
  };
  column(left, 'left');
  column(right, 'right');
  const name = shorten(centre.label, 20);
  const boxWidth = Math.min(Array.from(name).length * 8.4 + 24, 2 * COLUMN - 24);
  const omitted = Math.max(neighbours.length - ordered.length, 0);
  const label = `Neighbourhood of ${centre.label}: ${ordered.length} linked entit${ordered.length === 1 ? 'y' : 'ies'}${omitted > 0 ? ` (${omitted} more not drawn)` : ''}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${num(height)}" role="img" aria-label="${esc(label)}" class="neighbourhood" font-family="system-ui, sans-serif">` +
    `<g>${lines.join('')}</g>` +
    nodes.join('') +
    `<g><title>${esc(centre.label)}</title><rect x="${num(cx - boxWidth / 2)}" y="${num(cy - 16)}" width="${num(boxWidth)}" height="32" rx="16" fill="${FILL[centre.kind]}" stroke="currentColor" stroke-width="2"/>` +
    `<text x="${num(cx)}" y="${num(cy + 5)}" text-anchor="middle" font-size="13" font-weight="700" fill="#fff">${esc(name)}</text></g>` +
    `</svg>`;
  return { svg, shown: ordered.length, omitted };
}
