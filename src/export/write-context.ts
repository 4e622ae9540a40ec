// Entry script behind `npm run context`: regenerates ontology/context.jsonld from src/vocab.ts (test/export-context.test.ts checks it is current).
import path from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import { CONTEXT_FILE, contextDocument } from './context.js';

await writeFileAtomic(CONTEXT_FILE, contextDocument());
process.stdout.write(`wrote ${path.relative(process.cwd(), CONTEXT_FILE)}\n`);
