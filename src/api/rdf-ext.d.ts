// rdf-ext ships no type declarations: the one function filmkg calls (src/api/graph.ts types what it returns).
declare module 'rdf-ext' {
  const rdf: { dataset(quads?: Iterable<import('@rdfjs/types').Quad>): unknown };
  export default rdf;
}
