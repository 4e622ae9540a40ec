// The film page in a real browser (Debian's chromium via playwright-core), served by `filmkg serve` on a free loopback
// port, at 1280 and 390 px: no console error, no sideways overflow, every table cell on screen at 390 px, the table of
// contents lands on its sections, the poster loads through the page's policy (Special:FilePath redirected to
// upload.wikimedia.org, both answered by the test) or falls back to its text card offline, each SVG picture's data equals
// SPARQL counts on the graph, and every entity link resolves on the server to an entity of the graph. Screenshots go to
// test-output/browser-film-page/ (git-ignored).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toNTriples } from '../src/export/ntriples.js';
import type { FilmFacts } from '../src/facts/model.js';
import { buildGraph } from '../src/graph.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { loadFilms } from '../src/pipeline.js';
import type { Quad } from '../src/rdf.js';
import { startEndpoint } from '../src/server/endpoint.js';
import { pageRoutes } from '../src/server/pages.js';
import { OxigraphStore } from '../src/store/oxigraph.js';
import { localPathOfFile } from '../src/web/links.js';
import { CHROMIUM, chromiumAvailable, launchBrowser, type Browser } from './helpers/browser.js';

const FILM = 'https://filmkg.example/film/leaving-las-vegas';
const BASE = 'https://filmkg.example/';
const SHOTS = path.join(PROJECT_ROOT, 'test-output', 'browser-film-page');
const PREFIXES = 'PREFIX schema: <http://schema.org/>\nPREFIX p: <http://www.wikidata.org/prop/>\nPREFIX fkg: <https://filmkg.example/ontology#>\n';
/** A 1×1 PNG, the poster's stand-in (the test machine has no network). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const UPLOAD = 'https://upload.wikimedia.org/wikipedia/en/0/00/Leaving_las_vegas_ver1.jpg';
const available = chromiumAvailable();

/** What the tests read of an <img> (the tests are type-checked without the DOM's types). */
interface ImageLike {
  readonly complete: boolean;
  readonly naturalWidth: number;
}

test.runIf(Boolean(process.env.CI))(`chromium is installed at ${CHROMIUM} (CI must run the browser tests; .ci/run installs it)`, () => {
  expect(available).toBe(true);
});

