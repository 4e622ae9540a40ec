// The load-fault suite (issue 12, family 5): `filmkg load` against a fake Graph Store (test/helpers/fake-gsp.ts) that
// drops chunks, applies requests late, fails chunk 3, answers 429 with Retry-After as a date, holds triples before the
// load, and lies about counts. Every fault that loses data exits non-zero with a message saying what the store holds;
// after every run that exits 0 the store holds every triple sent (exactly those with --replace), also once late applies
// have landed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../src/cli/io.js';
import { run } from '../src/cli/main.js';
import { retryAfterMs } from '../src/remote/http.js';
import { FakeGraphStore, ntLines } from './helpers/fake-gsp.js';

const G = 'https://filmkg.example/g';
const store = new FakeGraphStore();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'filmkg-load-faults-'));
/** The graph to send: 4,599 triples (the bundled film's size), 5 chunks of at most 1,000. */
const SENT = ntLines(4599, 'film');
writeFileSync(path.join(tmp, 'graph.nt'), SENT.join(''));
/** Triples with blank nodes (always one request) and two plain ones. */
const BNODE_TTL = '<urn:a> <urn:p> [ <urn:q> "x" ; <urn:r> [ <urn:s> "y" ] ] .\n<urn:b> <urn:p> "z" .\n<urn:c> <urn:p> "w" .\n';
writeFileSync(path.join(tmp, 'bnodes.ttl'), BNODE_TTL);

beforeAll(async () => {
  await store.start();
});
afterEach(() => store.reset());
afterAll(async () => {
  await store.stop();
  rmSync(tmp, { recursive: true, force: true });
});

