// Benchmark of the RDF syntaxes filmkg reads and writes beside Turtle, N-Triples and JSON-LD, on the bundled graph:
// reading RDF/XML with rdfxml-streaming-parser (what filmkg uses: its errors name the line) against oxigraph's own
// parser (the peer, whose errors name no line), in the same run; writing RDF/XML (oxigraph) and N-Quads (n3).
// Prints medians; run `npm run build:ts` first. Usage: node bench/rdf-formats.js [--runs N]
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import oxigraph from 'oxigraph';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const RUNS = Number(values.runs);

const { loadFilms } = await import(path.join(ROOT, 'dist/pipeline.js'));
const { buildGraph } = await import(path.join(ROOT, 'dist/graph.js'));
const { parseRdfXml } = await import(path.join(ROOT, 'dist/rdf-file.js'));
const { toRdfXml } = await import(path.join(ROOT, 'dist/export/rdfxml.js'));
const { toNQuads } = await import(path.join(ROOT, 'dist/export/nquads.js'));

const quads = buildGraph(await loadFilms());
const rdfxml = toRdfXml(quads);

async function median(fn) {
  await fn(); // warm-up
  const samples = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples).median;
}

// Interleaved, so that both see the same load on a shared machine.
const streaming = await median(() => parseRdfXml(rdfxml, 'graph.rdf'));
const ox = await median(() => oxigraph.parse(rdfxml, { format: 'application/rdf+xml' }));
const writeXml = await median(() => toRdfXml(quads));
const writeNq = await median(() => toNQuads(quads));

console.log(`bundled graph: ${quads.length} triples, ${(rdfxml.length / 1024).toFixed(0)} KiB of RDF/XML, ${RUNS} runs each`);
console.log(`read RDF/XML  rdfxml-streaming-parser  median ${streaming.toFixed(1)} ms`);
console.log(`read RDF/XML  oxigraph parse (peer)    median ${ox.toFixed(1)} ms`);
console.log(`ratio rdfxml-streaming-parser / oxigraph ${(streaming / ox).toFixed(2)}`);
console.log(`write RDF/XML (oxigraph)               median ${writeXml.toFixed(1)} ms`);
console.log(`write N-Quads (n3)                     median ${writeNq.toFixed(1)} ms`);
