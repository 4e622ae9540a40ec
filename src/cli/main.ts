// The CLI dispatcher: `filmkg <command> [options]`. Turns FilmkgErrors into one-line messages and exit codes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isUserError } from '../errors.js';
import { PROJECT_ROOT } from '../paths.js';
import { EXIT } from './command.js';
import { processIo, type CliIo } from './io.js';
import { COMMANDS } from './registry.js';
import { didYouMean } from './suggest.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Top-level help text. */
export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `filmkg ${version()} — builds a linked-data knowledge graph of a film from its Wikipedia article

Usage: filmkg <command> [options]

Commands:
${lines.join('\n')}

Options:
  -h, --help     show help (also: filmkg <command> --help, filmkg help <command>)
  -V, --version  print the version

Exit codes: 0 success; 1 bad input, failed check or unreachable service; 2 usage error.
`;
}

/** Runs the CLI with `argv` (arguments after `filmkg`) and resolves to the exit code. Never throws. */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // No command is a usage error: the help goes to stderr so that nothing reaches a pipe.
    io.stderr(mainHelp());
    return EXIT.usage;
  }
  if (name === '-h' || name === '--help' || (name === 'help' && rest.length === 0)) {
    io.stdout(mainHelp());
    return EXIT.ok;
  }
  if (name === 'help') return run([...rest.slice(0, 1), '--help', ...rest.slice(1)], io);
  if (name === '-V' || name === '--version') {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const names = COMMANDS.map((c) => c.name);
    io.stderr(`filmkg: unknown command "${name}"${didYouMean(name, names)} (commands: ${names.join(', ')}; see filmkg --help)\n`);
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (isUserError(error)) {
      io.stderr(`filmkg ${name}: error [${error.code}]: ${error.message}\n`);
      return error.code === 'USAGE' || error.code === 'UNKNOWN_FORMAT' ? EXIT.usage : EXIT.failure;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`filmkg ${name}: internal error (please report): ${message}\n`);
    return EXIT.failure;
  }
}
