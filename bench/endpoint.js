// Benchmark of the SPARQL endpoint: starts `filmkg serve` in its own process on a free loopback port, then drives it from
// this process with a bounded number of concurrent keep-alive requests for a simple SELECT; prints throughput and latency.
// Usage: node bench/endpoint.js [--seconds S] [--concurrency C]
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '5' }, concurrency: { type: 'string', default: '8' } } });
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const QUERY = 'PREFIX schema: <http://schema.org/> SELECT ?name WHERE { ?f a schema:Movie ; schema:name ?name }';

const child = spawn(process.execPath, [path.join(ROOT, 'bin/filmkg.js'), 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
const url = await new Promise((resolve, reject) => {
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
    const m = /endpoint at (http:\/\/[^\s,]+)/.exec(err);
    if (m) resolve(m[1]);
  });
  child.once('exit', (code) => reject(new Error(`filmkg serve exited with ${code}: ${err}`)));
});

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const target = new URL(`${url}?query=${encodeURIComponent(QUERY)}`);
function request() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    http
      .get(target, { agent, headers: { accept: 'application/sparql-results+json' } }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`HTTP ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

try {
  for (let i = 0; i < 200; i++) await request(); // warm-up
  const latencies = [];
  const end = performance.now() + SECONDS * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) latencies.push(await request());
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const st = stats(latencies);
  const rps = latencies.length / elapsed;
  console.log(`filmkg endpoint benchmark — simple SELECT, ${CONCURRENCY} concurrent keep-alive clients for ${SECONDS} s from a separate process; Node ${process.version}`);
  console.log(`requests: ${latencies.length}; throughput: ${rps.toFixed(0)} req/s (target ≥ 1000: ${rps >= 1000 ? 'met' : 'NOT met'})`);
  console.log(`latency: median ${st.median.toFixed(2)} ms, p95 ${st.p95.toFixed(2)} ms, p99 ${st.p99.toFixed(2)} ms`);
} finally {
  agent.destroy();
  child.kill('SIGTERM');
}
