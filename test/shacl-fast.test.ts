// The SHACL fast path (src/check/shacl-fast.ts) against rdf-validate-shacl, the validator of record: the same verdict on
// every negative fixture of test/shapes/, every corpus article's graph and the bundled graphs; the constant report of a
// conforming graph is the one rdf-validate-shacl gives; shapes or data it does not know make it decline, never pass.
// Seeded mutations of the bundled graph: test/shacl-fast-mutations.test.ts; what it loads: test/shacl-fast-loading.test.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import N3 from 'n3';
import type { Quad } from '@rdfjs/types';
import { describe, expect, it } from 'vitest';
import { compileShapes, Declined, fastConforms } from '../src/check/shacl-fast.js';
import { CONFORMING_REPORT_TURTLE, fastVerdict, validateQuads, type ValidationOutcome } from '../src/check/shacl.js';
import { CORPUS_DIRS } from '../src/eval/corpus.js';
import { buildGraph } from '../src/graph.js';
import { factsFromText } from '../src/facts/from-text.js';
import { loadFilms } from '../src/pipeline.js';
import { literal, namedNode, triple } from '../src/rdf.js';

const ROOT = path.join(import.meta.dirname, '..');
const SHAPES_TEXT = readFileSync(path.join(ROOT, 'ontology', 'shapes.ttl'), 'utf8');
const FIXTURES_DIR = path.join(import.meta.dirname, 'shapes');
const FIXTURES = readdirSync(FIXTURES_DIR).filter((f) => f.endsWith('.ttl')).sort();
const parse = (text: string): Quad[] => new N3.Parser().parse(text) as Quad[];
const S = 'http://schema.org/';
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const SUBCLASS = namedNode('http://www.w3.org/2000/01/rdf-schema#subClassOf');

/** rdf-validate-shacl's verdict on the shapes alone (the list-order check of lists.ts is not SHACL). */
const shaclVerdict = (outcome: ValidationOutcome): 'conforms' | 'violates' => (outcome.violations.some((v) => !v.constraint.startsWith('fkg:')) ? 'violates' : 'conforms');

async function expectSameVerdict(name: string, quads: Quad[]): Promise<'conforms' | 'violates'> {
  const reference = await validateQuads(quads, { engine: 'indexed' });
  const fast = fastVerdict(quads);
  expect(fast, name).not.toBeInstanceOf(Declined);
  expect(fast, `${name}: ${JSON.stringify(reference.violations.slice(0, 3))}`).toBe(shaclVerdict(reference));
  // And the default engine gives exactly the outcome of rdf-validate-shacl.
  expect(await validateQuads(quads), name).toEqual(reference);
  return fast as 'conforms' | 'violates';
}

describe('the fast path on ontology/shapes.ttl', () => {
  it('compiles the bundled shapes (a component it does not know would make it decline, and this test say which)', () => {
    expect(() => compileShapes(parse(SHAPES_TEXT))).not.toThrow();
  });

  it('gives the report of a conforming graph byte for byte as rdf-validate-shacl does', async () => {
    const graph = buildGraph(await loadFilms());
    const reference = await validateQuads(graph, { engine: 'indexed' });
    expect(reference.conforms).toBe(true);
    expect(reference.reportTurtle).toBe(CONFORMING_REPORT_TURTLE);
    expect(await validateQuads(graph)).toEqual(reference);
    expect(await validateQuads(graph, { engine: 'plain' })).toEqual(reference);
  });

  it.each(FIXTURES)('gives rdf-validate-shacl\'s verdict on the negative fixture %s', async (file) => {
    const quads = parse(readFileSync(path.join(FIXTURES_DIR, file), 'utf8'));
    const verdict = await expectSameVerdict(file, quads);
    // Every fixture but the two of the list-order check (not SHACL) violates a shape.
    if (!/track-positions|track-entry-without-position/.test(file)) expect(verdict, file).toBe('violates');
  });

  it('gives rdf-validate-shacl\'s verdict on the bundled graphs, whole and damaged', async () => {
    const bundled = buildGraph(await loadFilms());
    const all = buildGraph([...(await loadFilms()), ...(await loadFilms(path.join(import.meta.dirname, 'fixtures', 'films')))]);
    expect(await expectSameVerdict('bundled', bundled)).toBe('conforms');
    expect(await expectSameVerdict('bundled + test films', all)).toBe('conforms');
    expect(await expectSameVerdict('every 7th triple dropped', bundled.filter((_, i) => i % 7 !== 3))).toBe('violates');
  }, 120_000);

  const articles = CORPUS_DIRS.filter((d) => d.endsWith(path.join('test', 'corpus'))).flatMap((dir) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'article.txt')))
      .map((e) => ({ slug: e.name, file: path.join(dir, e.name, 'article.txt') })),
  );

  it('gives rdf-validate-shacl\'s verdict on the graph of every corpus article', async () => {
    expect(articles.length).toBeGreaterThanOrEqual(25);
    for (const { slug, file } of articles) {
      const meta = { slug, title: slug, url: `https://filmkg.example/corpus/${slug}`, licence: { name: 'CC BY-SA 4.0', url: 'https://creativecommons.org/licenses/by-sa/4.0/' }, attribution: 'corpus article' };
      const graph = buildGraph([factsFromText(readFileSync(file, 'utf8'), meta, file)]);
      await expectSameVerdict(slug, graph);
    }
  }, 180_000);
});

