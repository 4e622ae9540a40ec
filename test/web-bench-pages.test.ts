// bench/pages.js still runs (as test/bench-smoke.test.ts does for the other benchmarks): with the fewest runs, compared
// against a tree (here this same one), it exits 0, prints its figures and finds both trees' pages identical. Timings are
// not asserted (the machine is shared and noisy); the figures come from running it by hand.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..');
const CWD = mkdtempSync(path.join(os.tmpdir(), 'filmkg-bench-pages-'));
afterAll(() => rmSync(CWD, { recursive: true, force: true }));

function runBench(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'pages.js'), ...args], { cwd: CWD, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('bench/pages.js', () => {
  it('prints cold and warm CPU of the pages step for two trees, their ratio, and that their pages are identical', async () => {
    const { code, out, err } = await runBench(['--runs', '3', '--warm', '1', '--against', ROOT]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^pages step: 322 files, [\d.]+ MB \(\d+ triples\); medians of 3 fresh processes, 1 warm renderings each$/m);
    expect(out).toMatch(/^this tree +[\d.]+ ms +[\d.]+ ms +[\d.]+ ms +[\d.]+ ms +[\d.]+ ms$/m);
    expect(out).toMatch(/^against .+ +[\d.]+ ms +[\d.]+ ms +[\d.]+ ms +[\d.]+ ms +[\d.]+ ms$/m);
    expect(out).toMatch(/^ratio this\/against: load cpu [\d.]+, cold cpu [\d.]+, warm cpu [\d.]+, cold\+load cpu [\d.]+$/m);
    expect(out).toMatch(/^outputs identical \(sha256 of every rendered file, all runs\): [0-9a-f]{16}…$/m);
  }, 180_000);
});
