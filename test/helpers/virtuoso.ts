// Test helper: a throwaway Virtuoso (Debian's virtuoso-opensource) in a temporary folder, on free loopback ports,
// stopped by its process group and its folder removed — by stop(), by a process exit handler, and by a watchdog
// process if the test process ends without either (a worker ended by a signal, a hook that timed out).
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Finds an executable on PATH. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && existsSync(file)) return file;
  }
  return undefined;
}

/** The server binary and Debian's isql (named isql-vt there, to leave `isql` to unixODBC). */
export function virtuosoBinaries(): { server: string; isql: string } | undefined {
  const server = which('virtuoso-t');
  const isql = which('isql-vt') ?? which('isql-v');
  return server && isql ? { server, isql } : undefined;
}

/** A port nobody listens on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Is a process (or, for a negative number, a process group) there? */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The watchdog's code (CommonJS, run with `node -e`): argv is parent pid, group pid, folder, interval in ms. */
const WATCHDOG = `
const [parent, group, every] = [Number(process.argv[1]), Number(process.argv[2]), Number(process.argv[4])];
const dir = process.argv[3];
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const timer = setInterval(() => {
  if (alive(parent)) { if (!alive(-group)) clearInterval(timer); return; }
  try { process.kill(-group, 'SIGKILL'); } catch {}
  require('node:fs').rmSync(dir, { recursive: true, force: true });
  clearInterval(timer);
}, every);
`;

/**
 * Starts a detached process that, once process `parentPid` is gone, kills process group `groupPid` and
 * removes `dir`; it ends by itself when the group is gone first (a normal stop). An exit handler alone is not
 * enough: a test worker ended by a signal (vitest ends its forks with SIGTERM) or killed runs none.
 */
export function startWatchdog(parentPid: number, groupPid: number, dir: string, everyMs = 250): ChildProcess {
  const watchdog = spawn(process.execPath, ['-e', WATCHDOG, String(parentPid), String(groupPid), dir, String(everyMs)], { detached: true, stdio: 'ignore' });
  watchdog.on('error', () => {
    // cannot start node: the exit handler and stop() still apply
  });
  watchdog.unref();
  return watchdog;
}

/** The essentials of a virtuoso.ini for a throwaway instance (the README shows the same settings). */
export function virtuosoIni(dir: string, sqlPort: number, httpPort: number): string {
  const vad = '/usr/share/virtuoso-opensource-7/vad';
  return `[Database]
DatabaseFile       = ${dir}/virtuoso.db
ErrorLogFile       = ${dir}/virtuoso.log
LockFile           = ${dir}/virtuoso.lck
TransactionFile    = ${dir}/virtuoso.trx
xa_persistent_file = ${dir}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile    = ${dir}/virtuoso-temp.db
TransactionFile = ${dir}/virtuoso-temp.trx

[Parameters]
ServerPort           = 127.0.0.1:${sqlPort}
DisableUnixSocket    = 1
CheckpointInterval   = 0
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
DirsAllowed          = ., ${dir}${existsSync(vad) ? `, ${vad}` : ''}
${existsSync(vad) ? `VADInstallDir        = ${vad}/\n` : ''}
[HTTPServer]
ServerPort            = 127.0.0.1:${httpPort}
ServerRoot            = ${dir}/vsp
ServerThreads         = 4
MaxClientConnections  = 4
EnabledGzipContent    = 0

[SPARQL]
ResultSetMaxRows      = 100000
MaxQueryExecutionTime = 60
`;
}

/** A running throwaway Virtuoso. */
export interface RunningVirtuoso {
  readonly pid: number;
  readonly dir: string;
  readonly sqlPort: number;
  readonly httpUrl: string;
  /** SPARQL 1.1 Protocol endpoint. */
  readonly sparql: string;
  /** Graph Store Protocol endpoint (anonymous; SPARQL_UPDATE granted to the SPARQL user). */
  readonly gsp: string;
  /** Runs SQL through isql as dba (given up after `timeoutMs`, 30 s by default; a bulk load takes longer). */
  sql(statement: string, timeoutMs?: number): Promise<string>;
  /** Stops the process group and removes the folder. Safe to call twice. */
  stop(): Promise<void>;
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Starts `virtuoso-t -f` with a generated virtuoso.ini in a fresh temporary folder, waits until its SPARQL
 * endpoint answers (up to `readyMs`), and grants SPARQL_UPDATE to the anonymous SPARQL user so that the
 * Graph Store endpoint /sparql-graph-crud accepts writes. A watchdog stops it when process `watchedPid` (this one)
 * is gone.
 */
export async function startVirtuoso(readyMs = 120_000, watchedPid = process.pid): Promise<RunningVirtuoso> {
  const bin = virtuosoBinaries();
  if (!bin) throw new Error('virtuoso-t / isql-vt not found on PATH (Debian package virtuoso-opensource)');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'filmkg-virtuoso-'));
  const logFile = path.join(dir, 'stdout.log');
  let child: ChildProcess | undefined;
  let pid: number;
  let sqlPort: number;
  let httpPort: number;
  let exited = false;
  let exitedPromise: Promise<void>;
  let watchdog: ChildProcess;
  try {
    mkdirSync(path.join(dir, 'vsp'));
    sqlPort = await freePort();
    httpPort = await freePort();
    while (httpPort === sqlPort) httpPort = await freePort();
    writeFileSync(path.join(dir, 'virtuoso.ini'), virtuosoIni(dir, sqlPort, httpPort));
    const log = openSync(logFile, 'w');
    const server = spawn(bin.server, ['-f', '-c', 'virtuoso.ini'], { cwd: dir, detached: true, stdio: ['ignore', log, log] });
    child = server;
    closeSync(log);
    exitedPromise = new Promise<void>((resolve) => {
      server.once('exit', () => ((exited = true), resolve()));
      server.once('error', () => ((exited = true), resolve())); // a failed spawn emits 'error', maybe no 'exit'
    });
    if (server.pid === undefined) throw new Error('virtuoso-t did not start');
    pid = server.pid;
    // vitest ends a worker with SIGTERM (no 'exit' event) or may kill it: a separate process takes Virtuoso down then.
    watchdog = startWatchdog(watchedPid, pid, dir);
  } catch (error) {
    if (child?.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  // If the test process ends without stop() (a crash, a kill), take Virtuoso and its folder with it.
  const onExit = () => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      try {
        process.kill(-pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 15_000);
      await exitedPromise;
      clearTimeout(timer);
    }
    process.off('exit', onExit);
    watchdog.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  const sparql = `${httpUrl}/sparql`;
  try {
    const deadline = Date.now() + readyMs;
    for (;;) {
      if (exited) throw new Error(`virtuoso-t exited during startup:\n${tail(logFile)}\n${tail(path.join(dir, 'virtuoso.log'))}`);
      try {
        const res = await fetch(`${sparql}?query=${encodeURIComponent('ASK {}')}`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`virtuoso-t not ready after ${readyMs} ms:\n${tail(logFile)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const sql = async (statement: string, timeoutMs = 30_000) => (await run(bin.isql, [`127.0.0.1:${sqlPort}`, 'dba', 'dba', `exec=${statement}`], { timeout: timeoutMs })).stdout;
    await sql('grant SPARQL_UPDATE to "SPARQL";');
    return { pid, dir, sqlPort, httpUrl, sparql, gsp: `${httpUrl}/sparql-graph-crud`, sql, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