async function load(args: string[]) {
  const io = captureIo(tmp);
  const status = await run(['load', '--endpoint', `${store.base}/store`, '--query-endpoint', `${store.base}/query`, '--chunk', '1000', ...args], io);
  return { status, out: io.out, err: io.err };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The rule of the suite: exit 0 only if the graph holds every triple sent (and, with --replace, nothing else). */
function expectNoSilentLoss(status: number, graph: string, replace: boolean, sent: readonly string[] = SENT) {
  if (status !== 0) return;
  const held = store.holds(graph);
  expect(sent.filter((line) => !held.has(line)), 'exit 0 with triples missing').toEqual([]);
  if (replace) expect(held.size).toBe(sent.length);
}

/** The chunk bodies' first lines, to tell the requests apart. */
const chunkOf = (lines: readonly string[]) => Math.floor(SENT.indexOf(lines[0] ?? '') / 1000) + 1;

describe('filmkg load: data lost is never reported as loaded', () => {
  it('a chunk acknowledged but dropped (--replace): exit 1, naming the chunks the graph holds', async () => {
    store.plan = (req) => (req.index === 1 ? { answer: 204, apply: 'none' } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G, '--replace']);
    expect(status).toBe(1);
    expect(err).toContain(`after loading, 1,000 of the triples sent are missing. <${G}> now holds chunks 1 and 3–5 of 5 (3,599 of the 4,599 triples sent) and no other triples`);
    expectNoSilentLoss(status, G, true);
  });

  it("the issue's case: a store holding 10,000 triples loses all 4,599 sent (default graph, no --replace): exit 1", async () => {
    for (const line of ntLines(10_000, 'other')) store.holds('').add(line);
    store.plan = () => ({ answer: 204, apply: 'none' });
    const { status, err } = await load(['--file', 'graph.nt']);
    expect(status).toBe(1);
    expect(err).toContain('after loading, 4,599 of the triples sent are missing. The default graph now holds none of the 4,599 triples sent and 10,000 other triples (before the load it held 10,000 triples, 0 of them among those sent)');
    expectNoSilentLoss(status, '', false);
  });

  it("the issue's case: a store holding 10,000 triples loses one 1,000-triple chunk: exit 1", async () => {
    for (const line of ntLines(10_000, 'other')) store.holds(G).add(line);
    store.plan = (req) => (chunkOf(req.lines) === 3 ? { answer: 201, apply: 'none' } : { answer: 201 });
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G]);
    expect(status).toBe(1);
    expect(err).toContain(`1,000 of the triples sent are missing. <${G}> now holds chunks 1–2 and 4–5 of 5 (3,599 of the 4,599 triples sent) and 10,000 other triples`);
    expectNoSilentLoss(status, G, false);
  });

  it('a chunk applied only in part: exit 1, saying how much of it is there', async () => {
    store.plan = (req) => (req.index === 4 ? { apply: 250 } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G, '--replace']);
    expect(status).toBe(1);
    expect(err).toContain(`349 of the triples sent are missing. <${G}> now holds chunks 1–4 of 5 and 250 of the 599 triples of chunk 5 (4,250 of the 4,599 triples sent) and no other triples`);
  });

  it('chunk 3 refused (HTTP 400) with --replace: exit 1, saying the graph now holds a partial load of chunks 1–2', async () => {
    for (const line of ntLines(812, 'previous')) store.holds(G).add(line);
    store.plan = (req) => (req.index === 2 ? { answer: 400 } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G, '--replace']);
    expect(status).toBe(1);
    expect(err).toContain('POST answered HTTP 400 Bad Request; expected a 2xx response; got "refused with 400"');
    expect(err).toContain(
      `Chunk 3 of 5 failed: <${G}> now holds chunks 1–2 of 5 (2,000 of the 4,599 triples sent) and no other triples (before the load it held 812 triples); run the same \`filmkg load --replace\` again to complete it`,
    );
    expect(store.gspRequests()).toHaveLength(3);
  });

  it('chunk 3 failing with HTTP 500 every time: checked, sent again while not applied, then exit 1 with the state', async () => {
    store.plan = (req) => (chunkOf(req.lines) === 3 ? { answer: 500 } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G, '--retries', '1']);
    expect(status).toBe(1);
    expect(err).toContain('POST of chunk 3 of 5: HTTP 500; the store has not applied it (checked): sending it again in 250 ms');
    expect(err).toContain(`Chunk 3 of 5 failed: <${G}> now holds chunks 1–2 of 5 (2,000 of the 4,599 triples sent) and no other triples; run \`filmkg load\` again to add what is missing`);
    expect(store.gspRequests().filter((r) => chunkOf(r.body.split(/(?<=\n)/)) === 3)).toHaveLength(2);
  });

  it('a store that says it holds what was expected while a chunk is missing (a lying count): exit 1', async () => {
    store.plan = (req) => (req.index === 3 ? { apply: 'none' } : {});
    // The count says every triple is there; looking them up says otherwise.
    store.countLie = (graph, real) => (store.gspRequests().length === 5 ? real + 1000 : real);
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G, '--replace']);
    expect(status).toBe(1);
    expect(err).toContain(`after loading, 1,000 of the triples sent are missing. <${G}> now holds chunks 1–3 and 5 of 5 (3,599 of the 4,599 triples sent) and 1,000 other triples`);
    expectNoSilentLoss(status, G, true);
  });

  it('a count higher than expected (someone else wrote, or the count is wrong): exit 1, though every triple is there', async () => {
    store.countLie = (graph, real) => (store.gspRequests().length === 5 ? real + 7 : real);
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G]);
    expect(status).toBe(1);
    expect(err).toContain(`after loading, the store counts 4,606 triples in <${G}>, expected 4,599 (0 before + 4,599 sent that were not there): someone else wrote to the graph meanwhile, or its count is wrong`);
  });

  it('triples already there are counted exactly: exit 0 with the accounting (no false alarm)', async () => {
    for (const line of [...ntLines(10_000, 'other'), ...SENT.slice(0, 500)]) store.holds(G).add(line);
    const { status, out, err } = await load(['--file', 'graph.nt', '--graph', G]);
    expect(err).toBe('');
    expect(status).toBe(0);
    expect(out).toContain('the store counts 14599 (10500 before, 4099 added, 500 already there)');
    expectNoSilentLoss(status, G, false);
  });
});

