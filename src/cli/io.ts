// The CLI's view of the outside world, passed in so that tests can call commands and capture what they print.

/** Streams and environment a command may use. Data goes to `stdout`, diagnostics to `stderr`. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Working directory for relative paths. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Reads all of standard input as UTF-8 text (for `-` in place of a file). */
  readStdin?: () => Promise<string>;
}

/**
 * Writes to `stream` until its reader goes away. A closed pipe (`filmkg query cast | head -1`) is EPIPE: from then on
 * the writes are dropped quietly, and the command ends with its own exit code (0 when it succeeded), as Node cannot die
 * of SIGPIPE the way `cat` does (it ignores the signal) and a stack trace or exit 1 would break `set -o pipefail`
 * pipelines whose reader merely stopped early. Other write errors are reported once on stderr.
 */
export function pipeWriter(stream: NodeJS.WritableStream, onOtherError: (error: Error) => void = () => undefined): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (closed) return;
    closed = true;
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') onOtherError(error);
  });
  return (text) => {
    if (closed || text === '') return;
    stream.write(text);
  };
}

let real: CliIo | undefined;

/** The real process's IO (one per process: the streams' error listeners are installed once). */
export function processIo(): CliIo {
  if (real) return real;
  const stderr = pipeWriter(process.stderr);
  real = {
    stdout: pipeWriter(process.stdout, (error) => stderr(`filmkg: cannot write to standard output: ${error.message}\n`)),
    stderr,
    cwd: process.cwd(),
    env: process.env,
    readStdin: () => readAll(process.stdin),
  };
  return real;
}

/** Reads a stream to its end as UTF-8 text. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** An IO that records everything, for tests; `stdin` is what `readStdin` gives. */
export function captureIo(cwd = process.cwd(), env: Record<string, string | undefined> = {}, stdin?: string): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    cwd,
    env,
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    ...(stdin !== undefined ? { readStdin: async () => stdin } : {}),
  };
  return io;
}
