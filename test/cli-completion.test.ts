// `filmkg completion bash`: the script completes commands, options (from each command's --help), bundled query names
// and format names, run in a real bash against the compiled CLI (npm test builds it first).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';

const BIN = path.join(import.meta.dirname, '..', 'bin', 'filmkg.js');

/** What the script offers for the words typed so far (the last one being completed). */
function complete(...words: string[]): string[] {
  const script = `filmkg() { "${process.execPath}" "${BIN}" "$@"; }
source <(filmkg completion bash)
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; COMPREPLY=(); _filmkg
printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync('bash', ['-c', script], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('filmkg completion bash', () => {
  it('completes commands, options, query names and formats', () => {
    expect(complete('filmkg', 'qu')).toEqual(['query']);
    expect(complete('filmkg', '')).toEqual(expect.arrayContaining(['extract', 'build', 'query', 'validate', 'export', 'load', 'serve', 'completion', 'help']));
    expect(complete('filmkg', 'query', '--gr')).toEqual(['--graph']);
    expect(complete('filmkg', 'load', '--re')).toEqual(['--replace', '--retries']);
    expect(complete('filmkg', 'query', 'cas')).toEqual(['cast-card.construct', 'cast']);
    expect(complete('filmkg', 'query', 'cast', '--format', 'r')).toEqual(['rdfxml']);
    expect(complete('filmkg', 'export', '--format', 'n')).toEqual(['ntriples', 'nquads']);
    expect(complete('filmkg', 'validate', 'x.rdf', '--input-format', 'j')).toEqual(['jsonld']);
    expect(complete('filmkg', 'help', 'se')).toEqual(['serve']);
  }, 60_000);

  it('needs the shell: anything but bash is a usage error', async () => {
    const io = captureIo();
    expect(await run(['completion', 'bahs'], io)).toBe(2);
    expect(io.err).toMatch(/error \[USAGE\]: completion needs the shell's name; "bahs" is not one; did you mean bash\?/);
    expect(await run(['completion'], captureIo())).toBe(2);
  });
});
