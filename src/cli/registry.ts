// Every CLI command, in the order `filmkg --help` lists them. Add a command: write src/cli/<name>.ts, list it here.
import type { Command } from './command.js';

export const COMMANDS: readonly Command[] = [];
