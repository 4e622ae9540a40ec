// Web pages and dereferenceable IRIs for `filmkg serve`: /films/ (the pages `filmkg build` writes), /graph.{ttl,nt,jsonld},
// and every entity IRI under the base, answered by content negotiation (HTML, Turtle, JSON-LD, N-Triples).
import type { FilmFacts } from '../facts/model.js';
import { DEFAULT_BASE, IriMinter, checkBase } from '../iri.js';
import type { Quad } from '../rdf.js';
import type { EntityIndex } from '../web/entity-page.js';
import { send, sendError, type Route, type RouteContext } from './http.js';
import { negotiate } from './negotiate.js';
import { GRAPH_MEDIA_TYPES } from '../export/files.js';

/** Where the pages' graph comes from: the films (default: the bundled data/films) or a graph file (entities only, no film pages). */
export interface PagesOptions {
  filmsDir?: string;
  graphFile?: string;
  base?: string;
  /** Already loaded films (tests); skips loading. */
  films?: readonly FilmFacts[];
  /** The graph already built from `films` (or read from `graphFile`), so it is not built again. */
  quads?: readonly Quad[];
}

/** The RDF formats an entity is served in, by media type, with their suffix and `format=` names. */
const RDF_FORMATS = [
  { type: 'text/turtle', suffix: '.ttl', names: ['ttl', 'turtle'] },
  { type: 'application/ld+json', suffix: '.jsonld', names: ['jsonld', 'json-ld', 'json'] },
  { type: 'application/n-triples', suffix: '.nt', names: ['nt', 'ntriples', 'n-triples'] },
] as const;
const HTML = { type: 'text/html', suffix: '.html', names: ['html'] } as const;
/** Offered in this order: Turtle first, so `*\/*` (curl, RDF clients) gets Turtle; browsers ask for text/html by name. */
const FORMATS = [RDF_FORMATS[0], HTML, RDF_FORMATS[1], RDF_FORMATS[2]] as const;
type Format = (typeof FORMATS)[number];
const OFFERED = FORMATS.map((f) => f.type);

function charset(type: string): string {
  return type === 'application/n-triples' ? type : `${type}; charset=utf-8`;
}

/** The graph, indexed for descriptions, with the pages rendered once. */
class Site {
  readonly bySubject = new Map<string, Quad[]>();
  readonly firstSegments = new Set<string>();
  readonly filmSlugs = new Map<string, string>();
  private readonly cache = new Map<string, string>();
  private readonly minter: IriMinter;

