// The schema.org embed: read from the graph, its triples under the official context are a subset of the graph's
// (checked through an offline document loader), and it carries the film's record as the article states it.
import { beforeAll, describe, expect, test } from 'vitest';
import jsonld from 'jsonld';
import { FilmkgError } from '../src/errors.js';
import type { FilmFacts } from '../src/facts/model.js';
import { buildGraph } from '../src/graph.js';
import { loadFilms } from '../src/pipeline.js';
import type { Quad } from '../src/rdf.js';
import { embedScriptText, filmEmbed, indexEmbed, type Embed } from '../src/web/embed.js';
import { SCHEMAORG_CONTEXT_URLS, offlineDocumentLoader, schemaOrgCoercion } from '../src/web/loader.js';
import { graphKeys, jsonLdTriples } from './helpers/browser-rdf.js';

const FILM = 'https://filmkg.example/film/leaving-las-vegas';
const S = 'http://schema.org/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
let films: FilmFacts[];
let quads: Quad[];
let embed: Embed;
let triples: string[];

beforeAll(async () => {
  films = await loadFilms();
  quads = buildGraph(films);
  embed = filmEmbed(quads, FILM);
  triples = await jsonLdTriples(embed);
});

type Node = Record<string, unknown>;
const arr = (v: unknown): Node[] => (Array.isArray(v) ? v : [v]) as Node[];

describe('the embed under the official schema.org context', () => {
  test('is one Movie with "@context": "https://schema.org"', () => {
    expect(embed['@context']).toBe('https://schema.org');
    expect(embed['@type']).toBe('Movie');
    expect(embed['@id']).toBe(FILM);
  });

  test('its triples are a subset of the graph (no blank nodes: every node has an @id)', () => {
    const graph = graphKeys(quads);
    expect(triples.length).toBeGreaterThan(500);
    expect(triples.filter((t) => t.includes('_:'))).toEqual([]);
    expect(triples.filter((t) => !graph.has(t))).toEqual([]);
  });

  test('still a subset for another film and another base', async () => {
    const base = 'http://data.example.org/kg/';
    const other = buildGraph(films, { base });
    const e = filmEmbed(other, `${base}film/leaving-las-vegas`);
    const keys = graphKeys(other);
    expect((await jsonLdTriples(e)).filter((t) => !keys.has(t))).toEqual([]);
  });

  test('dates and durations keep the graph’s XSD datatypes, where a plain string would become schema:Date', async () => {
    expect(schemaOrgCoercion('datePublished')).toBe('Date');
    expect(schemaOrgCoercion('sameAs')).toBe('@id');
    expect(triples).toContain(`<${FILM}> <${S}datePublished> "1995-10-27"^^<${XSD}date>`);
    expect(triples).toContain(`<${FILM}> <${S}dateCreated> "1995"^^<${XSD}gYear>`);
    expect(triples).toContain(`<${FILM}> <${S}duration> "PT1H51M"^^<${XSD}duration>`);
    // Why the embed writes value objects: the context alone would type the date schema:Date, which the graph does not have.
    const plain = await jsonLdTriples({ '@context': 'https://schema.org', '@id': FILM, datePublished: '1995-10-27' });
    expect(plain).toEqual([`<${FILM}> <${S}datePublished> "1995-10-27"^^<${S}Date>`]);
  });

  test('sameAs, image and url are IRIs, as the context coerces them', () => {
    expect(triples).toContain(`<${FILM}> <${S}sameAs> <https://www.imdb.com/title/tt0113627/>`);
    expect(triples).toContain(`<${FILM}> <${S}image> <https://en.wikipedia.org/wiki/File:Leaving_las_vegas_ver1.jpg>`);
    // The film's page under the base (films/{slug}.html), and the poster's own image URL, not its file page.
    expect(embed.url).toEqual(['https://filmkg.example/films/leaving-las-vegas.html']);
    expect(triples).toContain(`<${FILM}> <${S}url> <https://filmkg.example/films/leaving-las-vegas.html>`);
    expect(embed.image).toEqual([
      {
        '@id': 'https://en.wikipedia.org/wiki/File:Leaving_las_vegas_ver1.jpg',
        '@type': 'ImageObject',
        contentUrl: 'https://en.wikipedia.org/wiki/Special:FilePath/Leaving_las_vegas_ver1.jpg',
        caption: 'Theatrical release poster',
      },
    ]);
    expect(triples).toContain(`<https://en.wikipedia.org/wiki/File:Leaving_las_vegas_ver1.jpg> <${S}contentUrl> <https://en.wikipedia.org/wiki/Special:FilePath/Leaving_las_vegas_ver1.jpg>`);
  });

  test('under another base the url is the page under that base', () => {
    const base = 'http://data.example.org/kg/';
    expect(filmEmbed(buildGraph(films, { base }), `${base}film/leaving-las-vegas`).url).toEqual([`${base}films/leaving-las-vegas.html`]);
  });

  test('the index ItemList: every triple about the films is in the graph; only the list and its items are not', async () => {
    const list = indexEmbed(quads, [FILM], 'https://filmkg.example/films/');
    const graph = graphKeys(quads);
    const listTriples = await jsonLdTriples(list);
    const outside = listTriples.filter((t) => !graph.has(t));
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.filter((t) => !t.startsWith('<https://filmkg.example/films/>') && !t.startsWith('<https://filmkg.example/films/#'))).toEqual([]);
    expect(listTriples).toContain(`<https://filmkg.example/films/#1> <${S}item> <${FILM}>`);
    expect(listTriples).toContain(`<https://filmkg.example/films/#1> <${S}position> "1"^^<${XSD}integer>`);
    expect(listTriples).toContain(`<${FILM}> <${S}url> <https://filmkg.example/films/leaving-las-vegas.html>`);
  });
});

