import { describe, expect, it } from 'vitest';
import { entityHref, localPathOf, pagePathOf } from '../src/web/links.js';

const BASE = 'https://filmkg.example/';

describe('entity page paths (the contract between film pages, entity pages and the server)', () => {
  it('maps an entity under the base to its local path plus .html', () => {
    expect(pagePathOf(`${BASE}person/Nicolas_Cage`, BASE)).toBe('person/Nicolas_Cage.html');
    expect(pagePathOf(`${BASE}award/Academy_Awards/Best_Actor`, BASE)).toBe('award/Academy_Awards/Best_Actor.html');
  });
  it('maps a film to its film page', () => {
    expect(pagePathOf(`${BASE}film/leaving-las-vegas`, BASE)).toBe('films/leaving-las-vegas.html');
    expect(pagePathOf(`${BASE}film/leaving-las-vegas/release/US`, BASE)).toBe('film/leaving-las-vegas/release/US.html');
  });
  it('gives no page for IRIs elsewhere or unsafe paths', () => {
    expect(localPathOf('http://www.wikidata.org/entity/Q42', BASE)).toBeUndefined();
    expect(localPathOf(BASE, BASE)).toBeUndefined();
    expect(localPathOf(`${BASE}/evil.example/x`, BASE)).toBeUndefined();
    expect(localPathOf(`${BASE}person/../../etc`, BASE)).toBeUndefined();
    expect(localPathOf(`${BASE}person/x?y`, BASE)).toBeUndefined();
  });
  it('writes hrefs relative to the page they are on', () => {
    expect(entityHref(`${BASE}person/Nicolas_Cage`, BASE, 'films/leaving-las-vegas.html')).toBe('../person/Nicolas_Cage.html');
    expect(entityHref(`${BASE}film/leaving-las-vegas`, BASE, 'person/Nicolas_Cage.html')).toBe('../films/leaving-las-vegas.html');
    expect(entityHref(`${BASE}person/Nicolas_Cage`, BASE, 'index.html')).toBe('person/Nicolas_Cage.html');
    expect(entityHref(`${BASE}person/Nicolas_Cage`, BASE, 'film/x/release/US.html')).toBe('../../../person/Nicolas_Cage.html');
    expect(entityHref('https://example.org/x', BASE, 'films/a.html')).toBeUndefined();
  });
});
