// Runs every benchmark under bench/ one after another (npm run bench). Each prints its own figures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(here, '..');
spawnSync(process.execPath, [path.join(ROOT, 'bin/filmkg.js'), 'build'], { stdio: 'ignore' });
// Not benchmarks: this runner, the shared statistics, and the profile summariser (node bench/profile-summary.js FILE).
const TOOLS = new Set(['run.js', 'stats.js', 'profile-summary.js']);
for (const file of readdirSync(here).filter((f) => f.endsWith('.js') && !TOOLS.has(f)).sort()) {
  console.log(`\n## ${file}`);
  const r = spawnSync(process.execPath, [path.join(here, file)], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
