// Data-driven: every film folder of the project (the bundled film and the test fixtures) maps to a graph that keeps the
// graph model's invariants — no blank nodes, provenance on every statement, labels on every entity, canonical literals,
// one statement per accolade row, one per track, one node per reference, and a Turtle that parses back to the same graph.
// A new film folder is a new case: no code needed.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'n3';
import { beforeAll, describe, expect, test } from 'vitest';
import { toTurtle } from '../src/export/turtle.js';
import type { FilmFacts } from '../src/facts/model.js';
import { buildGraph } from '../src/graph.js';
import { LEXICAL_CHECKS } from '../src/literals.js';
import { FILMS_DIR, PROJECT_ROOT } from '../src/paths.js';
import { loadFilm } from '../src/pipeline.js';
import type { Literal, Quad } from '../src/rdf.js';
import { tripleSet } from './helpers/graph.js';

const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'films');
const folders = [FILMS_DIR, FIXTURES].flatMap((dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name)),
);

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const P = 'http://www.wikidata.org/prop/';

describe.each(folders.map((f) => [path.relative(PROJECT_ROOT, f), f]))('%s', (_name, folder) => {
  let facts: FilmFacts;
  let graph: Quad[];
  let film: string;
  const objects = (s: string, p: string) => graph.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);

  beforeAll(async () => {
    facts = await loadFilm(folder);
    graph = buildGraph([facts]);
    film = `https://filmkg.example/film/${facts.source.slug}`;
  });

  test('no blank nodes; every statement derived from a reference that names the article', () => {
    expect(graph.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toBe(false);
    const statements = graph.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === 'http://wikiba.se/ontology#Statement').map((q) => q.subject.value);
    for (const s of statements) {
      const refs = objects(s, 'http://www.w3.org/ns/prov#wasDerivedFrom');
      expect(refs.length, s).toBeGreaterThan(0);
      for (const r of refs) expect(objects(r.value, `${P}reference/P248`).map((o) => o.value)).toEqual([`${film}/article`]);
    }
  });

  test('every entity has an English label; every literal is canonical for its datatype', () => {
    const typed = new Set(graph.filter((q) => q.predicate.value === RDF_TYPE && !q.object.value.startsWith('http://wikiba.se/')).map((q) => q.subject.value));
    for (const s of typed) expect(objects(s, 'http://www.w3.org/2000/01/rdf-schema#label').some((l) => (l as Literal).language === 'en'), s).toBe(true);
    const bad = graph
      .filter((q) => q.object.termType === 'Literal' && !q.object.language && !(LEXICAL_CHECKS[(q.object as Literal).datatype.value]?.(q.object.value) ?? false))
      .map((q) => q.object.value);
    expect(bad).toEqual([]);
  });

  test('one statement per accolade row, one tracklist statement per track, one node per reference', () => {
    expect(objects(film, `${P}P166`).length + objects(film, `${P}P1411`).length).toBe(facts.accolades.length);
    expect(objects(`${film}/soundtrack`, `${P}P658`)).toHaveLength(facts.soundtrack?.tracks.length ?? 0);
    expect(objects(`${film}/article`, 'http://schema.org/citation')).toHaveLength(facts.references.length);
  });

  test('the Turtle parses back to the same graph', () => {
    expect(tripleSet(new Parser().parse(toTurtle(graph)))).toEqual(tripleSet(graph));
  });
});