describe.skipIf(!available)('the film page in chromium', () => {
  let server: Awaited<ReturnType<typeof startEndpoint>>;
  let browser: Browser;
  let films: FilmFacts[];
  let quads: Quad[];
  let store: OxigraphStore;

  beforeAll(async () => {
    films = await loadFilms();
    quads = buildGraph(films);
    store = OxigraphStore.fromText(toNTriples(quads));
    await mkdir(SHOTS, { recursive: true });
    server = await startEndpoint({ port: 0, routes: await pageRoutes({ films, quads }) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    store?.close();
  });

  async function select(query: string): Promise<Record<string, string>[]> {
    const r = await store.query(PREFIXES + query);
    if (r.kind !== 'select') throw new Error('expected a SELECT');
    return r.rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v.value])));
  }

  /** Opens the film page in a new tab at `width`, the poster answered (or refused, offline) by the test; records problems. */
  async function open(width: number, offline = false): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    // Special:FilePath answers with a redirect to the upload server, as Wikipedia does; a browser checks both against
    // img-src. Through the DevTools protocol's Fetch domain, which (unlike playwright's route) also intercepts the redirect.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: 'https://en.wikipedia.org/*' }, { urlPattern: 'https://upload.wikimedia.org/*' }] });
    cdp.on('Fetch.requestPaused', (e) => {
      const answer = offline
        ? cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'InternetDisconnected' })
        : e.request.url.startsWith('https://en.wikipedia.org/wiki/Special:FilePath/')
          ? cdp.send('Fetch.fulfillRequest', { requestId: e.requestId, responseCode: 302, responseHeaders: [{ name: 'Location', value: UPLOAD }] })
          : cdp.send('Fetch.fulfillRequest', { requestId: e.requestId, responseCode: 200, responseHeaders: [{ name: 'Content-Type', value: 'image/png' }], body: PNG.toString('base64') });
      answer.catch((error: unknown) => problems.push(`interception: ${String(error)}`));
    });
    const response = await page.goto(`${server.url}/films/leaving-las-vegas.html`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return { page, problems };
  }

  async function noOverflow(page: Page, width: number): Promise<void> {
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    // Every table cell that has content lies within the viewport's width (no column cut off or scrolled away). Code run in
    // the page is given as text: the tests are type-checked without the DOM's types.
    const outside = await page.evaluate<string[]>(`[...document.querySelectorAll('main td, main th, main svg.chart')]
      .filter((c) => (c.textContent ?? '').trim() !== '' && getComputedStyle(c).display !== 'none' && c.closest('thead') === null)
      .filter((c) => { const r = c.getBoundingClientRect(); return r.left < 0 || r.right > ${width} + 0.5 || r.width === 0; })
      .map((c) => (c.closest('table')?.id ?? c.id) + ': ' + (c.textContent ?? '').trim().slice(0, 40))`);
    expect(outside).toEqual([]);
  }

  for (const width of [1280, 390]) {
    test(`at ${width} px: no console error, no overflow, every cell on screen, the poster loaded; screenshots`, async () => {
      const { page, problems } = await open(width);
      try {
        await noOverflow(page, width);
        const img = page.locator('#poster img');
        await expect.poll(() => img.evaluate((i) => (i as unknown as ImageLike).complete && (i as unknown as ImageLike).naturalWidth)).toBe(1);
        const [{ url }] = (await select(`SELECT ?url WHERE { <${FILM}> schema:image/schema:contentUrl ?url }`)) as [Record<string, string>];
        expect(await img.getAttribute('src')).toBe(url);
        expect(new URL(url ?? '').origin).toBe('https://en.wikipedia.org');
        await page.screenshot({ path: path.join(SHOTS, `leaving-las-vegas-${width}.png`), fullPage: true });
        // Each part on its own (the first 1,200 px of it), to look at in detail.
        for (const [name, selector] of [['header', 'header'], ['accolades-chart', '#accolades-chart'], ['accolades-table', '#accolades'], ['releases', '#releases-section'], ['money', '#money-section'], ['soundtrack-chart', '#soundtrack-chart'], ['tracks', '#soundtrack'], ['cast', '#cast-section']] as const) {
          const box = await page.locator(selector).boundingBox();
          if (!box) throw new Error(`${selector} is not shown`);
          await page.screenshot({ path: path.join(SHOTS, `leaving-las-vegas-${width}-${name}.png`), fullPage: true, clip: { x: 0, y: box.y, width, height: Math.min(box.height, 1200) } });
        }
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  test('offline, the poster falls back to its text card (no broken image) and nothing else fails', async () => {
    const { page, problems } = await open(390, true);
    try {
      const img = page.locator('#poster img');
      await expect.poll(() => img.evaluate((i) => (i as unknown as ImageLike).complete)).toBe(true);
      expect(await img.evaluate((i) => (i as unknown as ImageLike).naturalWidth)).toBe(0);
      expect(await img.getAttribute('alt')).toBe('');
      // The failed image draws its ::after card (title and caption) over the broken-image icon; the card behind it says the same.
      expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('#poster img'), '::after').content`)).toBe('"Leaving Las Vegas\\a Theatrical release poster"');
      expect(await page.locator('.poster-fallback').innerText()).toContain('Leaving Las Vegas');
      expect(await page.locator('.poster-frame').getAttribute('aria-label')).toBe('Theatrical release poster: Leaving Las Vegas');
      await page.locator('#poster').screenshot({ path: path.join(SHOTS, 'poster-offline.png') });
      // The only failure is the refused image request (and the console line Chromium writes for it).
      expect(problems.filter((p) => !p.includes('Special:FilePath') && !p.includes('ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the table of contents links land on their sections', async () => {
    const { page, problems } = await open(390);
    try {
      const targets = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(targets).toEqual(['#credits-section', '#money-section', '#cast-section', '#releases-section', '#reception-section', '#accolades-section', '#soundtrack-section', '#references-section', '#source-section']);
      for (const href of targets) {
        await page.locator(`nav.toc a[href="${href}"]`).click();
        await expect.poll(() => page.evaluate<string>('location.hash')).toBe(href);
        const top = await page.locator(href).evaluate((s) => [s.tagName, Math.round(s.getBoundingClientRect().top)] as const);
        expect(top[0], href).toBe('SECTION');
        // At the top of the viewport (scroll-margin-top .5rem), or as far as the page can scroll for the last sections.
        const atEnd = await page.evaluate<boolean>('Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight');
        if (!atEnd) expect(Math.abs(top[1] - 8), href).toBeLessThanOrEqual(2);
        else expect(top[1], href).toBeLessThan(900);
      }
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('each picture carries the graph’s figures: accolades per award body, releases, budget and box office, tracks', async () => {
    const { page } = await open(1280);
    try {
      // Accolades: wins and nominations per award body, as SPARQL counts them (P166 received, P1411 nominated).
      const counted = await select(`SELECT ?body (SUM(?w) AS ?wins) (SUM(1 - ?w) AS ?nominations) WHERE {
        <${FILM}> ?p ?s . VALUES (?p ?w) { (p:P166 1) (p:P1411 0) } ?s fkg:awardBody/schema:name ?body } GROUP BY ?body`);
      const drawn = await page.locator('#accolades-chart g.body').evaluateAll((gs) => gs.map((g) => ({ body: g.getAttribute('data-body') ?? '', wins: g.getAttribute('data-wins') ?? '', nominations: g.getAttribute('data-nominations') ?? '' })));
      const byBody = (rows: { body?: string; wins?: string; nominations?: string }[]) => rows.map((r) => `${r.body}: ${r.wins} won, ${r.nominations} nominated`).sort();
      expect(counted.length).toBe(23);
      expect(byBody(drawn)).toEqual(byBody(counted));
      // Releases: one mark per release event of the film, with its date where the graph has one.
      const events = await select(`SELECT ?e ?date WHERE { <${FILM}> schema:releasedEvent ?e OPTIONAL { ?e schema:startDate ?date } }`);
      const marks = await page.locator('#releases-chart g.release').evaluateAll((gs) => gs.map((g) => g.getAttribute('data-date') ?? ''));
      expect(marks.length).toBe(events.length);
      expect([...marks].sort()).toEqual(events.map((e) => e.date ?? '').sort());
      expect(await page.locator('#releases-chart').getAttribute('data-releases')).toBe(String(events.length));
      // Money: the budget's bounds and the gross, as the graph's MonetaryAmounts hold them.
      const [money] = (await select(`SELECT ?currency ?low ?high ?gross WHERE {
        <${FILM}> fkg:budget ?b ; fkg:boxOffice ?g . ?b schema:currency ?currency ; schema:minValue ?low ; schema:maxValue ?high . ?g schema:value ?gross }`)) as [Record<string, string>];
      const chart = page.locator('#money-chart');
      expect(await chart.getAttribute('data-currency')).toBe(money.currency);
      expect(Number(await chart.getAttribute('data-budget-low'))).toBe(Number(money.low));
      expect(Number(await chart.getAttribute('data-budget-high'))).toBe(Number(money.high));
      expect(Number(await chart.getAttribute('data-box-office'))).toBe(Number(money.gross));
      expect([money.low, money.high, money.gross].map(Number)).toEqual([3_500_000, 4_000_000, 49_800_000]);
      // Tracks: position, title and duration of every track, in order.
      const tracks = await select(`SELECT ?position ?title ?duration WHERE {
        ?album a schema:MusicAlbum ; schema:track/schema:itemListElement ?entry . ?entry schema:position ?position ; schema:item ?t . ?t schema:name ?title
        OPTIONAL { ?t schema:duration ?duration } } ORDER BY ?position`);
      const bars = await page.locator('#soundtrack-chart g.track').evaluateAll((gs) => gs.map((g) => ({ position: g.getAttribute('data-position'), title: g.getAttribute('data-title'), duration: g.getAttribute('data-duration') })));
      expect(tracks.length).toBe(25);
      expect(bars).toEqual(tracks.map((t) => ({ position: t.position, title: t.title, duration: t.duration ?? '' })));
      // Each picture is named for assistive technology.
      for (const id of ['accolades-chart', 'releases-chart', 'money-chart', 'soundtrack-chart']) {
        const svg = page.locator(`#${id}`);
        expect(await svg.getAttribute('role'), id).toBe('img');
        expect(await svg.getAttribute('aria-label'), id).toBe(await svg.locator('title').textContent());
      }
    } finally {
      await page.close();
    }
  });

  test('every person, organisation and work link resolves on the server to an entity of the graph', async () => {
    const { page } = await open(1280);
    try {
      const hrefs = await page.locator('main a.entity').evaluateAll((as) => [...new Set(as.map((a) => (a as unknown as { href: string }).href))]);
      const subjects = new Set(quads.map((q) => q.subject.value));
      expect(hrefs.length).toBeGreaterThan(100);
      const linked = await page.locator('main a.entity').evaluateAll((as) => as.map((a) => a.textContent ?? ''));
      for (const name of ['Nicolas Cage', 'Mike Figgis', 'United Artists', 'Academy Awards', 'Sting', 'Roger Ebert', 'Angel Eyes']) expect(linked, name).toContain(name);
      for (const href of hrefs) {
        const url = new URL(href);
        expect(url.origin, href).toBe(server.url);
        // films/{slug}.html for a film, {local path}.html for any other entity; the path decoded once is the page's file,
        // which names the IRI (src/web/links.ts: `MGM%252FUA…` is the file `MGM%2FUA….html` of the IRI `MGM%2FUA…`).
        const iri = BASE + localPathOfFile(url.pathname.slice(1).replace(/\.html$/, '').split('/').map(decodeURIComponent).join('/'));
        expect(subjects.has(iri), iri).toBe(true);
        const res = await fetch(href, { headers: { accept: 'text/html' } });
        expect(res.status, href).toBe(200);
        expect(res.headers.get('content-type'), href).toMatch(/^text\/html/);
        await res.arrayBuffer();
      }
    } finally {
      await page.close();
    }
  });
});
