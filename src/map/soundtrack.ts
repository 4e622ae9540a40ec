// Soundtrack mapper: the album as its own node (MusicAlbum, SoundtrackAlbum; P406 from the film, P31 soundtrack album) and the songs left off it.
import type { FilmFacts, Soundtrack } from '../facts/model.js';
import { date } from '../literals.js';
import type { NamedNode, Quad } from '../rdf.js';
import { fkg, schema } from '../vocab.js';
import { Emitter, type MapContext, type Mapper } from './emit.js';
import { mapTracks } from './tracks.js';

/** The album's label: its title, or a description when the article gives none. */
export function albumLabel(facts: FilmFacts, s: Soundtrack): string {
  return s.title ?? `${facts.title.value} (soundtrack album)`;
}

function mapAlbum(e: Emitter, s: Soundtrack): NamedNode {
  const album = e.entity(e.iri.inFilm(e.slug, 'soundtrack'), schema.MusicAlbum, albumLabel(e.facts, s));
  if (s.title !== undefined) e.text(album, schema.name, s.title);
  e.add(album, schema.albumProductionType, schema.SoundtrackAlbum);
  e.statement(album, 'P31', e.item('Q4176708'), [s]);
  // The album is derived from the film (its score and dialogue excerpts); it is never the film's own property.
  e.add(album, schema.isBasedOn, e.film);
  e.statement(e.film, 'P406', album, [s]);
  if (s.releaseDate !== undefined) e.add(album, schema.datePublished, date(s.releaseDate));
  if (s.description !== undefined) e.text(album, schema.description, s.description);
  for (const name of s.performers) e.add(album, schema.byArtist, e.artist(name));
  // schema:composer is not for albums; the Wikidata statement (P86 on an album is common there) carries it.
  for (const name of s.composers) e.statement(album, 'P86', e.person(name), [s]);
  e.derive(album, s);

  for (const n of s.notIncluded) {
    const recording = e.named(e.iri.inFilm(e.slug, 'soundtrack', 'not-included', n.title), schema.MusicRecording, n.title);
    if (n.performer !== undefined) {
      const performer = e.artist(n.performer);
      e.add(recording, schema.byArtist, performer);
      e.statement(recording, 'P175', performer, [n]);
    }
    e.derive(recording, n);
    e.add(album, fkg.notIncluded, recording);
  }
  return album;
}

/** Maps the soundtrack album and its tracks (docs/graph-model.md, "Soundtrack"). */
export function mapSoundtrack(facts: FilmFacts, context: MapContext): Quad[] {
  const e = new Emitter(facts, context);
  if (!facts.soundtrack) return e.quads;
  const album = mapAlbum(e, facts.soundtrack);
  mapTracks(e, album, albumLabel(facts, facts.soundtrack), facts.soundtrack);
  return e.quads;
}

/** The soundtrack mapper, for the registry. */
export const soundtrackMapper: Mapper = { name: 'soundtrack', map: mapSoundtrack };
