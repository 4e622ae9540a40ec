// The streamed many-film build (`filmkg build --films DIR --bulk`, src/bulk/): the same graph as the whole-graph build,
// the same bytes whatever the number of threads, shards cut at their size, bad films failing or skipped with their folder,
// the output replaced whole; the external merge and the shard writer on their own; bench/gen-films.js deterministic.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, mkdir, readFile, readdir, readlink, rm, writeFile, lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SharedLines, MAX_FAN_IN } from '../src/bulk/merge.js';
import { ShardWriter } from '../src/bulk/shards.js';
import { progressLine } from '../src/bulk/cli.js';
import { run } from '../src/cli/main.js';
import { captureIo } from '../src/cli/io.js';

const ROOT = path.join(import.meta.dirname, '..');
const exec = promisify(execFile);
const FILMS = 40;

let dir: string;
let films: string;

async function build(args: string[]) {
  const io = captureIo(dir);
  const code = await run(['build', ...args], io);
  return { code, out: io.out, err: io.err };
}

/** Every file under `root` (following the output link), by relative path. */
async function tree(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (folder: string, prefix: string): Promise<void> => {
    for (const e of (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) await walk(path.join(folder, e.name), `${prefix}${e.name}/`);
      else files.set(`${prefix}${e.name}`, await readFile(path.join(folder, e.name)));
    }
  };
  await walk(path.join(root, '.'), '');
  return files;
}

