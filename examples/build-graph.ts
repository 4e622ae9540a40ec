// From an article's text to checked, written graph files: extract and curate, build a dataset, validate, serialize.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildDataset, extractArticle, FILMS_DIR, parseCuration, serialize, validateGraph, type FilmMetadata } from 'filmkg';

const film = path.join(FILMS_DIR, 'leaving-las-vegas');
const outDir = process.argv[2] ?? 'graph-out';
const text = await readFile(path.join(film, 'article.txt'), 'utf8');
const metadata = JSON.parse(await readFile(path.join(film, 'metadata.json'), 'utf8')) as FilmMetadata;
const curation = parseCuration(await readFile(path.join(film, 'curation.json'), 'utf8'), 'curation.json');

const facts = extractArticle(text, { metadata, curation });
const dataset = await buildDataset([facts]);
const report = await validateGraph(dataset);
console.log(`${facts.title.value}: ${dataset.size} triples, ${facts.diagnostics.length} diagnostics, conforms: ${report.conforms}`);
if (!report.conforms) process.exit(1);

await mkdir(outDir, { recursive: true });
for (const [format, file] of [['turtle', 'graph.ttl'], ['ntriples', 'graph.nt'], ['jsonld', 'graph.jsonld']] as const) {
  await writeFile(path.join(outDir, file), await serialize(dataset, format));
  console.log(`wrote ${file}`);
}
