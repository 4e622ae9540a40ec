// The entity pages `filmkg build` writes (src/web/entity-page.ts): which entities get one and where, every link between
// them resolving the way a browser resolves it, facts both ways, statements with qualifiers and evidence from the article.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildGraph } from '../src/graph.js';
import { IriMinter } from '../src/iri.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { loadFilms } from '../src/pipeline.js';
import { literal, namedNode, triple as quad, type Quad } from '../src/rdf.js';
import { NS } from '../src/vocab.js';
import { EntityIndex, entityPage, renderEntityPages } from '../src/web/entity-page.js';

const BASE = 'https://filmkg.example/';
const FILM = `${BASE}film/leaving-las-vegas`;
const CAGE = `${BASE}person/Nicolas_Cage`;
const ARTICLE = readFileSync(path.join(PROJECT_ROOT, 'data/films/leaving-las-vegas/article.txt'), 'utf8').split('\n');

let quads: Quad[];
let pages: Map<string, string>;

beforeAll(async () => {
  quads = buildGraph(await loadFilms());
  pages = renderEntityPages(quads, BASE);
});

/** The hrefs of a page's links (attribute values unescaped). */
function hrefs(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
}

/** The main part of a page as text, tags removed and entities decoded (enough for these checks). */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('which entities get a page, and where', () => {
  test('every subject under the base but statements, references, value nodes and the film (it has its film page)', () => {
    const minter = new IriMinter(BASE);
    const subjects = [...new Set(quads.map((q) => q.subject.value))].filter((s) => s.startsWith(BASE) && !minter.isContentNamed(s) && s !== FILM);
    expect(subjects.length).toBeGreaterThan(300);
    expect(pages.size).toBe(subjects.length);
    for (const file of ['person/Nicolas_Cage.html', 'person/Lila_Cazès.html', "work/John_O'Brien/Leaving_Las_Vegas.html", 'award/20%2F20_Awards.html', 'award/20%2F20_Awards/Best_Actor.html', 'film/leaving-las-vegas/article.html']) {
      expect(pages.has(file), file).toBe(true);
    }
    expect([...pages.keys()].some((f) => /^(statement|reference|value)\//.test(f) || f.startsWith('films/'))).toBe(false);
  });

  test('the same graph gives the same bytes', () => {
    const again = renderEntityPages([...quads].reverse(), BASE);
    expect([...again.keys()]).toEqual([...pages.keys()]);
    for (const [file, html] of pages) expect(again.get(file), file).toBe(html);
  });

  test('every link between pages resolves, as a browser resolves it, to a page that is written (or the film page, the index, the graph)', () => {
    const written = new Set([...pages.keys(), 'films/leaving-las-vegas.html', 'films/index.html', 'graph.ttl']);
    let checked = 0;
    for (const [file, html] of pages) {
      const at = new URL(file.split('/').map(encodeURIComponent).join('/'), 'http://site.test/');
      for (const href of hrefs(html)) {
        if (/^https?:/.test(href)) continue;
        const target = new URL(href, at);
        expect(target.origin, `${file}: ${href}`).toBe('http://site.test');
        // A file server (and file://) decodes the path once: that is the file it opens.
        const opened = target.pathname.slice(1).split('/').map(decodeURIComponent).join('/');
        expect(written.has(opened), `${file}: ${href} → ${opened}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(3000);
  });
});

describe('a person page: Nicolas Cage', () => {
  let html: string;
  beforeAll(() => {
    html = pages.get('person/Nicolas_Cage.html') as string;
  });

  test('label, types, IRI and outgoing facts', () => {
    expect(html).toContain('<title>Nicolas Cage — filmkg</title>');
    expect(html).toContain('<h1>Nicolas Cage</h1>');
    expect(html).toContain('<li title="schema:Person">person</li>');
    expect(html).toContain(`<code>${CAGE}</code>`);
    expect(html).toContain('<a href="http://www.wikidata.org/entity/Q42869">Nicolas Cage</a>');
  });

  test('incoming facts: every entity that links to him, linked to its page', () => {
    const minter = new IriMinter(BASE);
    const linking = quads.filter((q) => q.object.value === CAGE && !minter.isContentNamed(q.subject.value));
    const section = html.slice(html.indexOf('<section id="linked-from">'), html.indexOf('</section>', html.indexOf('<section id="linked-from">')));
    expect(linking.length).toBeGreaterThan(20);
    for (const q of linking) {
      const href = q.subject.value === FILM ? '../films/leaving-las-vegas.html' : `../${q.subject.value.slice(BASE.length)}.html`;
      expect(section, q.subject.value).toContain(`href="${href}"`);
    }
  });

  test('statements that name him, with their film, qualifiers and the article line as evidence', () => {
    const statements = new Set(quads.filter((q) => q.object.value === CAGE && q.subject.value.startsWith(`${BASE}statement/`)).map((q) => q.subject.value));
    expect(html).toContain(`<h2>Named in statements (${statements.size})</h2>`);
    const section = html.slice(html.indexOf('<section id="named-in">'));
    expect((section.match(/<li class="stmt">/g) ?? []).length).toBe(statements.size);
    // The Academy Award: award received, winner and for-work qualifiers, the accolade row, and its evidence line.
    const oscar = section.split('<li class="stmt">').find((s) => s.includes('Academy Awards: Best Actor</a>')) as string;
    expect(text(oscar)).toMatch(/^Leaving Las Vegas · award received: Academy Awards: Best Actor/);
    expect(text(oscar)).toContain('for work: Leaving Las Vegas');
    expect(text(oscar)).toContain('winner: Nicolas Cage');
    const line = /line (\d+)/.exec(text(oscar))?.[1];
    expect(line).toBeDefined();
    const quoted = /<blockquote>([^<]*)<\/blockquote>/.exec(oscar)?.[1] as string;
    expect(ARTICLE[Number(line) - 1]).toContain(text(quoted));
    expect(text(quoted)).toMatch(/^Best\sActor\sNicolas\sCage\sWon$/);
  });

  test('the neighbourhood picture: at most 24 entities, linked to their pages, the rest counted', () => {
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] as string;
    expect((svg.match(/<circle/g) ?? []).length).toBe(24);
    expect(svg).toContain('<a href="../films/leaving-las-vegas.html">');
    expect(html).toMatch(/24 linked entities, \d+ more listed below/);
  });
});

describe('statements, references and cited works', () => {
  test('a citation page lists the statements whose evidence cites it; a statement lists the works its evidence cites', () => {
    const page = pages.get('film/leaving-las-vegas/citation/13.html') as string;
    expect(page).toContain('<h1>&#39;Leaving&#39; Preconceptions Behind?');
    expect(page).toMatch(/<h2>Evidence for statements \(\d+\)<\/h2>/);
    const film = entityPage(new EntityIndex(quads, BASE), FILM.replace('film/leaving-las-vegas', 'film/leaving-las-vegas/article'));
    expect(film).toContain('<h1>Wikipedia article');
    // The box office: its value and the article line it was read from.
    const box = pages.get('film/leaving-las-vegas/box-office.html') as string;
    expect(text(box)).toContain('49800000');
    expect(box).toContain('<section id="evidence">');
  });

  test('a film without a film page gets an entity page at its own path; IRIs that are no http(s) are never links', () => {
    const s = namedNode(`${BASE}film/other`);
    const graph = [
      quad(s, namedNode(`${NS.rdf}type`), namedNode(`${NS.schema}Movie`)),
      quad(s, namedNode(`${NS.rdfs}label`), literal('Other <b>film</b>', 'en')),
      quad(s, namedNode(`${NS.schema}url`), namedNode('javascript:alert(1)')),
      quad(namedNode(`${BASE}person/X`), namedNode(`${NS.schema}actor`), s),
    ];
    const files = renderEntityPages(graph, BASE, { filmPages: new Set() });
    expect([...files.keys()]).toEqual(['film/other.html', 'person/X.html']);
    const page = files.get('film/other.html') as string;
    expect(page).toContain('<h1>Other &lt;b&gt;film&lt;/b&gt;</h1>');
    expect(page).toContain('<code>javascript:alert(1)</code>');
    expect(page).not.toMatch(/href="javascript:/);
    expect(files.get('person/X.html')).toContain('href="../film/other.html"');
  });
});
