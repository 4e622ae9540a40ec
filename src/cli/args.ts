// Strict argument parsing for commands (node:util parseArgs), turning its errors into USAGE FilmkgErrors.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FilmkgError } from '../errors.js';
import { didYouMean } from './suggest.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `args` against `options`; unknown flags and missing values become USAGE errors naming the flag, an unknown
 * flag with the closest known one (`--fromat` → "did you mean --format?").
 */
// The return type is spelled out so that declarations can be emitted (the inferred one names a type node:util does not export).
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /^Unknown option '(--?[^'=]+)/.exec(message)?.[1];
    const known = ['--help', ...Object.keys(options).map((o) => `--${o}`)];
    const hint = unknown === undefined ? '' : didYouMean(unknown, known);
    throw new FilmkgError('USAGE', `${message.replace(/\s*To specify a positional argument.*$/s, '').replace(/\.$/, '')}${hint} (see filmkg ${command} --help)`);
  }
}
