import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nameKey } from '../src/iri.js';
import { entityHref, hrefOfFile, localPathOf, localPathOfFile, pageFileOf, pagePathOf } from '../src/web/links.js';

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

describe('page files on disk and their hrefs (a browser or file server decodes an href once)', () => {
  it('names files with the escapes decoded, and hrefs in the IRI spelling', () => {
    expect(pageFileOf(`${BASE}person/Lila_Caz%C3%A8s`, BASE)).toBe('person/Lila_Cazès.html');
    expect(pagePathOf(`${BASE}person/Lila_Caz%C3%A8s`, BASE)).toBe('person/Lila_Caz%C3%A8s.html');
    expect(pageFileOf(`${BASE}work/John_O%27Brien/Leaving_Las_Vegas`, BASE)).toBe("work/John_O'Brien/Leaving_Las_Vegas.html");
    expect(pagePathOf(`${BASE}work/John_O%27Brien/Leaving_Las_Vegas`, BASE)).toBe('work/John_O%27Brien/Leaving_Las_Vegas.html');
  });
  it('keeps escapes that would change the path or merge two IRIs, and escapes their % in the href', () => {
    // "20/20 Awards": a decoded slash would make a folder.
    expect(pageFileOf(`${BASE}award/20%2F20_Awards/Best_Actor`, BASE)).toBe('award/20%2F20_Awards/Best_Actor.html');
    expect(pagePathOf(`${BASE}award/20%2F20_Awards/Best_Actor`, BASE)).toBe('award/20%252F20_Awards/Best_Actor.html');
    // A real underscore (%5F) and a space (_) stay apart; so do `%` and the Windows-reserved characters.
    expect(pageFileOf(`${BASE}person/A%5FB`, BASE)).toBe('person/A%5FB.html');
    expect(pageFileOf(`${BASE}person/A_B`, BASE)).toBe('person/A_B.html');
    expect(pageFileOf(`${BASE}person/100%25%3A%3F%2A`, BASE)).toBe('person/100%25%3A%3F%2A.html');
    expect(pagePathOf(`${BASE}person/100%25%3A%3F%2A`, BASE)).toBe('person/100%2525%253A%253F%252A.html');
    // Escapes that are not UTF-8 stay as they are.
    expect(pageFileOf(`${BASE}person/x%FF`, BASE)).toBe('person/x%FF.html');
  });
  it('for any name: the file names the IRI back, the href decoded once is the file, and no two names share a file', () => {
    const files = new Map<string, string>();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12, unit: fc.oneof(fc.constantFrom('_', ' ', '/', '%', "'", 'è', 'ß', ':', '?', '.', '~', 'A', '\u0001', '😀'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }), (name) => {
        fc.pre(!/[\uD800-\uDFFF]/.test(name.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')));
        const key = nameKey(name);
        fc.pre(key !== '.' && key !== '..');
        const iri = `${BASE}person/${key}`;
        const file = pageFileOf(iri, BASE) as string;
        expect(file).toBeDefined();
        expect(localPathOfFile(file.slice(0, -'.html'.length))).toBe(`person/${key}`);
        expect((pagePathOf(iri, BASE) as string).split('/').map(decodeURIComponent).join('/')).toBe(file);
        expect(file.split('/')).toHaveLength(2);
        const other = files.get(file);
        if (other !== undefined) expect(other).toBe(name.normalize('NFC'));
        files.set(file, name.normalize('NFC'));
      }),
      { numRuns: 2000, seed: 15 },
    );
  });
  it('hrefs between pages use the href spelling', () => {
    expect(entityHref(`${BASE}award/20%2F20_Awards`, BASE, 'person/Nicolas_Cage.html')).toBe('../award/20%252F20_Awards.html');
    expect(hrefOfFile("person/John_O'Brien.html")).toBe('person/John_O%27Brien.html');
  });
});
