// The HTML page of a film (its whole record, read from the checked facts) and the index of films; the embed goes in the
// head. A table of contents, the poster, static SVG pictures (src/web/svg/) and links to every entity's page.
import type { Accolade, FilmFacts, Money, Track } from '../facts/model.js';
import { IriMinter } from '../iri.js';
import { resultMapping } from '../map/accolades.js';
import type { NamedNode } from '../rdf.js';
import type { Embed } from './embed.js';
import { WIKIMEDIA_UPLOAD_ORIGIN, el, esc, h, link, page, raw, table, type Html, type Part } from './html.js';
import { accoladesChart, type BodyTally } from './svg/accolades.js';
import { moneyChart } from './svg/money.js';
import { timelineChart, type ReleaseMark } from './svg/timeline.js';
import { tracksChart } from './svg/tracks.js';

/** Where a film page links to, relative to the page (the build writes pages into films/, graph files one level up). */
export interface PageLinks {
  readonly turtle: string;
  readonly ntriples: string;
  readonly jsonld: string;
  readonly embed: string;
  readonly index: string;
  /** When set, one link to the whole graph in place of the three graph files (the streamed build of many films writes N-Triples shards, not graph.*). */
  readonly wholeGraph?: { readonly href: string; readonly text: string };
}

/**
 * The href of an entity's page from this page, or undefined when the graph has no such entity (the build step and the
 * server give one backed by the graph and src/web/links.ts; without it nothing is linked).
 */
export type EntityHref = (iri: string) => string | undefined;

/** The links of a page written as `films/<slug>.html` next to `graph.*` in the output folder. */
export function defaultLinks(slug: string): PageLinks {
  return { turtle: '../graph.ttl', ntriples: '../graph.nt', jsonld: '../graph.jsonld', embed: `${slug}.jsonld`, index: 'index.html' };
}

/** Code-unit order of two strings. */
const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A date of year, month or day precision as a `<time>` element (`27 October 1995`). */
function date(iso: string): Html {
  const [y, m, d] = iso.split('-');
  const month = m !== undefined ? MONTHS[Number(m) - 1] : undefined;
  const text = [d !== undefined ? String(Number(d)) : undefined, month, y].filter(Boolean).join(' ');
  return el('time', { datetime: iso }, text);
}

