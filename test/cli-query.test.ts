// `filmkg query` from the CLI: bundled queries by name, formats, --list, and its errors (codes and places).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { QUERY_AUTH_ENV } from '../src/cli/query.js';
import { PROJECT_ROOT } from '../src/paths.js';
import { AUTH_ENV } from '../src/remote/http.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'filmkg-cli-query-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function query(...args: string[]) {
  const io = captureIo(tmp);
  const status = await run(['query', ...args], io);
  return { status, out: io.out, err: io.err };
}

describe('filmkg query', () => {
  it('lists the bundled queries with their questions', async () => {
    const { status, out } = await query('--list');
    expect(status).toBe(0);
    expect(out).toMatch(/^accolades-by-award-body\s+The accolades grouped by award body/m);
    expect(out.trim().split('\n').length).toBeGreaterThanOrEqual(15);
  });

  it('prints a table for people, and the W3C formats on request', async () => {
    const table = await query('cast');
    expect(table.status).toBe(0);
    expect(table.out).toMatch(/Nicolas Cage\s+│ Ben Sanderson/);
    expect(table.out).toMatch(/\(3 rows\)\n$/);
    const csv = await query('cast', '--format', 'csv');
    expect(csv.out).toBe('film,actor,character\r\nLeaving Las Vegas,Elisabeth Shue,Sera\r\nLeaving Las Vegas,Lou Rawls,Concerned Cabbie\r\nLeaving Las Vegas,Nicolas Cage,Ben Sanderson\r\n');
    const json = JSON.parse((await query('cast', '--format', 'json')).out);
    expect(json.head.vars).toEqual(['film', 'actor', 'character']);
    expect(json.results.bindings).toHaveLength(3);
    const tsv = await query('-e', 'SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://schema.org/Movie> }', '--format', 'tsv');
    expect(tsv.out).toBe('?n\n1\n');
  });

  it('answers ASK with true or false and CONSTRUCT with Turtle', async () => {
    expect((await query('won-academy-award.ask')).out).toBe('true\n');
    expect((await query('-e', 'ASK { ?s <http://schema.org/name> "No Such Film" }')).out).toBe('false\n');
    const ttl = await query('cast-card.construct');
    expect(ttl.out).toContain('"Ben Sanderson"');
  });

  it('runs a query file', async () => {
    const file = path.join(tmp, 'q.rq');
    writeFileSync(file, 'SELECT ?n WHERE { ?f a <http://schema.org/Movie> ; <http://schema.org/name> ?n }\n');
    expect((await query('q.rq', '--format', 'csv')).out).toBe('n\r\nLeaving Las Vegas\r\n');
  });

  it('shows a syntax error with its line, and exits 1', async () => {
    const file = path.join(tmp, 'bad.rq');
    writeFileSync(file, 'SELECT ?x\nWHERE { ?x ?y }\n');
    const { status, out, err } = await query('bad.rq');
    expect(status).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/error \[BAD_QUERY\]: bad\.rq:2: SPARQL syntax error/);
  });

  it('refuses updates, unknown queries and unknown formats with what exists', async () => {
    const update = await query('-e', 'INSERT DATA { <urn:a> <urn:b> <urn:c> }');
    expect(update.status).toBe(1);
    expect(update.err).toMatch(/BAD_QUERY.*read-only/);
    const unknown = await query('no-such-query');
    expect(unknown.status).toBe(1);
    expect(unknown.err).toMatch(/UNKNOWN_QUERY.*expected one of accolades-by-award-body, .*soundtrack/);
    // A bad --format is a usage error (exit 2), as in every command.
    const format = await query('cast', '--format', 'yaml');
    expect(format.status).toBe(2);
    expect(format.err).toMatch(/UNKNOWN_FORMAT.*expected one of table, json, xml, csv, tsv, turtle, ntriples, nquads, rdfxml/);
    const misfit = await query('cast-card.construct', '--format', 'csv');
    expect(misfit.status).toBe(2);
    expect(misfit.err).toMatch(/does not fit a CONSTRUCT query; expected one of turtle, ntriples, nquads, rdfxml/);
  });

  it('needs exactly one query', async () => {
    expect((await query()).status).toBe(2);
    expect((await query('cast', '-e', 'ASK {}')).status).toBe(2);
  });

  it('shortens the IRIs of a table with the vocabulary\'s prefixes', async () => {
    const sparql = 'SELECT ?t ?s WHERE { ?f a ?t ; <http://schema.org/sameAs> ?s FILTER(?t = <http://schema.org/Movie> && STRSTARTS(STR(?s), "https://www.imdb.com/")) }';
    const { status, out } = await query('-e', sparql);
    expect(status).toBe(0);
    // A namespace of src/vocab.ts shortens an IRI; any other IRI is shown whole.
    expect(out).toMatch(/^schema:Movie │ <https:\/\/www\.imdb\.com\/title\/tt\d+\/>$/m);
  });

  it('names in its help the variable the remote client reads credentials from', () => {
    expect(QUERY_AUTH_ENV).toBe(AUTH_ENV);
  });
});

describe('filmkg query as a process: what it loads', () => {
  /** The files (under the project) `filmkg query …` loads as ES modules, seen by a resolve hook; the graph is out/graph.nt. */
  function loaded(args: string[]): string[] {
    const log = path.join(tmp, `loaded-${args.length}-${args[0]}.txt`);
    const hook = path.join(tmp, 'resolve-hook.mjs');
    writeFileSync(
      hook,
      `import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const r = await next(specifier, context);\n  if (r.url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, r.url + '\\n');\n  return r;\n}\n`,
    );
    const register = path.join(tmp, 'register-hook.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`);
    writeFileSync(log, '');
    // The modules of dist/ as they are (bin/filmkg.js runs them bundled into one file, dist/cli.cjs, where each module
    // dynamically imported here is still initialised only when that import runs).
    const main = pathToFileURL(path.join(PROJECT_ROOT, 'dist', 'cli', 'main.js')).href;
    const script = `const { run } = await import(${JSON.stringify(main)}); process.exitCode = await run(${JSON.stringify(['query', ...args])});`;
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, '--input-type=module', '-e', script], { cwd: tmp, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const root = pathToFileURL(PROJECT_ROOT).href;
    return [...new Set(readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith(root)).map((u) => u.slice(root.length)))].sort();
  }

  it('loads no sparqljs, vocabulary or remote client for an unedited bundled query; a query of your own is checked by sparqljs', () => {
    // A built graph newer than the films and the code (written now), so the query answers from it, as after `filmkg build`.
    mkdirSync(path.join(tmp, 'out'), { recursive: true });
    writeFileSync(path.join(tmp, 'out', 'graph.nt'), '<https://example.org/f> <http://schema.org/name> "F" .\n');
    const bundled = loaded(['cast']);
    expect(bundled).toContain('dist/cli/query.js');
    expect(bundled).toContain('node_modules/oxigraph/node.js');
    expect(bundled.filter((f) => /sparqljs|vocab|remote\/|rdf-data-factory|n3\//.test(f))).toEqual([]);
    const own = loaded(['-e', 'SELECT * WHERE { ?s ?p ?o }']);
    expect(own).toContain('node_modules/sparqljs/sparql.js');
    expect(own).toContain('dist/sparql/check.js');
  }, 60_000);
});
