// Where an entity's HTML page lives, the one contract shared by the film pages (which link to entities), the static
// entity pages `filmkg build` writes and the pages `filmkg serve` answers: an IRI under the base has its page at its
// local path plus `.html` (`https://filmkg.example/person/Nicolas_Cage` → `person/Nicolas_Cage.html`), a film at
// `films/{slug}.html`. `filmkg serve` answers both paths, so the same relative links work on disk and over HTTP.
//
// Two spellings of a page's path. A browser (or a static file server) decodes a link's percent-escapes once before it
// reaches the file system, so the *file* on disk is named with the IRI's escapes decoded (`person/Lila_Cazès.html`,
// `person/John_O'Brien.html`), and the *href* is that name percent-encoded again, which for every ordinary name is the
// IRI's own path (`person/Lila_Caz%C3%A8s.html`). Escapes that must not be decoded stay escapes in the file name:
// `/` and `\` (a name such as "20/20 Awards" would become a folder), `%` and `_` (so that no two IRIs share a file:
// the minter writes spaces `_` and a real `_` `%5F`), the letters, digits and `-.~` (never escaped by the minter, so an
// escaped one is another IRI), control characters and `<>:"|?*` (not allowed in Windows file names). Their `%` is
// itself escaped in the href (`award/20%252F20_Awards.html` for the file `award/20%2F20_Awards.html`).

/** The local path of an IRI under `base` (`person/Nicolas_Cage`), or undefined for IRIs elsewhere or unsafe paths. */
export function localPathOf(iri: string, base: string): string | undefined {
  if (!iri.startsWith(base)) return undefined;
  const path = iri.slice(base.length);
  // Empty, `.`/`..` segments, a leading slash or backslash, a query or fragment: no page of ours.
  if (path === '' || /^[/\\]/.test(path) || /[?#\\]/.test(path) || path.split('/').some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return path;
}

/** Characters whose escapes stay escapes in a file name (see the header). */
const KEEP_ESCAPED = /[A-Za-z0-9\-._~/\\%<>:"|?*\u0000-\u001f\u007f]/;

/** One IRI path segment as a file name: its escapes decoded, except those of KEEP_ESCAPED characters. */
function fileSegment(segment: string): string {
  // Runs of escapes decode together (a UTF-8 character is several); a run that is not UTF-8 stays as it is.
  return segment.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    let text: string;
    try {
      text = decodeURIComponent(run);
    } catch {
      return run.toUpperCase();
    }
    return Array.from(text, (c) => (KEEP_ESCAPED.test(c) ? encodeUtf8(c) : c)).join('');
  });
}

/** `c` as upper-case UTF-8 percent-escapes, `!*'()` included (encodeURIComponent leaves those raw). */
function encodeUtf8(c: string): string {
  const encoded = encodeURIComponent(c);
  return encoded === c ? `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encoded;
}

/** One file-name segment as a URL path segment: `%` and every character but `A–Z a–z 0–9 - . _ ~` escaped. */
function hrefSegment(name: string): string {
  // By code point (`u`), as the minter escapes a character's UTF-8 bytes together.
  return name.replace(/[^A-Za-z0-9\-._~]/gu, encodeUtf8);
}

/**
 * The local IRI path a file path names (inverse of the file naming): every character but `A–Z a–z 0–9 - . _ ~` and the
 * escapes kept in file names is percent-encoded (upper case), as the minter writes IRIs.
 */
export function localPathOfFile(file: string): string {
  return file
    .split('/')
    .map((segment) =>
      segment
        .replace(/%(?![0-9A-Fa-f]{2})/g, '%25')
        .replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase())
        .replace(/[^A-Za-z0-9\-._~%]/gu, (c) => encodeUtf8(c)),
    )
    .join('/');
}

/** The page's file path (relative to the site's root, no leading slash): what `filmkg build` writes, decoded names. */
export function pageFileOf(iri: string, base: string): string | undefined {
  const path = localPathOf(iri, base);
  if (path === undefined) return undefined;
  const film = /^film\/([^/]+)$/.exec(path);
  return film ? `films/${fileSegment(film[1] as string)}.html` : fileOfLocalPath(path);
}

/** The file of a local IRI path's own page (`person/Lila_Caz%C3%A8s` → `person/Lila_Cazès.html`), films included. */
export function fileOfLocalPath(path: string): string {
  return `${path.split('/').map(fileSegment).join('/')}.html`;
}

/** A page's file path as a URL path (the href of the file): each segment percent-encoded, `%` included. */
export function hrefOfFile(file: string): string {
  return file.split('/').map(hrefSegment).join('/');
}

/**
 * The page path (relative to the site's root, no leading slash) of an entity IRI, as a URL path: `films/{slug}.html` for
 * a film itself, the IRI's local path plus `.html` for other ordinary names (see the header for the escapes that differ).
 */
export function pagePathOf(iri: string, base: string): string | undefined {
  const file = pageFileOf(iri, base);
  return file === undefined ? undefined : hrefOfFile(file);
}

/**
 * The href from the page at `fromPage` (a page path such as `films/leaving-las-vegas.html`) to the page of `iri`,
 * relative so it works from `out/` on disk and from `filmkg serve` alike; undefined when the IRI has no page here.
 */
export function entityHref(iri: string, base: string, fromPage: string): string | undefined {
  const target = pagePathOf(iri, base);
  if (target === undefined) return undefined;
  return relativeHref(fromPage, target);
}

/** The relative href from the page at `fromPage` to the root-relative path `target` (both URL paths, no leading slash). */
export function relativeHref(fromPage: string, target: string): string {
  const depth = fromPage.split('/').length - 1;
  return '../'.repeat(depth) + target;
}
