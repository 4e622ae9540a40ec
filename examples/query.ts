// Builds the bundled film's graph and asks it who plays whom: the answers are RDF/JS terms.
import path from 'node:path';
import { buildGraph, bundledQuery, extractArticleFile, FILMS_DIR, openStore } from 'filmkg';

const facts = await extractArticleFile(path.join(FILMS_DIR, 'leaving-las-vegas'));
const store = await openStore(buildGraph([facts]));
try {
  const { variables, bindings } = await store.select(bundledQuery('cast'));
  console.log(variables.join('\t'));
  for (const row of bindings) console.log(variables.map((v) => row[v]?.value ?? '').join('\t'));
  const won = await store.ask('PREFIX schema: <http://schema.org/> ASK { ?film schema:award ?award }');
  console.log(`has an award: ${won}`);
} finally {
  store.close();
}