describe('rdf-validate-shacl\'s readings, followed', () => {
  const person = namedNode('https://filmkg.example/person/p');
  const film = namedNode('https://filmkg.example/film/f');
  const label = (n: ReturnType<typeof namedNode>, text: string, lang = 'en') => triple(n, namedNode('http://www.w3.org/2000/01/rdf-schema#label'), literal(text, lang));
  const name = (n: ReturnType<typeof namedNode>, text: string) => triple(n, namedNode(`${S}name`), literal(text));
  const ok = [triple(person, RDF_TYPE, namedNode(`${S}Person`)), name(person, 'P'), label(person, 'P')];

  it('targets and checks instances of subclasses declared in the data graph (sh:targetClass, sh:class)', async () => {
    const actor = namedNode('https://filmkg.example/class/Actor');
    const typed = [triple(person, RDF_TYPE, actor), triple(actor, SUBCLASS, namedNode(`${S}Person`))];
    // An Actor is a schema:Person: PersonShape and LabelShape now target it, and it lacks a name and a label.
    expect(await expectSameVerdict('subclass without name', typed)).toBe('violates');
    expect(await expectSameVerdict('subclass with name and label', [...typed, name(person, 'P'), label(person, 'P')])).toBe('conforms');
    // A director typed by a subclass of schema:Person passes sh:class schema:Person.
    const movie = [triple(film, RDF_TYPE, namedNode(`${S}Movie`)), name(film, 'F'), label(film, 'F'), triple(film, namedNode('http://www.wikidata.org/prop/direct/P31'), namedNode('http://www.wikidata.org/entity/Q11424'))];
    const directed = [...movie, triple(film, namedNode(`${S}director`), person), ...typed, name(person, 'P'), label(person, 'P')];
    expect(await expectSameVerdict('director of a subclass', directed)).toBe('conforms');
    expect(await expectSameVerdict('director of no class', [...movie, triple(film, namedNode(`${S}director`), namedNode('https://filmkg.example/x'))])).toBe('violates');
  });

  it('takes sh:languageIn as a prefix match and fails ill-typed literals on sh:datatype', async () => {
    expect(await expectSameVerdict('label @en-GB', [...ok.slice(0, 2), label(person, 'P', 'en-gb')])).toBe('conforms');
    expect(await expectSameVerdict('label @eng (a prefix of en)', [...ok.slice(0, 2), label(person, 'P', 'eng')])).toBe('conforms');
    expect(await expectSameVerdict('label @fr', [...ok.slice(0, 2), label(person, 'P', 'fr')])).toBe('violates');
    const list = namedNode('https://filmkg.example/list/l');
    const items = (n: string) => [triple(list, RDF_TYPE, namedNode(`${S}ItemList`)), label(list, 'L'), triple(list, namedNode(`${S}numberOfItems`), literal(n, namedNode('http://www.w3.org/2001/XMLSchema#integer')))];
    expect(await expectSameVerdict('integer 3', items('3'))).toBe('conforms');
    expect(await expectSameVerdict('integer "3.0"', items('3.0'))).toBe('violates');
    expect(await expectSameVerdict('integer "+3"', items('+3'))).toBe('conforms');
  });

  it('compares values through their datatypes (sh:lessThanOrEquals, sh:minInclusive)', async () => {
    const review = namedNode('https://filmkg.example/review/r');
    const rating = namedNode('https://filmkg.example/review/r/rating');
    const dec = (v: string, dt = 'decimal') => literal(v, namedNode(`http://www.w3.org/2001/XMLSchema#${dt}`));
    const graph = (value: ReturnType<typeof literal>, best: ReturnType<typeof literal>) => [
      triple(review, namedNode(`${S}reviewRating`), rating),
      triple(rating, RDF_TYPE, namedNode(`${S}Rating`)),
      label(rating, 'R'),
      triple(rating, namedNode(`${S}ratingValue`), value),
      triple(rating, namedNode(`${S}bestRating`), best),
    ];
    expect(await expectSameVerdict('3.5 ≤ 4', graph(dec('3.5'), dec('4')))).toBe('conforms');
    expect(await expectSameVerdict('4 ≤ 4', graph(dec('4'), dec('4.0')))).toBe('conforms');
    expect(await expectSameVerdict('10 > 4 (numbers, not strings)', graph(dec('10'), dec('4')))).toBe('violates');
    expect(await expectSameVerdict('4.5 > 4', graph(dec('4.5'), dec('4')))).toBe('violates');
  });
});

