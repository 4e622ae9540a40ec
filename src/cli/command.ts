// The shape of one CLI command; every command lives in its own module and is listed in registry.ts.
import type { CliIo } from './io.js';

/** Exit codes: 0 success, 1 the input or data is wrong (or a check failed), 2 usage error. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

export interface Command {
  /** The word after `filmkg`. */
  readonly name: string;
  /** One line for `filmkg --help`. */
  readonly summary: string;
  /** Full text for `filmkg <name> --help`. */
  readonly help: string;
  /** Runs the command with the arguments after its name; resolves to the exit code. Throws FilmkgError for user errors. */
  run(args: string[], io: CliIo): Promise<number>;
}
