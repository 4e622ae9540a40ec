// The soundtrack picture: the album's running order, one bar per track as long as the track (static SVG).
import { el, type Html } from '../html.js';
import { clock, line, n, rect, seconds, svg, text } from './svg.js';

/** One track as the picture needs it. */
export interface TrackBar {
  readonly position: number;
  readonly title: string;
  /** ISO 8601 duration (`PT4M2S`), when the listing gives one. */
  readonly duration?: string;
}

const WIDTH = 420;
const ROW = 30;
const TOP = 8;
const LEFT = 26;

/** The picture: per track, its number and title, and a bar scaled to the longest track, with its length and start time. */
export function tracksChart(tracks: readonly TrackBar[], id = 'soundtrack-chart'): Html | undefined {
  if (tracks.length === 0) return undefined;
  const rows = [...tracks].sort((a, b) => a.position - b.position);
  const lengths = rows.map((t) => (t.duration !== undefined ? seconds(t.duration) : undefined));
  const max = Math.max(...lengths.map((s) => s ?? 0), 1);
  const total = lengths.reduce<number>((s, x) => s + (x ?? 0), 0);
  const timed = lengths.filter((s) => s !== undefined).length;
  const scale = (WIDTH - LEFT - 125) / max;
  const height = TOP + rows.length * ROW + 24;
  let start = 0;
  return svg(
    {
      id,
      width: WIDTH,
      height,
      title: `The soundtrack in running order: ${rows.length} tracks${timed > 0 ? `, ${clock(total)} in all` : ''}`,
      desc: rows.map((t, i) => `${t.position}. ${t.title}${lengths[i] !== undefined ? ` (${clock(lengths[i] as number)})` : ''}`).join('; '),
      data: { tracks: rows.length, seconds: total },
    },
    rows.map((t, i) => {
      const y = TOP + i * ROW;
      const length = lengths[i];
      const at = start;
      if (length !== undefined) start += length;
      return el(
        'g',
        { class: 'track', 'data-position': t.position, 'data-title': t.title, 'data-duration': t.duration ?? '', 'data-seconds': length ?? '', transform: `translate(0 ${n(y)})` },
        text(LEFT - 6, 12, String(t.position), { class: 'figure', 'text-anchor': 'end' }),
        text(LEFT, 12, t.title, { class: 'label' }),
        length !== undefined
          ? [rect(LEFT, 16, length * scale, 8, { class: 'bar-fill' }), text(LEFT + length * scale + 6, 24, `${clock(length)} · from ${clock(at)}`, { class: 'figure' })]
          : text(LEFT, 24, 'length not given', { class: 'figure' }),
      );
    }),
    line(LEFT, height - 16, WIDTH - 8, height - 16, { class: 'axis' }),
    text(LEFT, height - 3, timed > 0 ? `total ${clock(total)} (${timed} of ${rows.length} tracks timed)` : 'no track lengths given', { class: 'figure' }),
  );
}
