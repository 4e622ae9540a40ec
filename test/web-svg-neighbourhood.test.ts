// The neighbourhood picture of the entity pages (src/web/svg/neighbourhood.ts): order, columns, limits, escaping, bounds.
import { describe, expect, test } from 'vitest';
import { MAX_NEIGHBOURS, neighbourhoodSvg, orderNeighbours, type Neighbour } from '../src/web/svg/neighbourhood.js';

const CENTRE = { label: 'Nicolas Cage', kind: 'person' as const };
const n = (id: string, relations: string[], extra: Partial<Neighbour> = {}): Neighbour => ({ id, label: id, kind: 'other', relations, ...extra });

/** Every number of an attribute in the SVG, by attribute name. */
const values = (svg: string, attr: string) => [...svg.matchAll(new RegExp(` ${attr}="(-?[\\d.]+)"`, 'g'))].map((m) => Number(m[1]));

describe('the neighbourhood picture', () => {
  test('most relations first, then by label and IRI', () => {
    const order = orderNeighbours([n('b', ['x']), n('a', ['x']), n('c', ['x', 'y']), { ...n('a', ['x']), id: 'a2' }]);
    expect(order.map((x) => x.id)).toEqual(['c', 'a', 'a2', 'b']);
  });

  test('entities that point at the centre on the left, those it points at on the right; links only where there is a page', () => {
    const { svg, shown, omitted } = neighbourhoodSvg(CENTRE, [n('Leaving Las Vegas', ['← cast member']), n('Ben Sanderson', ['character role'], { href: '../x/Ben.html', kind: 'work' })]);
    expect([shown, omitted]).toEqual([2, 0]);
    expect(svg.match(/<circle/g)).toHaveLength(2);
    expect(svg.match(/<a href=/g)).toHaveLength(1);
    expect(svg).toContain('<a href="../x/Ben.html">');
    const cx = values(svg, 'cx');
    expect(cx[0]).toBeLessThan(300); // Leaving Las Vegas (incoming) left of the centre
    expect(cx[1]).toBeGreaterThan(300);
    expect(svg).toContain('text-anchor="end" font-size="13" fill="currentColor">Leaving Las Vegas</text>');
  });

  test(`at most ${MAX_NEIGHBOURS} drawn, the rest counted; rows never overlap and stay inside the picture`, () => {
    const many = Array.from({ length: 40 }, (_, i) => n(`entity ${String(i).padStart(2, '0')} with a very long name indeed`, i % 3 === 0 ? ['← performer'] : ['award received']));
    const { svg, shown, omitted } = neighbourhoodSvg(CENTRE, many);
    expect([shown, omitted]).toEqual([MAX_NEIGHBOURS, 40 - MAX_NEIGHBOURS]);
    expect(svg.match(/<circle/g)).toHaveLength(MAX_NEIGHBOURS);
    const [, , width, height] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number) as [number, number, number, number];
    for (const x of values(svg, 'cx')) expect(x).toBeGreaterThan(0), expect(x).toBeLessThan(width);
    const ys = values(svg, 'cy');
    for (const y of ys) expect(y).toBeGreaterThan(0), expect(y + 20).toBeLessThan(height);
    // Rows of one column are a whole row apart.
    const byColumn = new Map<number, number[]>();
    values(svg, 'cx').forEach((x, i) => byColumn.set(x, [...(byColumn.get(x) ?? []), ys[i] as number]));
    expect(byColumn.size).toBe(2);
    for (const column of byColumn.values()) for (let i = 1; i < column.length; i++) expect((column[i] as number) - (column[i - 1] as number)).toBeGreaterThanOrEqual(34);
    // Long names are shortened with an ellipsis.
    expect(svg).toContain('>entity 00 with a very…<');
    expect(svg).toContain(`aria-label="Neighbourhood of Nicolas Cage: ${MAX_NEIGHBOURS} linked entities (16 more not drawn)"`);
  });

  test('names are escaped; the same input in any order gives the same bytes; no neighbours is a picture too', () => {
    const hostile = [n('<script>alert(1)</script>', ['"><b>'], { href: '"javascript:x' }), n('a & b', ['r'])];
    const { svg } = neighbourhoodSvg({ label: '</svg><img>', kind: 'film' }, hostile);
    expect(svg).not.toMatch(/<script|<img|<b>/);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('href="&quot;javascript:x"');
    expect(neighbourhoodSvg(CENTRE, [...hostile].reverse()).svg).toBe(neighbourhoodSvg(CENTRE, hostile).svg);
    const empty = neighbourhoodSvg(CENTRE, []);
    expect(empty.shown).toBe(0);
    expect(empty.svg).toMatch(/^<svg[^>]*viewBox="0 0 600 120"/);
  });
});
