// Benchmark of the endpoint's send path: what gzip and conditional requests cost or save. Starts `filmkg serve` in its
// own process on a free loopback port, then asks each target one request at a time, three ways in the same run:
// as is (the peer), gzip-encoded, and with If-None-Match (304). Prints medians, the bytes sent and the ratios to the peer.
// Usage: node bench/endpoint-encoding.js [--runs N]
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const RUNS = Number(values.runs);

const child = spawn(process.execPath, [path.join(ROOT, 'bin/filmkg.js'), 'serve', '--port', '0', '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
const base = await new Promise((resolve, reject) => {
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
    const m = /endpoint at (http:\/\/[^\s,]+)\/sparql/.exec(err);
    if (m) resolve(m[1]);
  });
  child.once('exit', (code) => reject(new Error(`filmkg serve exited with ${code}: ${err}`)));
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
/** One request: milliseconds until the last byte, the status, the bytes received and the ETag. */
function get(target, headers) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(`${base}${target}`, { agent, headers }, (res) => {
      let bytes = 0;
      res.on('data', (c) => (bytes += c.length));
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode, bytes, etag: res.headers.etag }));
    });
    req.on('error', reject);
  });
}

const ALL = 'CONSTRUCT WHERE { ?s ?p ?o }';
const TARGETS = [
  ['/graph.ttl', {}],
  ['/graph.nt', {}],
  [`/sparql?query=${encodeURIComponent(ALL)}`, { accept: 'text/turtle' }],
  [`/sparql?query=${encodeURIComponent('SELECT * WHERE { ?s ?p ?o }')}`, { accept: 'application/sparql-results+json' }],
];
const LABELS = ['/graph.ttl', '/graph.nt', 'CONSTRUCT all (Turtle)', 'SELECT all (JSON)'];

console.log(`endpoint send path, ${RUNS} sequential requests each, medians (shared machine: compare ratios, not times)`);
console.log('target                   as is: ms  bytes      gzip: ms  bytes    ratio   304: ms  ratio   first gzip ms');
try {
  for (const [i, [target, headers]] of TARGETS.entries()) {
    const warm = await get(target, headers);
    const first = await get(target, { ...headers, 'accept-encoding': 'gzip' });
    const plain = [];
    const packed = [];
    const cached = [];
    for (let r = 0; r < RUNS; r++) {
      plain.push(await get(target, headers));
      packed.push(await get(target, { ...headers, 'accept-encoding': 'gzip' }));
      cached.push(await get(target, { ...headers, 'if-none-match': warm.etag }));
    }
    if (cached.some((c) => c.status !== 304)) throw new Error(`${target}: If-None-Match did not give 304`);
    const p = stats(plain.map((x) => x.ms)).median;
    const g = stats(packed.map((x) => x.ms)).median;
    const c = stats(cached.map((x) => x.ms)).median;
    const row = [
      LABELS[i].padEnd(24),
      p.toFixed(2).padStart(10),
      String(warm.bytes).padStart(8),
      g.toFixed(2).padStart(13),
      String(packed[0].bytes).padStart(7),
      (g / p).toFixed(2).padStart(8),
      c.toFixed(2).padStart(9),
      (c / p).toFixed(2).padStart(7),
      first.ms.toFixed(1).padStart(15),
    ];
    console.log(row.join(''));
  }
} finally {
  agent.destroy();
  child.kill('SIGTERM');
}
