// The film page's static SVG pictures (src/web/svg/): their figures in data attributes, their order and geometry, their
// names for assistive technology, escaping, and nothing drawn when there is nothing to draw.
import { describe, expect, test } from 'vitest';
import { accoladesChart, orderTallies } from '../src/web/svg/accolades.js';
import { moneyChart } from '../src/web/svg/money.js';
import { clock, n, seconds } from '../src/web/svg/svg.js';
import { orderReleases, shortDate, timelineChart } from '../src/web/svg/timeline.js';
import { tracksChart } from '../src/web/svg/tracks.js';

/** The attributes of every element with class `cls`, in document order. */
function marks(svg: string, cls: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<[a-z]+ class="${cls}"([^>]*)>`, 'g'))].map((m) => Object.fromEntries([...(m[1] ?? '').matchAll(/([a-z-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

/** Every element closed in order (HTML's parser needs explicit closing tags for SVG written without `/>`). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (m[1] === '') stack.push(m[2] as string);
    else if (stack.pop() !== m[2]) return false;
  }
  return stack.length === 0;
}

/** The width attribute of the rect with class `cls` inside the group whose attribute `key` is `value`. */
function rectWidth(svg: string, key: string, value: string, cls: string): number {
  const group = new RegExp(`<g class="[a-z-]+" ${key}="${value}"[^>]*>([\\s\\S]*?)</g>`).exec(svg)?.[1] ?? '';
  return Number(new RegExp(`<rect [^>]*width="([\\d.]+)"[^>]*class="${cls}"`).exec(group)?.[1] ?? NaN);
}

describe('helpers', () => {
  test('numbers with at most two decimals; durations to seconds and back', () => {
    expect([n(1 / 3), n(12.5), n(3), n(-0.004)]).toEqual(['0.33', '12.5', '3', '0']);
    expect([seconds('PT4M2S'), seconds('PT1H51M'), seconds('PT45S'), seconds('PT'), seconds('P1D')]).toEqual([242, 6660, 45, undefined, undefined]);
    expect([clock(242), clock(3871), clock(0)]).toEqual(['4:02', '1:04:31', '0:00']);
    expect([shortDate('1995-10-27'), shortDate('1998-01'), shortDate('1998')]).toEqual(['27 Oct 1995', 'Jan 1998', '1998']);
  });
});

describe('accolades by award body', () => {
  const tallies = [
    { body: 'Academy Awards', wins: 1, nominations: 3 },
    { body: 'Jupiter Awards', wins: 1, nominations: 0 },
    { body: 'Independent Spirit Awards', wins: 4, nominations: 2 },
    { body: 'Boston Society', wins: 1, nominations: 0 },
  ];
  const svg = accoladesChart(tallies)?.html ?? '';

  test('one group per body with its wins and nominations, most rows first, ties by wins then name', () => {
    expect(orderTallies(tallies).map((t) => t.body)).toEqual(['Independent Spirit Awards', 'Academy Awards', 'Boston Society', 'Jupiter Awards']);
    expect(marks(svg, 'body').map((g) => [g['data-body'], g['data-wins'], g['data-nominations']])).toEqual([
      ['Independent Spirit Awards', '4', '2'],
      ['Academy Awards', '1', '3'],
      ['Boston Society', '1', '0'],
      ['Jupiter Awards', '1', '0'],
    ]);
    expect(svg).toMatch(/^<svg [^>]*data-bodies="4" data-wins="7" data-nominations="5">/);
  });

  test('bars on one scale: the longest row spans the drawing width less room for its figures; wins and nominations in proportion', () => {
    const scale = (420 - 120) / 6;
    expect(rectWidth(svg, 'data-body', 'Independent Spirit Awards', 'won-fill')).toBeCloseTo(4 * scale, 1);
    expect(rectWidth(svg, 'data-body', 'Independent Spirit Awards', 'nominated-fill')).toBeCloseTo(2 * scale, 1);
    expect(rectWidth(svg, 'data-body', 'Academy Awards', 'nominated-fill')).toBeCloseTo(3 * scale, 1);
  });

  test('named by its title (aria-label and <title>) and described in words; balanced markup', () => {
    expect(svg).toContain('role="img" aria-label="Accolades by award body: 4 bodies, 7 won, 5 nominations not won"');
    expect(svg).toContain('<title id="accolades-chart-title">Accolades by award body: 4 bodies, 7 won, 5 nominations not won</title>');
    expect(svg).toContain('<desc id="accolades-chart-desc">Independent Spirit Awards: 4 won, 2 nominated; Academy Awards: 1 won, 3 nominated;');
    expect(balanced(svg)).toBe(true);
  });

  test('escapes names; nothing to draw without accolades; the same input gives the same bytes', () => {
    const hostile = accoladesChart([{ body: '</svg><script>alert(1)</script>"', wins: 1, nominations: 0 }])?.html ?? '';
    expect(hostile).not.toContain('<script>');
    expect(hostile).toContain('data-body="&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;"');
    expect(accoladesChart([])).toBeUndefined();
    expect(accoladesChart(tallies)?.html).toBe(svg);
  });
});

describe('the soundtrack in running order', () => {
  const svg = tracksChart([
    { position: 2, title: 'Angel Eyes', duration: 'PT4M2S' },
    { position: 1, title: 'Intro Dialogue' },
    { position: 3, title: 'Are You Desirable?', duration: 'PT2M43S' },
  ])?.html ?? '';

  test('tracks in order with their durations, in seconds too; the total counts the timed tracks', () => {
    expect(marks(svg, 'track').map((t) => [t['data-position'], t['data-title'], t['data-duration'], t['data-seconds']])).toEqual([
      ['1', 'Intro Dialogue', '', ''],
      ['2', 'Angel Eyes', 'PT4M2S', '242'],
      ['3', 'Are You Desirable?', 'PT2M43S', '163'],
    ]);
    expect(svg).toContain('data-tracks="3" data-seconds="405"');
    expect(svg).toContain('total 6:45 (2 of 3 tracks timed)');
    expect(svg).toContain('aria-label="The soundtrack in running order: 3 tracks, 6:45 in all"');
  });

  test('each bar as long as its track (the longest fills the bar room); start times run on; an untimed track says so', () => {
    const room = 420 - 26 - 125;
    expect(rectWidth(svg, 'data-position', '2', 'bar-fill')).toBeCloseTo(room, 1);
    expect(rectWidth(svg, 'data-position', '3', 'bar-fill')).toBeCloseTo((room * 163) / 242, 1);
    expect(svg).toContain('4:02 · from 0:00');
    expect(svg).toContain('2:43 · from 4:02');
    expect(svg).toContain('length not given');
    expect(balanced(svg)).toBe(true);
    expect(tracksChart([])).toBeUndefined();
  });
});

describe('budget against box office', () => {
  test('a budget range and a gross: bounds and gross in data attributes, the range pale above its lower bound', () => {
    const svg = moneyChart('USD', { lower: '3500000', upper: '4000000', text: '$3.5–4 million' }, { amount: '49800000', text: '$49.8 million' })?.html ?? '';
    expect(svg).toContain('data-currency="USD" data-box-office="49800000" data-budget="" data-budget-low="3500000" data-budget-high="4000000"');
    const scale = 412 / 49_800_000;
    expect(svg).toContain(`<rect x="0" y="18" width="${n(3_500_000 * scale)}" height="18" class="budget-fill"></rect>`);
    expect(svg).toContain(`<rect x="${n(3_500_000 * scale)}" y="18" width="${n(500_000 * scale)}" height="18" class="budget-fill range"></rect>`);
    expect(svg).toContain('<rect x="0" y="18" width="412" height="18" class="gross-fill"></rect>');
    expect(svg).toContain('The gross is 12.5× the budget’s upper end.');
    expect(svg).toContain('aria-label="Budget against box office: $3.5–4 million against $49.8 million"');
    expect(balanced(svg)).toBe(true);
  });

  test('an exact budget has no range; no picture without both figures', () => {
    const svg = moneyChart('GBP', { amount: '2000000', text: '£2 million' }, { amount: '1000000', text: '£1 million' })?.html ?? '';
    expect(svg).toContain('data-currency="GBP" data-box-office="1000000" data-budget="2000000" data-budget-low="2000000" data-budget-high="2000000"');
    expect(svg).not.toContain('range');
    expect(svg).toContain('The gross is 0.5× the budget.');
    expect(moneyChart('USD', undefined, { amount: '1', text: '$1' })).toBeUndefined();
    expect(moneyChart('USD', { amount: '1', text: '$1' }, undefined)).toBeUndefined();
  });
});

describe('the release timeline', () => {
  const releases = [
    { date: '1998-01-01', label: 'DVD', kind: 'home-media' as const },
    { label: 'Blu-ray', kind: 'home-media' as const },
    { date: '1995-10-27', label: 'Limited release', kind: 'theatrical' as const },
    { date: '1996-02-09', label: 'Wide release', kind: 'theatrical' as const },
  ];
  const svg = timelineChart(releases)?.html ?? '';

  test('every release a mark, dated ones in date order, undated ones after; counts in data attributes', () => {
    expect(orderReleases(releases).map((r) => r.label)).toEqual(['Limited release', 'Wide release', 'DVD', 'Blu-ray']);
    expect(marks(svg, 'release').map((r) => [r['data-date'], r['data-kind'], r['data-label']])).toEqual([
      ['1995-10-27', 'theatrical', 'Limited release'],
      ['1996-02-09', 'theatrical', 'Wide release'],
      ['1998-01-01', 'home-media', 'DVD'],
      ['', 'home-media', 'Blu-ray'],
    ]);
    expect(svg).toContain('data-releases="4" data-dated="3"');
    expect(svg).toContain('aria-label="Release timeline: 4 releases, 1995–1998"');
    expect(svg).toContain('Limited release, 27 Oct 1995');
    expect(balanced(svg)).toBe(true);
  });

  test('marks sit at their date on a year axis from the first year to the year after the last', () => {
    const ticks = [...svg.matchAll(/<text x="([\d.]+)" y="10" class="figure" text-anchor="middle">(\d{4})<\/text>/g)].map((m) => [m[2], Number(m[1])]);
    expect(ticks.map((t) => t[0])).toEqual(['1995', '1996', '1997', '1998', '1999']);
    expect(ticks[0]?.[1]).toBe(20);
    expect(ticks[4]?.[1]).toBe(400);
    // 1 January 1998 is exactly on the 1998 tick; 27 October 1995 is 299 days into 1995.
    const dvd = Number(/data-label="DVD"><line x1="([\d.]+)"/.exec(svg)?.[1]);
    expect(dvd).toBeCloseTo(Number(ticks[3]?.[1]), 1);
    const limited = Number(/data-label="Limited release"><line x1="([\d.]+)"/.exec(svg)?.[1]);
    expect(limited).toBeCloseTo(20 + (299 / 1461) * 380, 1);
    expect(timelineChart([])).toBeUndefined();
  });
});
