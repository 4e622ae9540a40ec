// Benchmark of the shape check (SHACL + the list checks of src/check/lists.ts) as the graph grows: the bundled film's graph
// with N extra accolade rows and with N extra soundtrack tracks, made by duplicating the film's own statements under new
// IRIs (each accolade row: its statement and its reference nodes; each track: its list entry, recording, composition,
// speaking roles and their statements, the P658 statement with the next ordinal). Every graph conforms, so the time is
// the check's own. Prints the median per size and the ratio of the 10× size to the 1× size (linear: about 10).
// Run `npm run build:ts` first. Usage:
//   node bench/validate-scale.js [--runs N] [--accolades 4000] [--tracks 1000] [--factor 10] [--engine indexed|plain]
// (--engine plain: rdf-validate-shacl as shipped, over an N3.Store; src/check/shacl.ts)
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import N3 from 'n3';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    accolades: { type: 'string', default: '4000' },
    tracks: { type: 'string', default: '1000' },
    factor: { type: 'string', default: '10' },
    engine: { type: 'string', default: 'indexed' },
  },
});
const RUNS = Number(values.runs);
const ACCOLADES = Number(values.accolades);
const TRACKS = Number(values.tracks);
const FACTOR = Number(values.factor);
const ENGINE = values.engine;

const { loadFilms } = await import(path.join(ROOT, 'dist/pipeline.js'));
const { buildGraph } = await import(path.join(ROOT, 'dist/graph.js'));
const { validateQuads } = await import(path.join(ROOT, 'dist/check/shacl.js'));

const { namedNode, literal, quad } = N3.DataFactory;
// A full collection before each run, so that one size's garbage is not collected in the next size's time.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const P = 'http://www.wikidata.org/prop/';
const SCHEMA = 'http://schema.org/';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const PROV_DERIVED = 'http://www.w3.org/ns/prov#wasDerivedFrom';
const isClaim = (predicate) => /^http:\/\/www\.wikidata\.org\/prop\/P\d+$/.test(predicate);

const base = buildGraph(await loadFilms());
const bySubject = new Map();
for (const q of base) {
  const list = bySubject.get(q.subject.value) ?? [];
  list.push(q);
  bySubject.set(q.subject.value, list);
}
const about = (iri) => bySubject.get(iri) ?? [];
const objectsOf = (iri, predicate) => about(iri).filter((q) => q.predicate.value === predicate).map((q) => q.object.value);

/**
 * Copies of the triples about the nodes of `rename` (its keys), and of the triples from `anchors` to them, with every
 * renamed node replaced by its new IRI; `edit` may replace a copied triple's object.
 */
function copy(rename, anchors, edit = () => undefined) {
  const term = (t) => (t.termType === 'NamedNode' && rename.has(t.value) ? namedNode(rename.get(t.value)) : t);
  const out = [];
  for (const q of base) {
    const inside = rename.has(q.subject.value);
    if (!inside && !(anchors.has(q.subject.value) && q.object.termType === 'NamedNode' && rename.has(q.object.value))) continue;
    out.push(quad(term(q.subject), q.predicate, edit(q) ?? term(q.object)));
  }
  return out;
}

const film = base.find((q) => q.predicate.value === `${P}P166`).subject.value;
const awardStatements = [...objectsOf(film, `${P}P166`), ...objectsOf(film, `${P}P1411`)].sort();

/** The bundled graph with `n` more accolade rows: copies of its award statements (and their references) with new IRIs. */
function withAccolades(n) {
  const extra = [];
  for (let i = 0; i < n; i++) {
    const statement = awardStatements[i % awardStatements.length];
    const rename = new Map([[statement, `${statement}-row${i}`]]);
    for (const ref of objectsOf(statement, PROV_DERIVED)) rename.set(ref, `${ref}-row${i}`);
    extra.push(...copy(rename, new Set([film])));
  }
  return [...base, ...extra];
}

