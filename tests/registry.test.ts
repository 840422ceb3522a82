import { describe, expect, it } from 'vitest';
import { parseRegistryFile } from '../server/src/checks/config';
import { confidenceNote, severityFor } from '../server/src/checks/registry-facts';
import { builtinRegistry } from '../server/src/registry/builtin';

describe('confidence', () => {
  it('reads the older name `seed` in a workspace registry file as `cited`', () => {
    const doc = { number: '5/KH-UBND', type: 'Kế hoạch', issuer: 'Ủy ban nhân dân tỉnh Lai Châu', date: '2024-01-05', title: 'về x', system: 'state' };
    const { documents, agencies, diagnostics } = parseRegistryFile(
      JSON.stringify({
        documents: [{ ...doc, confidence: 'seed', statusConfidence: 'seed' }],
        agencies: [{ id: 'so-x', name: 'Sở X', level: 'province', system: 'state', confidence: 'seed' }],
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(documents.map((d) => [d.confidence, d.statusConfidence])).toEqual([['cited', 'cited']]);
    expect(agencies.map((a) => a.confidence)).toEqual(['cited']);
  });

  it('rejects a confidence it does not know', () => {
    const { documents, diagnostics } = parseRegistryFile(JSON.stringify({ documents: [{ number: '5/KH-UBND', type: 'Kế hoạch', issuer: 'X', date: '2024-01-05', title: '', system: 'state', confidence: 'sure' }] }));
    expect(documents).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('confidence')]);
  });

  it('lowers a finding resting on a fact known only from citations to information, and says so', () => {
    expect(severityFor('cited')).toBe('information');
    expect(severityFor('unverified')).toBe('hint');
    expect(severityFor('verified')).toBeUndefined();
    expect(confidenceNote('cited').en).toBe(' (as plans cite it, not checked against the original)');
  });

  it('ships no entry under the older name', () => {
    const { documents, agencies, provinces } = builtinRegistry().data;
    const names = new Set([...documents, ...agencies, ...provinces].flatMap((e) => [e.confidence, 'statusConfidence' in e ? e.statusConfidence : undefined]));
    expect([...names].filter((n) => n !== undefined).sort()).toEqual(['cited', 'secondary', 'unverified', 'verified']);
  });
});
