// Test helper: a fake triplestore on 127.0.0.1 speaking just enough of the SPARQL 1.1 Graph Store Protocol (PUT and
// POST of N-Triples to ?graph=IRI or ?default) and of the SPARQL Protocol (the triple count and the presence count
// `filmkg load` asks) to test the loader, with faults on demand: answers or resets per request, requests applied
// partly, late or never, Retry-After headers, and counts that lie.
import http from 'node:http';
import type { Socket } from 'node:net';
import { Parser } from 'n3';

/** One Graph Store request as the fake saw it. */
export interface GspRequest {
  /** 0-based among the Graph Store requests since the last reset(). */
  readonly index: number;
  readonly method: string;
  /** The graph IRI, or '' for the default graph. */
  readonly graph: string;
  readonly lines: readonly string[];
}

/** What the fake does with a Graph Store request. */
export interface GspAction {
  /** HTTP status to answer (default 204); 'reset' closes the connection; 'hang' never answers (the client times out). */
  readonly answer?: number | 'reset' | 'hang';
  /** Extra response headers (e.g. Retry-After). */
  readonly headers?: Record<string, string>;
  /** Apply the request: all its lines (default for a 2xx answer and for 'hang'), none (default otherwise), or only the first N lines. */
  readonly apply?: 'all' | 'none' | number;
  /** Apply it this many milliseconds after it arrived instead of at once (a store finishing a request late). */
  readonly applyAfterMs?: number;
  /** Answer after this many milliseconds. */
  readonly answerAfterMs?: number;
}

/** Every request the fake received. */
export interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly at: number;
}

/** The triple patterns of a presence query (`{ <s> <p> <o> } UNION …`) as N-Triples lines, or undefined for another query. */
export function presenceLines(query: string): string[] | undefined {
  if (!/\} UNION\n|^\{ .* \}$/m.test(query) || !query.includes('COUNT(*)')) return undefined;
  const lines: string[] = [];
  for (const line of query.split('\n')) {
    const m = /^\{ (.*) \}(?: UNION)?$/.exec(line);
    if (m) lines.push(`${m[1]} .\n`);
  }
  return lines;
}

/** The graph a count or presence query asks about ('' for the default graph). */
function queriedGraph(query: string): string {
  return /GRAPH <([^>]*)>/.exec(query)?.[1] ?? '';
}

function sparqlCount(n: number): string {
  return JSON.stringify({ head: { vars: ['n'] }, results: { bindings: [{ n: { type: 'literal', value: String(n), datatype: 'http://www.w3.org/2001/XMLSchema#integer' } }] } });
}

/** The fake store. Graph Store at `${base}/store`, SPARQL at `${base}/query`. */
export class FakeGraphStore {
  /** Graph IRI ('' = default graph) → its N-Triples lines. */
  readonly graphs = new Map<string, Set<string>>();
  seen: Seen[] = [];
  /** Decides each Graph Store request (default: apply it and answer 204). */
  plan: (req: GspRequest) => GspAction = () => ({});
  /** Makes the triple count lie: gets the graph and the true count, returns what to answer. */
  countLie: ((graph: string, real: number) => number) | undefined;
  /** Makes the presence count lie. */
  presenceLie: ((graph: string, real: number, asked: number) => number) | undefined;
  /** How the triples about given subjects (`VALUES ?s { … } ?s ?p ?o`) are answered: as held, refused (400), or with every literal in the store's own form. */
  subjectQuery: 'answer' | 'refuse' | 'own-form' = 'answer';
  base = '';
  private gspIndex = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sockets = new Set<Socket>();
  private server: http.Server | undefined;

  /** The lines of a graph ('' = default). */
  holds(graph: string): Set<string> {
    let set = this.graphs.get(graph);
    if (!set) {
      set = new Set();
      this.graphs.set(graph, set);
    }
    return set;
  }

  /** The Graph Store requests seen. */
  gspRequests(): Seen[] {
    return this.seen.filter((s) => s.url.startsWith('/store'));
  }

