// The CLI's shell manners, on real processes (the compiled CLI: `npm test` compiles it first): a closed pipe ends a
// command quietly with its own exit code, `filmkg query -` reads the query from standard input, and mistyped command
// and query names get a did-you-mean.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { closest, editDistance } from '../src/cli/suggest.js';

const CLI = path.join(import.meta.dirname, '..', 'bin', 'filmkg.js');

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/**
 * Runs the CLI with `args`. `closeAfter`: the reader closes stdout after that many lines (0: before reading anything),
 * as `head -n` does; `stdin`: text piped to its standard input (else none).
 */
function cli(args: string[], options: { closeAfter?: number; stdin?: string } = {}): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    if (options.closeAfter === 0) child.stdout.destroy();
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (options.closeAfter !== undefined && out.split('\n').length > options.closeAfter) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
    child.stdin.end(options.stdin ?? '');
  });
}

const NO_TRACE = /EPIPE|node:events|at .*\(.*:\d+:\d+\)|internal error/;

describe('a closed pipe (filmkg … | head -1)', () => {
  it('query cast: the reader stops after the first line, filmkg exits 0 and says nothing', async () => {
    const r = await cli(['query', 'cast'], { closeAfter: 1 });
    expect(r.err).not.toMatch(NO_TRACE);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/film\s+│ actor/);
  });

  it('a large output (every triple, about 4,600 rows) whose reader stops after one line: exit 0, nothing on stderr', async () => {
    const r = await cli(['query', '-e', 'SELECT * WHERE { ?s ?p ?o }'], { closeAfter: 1 });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('a reader gone before anything is written (extract | true): exit 0, only the command own diagnostics', async () => {
    const r = await cli(['extract'], { closeAfter: 0 });
    expect(r.err).not.toMatch(NO_TRACE);
    expect(r.code).toBe(0);
  });

  it('a failed check keeps its exit code when the reader is gone', async () => {
    const r = await cli(['query', 'no-such-query'], { closeAfter: 0 });
    expect(r.err).not.toMatch(NO_TRACE);
    expect(r.code).toBe(1);
  });
});

describe('filmkg query - (the query from standard input)', () => {
  it('reads the query text piped to it', async () => {
    const r = await cli(['query', '-', '--format', 'csv'], { stdin: 'PREFIX schema: <http://schema.org/>\nSELECT ?name WHERE { ?f a schema:Movie ; schema:name ?name }\n' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('name\r\nLeaving Las Vegas\r\n');
  });

  it('an ASK from stdin, in process (captureIo gives the text)', async () => {
    const io = captureIo(process.cwd(), {}, 'ASK { ?s ?p ?o }');
    expect(await run(['query', '-'], io)).toBe(0);
    expect(io.out).toBe('true\n');
  });

  it('an empty stdin or a syntax error names stdin', async () => {
    const empty = await cli(['query', '-'], { stdin: '' });
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/\[BAD_QUERY\]: stdin: the query is empty/);
    const bad = await cli(['query', '-'], { stdin: 'SELECT ?x WHERE {\n  ?x ?y\n}' });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/\[BAD_QUERY\]: stdin:\d+/);
  });
});

describe('did you mean', () => {
  it('edit distance counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('query', 'query')).toBe(0);
    expect(editDistance('qeury', 'query')).toBe(1);
    expect(editDistance('buld', 'build')).toBe(1);
    expect(editDistance('vaildte', 'validate')).toBe(2);
    expect(closest('serv', ['serve', 'review'])).toBe('serve');
    expect(closest('val', ['extract', 'validate'])).toBe('validate');
    expect(closest('zzzzzz', ['extract', 'validate'])).toBeUndefined();
  });

  it('an unknown command suggests the closest one (usage error, exit 2)', async () => {
    const r = await cli(['qeury', 'cast']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^filmkg: unknown command "qeury"; did you mean query\?/);
    const io = captureIo();
    expect(await run(['vaildate'], io)).toBe(2);
    expect(io.err).toMatch(/did you mean validate\?/);
    expect(await run(['frobnicate'], io)).toBe(2);
    expect(io.err).toMatch(/unknown command "frobnicate" \(commands: extract, review/);
  });

  it('an unknown bundled query name suggests the closest one (exit 1, as an unknown query)', async () => {
    const io = captureIo();
    expect(await run(['query', 'cst'], io)).toBe(1);
    expect(io.err).toMatch(/\[UNKNOWN_QUERY\]: no bundled query or file named "cst"; did you mean cast\?/);
    const prefix = captureIo();
    expect(await run(['query', 'budget-and'], prefix)).toBe(1);
    expect(prefix.err).toMatch(/did you mean budget-and-box-office\?/);
    const far = captureIo();
    expect(await run(['query', 'zzzzzzzz'], far)).toBe(1);
    expect(far.err).not.toMatch(/did you mean/);
  });
});
