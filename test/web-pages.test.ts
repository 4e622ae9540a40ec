// The film pages: what `filmkg build` writes (films/<slug>.html, .jsonld, index.html), their content against the
// article, well-formed HTML5, hostile strings that cannot escape the page's script, and `filmkg export`.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportCommand } from '../src/cli/export.js';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { buildFiles, type GraphBuild } from '../src/export/build.js';
import { BUILD_STEPS } from '../src/export/steps.js';
import type { FilmFacts } from '../src/facts/model.js';
import { buildGraph } from '../src/graph.js';
import { loadFilms } from '../src/pipeline.js';
import { filmEmbed } from '../src/web/embed.js';
import { embedFileText, pagesStep } from '../src/web/step.js';

const FILM = 'https://filmkg.example/film/leaving-las-vegas';
const HOSTILE_TITLE = '</script><script>alert(1)</script>';
const HOSTILE_QUOTE = 'a quote that opens a comment <!-- and closes the script </script> & ends';
const HOSTILE_CATEGORY = '<b onmouseover="alert(2)">Best</b>';

let films: FilmFacts[];
let build: GraphBuild;
let dir: string;

beforeAll(async () => {
  films = await loadFilms();
  build = await buildFiles(films, { steps: [pagesStep] });
  dir = await mkdtemp(path.join(tmpdir(), 'filmkg-web-pages-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const VOID = new Set(['meta', 'link', 'br', 'img', 'hr', 'input', 'source', 'wbr']);

/** Checks the markup nests (every element closed in order), skipping the raw text of script and style; returns the ids. */
function checkWellFormed(html: string): string[] {
  const body = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '<$1></$1>');
  const stack: string[] = [];
  const ids: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    const [, close, name = '', attrs = ''] = m;
    const tag = name.toLowerCase();
    const id = /\sid="([^"]*)"/.exec(attrs)?.[1];
    if (id !== undefined) ids.push(id);
    if (VOID.has(tag)) continue;
    if (close) expect(stack.pop(), `closing </${tag}>`).toBe(tag);
    else stack.push(tag);
  }
  expect(stack).toEqual([]);
  return ids;
}

function scriptText(html: string): string {
  const m = /<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/.exec(html);
  if (!m) throw new Error('no JSON-LD script element');
  return m[1] as string;
}

