// The CLI's manners, in every command: a usage error (unknown option, missing option value, bad --format, missing
// argument) exits 2 with a one-line message and the closest known word suggested; `filmkg help COMMAND` prints that
// command's help.
import { describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { mainHelp, run } from '../src/cli/main.js';
import { COMMANDS } from '../src/cli/registry.js';

async function cli(...args: string[]) {
  const io = captureIo();
  const status = await run(args, io);
  return { status, out: io.out, err: io.err };
}

const NAMES = COMMANDS.map((c) => c.name);

describe('filmkg help COMMAND', () => {
  it.each(NAMES)('help %s prints what %s --help prints, exit 0', async (name) => {
    const help = await cli('help', name);
    expect(help.status).toBe(0);
    expect(help.err).toBe('');
    expect(help.out).toMatch(new RegExp(`^Usage: filmkg ${name}\\b`));
    expect(help.out).toBe((await cli(name, '--help')).out);
  });

  it('help alone prints the top-level help; an unknown command is a usage error with a suggestion', async () => {
    expect((await cli('help')).out).toBe(mainHelp());
    const typo = await cli('help', 'qeury');
    expect(typo.status).toBe(2);
    expect(typo.out).toBe('');
    expect(typo.err).toMatch(/^filmkg: unknown command "qeury"; did you mean query\?/);
  });
});

describe('usage errors exit 2 in every command', () => {
  it.each(NAMES)('%s: an unknown option, with the closest one suggested when one is close', async (name) => {
    const unknown = await cli(name, '--no-such-option');
    expect(unknown.status).toBe(2);
    expect(unknown.out).toBe('');
    expect(unknown.err).toMatch(new RegExp(`^filmkg ${name}: error \\[USAGE\\]: Unknown option '--no-such-option' \\(see filmkg ${name} --help\\)\\n$`));
    const typo = await cli(name, '--hlep');
    expect(typo.status).toBe(2);
    expect(typo.err).toMatch(/Unknown option '--hlep'; did you mean --help\?/);
  });

  it.each([
    [['query', 'cast', '--fromat', 'csv'], /Unknown option '--fromat'; did you mean --format\?/],
    [['query', '--grpah', 'g.ttl', 'cast'], /Unknown option '--grpah'; did you mean --graph\?/],
    [['export', '--formt', 'html'], /did you mean --format\?/],
    [['load', '--endpont', 'http://127.0.0.1:1/'], /did you mean --endpoint\?/],
    [['validate', '--shapes'], /did you mean --shapes-only\?/],
    [['serve', '--prot', '1'], /did you mean --port\?/],
  ])('%j: %s', async (args, message) => {
    const r = await cli(...args);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
  });

  it.each([
    [['query', 'cast', '--format'], /Option '-f, --format <value>' argument missing/],
    [['query', '-e'], /Option '-e, --expr <value>' argument missing/],
    [['query'], /give one query/],
    [['review'], /review takes one ARTICLE/],
    [['load'], /--endpoint URL is required/],
    [['export'], /missing --format/],
    [['validate', '--report'], /Option '--report <value>' argument missing/],
  ])('%j: a missing argument', async (args, message) => {
    const r = await cli(...args);
    expect(r.status).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('a bad --format is exit 2 in query and in export alike, with the closest format suggested', async () => {
    const query = await cli('query', 'cast', '--format', 'jsno');
    expect(query.status).toBe(2);
    expect(query.err).toMatch(/^filmkg query: error \[UNKNOWN_FORMAT\]: --format: unknown format "jsno"; did you mean json\?; expected one of /);
    const graph = await cli('query', 'cast-card.construct', '--format', 'turtel');
    expect(graph.status).toBe(2);
    expect(graph.err).toMatch(/unknown format "turtel"; did you mean turtle\?/);
    const exported = await cli('export', '--format', 'htm');
    expect(exported.status).toBe(2);
    expect(exported.err).toMatch(/^filmkg export: error \[USAGE\]: --format: unknown format "htm"; did you mean html\? \(see filmkg export --help\); expected one of html, jsonld-embed, turtle, ntriples, nquads, jsonld, rdfxml; got "htm"\n$/);
    const far = await cli('query', 'cast', '--format', 'spreadsheet');
    expect(far.status).toBe(2);
    expect(far.err).not.toMatch(/did you mean/);
  });
});
