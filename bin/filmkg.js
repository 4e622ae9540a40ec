#!/usr/bin/env node
// Entry point of the `filmkg` command: runs the compiled CLI (npm run build:ts writes dist/).
import { run } from '../dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
