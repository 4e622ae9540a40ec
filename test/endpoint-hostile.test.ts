// The SPARQL endpoint under hostile use (issue 12, families 1 to 3): an engine failure costs one query, deep nesting is
// refused with the reason, a bounded pool and queue, time limits counted from arrival, clients that hang up cancel their
// queries, memory bounded per query and given back, and cheap queries that keep answering through all of it.
// Servers run on 127.0.0.1 on free ports; timings are only ever checked against several seconds.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../src/server/endpoint.js';
import type { EndpointLimits } from '../src/server/sparql-endpoint.js';
import { openGraphStore } from '../src/store/open.js';

const MiB = 1024 * 1024;
/** About 10^11 solutions: runs until it is stopped. */
const SLOW = 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }';
const CHEAP = 'ASK { ?s ?p ?o }';
const DEEP = `SELECT * WHERE ${'{'.repeat(1000)}${'}'.repeat(1000)}`;
/** A sort of every pair of triples (21 million solutions, held in memory at once). */
const SORTED_CROSS_JOIN = 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?f ?c';
/** One string of every object of every pair of triples (about 800 MB). */
const HUGE_GROUP_CONCAT = 'SELECT (GROUP_CONCAT(STR(?o)) AS ?all) WHERE { ?a ?b ?c . ?d ?e ?o }';
const CROSS_JOIN = 'SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }';

let graph: { ntriples: string; triples: number; source: string };
const servers: RunningEndpoint[] = [];

beforeAll(async () => {
  const { store, source } = await openGraphStore();
  try {
    graph = { ntriples: store.serialize('CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }', 'application/n-triples'), triples: await store.size(), source };
  } finally {
    store.close();
  }
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(limits: Partial<EndpointLimits>): Promise<RunningEndpoint> {
  const server = await startEndpoint({ port: 0, graph, limits });
  servers.push(server);
  return server;
}

async function stop(server: RunningEndpoint): Promise<void> {
  servers.splice(servers.indexOf(server), 1);
  await server.close();
}

interface Answer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
  ms: number;
}

/** GET /sparql?query=… on a connection of its own, read to the end. */
function ask(server: RunningEndpoint, query: string): Promise<Answer> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(`${server.url}/sparql?query=${encodeURIComponent(query)}`, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers, ms: performance.now() - t0 }));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Sends a query and hangs up (closes the connection) when told to. */
function hangingQuery(server: RunningEndpoint, query: string): { hangUp(): Promise<void> } {
  const req = http.get(`${server.url}/sparql?query=${encodeURIComponent(query)}`, { agent: false });
  req.on('error', () => {});
  const closed = new Promise<void>((resolve) => req.once('close', () => resolve()));
  return {
    hangUp() {
      req.destroy();
      return closed;
    },
  };
}

