// The front of the pipeline: loadFilm / loadFilms over film folders (article, metadata, curation), errors naming the file.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FilmkgError } from '../src/errors.js';
import { FILMS_DIR } from '../src/paths.js';
import { extractFacts, loadFilm, loadFilms } from '../src/pipeline.js';

const BUNDLED = path.join(FILMS_DIR, 'leaving-las-vegas');
const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'films');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'filmkg-pipeline-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of a film folder under the temp dir, with some files replaced (undefined: removed). */
function filmCopy(name: string, from: string, replace: Record<string, string | undefined> = {}): string {
  const dir = path.join(tmp, name);
  cpSync(from, dir, { recursive: true });
  for (const [file, content] of Object.entries(replace)) {
    if (content === undefined) rmSync(path.join(dir, file));
    else writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

async function errorOf(promise: Promise<unknown>): Promise<FilmkgError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof FilmkgError) return e;
    throw e;
  }
  throw new Error('expected a FilmkgError');
}

describe('loadFilm', () => {
  it('extracts, curates and checks the bundled film', async () => {
    const facts = await loadFilm(BUNDLED);
    expect(facts.source.slug).toBe('leaving-las-vegas');
    expect([facts.accolades.length, facts.soundtrack?.tracks.length, facts.references.length]).toEqual([61, 25, 27]);
    expect(facts.accolades.filter((a) => a.decision).length).toBe(13);
  });

  it('is extractFacts plus the curation decisions', async () => {
    const text = readFileSync(path.join(BUNDLED, 'article.txt'), 'utf8');
    const meta = JSON.parse(readFileSync(path.join(BUNDLED, 'metadata.json'), 'utf8'));
    const extracted = extractFacts(text, meta, path.join(BUNDLED, 'article.txt'));
    const loaded = await loadFilm(BUNDLED);
    expect(loaded.references).toEqual(extracted.references);
    expect(loaded.credits.filter((c) => !c.decision)).toEqual(extracted.credits);
    expect(extracted.externalIds).toEqual([]);
    expect(loaded.externalIds.length).toBeGreaterThan(0);
  });

  it('reads a film folder without curation.json', async () => {
    const dir = filmCopy('no-curation', BUNDLED, { 'curation.json': undefined });
    const facts = await loadFilm(dir);
    // Without a curation file the extractor's rules decide the 13 rows without a recipient cell; none is left open.
    expect(facts.accolades.filter((a) => a.decision?.rules !== undefined)).toHaveLength(13);
    expect(facts.accolades.filter((a) => a.recipientSource === 'needs-review')).toHaveLength(0);
  });

  it('fails with FILE_NOT_FOUND naming a missing article', async () => {
    const noArticle = filmCopy('no-article', BUNDLED, { 'article.txt': undefined });
    expect(await errorOf(loadFilm(noArticle))).toMatchObject({ code: 'FILE_NOT_FOUND', place: { file: path.join(noArticle, 'article.txt') } });
  });

  it('reads a folder with an article and no metadata.json with assumed metadata (a user\'s own article)', async () => {
    const noMeta = filmCopy('no-meta', BUNDLED, { 'metadata.json': undefined });
    const facts = await loadFilm(noMeta);
    expect(facts.source).toMatchObject({ slug: 'leaving-las-vegas', title: 'Leaving Las Vegas', retrieved: '2023-05-30' });
    expect(facts.source.attribution).toMatch(/assumed/);
  });

  it('fails with BAD_METADATA naming the field', async () => {
    const meta = JSON.parse(readFileSync(path.join(BUNDLED, 'metadata.json'), 'utf8'));
    const dir = filmCopy('bad-meta', BUNDLED, { 'metadata.json': JSON.stringify({ ...meta, retrieved: '2023-02-30' }) });
    const e = await errorOf(loadFilm(dir));
    expect(e).toMatchObject({ code: 'BAD_METADATA', place: { file: path.join(dir, 'metadata.json'), path: 'retrieved' } });
    const notJson = filmCopy('meta-not-json', BUNDLED, { 'metadata.json': '{"slug":' });
    expect(await errorOf(loadFilm(notJson))).toMatchObject({ code: 'BAD_METADATA', place: { file: path.join(notJson, 'metadata.json') } });
  });

  it('fails with BAD_CURATION naming the decision that targets nothing', async () => {
    const curation = JSON.parse(readFileSync(path.join(BUNDLED, 'curation.json'), 'utf8'));
    curation.decisions[3].accolade.line = 150;
    const dir = filmCopy('bad-curation', BUNDLED, { 'curation.json': JSON.stringify(curation) });
    const e = await errorOf(loadFilm(dir));
    expect(e.code).toBe('BAD_CURATION');
    expect(e.place).toEqual({ file: path.join(dir, 'curation.json'), path: 'decisions[3]' });
    expect(e.message).toContain(`decision "${curation.decisions[3].id}"`);
  });
});

describe('loadFilms', () => {
  it('reads the bundled films folder by default', async () => {
    const films = await loadFilms();
    expect(films.map((f) => f.source.slug)).toContain('leaving-las-vegas');
  });

  it('loads every sub-folder, sorted by folder name, ignoring files', async () => {
    const dir = path.join(tmp, 'films');
    mkdirSync(dir);
    cpSync(path.join(FIXTURES, 'northern-static'), path.join(dir, 'northern-static'), { recursive: true });
    cpSync(path.join(FIXTURES, 'la-ultima-ronda'), path.join(dir, 'la-ultima-ronda'), { recursive: true });
    cpSync(BUNDLED, path.join(dir, 'leaving-las-vegas'), { recursive: true });
    writeFileSync(path.join(dir, 'README.md'), 'not a film');
    const films = await loadFilms(dir);
    expect(films.map((f) => f.source.slug)).toEqual(['la-ultima-ronda', 'leaving-las-vegas', 'northern-static']);
  });

  it('fails on a folder that holds no film, or does not exist', async () => {
    const empty = path.join(tmp, 'empty');
    mkdirSync(empty);
    expect(await errorOf(loadFilms(empty))).toMatchObject({ code: 'FILE_NOT_FOUND', place: { file: empty } });
    expect(await errorOf(loadFilms(path.join(tmp, 'nope')))).toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
