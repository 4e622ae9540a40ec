// `filmkg serve` as a real process (the compiled CLI), for tests that drive it as users do: started on a free port,
// its base URL read from the line it prints, stopped with SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const BIN = path.join(import.meta.dirname, '..', '..', 'bin', 'filmkg.js');

/** A running `filmkg serve`: its base URL (`http://127.0.0.1:PORT`), the process, and `stop()`. */
export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `filmkg serve --port 0 …args` in `cwd`; `stdin` (if given) is written to its standard input and closed. */
export async function startServeProcess(args: readonly string[], options: { cwd?: string; stdin?: string | Buffer } = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    stdio: [options.stdin !== undefined ? 'pipe' : 'ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString('utf8');
        const m = /SPARQL endpoint at (\S+)\/sparql/.exec(err);
        if (m) resolve(m[1] as string);
      });
      child.on('close', () => reject(new Error(`filmkg serve ended: ${err}`)));
    });
    return { url, child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
