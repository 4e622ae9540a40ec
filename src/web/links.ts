// Where an entity's HTML page lives, the one contract shared by the film pages (which link to entities), the static
// entity pages `filmkg build` writes and the pages `filmkg serve` answers: an IRI under the base has its page at its
// local path plus `.html` (`https://filmkg.example/person/Nicolas_Cage` → `person/Nicolas_Cage.html`), a film at
// `films/{slug}.html`. `filmkg serve` answers both paths, so the same relative links work on disk and over HTTP.

/** The local path of an IRI under `base` (`person/Nicolas_Cage`), or undefined for IRIs elsewhere or unsafe paths. */
export function localPathOf(iri: string, base: string): string | undefined {
  if (!iri.startsWith(base)) return undefined;
  const path = iri.slice(base.length);
  // Empty, `.`/`..` segments, a leading slash or backslash, a query or fragment: no page of ours.
  if (path === '' || /^[/\\]/.test(path) || /[?#\\]/.test(path) || path.split('/').some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return path;
}

/** The page path (relative to the site's root, no leading slash) of an entity IRI: `films/{slug}.html` for a film itself. */
export function pagePathOf(iri: string, base: string): string | undefined {
  const path = localPathOf(iri, base);
  if (path === undefined) return undefined;
  const film = /^film\/([^/]+)$/.exec(path);
  return film ? `films/${film[1]}.html` : `${path}.html`;
}

/**
 * The href from the page at `fromPage` (a page path such as `films/leaving-las-vegas.html`) to the page of `iri`,
 * relative so it works from `out/` on disk and from `filmkg serve` alike; undefined when the IRI has no page here.
 */
export function entityHref(iri: string, base: string, fromPage: string): string | undefined {
  const target = pagePathOf(iri, base);
  if (target === undefined) return undefined;
  const depth = fromPage.split('/').length - 1;
  return '../'.repeat(depth) + target;
}
