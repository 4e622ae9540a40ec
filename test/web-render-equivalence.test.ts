// The pages are rendered faster by sharing work between pages (one graph index for every embed, entity pages reusing the
// HTML of terms, statements and references rendered for another page) and by cheaper primitives (escaping, hrefs,
// code-unit order in place of localeCompare). None of it may change a byte: each shortcut is checked here against the
// plain way (each page alone, each embed from its own index, the primitives as they were written before).
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../src/graph.js';
import { IriMinter } from '../src/iri.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { loadFilms } from '../src/pipeline.js';
import type { FilmFacts } from '../src/facts/model.js';
import type { Quad } from '../src/rdf.js';
import { filmEmbed } from '../src/web/embed.js';
import { EntityIndex, entityPage, renderEntityPages } from '../src/web/entity-page.js';
import { esc } from '../src/web/html.js';
import { hrefOfFile } from '../src/web/links.js';
import { indexPage } from '../src/web/page.js';
import { embedFileText, renderWebFiles } from '../src/web/step.js';

const BASE = 'https://filmkg.example/';
/** A few of the test corpus's articles, one graph: entities shared between films, several film pages. */
const CORPUS_FILMS = ['amelie-desktop', 'citizen-kane-schools-2007', 'parasite-kiwix', 'sholay-piglix'];

let tmp: string;
let one: { films: FilmFacts[]; quads: Quad[] };
let several: { films: FilmFacts[]; quads: Quad[] };

beforeAll(async () => {
  const films = await loadFilms();
  one = { films, quads: buildGraph(films, { base: BASE }) };
  tmp = await mkdtemp(path.join(os.tmpdir(), 'filmkg-web-equivalence-'));
  const dir = path.join(tmp, 'films');
  await mkdir(dir);
  for (const name of CORPUS_FILMS) await cp(path.join(PROJECT_ROOT, 'test/corpus', name), path.join(dir, name), { recursive: true });
  const manyFilms = await loadFilms(dir);
  several = { films: manyFilms, quads: buildGraph(manyFilms, { base: BASE }) };
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('work shared between pages changes no byte', () => {
  for (const [name, graph] of [
    ['the bundled film', () => one],
    ['four corpus films in one graph', () => several],
  ] as const) {
    it(`every entity page rendered with the others equals the page rendered alone (${name})`, () => {
      const { quads } = graph();
      const pages = renderEntityPages(quads, BASE);
      const index = new EntityIndex(quads, BASE);
      expect(pages.size).toBe(index.pages.size);
      expect(pages.size).toBeGreaterThan(name === 'the bundled film' ? 300 : 60);
      for (const iri of index.pages.keys()) {
        // A fresh index for each page: nothing rendered for another page (or cached by the index) is reused.
        const alone = entityPage(new EntityIndex(quads, BASE), iri);
        expect(pages.get(index.ownFile(iri) as string), iri).toBe(alone);
      }
    });

    it(`each film's embed from the build's one index equals the embed from its own (${name})`, () => {
      const { films, quads } = graph();
      const { embeds, files } = renderWebFiles(films, quads, BASE);
      const minter = new IriMinter(BASE);
      expect(embeds.size).toBe(films.length);
      for (const film of films) {
        const alone = filmEmbed(quads, minter.film(film.source.slug).value);
        expect(embeds.get(film.source.slug)).toEqual(alone);
        expect(files.get(`films/${film.source.slug}.jsonld`)).toBe(embedFileText(alone));
      }
    });
  }

  it('the index lists the films in localeCompare order of their slugs, as it did', () => {
    const { films } = several;
    const html = indexPage([...films].reverse());
    const listed = [...html.matchAll(/<li><a href="([a-z0-9-]+)\.html">/g)].map((m) => m[1]);
    expect(listed).toEqual(films.map((f) => f.source.slug).sort((a, b) => a.localeCompare(b)));
    expect(listed.length).toBe(CORPUS_FILMS.length);
  });
});

describe('the cheaper primitives give what the plain ones gave', () => {
  const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  /** Any code point, surrogate halves included (as lone code units). */
  const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

  it('code-unit order is localeCompare order for slugs (the facts schema allows only [a-z0-9] words joined by -)', () => {
    const word = fc.stringMatching(/^[a-z0-9]{1,6}$/);
    const slug = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join('-'));
    fc.assert(
      fc.property(fc.array(slug, { minLength: 2, maxLength: 30 }), (slugs) => {
        for (const s of slugs) expect(s).toMatch(SLUG);
        expect([...slugs].sort(codeUnits)).toEqual([...slugs].sort((a, b) => a.localeCompare(b)));
        for (const a of slugs) for (const b of slugs) expect(Math.sign(codeUnits(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
      { numRuns: 300, seed: 14 },
    );
    // The cases where a collator and code units could part: a hyphen against a letter or digit, a prefix, digits.
    for (const [a, b] of [
      ['a-c', 'ab'],
      ['a1', 'a-'],
      ['a', 'a-b'],
      ['film-10', 'film-9'],
      ['z', '0'],
    ] as const) expect(Math.sign(codeUnits(a, b))).toBe(Math.sign(a.localeCompare(b)));
  });

  it('code-unit order is localeCompare order for release dates (YYYY-MM-DD)', () => {
    const date = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(date, { minLength: 2, maxLength: 30 }), (dates) => {
        expect([...dates].sort(codeUnits)).toEqual([...dates].sort((a, b) => a.localeCompare(b)));
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('esc escapes exactly as a replace of every & < > " \' did, and leaves other text as it is', () => {
    const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
    const before = (text: string | number) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
    const text = fc.oneof(fc.string({ unit: 'grapheme-composite' }), fc.string({ unit: fc.constantFrom('&', '<', '>', '"', "'", 'a', 'é', '—', '\u{1F3AC}') }), fc.string({ unit: anyCodePoint }));
    fc.assert(
      fc.property(text, (t) => {
        expect(esc(t)).toBe(before(t));
      }),
      { numRuns: 1000, seed: 14 },
    );
    for (const n of [0, -1.5, 1e21, Number.NaN]) expect(esc(n)).toBe(before(n));
  });

  it('hrefOfFile encodes each code point as the per-character loop did (astral characters whole, lone surrogates refused alike)', () => {
    const encodeUtf8 = (c: string) => {
      const encoded = encodeURIComponent(c);
      return encoded === c ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encoded;
    };
    const before = (file: string) =>
      file
        .split('/')
        .map((name) => Array.from(name, (c) => (/[A-Za-z0-9\-._~]/.test(c) ? c : encodeUtf8(c))).join(''))
        .join('/');
    const outcome = (f: () => string) => {
      try {
        return f();
      } catch (error) {
        return `throws ${(error as Error).name}`;
      }
    };
    const unit = fc.oneof(fc.constantFrom('/', '%', '_', '-', '.', '~', ' ', '!', "'", '(', ')', '*', 'é', 'Ç', '—', '\u{1F3AC}', '\uD800', '\uDC00'), anyCodePoint, fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit }), (file) => {
        expect(outcome(() => hrefOfFile(file))).toBe(outcome(() => before(file)));
      }),
      { numRuns: 2000, seed: 14 },
    );
    expect(outcome(() => hrefOfFile('person/a\uD800b.html'))).toBe('throws URIError');
  });
});
