// Entity pages and the query page in a real browser (Debian's chromium, headless, via playwright-core). Entity pages as
// `filmkg serve` answers them and as `filmkg build` writes them (opened from files): no console error, no sideways
// scrolling at 1280 and 390 px, every link resolving (names with an accent, an apostrophe and a slash included). The
// query page: Yasgui served from node_modules, a bundled query run with as many rows as the CLI prints, a CONSTRUCT
// shown as Turtle. Screenshots go to test-output/entity-query/ (git-ignored).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Parser } from 'n3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import type { FilmFacts } from '../src/facts/model.js';
import { buildGraph } from '../src/graph.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { loadFilms } from '../src/pipeline.js';
import type { Quad } from '../src/rdf.js';
import { startEndpoint } from '../src/server/endpoint.js';
import { pageRoutes } from '../src/server/pages.js';
import { QUERY_PAGE_CSP } from '../src/server/query-page.js';
import { renderEntityPages } from '../src/web/entity-page.js';
import { renderWebFiles } from '../src/web/step.js';
import { CHROMIUM, chromiumAvailable, launchBrowser, type Browser } from './helpers/browser.js';

const BASE = 'https://filmkg.example/';
const SHOTS = path.join(PROJECT_ROOT, 'test-output', 'entity-query');
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const WIDTHS = [1280, 390] as const;
const available = chromiumAvailable();

test.runIf(Boolean(process.env.CI))(`chromium is installed at ${CHROMIUM} (CI must run the browser tests; .ci/run installs it)`, () => {
  expect(available).toBe(true);
});

/** What the CLI prints for a bundled query, in a format given. */
async function cli(name: string, format: string): Promise<string> {
  const io = captureIo(PROJECT_ROOT);
  expect(await run(['query', name, '--format', format], io), io.err).toBe(0);
  return io.out;
}

