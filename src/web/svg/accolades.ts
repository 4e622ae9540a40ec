// The accolades picture: one bar per award body, its wins and its nominations side by side on one scale (static SVG).
import { el, type Html } from '../html.js';
import { n, rect, svg, text } from './svg.js';

/** One award body's tally: rows won (award received) and rows nominated (including placings below first). */
export interface BodyTally {
  readonly body: string;
  readonly wins: number;
  readonly nominations: number;
}

const WIDTH = 420;
const ROW = 34;
const TOP = 30;
const BAR = 10;

/** Tallies in the picture's order: most rows first, then most wins, then by name. */
export function orderTallies(tallies: readonly BodyTally[]): BodyTally[] {
  return [...tallies].sort((a, b) => b.wins + b.nominations - (a.wins + a.nominations) || b.wins - a.wins || (a.body < b.body ? -1 : a.body > b.body ? 1 : 0));
}

/** The picture: a legend, then per body its name and a bar of wins (solid) followed by nominations (pale). */
export function accoladesChart(tallies: readonly BodyTally[], id = 'accolades-chart'): Html | undefined {
  if (tallies.length === 0) return undefined;
  const rows = orderTallies(tallies);
  const max = Math.max(...rows.map((r) => r.wins + r.nominations), 1);
  const wins = rows.reduce((s, r) => s + r.wins, 0);
  const nominations = rows.reduce((s, r) => s + r.nominations, 0);
  const scale = (WIDTH - 120) / max;
  const height = TOP + rows.length * ROW + 4;
  const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return svg(
    {
      id,
      width: WIDTH,
      height,
      title: `Accolades by award body: ${plural(rows.length, 'body', 'bodies')}, ${wins} won, ${plural(nominations, 'nomination', 'nominations')} not won`,
      desc: rows.map((r) => `${r.body}: ${r.wins} won, ${r.nominations} nominated`).join('; '),
      data: { bodies: rows.length, wins, nominations },
    },
    el('g', { class: 'legend' }, rect(0, 4, 12, 12, { class: 'won-fill' }), text(17, 14, 'won'), rect(60, 4, 12, 12, { class: 'nominated-fill' }), text(77, 14, 'nominated')),
    rows.map((r, i) => {
      const y = TOP + i * ROW;
      const winWidth = r.wins * scale;
      const nominationWidth = r.nominations * scale;
      return el(
        'g',
        { class: 'body', 'data-body': r.body, 'data-wins': r.wins, 'data-nominations': r.nominations, transform: `translate(0 ${n(y)})` },
        text(0, 12, r.body, { class: 'label' }),
        rect(0, 17, winWidth, BAR, { class: 'won-fill' }),
        rect(winWidth, 17, nominationWidth, BAR, { class: 'nominated-fill' }),
        text(winWidth + nominationWidth + 6, 26, `${r.wins} won · ${r.nominations} nom.`, { class: 'figure' }),
      );
    }),
  );
}