function rowsOf(html: string, id: string): number {
  const table = new RegExp(`<table id="${id}">[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(html)?.[1] ?? '';
  return (table.match(/<tr>/g) ?? []).length;
}

describe('the pages step', () => {
  test('is registered after SHACL and adds the page, the embed and the index without touching the graph files', async () => {
    const names = BUILD_STEPS.map((s) => s.name);
    expect(names.indexOf('pages')).toBeGreaterThan(names.indexOf('shacl'));
    expect([...build.files.keys()].filter((k) => k.startsWith('films/')).sort()).toEqual(['films/index.html', 'films/leaving-las-vegas.html', 'films/leaving-las-vegas.jsonld']);
    const plain = await buildFiles(films, { steps: [] });
    for (const name of ['graph.ttl', 'graph.nt', 'graph.jsonld']) expect(build.files.get(name)).toBe(plain.files.get(name));
    expect(build.notes).toContain('pages: 1 film page(s) with schema.org JSON-LD in films/');
  });

  test('the page is well-formed HTML5 with unique ids, no network resources and the embed in its head', () => {
    const html = String(build.files.get('films/leaving-las-vegas.html'));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    const ids = checkWellFormed(html);
    expect(new Set(ids).size).toBe(ids.length);
    // One resource from the network: the poster, from the article's wiki, which the page's policy allows with the upload
    // server its Special:FilePath redirects to, and nothing else.
    expect(html).not.toMatch(/<(iframe|object|embed|video|audio)\b|<link rel="stylesheet"|url\(/);
    expect(html.match(/<img\b[^>]*>/g)).toEqual([
      '<img src="https://en.wikipedia.org/wiki/Special:FilePath/Leaving_las_vegas_ver1.jpg" alt="" width="220" height="330" decoding="async" referrerpolicy="no-referrer" data-title="Leaving Las Vegas" data-caption="Theatrical release poster">',
    ]);
    expect(html.match(/\ssrc=/g)).toHaveLength(1);
    const policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https://en.wikipedia.org https://upload.wikimedia.org; base-uri 'none'; form-action 'none'";
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${policy.replaceAll("'", '&#39;')}">`);
    expect(html.match(/<script\b/g)).toHaveLength(1);
    const embed = JSON.parse(scriptText(html)) as unknown;
    expect(embed).toEqual(filmEmbed(build.quads, FILM));
    expect(String(build.files.get('films/leaving-las-vegas.jsonld'))).toBe(embedFileText(filmEmbed(build.quads, FILM)));
  });

  test('shows the whole record: 61 accolade rows, 25 tracks, 27 references, credits, cast, releases, reception, licence', () => {
    const html = String(build.files.get('films/leaving-las-vegas.html'));
    expect(rowsOf(html, 'accolades')).toBe(61);
    expect(rowsOf(html, 'soundtrack')).toBe(25);
    expect(rowsOf(html, 'cast')).toBe(3);
    expect((html.match(/<li id="ref-\d+"/g) ?? []).length).toBe(27);
    expect(html).toContain('<h1>Leaving Las Vegas</h1>');
    const a = (href: string, text: string) => `<a href="${href}" class="entity">${text}</a>`;
    expect(html).toContain(`<dt>Directed by</dt><dd>${a('../person/Mike_Figgis.html', 'Mike Figgis')}</dd>`);
    expect(html).toContain(`<td data-label="Actor">${a('../person/Nicolas_Cage.html', 'Nicolas Cage')}</td><td data-label="Character">${a('../film/leaving-las-vegas/character/Ben_Sanderson.html', 'Ben Sanderson')}</td>`);
    expect(html).toContain('<time datetime="1995-10-27">27 October 1995</time>');
    expect(html).toContain(
      `<td data-label="Award">${a('../award/Academy_Awards.html', 'Academy Awards')}</td><td data-label="Category">${a('../award/Academy_Awards/Best_Actor.html', 'Best Actor')}</td><td data-label="Recipient">${a('../person/Nicolas_Cage.html', 'Nicolas Cage')}</td><td data-label="Result"><span class="won">Won</span></td>`,
    );
    expect(html).toContain(
      `<td data-label="#">2</td><td data-label="Title">${a('../film/leaving-las-vegas/soundtrack/track/2.html', 'Angel Eyes')}</td><td data-label="Written by">${a('../person/Matt_Dennis.html', 'Matt Dennis')}, ${a('../person/Earl_Brent.html', 'Earl Brent')}</td><td data-label="Performed by">${a('../person/Sting.html', 'Sting')}</td><td data-label="Length">4:02</td>`,
    );
    expect(html).toContain('<figcaption>Theatrical release poster (<a href="https://en.wikipedia.org/wiki/File:Leaving_las_vegas_ver1.jpg">Leaving las vegas ver1.jpg</a>)</figcaption>');
    expect(html).toContain('<a href="https://creativecommons.org/licenses/by-sa/3.0/">CC BY-SA 3.0</a>');
    expect(html).toContain('by Wikipedia contributors, revision of 30 May 2023, 18:20');
    for (const href of ['../graph.ttl', '../graph.jsonld', '../graph.nt', 'leaving-las-vegas.jsonld']) expect(html).toContain(`href="${href}"`);
  });

  test('a table of contents links each section, in page order', () => {
    const html = String(build.files.get('films/leaving-las-vegas.html'));
    const toc = /<nav class="toc" aria-label="Contents">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
    const targets = [...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const sections = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toEqual(sections);
    expect(targets).toEqual(['credits-section', 'money-section', 'cast-section', 'releases-section', 'reception-section', 'accolades-section', 'soundtrack-section', 'references-section', 'source-section']);
  });

  test('the four pictures are inline SVG with a title and their figures, and no script', () => {
    const html = String(build.files.get('films/leaving-las-vegas.html'));
    for (const id of ['money-chart', 'releases-chart', 'accolades-chart', 'soundtrack-chart']) {
      expect(html).toMatch(new RegExp(`<svg xmlns="http://www.w3.org/2000/svg" id="${id}" class="chart" role="img" aria-label="[^"]+" aria-describedby="${id}-desc"`));
    }
    expect(html).toContain('data-body="Academy Awards" data-wins="1" data-nominations="3"');
    expect(html).toContain('data-currency="USD" data-box-office="49800000" data-budget="" data-budget-low="3500000" data-budget-high="4000000"');
    expect(html).toContain('data-position="2" data-title="Angel Eyes" data-duration="PT4M2S" data-seconds="242"');
    expect(html).toContain('data-date="1995-10-27" data-kind="theatrical" data-label="Limited release (United States)"');
    expect(html).toMatch(/data-releases="7"/);
  });

  test('without entity pages to link to, names are plain text', async () => {
    const { filmPage } = await import('../src/web/page.js');
    const html = filmPage(films[0] as FilmFacts, filmEmbed(build.quads, FILM), FILM);
    expect(html).not.toContain('class="entity"');
    expect(html).toContain('<dt>Directed by</dt><dd>Mike Figgis</dd>');
  });

  test('the index links every film page and carries the films as a schema.org ItemList', () => {
    const html = String(build.files.get('films/index.html'));
    checkWellFormed(html);
    expect(html).toContain('<a href="leaving-las-vegas.html">Leaving Las Vegas</a> (1995)');
    const list = JSON.parse(scriptText(html)) as Record<string, unknown>;
    expect(list).toMatchObject({ '@context': 'https://schema.org', '@id': 'https://filmkg.example/films/', '@type': 'ItemList', numberOfItems: 1 });
    expect(list.itemListElement).toEqual([
      {
        '@id': 'https://filmkg.example/films/#1',
        '@type': 'ListItem',
        position: 1,
        item: {
          '@id': FILM,
          '@type': 'Movie',
          name: 'Leaving Las Vegas',
          url: ['https://filmkg.example/films/leaving-las-vegas.html'],
          image: [
            {
              '@id': 'https://en.wikipedia.org/wiki/File:Leaving_las_vegas_ver1.jpg',
              '@type': 'ImageObject',
              contentUrl: 'https://en.wikipedia.org/wiki/Special:FilePath/Leaving_las_vegas_ver1.jpg',
              caption: 'Theatrical release poster',
            },
          ],
        },
      },
    ]);
  });
});

