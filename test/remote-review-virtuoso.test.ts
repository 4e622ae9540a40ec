// Review of the throwaway-Virtuoso helper: when the process that started Virtuoso ends without stop() (vitest ends a
// worker with SIGTERM, which runs no exit handler; a hook that times out never gets the instance to stop), a
// watchdog kills Virtuoso's process group and removes its folder. Checked with stand-in processes, and with a
// real Virtuoso (skipped without virtuoso-t locally, failing without it under CI=true, like test/virtuoso.test.ts).
// Also: the normalisation table's check that each rule is needed leaves the rule out and compares again.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueryResult } from '../src/store/store.js';
import { processAlive, startVirtuoso, startWatchdog, virtuosoBinaries } from './helpers/virtuoso.js';
import { comparable, type RuleName } from './helpers/virtuoso-normalise.js';

const started: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const p of started.splice(0)) {
    try {
      if (p.pid !== undefined) process.kill(-p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A process in its own group that just waits (a stand-in for a test worker or for virtuoso-t). */
function sleeper(): ChildProcess & { pid: number } {
  const p = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { detached: true, stdio: 'ignore' });
  started.push(p);
  if (p.pid === undefined) throw new Error('no pid');
  return p as ChildProcess & { pid: number };
}

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

const exited = (p: ChildProcess) => new Promise<void>((resolve) => (p.exitCode !== null || p.signalCode !== null ? resolve() : p.once('exit', () => resolve())));

describe('the Virtuoso watchdog', () => {
  it('kills the process group and removes the folder once the watched process is gone', async () => {
    const parent = sleeper();
    const server = sleeper();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'filmkg-watchdog-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'virtuoso.db'), 'x');
    const watchdog = startWatchdog(parent.pid, server.pid, dir, 50);
    started.push(watchdog);
    await new Promise((r) => setTimeout(r, 300));
    expect(processAlive(-server.pid)).toBe(true);
    expect(existsSync(dir)).toBe(true);
    process.kill(parent.pid, 'SIGTERM');
    await exited(parent);
    await exited(server);
    expect(server.signalCode).toBe('SIGKILL');
    expect(await until(() => !existsSync(dir), 5000)).toBe(true);
    await exited(watchdog);
  });

  it('ends by itself, leaving the folder, when the group stops first (a normal stop)', async () => {
    const parent = sleeper();
    const server = sleeper();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'filmkg-watchdog-'));
    dirs.push(dir);
    const watchdog = startWatchdog(parent.pid, server.pid, dir, 50);
    started.push(watchdog);
    process.kill(-server.pid, 'SIGTERM');
    await exited(server);
    await exited(watchdog);
    expect(watchdog.exitCode).toBe(0);
    expect(existsSync(dir)).toBe(true);
    expect(processAlive(parent.pid)).toBe(true);
  });
});

const AVAILABLE = virtuosoBinaries() !== undefined;

describe.runIf(!AVAILABLE && process.env.CI)('Virtuoso under CI', () => {
  it('is installed (.ci/run installs virtuoso-opensource)', () => {
    expect(virtuosoBinaries(), 'virtuoso-t and isql-vt on PATH').toBeDefined();
  });
});

describe.skipIf(!AVAILABLE)('a real Virtuoso whose test process dies', () => {
  it('is stopped and its folder removed without stop()', async () => {
    const parent = sleeper();
    const virtuoso = await startVirtuoso(120_000, parent.pid);
    try {
      expect(processAlive(-virtuoso.pid)).toBe(true);
      expect(existsSync(virtuoso.dir)).toBe(true);
      process.kill(parent.pid, 'SIGKILL');
      expect(await until(() => !processAlive(virtuoso.pid), 10_000)).toBe(true);
      expect(await until(() => !existsSync(virtuoso.dir), 5000)).toBe(true);
    } finally {
      await virtuoso.stop();
    }
  }, 150_000);

  it('a failed startup leaves no process and no folder', async () => {
    const before = new Set(virtuosoPids());
    const error = await startVirtuoso(1).catch((e: unknown) => e);
    expect(String(error)).toMatch(/virtuoso-t not ready after 1 ms/);
    const leaked = virtuosoPids().filter((pid) => !before.has(pid));
    expect(leaked).toEqual([]);
  }, 60_000);
});

/** Pids of running virtuoso-t processes that are children of this process (via /proc; Linux). */
function virtuosoPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (stat.includes('(virtuoso-t)') && ppid === process.pid) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

describe('the normalisation table: a rule counts as needed only when the answers differ without it', () => {
  const DURATION = 'http://www.w3.org/2001/XMLSchema#duration';
  const select = (value: string): QueryResult => ({ kind: 'select', vars: ['d'], rows: [{ d: { type: 'literal', value, datatype: DURATION } }] });
  const query = 'SELECT ?d WHERE { ?s ?p ?d }';
  const equalWithout = (ours: QueryResult, virtuoso: QueryResult, rule?: RuleName, q = query) => {
    const { ours: a, virtuoso: b } = comparable('probe', q, ours, virtuoso, 'SELECT', rule);
    return JSON.stringify(a) === JSON.stringify(b);
  };

  it('duration-as-seconds: needed for Virtuoso’s seconds form, not when both sides write ISO 8601', () => {
    expect(equalWithout(select('PT4M2S'), select('242.2'))).toBe(true);
    expect(equalWithout(select('PT4M2S'), select('242.2'), 'duration-as-seconds')).toBe(false);
    expect(equalWithout(select('PT4M2S'), select('PT4M2S'), 'duration-as-seconds')).toBe(true);
  });

  it('group-concat-order: not needed when both sides give the same (unsorted) order', () => {
    const concat = 'SELECT (GROUP_CONCAT(?n; separator=";") AS ?names) WHERE { ?s ?p ?n }';
    const names = (value: string): QueryResult => ({ kind: 'select', vars: ['names'], rows: [{ names: { type: 'literal', value } }] });
    expect(equalWithout(names('b;a'), names('b;a'), 'group-concat-order', concat)).toBe(true);
    expect(equalWithout(names('b;a'), names('a;b'), 'group-concat-order', concat)).toBe(false);
    expect(equalWithout(names('b;a'), names('a;b'), undefined, concat)).toBe(true);
  });
});
