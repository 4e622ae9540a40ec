#!/usr/bin/env node
// Entry point of the `filmkg` command: runs the compiled CLI (npm run build:ts writes dist/; src/cli/launch.ts says how).
import { launch } from '../dist/cli/launch.js';

process.exitCode = await launch(process.argv.slice(2));
