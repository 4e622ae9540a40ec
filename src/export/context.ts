// The JSON-LD context of the whole-graph export, generated from src/vocab.ts (ontology/context.jsonld is its written form).
import path from 'node:path';
import { ONTOLOGY_DIR } from '../paths.js';
import { NS } from '../vocab.js';

/** Where the generated context is kept (regenerate: `npm run context`). */
export const CONTEXT_FILE = path.join(ONTOLOGY_DIR, 'context.jsonld');

/** A JSON-LD context object: prefix definitions only, so compaction is lossless and never guesses datatypes. */
export type JsonLdContext = Readonly<Record<string, string>>;

/** The context: every namespace of src/vocab.ts as a prefix, in the vocabulary module's order. */
export function graphContext(): JsonLdContext {
  return { ...NS };
}

/** The text of ontology/context.jsonld: `{"@context": {...}}`, two-space indented, with a final newline. */
export function contextDocument(): string {
  return `${JSON.stringify({ '@context': graphContext() }, null, 2)}\n`;
}
