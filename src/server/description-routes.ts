// The routes of the server's descriptions: /dataset and /void.ttl (the VoID/DCAT description `filmkg build` writes as
// void.ttl, computed by the query threads from the graph served), /ontology and /shapes (ontology/filmkg.ttl and
// ontology/shapes.ttl), each negotiated by src/server/rdf-documents.ts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Parser } from 'n3';
import { DESCRIPTION_NS, describeDataset, descriptionTurtle } from '../describe/dataset.js';
import { DISTRIBUTIONS } from '../describe/step.js';
import { ONTOLOGY_DIR } from '../paths.js';
import type { Quad } from '../rdf.js';
import type { QueryResult, SparqlStore } from '../store/store.js';
import { NS } from '../vocab.js';
import type { Route } from './http.js';
import type { QueryPool } from './query-pool.js';
import { documentRoute, type RdfDocument } from './rdf-documents.js';

/** Where each description is served. */
export const DESCRIPTION_PATHS = { dataset: '/dataset', void: '/void.ttl', wellKnownVoid: '/.well-known/void', ontology: '/ontology', shapes: '/shapes' } as const;

/** A SparqlStore answering SELECT and ASK through the query threads (so describing a large graph never blocks the server). */
function poolStore(pool: QueryPool, timeoutMs: number): SparqlStore {
  return {
    async query(sparql: string): Promise<QueryResult> {
      const outcome = await pool.run({ query: sparql, accept: 'application/sparql-results+json', formats: [] }, { arrived: performance.now(), timeoutMs });
      if (!('body' in outcome)) throw new Error(`a description query failed with ${outcome.status}: ${outcome.message}`);
      const json = JSON.parse(new TextDecoder().decode(outcome.body)) as { head: { vars?: string[] }; results?: { bindings: [] }; boolean?: boolean };
      if (typeof json.boolean === 'boolean') return { kind: 'ask', value: json.boolean };
      return { kind: 'select', vars: json.head.vars ?? [], rows: json.results?.bindings ?? [] };
    },
    size: () => Promise.reject(new Error('poolStore: size() is not used')),
    close: () => undefined,
  };
}

/** /dataset (negotiated), /dataset.ttl … and /void.ttl: the description the build writes, with the same bytes in Turtle. */
export function datasetRoute(pool: QueryPool, base: string, timeoutMs: number): Route {
  return documentRoute({
    name: 'dataset description',
    path: DESCRIPTION_PATHS.dataset,
    fixed: { [DESCRIPTION_PATHS.void]: 'text/turtle', [DESCRIPTION_PATHS.wellKnownVoid]: 'text/turtle' },
    async load(): Promise<RdfDocument> {
      const quads = await describeDataset(poolStore(pool, timeoutMs), { base, files: DISTRIBUTIONS });
      return { quads, prefixes: { ...DESCRIPTION_NS, rdf: NS.rdf, rdfs: NS.rdfs, xsd: NS.xsd, prov: NS.prov, schema: NS.schema }, turtle: descriptionTurtle(quads) };
    },
  });
}

/** A Turtle file of ontology/ as a document: its own text for Turtle, its triples and prefixes for the rest. */
async function turtleFile(file: string): Promise<RdfDocument> {
  const turtle = await readFile(file, 'utf8');
  const prefixes: Record<string, string> = {};
  const quads = new Parser().parse(turtle, null, (prefix, iri) => {
    prefixes[prefix] = iri.value;
  }) as unknown as Quad[];
  return { quads, prefixes, turtle };
}

/** /ontology and /shapes (ontology/filmkg.ttl, ontology/shapes.ttl), negotiated, with suffixes. */
export function ontologyRoutes(): Route[] {
  return [
    documentRoute({ name: 'ontology', path: DESCRIPTION_PATHS.ontology, load: () => turtleFile(path.join(ONTOLOGY_DIR, 'filmkg.ttl')) }),
    documentRoute({ name: 'shapes', path: DESCRIPTION_PATHS.shapes, load: () => turtleFile(path.join(ONTOLOGY_DIR, 'shapes.ttl')) }),
  ];
}