/** `PT4M2S` → `4:02`; `PT1H51M` → `1:51:00`. */
function clock(duration: string): string {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration);
  if (!m) return duration;
  const [hours, minutes, seconds] = [Number(m[1] ?? 0), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

function list(items: readonly string[]): string {
  return items.join(', ');
}

function money(m: Money | undefined): string | undefined {
  return m?.text;
}

/** Joins parts with `, `. */
function joined(parts: readonly Part[]): Html {
  return h(parts.map((p, i) => (i === 0 ? p : h(', ', p))));
}

/** Names linked to their entity's page: each name is tried as the IRIs given (a person, then an organisation …). */
class Linker {
  readonly minter: IriMinter;
  constructor(
    readonly film: FilmFacts,
    private readonly href: EntityHref,
    base?: string,
  ) {
    this.minter = new IriMinter(base);
  }

  /** `text` linked to the first of `iris` that has a page; plain text when none has. */
  to(text: string, ...iris: NamedNode[]): Html {
    for (const iri of iris) {
      const href = this.href(iri.value);
      if (href !== undefined) return el('a', { href, class: 'entity' }, text);
    }
    return h(text);
  }

  /** A person or group (the graph makes groups organisations). */
  agent(name: string): Html {
    return this.to(name, this.minter.person(name), this.minter.organization(name));
  }

  /** An organisation (or a person, where the article's organisation is one). */
  org(name: string): Html {
    return this.to(name, this.minter.organization(name), this.minter.person(name));
  }

  agents(names: readonly string[]): Html {
    return joined(names.map((n) => this.agent(n)));
  }

  /** A thing of this film (`film/{slug}/{part}/…`). */
  inFilm(text: string, part: string, ...names: Array<string | number>): Html {
    return this.to(text, this.minter.inFilm(this.film.source.slug, part, ...names));
  }
}

const ROLE_LABELS: Readonly<Record<string, string>> = {
  director: 'Directed by',
  screenwriter: 'Screenplay by',
  story: 'Story by',
  producer: 'Produced by',
  starring: 'Starring',
  narrator: 'Narrated by',
  cinematographer: 'Cinematography',
  editor: 'Edited by',
  composer: 'Music by',
};

/** A section of the page: its id (`{id}-section`, the table of contents' target) and heading. */
interface Section {
  readonly id: string;
  readonly title: string;
  readonly html: Html;
}

function section(id: string, title: string, ...content: Parameters<typeof h>): Section {
  return { id, title, html: el('section', { id: `${id}-section`, 'aria-labelledby': `${id}-heading` }, el('h2', { id: `${id}-heading` }, title), ...content) };
}

function definitions(rows: readonly (readonly [string, Html | string | undefined])[]): Html {
  return el(
    'dl',
    { class: 'facts' },
    rows.filter(([, v]) => v !== undefined && v !== '' && !(typeof v === 'object' && v.html === '')).map(([k, v]) => h(el('dt', {}, k), el('dd', {}, v))),
  );
}

/** A picture in a figure with a caption saying where its figures come from. */
function picture(chart: Html | undefined, caption: string): Html | undefined {
  return chart ? el('figure', { class: 'picture' }, chart, el('figcaption', {}, caption)) : undefined;
}

function credits(film: FilmFacts, l: Linker): Section {
  const byRole = new Map<string, string[]>();
  for (const c of film.credits) {
    const names = byRole.get(c.role) ?? [];
    if (!names.includes(c.person)) names.push(c.person);
    byRole.set(c.role, names);
  }
  const orgs = (role: string) => joined(film.organisations.filter((o) => o.role === role).map((o) => h(l.org(o.name), o.region ? ` (${o.region})` : '')));
  const b = film.basedOn;
  const basedOn = b
    ? h(b.form ? `${b.form} ` : '', l.to(b.title, l.minter.work(b.title, b.author)), b.author ? h(' by ', l.agent(b.author)) : '', b.year ? ` (${b.year})` : '')
    : undefined;
  return section(
    'credits',
    'Credits',
    definitions([
      ...[...byRole].map(([role, names]) => [ROLE_LABELS[role] ?? role, l.agents(names)] as const),
      ['Based on', basedOn],
      ['Production companies', orgs('production-company')],
      ['Distributed by', orgs('distributor')],
      ['Country', list(film.countries.map((c) => c.value))],
      ['Language', list(film.languages.map((x) => x.value))],
      ['Running time', film.runningTime ? `${film.runningTime.minutes} minutes` : undefined],
      ['Budget', money(film.budget)],
      ['Box office', money(film.boxOffice)],
    ]),
  );
}

/** Budget against box office, when both are in one currency. */
function moneySection(film: FilmFacts): Section | undefined {
  const { budget, boxOffice } = film;
  if (!budget || !boxOffice || budget.currency !== boxOffice.currency) return undefined;
  const chart = moneyChart(budget.currency, budget, boxOffice);
  return chart ? section('money', 'Budget and box office', picture(chart, 'Budget and gross as the infobox gives them, on one scale; a range is pale above its lower bound.')) : undefined;
}

function cast(film: FilmFacts, l: Linker): Section {
  const rows = film.cast.map((c) => [l.agent(c.actor), c.character !== undefined ? l.inFilm(c.character, 'character', c.character) : '', list(c.characterAliases)]);
  const others = film.characters.filter((ch) => !film.cast.some((c) => c.character === ch.name));
  return section(
    'cast',
    'Cast and characters',
    table('cast', `${rows.length} cast members`, ['Actor', 'Character', 'Also called'], rows),
    others.length > 0 ? el('p', {}, 'Other characters named in the article: ', joined(others.map((ch) => l.inFilm(ch.name, 'character', ch.name))), '.') : undefined,
  );
}

/** The theatrical releases, one per date and kind (as the graph has one event each), with their places. */
function theatricalReleases(film: FilmFacts): { date: string; kind: string; places: string[] }[] {
  const merged = new Map<string, { date: string; kind: string; places: string[] }>();
  for (const r of film.releases) {
    const key = `${r.date}\u0000${r.kind ?? ''}`;
    const entry = merged.get(key) ?? { date: r.date, kind: r.kind ?? '', places: [] };
    if (r.place && !entry.places.includes(r.place)) entry.places.push(r.place);
    merged.set(key, entry);
  }
  // Dates are `YYYY-MM-DD` (src/facts/model.ts), where code-unit order is localeCompare's, without loading a collator.
  return [...merged.values()].sort((a, b) => compareCodeUnits(a.date, b.date));
}

function releases(film: FilmFacts, l: Linker): Section {
  const theatrical = theatricalReleases(film);
  const marks: ReleaseMark[] = [
    ...theatrical.map((r): ReleaseMark => ({ date: r.date, kind: 'theatrical', label: `${r.kind !== '' ? `${r.kind} release` : 'Release'}${r.places.length > 0 ? ` (${list(r.places)})` : ''}` })),
    ...film.homeMedia.map((m): ReleaseMark => ({ ...(m.date !== undefined ? { date: m.date } : {}), kind: 'home-media', label: m.format })),
  ];
  const home = film.homeMedia.map((m) => [m.format, m.date ? date(m.date) : '', list(m.languages), list(m.regions), m.distributor ? l.org(m.distributor) : '']);
  return section(
    'releases',
    'Releases',
    picture(timelineChart(marks), 'Every release on one time axis: circles in cinemas, squares on home media.'),
    table('releases', 'Theatrical releases', ['Date', 'Kind', 'Where'], theatrical.map((r) => [date(r.date), r.kind, list(r.places)])),
    home.length > 0 ? table('home-media', 'Home media', ['Format', 'Date', 'Languages', 'Regions', 'Distributor'], home) : undefined,
  );
}

function reception(film: FilmFacts, l: Linker): Section {
  const scores = film.reviewScores.map((s) => [l.org(s.aggregator), s.score, s.reviewCount !== undefined ? `${s.reviewCount} ${s.countUnit ?? 'reviews'}` : '', s.verdict ?? s.consensus ?? '']);
  const reviews = film.reviews.map((r) =>
    el(
      'li',
      {},
      el('strong', {}, l.agent(r.critic)),
      r.publication ? h(' (', el('cite', {}, l.org(r.publication)), ')') : undefined,
      // The critic's own rating, with its scale as the article writes it (schema:reviewRating in the graph).
      r.rating !== undefined ? h(': ', el('data', { class: 'rating', value: `${r.rating.value}/${r.rating.best}` }, `${r.rating.value} of ${r.rating.best}`)) : undefined,
      r.quote !== undefined ? el('blockquote', {}, r.quote) : r.summary !== undefined ? h(': ', r.summary) : undefined,
    ),
  );
  const lists = film.bestOfLists.map((x) => el('li', {}, l.agent(x.author), ': ', l.to(x.list, l.minter.list(x.author, x.list)), x.rank !== undefined ? ` (number ${x.rank})` : ''));
  return section(
    'reception',
    'Reception',
    scores.length > 0 ? table('ratings', 'Review aggregators', ['Aggregator', 'Score', 'Counted', 'Verdict or consensus'], scores) : undefined,
    reviews.length > 0 ? h(el('h3', {}, 'Critics'), el('ul', { class: 'reviews' }, reviews)) : undefined,
    lists.length > 0 ? h(el('h3', {}, 'Lists'), el('ul', {}, lists)) : undefined,
  );
}

function result(a: Accolade): Html {
  return el('span', { class: a.result === 'Won' ? 'won' : undefined }, a.result);
}

/** Wins (rows that map to award received, P166) and nominations (the rest, P1411) per award body, in first-row order. */
export function bodyTallies(accolades: readonly Accolade[]): BodyTally[] {
  const tallies = new Map<string, { body: string; wins: number; nominations: number }>();
  for (const a of [...accolades].sort((x, y) => x.row - y.row)) {
    const t = tallies.get(a.body) ?? { body: a.body, wins: 0, nominations: 0 };
    if (resultMapping(a).pid === 'P166') t.wins += 1;
    else t.nominations += 1;
    tallies.set(a.body, t);
  }
  return [...tallies.values()];
}

function accolades(film: FilmFacts, l: Linker): Section {
  const rows = [...film.accolades]
    .sort((a, b) => a.row - b.row)
    .map((a) => [
      l.to(a.body, l.minter.awardBody(a.body)),
      l.to(a.category, l.minter.award(a.body, a.category)),
      h(a.recipients.length > 0 ? l.agents(a.recipients) : film.title.value, a.work !== undefined ? h(' for ', l.inFilm(a.work, 'work', a.work)) : ''),
      result(a),
    ]);
  const won = film.accolades.filter((a) => a.result === 'Won').length;
  return section(
    'accolades',
    'Accolades',
    picture(accoladesChart(bodyTallies(film.accolades)), 'Rows of the accolades table per award body: awards received, then nominations (placings below first count as nominations).'),
    table('accolades', `${rows.length} awards and nominations, ${won} won`, ['Award', 'Category', 'Recipient', 'Result'], rows),
  );
}

function trackRow(t: Track, l: Linker): Html[] {
  const performers = t.speakers.length > 0 ? joined(t.speakers.map((sp) => h(l.agent(sp.actor), ` (${sp.character})`))) : l.agents(t.performers);
  return [h(String(t.number)), h(l.inFilm(t.title, 'soundtrack', 'track', t.number), t.dialogue ? ' (dialogue)' : ''), l.agents(t.writers), performers, h(t.duration ? clock(t.duration) : '')];
}

function soundtrack(film: FilmFacts, l: Linker): Section | undefined {
  const s = film.soundtrack;
  if (!s) return undefined;
  const tracks = [...s.tracks].sort((a, b) => a.number - b.number);
  return section(
    'soundtrack',
    'Soundtrack',
    s.description !== undefined ? el('p', {}, s.description) : undefined,
    definitions([
      ['Album', l.inFilm(s.title ?? `${film.title.value} (soundtrack)`, 'soundtrack')],
      ['Released', s.releaseDate ? date(s.releaseDate) : undefined],
      ['Not on the album', list(s.notIncluded.map((n) => (n.performer ? `${n.title} (${n.performer})` : n.title)))],
    ]),
    picture(
      tracksChart(tracks.map((t) => ({ position: t.number, title: t.title, ...(t.duration !== undefined ? { duration: t.duration } : {}) }))),
      'The album in running order: each bar as long as its track, with the time it starts at.',
    ),
    table('soundtrack', `${tracks.length} tracks`, ['#', 'Title', 'Written by', 'Performed by', 'Length'], tracks.map((t) => trackRow(t, l))),
  );
}

function references(film: FilmFacts): Section {
  const items = [...film.references]
    .sort((a, b) => a.number - b.number)
    .map((r) =>
      el(
        'li',
        { id: `ref-${r.number}`, value: r.number },
        r.authors.length > 0 ? `${list(r.authors)}. ` : '',
        r.title !== undefined ? h('“', r.title, '”. ') : '',
        r.publication !== undefined ? h(el('cite', {}, r.publication), '. ') : '',
        r.publisher !== undefined ? `${r.publisher}. ` : '',
        r.place !== undefined ? `${r.place}. ` : '',
        r.date !== undefined ? h(date(r.date), '. ') : '',
        r.identifiers.map((i) => `${i.scheme} ${i.value}. `),
        r.retrieved !== undefined ? h('Retrieved ', date(r.retrieved), '. ') : '',
        r.archived !== undefined ? h('Archived ', date(r.archived), '.') : '',
      ),
    );
  const notes = film.footnotes.map((n) => el('li', { id: `note-${n.id}` }, `[${n.id}] ${n.text}`));
  return section('references', 'References', el('ol', { class: 'refs' }, items), notes.length > 0 ? h(el('h3', {}, 'Notes'), el('ul', {}, notes)) : undefined);
}

function source(film: FilmFacts, links: PageLinks): Section {
  const s = film.source;
  return section(
    'source',
    'Source and licence',
    el('p', {}, s.attribution),
    definitions([
      ['Article', link(s.url, s.title)],
      ['Revision', s.revision ? date(s.revision.dateTime.slice(0, 10)) : 'unknown'],
      ['Retrieved', s.retrieved !== undefined ? date(s.retrieved) : 'unknown'],
      ['Licence', link(s.licence.url, s.licence.name)],
    ]),
    el('p', {}, 'This page and the data below are derived from the article and shared under the same licence.'),
    el(
      'ul',
      { class: 'links' },
      links.wholeGraph
        ? el('li', {}, link(links.wholeGraph.href, links.wholeGraph.text), ' (whole graph)')
        : [el('li', {}, link(links.turtle, 'Turtle'), ' (whole graph)'), el('li', {}, link(links.ntriples, 'N-Triples'), ' (whole graph)'), el('li', {}, link(links.jsonld, 'JSON-LD'), ' (whole graph)')],
      el('li', {}, link(links.embed, 'schema.org JSON-LD'), ' (this film, as embedded in this page)'),
    ),
  );
}

/** The table of contents: a link to each section, in page order. */
function contents(sections: readonly Section[]): Html {
  return el('nav', { class: 'toc', 'aria-label': 'Contents' }, el('h2', { id: 'contents-heading' }, 'Contents'), el('ol', {}, sections.map((s) => el('li', {}, link(`#${s.id}-section`, s.title)))));
}

/** The poster's image URL (on the article's wiki, as the graph's schema:contentUrl has it), when the article names one. */
export function posterUrl(film: FilmFacts): string | undefined {
  return film.image ? new IriMinter().wikiFileUrl(film.source.url, film.image.file).value : undefined;
}

/** The origins a film page loads images from: the poster's wiki and where its Special:FilePath redirects. */
export function imageOrigins(film: FilmFacts): string[] {
  const url = posterUrl(film);
  return url !== undefined ? [new URL(url).origin, WIKIMEDIA_UPLOAD_ORIGIN] : [];
}

/**
 * The poster: the image over a text card of the same size. Loaded, the image covers the card; offline, an `<img>` with
 * an empty alt draws nothing (no broken-image icon), so the card shows the title and the caption. The frame carries the
 * accessible name; no script or inline handler is involved (the policy forbids them).
 */
function poster(film: FilmFacts): Html | undefined {
  const url = posterUrl(film);
  if (!film.image || url === undefined) return undefined;
  const caption = film.image.caption ?? 'Poster';
  const filePage = new IriMinter().wikiFile(film.source.url, film.image.file).value;
  return el(
    'figure',
    { class: 'poster', id: 'poster' },
    el(
      'div',
      { class: 'poster-frame', role: 'img', 'aria-label': `${caption}: ${film.title.value}` },
      el('div', { class: 'poster-fallback', 'aria-hidden': 'true' }, el('span', { class: 'poster-title' }, film.title.value), el('span', {}, caption)),
      // A broken image gets its ::after (browsers draw pseudo-elements only on images that failed): the card, over the icon.
      raw(`<img src="${esc(url)}" alt="" width="220" height="330" decoding="async" referrerpolicy="no-referrer" data-title="${esc(film.title.value)}" data-caption="${esc(caption)}">`),
    ),
    el('figcaption', {}, caption, ' (', link(filePage, film.image.file), ')'),
  );
}

/** The film's page: its whole record, with the embed in the head; names link to entity pages where `entityHref` gives one. */
export function filmPage(film: FilmFacts, embed: Embed, filmIri: string, links: PageLinks = defaultLinks(film.source.slug), entityHref: EntityHref = () => undefined, base?: string): string {
  const l = new Linker(film, entityHref, base);
  const title = film.title.value;
  const lead = [film.year ? String(film.year.value) : undefined, list(film.nationalities.map((n) => n.value)), list(film.genres.map((g) => g.value)), film.runningTime ? `${film.runningTime.minutes} min` : undefined]
    .filter((x) => x !== undefined && x !== '')
    .join(' · ');
  const sections = [credits(film, l), moneySection(film), cast(film, l), releases(film, l), reception(film, l), accolades(film, l), soundtrack(film, l), references(film), source(film, links)].filter(
    (s): s is Section => s !== undefined,
  );
  const body = h(
    el(
      'header',
      { class: film.image ? 'with-poster' : undefined },
      el('div', { class: 'intro' }, el('p', {}, link(links.index, 'All films')), el('h1', {}, title), el('p', { class: 'lead' }, lead), el('p', {}, 'Identifier: ', el('code', {}, filmIri)), contents(sections)),
      poster(film),
    ),
    raw('\n'),
    el('main', {}, sections.map((s) => s.html)),
    raw('\n'),
    el('footer', {}, el('p', {}, 'Generated by filmkg from the article text; every value is in the knowledge graph with its evidence.')),
  );
  return page({
    title: `${title}${film.year ? ` (${film.year.value})` : ''}`,
    description: `${title}: credits, cast, releases, reception, accolades, soundtrack and references.`,
    embed,
    body,
    imageOrigins: imageOrigins(film),
  });
}

/**
 * The index of films: one link per film page, with the films as a schema.org ItemList embed when one is given, and a
 * link to the whole graph (graph.ttl; the streamed build of many films links its shards' manifest instead).
 */
export function indexPage(
  films: ReadonlyArray<{ readonly source: { readonly slug: string }; readonly title: { readonly value: string }; readonly year?: { readonly value: number } | undefined }>,
  embed?: Embed,
  wholeGraph: { readonly href: string; readonly text: string } = { href: '../graph.ttl', text: 'The whole graph in Turtle' },
): string {
  const items = [...films]
    // Slugs are `[a-z0-9-]` (src/facts/model.ts), where code-unit order is localeCompare's.
    .sort((a, b) => compareCodeUnits(a.source.slug, b.source.slug))
    .map((f) => el('li', {}, link(`${f.source.slug}.html`, f.title.value), f.year ? ` (${f.year.value})` : ''));
  const body = h(el('header', {}, el('h1', {}, 'Films')), el('main', {}, el('ul', { id: 'films' }, items), el('p', {}, link(wholeGraph.href, wholeGraph.text))));
  return page({ title: 'Films', body, ...(embed ? { embed } : {}) });
}

/** Escapes text for HTML (re-exported for the server's entity pages). */
export { esc };
