// The bundled film end to end: golden whole outputs, the done-when counts (61 accolade statements, 25 tracks in order,
// 27 reference nodes), provenance on every statement, labels on every entity, round trips through N3, oxigraph and JSON-LD,
// and several films (the second FICTIONAL) built from folders into one graph.
// Regenerate the golden files after a reviewed change of the extractor or the mappers:
//   UPDATE_GOLDEN=1 npx vitest run test/build-film.test.ts
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsonld from 'jsonld';
import { DataFactory, Parser } from 'n3';
import oxigraph from 'oxigraph';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { GRAPH_FILES, buildFiles, type GraphBuild } from '../src/export/build.js';
import type { FilmFacts } from '../src/facts/model.js';
import { FILMS_DIR, PROJECT_ROOT } from '../src/paths.js';
import { loadFilm } from '../src/pipeline.js';
import { LEXICAL_CHECKS } from '../src/literals.js';
import type { Literal, Quad } from '../src/rdf.js';
import { tripleSet } from './helpers/graph.js';

const GOLDEN = path.join(PROJECT_ROOT, 'test', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const FILM = 'https://filmkg.example/film/leaving-las-vegas';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const P = 'http://www.wikidata.org/prop/';
const FKG = 'https://filmkg.example/ontology#';

let facts: FilmFacts;
let build: GraphBuild;
let graph: readonly Quad[];

beforeAll(async () => {
  facts = await loadFilm(path.join(FILMS_DIR, 'leaving-las-vegas'));
  build = await buildFiles([facts], { steps: [] });
  graph = build.quads;
});

const objects = (s: string, p: string) => graph.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
const subjectsOfType = (type: string) => graph.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === type).map((q) => q.subject.value);

describe('golden outputs of the bundled film', () => {
  test.each([['leaving-las-vegas.ttl', GRAPH_FILES.turtle], ['leaving-las-vegas.nt', GRAPH_FILES.ntriples], ['leaving-las-vegas.jsonld', GRAPH_FILES.jsonld]])(
    'test/golden/%s',
    async (golden, name) => {
      const file = path.join(GOLDEN, golden);
      const actual = String(build.files.get(name));
      if (UPDATE) await writeFile(file, actual);
      expect(actual).toBe(await readFile(file, 'utf8'));
    },
  );
});

