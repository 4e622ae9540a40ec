// What the SHACL check loads: a graph the fast path passes never loads rdf-validate-shacl, clownface or jsonld (the cost
// the fast path exists to avoid); a graph with a violation does, and gets rdf-validate-shacl's report. Observed in fresh
// processes through a module loader hook (node:module register) that logs every module URL loaded. Runs dist/ and
// bin/ (npm test compiles first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'filmkg-shacl-loading-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  path.join(dir, 'hooks.mjs'),
  `import { appendFileSync } from 'node:fs';
let log;
export async function initialize(data) { log = data.log; }
export async function load(url, context, next) { appendFileSync(log, url + '\\n'); return next(url, context); }
`,
);
writeFileSync(
  path.join(dir, 'register.mjs'),
  `import { register } from 'node:module';
register(new URL('./hooks.mjs', import.meta.url), { data: { log: process.env.FILMKG_TEST_LOAD_LOG } });
`,
);
// Validates the bundled graph, or the same graph without the film's labels (a violation of LabelShape).
writeFileSync(
  path.join(dir, 'validate.mjs'),
  `const dist = (m) => import(new URL('dist/' + m, ${JSON.stringify(pathToFileURL(ROOT + path.sep).href)}).href);
const { loadFilms } = await dist('pipeline.js');
const { buildGraph } = await dist('graph.js');
const { validateQuads } = await dist('check/shacl.js');
let graph = buildGraph(await loadFilms());
if (process.argv[2] === 'damaged') {
  const film = graph.find((q) => q.predicate.value.endsWith('#type') && q.object.value === 'http://schema.org/Movie').subject;
  graph = graph.filter((q) => !(q.subject.equals(film) && q.predicate.value === 'http://www.w3.org/2000/01/rdf-schema#label'));
}
const outcome = await validateQuads(graph);
console.log(JSON.stringify({ conforms: outcome.conforms, violations: outcome.violations.length, report: outcome.reportTurtle.length }));
`,
);

let runs = 0;
/** Runs `args` in a fresh node with the logging hook; the URLs of the modules it loaded, and its output. */
function loaded(args: string[]): { modules: string[]; stdout: string } {
  const log = path.join(dir, `loaded-${(runs += 1)}.log`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, FILMKG_TEST_LOAD_LOG: log },
  });
  expect(r.status, r.stderr).toBe(0);
  return { modules: readFileSync(log, 'utf8').split('\n').filter(Boolean), stdout: r.stdout };
}
const packages = (modules: string[], names: string[]) => names.filter((n) => modules.some((m) => m.includes(`/node_modules/${n}/`)));
const SLOW = ['rdf-validate-shacl', 'clownface', 'jsonld'];

describe('the SHACL check, in a fresh process', () => {
  it('loads none of rdf-validate-shacl, clownface, jsonld for a conforming graph', () => {
    const { modules, stdout } = loaded([path.join(dir, 'validate.mjs')]);
    expect(JSON.parse(stdout)).toMatchObject({ conforms: true, violations: 0 });
    expect(modules.some((m) => m.endsWith('/dist/check/shacl-fast.js'))).toBe(true); // the hook sees filmkg's own modules
    expect(packages(modules, SLOW)).toEqual([]);
  });

  it('loads rdf-validate-shacl (and jsonld for the report) for a graph with a violation', () => {
    const { modules, stdout } = loaded([path.join(dir, 'validate.mjs'), 'damaged']);
    expect(JSON.parse(stdout)).toMatchObject({ conforms: false, violations: 1 });
    expect(JSON.parse(stdout).report).toBeGreaterThan(400); // rdf-validate-shacl's report graph, not the constant one
    expect(packages(modules, SLOW)).toEqual(SLOW);
  });

  it('filmkg validate and filmkg build load neither rdf-validate-shacl nor clownface for the bundled film', () => {
    expect(packages(loaded([path.join(ROOT, 'bin', 'filmkg.js'), 'validate']).modules, SLOW)).toEqual([]);
    const out = path.join(dir, 'out');
    expect(packages(loaded([path.join(ROOT, 'bin', 'filmkg.js'), 'build', '--out', out, '--force']).modules, ['rdf-validate-shacl', 'clownface'])).toEqual([]);
  }, 120_000);
});
