// Every CLI command, in the order `filmkg --help` lists them. Add a command: write src/cli/<name>.ts, list it here.
import { buildCommand } from './build.js';
import type { Command } from './command.js';
import { extractCommand } from './extract.js';
import { queryCommand } from './query.js';
import { serveCommand } from './serve.js';

export const COMMANDS: readonly Command[] = [
  extractCommand,
  buildCommand,
  queryCommand,
  serveCommand,
];
