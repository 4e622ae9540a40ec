// The benchmarks still run: each bench/ script, with the fewest runs it takes, exits 0 and prints its figures.
// Timings are not asserted (the machine is shared and noisy); the figures come from `npm run bench`.
// bench/load.js needs a Graph Store endpoint and is run by hand (README, "Load into a triplestore").
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..');
// The benches run in a temporary working folder, so the builds they make (out/) never touch the project's out/,
// which other suites may be reading at the same time.
const CWD = mkdtempSync(path.join(os.tmpdir(), 'filmkg-bench-smoke-'));
afterAll(() => rmSync(CWD, { recursive: true, force: true }));

function runBench(file: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bench', file), ...args], { cwd: CWD, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

const CASES: Array<[string, string[], RegExp[]]> = [
  ['extract.js', ['--runs', '50', '--process-runs', '10'], [/read \+ extract \+ curate \+ check .*median [\d.]+ ms/, /whole process `filmkg extract`.*median/]],
  ['build.js', ['--runs', '1', '--process-runs', '1', '--copies', '3'], [/in-process build of the bundled film \(\d+ triples\)/, /build step shacl +median/, /triples\/s/, /peer: oxigraph's N-Triples dump of the first 3 films .* = [\d.]+ × the dump; ×3 above = [\d.]+ × the dump/, /in CPU time: .* ×3 [\d.]+ ms = [\d,]+ films\/s, [\d,]+ triples\/s = [\d.]+ × the dump/]],
  ['stream.js', ['--copies', '3', '--runs', '1', '--processes', '1'], [/^mapping \+ N-Triples of the bundled film ×3, streamed per film: \d+ triples, sha256 [0-9a-f]{64}$/m, /^  current +CPU [\d,]+ ms .* ratio [\d.]+ × the dump/m]],
  [
    'breakdown.js',
    ['--runs', '1', '--process-runs', '1'],
    [
      /^build \(peak RSS \d+ MB\) +wall +CPU:$/m,
      /^ +[\d.]+ ms +[\d.]+ ms  SHACL shapes$/m,
      /^ +[\d.]+ ms +[\d.]+ ms  load into oxigraph$/m,
      /^ +[\d.]+ ms  JSON-LD on a second thread .*: [\d.]+ × one thread$/m,
      /^ +[\d.]+ ms  filmkg build \(again, nothing changed\) +[\d.]+ × bare Node/m,
      /^ +[\d.]+ ms  filmkg query cast +[\d.]+ × the plain script/m,
      /^without the code cache .*\n +[\d.]+ ms  filmkg build \(from scratch, --force\) +[\d.]+ × bare Node/m,
    ],
  ],
  ['checks.js', ['--runs', '1', '--process-runs', '1'], [/^shacl +[\d.]+ ms +[\d.]+ ms +[\d.]+ +[\d.]+ ms +[\d.]+ ms +[\d.]+$/m, /^vocabulary +[\d.]+ ms +[\d.]+ ms +[\d.]+/m]],
  ['validate.js', ['--runs', '2', '--process-runs', '1'], [/SHACL validation .*median/, /VoID\/DCAT description .*median/, /whole process `filmkg validate`.*median/]],
  ['validate-scale.js', ['--runs', '1', '--accolades', '40', '--tracks', '10'], [/\+400 accolade rows +\d+ triples +median/, /\+100 tracks +\d+ triples +median/, /^ratio 10× rows \/ 1× rows .*accolades [\d.]+ .*tracks [\d.]+/m]],
  ['entity-pages.js', ['--runs', '3'], [/^entity pages: \d+ pages/m, /render every entity page +first run [\d.]+ ms +median [\d.]+ ms/, /ratio pages\/graph [\d.]+/]],
  ['fuzz.js', ['--articles', '40'], [/^fuzz: 40 mutated articles: \d+ read, \d+ refused \(no film article left\), 0 crashed, 0 non-conforming of 4 checked$/m, /extract \+ build per article: median [\d.]+ ms/]],
  ['rdf-formats.js', ['--runs', '1'], [/read RDF\/XML +rdfxml-streaming-parser +median [\d.]+ ms/, /^ratio rdfxml-streaming-parser \/ oxigraph [\d.]+$/m, /write N-Quads \(n3\) +median/]],
  ['query.js', ['--runs', '3', '--process-runs', '1'], [/^cast +[\d.]+ +[\d.]+$/m, /one-shot `filmkg query cast`/]],
  ['endpoint.js', ['--seconds', '1', '--concurrency', '2'], [/throughput: \d+ req\/s/, /latency: median [\d.]+ ms/]],
  ['endpoint-encoding.js', ['--runs', '2'], [/^\/graph.ttl +[\d.]+ +\d+ +[\d.]+ +\d+ +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+$/m, /^SELECT all \(JSON\) +[\d.]+/m]],
  [
    'endpoint-soak.js',
    ['--seconds', '3'],
    [/\d+ requests\/s/, /cheap queries: \d+; p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms/, /answers to cheap queries by status: /, /server RSS before \d+ MB, peak \d+ MB, after \d+ MB/],
  ],
];

describe('benchmarks', () => {
  it.each(CASES)('bench/%s runs and prints its figures', async (file, args, patterns) => {
    const { code, out, err } = await runBench(file, args);
    expect(code, err).toBe(0);
    for (const p of patterns) expect(out).toMatch(p);
  }, 240_000);
});

describe('bench/profile-summary.js', () => {
  it('summarises a CPU profile: time by package or folder, and the top functions by self time', async () => {
    const profiles = mkdtempSync(path.join(CWD, 'profile-'));
    const busy = 'function spin(){let x=0;for(let i=0;i<3e7;i++)x+=i%7;return x}spin()';
    await new Promise((resolve) => spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, '-e', busy], { stdio: 'ignore' }).on('close', resolve));
    const file = readdirSync(profiles).find((f) => f.endsWith('.cpuprofile'));
    expect(file).toBeDefined();
    const { code, out, err } = await runBench('profile-summary.js', [path.join(profiles, file as string), '--top', '5']);
    expect(code, err).toBe(0);
    expect(out).toMatch(/^profile .*: [\d.]+ ms sampled$/m);
    expect(out).toMatch(/^self time by package \/ folder:$/m);
    expect(out).toMatch(/^ +[\d.]+ ms  spin +\[eval\]/m);
  }, 60_000);
});
