// `filmkg extract`: what it prints for each kind of ARTICLE argument, its notes on stderr, and its usage errors.
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { FilmFacts } from '../src/facts/model.js';
import { FILMS_DIR } from '../src/paths.js';

const BUNDLED = path.join(FILMS_DIR, 'leaving-las-vegas');
const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'films');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'filmkg-cli-extract-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function extract(args: string[], cwd = process.cwd()) {
  const io = captureIo(cwd);
  const status = await run(['extract', ...args], io);
  return { status, out: io.out, err: io.err };
}

describe('filmkg extract', () => {
  it('prints the bundled film by default: 2-space JSON, keys in the facts model order, only the summary on stderr', async () => {
    const { status, out, err } = await extract([]);
    expect(status).toBe(0);
    // With its curation file the bundled film has no open row and no diagnostic.
    expect(err).toBe('filmkg extract: 0 diagnostic(s): 0 error(s), 0 warning(s), 0 info; 0 row(s) decided by rule, 0 need review (filmkg review prints them as a curation file)\n');
    expect(out.endsWith('}\n')).toBe(true);
    expect(out.split('\n')[1]).toMatch(/^ {2}"source": \{$/);
    const facts = JSON.parse(out);
    expect(Object.keys(facts)).toEqual(Object.keys(FilmFacts.shape).filter((k) => k in facts));
    expect(facts.source.slug).toBe('leaving-las-vegas');
  });

  it('reads a film folder given relative to the working directory, and its article.txt the same way', async () => {
    const byDefault = await extract([]);
    const folder = await extract([path.relative(FILMS_DIR, BUNDLED)], FILMS_DIR);
    const article = await extract([path.join(BUNDLED, 'article.txt')]);
    expect(folder.out).toBe(byDefault.out);
    expect(article.out).toBe(byDefault.out);
  });

  it('prints the facts before curation with --no-curation', async () => {
    const facts = JSON.parse((await extract(['--no-curation'])).out);
    // Before curation the extractor's rules decide the 13 rows without a recipient cell, each with its rule.
    expect(facts.accolades.filter((a: { decision?: { rules?: string[] } }) => a.decision?.rules !== undefined)).toHaveLength(13);
    expect(facts.diagnostics.filter((d: { code: string }) => d.code.startsWith('span:'))).toHaveLength(13);
    expect(facts.externalIds).toEqual([]);
  });

  it('reads a bare article with assumed metadata, says what it assumed, and gives the same bytes each time', async () => {
    const file = path.join(tmp, 'some article.txt');
    copyFileSync(path.join(BUNDLED, 'article.txt'), file);
    const first = await extract([file]);
    const second = await extract([file]);
    expect(first.status).toBe(0);
    expect(second.out).toBe(first.out);
    expect(first.err.split('\n')[0]).toBe(
      `filmkg extract: note: no metadata.json beside ${file}; assumed slug "leaving-las-vegas" and title "Leaving Las Vegas" (the article's title line), ` +
        `url ${pathToFileURL(file).href}, licence CC BY-SA 3.0, retrieved 2023-05-30 (the revision date), no curation`,
    );
    // No curation beside a bare file: the rules decide the 13 rows, each reported as a warning.
    expect(first.err).toMatch(/filmkg extract: 13 diagnostic\(s\): 0 error\(s\), 13 warning\(s\), 0 info; 13 row\(s\) decided by rule, 0 need review/);
    const facts = JSON.parse(first.out);
    expect(facts.source).toMatchObject({ slug: 'leaving-las-vegas', title: 'Leaving Las Vegas', retrieved: '2023-05-30', licence: { name: 'CC BY-SA 3.0' } });
    expect(facts.accolades).toHaveLength(61);
    expect(facts.externalIds).toEqual([]); // no curation for a file outside a film folder
  });

  it('reports unknown infobox labels on stderr and keeps them', async () => {
    const { status, out, err } = await extract([path.join(FIXTURES, 'northern-static')]);
    expect(status).toBe(0);
    expect(err).toContain(': info infobox:unknown-label: infobox label "Color process" is not mapped; kept in unknownInfoboxFields\n');
    expect(err).toMatch(/northern-static\/article.txt:47: info infobox:unknown-label/);
    expect(JSON.parse(out).unknownInfoboxFields).toMatchObject([{ label: 'Color process', values: ['Technicolor'] }]);
  });

  it('documents itself', async () => {
    const { status, out } = await extract(['--help']);
    expect(status).toBe(0);
    for (const word of ['ARTICLE', '--no-curation', '--strict', 'metadata.json', 'diagnostics', 'needs review', 'Exit codes']) expect(out).toContain(word);
  });

  it('refuses two articles and unknown options with exit 2 and nothing on stdout', async () => {
    const two = await extract([BUNDLED, BUNDLED]);
    expect([two.status, two.out]).toEqual([2, '']);
    expect(two.err).toMatch(/error \[USAGE\]: extract takes at most one ARTICLE/);
    const flag = await extract(['--format=xml']);
    expect([flag.status, flag.out]).toEqual([2, '']);
  });

  it('fails with exit 1, one line and no stdout on a missing article or a bad curation file', async () => {
    const missing = await extract([path.join(tmp, 'missing.txt')]);
    expect([missing.status, missing.out]).toEqual([1, '']);
    expect(missing.err).toMatch(/^filmkg extract: error \[FILE_NOT_FOUND\]: .*missing\.txt: no such file or folder/);
    const dir = path.join(tmp, 'film');
    cpSync(BUNDLED, dir, { recursive: true });
    const curation = JSON.parse(readFileSync(path.join(dir, 'curation.json'), 'utf8'));
    curation.decisions[0].recipients = ['Elisabeth Shue'];
    writeFileSync(path.join(dir, 'curation.json'), JSON.stringify(curation));
    const bad = await extract([dir]);
    expect([bad.status, bad.out]).toEqual([1, '']);
    expect(bad.err).toBe(
      `filmkg extract: error [BAD_CURATION]: ${path.join(dir, 'curation.json')}: decisions[0]: decision "${curation.decisions[0].id}": line 94 does not name Elisabeth Shue; ` +
        'expected the row whose recipient cell spans this row; got "Best Adapted Screenplay Mike Figgis Nominated"\n',
    );
  });
});
