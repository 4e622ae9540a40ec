// The HTML page of a film (its whole record, read from the checked facts) and the index of films; the embed goes in the head.
import type { Accolade, FilmFacts, Money, Track } from '../facts/model.js';
import { IriMinter } from '../iri.js';
import type { Embed } from './embed.js';
import { el, esc, h, link, page, raw, table, type Html } from './html.js';

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

/** The links of a page written as `films/<slug>.html` next to `graph.*` in the output folder. */
export function defaultLinks(slug: string): PageLinks {
  return { turtle: '../graph.ttl', ntriples: '../graph.nt', jsonld: '../graph.jsonld', embed: `${slug}.jsonld`, index: 'index.html' };
}

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

function section(id: string, title: string, ...content: Parameters<typeof h>): Html {
  return el('section', { id: `${id}-section`, 'aria-labelledby': `${id}-heading` }, el('h2', { id: `${id}-heading` }, title), ...content);
}

function definitions(rows: readonly (readonly [string, Html | string | undefined])[]): Html {
  return el(
    'dl',
    { class: 'facts' },
    rows.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => h(el('dt', {}, k), el('dd', {}, v))),
  );
}

function credits(film: FilmFacts): Html {
  const byRole = new Map<string, string[]>();
  for (const c of film.credits) {
    const names = byRole.get(c.role) ?? [];
    if (!names.includes(c.person)) names.push(c.person);
    byRole.set(c.role, names);
  }
  const orgs = (role: string) => film.organisations.filter((o) => o.role === role).map((o) => (o.region ? `${o.name} (${o.region})` : o.name));
  const basedOn = film.basedOn ? `${film.basedOn.form ? `${film.basedOn.form} ` : ''}${film.basedOn.title}${film.basedOn.author ? ` by ${film.basedOn.author}` : ''}${film.basedOn.year ? ` (${film.basedOn.year})` : ''}` : undefined;
  return section(
    'credits',
    'Credits',
    definitions([
      ...[...byRole].map(([role, names]) => [ROLE_LABELS[role] ?? role, list(names)] as const),
      ['Based on', basedOn],
      ['Production companies', list(orgs('production-company'))],
      ['Distributed by', list(orgs('distributor'))],
      ['Country', list(film.countries.map((c) => c.value))],
      ['Language', list(film.languages.map((l) => l.value))],
      ['Running time', film.runningTime ? `${film.runningTime.minutes} minutes` : undefined],
      ['Budget', money(film.budget)],
      ['Box office', money(film.boxOffice)],
    ]),
  );
}

function cast(film: FilmFacts): Html {
  const rows = film.cast.map((c) => [c.actor, c.character ?? '', list(c.characterAliases)]);
  const others = film.characters.filter((ch) => !film.cast.some((c) => c.character === ch.name)).map((ch) => ch.name);
  return section(
    'cast',
    'Cast and characters',
    table('cast', `${rows.length} cast members`, ['Actor', 'Character', 'Also called'], rows),
    others.length > 0 ? el('p', {}, `Other characters named in the article: ${list(others)}.`) : undefined,
  );
}

function releases(film: FilmFacts): Html {
  const merged = new Map<string, { date: string; kind: string; places: string[] }>();
  for (const r of film.releases) {
    const key = `${r.date}\u0000${r.kind ?? ''}`;
    const entry = merged.get(key) ?? { date: r.date, kind: r.kind ?? '', places: [] };
    if (r.place && !entry.places.includes(r.place)) entry.places.push(r.place);
    merged.set(key, entry);
  }
  const theatrical = [...merged.values()].sort((a, b) => a.date.localeCompare(b.date)).map((r) => [date(r.date), r.kind, list(r.places)]);
  const home = film.homeMedia.map((m) => [m.format, m.date ? date(m.date) : '', list(m.languages), list(m.regions), m.distributor ?? '']);
  return section(
    'releases',
    'Releases',
    table('releases', 'Theatrical releases', ['Date', 'Kind', 'Where'], theatrical),
    home.length > 0 ? table('home-media', 'Home media', ['Format', 'Date', 'Languages', 'Regions', 'Distributor'], home) : undefined,
  );
}