async function waitFor(what: string, condition: () => boolean, ms = 20_000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const rss = () => process.memoryUsage.rss();

describe('engine failures and nesting (family 1)', () => {
  it('refuses 1 000 nested {} with 400 and the reason, and keeps answering', async () => {
    const server = await serve({ timeoutMs: 30_000 });
    const deep = await ask(server, DEEP);
    expect(deep.status).toBe(400);
    expect(deep.body).toMatch(/the query nests 1000 brackets deep .*at most 48 are accepted/);
    for (const query of ['ASK {}', CHEAP]) expect((await ask(server, query)).status).toBe(200);
    await stop(server);
  });

  it('an engine failure answers 500 for that query only; its thread is replaced and later queries work', async () => {
    // Nesting limits raised out of the way, so that the query reaches the engine and makes it fail.
    const server = await serve({ timeoutMs: 60_000, workers: 1, nesting: { brackets: 1e6, algebra: 1e6 } });
    const deep = await ask(server, DEEP);
    expect(deep.status).toBe(500);
    expect(deep.body).toMatch(/^the query engine failed on this query \((memory access out of bounds|Maximum call stack size exceeded)\).*restarted/);
    for (let i = 0; i < 3; i++) expect((await ask(server, CHEAP)).status).toBe(200);
    expect(server.poolState().restarts).toBe(1);
    await stop(server);
  });
});

describe('a pool of query threads, a bounded queue, deadlines from arrival, clients that hang up (family 2)', () => {
  it('a full queue answers 503 with Retry-After; hanging up frees the thread and the queue', async () => {
    const server = await serve({ timeoutMs: 60_000, workers: 1, queue: 1 });
    const running = hangingQuery(server, SLOW);
    await waitFor('the slow query to run', () => server.poolState().busy === 1);
    const waiting = hangingQuery(server, SLOW);
    await waitFor('the second to wait', () => server.poolState().queued === 1);
    const refused = await ask(server, CHEAP);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.body).toMatch(/the endpoint is busy: 1 queries are running and 1 are waiting; retry in \d+ s/);
    await waiting.hangUp();
    await running.hangUp();
    const after = await ask(server, CHEAP);
    expect(after.status).toBe(200);
    expect(after.ms).toBeLessThan(10_000);
    await stop(server);
  });

  it('the time limit counts from the arrival: a query that waited its time for a thread is not run after it', async () => {
    const server = await serve({ timeoutMs: 5_000, workers: 1, queue: 4 });
    const first = ask(server, SLOW);
    await waitFor('the first query to run', () => server.poolState().busy === 1);
    const second = await ask(server, SLOW);
    expect((await first).status).toBe(503);
    expect(second.status).toBe(503);
    expect(second.body).toMatch(/waited \d+ ms for a query thread and reached the 5000-ms time limit|[1-9]\d* ms of it waiting for a query thread/);
    // Counted from its arrival, not from when the first query gave its thread up (that would be about 10 s).
    expect(second.ms).toBeLessThan(8_000);
    await stop(server);
  });

  it('a client that hangs up stops its running query: the thread is replaced and the next query answers at once', async () => {
    const server = await serve({ timeoutMs: 120_000, workers: 1 });
    const slow = hangingQuery(server, SLOW);
    await waitFor('the slow query to run', () => server.poolState().busy === 1);
    await slow.hangUp();
    const cheap = await ask(server, CHEAP);
    expect(cheap.status).toBe(200);
    expect(cheap.ms).toBeLessThan(10_000);
    expect(server.poolState().restarts).toBe(1);
    await stop(server);
  });

  it('a client that hangs up while its query waits has it dropped unrun', async () => {
    const server = await serve({ timeoutMs: 120_000, workers: 1, queue: 4 });
    const running = hangingQuery(server, SLOW);
    await waitFor('the slow query to run', () => server.poolState().busy === 1);
    const waiting = hangingQuery(server, SLOW);
    await waitFor('the second to wait', () => server.poolState().queued === 1);
    await waiting.hangUp();
    await waitFor('the waiting query to be dropped', () => server.poolState().queued === 0);
    expect(server.poolState()).toMatchObject({ busy: 1, restarts: 0 });
    await running.hangUp();
    expect((await ask(server, CHEAP)).status).toBe(200);
    expect(server.poolState().restarts).toBe(1);
    await stop(server);
  });

  it('four slow queries whose clients hung up do not hold up a cheap query (the 40 s of the report)', async () => {
    const server = await serve({ timeoutMs: 60_000 });
    const slow = Array.from({ length: 4 }, () => hangingQuery(server, SLOW));
    // Two run as long queries (half the threads); the two others wait for a long slot.
    await waitFor('the slow queries to run or wait', () => server.poolState().long === 2 && server.poolState().queued === 2);
    await Promise.all(slow.map((s) => s.hangUp()));
    const cheap = await ask(server, CHEAP);
    expect(cheap.status).toBe(200);
    expect(cheap.ms).toBeLessThan(10_000);
    await stop(server);
  });
  it('long queries take at most half the threads: with four slow queries running or waiting, a cheap one still answers', async () => {
    const server = await serve({ timeoutMs: 60_000 });
    const slow = Array.from({ length: 4 }, () => hangingQuery(server, SLOW));
    await waitFor('two slow queries to run and two to wait', () => server.poolState().long === 2 && server.poolState().queued === 2);
    for (let i = 0; i < 5; i++) {
      const cheap = await ask(server, CHEAP);
      expect(cheap.status).toBe(200);
      expect(cheap.ms).toBeLessThan(5_000);
    }
    expect(server.poolState()).toMatchObject({ long: 2, queued: 2 });
    await Promise.all(slow.map((s) => s.hangUp()));
    await stop(server);
  });
});

