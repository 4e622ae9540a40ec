// The build step that writes the web pages: films/<slug>.html (the film's record with its schema.org embed),
// films/<slug>.jsonld (the embed alone) and films/index.html.
import type { GraphBuild } from '../export/build.js';
import type { BuildStep } from '../export/steps.js';
import type { FilmFacts } from '../facts/model.js';
import { IriMinter } from '../iri.js';
import type { Quad } from '../rdf.js';
import { filmEmbed, type Embed } from './embed.js';
import { renderEntityPages } from './entity-page.js';
import { filmPage, indexPage } from './page.js';

/** Folder of the pages inside the output folder. */
export const PAGES_DIR = 'films';

/** The rendered web files of one build, by path relative to the output folder. */
export interface WebFiles {
  readonly embeds: ReadonlyMap<string, Embed>;
  readonly files: ReadonlyMap<string, string>;
}

/** The embed document as a standalone .jsonld file (two-space JSON, final newline). */
export function embedFileText(embed: Embed): string {
  return `${JSON.stringify(embed, null, 2)}\n`;
}

/** Renders every film's page and embed and the index from a build's facts and quads. */
export function renderWebFiles(films: readonly FilmFacts[], quads: readonly Quad[], base: string): WebFiles {
  const minter = new IriMinter(base);
  const embeds = new Map<string, Embed>();
  const files = new Map<string, string>();
  for (const film of films) {
    const slug = film.source.slug;
    const iri = minter.film(slug).value;
    const embed = filmEmbed(quads, iri);
    embeds.set(slug, embed);
    files.set(`${PAGES_DIR}/${slug}.html`, filmPage(film, embed, iri));
    files.set(`${PAGES_DIR}/${slug}.jsonld`, embedFileText(embed));
  }
  files.set(`${PAGES_DIR}/index.html`, indexPage(films));
  return { embeds, files };
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
