// Releases mapper: theatrical releases (PublicationEvent; P577 with place P291 and the local release kind) and home-media releases.
import type { FilmFacts, Release } from '../facts/model.js';
import { date, partialDate } from '../literals.js';
import type { NamedNode, Quad } from '../rdf.js';
import { fkg, pq, schema } from '../vocab.js';
import { Emitter, type MapContext, type Mapper, type Qualifier } from './emit.js';

/** Release kinds the local vocabulary names, by the word the text uses (case-insensitive). */
const RELEASE_KINDS: Readonly<Record<string, NamedNode>> = {
  limited: fkg.LimitedRelease,
  wide: fkg.WideRelease,
  premiere: fkg.Premiere,
};

function releaseKind(release: Release): NamedNode | undefined {
  return release.kind === undefined ? undefined : RELEASE_KINDS[release.kind.toLowerCase()];
}

/** Maps theatrical and home-media releases (docs/graph-model.md, "Releases and money"). */
export function mapReleases(facts: FilmFacts, context: MapContext): Quad[] {
  const e = new Emitter(facts, context);
  const title = facts.title.value;
  // The infobox and the prose often state one release more than once (with and without its place):
  // one event and one statement per date and kind, citing every place it is stated.
  const groups = new Map<string, Release[]>();
  for (const r of facts.releases) {
    const key = `${r.date} ${r.kind ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  for (const group of groups.values()) {
    const r = group[0] as Release;
    const kind = releaseKind(r);
    const node = r.kind !== undefined ? e.iri.inFilm(e.slug, 'release', r.date, r.kind) : e.iri.inFilm(e.slug, 'release', r.date);
    e.entity(node, schema.PublicationEvent, `${title}: ${r.kind !== undefined ? `${r.kind} release` : 'release'}, ${r.date}`);
    e.add(node, schema.startDate, date(r.date));
    const qualifiers: Qualifier[] = [];
    for (const name of new Set(group.flatMap((g) => (g.place !== undefined ? [g.place] : [])))) {
      const place = e.place(name);
      e.add(node, schema.location, place);
      qualifiers.push([pq.P291, place]);
    }
    if (kind) {
      e.add(node, fkg.releaseKind, kind);
      qualifiers.push([fkg.releaseKind, kind]);
    }
    if (r.kind !== undefined) e.text(node, fkg.releaseKindAsWritten, r.kind);
    for (const g of group) e.derive(node, g);
    e.add(e.film, schema.releasedEvent, node);
    e.statement(e.film, 'P577', date(r.date), group, { qualifiers });
  }
  // The film's publication date is its first release.
  const first = facts.releases.map((r) => r.date).sort()[0];
  if (first !== undefined) e.add(e.film, schema.datePublished, date(first));

  const formatCount = new Map<string, number>();
  for (const h of facts.homeMedia) formatCount.set(h.format, (formatCount.get(h.format) ?? 0) + 1);
  for (const h of facts.homeMedia) {
    const repeated = (formatCount.get(h.format) ?? 0) > 1 && h.date !== undefined;
    const node = repeated ? e.iri.inFilm(e.slug, 'home-media', h.format, h.date as string) : e.iri.inFilm(e.slug, 'home-media', h.format);
    e.entity(node, schema.PublicationEvent, `${title}: ${h.format} release${repeated ? `, ${h.date as string}` : ''}`);
    e.add(node, fkg.releaseKind, fkg.HomeMediaRelease);
    e.text(node, fkg.mediaFormat, h.format);
    if (h.date !== undefined) e.add(node, schema.startDate, partialDate(h.date));
    for (const l of h.languages) e.add(node, schema.inLanguage, e.language(l));
    for (const region of h.regions) e.add(node, schema.location, e.place(region));
    if (h.distributor !== undefined) e.add(node, schema.publishedBy, e.organization(h.distributor));
    e.derive(node, h);
    e.add(e.film, schema.releasedEvent, node);
  }
  return e.quads;
}

/** The releases mapper, for the registry. */
export const releasesMapper: Mapper = { name: 'releases', map: mapReleases };
