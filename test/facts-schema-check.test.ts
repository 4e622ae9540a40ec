// The check generated from the zod schemas (src/facts/schema-check.ts) is exactly as strict as zod: it is the generator's
// current output; it accepts the facts, metadata and curation of every film and corpus article with zod's very output
// (same values, same key order, same absent and undefined keys); and on thousands of mutated values it never accepts
// what zod rejects, so every rejection still comes from zod, with zod's path and message.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Curation, parseCuration } from '../src/curate/curation.js';
import { FilmkgError } from '../src/errors.js';
import { CORPUS_DIRS } from '../src/eval/corpus.js';
import { checkFacts, formatPath } from '../src/facts/check.js';
import { generateFastCheck } from '../src/facts/schema-check-gen.js';
import { fastCuration, fastFilmFacts, fastMetadata } from '../src/facts/schema-check.js';
import { FilmFacts, Metadata } from '../src/facts/model.js';
import { assumedMetadata } from '../src/metadata.js';
import { curatedFacts, readMetadata } from '../src/pipeline.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const GENERATED = path.join(ROOT, 'src/facts/schema-check.ts');

/** A value's exact shape: objects as their [key, value] entries in order (undefined values kept), arrays element-wise. */
function exact(value: unknown): unknown {
  if (Array.isArray(value)) return { array: value.map(exact) };
  if (value !== null && typeof value === 'object') return { object: Object.entries(value).map(([k, v]) => [k, exact(v)]) };
  return value;
}

interface Film {
  name: string;
  text: string;
  file: string;
  metadata?: string;
  curation?: string;
}

const films: Film[] = [];
for (const dir of CORPUS_DIRS) {
  if (!existsSync(dir)) continue;
  for (const e of readdirSync(dir, { withFileTypes: true }).filter((x) => x.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, e.name, 'article.txt');
    if (!existsSync(file)) continue;
    const side = (name: string) => (existsSync(path.join(dir, e.name, name)) ? path.join(dir, e.name, name) : undefined);
    films.push({ name: path.relative(ROOT, path.join(dir, e.name)), text: readFileSync(file, 'utf8'), file, ...(side('metadata.json') ? { metadata: side('metadata.json') } : {}), ...(side('curation.json') ? { curation: side('curation.json') } : {}) });
  }
}

/** The unchecked facts of a film, as the pipeline hands them to the check: without and, when it has one, with its curation. */
async function factsOf(film: Film): Promise<unknown[]> {
  const meta = film.metadata ? await readMetadata(film.metadata) : assumedMetadata(film.file, film.text).meta;
  const plain = curatedFacts(film.text, meta, film.file);
  if (!film.curation) return [plain];
  const curation = parseCuration(readFileSync(film.curation, 'utf8'), film.curation);
  return [plain, curatedFacts(film.text, meta, film.file, { curation, file: film.curation })];
}

it('src/facts/schema-check.ts is what the generator makes of the current schemas', () => {
  const generated = generateFastCheck();
  if (process.env.UPDATE_SCHEMA_CHECK) writeFileSync(GENERATED, generated);
  expect(readFileSync(GENERATED, 'utf8')).toBe(generated);
});

