// The names of the graph files in the output folder and their media types (a module of its own: build steps and the
// server import it without the build).
export const GRAPH_FILES = { turtle: 'graph.ttl', ntriples: 'graph.nt', jsonld: 'graph.jsonld' } as const;

/** The media type of each graph file, by file name. */
export const GRAPH_MEDIA_TYPES: Readonly<Record<string, string>> = {
  [GRAPH_FILES.turtle]: 'text/turtle',
  [GRAPH_FILES.ntriples]: 'application/n-triples',
  [GRAPH_FILES.jsonld]: 'application/ld+json',
};
