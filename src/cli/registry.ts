// Every CLI command, in the order `filmkg --help` lists them. Add a command: write src/cli/<name>.ts exporting a
// Command, then add one entry here. Modules load only when their command runs, so one-shot commands start fast.
import type { Command } from './command.js';

/** A command as the dispatcher knows it before loading it: its name, its one-line summary and how to load it. */
export interface CommandEntry {
  readonly name: string;
  readonly summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'extract', summary: 'print the facts of a film article as JSON (default: the bundled film)', load: async () => (await import('./extract.js')).extractCommand },
  { name: 'review', summary: 'print the rule decisions and unresolved rows of an article as a ready-to-edit curation file', load: async () => (await import('./review.js')).reviewCommand },
  { name: 'eval', summary: 'score the extractor against the hand-written gold files of the corpus (recall, precision)', load: async () => (await import('./eval.js')).evalCommand },
  { name: 'build', summary: 'build, check and write the knowledge graph of every film (Turtle, N-Triples, JSON-LD, VoID, pages)', load: async () => (await import('./build.js')).buildCommand },
  { name: 'query', summary: 'run a bundled or ad-hoc SPARQL query on the graph (table, JSON, CSV, TSV, Turtle)', load: async () => (await import('./query.js')).queryCommand },
  { name: 'validate', summary: 'check the graph (or any RDF file) against the SHACL shapes and the vocabulary', load: async () => (await import('./validate.js')).validateCommand },
  { name: 'export', summary: "write one film's HTML page or its schema.org JSON-LD embed", load: async () => (await import('./export.js')).exportCommand },
  { name: 'load', summary: 'push the graph to a triplestore (SPARQL 1.1 Graph Store Protocol) and check its triple count', load: async () => (await import('./load.js')).loadCommand },
  { name: 'completion', summary: 'print a bash completion script (source <(filmkg completion bash))', load: async () => (await import('./completion.js')).completionCommand },
  { name: 'serve', summary: 'serve a read-only SPARQL 1.1 endpoint, the film pages and every entity IRI on 127.0.0.1', load: async () => (await import('./serve.js')).serveCommand },
];