describe('memory per query (family 3)', () => {
  /** Runs `query` on a fresh one-thread server with `queryMemoryBytes`, sampling this process's memory meanwhile. */
  async function measured(query: string, limits: Partial<EndpointLimits>) {
    const server = await serve({ timeoutMs: 60_000, workers: 1, ...limits });
    expect((await ask(server, CHEAP)).status).toBe(200);
    const baseline = rss();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rss());
    }, 10);
    const answer = await ask(server, query);
    clearInterval(sampler);
    // The thread that ran it is replaced; its memory goes back to the system.
    await waitFor('the memory to come back', () => rss() < baseline + 48 * MiB);
    expect((await ask(server, CHEAP)).status).toBe(200);
    await stop(server);
    return { answer, growth: peak - baseline };
  }

  it('a sort of 21 million solutions is stopped at its memory limit while it runs', async () => {
    const { answer, growth } = await measured(SORTED_CROSS_JOIN, { queryMemoryBytes: 64 * MiB });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatch(/the query needed more than its 64 MiB of memory and was stopped/);
    expect(growth).toBeLessThan(300 * MiB);
  });

  it('a GROUP_CONCAT of 800 MB is stopped at its memory limit while it runs', async () => {
    const { answer, growth } = await measured(HUGE_GROUP_CONCAT, { queryMemoryBytes: 64 * MiB });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatch(/needed more than its 64 MiB of memory|ran longer than/);
    expect(growth).toBeLessThan(300 * MiB);
  });

  it('a result over the size limit is refused with 413, and never reaches the server whole', async () => {
    const { answer, growth } = await measured(`${CROSS_JOIN} LIMIT 20000`, { maxResultBytes: 1 * MiB });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatch(/larger than the 1048576-byte limit/);
    expect(growth).toBeLessThan(300 * MiB);
  });
});

describe('hostile load', () => {
  it('cheap queries answer, never with 5xx, while slow queries, cross joins and GROUP_CONCATs run and clients hang up', async () => {
    const server = await serve({ timeoutMs: 8_000, queryMemoryBytes: 64 * MiB });
    const until = performance.now() + 10_000;
    const statuses: number[] = [];
    const expensive = async (query: string) => {
      while (performance.now() < until) statuses.push((await ask(server, query)).status);
    };
    const hangingUp = async () => {
      let i = 0;
      while (performance.now() < until) {
        const q = hangingQuery(server, [SLOW, CROSS_JOIN, HUGE_GROUP_CONCAT, SORTED_CROSS_JOIN][i++ % 4] as string);
        await new Promise((r) => setTimeout(r, 50 + ((i * 137) % 400)));
        await q.hangUp();
      }
    };
    const cheap: Answer[] = [];
    const cheapLoop = async () => {
      while (performance.now() < until) cheap.push(await ask(server, CHEAP));
    };
    await Promise.all([expensive(SLOW), expensive(HUGE_GROUP_CONCAT), hangingUp(), hangingUp(), cheapLoop()]);
    expect(cheap.length).toBeGreaterThan(5);
    for (const answer of cheap) {
      expect(answer.status).toBe(200);
      expect(answer.ms).toBeLessThan(6_000);
    }
    expect(statuses.every((s) => s === 503), String(statuses)).toBe(true);
    await waitFor('the threads to be back', () => server.poolState().ready === 4);
    expect((await ask(server, CHEAP)).status).toBe(200);
    await stop(server);
  });
});
