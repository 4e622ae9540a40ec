// Streaming N-Triples for many films: maps and writes one film at a time, so a graph of thousands of films never sits in memory.
// `filmkg build` writes the globally sorted graph.nt instead; this is the bulk path (bench/build.js measures it at ×1,000).
import type { FilmFacts } from '../facts/model.js';
import { FilmkgError } from '../errors.js';
import { mapFilm } from '../graph.js';
import { DEFAULT_BASE, IriMinter } from '../iri.js';
import type { Mapper } from '../map/emit.js';
import type { Quad } from '../rdf.js';
import { prov } from '../vocab.js';
import { NTriplesSerializer } from './ntriples.js';

/** Options of streamNTriples. */
export interface StreamOptions {
  readonly base?: string;
  readonly mappers?: readonly Mapper[];
}

/**
 * Writes the N-Triples of `films` through `write`, one chunk per film with its lines sorted and unique.
 * A triple about a shared node (a person, an organisation, an award …) is written only the first time;
 * a content-named node (statement, reference, value) is written whole once, and later films add only
 * its new `prov:wasDerivedFrom` lines. The result is the same graph as buildGraph's, in film order
 * rather than globally sorted; deterministic for a given order of films. Returns the triples written.
 */
export function streamNTriples(films: Iterable<FilmFacts>, write: (chunk: string) => void, options: StreamOptions = {}): number {
  const minter = new IriMinter(options.base ?? DEFAULT_BASE);
  const serializer = new NTriplesSerializer();
  const slugs = new Set<string>();
  const sharedLines = new Set<string>();
  const contentNamed = new Set<string>();
  const derivedFrom = prov.wasDerivedFrom.value;
  let written = 0;
  let index = 0;
  for (const facts of films) {
    if (slugs.has(facts.source.slug)) {
      throw new FilmkgError('INVALID_FACTS', 'two films have the same slug', { place: { path: `films[${index}].source.slug` }, expected: 'a slug no other film has', found: facts.source.slug });
    }
    slugs.add(facts.source.slug);
    index++;
    // Lines grouped by subject, each kept without its subject: sorting the subjects, then each group's rest, gives the
    // global line order (no written subject is a prefix of another: `>` ends an IRI) with far shorter comparisons.
    const groups = new Map<string, string[]>();
    const newContentNamed: string[] = [];
    const keep = (q: Quad, rest: string): void => {
      const subject = serializer.subject(q);
      const group = groups.get(subject);
      if (group) group.push(rest);
      else groups.set(subject, [rest]);
    };
    for (const q of mapFilm(facts, minter, options.mappers)) {
      const subject = q.subject.value;
      if (minter.isFilmScoped(subject)) {
        keep(q, serializer.rest(q));
      } else if (minter.isContentNamed(subject)) {
        if (contentNamed.has(subject) && q.predicate.value !== derivedFrom) continue;
        newContentNamed.push(subject);
        keep(q, serializer.rest(q));
      } else {
        const rest = serializer.rest(q);
        const line = `${serializer.subject(q)} ${rest}`;
        if (sharedLines.has(line)) continue;
        sharedLines.add(line);
        keep(q, rest);
      }
    }
    for (const s of newContentNamed) contentNamed.add(s);
    let chunk = '';
    for (const subject of [...groups.keys()].sort()) {
      const rests = (groups.get(subject) as string[]).sort();
      let previous = '';
      for (const rest of rests) {
        if (rest !== previous) {
          chunk += `${subject} ${rest}`;
          written++;
        }
        previous = rest;
      }
    }
    write(chunk);
  }
  return written;
}
