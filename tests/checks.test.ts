import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan, RULES } from '../server/src/checks';
import { renderRulesDoc } from '../server/src/checks/rules-doc';
import { parsePlan } from '../server/src/syntax/parse';
import { describeDiagnostics, expectedDiagnostics } from './helpers/fixture';

const dir = join(__dirname, 'fixtures', 'checks');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.kh'));

describe('check fixtures: each marker is a diagnostic and each diagnostic has a marker', () => {
  for (const file of fixtures) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(describeDiagnostics(checkPlan(parsePlan(text)))).toEqual(expectedDiagnostics(text));
    });
  }
});

describe('rule catalogue', () => {
  it('has a fixture where each rule fires and one where it stays silent', () => {
    for (const rule of RULES) {
      const fires = fixtures.filter((f) => f.startsWith(`${rule.id}.fires`));
      const silent = fixtures.filter((f) => f.startsWith(`${rule.id}.silent`));
      expect(fires.length, `${rule.id} fires`).toBeGreaterThan(0);
      expect(silent.length, `${rule.id} silent`).toBeGreaterThan(0);
      for (const f of fires) expect(expectedDiagnostics(readFileSync(join(dir, f), 'utf8')).some((d) => d.endsWith(` ${rule.id}`)), f).toBe(true);
      for (const f of silent) expect(expectedDiagnostics(readFileSync(join(dir, f), 'utf8'))).toEqual([]);
    }
  });

  it('gives every rule a unique id, a Vietnamese and an English doc citing its source', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.doc.vi.length).toBeGreaterThan(80);
      expect(rule.doc.en.length).toBeGreaterThan(80);
    }
  });

  it('offers a renumbering fix whose edits turn I., III., IV. into I., II., III.', () => {
    const text = 'Số: 1/KH-UBND\n---\n# I. A\n# III. B\n# IV. C\n';
    const diagnostic = checkPlan(parsePlan(text)).find((d) => d.code === 'heading-numbering')!;
    expect(diagnostic.fixes![0].edits.map((e) => [e.range.start.line, e.newText])).toEqual([
      [3, 'II.'],
      [4, 'III.'],
    ]);
  });
});

describe('docs/rules.md', () => {
  it('is the one generated from the rules (run npm run docs:rules after changing a rule)', () => {
    expect(readFileSync(join(__dirname, '..', 'docs', 'rules.md'), 'utf8')).toBe(renderRulesDoc());
  });
});
