// Building the output files in memory: the three graph files, determinism, the steps hook, and several films in one graph.
import { describe, expect, test } from 'vitest';
import { FilmkgError } from '../src/errors.js';
import { GRAPH_FILES, buildFiles } from '../src/export/build.js';
import type { BuildStep } from '../src/export/steps.js';
import { buildGraph } from '../src/graph.js';
import { fictionalFacts } from './helpers/fictional.js';
import { richFacts } from './helpers/rich.js';

describe('buildFiles', () => {
  test('renders Turtle, N-Triples and JSON-LD and counts the graph', async () => {
    const build = await buildFiles([richFacts()], { steps: [] });
    expect([...build.files.keys()].sort()).toEqual([GRAPH_FILES.jsonld, GRAPH_FILES.ntriples, GRAPH_FILES.turtle]);
    expect(build.stats.triples).toBe(build.quads.length);
    expect(String(build.files.get(GRAPH_FILES.ntriples)).split('\n').filter(Boolean)).toHaveLength(build.quads.length);
    expect(build.stats.entitiesByType.find(([t]) => t === 'schema:Movie')).toEqual(['schema:Movie', 1]);
  });

  test('two builds give identical bytes', async () => {
    const a = await buildFiles([richFacts(), fictionalFacts()], { steps: [] });
    const b = await buildFiles([richFacts(), fictionalFacts()], { steps: [] });
    for (const [name, data] of a.files) expect(b.files.get(name)).toBe(data);
  });

  test('--base changes the data IRIs but not the vocabulary or the statement hashes', async () => {
    const a = await buildFiles([richFacts()], { steps: [] });
    const b = await buildFiles([richFacts()], { base: 'http://data.example.org/kg/', steps: [] });
    const nt = String(b.files.get(GRAPH_FILES.ntriples));
    expect(nt).not.toContain('https://filmkg.example/film/');
    expect(nt).toContain('<http://data.example.org/kg/film/leaving-las-vegas>');
    expect(nt).toContain('<https://filmkg.example/ontology#');
    // Data IRIs made relative; the vocabulary namespace (under the default base's host) is left alone.
    const relative = (text: string, base: string) =>
      text.replace(new RegExp(`<${base.replace(/[.]/g, '\\.')}(?!ontology#)`, 'g'), '<BASE/').split('\n').filter(Boolean).sort();
    expect(relative(nt, 'http://data.example.org/kg/')).toEqual(relative(String(a.files.get(GRAPH_FILES.ntriples)), 'https://filmkg.example/'));
  });

  test('steps run after the writers, may add files and notes, and may stop the build', async () => {
    const seen: number[] = [];
    const addsFile: BuildStep = {
      name: 'pages',
      run(build) {
        seen.push(build.quads.length);
        build.files.set('pages/index.html', '<!doctype html>');
        build.notes.push('pages: 1');
      },
    };
    const build = await buildFiles([richFacts()], { steps: [addsFile] });
    expect(seen).toEqual([build.quads.length]);
    expect(build.files.get('pages/index.html')).toBe('<!doctype html>');
    expect(build.notes).toEqual(['pages: 1']);

    const fails: BuildStep = {
      name: 'shacl',
      run() {
        throw new FilmkgError('SHACL_VIOLATION', 'the graph does not conform');
      },
    };
    await expect(buildFiles([richFacts()], { steps: [fails] })).rejects.toMatchObject({ code: 'SHACL_VIOLATION' });
  });

  test('a bad base is a usage error naming --base', async () => {
    await expect(buildFiles([richFacts()], { base: 'not an iri', steps: [] })).rejects.toMatchObject({ code: 'USAGE', place: { path: '--base' } });
  });
});

describe('several films in one graph (the second is FICTIONAL)', () => {
  const graph = buildGraph([richFacts(), fictionalFacts()]);
  const LILA = 'https://filmkg.example/person/Lila_Caz%C3%A8s';

  test('a producer of both films is one node, with one type and one label, linked from both films', () => {
    const about = graph.filter((q) => q.subject.value === LILA);
    expect(about.filter((q) => q.predicate.value.endsWith('#type')).map((q) => q.object.value)).toEqual(['http://schema.org/Person']);
    expect(about.filter((q) => q.predicate.value.endsWith('#label')).map((q) => q.object.value)).toEqual(['Lila Cazès']);
    const producing = graph.filter((q) => q.predicate.value === 'http://schema.org/producer' && q.object.value === LILA).map((q) => q.subject.value);
    expect(producing.sort()).toEqual(['https://filmkg.example/film/leaving-las-vegas', 'https://filmkg.example/film/the-glass-orchard']);
  });

  test('a distributor of both films is one node with one P750 statement per film', () => {
    const MGM = 'https://filmkg.example/organization/MGM%2FUA_Distribution_Co.';
    expect(graph.filter((q) => q.subject.value === MGM && q.predicate.value.endsWith('#type'))).toHaveLength(1);
    const distributing = graph.filter((q) => q.predicate.value === 'http://www.wikidata.org/prop/direct/P750' && q.object.value === MGM).map((q) => q.subject.value);
    expect(distributing.sort()).toEqual(['https://filmkg.example/film/leaving-las-vegas', 'https://filmkg.example/film/the-glass-orchard']);
  });

  test('each film keeps its own film-scoped nodes and source article', () => {
    const articles = graph.filter((q) => q.predicate.value.endsWith('#type') && q.object.value === 'http://schema.org/Article').map((q) => q.subject.value);
    expect(articles.sort()).toEqual(['https://filmkg.example/film/leaving-las-vegas/article', 'https://filmkg.example/film/the-glass-orchard/article']);
  });

  test('two films with one slug are refused, naming the second', () => {
    try {
      buildGraph([richFacts(), richFacts()]);
      expect.unreachable();
    } catch (error) {
      expect((error as FilmkgError).code).toBe('INVALID_FACTS');
      expect((error as FilmkgError).place.path).toBe('films[1].source.slug');
    }
  });
});