const albumIri = objectsOf(film, `${P}direct/P406`)[0];
const tracklist = objectsOf(albumIri, `${SCHEMA}track`)[0];
const entries = objectsOf(tracklist, `${SCHEMA}itemListElement`);
const trackCount = entries.length;
const entryOf = new Map(entries.map((e) => [Number(objectsOf(e, `${SCHEMA}position`)[0]), e]));
const p658 = new Map(objectsOf(albumIri, `${P}P658`).map((s) => [objectsOf(s, `${P}statement/P658`)[0], s]));

/** The bundled graph with `n` more tracks (positions after the album's own), copies of its tracks with new IRIs. */
function withTracks(n) {
  const extra = [];
  const anchors = new Set([albumIri, tracklist]);
  for (let i = 0; i < n; i++) {
    const template = (i % trackCount) + 1;
    const position = trackCount + i + 1;
    const entry = entryOf.get(template);
    const recording = objectsOf(entry, `${SCHEMA}item`)[0];
    const newRecording = recording.replace(/\/\d+$/, `/${position}`);
    const rename = new Map([[entry, entry.replace(/\/\d+$/, `/${position}`)]]);
    for (const iri of bySubject.keys()) {
      if (iri === recording || iri.startsWith(`${recording}/`)) rename.set(iri, newRecording + iri.slice(recording.length));
    }
    for (const node of [...rename.keys()]) {
      for (const q of about(node)) if (isClaim(q.predicate.value)) rename.set(q.object.value, `${q.object.value}-track${position}`);
    }
    const statement = p658.get(recording);
    rename.set(statement, `${statement}-track${position}`);
    extra.push(
      ...copy(rename, anchors, (q) => {
        if (q.subject.value === entry && q.predicate.value === `${SCHEMA}position`) return literal(String(position), namedNode(`${XSD}integer`));
        if (q.subject.value === statement && q.predicate.value === `${P}qualifier/P1545`) return literal(String(position));
        return undefined;
      }),
    );
  }
  const total = literal(String(trackCount + n), namedNode(`${XSD}integer`));
  return [...base.map((q) => (q.subject.value === tracklist && q.predicate.value === `${SCHEMA}numberOfItems` ? quad(q.subject, q.predicate, total) : q)), ...extra];
}

const ms = (x) => (x >= 10000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);

async function measure(label, quads) {
  const wall = [];
  const cpu = [];
  let heap = 0;
  for (let i = 0; i < RUNS; i++) {
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const outcome = await validateQuads(quads, { engine: ENGINE });
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    heap = Math.max(heap, process.memoryUsage().heapUsed);
    if (!outcome.conforms) throw new Error(`${label}: the scaled graph does not conform:\n${JSON.stringify(outcome.violations.slice(0, 3), null, 1)}`);
  }
  const w = stats(wall);
  const c = stats(cpu);
  console.log(`  ${label.padEnd(24)} ${String(quads.length).padStart(7)} triples  median ${ms(w.median).padStart(8)}  (cpu ${ms(c.median).padStart(8)})  heap ${(heap / 1048576).toFixed(0).padStart(5)} MB`);
  return { wall: w.median, cpu: c.median };
}

const ratio = (big, small) => `${(big.wall / small.wall).toFixed(1)} (cpu ${(big.cpu / small.cpu).toFixed(1)})`;

console.log(`shape check (SHACL + list checks, ${ENGINE} engine) of the bundled graph scaled up, median of ${RUNS} run(s) each (wall clock; cpu = user + system time):`);
await validateQuads(base, { engine: ENGINE }); // warm-up: the validator and the shapes are built once per process
await measure('bundled graph', base);
const a1 = await measure(`+${ACCOLADES} accolade rows`, withAccolades(ACCOLADES));
const a10 = await measure(`+${ACCOLADES * FACTOR} accolade rows`, withAccolades(ACCOLADES * FACTOR));
const t1 = await measure(`+${TRACKS} tracks`, withTracks(TRACKS));
const t10 = await measure(`+${TRACKS * FACTOR} tracks`, withTracks(TRACKS * FACTOR));
console.log(`peak RSS of the process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(`ratio ${FACTOR}× rows / 1× rows (linear: ${FACTOR}; target ≤ ${(FACTOR * 1.2).toFixed(0)}): accolades ${ratio(a10, a1)}, tracks ${ratio(t10, t1)}`);
