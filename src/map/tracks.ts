// Track-list mapper (part of the soundtrack domain): the ordered ItemList of MusicRecordings, their compositions, writers, performers and speaking credits; P658 with P1545 ordinals.
import type { Soundtrack, Track } from '../facts/model.js';
import { duration, integer, string } from '../literals.js';
import type { NamedNode } from '../rdf.js';
import { fkg, pq, schema } from '../vocab.js';
import type { Emitter, Source } from './emit.js';

/**
 * Writers: every writer is schema:author + P50 ("written by" does not say music or words). Where the
 * album's default applies to a non-dialogue track, the article says the score is "composed … by"
 * that writer, so they are also schema:composer + P86 — on the statement, both sources are cited.
 */
function mapWriters(e: Emitter, work: NamedNode, t: Track, s: Soundtrack): void {
  const sources: Source[] = t.writersFromDefault ? [t, s] : [t];
  for (const name of t.writers) {
    const writer = e.artist(name);
    e.add(work, schema.author, writer);
    e.statement(work, 'P50', writer, sources);
    if (t.writersFromDefault && !t.dialogue) {
      e.add(work, schema.composer, writer);
      e.statement(work, 'P86', writer, sources);
    }
  }
}

function mapTrack(e: Emitter, album: NamedNode, list: NamedNode, t: Track, s: Soundtrack): void {
  const recording = e.named(e.iri.inFilm(e.slug, 'soundtrack', 'track', t.number), schema.MusicRecording, t.title);
  const item = e.entity(e.iri.inFilm(e.slug, 'soundtrack', 'tracklist', t.number), schema.ListItem, `Track ${t.number}: ${t.title}`);
  e.add(item, schema.position, integer(t.number));
  e.add(item, schema.item, recording);
  e.add(list, schema.itemListElement, item);

  e.add(recording, schema.inAlbum, album);
  if (t.duration !== undefined) e.add(recording, schema.duration, duration(t.duration));
  e.flag(recording, fkg.dialogue, t.dialogue);
  e.derive(recording, t);
  for (const name of t.performers) {
    const performer = e.artist(name);
    e.add(recording, schema.byArtist, performer);
    e.statement(recording, 'P175', performer, [t]);
  }
  for (const sp of t.speakers) {
    const actor = e.person(sp.actor);
    const role = e.entity(e.iri.inFilm(e.slug, 'soundtrack', 'track', t.number, 'role', sp.actor), schema.PerformanceRole, `${sp.actor} as ${sp.character}`);
    e.add(role, schema.actor, actor);
    e.text(role, schema.characterName, sp.character);
    e.add(recording, fkg.speakingRole, role);
    e.add(recording, schema.byArtist, actor);
    e.statement(recording, 'P175', actor, [t]);
  }
  if (t.dialogue) {
    // Dialogue excerpts are not compositions: their writers are the recording's authors.
    mapWriters(e, recording, t, s);
  } else {
    const composition = e.named(e.iri.inFilm(e.slug, 'soundtrack', 'track', t.number, 'composition'), schema.MusicComposition, t.title);
    e.add(recording, schema.recordingOf, composition);
    mapWriters(e, composition, t, s);
  }
  e.statement(album, 'P658', recording, [t], { qualifiers: [[pq.P1545, string(String(t.number))]] });
}

/** Writes the album's track list: an ItemList in ascending order, one ListItem per track. */
export function mapTracks(e: Emitter, album: NamedNode, albumLabel: string, s: Soundtrack): void {
  if (s.tracks.length === 0) return;
  const list = e.entity(e.iri.inFilm(e.slug, 'soundtrack', 'tracklist'), schema.ItemList, `${albumLabel}: track list`);
  e.add(list, schema.numberOfItems, integer(s.tracks.length));
  e.add(list, schema.itemListOrder, schema.ItemListOrderAscending);
  e.add(album, schema.track, list);
  for (const t of s.tracks) mapTrack(e, album, list, t, s);
}
