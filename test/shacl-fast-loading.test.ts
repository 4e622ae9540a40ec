// What the SHACL check loads: a graph the fast path passes never loads rdf-validate-shacl, clownface or jsonld (the cost
// the fast path exists to avoid); a graph with a violation does, and gets rdf-validate-shacl's report. Observed in fresh
// processes: the library's modules (dist/) through a module loader hook (node:module register) that logs every module
// URL loaded; the CLI, one bundle (dist/cli.cjs) whose modules each start in a function named after the module's file,
// through V8's coverage (NODE_V8_COVERAGE), which says which of those functions ran. Runs dist/ and bin/ (npm test
// compiles and bundles first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  /** The modules of the CLI bundle whose code ran in `filmkg …args` (exit code `status`). */
  function bundleModulesRun(args: string[], status = 0): string[] {
    const coverage = path.join(dir, `coverage-${(runs += 1)}`);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'filmkg.js'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_V8_COVERAGE: coverage, FILMKG_CODE_CACHE: '0' },
    });
    expect(r.status, r.stderr).toBe(status);
    const ran: string[] = [];
    for (const file of readdirSync(coverage)) {
      const { result } = JSON.parse(readFileSync(path.join(coverage, file), 'utf8')) as { result: Array<{ url: string; functions: Array<{ functionName: string; ranges: Array<{ count: number }> }> }> };
      for (const script of result.filter((s) => s.url.endsWith('/dist/cli.cjs'))) {
        for (const f of script.functions) if (f.functionName.startsWith('node_modules/') && f.ranges[0]!.count > 0) ran.push(f.functionName);
      }
    }
    return ran;
  }
  const bundled = (ran: string[], names: string[]) => names.filter((n) => ran.some((m) => m.startsWith(`node_modules/${n}/`)));

  it('filmkg validate and filmkg build (the CLI bundle) run neither rdf-validate-shacl nor clownface for the bundled film', () => {
    expect(existsSync(path.join(ROOT, 'dist', 'cli.cjs')), 'the CLI bundle (npm run build:ts)').toBe(true);
    const validate = bundleModulesRun(['validate']);
    expect(bundled(validate, ['n3', 'zod'])).toEqual(['n3', 'zod']); // the method sees the libraries that do run
    expect(bundled(validate, SLOW)).toEqual([]);
    expect(bundled(bundleModulesRun(['build', '--out', path.join(dir, 'out'), '--force']), ['rdf-validate-shacl', 'clownface'])).toEqual([]);
    // A graph with a violation: rdf-validate-shacl writes the report.
    const bad = bundleModulesRun(['validate', path.join(ROOT, 'test', 'shapes', 'person-without-name.ttl')], 1);
    expect(bundled(bad, SLOW)).toEqual(SLOW);
  }, 120_000);
});