describe('the record in the embed (values checked against article.txt)', () => {
  test('name, director, screenplay author, producers, music, country (infobox lines 15–34)', () => {
    expect(embed.name).toBe('Leaving Las Vegas');
    const names = (key: string) => arr(embed[key]).map((n) => n.name);
    expect(names('director')).toEqual(['Mike Figgis']);
    expect(names('author')).toEqual(['Mike Figgis']);
    expect(names('producer').sort()).toEqual(['Annie Stewart', 'Lila Cazès']);
    expect(names('musicBy')).toEqual(['Mike Figgis']);
    expect(names('countryOfOrigin')).toEqual(['United States']);
  });

  test('actors as PerformanceRoles with character names (lead, line 57; cast list, line 191)', () => {
    const roles = arr(embed.actor).map((r) => [arr(r.actor)[0]?.name, r.characterName, r['@type']]);
    expect(roles).toEqual([
      ['Elisabeth Shue', 'Sera', 'PerformanceRole'],
      ['Lou Rawls', 'Concerned Cabbie', 'PerformanceRole'],
      ['Nicolas Cage', 'Ben Sanderson', 'PerformanceRole'],
    ]);
  });

  test('based on the novel by John O’Brien (1990)', () => {
    const [book] = arr(embed.isBasedOn);
    expect(book?.['@type']).toBe('Book');
    expect(book?.name).toBe('Leaving Las Vegas');
    expect(arr(book?.author).map((a) => a.name)).toEqual(["John O'Brien"]);
  });

  test('release events: limited release in the United States on 27 October 1995, wide on 9 February 1996 (line 81)', () => {
    const starts = arr(embed.releasedEvent).map((e) => (e.startDate as Node | undefined)?.['@value']);
    expect(starts).toContain('1995-10-27');
    expect(starts).toContain('1996-02-09');
  });

  test('one aggregateRating per figure (line 86) and a review for each quoted critic with author and publisher (line 88)', () => {
    const ratings = arr(embed.aggregateRating).map((r) => [arr(r.author)[0]?.name, (r.ratingValue as Node)['@value'], (r.bestRating as Node)['@value'], r.reviewCount]);
    expect(ratings).toEqual([
      ['Metacritic', '82', '100', 23],
      ['Rotten Tomatoes', '91', '100', 53],
      ['Rotten Tomatoes', '7.7', '10', 53],
    ]);
    const reviews = arr(embed.review).map((r) => [arr(r.author)[0]?.name, arr(r.publisher)[0]?.name, r.reviewBody]);
    expect(reviews).toEqual([
      ['Leonard Klady', 'Variety', 'certainly among a scant handful of films that have taken an unflinching view of dependency'],
      [
        'Roger Ebert',
        'Chicago Sun-Times',
        'If there are two unplayable roles in the stock repertory, they are the drunk and the whore with a heart of gold. Cage and Shue make these cliches into unforgettable people',
      ],
    ]);
  });

  test('award strings: one per won accolade', () => {
    const awards = embed.award as string[];
    expect(awards).toHaveLength(films[0]?.accolades.filter((a) => a.result === 'Won').length ?? -1);
    expect(awards).toContain('Academy Awards: Best Actor (Nicolas Cage)');
  });

  test('the soundtrack: a MusicAlbum (released 7 November 1995, line 159) with an ordered ItemList of 25 MusicRecordings', () => {
    const [album] = arr((embed['@reverse'] as Node).isBasedOn);
    expect(album?.['@type']).toBe('MusicAlbum');
    expect((album?.datePublished as Node)['@value']).toBe('1995-11-07');
    const list = album?.track as Node;
    expect(list['@type']).toBe('ItemList');
    expect(list.numberOfItems).toBe(25);
    const items = arr(list.itemListElement);
    expect(items.map((i) => i.position)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(items.every((i) => (i.item as Node)['@type'] === 'MusicRecording')).toBe(true);
    expect((items[1]?.item as Node).name).toBe('Angel Eyes');
    expect(((items[1]?.item as Node).duration as Node)['@value']).toBe('PT4M2S');
  });

  test('the article it comes from, with its licence and its 27 citations in order', () => {
    const [article] = arr(embed.subjectOf);
    expect(article?.url).toBe('https://en.wikipedia.org/wiki/Leaving_Las_Vegas');
    expect(article?.license).toBe('https://creativecommons.org/licenses/by-sa/3.0/');
    const citations = arr(article?.citation);
    expect(citations.map((c) => c.position)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
  });

  test('is deterministic', () => {
    expect(JSON.stringify(filmEmbed(buildGraph(films), FILM))).toBe(JSON.stringify(embed));
  });
});

describe('the offline document loader', () => {
  test('serves schema.org’s context under each of its URLs', async () => {
    for (const url of ['https://schema.org', 'http://schema.org/', 'https://schema.org/docs/jsonldcontext.jsonld']) {
      expect(SCHEMAORG_CONTEXT_URLS).toContain(url);
      const doc = (await offlineDocumentLoader(url)).document as { '@context': Record<string, unknown> };
      expect(doc['@context']['@vocab']).toBe('http://schema.org/');
    }
  });

  test('refuses any other URL with a clear error, also from inside jsonld', async () => {
    const error = await offlineDocumentLoader('https://example.org/context.jsonld').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FilmkgError);
    expect(error).toMatchObject({ code: 'IO', place: { path: '@context' }, found: 'https://example.org/context.jsonld' });
    await expect(jsonld.toRDF({ '@context': 'https://example.org/context.jsonld', name: 'x' }, { documentLoader: offlineDocumentLoader as never })).rejects.toThrow();
  });
});

describe('the script text', () => {
  test('escapes <, > and & (and U+2028/2029) and parses back to the same document', () => {
    const hostile = { ...embed, name: '</script><script>alert(1)</script> <!-- & \u2028' };
    const text = embedScriptText(hostile);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(text).toContain('\\u003c/script\\u003e');
    expect(text).toContain('\\u003c!--');
    expect(JSON.parse(text)).toEqual(hostile);
  });
});

describe('a critic\'s own rating in the embed (a corpus article that gives one)', () => {
  test('the review carries reviewRating, and the embed stays a subset of the graph', async () => {
    const { loadFilm } = await import('../src/pipeline.js');
    const film = await loadFilm('test/corpus/pip-and-the-paper-moon');
    const graph = buildGraph([film]);
    const iri = `https://filmkg.example/film/${film.source.slug}`;
    const e = filmEmbed(graph, iri);
    const reviews = arr(e.review);
    // Article line 93: "Lewis Thornbury of The Guardian gave the film four stars out of five, calling it "…"".
    const rated = reviews.filter((r) => r.reviewRating !== undefined);
    expect(rated).toHaveLength(1);
    const rating = rated[0]?.reviewRating as Node;
    expect(rating['@type']).toBe('Rating');
    expect(rating.ratingValue).toEqual({ '@value': '4', '@type': 'xsd:decimal' });
    expect(rating.bestRating).toEqual({ '@value': '5', '@type': 'xsd:decimal' });
    expect(JSON.stringify(rating.author)).toContain('Lewis Thornbury');
    const keys = graphKeys(graph);
    const embedded = await jsonLdTriples(e);
    expect(embedded.filter((t) => t.includes('/rating>') && t.includes(`${S}ratingValue`))).toHaveLength(1);
    expect(embedded.filter((t) => !keys.has(t))).toEqual([]);
  });
});
