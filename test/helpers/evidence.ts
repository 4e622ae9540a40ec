// Test helper: finds every Evidence object inside a facts value, with the path it sits at.
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
