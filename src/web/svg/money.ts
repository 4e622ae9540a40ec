// The money picture: the budget (an amount or a range) against the box-office gross, on one scale (static SVG).
import { el, type Html } from '../html.js';
import { n, rect, svg, text } from './svg.js';

/** A figure as the facts give it: an exact amount, or bounds (exact decimal strings), and how it is written. */
export interface Figure {
  readonly amount?: string;
  readonly lower?: string;
  readonly upper?: string;
  readonly text: string;
}

const WIDTH = 420;

/** The figure's low and high ends (equal for an amount); undefined when it has neither. */
function ends(f: Figure): [number, number] | undefined {
  if (f.amount !== undefined) return [Number(f.amount), Number(f.amount)];
  const low = f.lower ?? f.upper;
  const high = f.upper ?? f.lower;
  return low !== undefined && high !== undefined ? [Number(low), Number(high)] : undefined;
}

/**
 * Two bars, budget and box office, in the same currency (there is no picture when the currencies differ or a figure is
 * missing): a range is drawn solid to its lower bound and pale to its upper bound. The gross is also given as a
 * multiple of the budget's upper end.
 */
export function moneyChart(currency: string, budget: Figure | undefined, boxOffice: Figure | undefined, id = 'money-chart'): Html | undefined {
  const b = budget ? ends(budget) : undefined;
  const g = boxOffice ? ends(boxOffice) : undefined;
  if (!budget || !boxOffice || !b || !g) return undefined;
  const max = Math.max(b[1], g[1], 1);
  const scale = (WIDTH - 8) / max;
  const multiple = b[1] > 0 ? g[1] / b[1] : undefined;
  const data: Record<string, string> = { currency, 'box-office': boxOffice.amount ?? '', budget: budget.amount ?? '', 'budget-low': budget.amount ?? budget.lower ?? '', 'budget-high': budget.amount ?? budget.upper ?? '' };
  const bar = (y: number, label: string, f: Figure, [low, high]: [number, number], cls: string) =>
    el(
      'g',
      { class: 'figure-bar', transform: `translate(0 ${n(y)})` },
      text(0, 12, `${label}: ${f.text}`, { class: 'label' }),
      rect(0, 18, low * scale, 18, { class: cls }),
      high > low ? rect(low * scale, 18, (high - low) * scale, 18, { class: `${cls} range` }) : undefined,
    );
  return svg(
    {
      id,
      width: WIDTH,
      height: 112,
      title: `Budget against box office: ${budget.text} against ${boxOffice.text}`,
      desc: `The budget was ${budget.text}; the film grossed ${boxOffice.text}${multiple !== undefined ? `, ${n(multiple)} times the budget's upper end` : ''}.`,
      data,
    },
    bar(0, 'Budget', budget, b, 'budget-fill'),
    bar(44, 'Box office', boxOffice, g, 'gross-fill'),
    multiple !== undefined ? text(0, 106, `The gross is ${n(Math.round(multiple * 10) / 10)}× the budget${b[1] > b[0] ? '’s upper end' : ''}.`, { class: 'figure' }) : undefined,
  );
}