describe.skipIf(!available)('entity pages and the query page in chromium', () => {
  let server: Awaited<ReturnType<typeof startEndpoint>>;
  let browser: Browser;
  let films: FilmFacts[];
  let quads: Quad[];
  let site: string;

  beforeAll(async () => {
    films = await loadFilms();
    quads = buildGraph(films);
    // The static site as `filmkg build` writes it: film pages and entity pages, under their file names.
    site = await mkdtemp(path.join(tmpdir(), 'filmkg-browser-site-'));
    const files = new Map([...renderWebFiles(films, quads, BASE).files, ...renderEntityPages(quads, BASE)]);
    for (const [name, text] of files) {
      await mkdir(path.dirname(path.join(site, name)), { recursive: true });
      await writeFile(path.join(site, name), text);
    }
    await writeFile(path.join(site, 'graph.ttl'), '');
    await mkdir(SHOTS, { recursive: true });
    server = await startEndpoint({ port: 0, routes: await pageRoutes({ films, quads }) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  /** Opens `url` in a new tab at `width`, recording console errors and warnings, page errors and failed requests. */
  async function open(url: string, width: number): Promise<{ page: Page; problems: string[]; status: number | undefined }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.setExtraHTTPHeaders({ accept: BROWSER_ACCEPT });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    const response = await page.goto(url, { waitUntil: 'load' });
    return { page, problems, status: response?.status() };
  }

  const noOverflow = (page: Page, width: number) => expect.poll(() => page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  // Every link's href as the browser resolved it (the `href` property of the anchor elements).
  const internalLinks = (page: Page) => page.evaluate<string[]>(`[...document.querySelectorAll('main a[href], header a[href]')].map((a) => new URL(a.getAttribute('href'), document.baseURI).href)`);

  const ENTITIES: Array<[string, string, string]> = [
    ['person', '/person/Nicolas_Cage.html', 'Nicolas Cage'],
    ['award', '/award/Academy_Awards/Best_Actor.html', 'Academy Awards: Best Actor'],
    ['accent', '/person/Lila_Caz%C3%A8s.html', 'Lila Cazès'],
    ['slash', '/award/20%252F20_Awards.html', '20/20 Awards'],
  ];

  test.each(ENTITIES)('served entity page (%s): renders at 1280 and 390 px, no console error, no overflow, the picture', async (kind, url, label) => {
    for (const width of WIDTHS) {
      const { page, problems, status } = await open(`${server.url}${url}`, width);
      try {
        expect(status).toBe(200);
        expect(await page.locator('h1').textContent()).toBe(label);
        expect(await page.locator('#neighbourhood svg circle').count()).toBeGreaterThan(0);
        expect(await page.locator('#neighbourhood svg').isVisible()).toBe(true);
        await noOverflow(page, width);
        await page.screenshot({ path: path.join(SHOTS, `entity-${kind}-${width}.png`), fullPage: width === 1280 });
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  test('every link of a served entity page answers 200 (its film, people, awards, tracks, the graph)', async () => {
    const { page } = await open(`${server.url}/person/Nicolas_Cage.html`, 1280);
    try {
      const links = [...new Set(await internalLinks(page))].filter((href) => href.startsWith(server.url));
      expect(links.length).toBeGreaterThan(40);
      for (const href of links) {
        const res = await fetch(href, { headers: { accept: BROWSER_ACCEPT } });
        expect(res.status, href).toBe(200);
        await res.arrayBuffer();
      }
      // The picture's links too.
      const pictured = await page.evaluate<string[]>(`[...document.querySelectorAll('#neighbourhood svg a')].map((a) => new URL(a.getAttribute('href'), document.baseURI).href)`);
      expect(pictured.length).toBeGreaterThan(10);
      for (const href of pictured) expect((await fetch(href)).status, href).toBe(200);
    } finally {
      await page.close();
    }
  });

  test('the pages filmkg build writes, opened from files: every link is a file there; accent, apostrophe and slash names open', async () => {
    const start = pathToFileURL(path.join(site, 'film', 'leaving-las-vegas', 'article.html')).href;
    const { page, problems } = await open(start, 1280);
    try {
      expect(await page.locator('h1').textContent()).toMatch(/^Wikipedia article/);
      const links = [...new Set(await internalLinks(page))].filter((href) => href.startsWith('file:'));
      expect(links.length).toBeGreaterThan(100);
      for (const href of links) expect(existsSync(fileURLToPath(href)), href).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
    // Followed from the article's page, as a reader would: each link decoded once is the file's name.
    const { page: article } = await open(start, 390);
    const hrefs = await internalLinks(article);
    await article.close();
    for (const [file, label] of <Array<[string, string]>>[
      ['person/Lila_Cazès.html', 'Lila Cazès'],
      ["work/John_O'Brien/Leaving_Las_Vegas.html", 'Leaving Las Vegas'],
      ['award/20%2F20_Awards/Best_Actor.html', '20/20 Awards: Best Actor'],
    ]) {
      const href = hrefs.find((h) => decodeURIComponent(new URL(h).pathname).endsWith(`/${file}`));
      expect(href, file).toBeDefined();
      const { page, problems } = await open(href as string, 390);
      try {
        expect(await page.locator('h1').textContent(), file).toBe(label);
        await noOverflow(page, 390);
        await page.screenshot({ path: path.join(SHOTS, `file-${file.split('/')[0] ?? ''}-390.png`) });
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    }
  });

  test('the query page at /sparql and /: Yasgui from node_modules, no console error, no overflow; cast gives the CLI rows', async () => {
    const rows = JSON.parse(await cli('cast', 'json')) as { results: { bindings: unknown[] } };
    expect(rows.results.bindings.length).toBeGreaterThan(0);
    for (const width of WIDTHS) {
      for (const at of ['/sparql', '/']) {
        const { page, problems, status } = await open(`${server.url}${at}`, width);
        try {
          expect(status).toBe(200);
          await page.locator('.yasqe .CodeMirror').waitFor();
          const cast = await page.locator('#examples option', { hasText: /^cast: / }).getAttribute('value');
          await page.selectOption('#examples', cast ?? '');
          await page.locator('.yasqe_queryButton').click();
          await expect.poll(() => page.locator('.yasr table.dataTable tbody tr').count(), { timeout: 15_000 }).toBe(rows.results.bindings.length);
          expect(await page.locator('.yasr table.dataTable tbody').innerText()).toContain('Nicolas Cage');
          await noOverflow(page, width);
          if (at === '/sparql') await page.screenshot({ path: path.join(SHOTS, `query-cast-${width}.png`), fullPage: true });
          expect(problems).toEqual([]);
        } finally {
          await page.close();
        }
      }
    }
  });

  test('the query page shows a CONSTRUCT as Turtle, the same triples as the CLI', async () => {
    const expected = new Parser().parse(await cli('cast-card.construct', 'turtle')).length;
    const { page, problems } = await open(`${server.url}/sparql`, 1280);
    try {
      await page.locator('.yasqe .CodeMirror').waitFor();
      const card = await page.locator('#examples option', { hasText: /^cast-card\.construct: / }).getAttribute('value');
      await page.selectOption('#examples', card ?? '');
      const response = page.waitForResponse((r) => r.url().endsWith('/sparql') && r.request().method() === 'POST');
      await page.locator('.yasqe_queryButton').click();
      const answer = await response;
      expect(answer.headers()['content-type']).toMatch(/^text\/turtle/);
      const turtle = await answer.text();
      expect(new Parser().parse(turtle).length).toBe(expected);
      // Shown by the Response view (Turtle text), not as a table of triples.
      await expect.poll(() => page.locator('.yasr .select_response.selected').count(), { timeout: 15_000 }).toBe(1);
      const shown = await page.locator('.yasr .CodeMirror').innerText();
      expect(shown).toMatch(/<http:\/\/schema\.org\/characterName> "Ben\s+Sanderson" ;/);
      expect(shown).toContain('<https://filmkg.example/person/Nicolas_Cage>');
      expect(await page.locator('.yasr table.dataTable').count()).toBe(0);
      await page.screenshot({ path: path.join(SHOTS, 'query-construct-1280.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('other clients keep the endpoint: no Accept, */* and SPARQL types get what they got before; the page has its own policy', async () => {
    const description = await fetch(`${server.url}/sparql`, { headers: { accept: '*/*' } });
    expect(description.headers.get('content-type')).toMatch(/^text\/turtle/);
    const json = await fetch(`${server.url}/sparql?query=${encodeURIComponent('ASK {}')}`, { headers: { accept: 'application/sparql-results+json, text/html;q=0.5' } });
    expect(json.headers.get('content-type')).toMatch(/^application\/sparql-results\+json/);
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('content-type')).toMatch(/^text\/plain/);
    const pageRes = await fetch(`${server.url}/sparql`, { headers: { accept: BROWSER_ACCEPT } });
    expect(pageRes.headers.get('content-type')).toMatch(/^text\/html/);
    expect(pageRes.headers.get('content-security-policy')).toBe(QUERY_PAGE_CSP);
    const html = await pageRes.text();
    expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)[^"']*\.(js|css)/);
    for (const asset of html.match(/\/assets\/[\w.-]+/g) ?? []) expect((await fetch(`${server.url}${asset}`)).status, asset).toBe(200);
  });
});