  constructor(
    readonly quads: readonly Quad[],
    readonly base: string,
    readonly pages: ReadonlyMap<string, string>,
    films: readonly FilmFacts[],
    /** Each page's own Content-Security-Policy (a film page allows its poster's image origins). */
    readonly policies: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const q of quads) {
      const list = this.bySubject.get(q.subject.value);
      if (list) list.push(q);
      else this.bySubject.set(q.subject.value, [q]);
    }
    for (const iri of this.bySubject.keys()) {
      if (iri.startsWith(base)) this.firstSegments.add(iri.slice(base.length).split(/[/#]/)[0] ?? '');
    }
    this.minter = new IriMinter(base);
    for (const f of films) this.filmSlugs.set(this.minter.film(f.source.slug).value, f.source.slug);
  }

  /** Triples with `iri` as subject, plus those of the content-named nodes (statements, references, values) it points at. */
  describe(iri: string): Quad[] {
    const own = this.bySubject.get(iri) ?? [];
    const out = [...own];
    const seen = new Set<string>([iri]);
    for (const q of own) {
      const o = q.object;
      if ((o.termType === 'BlankNode' || (o.termType === 'NamedNode' && this.minter.isContentNamed(o.value))) && !seen.has(o.value)) {
        seen.add(o.value);
        out.push(...(this.bySubject.get(o.value) ?? []));
      }
    }
    return out;
  }

  private entityIndex: EntityIndex | undefined;

  /** The graph indexed for entity pages (built on the first page asked for); films with a film page link to it. */
  async entities(): Promise<EntityIndex> {
    if (this.entityIndex === undefined) {
      const { EntityIndex } = await import('../web/entity-page.js');
      const filmPages = new Set([...this.filmSlugs].filter(([, slug]) => this.pages.has(`films/${slug}.html`)).map(([iri]) => iri));
      this.entityIndex = new EntityIndex(this.quads, this.base, { filmPages });
    }
    return this.entityIndex;
  }

  /** A serialisation computed once per key. */
  async cached(key: string, make: () => Promise<string> | string): Promise<string> {
    let text = this.cache.get(key);
    if (text === undefined) {
      text = await make();
      this.cache.set(key, text);
    }
    return text;
  }
}

async function serialize(quads: readonly Quad[], type: string): Promise<string> {
  const format = type === 'text/turtle' ? 'turtle' : type === 'application/n-triples' ? 'ntriples' : 'jsonld';
  return (await import('../export/serialize.js')).serializeGraph(quads, format);
}

/** Loads the graph and renders the pages: from the films (as `filmkg build` does) or from a graph file. */
async function loadSite(options: PagesOptions): Promise<Site> {
  const base = checkBase(options.base ?? DEFAULT_BASE);
  if (options.graphFile !== undefined) {
    const { readRdfFile } = await import('../rdf-file.js');
    return new Site(options.quads ?? readRdfFile(options.graphFile), base, new Map(), []);
  }
  const [{ loadFilms }, { buildGraph }, { renderWebFiles }] = await Promise.all([import('../pipeline.js'), import('../graph.js'), import('../web/step.js')]);
  const films = options.films ?? (await loadFilms(options.filmsDir));
  const quads = options.quads ?? buildGraph(films, { base });
  const web = renderWebFiles(films, quads, base);
  return new Site(quads, base, web.files, films, web.policies);
}

function chooseFormat(ctx: RouteContext, allowed: readonly Format[]): Format | undefined | 'bad-format' {
  const asked = ctx.url.searchParams.get('format');
  if (asked !== null) return allowed.find((f) => (f.names as readonly string[]).includes(asked.toLowerCase()) || f.type === asked) ?? 'bad-format';
  // Plain JSON clients get JSON-LD.
  const accept = ctx.req.headers.accept?.replace(/application\/json(?![\w+.-])/gi, 'application/ld+json');
  const type = negotiate(accept, allowed.map((f) => f.type));
  return allowed.find((f) => f.type === type);
}

function notAcceptable(ctx: RouteContext, allowed: readonly Format[]): void {
  sendError(ctx.res, 406, `no acceptable format; offered: ${allowed.map((f) => f.type).join(', ')} (Accept header, a ${allowed.map((f) => f.suffix).join('/')} suffix, or ?format=${allowed.map((f) => f.names[0]).join('|')})`);
}

/**
 * The request path in the IRIs' own spelling: raw UTF-8 bytes (which Node hands over as Latin-1) and
 * characters the minter percent-encodes (`'`, `,`, `&`, `(`, `)`, `!`, `*` …) are encoded, and escapes are upper case,
 * so `/person/John_O'Brien`, `/place/Washington,_DC` and `/person/Lila_Caz%c3%a8s` find `John_O%27Brien`,
 * `Washington%2C_DC` and `Lila_Caz%C3%A8s`.
 */
function canonicalPath(ctx: RouteContext): string {
  const raw = (ctx.req.url ?? '/').split('?')[0] ?? '/';
  let pathname: string;
  try {
    pathname = new URL(Buffer.from(raw, 'latin1').toString('utf8'), 'http://localhost').pathname;
  } catch {
    pathname = ctx.url.pathname;
  }
  // The minter encodes every character but `A–Z a–z 0–9 - . ~` (and writes spaces `_`); the URL parser leaves
  // sub-delimiters such as `,` `'` `&` `+` `:` `@` raw, so they are encoded here, and a `%` that starts no escape is `%25`.
  return pathname
    .replace(/%(?![0-9a-f]{2})/gi, '%25')
    .replace(/%[0-9a-f]{2}/gi, (e) => e.toUpperCase())
    .replace(/[^A-Za-z0-9\-._~/%]/g, (c) => encodeURIComponent(c).replace(/[!*'()]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`));
}

/**
 * The entity IRI a page path names, as `filmkg build` writes pages (src/web/links.ts): the path decoded once, as a
 * browser or file server does before it opens the file, is the page's file name (`/award/20%252F20_Awards.html` →
 * `award/20%2F20_Awards.html`), which names the IRI `award/20%2F20_Awards`. Undefined for paths that are no `.html`.
 */
async function iriOfPagePath(site: Site, path: string): Promise<string | undefined> {
  if (!path.endsWith('.html')) return undefined;
  const { localPathOfFile } = await import('../web/links.js');
  try {
    const file = path.slice(1, -'.html'.length).split('/').map(decodeURIComponent).join('/');
    return site.base + localPathOfFile(file);
  } catch {
    return undefined;
  }
}

/** The routes for pages and entity IRIs, loaded from `options`. */
export async function pageRoutes(options: PagesOptions = {}): Promise<Route[]> {
  const site = await loadSite(options);
  const GRAPH_PATHS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(GRAPH_MEDIA_TYPES).map(([file, type]) => [`/${file}`, type]));

  const pages: Route = {
    name: 'pages',
    matches: (method, pathname) => (method === 'GET' || method === 'HEAD') && (pathname === '/films' || pathname.startsWith('/films/') || pathname in GRAPH_PATHS),
    async handle(ctx) {
      // HEAD: the same call as GET; Node sends the headers (Content-Length of the full body) and drops the body.
      const { res, url } = ctx;
      if (url.pathname === '/films') return send(res, 301, 'text/plain; charset=utf-8', 'see /films/\n', { location: '/films/' });
      const graphType = GRAPH_PATHS[url.pathname];
      if (graphType !== undefined) {
        const text = await site.cached(`graph ${graphType}`, () => serialize(site.quads, graphType));
        return send(res, 200, charset(graphType), text);
      }
      const name = url.pathname === '/films/' ? 'films/index.html' : url.pathname.slice(1);
      const text = site.pages.get(name);
      if (text === undefined) {
        const known = [...site.pages.keys()].filter((k) => k.endsWith('.html')).sort().map((k) => `/${k}`);
        return sendError(res, 404, `no page at ${url.pathname}; pages: ${known.length > 0 ? known.join(', ') : 'none (film pages are built from the films; this server was started with --graph)'}`);
      }
      // A page's header policy is its <meta> policy (the two must agree, or the image the page allows is blocked) plus framing.
      const policy = site.policies.get(name);
      const headers: Record<string, string> = policy !== undefined ? { 'content-security-policy': `${policy}; frame-ancestors 'none'` } : {};
      send(res, 200, name.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/ld+json; charset=utf-8', text, headers);
    },
  };

  const entities: Route = {
    name: 'entities',
    matches: (method, pathname) => (method === 'GET' || method === 'HEAD') && site.firstSegments.has(pathname.slice(1).split('/')[0] ?? ''),
    async handle(ctx) {
      const { res } = ctx;
      let path = canonicalPath(ctx);
      let fixed: Format | undefined;
      let iri = site.base + path.slice(1);
      // A page path as `filmkg build` writes it (the same relative links work on disk and here) comes first.
      const pageIri = await iriOfPagePath(site, path);
      if (pageIri !== undefined && site.bySubject.has(pageIri)) {
        fixed = HTML;
        iri = pageIri;
        path = `/${pageIri.slice(site.base.length)}`;
      } else if (!site.bySubject.has(iri)) {
        // A suffix names the format (`/person/Nicolas_Cage.ttl`), when the IRI without it is an entity.
        const byExtension = FORMATS.find((f) => path.endsWith(f.suffix) && site.bySubject.has(site.base + path.slice(1, -f.suffix.length)));
        if (byExtension) {
          fixed = byExtension;
          path = path.slice(0, -byExtension.suffix.length);
          iri = site.base + path.slice(1);
        }
      }
      if (!site.bySubject.has(iri)) return sendError(res, 404, `no entity <${iri}> in the graph (paths under / name IRIs under ${site.base})`);
      const chosen = fixed ?? chooseFormat(ctx, FORMATS);
      if (chosen === undefined || chosen === 'bad-format') return notAcceptable(ctx, FORMATS);
      const alternates = RDF_FORMATS.map((f) => `<${path}${f.suffix}>; rel="alternate"; type="${f.type}"`).join(', ');
      const headers = { link: alternates, 'content-location': `${path}${chosen.suffix}` };
      if (chosen.type === 'text/html') {
        const slug = site.filmSlugs.get(iri);
        if (slug !== undefined && site.pages.has(`films/${slug}.html`)) {
          return send(res, 303, 'text/plain; charset=utf-8', `see /films/${slug}.html\n`, { location: `/films/${slug}.html` });
        }
        const { entityPage } = await import('../web/entity-page.js');
        const index = await site.entities();
        const html = await site.cached(`html ${iri}`, () => entityPage(index, iri, { formats: true }));
        return send(res, 200, 'text/html; charset=utf-8', html, headers);
      }
      const text = await site.cached(`${chosen.type} ${iri}`, () => serialize(site.describe(iri), chosen.type));
      send(res, 200, charset(chosen.type), text, headers);
    },
  };
  return [pages, entities];
}
