// The JSON-LD context: ontology/context.jsonld is what src/vocab.ts generates (regenerate with `npm run context`), and the export uses it.
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { CONTEXT_FILE, contextDocument, graphContext } from '../src/export/context.js';
import { toJsonLdDocument } from '../src/export/jsonld.js';
import { buildGraph } from '../src/graph.js';
import { NS } from '../src/vocab.js';
import { richFacts } from './helpers/rich.js';

describe('JSON-LD context', () => {
  test('ontology/context.jsonld is up to date with src/vocab.ts (else run: npm run context)', async () => {
    expect(await readFile(CONTEXT_FILE, 'utf8')).toBe(contextDocument());
  });

  test('it defines every namespace of the vocabulary module as a prefix, and nothing else', () => {
    expect(graphContext()).toEqual({ ...NS });
  });

  test('the whole-graph JSON-LD is compacted with it: the context is inlined and IRIs use its prefixes', async () => {
    const doc = await toJsonLdDocument(buildGraph([richFacts()]));
    expect(doc['@context']).toEqual(graphContext());
    const nodes = doc['@graph'] as Array<Record<string, unknown>>;
    const film = nodes.find((n) => n['@id'] === 'https://filmkg.example/film/leaving-las-vegas');
    expect(film?.['@type']).toBe('schema:Movie');
    expect(film?.['schema:name']).toBe('Leaving Las Vegas');
    expect(film?.['wdt:P31']).toEqual({ '@id': 'wd:Q11424' });
  });
});