describe('filmkg load: Retry-After, in both forms', () => {
  it('429 with Retry-After as an HTTP-date: the retry waits until that date', async () => {
    // HTTP-dates have whole seconds: the next second but one, so the wait is at least one second.
    const date = new Date((Math.floor(Date.now() / 1000) + 2) * 1000);
    store.plan = (req) => (req.index === 1 ? { answer: 429, headers: { 'retry-after': date.toUTCString() } } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G, '--replace']);
    expect(status).toBe(0);
    expect(err).toMatch(new RegExp(`HTTP 429 \\(Retry-After: ${date.toUTCString()}\\); retry 1 in \\d+ ms`));
    const [, refused, retried] = store.gspRequests();
    expect(refused?.body).toBe(retried?.body);
    expect(retried?.at ?? 0).toBeGreaterThanOrEqual(date.getTime() - 2); // timers may fire a millisecond early
    expectNoSilentLoss(status, G, true);
  }, 15_000);

  it('503 with Retry-After in seconds: the retry waits that long', async () => {
    store.plan = (req) => (req.index === 0 ? { answer: 503, headers: { 'retry-after': '1' } } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G]);
    expect(status).toBe(0);
    expect(err).toContain('HTTP 503 (Retry-After: 1); retry 1 in 1000 ms');
    const [refused, retried] = store.gspRequests();
    expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('a Retry-After longer than 30 s fails at once, saying when to try again and what the graph holds', async () => {
    store.plan = (req) => (req.index === 1 ? { answer: 429, headers: { 'retry-after': '120' } } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G, '--replace']);
    expect(status).toBe(1);
    expect(err).toMatch(/POST answered HTTP 429 Too Many Requests; it asks to wait 120 s \(Retry-After: 120\), longer than the 30 s this command waits between attempts: try again after \d{4}-\d\d-\d\dT/);
    expect(err).toContain(`Chunk 2 of 5 failed: <${G}> now holds chunk 1 of 5 (1,000 of the 4,599 triples sent) and no other triples`);
  });

  it('reads both forms, and a date in the past as no wait', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wednesday, 21-Oct-15 07:28:05 GMT', now)).toBe(5_000);
    expect(retryAfterMs('Wed Oct 21 07:28:10 2015', now)).toBe(10_000);
    expect(retryAfterMs('Tue, 20 Oct 2015 07:28:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });
});

describe('filmkg load: requests that may have been applied are checked, never blindly sent again', () => {
  it('a PUT that timed out and was applied late, before the next chunk: seen applied, then the load goes on (exit 0)', async () => {
    store.plan = (req) => (req.index === 0 ? { answer: 'hang', applyAfterMs: 300 } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G, '--replace', '--timeout', '200']);
    expect(err).toContain('PUT of chunk 1 of 5: no answer within 200 ms; not applied yet: waiting up to 200 ms for the store to apply it (it is not sent again: a late PUT would wipe the chunks sent after it)');
    expect(err).toContain('PUT of chunk 1 of 5: the store applied it late (checked)');
    expect(status).toBe(0);
    expect(store.gspRequests().map((r) => r.method)).toEqual(['PUT', 'POST', 'POST', 'POST', 'POST']);
    await sleep(400);
    expectNoSilentLoss(status, G, true);
  });

  it('a PUT that timed out and is applied only much later: exit 1, never success — the late PUT would wipe the graph', async () => {
    store.plan = (req) => (req.index === 0 ? { answer: 'hang', applyAfterMs: 1500 } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G, '--replace', '--timeout', '200']);
    expect(status).toBe(1);
    expect(err).toContain(
      "PUT of chunk 1 of 5 failed (no answer within 200 ms) and the store had not applied it 200 ms later; it was not sent again, and the store may still apply it, replacing the graph with that chunk's 1,000 triples",
    );
    expect(err).toContain(`Chunk 1 of 5 failed: <${G}> now holds none of the 4,599 triples sent and no other triples`);
    expect(store.gspRequests().map((r) => r.method)).toEqual(['PUT']);
    await sleep(1500);
    expect(store.holds(G).size).toBe(1000); // the late PUT landed: the failure said it might
  }, 15_000);

  it('a POST that timed out but was applied: checked, not sent again (exit 0)', async () => {
    store.plan = (req) => (req.index === 2 ? { answer: 'hang' } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G, '--timeout', '200']);
    expect(err).toContain('POST of chunk 3 of 5: no answer within 200 ms; the store applied it (checked): not sent again');
    expect(status).toBe(0);
    expect(store.gspRequests()).toHaveLength(5);
    expectNoSilentLoss(status, G, false);
  });

  it('a POST that timed out and was not applied: checked, then sent again (exit 0)', async () => {
    store.plan = (req) => (req.index === 2 ? { answer: 'hang', apply: 'none' } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G, '--timeout', '200']);
    expect(err).toContain('POST of chunk 3 of 5: no answer within 200 ms; the store has not applied it (checked): sending it again in 250 ms');
    expect(status).toBe(0);
    expect(store.gspRequests()).toHaveLength(6);
    expectNoSilentLoss(status, G, false);
  });

  it('a POST answered 500 after it was applied: checked, not sent again (exit 0)', async () => {
    store.plan = (req) => (req.index === 1 ? { answer: 500, apply: 'all' } : {});
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G]);
    expect(err).toContain('POST of chunk 2 of 5: HTTP 500; the store applied it (checked): not sent again');
    expect(status).toBe(0);
    expect(store.gspRequests()).toHaveLength(5);
  });

  it('a POST of blank nodes that timed out but was applied: seen by the count, not sent again (no duplicates)', async () => {
    const sent = ['<urn:b> <urn:p> "z" .\n', '<urn:c> <urn:p> "w" .\n'];
    store.plan = (req) => (req.index === 0 ? { answer: 'hang' } : {});
    const { status, err } = await load(['--file', 'bnodes.ttl', '--graph', G, '--timeout', '200']);
    expect(err).toContain('POST of chunk 1 of 2: no answer within 200 ms; the store applied it (checked): not sent again');
    expect(status).toBe(0);
    expect(store.holds(G).size).toBe(6);
    expectNoSilentLoss(status, G, false, sent);
  });

  it('a POST of blank nodes that timed out and was not applied: not sent again (it could land late), exit 1', async () => {
    store.plan = (req) => (req.index === 0 ? { answer: 'hang', apply: 'none' } : {});
    const { status, err } = await load(['--file', 'bnodes.ttl', '--graph', G, '--timeout', '200']);
    expect(status).toBe(1);
    expect(err).toContain('(it is not sent again: its blank nodes would be duplicated)');
    expect(err).toContain(`Chunk 1 of 2 failed: <${G}> now holds none of the 2 triples sent; it counts 0 triples in all (the 4 triples with blank nodes cannot be looked up one by one)`);
    expect(store.gspRequests()).toHaveLength(1);
  });

  it('a store whose SPARQL endpoint fails before anything is sent: exit 1, nothing sent', async () => {
    store.countLie = () => Number.NaN;
    const { status, err } = await load(['--file', 'graph.nt', '--graph', G]);
    expect(status).toBe(1);
    expect(err).toContain('the endpoint gave no triple count');
    expect(err).toContain('Nothing was sent');
    expect(store.gspRequests()).toHaveLength(0);
  });
});