/** The shards' N-Triples lines, in shard order. */
function shardLines(files: Map<string, Buffer>): string[][] {
  return [...files.keys()]
    .filter((name) => /^bulk\/part-\d{5}\.nt\.gz$/.test(name))
    .sort()
    .map((name) => gunzipSync(files.get(name) as Buffer).toString('utf8').split('\n').slice(0, -1));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'filmkg-build-many-'));
  films = path.join(dir, 'films');
  await exec(process.execPath, [path.join(ROOT, 'bench/gen-films.js'), '--films', String(FILMS), '--out', films, '--seed', '7']);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('filmkg build --bulk', () => {
  test('writes the same graph as the whole-graph build, each triple once, in shards of the asked size; the same bytes with 1 and 3 threads', async () => {
    const whole = await build(['--films', 'films', '--out', 'whole']);
    expect(whole.code, whole.err).toBe(0);
    const one = await build(['--films', 'films', '--out', 'one', '--jobs', '1', '--shard-size', '7000']);
    expect(one.code, one.err).toBe(0);
    const three = await build(['--films', 'films', '--out', 'three', '--jobs', '3', '--shard-size', '7000']);
    expect(three.code, three.err).toBe(0);

    const a = await tree(path.join(dir, 'one'));
    const b = await tree(path.join(dir, 'three'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);

    const expected = (await readFile(path.join(dir, 'whole', 'graph.nt'), 'utf8')).split('\n').slice(0, -1);
    const shards = shardLines(a);
    const lines = shards.flat();
    expect(lines.length).toBe(expected.length);
    expect([...lines].sort()).toEqual(expected);
    expect(shards.length).toBe(Math.ceil(expected.length / 7000));
    expect(a.get('films/index.html')?.toString('utf8')).toContain('href="../bulk/manifest.json"');
    for (const s of shards.slice(0, -1)) expect(s.length).toBe(7000);

    const manifest = JSON.parse((a.get('bulk/manifest.json') as Buffer).toString('utf8')) as { films: number; triples: number; shards: Array<{ file: string; triples: number }> };
    expect(manifest.films).toBe(FILMS);
    expect(manifest.triples).toBe(expected.length);
    expect(manifest.shards.map((s) => s.triples)).toEqual(shards.map((s) => s.length));
    expect(one.out).toMatch(new RegExp(`^built ${FILMS} film\\(s\\): ${expected.length.toLocaleString('en-US')} triples in ${shards.length} shard\\(s\\) in one/bulk, .* 1 thread\\(s\\), peak RSS \\d+ MB\\n$`));

    // The usual files that make sense at scale: the ontology, the shapes and the pages (the same names as the whole build's).
    const wholeFiles = await tree(path.join(dir, 'whole'));
    expect(a.get('filmkg.ttl')?.equals(wholeFiles.get('filmkg.ttl') as Buffer)).toBe(true);
    expect(a.get('shapes.ttl')?.equals(wholeFiles.get('shapes.ttl') as Buffer)).toBe(true);
    const pages = [...wholeFiles.keys()].filter((name) => name.startsWith('films/'));
    expect(pages.length).toBe(FILMS * 2 + 1);
    expect([...a.keys()].filter((name) => name.startsWith('films/'))).toEqual(pages);
    expect([...a.keys()].filter((name) => !name.startsWith('films/') && !name.startsWith('bulk/'))).toEqual(['filmkg.ttl', 'shapes.ttl']);
    // A film's page comes from the film's own graph: exactly the page of a build of that film alone.
    for (const slug of ['00000-leaving-las-vegas', '00034-northern-static']) {
      await mkdir(path.join(dir, `alone-${slug}`));
      await cp(path.join(films, slug), path.join(dir, `alone-${slug}`, slug), { recursive: true });
      const alone = await build(['--films', `alone-${slug}`, '--out', `alone-out-${slug}`]);
      expect(alone.code, alone.err).toBe(0);
      const alonePage = (ext: string) => readFile(path.join(dir, `alone-out-${slug}`, 'films', `${slug}.${ext}`), 'utf8');
      expect(a.get(`films/${slug}.jsonld`)?.toString('utf8')).toBe(await alonePage('jsonld'));
      // The same page but for its links to the whole graph: the shards' manifest, not graph.ttl/.nt/.jsonld.
      const page = a.get(`films/${slug}.html`)?.toString('utf8') ?? '';
      const links = /<ul class="links">.*?<\/ul>/s;
      // And names are plain text: a streamed build writes no entity pages, so it links none (the whole build does).
      const entityLink = /<a href="[^"]*" class="entity">(.*?)<\/a>/g;
      const aloneHtml = await alonePage('html');
      expect(aloneHtml).toMatch(entityLink);
      expect(page).not.toMatch(entityLink);
      expect(page.replace(links, '')).toBe(aloneHtml.replace(links, '').replace(entityLink, '$1'));
      expect(links.exec(page)?.[0]).toContain('href="../bulk/manifest.json"');
      expect(page).not.toContain('../graph.');
    }
  }, 240_000);

  test('a film that cannot be read stops the build with its folder named and the previous output kept, or is skipped with --bad-films skip', async () => {
    const some = path.join(dir, 'some');
    await mkdir(some);
    for (const name of (await readdir(films)).sort().slice(0, 3)) await cp(path.join(films, name), path.join(some, name), { recursive: true });
    const first = await build(['--films', 'some', '--out', 'kept', '--bulk', '--jobs', '2']);
    expect(first.code, first.err).toBe(0);
    const before = await tree(path.join(dir, 'kept'));
    const link = await readlink(path.join(dir, 'kept'));

    await mkdir(path.join(some, '00001-broken'));
    await writeFile(path.join(some, '00001-broken', 'article.txt'), '');
    const failed = await build(['--films', 'some', '--out', 'kept', '--bulk', '--jobs', '2']);
    expect(failed.code).toBe(1);
    expect(failed.err).toContain(path.join('some', '00001-broken'));
    expect(failed.err).toMatch(/EMPTY_INPUT|empty/i);
    expect(failed.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(await readlink(path.join(dir, 'kept'))).toBe(link);
    const after = await tree(path.join(dir, 'kept'));
    expect([...after.keys()]).toEqual([...before.keys()]);
    expect((await readdir(dir)).filter((n) => n.startsWith('.kept.'))).toEqual([link]);

    const skipped = await build(['--films', 'some', '--out', 'kept', '--bulk', '--jobs', '2', '--bad-films', 'skip']);
    expect(skipped.code, skipped.err).toBe(0);
    expect(skipped.err).toMatch(new RegExp(`^filmkg build: skipped ${path.join('some', '00001-broken').replace(/[/\\]/g, '.')}: `, 'm'));
    expect(skipped.out).toMatch(/^built 3 film\(s\) \(1 skipped\): /);
    const manifest = JSON.parse(await readFile(path.join(dir, 'kept', 'bulk', 'manifest.json'), 'utf8')) as { films: number; skipped: number };
    expect(manifest).toMatchObject({ films: 3, skipped: 1 });
    expect((await lstat(path.join(dir, 'kept'))).isSymbolicLink()).toBe(true);
  }, 120_000);

  test('two films with one slug: the later folder stops the build, naming both, or is left out with --bad-films skip, pages or not', async () => {
    const twins = path.join(dir, 'twins');
    await mkdir(twins);
    const names = (await readdir(films)).sort().slice(0, 3);
    for (const name of names) await cp(path.join(films, name), path.join(twins, name), { recursive: true });
    const alone = await build(['--films', 'twins', '--out', 'twins-alone', '--bulk', '--jobs', '2']);
    expect(alone.code, alone.err).toBe(0);
    const expected = await tree(path.join(dir, 'twins-alone'));
    // A fourth folder, another film's article, takes the slug of the first.
    const taken = JSON.parse(await readFile(path.join(twins, names[0] as string, 'metadata.json'), 'utf8')) as { slug: string };
    const copy = path.join(twins, 'zz-twin');
    await cp(path.join(twins, names[1] as string), copy, { recursive: true });
    const meta = JSON.parse(await readFile(path.join(copy, 'metadata.json'), 'utf8')) as { slug: string };
    await writeFile(path.join(copy, 'metadata.json'), JSON.stringify({ ...meta, slug: taken.slug }, null, 2));
    for (const pages of [[], ['--no-pages']]) {
      const failed = await build(['--films', 'twins', '--out', 'twins-out', '--bulk', '--jobs', '3', ...pages]);
      expect(failed.code).toBe(1);
      expect(failed.err).toContain('[INVALID_FACTS]');
      expect(failed.err).toContain(`${path.join('twins', 'zz-twin')}: two films have the same slug`);
      expect(failed.err).toContain(`two films have the same slug "${taken.slug}"`);
      expect(failed.err).toContain(path.join('twins', names[0] as string));
      expect(failed.err).not.toMatch(/\n\s+at /);
    }
    const skipped = await build(['--films', 'twins', '--out', 'twins-out', '--bulk', '--jobs', '3', '--bad-films', 'skip']);
    expect(skipped.code, skipped.err).toBe(0);
    expect(skipped.err).toContain(`skipped ${path.join('twins', 'zz-twin')}: two films have the same slug`);
    const got = await tree(path.join(dir, 'twins-out'));
    // The same files as without the twin, but the manifest's count of skipped films; no file left under another name.
    expect([...got.keys()]).toEqual([...expected.keys()]);
    for (const [name, bytes] of expected) if (name !== 'bulk/manifest.json') expect(got.get(name)?.equals(bytes), name).toBe(true);
    expect(JSON.parse((got.get('bulk/manifest.json') as Buffer).toString('utf8'))).toMatchObject({ films: 3, skipped: 1 });
  }, 120_000);

  test('bad options are usage errors (exit 2)', async () => {
    for (const args of [
      ['--jobs', '0'],
      ['--jobs', 'two'],
      ['--shard-size', '-5'],
      ['--bad-films', 'ignore'],
    ]) {
      const r = await build(['--films', 'films', '--out', 'never', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/see filmkg build --help/);
    }
    const r = await build(['--facts', 'x.json', '--bulk']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/take --films, not --facts/);
    await expect(lstat(path.join(dir, 'never'))).rejects.toThrow();
  });
});

describe('the progress line', () => {
  test('says films done of the total, triples, films/s and the time left', () => {
    expect(progressLine({ done: 250, total: 1000, mapped: 223_000, skipped: 0, ms: 50_000 })).toBe('filmkg build: 250/1,000 films, 223,000 triples mapped, 5.0 films/s, 2 min 30 s left');
    expect(progressLine({ done: 10, total: 12, mapped: 900, skipped: 1, ms: 5_000 })).toBe('filmkg build: 10/12 films, 900 triples mapped, 2.0 films/s, 1 s left, 1 skipped');
  });
});

describe('the external merge of shared lines', () => {
  test('gives every line once, in code-unit order, through more runs than it merges at once', async () => {
    const runs = await mkdtemp(path.join(dir, 'runs-'));
    const shared = new SharedLines(runs, 1); // every add spills a run
    const all: string[] = [];
    let x = 12345;
    for (let batch = 0; batch < MAX_FAN_IN * 2 + 5; batch++) {
      const lines: string[] = [];
      for (let i = 0; i < 20; i++) {
        x = (x * 1103515245 + 12345) % 2147483648;
        lines.push(`<s${x % 500}> <p> "é${x % 7}\u{1F600}" .\n`);
      }
      lines.sort();
      all.push(...lines);
      await shared.add(lines.join(''), lines.length);
    }
    await shared.add('<last> <p> <o> .\n', 1);
    all.push('<last> <p> <o> .\n');
    expect(shared.runCount).toBeGreaterThan(MAX_FAN_IN);
    const merged: string[] = [];
    for await (const line of shared.merged()) merged.push(line);
    expect(merged).toEqual([...new Set(all)].sort());
    expect(await readdir(runs)).toEqual([]);
  });
});

describe('the shard writer', () => {
  test('cuts shards after exactly the asked number of lines, and writes the same bytes twice', async () => {
    const write = async (folder: string) => {
      await mkdir(folder);
      const writer = new ShardWriter(folder, 4);
      await writer.write('<a> <p> "1" .\n<a> <p> "2" .\n<a> <p> "3" .\n', 3);
      await writer.write('<b> <p> "1" .\n<b> <p> "2" .\n<b> <p> "3" .\n<b> <p> "4" .\n<b> <p> "5" .\n<b> <p> "6" .\n', 6);
      return writer.close();
    };
    const s1 = await write(path.join(dir, 'shards1'));
    const s2 = await write(path.join(dir, 'shards2'));
    // The same lines given as UTF-8 bytes (how the film threads hand them over) give the same files.
    await mkdir(path.join(dir, 'shards3'));
    const bytes = new ShardWriter(path.join(dir, 'shards3'), 4);
    const utf8 = (text: string) => new TextEncoder().encode(text);
    await bytes.write(utf8('<a> <p> "1" .\n<a> <p> "2" .\n<a> <p> "3" .\n'), 3);
    await bytes.write(utf8('<b> <p> "1" .\n<b> <p> "2" .\n<b> <p> "3" .\n<b> <p> "4" .\n<b> <p> "5" .\n<b> <p> "6" .\n'), 6);
    const s3 = await bytes.close();
    expect(s3).toEqual(s1);
    expect(s1.map((s) => [s.name, s.triples])).toEqual([
      ['part-00001.nt.gz', 4],
      ['part-00002.nt.gz', 4],
      ['part-00003.nt.gz', 1],
    ]);
    const text = (folder: string, name: string) => readFile(path.join(dir, folder, name)).then((b) => gunzipSync(b).toString('utf8'));
    expect(await text('shards1', 'part-00001.nt.gz')).toBe('<a> <p> "1" .\n<a> <p> "2" .\n<a> <p> "3" .\n<b> <p> "1" .\n');
    expect(await text('shards1', 'part-00003.nt.gz')).toBe('<b> <p> "6" .\n');
    for (const s of s1) expect((await readFile(path.join(dir, 'shards1', s.name))).equals(await readFile(path.join(dir, 'shards2', s.name)))).toBe(true);
    for (const s of s1) expect((await readFile(path.join(dir, 'shards1', s.name))).equals(await readFile(path.join(dir, 'shards3', s.name)))).toBe(true);
    expect(s2.map((s) => s.bytes)).toEqual(s1.map((s) => s.bytes));
  });
});

describe('bench/gen-films.js', () => {
  test('the same seed gives the same folders; titles and slugs are distinct; people recur but grow with the corpus', async () => {
    const again = path.join(dir, 'again');
    await exec(process.execPath, [path.join(ROOT, 'bench/gen-films.js'), '--films', String(FILMS), '--out', again, '--seed', '7']);
    const a = await tree(films);
    const b = await tree(again);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [name, bytes] of a) expect(b.get(name)?.equals(bytes), name).toBe(true);
    const metas = [...a.keys()].filter((n) => n.endsWith('metadata.json')).map((n) => JSON.parse((a.get(n) as Buffer).toString('utf8')) as { slug: string; title: string });
    expect(metas.length).toBe(FILMS);
    expect(new Set(metas.map((m) => m.slug)).size).toBe(FILMS);
    expect(new Set(metas.map((m) => m.title)).size).toBe(FILMS);

    const big = path.join(dir, 'big');
    const { stdout } = await exec(process.execPath, [path.join(ROOT, 'bench/gen-films.js'), '--films', '360', '--out', big]);
    const small = /: (\d+) distinct people/.exec((await exec(process.execPath, [path.join(ROOT, 'bench/gen-films.js'), '--films', '36', '--out', path.join(dir, 'small')])).stdout);
    const large = /: (\d+) distinct people/.exec(stdout);
    // 10 copies of each article: each person in about 3 of them, so about 3 times the people of one copy.
    expect(Number(large?.[1])).toBeGreaterThan(2 * Number(small?.[1]));
    expect(Number(large?.[1])).toBeLessThan(10 * Number(small?.[1]));
  }, 60_000);
});

describe('bench/many-films.js', () => {
  test('runs and prints its figures and the ratio to its peer', async () => {
    const { stdout } = await exec(process.execPath, [path.join(ROOT, 'bench/many-films.js'), '--films', '12,24', '--runs', '1', '--no-pages'], { cwd: dir });
    expect(stdout).toMatch(/^12 films \(\d+ people, [\d,]+ triples, 1 shards, \d+ threads\), median of 1: [\d.]+ s, [\d.]+ films\/s, [\d,]+ triples\/s, peak RSS \d+ MB .*ratio [\d.]+$/m);
    expect(stdout).toMatch(/^growth 12 → 24 films \(×2\): triples ×[\d.]+, films\/s ×[\d.]+, triples\/s ×[\d.]+, peak RSS ×[\d.]+$/m);
  }, 240_000);
});
