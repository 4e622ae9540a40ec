// Summarises a V8 CPU profile (`node --cpu-prof`): total time, self time by package or project folder, and the top
// self-time functions. Usage: node bench/profile-summary.js FILE.cpuprofile [--top N]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '25' } } });
if (positionals.length !== 1) {
  console.error('usage: node bench/profile-summary.js FILE.cpuprofile [--top N]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
// Each sample's time is the gap to the next sample; the sampled node gets it as self time.
for (let i = 0; i < profile.samples.length; i++) {
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** The package (node_modules/<name>), project folder (dist/<dir>) or Node/V8 bucket a script belongs to. */
function group(url) {
  if (!url) return '(native / V8)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  const own = url.match(/\/dist\/([^/]+)(\/|\.js)/);
  if (own) return `filmkg ${own[1]}${own[2] === '/' ? '/' : ''}`;
  if (url.startsWith('node:')) return 'node internals';
  return url.replace(/^.*\//, '');
}
const groups = new Map();
const fns = new Map();
for (const [id, t] of self) {
  const node = byId.get(id);
  const cf = node.callFrame;
  const g = cf.functionName === '(garbage collector)' ? '(garbage collector)' : cf.functionName === '(program)' || cf.functionName === '(idle)' ? `${cf.functionName}` : group(cf.url);
  groups.set(g, (groups.get(g) ?? 0) + t);
  const key = `${cf.functionName || '(anonymous)'}  ${cf.url ? `${cf.url.replace(/^.*\/(node_modules\/|dist\/)/, '$1')}:${cf.lineNumber + 1}` : ''}`;
  fns.set(key, (fns.get(key) ?? 0) + t);
}
const ms = (x) => `${x.toFixed(1).padStart(8)} ms`;
console.log(`profile ${positionals[0]}: ${total.toFixed(1)} ms sampled`);
console.log('self time by package / folder:');
for (const [g, t] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${ms(t)}  ${((100 * t) / total).toFixed(1).padStart(5)} %  ${g}`);
console.log(`top ${values.top} functions by self time:`);
for (const [f, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) console.log(`${ms(t)}  ${f}`);
