// The names of the graph files in the output folder (a module of its own: build steps import it without the build).
export const GRAPH_FILES = { turtle: 'graph.ttl', ntriples: 'graph.nt', jsonld: 'graph.jsonld' } as const;
