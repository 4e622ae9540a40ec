// Soak benchmark of the SPARQL endpoint under hostile use: starts `filmkg serve` in its own process on a free loopback
// port, then for N seconds drives it with cheap queries (a few keep-alive clients in a loop), expensive queries whose
// clients wait for the answer (cross joins, a sort of every pair of triples, an 800 MB GROUP_CONCAT, a result over the
// size limit: they time out or are stopped), and expensive queries whose clients hang up after a while.
// Prints requests/s, p50/p95/p99 of the cheap queries, the answers by status for each kind of client, and the server's
// resident memory before (after a warm-up of cheap queries alone), at its peak and 3 s after the end (Linux: /proc;
// elsewhere `ps`).
// Usage: node bench/endpoint-soak.js [--seconds S] [--cheap C] [--expensive E] [--hangups H] [--timeout MS]
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stats } from './stats.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    cheap: { type: 'string', default: '4' },
    expensive: { type: 'string', default: '2' },
    hangups: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '5000' },
  },
});
const SECONDS = Number(values.seconds);
const CHEAP_CLIENTS = Number(values.cheap);
const EXPENSIVE_CLIENTS = Number(values.expensive);
const HANGUP_CLIENTS = Number(values.hangups);
const TIMEOUT_MS = Number(values.timeout);

const CHEAP = [
  'PREFIX schema: <http://schema.org/> SELECT ?name WHERE { ?f a schema:Movie ; schema:name ?name }',
  'ASK { ?s ?p ?o }',
  'PREFIX schema: <http://schema.org/> SELECT ?p ?name WHERE { ?f schema:actor ?p . ?p schema:name ?name } LIMIT 20',
];
const EXPENSIVE = [
  'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }',
  'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c',
  'SELECT (GROUP_CONCAT(STR(?o)) AS ?all) WHERE { ?a ?b ?c . ?d ?e ?o }',
  'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 100000',
  `SELECT * WHERE ${'{'.repeat(1000)}${'}'.repeat(1000)}`,
];

const child = spawn(process.execPath, [path.join(ROOT, 'bin/filmkg.js'), 'serve', '--port', '0', '--timeout', String(TIMEOUT_MS)], { stdio: ['ignore', 'ignore', 'pipe'] });
const url = await new Promise((resolve, reject) => {
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
    const m = /endpoint at (http:\/\/[^\s,]+)/.exec(err);
    if (m) resolve(m[1]);
  });
  child.once('exit', (code) => reject(new Error(`filmkg serve exited with ${code}: ${err}`)));
});

/** The server's resident memory in bytes. */
function rss() {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
    if (kb) return Number(kb) * 1024;
  } catch {
    // not Linux
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(child.pid)], { encoding: 'utf8' }).trim()) * 1024;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CHEAP_CLIENTS });
/** GET a query; resolves to { status, ms } (status 0: the connection failed). */
function request(query, options = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.get(`${url}?query=${encodeURIComponent(query)}`, { agent: options.agent ?? false, headers: { accept: 'application/sparql-results+json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0 }));
      res.on('error', () => resolve({ status: 0, ms: performance.now() - t0 }));
    });
    req.on('error', () => resolve({ status: options.hangUpAfter !== undefined ? -1 : 0, ms: performance.now() - t0 }));
    if (options.hangUpAfter !== undefined) setTimeout(() => req.destroy(), options.hangUpAfter);
  });
}

/** A small deterministic generator, so that two runs send the same mix. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const counts = { cheap: new Map(), expensive: new Map(), hangup: new Map() };
const count = (kind, status) => counts[kind].set(status, (counts[kind].get(status) ?? 0) + 1);
const cheapLatencies = [];

try {
  // Warm-up: the cheap clients alone, long enough for the server to reach its steady size serving them; that is the baseline.
  const warm = performance.now() + 1000 * Math.max(1, Math.min(5, SECONDS / 10));
  await Promise.all(
    Array.from({ length: CHEAP_CLIENTS }, async (_, id) => {
      for (let i = id; performance.now() < warm; i++) await request(CHEAP[i % CHEAP.length], { agent });
    }),
  );
  await new Promise((r) => setTimeout(r, 1000));
  const before = rss();
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rss());
  }, 200);
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  const cheap = async (id) => {
    for (let i = id; performance.now() < end; i++) {
      const { status, ms } = await request(CHEAP[i % CHEAP.length], { agent });
      count('cheap', status);
      cheapLatencies.push(ms);
    }
  };
  const expensive = async (id) => {
    for (let i = id; performance.now() < end; i++) count('expensive', (await request(EXPENSIVE[i % EXPENSIVE.length])).status);
  };
  const hangup = async (id) => {
    const next = random(id + 1);
    for (let i = id; performance.now() < end; i++) {
      const { status } = await request(EXPENSIVE[i % EXPENSIVE.length], { hangUpAfter: 50 + Math.floor(next() * 950) });
      count('hangup', status === -1 ? 'hung up' : status);
    }
  };
  await Promise.all([
    ...Array.from({ length: CHEAP_CLIENTS }, (_, i) => cheap(i)),
    ...Array.from({ length: EXPENSIVE_CLIENTS }, (_, i) => expensive(i)),
    ...Array.from({ length: HANGUP_CLIENTS }, (_, i) => hangup(i)),
  ]);
  const elapsed = (performance.now() - t0) / 1000;
  // Threads stopped near the end are replaced in the background: give the server a moment, then read its memory.
  await new Promise((r) => setTimeout(r, 3000));
  clearInterval(sampler);
  const after = rss();

  const total = [...counts.cheap.values(), ...counts.expensive.values(), ...counts.hangup.values()].reduce((a, b) => a + b, 0);
  const st = stats(cheapLatencies);
  const cheap5xx = [...counts.cheap].filter(([s]) => s >= 500).reduce((a, [, n]) => a + n, 0);
  const show = (m) => [...m].sort((a, b) => String(a[0]).localeCompare(String(b[0]))).map(([s, n]) => `${s}: ${n}`).join(', ') || 'none';
  const mb = (b) => (b / 1024 / 1024).toFixed(0);
  console.log(`filmkg endpoint soak — ${SECONDS} s: ${CHEAP_CLIENTS} cheap clients, ${EXPENSIVE_CLIENTS} expensive clients that wait, ${HANGUP_CLIENTS} that hang up after 50–1000 ms; time limit ${TIMEOUT_MS} ms; Node ${process.version}`);
  console.log(`requests: ${total} in ${elapsed.toFixed(1)} s; ${(total / elapsed).toFixed(0)} requests/s (cheap: ${(cheapLatencies.length / elapsed).toFixed(0)}/s)`);
  console.log(`cheap queries: ${cheapLatencies.length}; p50 ${st.median.toFixed(2)} ms, p95 ${st.p95.toFixed(2)} ms, p99 ${st.p99.toFixed(2)} ms, max ${Math.max(...cheapLatencies).toFixed(0)} ms (target p99 < 100 ms: ${st.p99 < 100 ? 'met' : 'NOT met'})`);
  console.log(`answers to cheap queries by status: ${show(counts.cheap)} (5xx: ${cheap5xx})`);
  console.log(`answers to expensive queries by status: ${show(counts.expensive)}`);
  console.log(`expensive queries whose clients hung up: ${show(counts.hangup)}`);
  const growth = (after - before) / before;
  console.log(`server RSS before ${mb(before)} MB, peak ${mb(peak)} MB, after ${mb(after)} MB (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)} %; target within 10 %: ${Math.abs(growth) <= 0.1 ? 'met' : 'NOT met'})`);
} finally {
  agent.destroy();
  child.kill('SIGTERM');
}