describe('hostile strings in the facts', () => {
  let html: string;
  let hostileQuads: GraphBuild['quads'];

  beforeAll(async () => {
    const copy = structuredClone(films[0]) as FilmFacts;
    copy.title.value = HOSTILE_TITLE;
    const quoted = copy.reviews.find((r) => r.quote !== undefined);
    if (!quoted) throw new Error('the bundled film has a quoted critic');
    quoted.quote = HOSTILE_QUOTE;
    const row = copy.accolades[0];
    if (!row) throw new Error('the bundled film has accolades');
    row.category = HOSTILE_CATEGORY;
    const b = await buildFiles([copy], { steps: [pagesStep] });
    html = String(b.files.get('films/leaving-las-vegas.html'));
    hostileQuads = b.quads;
  });

  test('cannot end the script element or open a comment, and the script still parses to the embed', () => {
    expect(html.match(/<script\b/gi)).toHaveLength(1);
    expect(html.match(/<\/script>/gi)).toHaveLength(1);
    expect(html).not.toContain('<!--');
    const text = scriptText(html);
    expect(text).not.toMatch(/[<>&]/);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed).toEqual(filmEmbed(hostileQuads, FILM));
    expect(parsed.name).toBe(HOSTILE_TITLE);
    expect(JSON.stringify(parsed.review)).toContain(JSON.stringify(HOSTILE_QUOTE).slice(1, -1));
  });

  test('are escaped in the HTML text', () => {
    expect(html).toContain('<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).toContain('<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; (1995)</title>');
    expect(html).toContain('<blockquote>a quote that opens a comment &lt;!-- and closes the script &lt;/script&gt; &amp; ends</blockquote>');
    expect(html).toContain('class="entity">&lt;b onmouseover=&quot;alert(2)&quot;&gt;Best&lt;/b&gt;</a></td>');
    expect(html).toContain('<title id="accolades-chart-title">');
    expect(html).not.toContain('<b onmouseover');
    checkWellFormed(html);
  });
});

describe('filmkg export', () => {
  test('--format jsonld-embed prints the embed; --format html --out writes the page', async () => {
    const io = captureIo(dir);
    expect(await run(['export', '--format', 'jsonld-embed'], io)).toBe(0);
    expect(io.out).toBe(embedFileText(filmEmbed(buildGraph(films), FILM)));
    const io2 = captureIo(dir);
    expect(await run(['export', '--format', 'html', '--film', 'leaving-las-vegas', '--out', 'page.html'], io2)).toBe(0);
    expect(io2.out).toBe('');
    expect(await readFile(path.join(dir, 'page.html'), 'utf8')).toBe(build.files.get('films/leaving-las-vegas.html'));
  });

  test('a missing or unknown format is a USAGE error naming the option; an unknown film is FILE_NOT_FOUND naming --film', async () => {
    const io = captureIo(dir);
    await expect(exportCommand.run([], io)).rejects.toMatchObject({ code: 'USAGE', place: { path: '--format' } });
    await expect(exportCommand.run(['--format', 'pdf'], io)).rejects.toMatchObject({ code: 'USAGE', place: { path: '--format' }, found: 'pdf' });
    await expect(exportCommand.run(['--format', 'html', '--film', 'nope'], io)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', place: { path: '--film' }, found: 'nope' });
    expect(await run(['export', '--format', 'pdf'], io)).toBe(2);
  });
});

describe("a critic's own rating on the film page", () => {
  test('is shown with its scale beside the critic (corpus article: "gave the film four stars out of five")', async () => {
    const [{ loadFilm }, { filmPage }] = await Promise.all([import('../src/pipeline.js'), import('../src/web/page.js')]);
    const film = await loadFilm('test/corpus/pip-and-the-paper-moon');
    const quads = buildGraph([film]);
    const iri = `https://filmkg.example/film/${film.source.slug}`;
    const html = filmPage(film, filmEmbed(quads, iri), iri);
    expect(html).toContain('Lewis Thornbury');
    expect(html).toMatch(/<data class="rating" value="4\/5">4 of 5<\/data><blockquote>the most beautiful-looking studio cartoon in years/);
    // A review with no rating written (the bundled film) shows none.
    const lev = (await loadFilms())[0] as FilmFacts;
    const levQuads = buildGraph([lev]);
    expect(filmPage(lev, filmEmbed(levQuads, FILM), FILM)).not.toContain('class="rating"');
  });
});
