// Shared pieces of the pages' static SVG pictures: the <svg> element with its title and description, numbers written
// without float noise, and the colour classes the page's CSS defines (so the pictures follow light and dark themes).
import { el, type Html, type Part } from '../html.js';

/** A number for an SVG attribute: at most two decimals, no trailing zeros (`12.5`, `3`). */
export function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/**
 * An inline `<svg>` picture: `role="img"`, `aria-label` (and a `<title>`) saying what it shows, a `<desc>` with the
 * figures in words, a viewBox of `width` × `height` user units that scales down to the column it sits in; `data`
 * attributes carry the figures for machines (the browser test compares them with the graph).
 */
export function svg(options: { id: string; width: number; height: number; title: string; desc: string; data?: Readonly<Record<string, string | number>> }, ...content: Part[]): Html {
  const data = Object.fromEntries(Object.entries(options.data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      id: options.id,
      class: 'chart',
      role: 'img',
      'aria-label': options.title,
      'aria-describedby': `${options.id}-desc`,
      viewBox: `0 0 ${n(options.width)} ${n(options.height)}`,
      width: n(options.width),
      height: n(options.height),
      ...data,
    },
    el('title', { id: `${options.id}-title` }, options.title),
    el('desc', { id: `${options.id}-desc` }, options.desc),
    ...content,
  );
}

/** `<text>` at (x, y) with an optional class and anchor. */
export function text(x: number, y: number, content: string, attrs: Readonly<Record<string, string | number | undefined>> = {}): Html {
  return el('text', { x: n(x), y: n(y), ...attrs }, content);
}

/** `<rect>` (closed explicitly, as HTML's parser wants for foreign elements written without `/>`). */
export function rect(x: number, y: number, width: number, height: number, attrs: Readonly<Record<string, string | number | undefined>> = {}): Html {
  return el('rect', { x: n(x), y: n(y), width: n(Math.max(0, width)), height: n(height), ...attrs });
}

/** `<line>` from (x1, y1) to (x2, y2). */
export function line(x1: number, y1: number, x2: number, y2: number, attrs: Readonly<Record<string, string | number | undefined>> = {}): Html {
  return el('line', { x1: n(x1), y1: n(y1), x2: n(x2), y2: n(y2), ...attrs });
}

/** `PT4M2S` → 242; undefined for a duration that is not hours, minutes and seconds. */
export function seconds(duration: string): number | undefined {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(duration);
  if (!m || duration === 'PT') return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** 242 → `4:02`; 3871 → `1:04:31`. */
export function clock(total: number): string {
  const s = Math.round(total);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}
