// Nesting limits (src/sparql/limits.ts): deep queries are refused before they reach the engine, every query the checks
// accept runs in the engine without failing it, and an engine failure becomes a clean error (issue 12, family 1).
import { describe, expect, it } from 'vitest';
import { FilmkgError } from '../src/errors.js';
import { bundledQueries } from '../src/sparql/bundled.js';
import { checkQuery } from '../src/sparql/check.js';
import { algebraDepth, bracketDepth } from '../src/sparql/limits.js';
import { isEngineFailure, OxigraphStore } from '../src/store/oxigraph.js';
import { withMemoryMaximum } from '../src/store/wasm.js';

const GRAPH = '<http://a> <http://b> <http://c> .\n<http://c> <http://b> "x" .\n';
const nested = (open: string, inner: string, close: string, n: number) => open.repeat(n) + inner + close.repeat(n);

function refusal(query: string): string {
  try {
    checkQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(FilmkgError);
    expect((error as FilmkgError).code).toBe('BAD_QUERY');
    return (error as Error).message;
  }
  throw new Error('the query was accepted');
}

describe('bracketDepth', () => {
  it('counts { ( [ open at once, and the line where the deepest is reached', () => {
    expect(bracketDepth('SELECT * WHERE { ?s ?p ?o }')).toEqual({ depth: 1, line: 1 });
    expect(bracketDepth('ASK {\n { FILTER((1)) } }')).toEqual({ depth: 4, line: 2 });
    expect(bracketDepth('SELECT * { ?s <http://b> [ <http://c> ( 1 2 ) ] }').depth).toBe(3);
  });

  it('skips brackets in strings (all four quotings, with escapes), IRIs and comments', () => {
    expect(bracketDepth('ASK { FILTER("{{{(((" = \'[[[\') }').depth).toBe(2);
    expect(bracketDepth('ASK { FILTER("a\\"{{{" = """{{{\n"{{{" """ && \'\'\'(((\'\'\' = "") }').depth).toBe(2);
    expect(bracketDepth('ASK { <http://e/[[[(((> ?p ?o } # {{{{{{{{\n').depth).toBe(1);
    expect(bracketDepth('ASK { FILTER(?a < ?b && ?c <(1)) }').depth).toBe(3);
  });

  it('never throws on unbalanced or unterminated text', () => {
    expect(bracketDepth('}}}} {').depth).toBe(1);
    expect(bracketDepth('ASK { "unterminated { { {').depth).toBe(1);
    expect(bracketDepth('ASK { <http://unterminated {').depth).toBe(2);
  });
});