describe('the fast path declines what it does not know', () => {
  const withShape = (extra: string) => `${SHAPES_TEXT}\n${extra}\n`;
  const declines = (text: string, reason: RegExp) => {
    let error: unknown;
    try {
      compileShapes(parse(text));
    } catch (e) {
      error = e;
    }
    expect(error, text.slice(-200)).toBeInstanceOf(Declined);
    expect((error as Error).message).toMatch(reason);
  };

  it('a constraint component, target or path kind it does not implement', () => {
    declines(withShape('fkgsh:X a sh:NodeShape ; sh:targetClass schema:Movie ; sh:property [ sh:path schema:name ; sh:pattern "^A" ] .'), /shacl#pattern/);
    declines(withShape('fkgsh:X a sh:NodeShape ; sh:targetNode schema:Movie ; sh:closed true .'), /shacl#(targetNode|closed)/);
    declines(withShape('fkgsh:X a sh:NodeShape ; sh:targetClass schema:Movie ; sh:sparql [ sh:select "SELECT * {}" ] .'), /shacl#(sparql|select)/);
    declines(withShape('fkgsh:X a sh:NodeShape ; sh:targetClass schema:Movie ; sh:property [ sh:path [ sh:zeroOrMorePath schema:name ] ; sh:minCount 1 ] .'), /zeroOrMorePath/);
    declines(withShape('fkgsh:X a sh:NodeShape ; sh:targetClass schema:Movie ; sh:xone ( [ sh:class schema:Person ] ) .'), /shacl#xone/);
    declines(withShape('fkgsh:X a sh:NodeShape ; sh:targetClass schema:Movie ; sh:property [ sh:path schema:name ; sh:datatype xsd:boolean ] .'), /datatype .*boolean/);
  });

  it('shapes whose reading it does not mirror: a shape that is a class, two paths, a recursive shape, a minCount on a node shape', () => {
    declines(withShape('fkgsh:X a sh:NodeShape, rdfs:Class ; sh:property [ sh:path schema:name ; sh:minCount 1 ] .'), /class/);
    declines(withShape('fkgsh:X a sh:NodeShape ; sh:targetClass schema:Movie ; sh:property [ sh:path schema:name, schema:alternateName ; sh:minCount 1 ] .'), /2 sh:path/);
    declines(withShape('fkgsh:X a sh:NodeShape ; sh:targetClass schema:Movie ; sh:property [ sh:path schema:sequel ; sh:node fkgsh:X ] .'), /reaches itself/);
    declines(withShape('fkgsh:X a sh:NodeShape ; sh:targetClass schema:Movie ; sh:minCount 1 .'), /node shape/);
  });

  it('a data graph rdf-validate-shacl itself fails on (a cycle of rdfs:subClassOf), which then fails as before', async () => {
    const a = namedNode('https://filmkg.example/class/A');
    const b = namedNode('https://filmkg.example/class/B');
    const graph = [triple(a, SUBCLASS, b), triple(b, SUBCLASS, a), triple(b, SUBCLASS, namedNode(`${S}Person`))];
    expect(fastVerdict(graph)).toBeInstanceOf(Declined);
    await expect(validateQuads(graph, { engine: 'indexed' })).rejects.toThrow();
    await expect(validateQuads(graph)).rejects.toThrow();
  });

  it('never answers for shapes it declined: the compiled shapes of a smaller graph judge only what they hold', () => {
    // A shapes graph of one shape: the fast path follows it, not the bundled shapes.
    const one = compileShapes(parse(`@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <${S}> .\n[] sh:targetClass schema:Person ; sh:property [ sh:path schema:name ; sh:minCount 1 ] .`));
    const p = namedNode('https://filmkg.example/person/q');
    expect(fastConforms(one, [triple(p, RDF_TYPE, namedNode(`${S}Person`))])).toBe(false);
    expect(fastConforms(one, [triple(p, RDF_TYPE, namedNode(`${S}Person`)), triple(p, namedNode(`${S}name`), literal('Q'))])).toBe(true);
  });
});
