// The build step that writes the web pages: films/<slug>.html (the film's record with its schema.org embed),
// films/<slug>.jsonld (the embed alone) and films/index.html.
import type { GraphBuild } from '../export/build.js';
import type { BuildStep } from '../export/steps.js';
import type { FilmFacts } from '../facts/model.js';
import { IriMinter } from '../iri.js';
import type { Quad } from '../rdf.js';
import { contentSecurityPolicy } from './html.js';
import { filmEmbed, GraphIndex, indexEmbed, type Embed } from './embed.js';
import { renderEntityPages } from './entity-page.js';
import { entityHref } from './links.js';
import { filmPage, imageOrigins, indexPage } from './page.js';

/** Folder of the pages inside the output folder. */
export const PAGES_DIR = 'films';

/** The rendered web files of one build, by path relative to the output folder. */
export interface WebFiles {
  readonly embeds: ReadonlyMap<string, Embed>;
  readonly files: ReadonlyMap<string, string>;
  /** Each HTML file's Content-Security-Policy (the one in its <meta> element), for a server to send as a header too. */
  readonly policies: ReadonlyMap<string, string>;
}

/** Code-unit order of two strings. */
const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The embed document as a standalone .jsonld file (two-space JSON, final newline). */
export function embedFileText(embed: Embed): string {
  return `${JSON.stringify(embed, null, 2)}\n`;
}

/**
 * Renders every film's page and embed and the index from a build's facts and quads. Names on a page link to the pages of
 * the graph's entities (src/web/links.ts); the index carries the films as a schema.org ItemList.
 */
export function renderWebFiles(films: readonly FilmFacts[], quads: readonly Quad[], base: string): WebFiles {
  const minter = new IriMinter(base);
  const embeds = new Map<string, Embed>();
  const files = new Map<string, string>();
  const policies = new Map<string, string>();
  const subjects = new Set<string>();
  for (const q of quads) subjects.add(q.subject.value);
  const index = new GraphIndex(quads);
  // Every film page is in PAGES_DIR, so one href per target serves them all (a page names an entity many times).
  const hrefs = new Map<string, string | undefined>();
  for (const film of films) {
    const slug = film.source.slug;
    const iri = minter.film(slug).value;
    const embed = filmEmbed(quads, iri, index);
    const from = `${PAGES_DIR}/${slug}.html`;
    const href = (target: string) => {
      if (!hrefs.has(target)) hrefs.set(target, subjects.has(target) ? entityHref(target, minter.base, from) : undefined);
      return hrefs.get(target);
    };
    embeds.set(slug, embed);
    files.set(from, filmPage(film, embed, iri, undefined, href, minter.base));
    policies.set(from, contentSecurityPolicy(imageOrigins(film)));
    files.set(`${PAGES_DIR}/${slug}.jsonld`, embedFileText(embed));
  }
  // Slugs are `[a-z0-9-]` (src/facts/model.ts), where code-unit order is localeCompare's, without loading a collator.
  const sorted = [...films].sort((a, b) => compareCodeUnits(a.source.slug, b.source.slug));
  const list = indexEmbed(quads, sorted.map((f) => minter.film(f.source.slug).value), `${minter.base}${PAGES_DIR}/`, index);
  files.set(`${PAGES_DIR}/index.html`, indexPage(films, list));
  policies.set(`${PAGES_DIR}/index.html`, contentSecurityPolicy());
  return { embeds, files, policies };
}

/** Adds the pages to the build (after validation, so a page is never written for a graph that fails its shapes). */
export const pagesStep: BuildStep = {
  name: 'pages',
  run(build: GraphBuild) {
    const { files } = renderWebFiles(build.films, build.quads, build.base);
    for (const [name, text] of files) build.files.set(name, text);
    for (const [name, text] of renderEntityPages(build.quads, build.base)) build.files.set(name, text);
    build.notes.push(`pages: ${build.films.length} film page(s) with schema.org JSON-LD in ${PAGES_DIR}/`);
  },
};
