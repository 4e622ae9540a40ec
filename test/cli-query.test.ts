// `filmkg query` from the CLI: bundled queries by name, formats, --list, and its errors (codes and places).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';

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
});