describe('filmkg load: looking the triples up', () => {
  const queries = () => store.seen.filter((s) => s.url.startsWith('/query')).map((s) => new URLSearchParams(s.body).get('query') ?? '');

  it('reads the triples about the subjects sent first, and asks pattern by pattern only for those not given back as sent', async () => {
    const { status } = await load(['--file', 'graph.nt', '--graph', G, '--replace']);
    expect(status).toBe(0);
    expect(queries().filter((q) => q.includes('VALUES ?s {')).length).toBeGreaterThan(0);
    expect(queries().filter((q) => q.includes('} UNION'))).toEqual([]);
  });

  it('a store writing values in its own form, or refusing the fast query: every triple is asked exactly, and a dropped chunk still caught', async () => {
    for (const mode of ['own-form', 'refuse'] as const) {
      store.reset();
      store.subjectQuery = mode;
      const ok = await load(['--file', 'graph.nt', '--graph', G, '--replace']);
      expect(ok.status, `${mode}: ${ok.err}`).toBe(0);
      expect(queries().filter((q) => q.includes('} UNION')).length).toBeGreaterThanOrEqual(46);
      store.reset();
      store.subjectQuery = mode;
      store.plan = (req) => (req.index === 1 ? { apply: 'none' } : {});
      const lost = await load(['--file', 'graph.nt', '--graph', G, '--replace']);
      expect(lost.status).toBe(1);
      expect(lost.err).toContain(`<${G}> now holds chunks 1 and 3–5 of 5 (3,599 of the 4,599 triples sent) and no other triples`);
    }
  });
});
