// The film page in a real browser (Debian's chromium, headless, via playwright-core): served by `filmkg serve` on a free
// loopback port and opened from a file; no console errors, the embed parses and expands to the expected triples, every
// accolade and track row is shown, nothing overflows a phone's width; screenshots go to test-output/ (git-ignored).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FilmFacts } from '../src/facts/model.js';
import { buildGraph } from '../src/graph.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { loadFilms } from '../src/pipeline.js';
import type { Quad } from '../src/rdf.js';
import { startEndpoint } from '../src/server/endpoint.js';
import { pageRoutes } from '../src/server/pages.js';
import { filmEmbed } from '../src/web/embed.js';
import { renderWebFiles } from '../src/web/step.js';
import { CHROMIUM, chromiumAvailable, launchBrowser, type Browser } from './helpers/browser.js';
import { graphKeys, jsonLdTriples } from './helpers/browser-rdf.js';

const FILM = 'https://filmkg.example/film/leaving-las-vegas';
const SHOTS = path.join(PROJECT_ROOT, 'test-output', 'browser');
const available = chromiumAvailable();

test.runIf(Boolean(process.env.CI))(`chromium is installed at ${CHROMIUM} (CI must run the browser tests; .ci/run installs it)`, () => {
  expect(available).toBe(true);
});

describe.skipIf(!available)('the film page in chromium', () => {
  let server: Awaited<ReturnType<typeof startEndpoint>>;
  let browser: Browser;
  let films: FilmFacts[];
  let quads: Quad[];
  let dir: string;

  beforeAll(async () => {
    films = await loadFilms();
    quads = buildGraph(films);
    dir = await mkdtemp(path.join(tmpdir(), 'filmkg-browser-'));
    await mkdir(SHOTS, { recursive: true });
    server = await startEndpoint({ port: 0, routes: await pageRoutes({ films }) });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Opens `url` in a new tab, recording console errors and warnings, page errors and failed requests. */
  async function open(url: string): Promise<{ page: Page; problems: string[]; status: number | undefined }> {
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      // The poster's refused request (below) is the one expected failure.
      if ((m.type() === 'error' || m.type() === 'warning') && !m.text().includes('ERR_INTERNET_DISCONNECTED')) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => {
      if (!r.url().startsWith('https://en.wikipedia.org/wiki/Special:FilePath/')) problems.push(`request failed: ${r.url()}`);
    });
    // The poster is never fetched from Wikipedia here (test/browser-film-page.test.ts answers it and checks its fallback).
    await page.route('https://en.wikipedia.org/wiki/Special:FilePath/**', (r) => r.abort('internetdisconnected'));
    const response = await page.goto(url, { waitUntil: 'load' });
    return { page, problems, status: response?.status() };
  }

  async function checkPage(page: Page): Promise<void> {
    expect(await page.title()).toBe('Leaving Las Vegas (1995)');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Leaving Las Vegas');
    // The embed: parses as JSON and expands, under the vendored schema.org context, to the embed's triples, all in the graph.
    const text = await page.locator('script[type="application/ld+json"]').textContent();
    const parsed = JSON.parse(text ?? '') as unknown;
    const triples = await jsonLdTriples(parsed);
    expect(triples).toEqual(await jsonLdTriples(filmEmbed(quads, FILM)));
    const graph = graphKeys(quads);
    expect(triples.filter((t) => !graph.has(t))).toEqual([]);
    expect(triples).toContain(`<${FILM}> <http://schema.org/name> "Leaving Las Vegas"^^<http://www.w3.org/2001/XMLSchema#string>`);
    // Every row of the tables is there and shown.
    expect(await page.locator('#accolades tbody tr').count()).toBe(61);
    expect(await page.locator('#soundtrack tbody tr').count()).toBe(25);
    expect(await page.locator('#accolades tbody tr').last().isVisible()).toBe(true);
    expect(await page.locator('#soundtrack tbody tr').nth(1).innerText()).toMatch(/^2\tAngel Eyes\tMatt Dennis, Earl Brent\tSting\t4:02$/);
  }

  test('served by filmkg serve: no console errors, the embed, 61 accolades and 25 tracks; desktop and phone screenshots', async () => {
    const { page, problems, status } = await open(`${server.url}/films/leaving-las-vegas.html`);
    try {
      expect(status).toBe(200);
      await checkPage(page);
      await page.screenshot({ path: path.join(SHOTS, 'leaving-las-vegas-desktop.png'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      // On a phone the page itself never scrolls sideways: wide tables scroll inside their own box.
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(SHOTS, 'leaving-las-vegas-phone.png'), fullPage: false });
      await page.locator('#accolades-section').screenshot({ path: path.join(SHOTS, 'leaving-las-vegas-phone-accolades.png') });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the film IRI leads a browser to the page (303)', async () => {
    const { page, problems } = await open(`${server.url}/film/leaving-las-vegas`);
    try {
      expect(new URL(page.url()).pathname).toBe('/films/leaving-las-vegas.html');
      expect(await page.locator('h1').textContent()).toBe('Leaving Las Vegas');
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the page as filmkg build writes it, opened from a file: no network, no console errors', async () => {
    const web = renderWebFiles(films, quads, 'https://filmkg.example/');
    const file = path.join(dir, 'films', 'leaving-las-vegas.html');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, web.files.get('films/leaving-las-vegas.html') ?? '');
    const { page, problems } = await open(pathToFileURL(file).href);
    try {
      await checkPage(page);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