describe('done when', () => {
  test('61 accolade statements on the film, one per table row, each P166 or P1411 with the work and the body', () => {
    const statements = [...objects(FILM, `${P}P166`), ...objects(FILM, `${P}P1411`)].map((o) => o.value);
    expect(statements).toHaveLength(61);
    const rows = statements.map((s) => Number(objects(s, `${FKG}accoladeRow`)[0]?.value));
    expect(rows.sort((a, b) => a - b)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    for (const s of statements) {
      expect(objects(s, `${P}qualifier/P1686`).map((o) => o.value)).toEqual([FILM]);
      expect(objects(s, `${FKG}awardBody`)).toHaveLength(1);
    }
    // Placements (Runner-up, 2nd/4th/10th Place) are nominations with their ranking.
    const ranked = statements.filter((s) => objects(s, `${P}qualifier/P1352`).length > 0);
    const results = ranked.map((s) => `${objects(s, `${FKG}resultAsWritten`)[0]?.value} ${objects(s, `${P}qualifier/P1352`)[0]?.value}`);
    expect(results.sort()).toEqual(['10th Place 10', '2nd Place 2', '2nd Place 2', '4th Place 4', 'Runner-up 2']);
    expect(ranked.every((s) => objects(FILM, `${P}P1411`).some((o) => o.value === s))).toBe(true);
  });

  test('the soundtrack album has its 25 tracks in order: P658 ordinals and ItemList positions agree with the track listing', () => {
    const album = `${FILM}/soundtrack`;
    const byOrdinal = objects(album, `${P}P658`).map((s) => [Number(objects(s.value, `${P}qualifier/P1545`)[0]?.value), objects(s.value, `${P}statement/P658`)[0]?.value] as const);
    byOrdinal.sort((a, b) => a[0] - b[0]);
    expect(byOrdinal.map(([n]) => n)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const list = objects(album, 'http://schema.org/track')[0]?.value as string;
    const byPosition = objects(list, 'http://schema.org/itemListElement')
      .map((item) => [Number(objects(item.value, 'http://schema.org/position')[0]?.value), objects(item.value, 'http://schema.org/item')[0]?.value] as const)
      .sort((a, b) => a[0] - b[0]);
    expect(byPosition).toEqual(byOrdinal);
    const titles = byPosition.map(([, recording]) => objects(recording as string, 'http://schema.org/name')[0]?.value);
    expect(titles).toEqual(facts.soundtrack?.tracks.map((t) => t.title));
    expect(titles[0]).toBe('Intro Dialogue');
    expect(titles[24]).toBe("I Won't Be Going South For a While");
  });

  test('27 cited references are bibliographic nodes of the article', () => {
    const citations = objects(`${FILM}/article`, 'http://schema.org/citation').map((o) => o.value);
    expect(citations.sort()).toEqual(Array.from({ length: 27 }, (_, i) => `${FILM}/citation/${i + 1}`).sort());
    for (const c of citations) expect(objects(c, RDF_TYPE).map((o) => o.value)).toEqual(['http://schema.org/CreativeWork']);
  });

  test('every statement has provenance: a reference stating the article revision, with evidence lines and text', () => {
    const statements = subjectsOfType('http://wikiba.se/ontology#Statement');
    expect(statements.length).toBeGreaterThan(150);
    for (const s of statements) {
      const refs = objects(s, 'http://www.w3.org/ns/prov#wasDerivedFrom');
      expect(refs.length, s).toBeGreaterThan(0);
      for (const r of refs) {
        expect(objects(r.value, `${P}reference/P248`).map((o) => o.value)).toEqual([`${FILM}/article`]);
        const decided = objects(r.value, `${FKG}curationDecision`).length > 0;
        if (!decided) expect(objects(r.value, `${FKG}evidenceText`), r.value).toHaveLength(1);
      }
    }
  });

  test('every entity has a type and an English label; there are no blank nodes', () => {
    const typed = new Set(graph.filter((q) => q.predicate.value === RDF_TYPE && !q.object.value.startsWith('http://wikiba.se/')).map((q) => q.subject.value));
    for (const s of typed) {
      const labels = objects(s, 'http://www.w3.org/2000/01/rdf-schema#label');
      expect(labels.length, s).toBeGreaterThan(0);
      expect(labels.every((l) => l.termType === 'Literal' && l.language === 'en'), s).toBe(true);
    }
    expect(graph.some((q) => q.subject.termType === 'BlankNode' || q.object.termType === 'BlankNode')).toBe(false);
  });

  test('every literal has a valid, canonical lexical form for its datatype', () => {
    const bad = graph
      .filter((q) => q.object.termType === 'Literal' && !q.object.language)
      .filter((q) => !(LEXICAL_CHECKS[(q.object as Literal).datatype.value]?.(q.object.value) ?? false))
      .map((q) => `${q.object.value}^^${(q.object as Literal).datatype.value}`);
    expect(bad).toEqual([]);
  });

  test('Wikidata links only to confirmed items', () => {
    const linked = graph.filter((q) => q.predicate.value === 'http://www.w3.org/2002/07/owl#sameAs').map((q) => q.object.value.replace('http://www.wikidata.org/entity/', ''));
    expect(linked.sort()).toEqual(['Q103360', 'Q103618', 'Q103916', 'Q105584', 'Q107258', 'Q130232', 'Q150248', 'Q1860', 'Q19020', 'Q30', 'Q30', 'Q42869', 'Q463085', 'Q593098']);
  });
});

describe('round trips of the bundled film', () => {
  test('the Turtle parses in N3 and oxigraph and is isomorphic to the N-Triples and the JSON-LD', async () => {
    const expected = tripleSet(graph);
    const ttl = String(build.files.get(GRAPH_FILES.turtle));
    const nt = String(build.files.get(GRAPH_FILES.ntriples));
    expect(tripleSet(new Parser().parse(ttl))).toEqual(expected);
    expect(tripleSet(new Parser({ format: 'N-Triples' }).parse(nt))).toEqual(expected);
    const store = new oxigraph.Store();
    try {
      store.load(ttl, { format: 'text/turtle' });
      expect(store.size).toBe(expected.length);
      const dumped = store.dump({ format: 'application/n-triples', from_graph_name: oxigraph.defaultGraph() });
      expect(tripleSet(new Parser({ format: 'N-Triples' }).parse(dumped))).toEqual(expected);
    } finally {
      (store as unknown as { free(): void }).free();
    }
    const doc = JSON.parse(String(build.files.get(GRAPH_FILES.jsonld))) as jsonld.JsonLdDocument;
    const nquads = (await jsonld.toRDF(doc, { format: 'application/n-quads' })) as unknown as string;
    expect(tripleSet(new Parser({ format: 'N-Quads' }).parse(nquads).map((q) => DataFactory.quad(q.subject, q.predicate, q.object)))).toEqual(expected);
  });
});

describe('several films from folders (the second is FICTIONAL)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'filmkg-films-'));
    await cp(path.join(FILMS_DIR, 'leaving-las-vegas'), path.join(dir, 'films', 'leaving-las-vegas'), { recursive: true });
    await cp(path.join(PROJECT_ROOT, 'test', 'fixtures', 'films', 'the-glass-orchard'), path.join(dir, 'films', 'the-glass-orchard'), { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('filmkg build --films puts both into one graph; the shared producer and distributor are one node each', async () => {
    const io = captureIo(dir);
    expect(await run(['build', '--films', 'films', '--out', 'out'], io)).toBe(0);
    expect(io.out).toMatch(/^built 2 film\(s\): leaving-las-vegas, the-glass-orchard$/m);
    const quads = new Parser({ format: 'N-Triples' }).parse(await readFile(path.join(dir, 'out', 'graph.nt'), 'utf8'));
    for (const shared of ['https://filmkg.example/person/Lila_Caz%C3%A8s', 'https://filmkg.example/organization/MGM%2FUA_Distribution_Co.']) {
      expect(quads.filter((q) => q.subject.value === shared && q.predicate.value === RDF_TYPE)).toHaveLength(1);
      const films = new Set(quads.filter((q) => q.object.value === shared && q.subject.value.startsWith('https://filmkg.example/film/') && !q.subject.value.includes('/', 'https://filmkg.example/film/'.length)).map((q) => q.subject.value));
      expect([...films].sort()).toEqual([FILM, 'https://filmkg.example/film/the-glass-orchard']);
    }
    expect(quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === 'http://schema.org/Movie')).toHaveLength(2);
  });
});
