// Test helper: finds every Evidence object inside a facts value, with the path it sits at.
import { expect } from 'vitest';
import { markersIn } from '../../src/extract/lines.js';
import type { Evidence } from '../../src/facts/model.js';

/** Every object that looks like Evidence (line, endLine, text, refs, notes), with its JSON path. */
export function allEvidence(value: unknown, path = ''): Array<{ path: string; evidence: Evidence }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => allEvidence(v, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (typeof o.line === 'number' && typeof o.endLine === 'number' && typeof o.text === 'string' && Array.isArray(o.refs)) {
    return [{ path, evidence: o as unknown as Evidence }];
  }
  return Object.entries(o).flatMap(([k, v]) => allEvidence(v, path ? `${path}.${k}` : k));
}

/**
 * Expects every evidence in `facts` to be on the lines it names (its text inside them), carrying only markers those
 * lines carry; returns how many were checked.
 */
export function expectEvidenceOnLines(facts: unknown, lines: readonly string[]): number {
  const all = allEvidence(facts);
  for (const { path: at, evidence: e } of all) {
    const span = lines.slice(e.line - 1, e.endLine).join('\n');
    expect(span.includes(e.text), `${at}: line ${e.line}-${e.endLine} should contain ${JSON.stringify(e.text)}`).toBe(true);
    // Markers come from the evidence text (or, for a table row, the whole row), never from elsewhere.
    const carried = markersIn(span);
    for (const r of e.refs) expect(carried.refs, `${at}: [${r}] on line ${e.line}`).toContain(r);
    for (const n of e.notes) expect(carried.notes, `${at}: [${n}] on line ${e.line}`).toContain(n);
  }
  return all.length;
}
