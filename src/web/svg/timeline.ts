// The release timeline picture: every release on one time axis (theatrical and home media), undated ones listed apart (static SVG).
import { el, type Html } from '../html.js';
import { line, n, svg, text } from './svg.js';

/** One release event: its date (year, year-month or full date) when known, what it was, and what kind. */
export interface ReleaseMark {
  readonly date?: string;
  readonly label: string;
  /** `theatrical` or `home-media` (the mark's shape and colour). */
  readonly kind: 'theatrical' | 'home-media';
}

const WIDTH = 420;
const LEFT = 20;
const RIGHT = WIDTH - 20;
const ROW = 30;
const TOP = 34;

/** Days since 1970 of a year, year-month or date (its first day). */
function day(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `1995-10-27` → `27 Oct 1995`; `1998-01` → `Jan 1998`; `1998` as it is. */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return [d !== undefined ? String(Number(d)) : undefined, m !== undefined ? MONTHS[Number(m) - 1] : undefined, y].filter((x) => x !== undefined).join(' ');
}

/** Releases in date order; undated ones after, in their given order. */
export function orderReleases(marks: readonly ReleaseMark[]): ReleaseMark[] {
  const dated = marks.filter((m) => m.date !== undefined).sort((a, b) => day(a.date as string) - day(b.date as string) || (a.label < b.label ? -1 : 1));
  return [...dated, ...marks.filter((m) => m.date === undefined)];
}

/** The picture: a year axis, one row per dated release with a mark at its date, then the undated releases. */
export function timelineChart(marks: readonly ReleaseMark[], id = 'releases-chart'): Html | undefined {
  if (marks.length === 0) return undefined;
  const rows = orderReleases(marks);
  const dated = rows.filter((m) => m.date !== undefined);
  const undated = rows.filter((m) => m.date === undefined);
  const years = dated.map((m) => Number((m.date as string).slice(0, 4)));
  const first = years.length > 0 ? Math.min(...years) : 0;
  const last = years.length > 0 ? Math.max(...years) + 1 : 1;
  const [from, to] = [day(String(first)), day(String(last))];
  const x = (iso: string) => LEFT + ((day(iso) - from) / (to - from)) * (RIGHT - LEFT);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const height = TOP + dated.length * ROW + (undated.length > 0 ? 24 + undated.length * 20 : 0) + 4;
  const shape = (m: ReleaseMark, cx: number, cy: number) =>
    m.kind === 'theatrical' ? el('circle', { cx: n(cx), cy: n(cy), r: 6, class: 'theatrical-fill' }) : el('rect', { x: n(cx - 5), y: n(cy - 5), width: 10, height: 10, class: 'home-fill' });
  return svg(
    {
      id,
      width: WIDTH,
      height,
      title: `Release timeline: ${rows.length} releases${dated.length > 0 ? `, ${first}–${last - 1}` : ''}`,
      desc: rows.map((m) => `${m.label}${m.date !== undefined ? `, ${m.date}` : ', date not given'}`).join('; '),
      data: { releases: rows.length, dated: dated.length },
    },
    dated.length > 0
      ? el(
          'g',
          { class: 'axis' },
          line(LEFT, 20, RIGHT, 20, { class: 'axis' }),
          ticks.map((year) => tick(x(String(year)), year, ticks.length)),
        )
      : undefined,
    dated.map((m, i) => {
      const cx = x(m.date as string);
      const cy = TOP + i * ROW + 14;
      const right = cx < (LEFT + RIGHT) / 2;
      return el(
        'g',
        { class: 'release', 'data-date': m.date, 'data-kind': m.kind, 'data-label': m.label },
        line(cx, 20, cx, cy, { class: 'guide' }),
        shape(m, cx, cy),
        text(right ? cx + 10 : cx - 10, cy + 4, `${m.label}, ${shortDate(m.date as string)}`, { class: 'label', 'text-anchor': right ? 'start' : 'end' }),
      );
    }),
    undated.length > 0 ? text(LEFT, TOP + dated.length * ROW + 18, 'Date not given:', { class: 'figure' }) : undefined,
    undated.map((m, i) => {
      const cy = TOP + dated.length * ROW + 34 + i * 20;
      return el('g', { class: 'release', 'data-date': '', 'data-kind': m.kind, 'data-label': m.label }, shape(m, LEFT + 6, cy - 4), text(LEFT + 18, cy, m.label, { class: 'label' }));
    }),
  );
}

/** A year tick: a short line and the year, every year when few, else every few years. */
function tick(cx: number, year: number, count: number): Html | undefined {
  const every = count <= 8 ? 1 : count <= 20 ? 5 : 10;
  if (year % every !== 0 && count > 8) return line(cx, 17, cx, 23, { class: 'axis' });
  return el('g', {}, line(cx, 14, cx, 26, { class: 'axis' }), text(cx, 10, String(year), { class: 'figure', 'text-anchor': 'middle' }));
}
