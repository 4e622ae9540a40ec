// Data-driven: every bundled query (queries/*.rq) runs on the bundled film and gives its reviewed expected results
// (test/queries/<name>.expected.tsv for SELECT — W3C SPARQL TSV; .nt for CONSTRUCT/DESCRIBE, sorted; .txt for ASK).
// Each expected file was checked against the article (see the notes in the issue); regenerate after a reviewed change:
//   UPDATE_GOLDEN=1 npx vitest run test/queries.test.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNTriples } from '../src/export/ntriples.js';
import { buildGraph } from '../src/graph.js';
import { loadFilms } from '../src/pipeline.js';
import { bundledQueries } from '../src/sparql/bundled.js';
import { checkQuery } from '../src/sparql/check.js';
import { checkQueryOnce, queryHash, recordedCheck } from '../src/sparql/check-once.js';
import { OxigraphStore } from '../src/store/oxigraph.js';
import { NS } from '../src/vocab.js';
import { canonicalTsv } from './helpers/results.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const CHECKS_FILE = path.join(import.meta.dirname, '..', 'src', 'sparql', 'bundled-checks.ts');
const EXPECTED = path.join(import.meta.dirname, 'queries');
const QUERIES = bundledQueries();
let store: OxigraphStore;

beforeAll(async () => {
  store = OxigraphStore.fromText(toNTriples(buildGraph(await loadFilms())));
});
afterAll(() => store.close());

/** The query's answer as text: TSV for SELECT, true/false for ASK, sorted N-Triples for graphs. */
function answer(text: string): { ext: string; body: string } {
  const { form } = checkQuery(text);
  if (form === 'ASK') {
    const r = store.querySync(text);
    return { ext: 'txt', body: `${r.kind === 'ask' && r.value}\n` };
  }
  if (form === 'CONSTRUCT' || form === 'DESCRIBE') {
    const r = store.querySync(text);
    return { ext: 'nt', body: r.kind === 'graph' ? r.ntriples : '' };
  }
  // GROUP_CONCAT order is the store's choice: lists are kept sorted (see helpers/results.ts).
  return { ext: 'tsv', body: canonicalTsv(store.serialize(text, 'text/tab-separated-values')) };
}

describe('bundled queries', () => {
  it('are at least 15, each with a question, including CONSTRUCT, ASK and DESCRIBE', () => {
    expect(QUERIES.length).toBeGreaterThanOrEqual(15);
    for (const q of QUERIES) expect(q.question, q.name).toMatch(/\?|:|\.$/);
    const forms = new Set(QUERIES.map((q) => checkQuery(q.text).form));
    expect([...forms].sort()).toEqual(['ASK', 'CONSTRUCT', 'DESCRIBE', 'SELECT']);
  });

  it('declare only the project’s own prefixes, with the IRIs src/vocab.ts gives', () => {
    for (const q of QUERIES) {
      for (const m of q.text.matchAll(/^PREFIX (\w+): <([^>]+)>/gm)) {
        expect(NS[m[1] as keyof typeof NS], `${q.name}: PREFIX ${m[1]}`).toBe(m[2]);
      }
    }
  });

  it.each(QUERIES.map((q) => [q.name, q] as const))('%s gives its reviewed results', (_name, q) => {
    const { ext, body } = answer(q.text);
    const file = path.join(EXPECTED, `${q.name}.expected.${ext}`);
    if (UPDATE) writeFileSync(file, body);
    expect(existsSync(file), `${file} missing: run UPDATE_GOLDEN=1 npx vitest run test/queries.test.ts`).toBe(true);
    expect(body).toBe(readFileSync(file, 'utf8'));
  });
});

/** src/sparql/bundled-checks.ts as it must be: what checkQuery (sparqljs) says of each bundled query now, by name and hash. */
function bundledChecksModule(): string {
  const entries = QUERIES.map((q) => `  '${q.name}': { sha256: '${queryHash(q.text)}', form: '${checkQuery(q.text, q.file).form}' },`);
  return `// Generated: what checkQuery (src/sparql/check.ts: sparqljs, the nesting limits, no updates) said of each bundled query,
// keyed by name and the SHA-256 of its text (src/sparql/check-once.ts). test/queries.test.ts proves it current; after
// editing queries/*.rq or the check, regenerate: UPDATE_GOLDEN=1 npx vitest run test/queries.test.ts
import type { QueryForm } from './check.js';

/** The recorded check of each bundled query (queries/NAME.rq): the SHA-256 of the text that passed, and its form. */
export const BUNDLED_CHECKS: Readonly<Record<string, { readonly sha256: string; readonly form: QueryForm }>> = {
${entries.join('\n')}
};
`;
}

describe('the recorded checks of the bundled queries (filmkg query NAME loads no sparqljs)', () => {
  it('are exactly what checkQuery says of every bundled query now, and nothing else', () => {
    const expected = bundledChecksModule();
    if (UPDATE) writeFileSync(CHECKS_FILE, expected);
    expect(readFileSync(CHECKS_FILE, 'utf8'), 'src/sparql/bundled-checks.ts is stale: run UPDATE_GOLDEN=1 npx vitest run test/queries.test.ts').toBe(expected);
  });

  it('answer only for the unedited text of that bundled query', async () => {
    const cast = QUERIES.find((q) => q.name === 'cast');
    if (cast === undefined) throw new Error('no bundled query "cast"');
    expect(recordedCheck('cast', cast.text)).toEqual({ form: 'SELECT', text: cast.text });
    // One character more, another query's name, or no name (a file, standard input, -e): no recorded check.
    expect(recordedCheck('cast', `${cast.text} `)).toBeUndefined();
    expect(recordedCheck('characters', cast.text)).toBeUndefined();
    expect(recordedCheck('__proto__', cast.text)).toBeUndefined();
    // The full check then runs: an edited bundled query that is no longer valid is refused as any query is.
    const broken = cast.text.replace('WHERE {', 'WHERE {{');
    await expect(checkQueryOnce(broken, 'queries/cast.rq', 'cast')).rejects.toMatchObject({ code: 'BAD_QUERY' });
    const update = 'INSERT DATA { <urn:a> <urn:b> <urn:c> }';
    await expect(checkQueryOnce(update, 'queries/cast.rq', 'cast')).rejects.toMatchObject({ code: 'BAD_QUERY', message: expect.stringMatching(/read-only/) });
    await expect(checkQueryOnce(cast.text, 'query')).resolves.toEqual({ form: 'SELECT', text: cast.text });
  });
});
