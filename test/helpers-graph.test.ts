// The graph comparison helper itself: it must tell isomorphic graphs from different ones, or no mapper test could fail.
import { describe, expect, test } from 'vitest';
import { canonical, compareToTurtle, parseTurtle } from './helpers/graph.js';

describe('graph comparison helper', () => {
  test('isomorphic graphs with differently labelled blank nodes compare equal', async () => {
    const a = parseTurtle('<a> <p> _:x . _:x <q> "1" .');
    const b = parseTurtle('<a> <p> [ <q> "1" ] .');
    expect(await canonical(a)).toBe(await canonical(b));
  });

  test('a missing triple, a changed literal or a changed language tag is a difference', async () => {
    const base = '<film/x> schema:name "X" ; rdfs:label "X"@en .';
    const quads = parseTurtle(base);
    expect((await compareToTurtle(quads, base)).actual).toBe((await compareToTurtle(quads, base)).expected);
    for (const other of ['<film/x> schema:name "X" .', '<film/x> schema:name "Y" ; rdfs:label "X"@en .', '<film/x> schema:name "X" ; rdfs:label "X"@de .']) {
      const { actual, expected } = await compareToTurtle(quads, other);
      expect(actual).not.toBe(expected);
    }
  });

  test('content-named IRIs are compared as blank nodes, other IRIs exactly', async () => {
    const quads = parseTurtle('<film/x> p:P57 <statement/P57-0123456789abcdef> . <statement/P57-0123456789abcdef> ps:P57 <person/A> .');
    const same = await compareToTurtle(quads, '<film/x> p:P57 [ ps:P57 <person/A> ] .');
    expect(same.actual).toBe(same.expected);
    const other = await compareToTurtle(quads, '<film/x> p:P57 [ ps:P57 <person/B> ] .');
    expect(other.actual).not.toBe(other.expected);
  });
});