function reception(film: FilmFacts): Html {
  const scores = film.reviewScores.map((s) => [s.aggregator, s.score, s.reviewCount !== undefined ? `${s.reviewCount} ${s.countUnit ?? 'reviews'}` : '', s.verdict ?? s.consensus ?? '']);
  const reviews = film.reviews.map((r) =>
    el(
      'li',
      {},
      el('strong', {}, r.critic),
      r.publication ? h(' (', el('cite', {}, r.publication), ')') : undefined,
      r.quote !== undefined ? el('blockquote', {}, r.quote) : r.summary !== undefined ? h(': ', r.summary) : undefined,
    ),
  );
  const lists = film.bestOfLists.map((l) => el('li', {}, `${l.author}: ${l.list}${l.rank !== undefined ? ` (number ${l.rank})` : ''}`));
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

function accolades(film: FilmFacts): Html {
  const rows = [...film.accolades].sort((a, b) => a.row - b.row).map((a) => [a.body, a.category, a.recipients.length > 0 ? list(a.recipients) : film.title.value, result(a)]);
  const won = film.accolades.filter((a) => a.result === 'Won').length;
  return section('accolades', 'Accolades', table('accolades', `${rows.length} awards and nominations, ${won} won`, ['Award', 'Category', 'Recipient', 'Result'], rows));
}

function trackRow(t: Track): Html[] {
  const performers = t.speakers.length > 0 ? t.speakers.map((s) => `${s.actor} (${s.character})`) : t.performers;
  return [h(String(t.number)), h(t.title, t.dialogue ? ' (dialogue)' : ''), h(list(t.writers)), h(list(performers)), h(t.duration ? clock(t.duration) : '')];
}

function soundtrack(film: FilmFacts): Html | undefined {
  const s = film.soundtrack;
  if (!s) return undefined;
  const rows = [...s.tracks].sort((a, b) => a.number - b.number).map(trackRow);
  return section(
    'soundtrack',
    'Soundtrack',
    s.description !== undefined ? el('p', {}, s.description) : undefined,
    definitions([
      ['Released', s.releaseDate ? date(s.releaseDate) : undefined],
      ['Not on the album', list(s.notIncluded.map((n) => (n.performer ? `${n.title} (${n.performer})` : n.title)))],
    ]),
    table('soundtrack', `${rows.length} tracks`, ['#', 'Title', 'Written by', 'Performed by', 'Length'], rows),
  );
}

function references(film: FilmFacts): Html {
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

function source(film: FilmFacts, links: PageLinks): Html {
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

/** The film's page: its whole record, with the embed in the head. */
export function filmPage(film: FilmFacts, embed: Embed, filmIri: string, links: PageLinks = defaultLinks(film.source.slug)): string {
  const title = film.title.value;
  const lead = [film.year ? String(film.year.value) : undefined, list(film.nationalities.map((n) => n.value)), list(film.genres.map((g) => g.value)), film.runningTime ? `${film.runningTime.minutes} min` : undefined]
    .filter((x) => x !== undefined && x !== '')
    .join(' · ');
  const poster = film.image
    ? el('p', { class: 'poster' }, 'Poster: ', link(new IriMinter().wikiFile(film.source.url, film.image.file).value, film.image.file), film.image.caption ? ` (${film.image.caption})` : '')
    : undefined;
  const body = h(
    el('header', {}, el('p', {}, link(links.index, 'All films')), el('h1', {}, title), el('p', { class: 'lead' }, lead), poster, el('p', {}, 'Identifier: ', el('code', {}, filmIri))),
    raw('\n'),
    el('main', {}, credits(film), cast(film), releases(film), reception(film), accolades(film), soundtrack(film), references(film), source(film, links)),
    raw('\n'),
    el('footer', {}, el('p', {}, 'Generated by filmkg from the article text; every value is in the knowledge graph with its evidence.')),
  );
  return page({ title: `${title}${film.year ? ` (${film.year.value})` : ''}`, description: `${title}: credits, cast, releases, reception, accolades, soundtrack and references.`, embed, body });
}

/** The index of films: one link per film page. */
export function indexPage(films: ReadonlyArray<{ readonly source: { readonly slug: string }; readonly title: { readonly value: string }; readonly year?: { readonly value: number } | undefined }>, wholeGraph: { readonly href: string; readonly text: string } = { href: '../graph.ttl', text: 'The whole graph in Turtle' }): string {
  const items = [...films]
    .sort((a, b) => a.source.slug.localeCompare(b.source.slug))
    .map((f) => el('li', {}, link(`${f.source.slug}.html`, f.title.value), f.year ? ` (${f.year.value})` : ''));
  const body = h(el('header', {}, el('h1', {}, 'Films')), el('main', {}, el('ul', { id: 'films' }, items), el('p', {}, link(wholeGraph.href, wholeGraph.text))));
  return page({ title: 'Films', body });
}

/** Escapes text for HTML (re-exported for the server's entity pages). */
export { esc };
