import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan, RULES } from '../server/src/checks';
import { builtinRegistry } from '../server/src/registry/builtin';
import { planAsDocument } from '../server/src/registry/workspace';
import { parsePlan } from '../server/src/syntax/parse';
import { describeDiagnostics, expectedDiagnostics } from './helpers/fixture';

const dir = join(__dirname, 'fixtures', 'checks');
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.kh'));
/** Plans of the workspace every fixture sees, as the CLI and the editor give them (the parents of the cascade-* fixtures). */
const parentsDir = join(dir, 'cascade-parents');
const registry = builtinRegistry().with({
  documents: readdirSync(parentsDir).flatMap((f) => planAsDocument(parsePlan(readFileSync(join(parentsDir, f), 'utf8')).document, join(parentsDir, f)) ?? []),
});

/** The rule a fixture is about: its name up to the first dot (`heading-numbering.fires.kh`). */
const ruleOf = (file: string) => file.slice(0, file.indexOf('.'));

describe("check fixtures: each marker is a diagnostic of the fixture's rule, and each such diagnostic has a marker", () => {
  for (const file of fixtures) {
    it(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const actual = checkPlan(parsePlan(text), { today: '2026-11-22', registry }).filter((d) => d.code === ruleOf(file));
      expect(describeDiagnostics(actual)).toEqual(expectedDiagnostics(text));
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
      for (const f of fires)
        expect(
          expectedDiagnostics(readFileSync(join(dir, f), 'utf8')).some((d) => d.endsWith(` ${rule.id}`)),
          f,
        ).toBe(true);
      for (const f of [...fires, ...silent])
        expect(
          expectedDiagnostics(readFileSync(join(dir, f), 'utf8')).every((d) => d.endsWith(` ${rule.id}`)),
          f,
        ).toBe(true);
      for (const f of silent) expect(expectedDiagnostics(readFileSync(join(dir, f), 'utf8'))).toEqual([]);
    }
  });

  it('gives every rule a unique id (its documentation: tests/rule-docs.test.ts)', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('offers a renumbering fix whose edits turn I., III., IV. into I., II., III.', () => {
    const text = 'Số: 1/KH-UBND\n---\n# I. A\n# III. B\n# IV. C\n';
    const diagnostic = checkPlan(parsePlan(text)).find((d) => d.code === 'heading-numbering')!;
    expect(diagnostic.fixes![0].edits.map((e) => [e.range.start.line, e.newText])).toEqual([
      [3, 'II.'],
      [4, 'III.'],
    ]);
  });

  it('offers to write 1.3 as its sequence does (1.3.), and 1- as the level does elsewhere (1.)', () => {
    const text = 'Số: 1/KH-UBND\n---\n# I. A\n## 1. B\n### 1.1. C\n### 1.2. D\n### 1.3 E\n# II. F\n## 1- G\n';
    const fixes = checkPlan(parsePlan(text))
      .filter((d) => d.code === 'heading-number-style')
      .map((d) => d.fixes![0].edits.map((e) => [e.range.start.line, e.newText]));
    expect(fixes).toEqual([[[6, '1.3.']], [[8, '1.']]]);
  });
});

describe('judgement on the plan’s own date', () => {
  const line = 'Căn cứ Luật số 74/2014/QH13 ngày 27/11/2014 của Quốc hội, Bộ Lao động - Thương binh và Xã hội hướng dẫn.';
  const plan = (date: string) => `Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: 12/KH-UBND\nĐịa danh: Lai Châu\nNgày: ${date}\nLoại: Kế hoạch\nTrích yếu: Thực hiện\n---\n\n${line}\n`;
  const timed = (date: string) => checkPlan(parsePlan(plan(date)), { today: '2026-11-22' }).filter((d) => ['citation-validity', 'agency-validity'].includes(d.code));

  it('reports both the replaced law and the dissolved ministry of a 2026 draft on that line, with successors', () => {
    const found = timed('15/3/2026');
    expect(found.map((d) => [d.code, d.range.start.line, d.severity])).toEqual([
      ['citation-validity', 8, 'warning'],
      ['agency-validity', 8, 'warning'],
    ]);
    expect(found[0].message).toContain('Luật số 124/2025/QH15');
    expect(found[1].message).toContain('Bộ Nội vụ');
    expect(found[1].message).toContain('Bộ Giáo dục và Đào tạo (giáo dục nghề nghiệp)');
    expect(found[1].fixes?.map((f) => f.edits[0].newText)).toContain('Bộ Giáo dục và Đào tạo');
  });

  it('finds nothing wrong with the same line in a 2023 plan', () => {
    expect(timed('27/6/2023')).toEqual([]);
  });
});

describe('suppression comments', () => {
  const text = (comment: string) => `Số: 1/KH-UBND\n---\n# I. A\n${comment}\n# III. B\n`;
  const codes = (t: string) => checkPlan(parsePlan(t), { today: '2026-11-22' }).map((d) => d.code);

  it('silence the named rule on the next line, in English or Vietnamese', () => {
    expect(codes(text('// ghi chú'))).toContain('heading-numbering');
    expect(codes(text('// kehoach-ignore heading-numbering'))).not.toContain('heading-numbering');
    expect(codes(text('// kehoach: bỏ qua item-numbering, heading-numbering'))).not.toContain('heading-numbering');
  });

  it('leave other rules and other lines alone', () => {
    expect(codes(text('// kehoach-ignore item-numbering'))).toContain('heading-numbering');
  });
});

describe('configured severities', () => {
  it('turn a rule off or change its severity', () => {
    const parsed = parsePlan('Số: 1/KH-UBND\n---\n# I. A\n# III. B\n');
    const of = (rules: Record<string, 'off' | 'error'>) =>
      checkPlan(parsed, { config: { rules } })
        .filter((d) => d.code === 'heading-numbering')
        .map((d) => d.severity);
    expect(of({})).toEqual(['warning']);
    expect(of({ 'heading-numbering': 'error' })).toEqual(['error']);
    expect(of({ 'heading-numbering': 'off' })).toEqual([]);
  });
});

describe('agency-capitalisation', () => {
  it('fixes the capitals and keeps the tone placement as written (a mix of placements is text-tone-style’s)', () => {
    const text = 'Số: 1/KH-UBND\n---\nỦy ban nhân dân tỉnh chỉ đạo; Ủy ban nhân dân tỉnh kiểm tra; Uỷ ban nhân dân Tỉnh tổng hợp.\n';
    const found = checkPlan(parsePlan(text)).filter((d) => d.code === 'agency-capitalisation');
    expect(found.map((d) => d.fixes![0].edits[0].newText)).toEqual(['Uỷ ban nhân dân tỉnh']);
  });
});
