// The dataset description (void.ttl): its counts equal SPARQL counts over the graph, its partitions cover the graph,
// its sources and dates come from the data, and it is byte-deterministic.
import N3 from 'n3';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeDataset, descriptionTurtle, DESCRIPTION_NS } from '../src/describe/dataset.js';
import { DISTRIBUTIONS } from '../src/describe/step.js';
import { buildFiles } from '../src/export/build.js';
import { toNTriples } from '../src/export/ntriples.js';
import { buildGraph } from '../src/graph.js';
import { loadFilms } from '../src/pipeline.js';
import type { Quad } from '../src/rdf.js';
import { OxigraphStore } from '../src/store/oxigraph.js';

const VOID = DESCRIPTION_NS.void;
const BASE = 'https://filmkg.example/';
let graph: Quad[];
let description: N3.Store;
let turtle: string;

function one(subject: string, predicate: string): string {
  const values = description.getObjects(subject, predicate, null).map((o) => o.value);
  expect(values, `${subject} ${predicate}`).toHaveLength(1);
  return values[0]!;
}

async function sparqlCount(store: OxigraphStore, query: string): Promise<number> {
  const r = await store.query(query);
  if (r.kind !== 'select') throw new Error('expected SELECT');
  return Number(r.rows[0]!.n!.value);
}

beforeAll(async () => {
  const build = await buildFiles(await loadFilms());
  turtle = build.files.get('void.ttl') as string;
  description = new N3.Store(new N3.Parser().parse(turtle));
  graph = [...build.quads];
});

describe('void.ttl', () => {
  it('counts what SPARQL counts over the graph', async () => {
    const store = OxigraphStore.fromText(toNTriples(graph));
    try {
      const ds = `${BASE}dataset`;
      expect(Number(one(ds, `${VOID}triples`))).toBe(await sparqlCount(store, 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'));
      expect(Number(one(ds, `${VOID}triples`))).toBe(graph.length);
      expect(Number(one(ds, `${VOID}distinctSubjects`))).toBe(new Set(graph.map((q) => q.subject.value)).size);
      expect(Number(one(ds, `${VOID}properties`))).toBe(await sparqlCount(store, 'SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }'));
      expect(Number(one(ds, `${VOID}classes`))).toBe(await sparqlCount(store, 'SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?s a ?c }'));
      expect(Number(one(ds, `${VOID}entities`))).toBe(await sparqlCount(store, 'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c }'));
      // Every class partition's entity count, and every property partition's triple count, against its own SPARQL count.
      for (const partition of description.getObjects(ds, `${VOID}classPartition`, null)) {
        const cls = one(partition.value, `${VOID}class`);
        expect(Number(one(partition.value, `${VOID}entities`)), cls).toBe(await sparqlCount(store, `SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a <${cls}> }`));
      }
      let sum = 0;
      for (const partition of description.getObjects(ds, `${VOID}propertyPartition`, null)) {
        const prop = one(partition.value, `${VOID}property`);
        const triples = Number(one(partition.value, `${VOID}triples`));
        expect(triples, prop).toBe(graph.filter((q) => q.predicate.value === prop).length);
        sum += triples;
      }
      expect(sum).toBe(graph.length);
      expect(description.getObjects(ds, `${VOID}classPartition`, null)).toHaveLength(Number(one(ds, `${VOID}classes`)));
      expect(description.getObjects(ds, `${VOID}propertyPartition`, null)).toHaveLength(Number(one(ds, `${VOID}properties`)));
    } finally {
      store.close();
    }
  });

  it('names the source, its revision, licence and attribution, dated by the data', () => {
    const ds = `${BASE}dataset`;
    expect(one(ds, `${DESCRIPTION_NS.dcterms}source`)).toBe('https://en.wikipedia.org/wiki/Leaving_Las_Vegas');
    expect(one(ds, `${DESCRIPTION_NS.dcterms}license`)).toBe('https://creativecommons.org/licenses/by-sa/3.0/');
    expect(one(ds, `${DESCRIPTION_NS.dcterms}modified`)).toBe('2023-05-30T18:20:00Z'); // "last edited on 30 May 2023, at 18:20"
    expect(one(ds, 'http://www.w3.org/ns/prov#wasDerivedFrom')).toBe(`${BASE}film/leaving-las-vegas/article`);
    expect(one(ds, 'http://schema.org/creditText')).toMatch(/^Text of the Wikipedia article "Leaving Las Vegas".*Attribution-ShareAlike 3\.0/);
    expect(one(ds, `${VOID}exampleResource`)).toBe(`${BASE}film/leaving-las-vegas`);
    expect(one(ds, `${VOID}sparqlEndpoint`)).toBe(`${BASE}sparql`);
    expect(description.getObjects(ds, `${VOID}vocabulary`, null).map((o) => o.value)).toEqual(expect.arrayContaining(['http://schema.org/', 'http://www.wikidata.org/prop/direct/', 'https://filmkg.example/ontology#']));
  });

  it('lists every graph file as a distribution with its media type', () => {
    const ds = `${BASE}dataset`;
    const dists = description.getObjects(ds, `${DESCRIPTION_NS.dcat}distribution`, null).map((d) => [one(d.value, `${DESCRIPTION_NS.dcat}downloadURL`), one(d.value, `${DESCRIPTION_NS.dcterms}format`)]);
    expect(dists.sort()).toEqual([
      [`${BASE}graph.jsonld`, 'application/ld+json'],
      [`${BASE}graph.nt`, 'application/n-triples'],
      [`${BASE}graph.ttl`, 'text/turtle'],
    ]);
  });

  it('is byte-identical across builds and follows --base', async () => {
    const films = await loadFilms();
    const store = OxigraphStore.fromText(toNTriples(buildGraph(films)));
    try {
      expect(descriptionTurtle(await describeDataset(store, { base: BASE, files: DISTRIBUTIONS }))).toBe(turtle);
    } finally {
      store.close();
    }
    const other = await buildFiles(films, { base: 'https://data.example.org/kg/' });
    expect(other.files.get('void.ttl') as string).toContain('<https://data.example.org/kg/dataset> a void:Dataset, dcat:Dataset');
  });
});