  /** Forgets the graphs, the requests, the plan and the lies, and cancels pending late applies. */
  reset(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.graphs.clear();
    this.seen = [];
    this.plan = () => ({});
    this.countLie = undefined;
    this.presenceLie = undefined;
    this.subjectQuery = 'answer';
    this.gspIndex = 0;
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this.base;
  }

  async stop(): Promise<void> {
    this.reset();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      this.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now() });
      if (req.url?.startsWith('/query')) return this.query(body, res);
      const params = new URL(req.url ?? '/', 'http://x').searchParams;
      const graph = params.get('graph') ?? '';
      const lines = body.split(/(?<=\n)/).filter((l) => l.trim() !== '');
      const method = req.method ?? '';
      const action = this.plan({ index: this.gspIndex++, method, graph, lines });
      const answer = action.answer ?? 204;
      const ok = typeof answer === 'number' && answer < 300;
      const apply = action.apply ?? (ok || answer === 'hang' ? 'all' : 'none');
      const doApply = () => {
        if (apply === 'none') return;
        const kept = apply === 'all' ? lines : lines.slice(0, apply);
        if (method === 'PUT') this.graphs.set(graph, new Set(kept));
        else for (const line of kept) this.holds(graph).add(line);
      };
      if (action.applyAfterMs !== undefined) this.later(action.applyAfterMs, doApply);
      else doApply();
      if (answer === 'hang') return; // the client gives up; the socket is closed by it (or by stop())
      if (answer === 'reset') {
        req.socket.destroy();
        return;
      }
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer, { 'content-type': 'text/plain', ...action.headers });
        res.end(ok ? '' : `refused with ${answer}`);
      };
      if (action.answerAfterMs !== undefined) this.later(action.answerAfterMs, send);
      else send();
    });
  }

  private query(body: string, res: http.ServerResponse): void {
    const query = new URLSearchParams(body).get('query') ?? '';
    const graph = queriedGraph(query);
    const held = this.holds(graph);
    const subjects = /VALUES \?s \{ (.*) \}/.exec(query)?.[1];
    if (subjects !== undefined && this.subjectQuery !== 'refuse') {
      const wanted = new Set(subjects.split(' '));
      const about = [...held].filter((line) => wanted.has(line.slice(0, line.indexOf(' '))));
      const term = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }) =>
        t.termType === 'NamedNode'
          ? { type: 'uri', value: t.value }
          : t.termType === 'BlankNode'
            ? { type: 'bnode', value: t.value }
            : { type: 'literal', value: this.subjectQuery === 'own-form' ? `${t.value} (own form)` : t.value, ...(t.language ? { 'xml:lang': t.language } : { datatype: t.datatype?.value }) };
      const bindings = new Parser({ format: 'N-Triples' }).parse(about.join('')).map((q) => ({ s: term(q.subject), p: term(q.predicate), o: term(q.object) }));
      res.writeHead(200, { 'content-type': 'application/sparql-results+json' });
      res.end(JSON.stringify({ head: { vars: ['s', 'p', 'o'] }, results: { bindings } }));
      return;
    }
    const asked = presenceLines(query);
    let n: number;
    if (asked !== undefined) {
      const real = asked.filter((line) => held.has(line)).length;
      n = this.presenceLie ? this.presenceLie(graph, real, asked.length) : real;
    } else if (/SELECT \(COUNT\(\*\) AS \?n\)/.test(query)) {
      n = this.countLie ? this.countLie(graph, held.size) : held.size;
    } else {
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('the fake store answers counts only');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/sparql-results+json' });
    res.end(sparqlCount(n));
  }
}

/** `count` distinct N-Triples lines about `prefix`, for graphs of any size. */
export function ntLines(count: number, prefix = 's', from = 0): string[] {
  return Array.from({ length: count }, (_, i) => `<https://filmkg.example/${prefix}${from + i}> <http://schema.org/name> "${prefix} ${from + i}"@en .\n`);
}