describe('algebraDepth', () => {
  it('counts the members of a group, a union, a triple block or a path as nested one inside the next', async () => {
    const { default: sparqljs } = await import('sparqljs');
    const parse = (q: string) => algebraDepth(new sparqljs.Parser().parse(q));
    const short = parse('SELECT * WHERE { ?s ?p ?o }');
    expect(parse(`SELECT * WHERE { ${'OPTIONAL { ?s ?p ?o } '.repeat(100)}}`)).toBeGreaterThan(short + 98);
    expect(parse(`SELECT * WHERE { ${'{ ?s ?p ?o } UNION '.repeat(100)}{ } }`)).toBeGreaterThan(short + 98);
    expect(parse(`SELECT * WHERE { ${Array.from({ length: 100 }, (_, i) => `?s${i} <http://b> ?s${i + 1} .`).join(' ')} }`)).toBeGreaterThan(short + 98);
    expect(parse(`SELECT * WHERE { ?s ${Array(100).fill('<http://b>').join('/')} ?o }`)).toBeGreaterThan(short + 98);
    // Lists the engine keeps flat do not count.
    expect(parse(`SELECT * WHERE { VALUES ?x { ${'1 '.repeat(1000)}} }`)).toBeLessThan(short + 5);
    expect(parse(`SELECT * WHERE { BIND(CONCAT(${Array(1000).fill('"a"').join(',')}) AS ?x) }`)).toBeLessThan(short + 5);
  });

  it('walks a 30 000-term operator chain without overflowing the stack', () => {
    let tree: unknown = { type: 'leaf' };
    for (let i = 0; i < 30_000; i++) tree = { type: 'operation', operator: '+', args: [tree, { termType: 'Literal', value: '1' }] };
    expect(algebraDepth(tree)).toBe(30_001);
  });
});

describe('checkQuery refuses deep nesting with the reason, before the engine sees it', () => {
  it('1 000 nested {} (the query that disabled the endpoint)', () => {
    expect(refusal(`SELECT * WHERE ${nested('{', '', '}', 1000)}`)).toMatch(/^query:1: the query nests 1000 brackets deep .* at most 48 are accepted; expected a flatter query$/);
  });

  it('deep shapes of every kind the engine recurses on', () => {
    const shapes: Record<string, string> = {
      calls: `SELECT * WHERE { BIND(${nested('STR(', '1', ')', 300)} AS ?x) }`,
      exists: `SELECT * WHERE { ${nested('FILTER EXISTS { ', '', '}', 200)} }`,
      subqueries: `SELECT * WHERE { ${nested('{ SELECT * WHERE { ', '', '} }', 400)} }`,
      blankNodes: `SELECT * WHERE { ?s <http://b> ${nested('[ <http://b> ', '?o', ' ]', 800)} }`,
      paths: `SELECT * WHERE { ?s ${nested('(', '<http://b>', ')', 3000)} ?o }`,
      optionals: `SELECT * WHERE { ?s ?p ?o ${'OPTIONAL { ?s ?p ?o } '.repeat(900)}}`,
      binds: `SELECT * WHERE { ${Array.from({ length: 900 }, (_, i) => `BIND(1 AS ?v${i})`).join(' ')} }`,
      unions: `SELECT * WHERE { ${'{ ?s ?p ?o } UNION '.repeat(2500)}{ ?s ?p ?o } }`,
      triples: `SELECT * WHERE { ${Array.from({ length: 2500 }, (_, i) => `?s${i} <http://b> ?s${i + 1} .`).join(' ')} }`,
      sums: `SELECT * WHERE { FILTER(${Array(2300).fill('1').join('+')} > 0) }`,
      conjunctions: `SELECT * WHERE { FILTER(${Array(2300).fill('true').join(' && ')}) }`,
      sequencePath: `SELECT * WHERE { ?s ${Array(2500).fill('<http://b>').join('/')} ?o }`,
      alternativePath: `SELECT * WHERE { ?s ${Array(1600).fill('<http://b>').join('|')} ?o }`,
      describeList: `DESCRIBE ${Array.from({ length: 900 }, (_, i) => `<http://a${i}>`).join(' ')}`,
    };
    for (const [name, query] of Object.entries(shapes)) expect(refusal(query), name).toMatch(/nests? \d+ (brackets|levels) deep|nests too deeply/);
  });

  it('accepts every bundled query', () => {
    for (const q of bundledQueries()) expect(() => checkQuery(q.text, q.name)).not.toThrow();
  });
});

describe('every query the checks accept runs in the engine', () => {
  const accepted = (query: string) => {
    try {
      checkQuery(query);
      return true;
    } catch {
      return false;
    }
  };
  /** The largest n below `above` for which `ok(n)` holds (ok is monotone, and true for 1), found by bisection. */
  function largest(ok: (n: number) => boolean, above: number): number {
    let lo = 1;
    let hi = above;
    expect(ok(lo)).toBe(true);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ok(mid)) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  // Each kind nested as deep as the checks let it (d levels), with the longest chain of the costliest kind for the engine
  // (OPTIONALs, n of them) that they still accept at its heart: both limits reached at once.
  const chain = (n: number) => 'OPTIONAL { ?s ?p ?o } '.repeat(n);
  const shapes: Record<string, (d: number, n: number) => string> = {
    braces: (d, n) => `SELECT * WHERE ${nested('{ ', chain(n), '}', d)}`,
    exists: (d, n) => `SELECT * WHERE { ${nested('FILTER EXISTS { ', chain(n), '}', d)} }`,
    notExists: (d, n) => `SELECT * WHERE { ?s ?p ?o ${nested('FILTER NOT EXISTS { ?s ?p ?o ', chain(n), '}', d)} }`,
    optionals: (d, n) => `SELECT * WHERE { ${nested('OPTIONAL { ', chain(n), '}', d)} }`,
    minus: (d, n) => `SELECT * WHERE { ?s ?p ?o ${nested('MINUS { ?s ?p ?o ', chain(n), '}', d)} }`,
    graphs: (d, n) => `SELECT * WHERE { ${nested('GRAPH ?g { ', chain(n), '}', d)} }`,
    subqueries: (d, n) => `SELECT * WHERE { ${nested('{ SELECT * WHERE { ', chain(n), '} }', d)} }`,
    unions: (d, n) => `SELECT * WHERE { ${nested('{ ?s ?p ?o } UNION { ', chain(n), '}', d)} }`,
    calls: (d, n) => `SELECT * WHERE { ${chain(n)} BIND(${nested('STR(', '1', ')', d)} AS ?x) }`,
    conditionals: (d, n) => `SELECT * WHERE { ${chain(n)} BIND(${nested('COALESCE(IF(true, ', '1', ', 2))', d)} AS ?x) }`,
    negations: (d, n) => `SELECT * WHERE { ${chain(n)} FILTER(${nested('!(', 'true', ')', d)}) }`,
    blankNodes: (d, n) => `SELECT * WHERE { ${chain(n)} ?s <http://b> ${nested('[ <http://b> ', '?o', ' ]', d)} }`,
    collections: (d, n) => `SELECT * WHERE { ${chain(n)} ?s <http://b> ${nested('( ', '?o', ' )', d)} }`,
    paths: (d, n) => `SELECT * WHERE { ${chain(n)} ?s ${nested('(', '<http://b>/^<http://b>', ')*', d)} ?o }`,
    bindChain: (d, n) => `SELECT * WHERE { ${Array.from({ length: n }, (_, i) => `BIND(${nested('STR(', '1', ')', d)} AS ?v${i})`).join(' ')} }`,
    unionChain: (d, n) => `SELECT * WHERE { ${'{ ?s ?p ?o } UNION '.repeat(n)}${nested('{ ', '', '}', d)} }`,
    sumChain: (d, n) => `SELECT * WHERE { FILTER(${Array(n).fill(nested('(', '1', ')', d)).join('+')} > 0) }`,
    tripleChain: (d, n) => `SELECT * WHERE { ${Array.from({ length: n }, (_, i) => `?s${i} <http://b> ${nested('[ <http://b> ', `?s${i + 1}`, ' ]', d)} .`).join(' ')} }`,
    describe: (d, n) => `DESCRIBE ?s WHERE { ${nested('{ ', chain(n), '}', d)} }`,
    describeList: (d, n) => `DESCRIBE ${Array.from({ length: n }, (_, i) => `<http://a${i}>`).join(' ')} ?s WHERE ${nested('{ ', '?s ?p ?o', '}', d)}`,
    construct: (d, n) => `CONSTRUCT { ${'?s ?p ?o . '.repeat(n)} } WHERE ${nested('{ ', '?s ?p ?o', '}', d)}`,
    ask: (d, n) => `ASK ${nested('{ ', chain(n), '}', d)}`,
  };

  it.each(Object.keys(shapes))('%s, as deep as accepted', (name) => {
    const shape = shapes[name] as (d: number, n: number) => string;
    // Past both limits: 48 brackets, and chains of fewer than 200 members.
    const d = largest((depth) => accepted(shape(depth, 1)), 64);
    const query = shape(d, largest((n) => accepted(shape(d, n)), 256));
    const store = OxigraphStore.fromText(GRAPH);
    try {
      const form = checkQuery(query).form;
      store.serialize(query, form === 'CONSTRUCT' || form === 'DESCRIBE' ? 'application/n-triples' : 'application/sparql-results+json');
      expect(store.serialize('ASK { ?s ?p ?o }', 'application/sparql-results+json')).toContain('true');
    } finally {
      store.close();
    }
  }, 120_000);
});

describe('an engine failure is a clean error, and the store refuses further queries', () => {
  it('a query that overflows the engine gives BAD_QUERY naming the failure, never a WebAssembly error', () => {
    const store = OxigraphStore.fromText(GRAPH);
    const deep = `SELECT * WHERE ${nested('{', '', '}', 1000)}`;
    let failure: unknown;
    try {
      store.serialize(deep, 'application/sparql-results+json');
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(FilmkgError);
    expect(isEngineFailure(failure)).toBe(true);
    // The engine's own stack ("memory access out of bounds") or the thread's native stack, depending on the thread.
    expect((failure as Error).message).toMatch(/^the query engine failed on this query \((memory access out of bounds|Maximum call stack size exceeded)\)/);
    expect(() => store.serialize('ASK {}', 'application/sparql-results+json')).toThrow(/the query engine failed on an earlier query/);
    store.close();
  });
});

describe('withMemoryMaximum', () => {
  it('gives the module one memory with that maximum, and refuses modules it cannot cap', () => {
    // (module (memory 2)) and (module (memory 2) (func)) — the memory section is rewritten, other sections kept.
    const plain = Uint8Array.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 5, 3, 1, 0, 2]);
    const capped = withMemoryMaximum(plain, 300);
    expect([...capped]).toEqual([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 5, 5, 1, 1, 2, 0xac, 0x02]);
    const withCode = Uint8Array.from([...plain.subarray(0, 8), 1, 4, 1, 0x60, 0, 0, 3, 2, 1, 0, 5, 3, 1, 0, 2, 10, 4, 1, 2, 0, 0x0b]);
    const cappedCode = withMemoryMaximum(withCode, 3);
    expect([...cappedCode]).toEqual([...withCode.subarray(0, 18), 5, 4, 1, 1, 2, 3, 10, 4, 1, 2, 0, 0x0b]);
    expect(() => withMemoryMaximum(Uint8Array.from([...plain.subarray(0, 8)]), 3)).toThrow(/no memory section/);
    expect(() => withMemoryMaximum(plain, 1)).toThrow(/below the module's minimum/);
  });
});