describe('on every film and corpus article', () => {
  it('holds enough articles to mean something', () => {
    expect(films.length).toBeGreaterThanOrEqual(30);
  });

  it.each(films.map((f) => [f.name, f] as const))('%s: the facts are accepted with zod’s exact output', async (_name, film) => {
    for (const facts of await factsOf(film)) {
      const zod = FilmFacts.safeParse(facts);
      expect(zod.success).toBe(true);
      const fast = fastFilmFacts(facts);
      expect(fast).toBeDefined();
      expect(isDeepStrictEqual(exact(fast), exact(zod.data))).toBe(true);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
    }
  });

  it('metadata and curation files are accepted with zod’s exact output', () => {
    const metadata = films.filter((f) => f.metadata).map((f) => JSON.parse(readFileSync(f.metadata as string, 'utf8')) as unknown);
    const curations = films.filter((f) => f.curation).map((f) => JSON.parse(readFileSync(f.curation as string, 'utf8')) as unknown);
    expect(metadata.length).toBeGreaterThanOrEqual(4);
    expect(curations.length).toBeGreaterThanOrEqual(3);
    for (const m of metadata) expect(isDeepStrictEqual(exact(fastMetadata(m)), exact(Metadata.parse(m)))).toBe(true);
    for (const c of curations) expect(isDeepStrictEqual(exact(fastCuration(c)), exact(Curation.parse(c)))).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

type Path = Array<string | number>;

/** Every path in `value`, with the path's schema shape (array indices as []) for sampling. */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

const shapeOf = (p: Path) => p.map((k) => (typeof k === 'number' ? '[]' : k)).join('.');

/** The first `perShape` paths of each schema shape: every field of every kind of record, a few times each. */
function sample(value: unknown, perShape: number): Path[] {
  const seen = new Map<string, number>();
  return paths(value).filter((p) => {
    const n = seen.get(shapeOf(p)) ?? 0;
    seen.set(shapeOf(p), n + 1);
    return n < perShape;
  });
}

const REPLACEMENTS: unknown[] = [undefined, null, 0, -1, 1.5, 2101, 2 ** 53, Number.NaN, '', ' padded ', 'a\u00a0b', '2023-02-30', 'NEEDS REVIEW: x', ' https://example.org/', true, [], {}];

/** `value` with the node at `p` replaced by `r` (`'delete'` removes the key, `'extra'` adds an unknown key to an object). */
function mutate(value: unknown, p: Path, r: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  if (p.length === 0) return r === 'extra' ? { ...copy, unknownKey: 1 } : r;
  let parent: Record<string | number, unknown> = copy;
  for (const k of p.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = p[p.length - 1] as string | number;
  if (r === 'delete') delete parent[last];
  else if (r === 'extra') {
    const node = parent[last];
    if (node !== null && typeof node === 'object' && !Array.isArray(node)) (node as Record<string, unknown>).unknownKey = 'x';
    else return undefined;
  } else parent[last] = r;
  return copy;
}

/**
 * `value` with each array cut to one element of each kind (its keys, and its kind or method when it has one): every
 * shape of record is kept, and a mutation costs a fraction of the whole film's clone and parse.
 */
function shrink(value: unknown): unknown {
  if (Array.isArray(value)) {
    const seen = new Set<string>();
    return value
      .filter((v) => {
        const sig = v !== null && typeof v === 'object' ? JSON.stringify([Object.keys(v), (v as Record<string, unknown>).kind, (v as Record<string, unknown>).method]) : typeof v;
        if (seen.has(sig)) return false;
        seen.add(sig);
        return true;
      })
      .map(shrink);
  }
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shrink(v)]));
  return value;
}

/** Runs every mutation: the fast check accepts only what zod accepts, with zod's output; `check` rejects as zod does. */
function mutations(label: string, value: unknown, schema: { safeParse(x: unknown): { success: boolean; data?: unknown } }, fast: (x: unknown) => unknown, perShape: number, check?: (x: unknown) => unknown) {
  let total = 0;
  let zodRejects = 0;
  let fastAccepts = 0;
  for (const p of sample(value, perShape)) {
    for (const r of ['delete', 'extra', ...REPLACEMENTS]) {
      const m = mutate(value, p, r);
      if (m === undefined && r === 'extra') continue;
      total++;
      const zod = schema.safeParse(m);
      const f = fast(m);
      if (!zod.success) zodRejects++;
      if (f !== undefined) {
        fastAccepts++;
        expect(zod.success, `${label}: ${shapeOf(p)} ← ${String(r)} accepted by the fast check only`).toBe(true);
        expect(isDeepStrictEqual(exact(f), exact(zod.data)), `${label}: ${shapeOf(p)} ← ${String(r)} output`).toBe(true);
      }
      if (check && !zod.success) {
        let error: unknown;
        try {
          check(m);
        } catch (e) {
          error = e;
        }
        expect(error, `${label}: ${shapeOf(p)} ← ${String(r)} must be rejected`).toBeInstanceOf(FilmkgError);
      }
    }
  }
  return { total, zodRejects, fastAccepts };
}

describe('on mutated values', () => {
  it('facts: the bundled film with its curation and a corpus article', async () => {
    const picked = films.filter((f) => /^data\/films\/leaving-las-vegas$|\/frozen-askwikinow$/.test(f.name));
    expect(picked.length).toBe(2);
    const all = (await Promise.all(picked.map(factsOf))).map((list) => shrink(list[list.length - 1]));
    let sum = { total: 0, zodRejects: 0, fastAccepts: 0 };
    for (const [i, facts] of all.entries()) {
      const r = mutations(picked[i]?.name ?? '', facts, FilmFacts, fastFilmFacts, 1);
      sum = { total: sum.total + r.total, zodRejects: sum.zodRejects + r.zodRejects, fastAccepts: sum.fastAccepts + r.fastAccepts };
    }
    // Mutations zod accepts (a dropped optional field, an unknown key, a valid other value) are accepted too.
    expect(sum.total).toBeGreaterThan(8_000);
    expect(sum.zodRejects).toBeGreaterThan(sum.total / 2);
    expect(sum.fastAccepts).toBeGreaterThan(500);
  }, 300_000);

  it('facts: checkFacts reports what zod reports (path, message, count), the generated check never deciding a rejection', async () => {
    const film = films.find((f) => f.name === 'data/films/leaving-las-vegas') as Film;
    const facts = shrink((await factsOf(film))[1]);
    let compared = 0;
    for (const p of sample(facts, 1)) {
      for (const r of [undefined, '', -1, 'delete']) {
        const m = mutate(facts, p, r);
        const zod = FilmFacts.safeParse(m);
        if (zod.success) continue;
        const issue = zod.error.issues[0];
        let error: FilmkgError | undefined;
        try {
          checkFacts(m, 'f.json');
        } catch (e) {
          error = e as FilmkgError;
        }
        expect(error?.code).toBe('INVALID_FACTS');
        const where = formatPath(issue?.path ?? []);
        expect(error?.place.path).toBe(where);
        expect(error?.expected).toBe(issue?.message);
        const more = zod.error.issues.length > 1 ? ` (and ${zod.error.issues.length - 1} more problem(s))` : '';
        expect(error?.message.startsWith(`f.json: ${where}: invalid facts${more}; expected ${issue?.message}`)).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1_000);
  }, 300_000);

  it('metadata and curation files', () => {
    const film = films.find((f) => f.name === 'data/films/leaving-las-vegas') as Film;
    const meta = JSON.parse(readFileSync(film.metadata as string, 'utf8')) as unknown;
    const m = mutations('metadata', meta, Metadata, fastMetadata, 3);
    expect(m.zodRejects).toBeGreaterThan(100);
    expect(m.fastAccepts).toBeGreaterThan(10);
    for (const f of films.filter((x) => x.curation)) {
      const cur = JSON.parse(readFileSync(f.curation as string, 'utf8')) as unknown;
      const c = mutations(`curation ${f.name}`, cur, Curation, fastCuration, 3, (x) => parseCuration(JSON.stringify(x) ?? 'null', 'curation.json'));
      expect(c.zodRejects).toBeGreaterThan(20);
    }
    // Two decisions with one id: each entry valid, the file not (an object refinement, decided on the output).
    const cur = JSON.parse(readFileSync(film.curation as string, 'utf8')) as { decisions: unknown[] };
    const twice = { ...cur, decisions: [...cur.decisions, cur.decisions[0]] };
    expect(Curation.safeParse(twice).success).toBe(false);
    expect(fastCuration(twice)).toBeUndefined();
  }, 300_000);
});
