import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../server/src/checks';
import { RULES } from '../server/src/checks/rules';
import { createPlanService } from '../server/src/service/plan-service';
import { parsePlan } from '../server/src/syntax/parse';

/** The rules whose findings compare the plan with the registry, or with another plan of the workspace. */
const REGISTRY_RULES = [
  'agency-validity',
  'agency-capitalisation',
  'citation-conflict',
  'citation-validity',
  'citation-diacritics',
  'citation-missing-year',
  'citation-number-form',
  'citation-unknown',
  'cascade-citation',
  'cascade-targets',
  'cascade-tasks',
];

const PLAN = [
  'Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
  'Số: 12/KH-UBND',
  'Địa danh: Lai Châu',
  'Ngày: 15/3/2026',
  'Loại: Kế hoạch',
  'Trích yếu: Thực hiện công tác năm 2026',
  '---',
  '',
  'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2021 của Chính phủ; Luật Việc làm số 38/2013/QH13 ngày 16/11/2013 của Quốc hội; Nghị định số 30/2020/ND-CP; Nghị định số 140/NĐ-CP; Nghị định số 110/2004/2003/NĐ-CP của Chính phủ.',
  '',
  'Thực hiện Kế hoạch số 45/KH-UBND ngày 02/02/2026 của Ủy ban nhân dân tỉnh Lai Châu. Phòng Nội vụ huyện Tam Đường, Ban Thường vụ Tỉnh ủy và Ban thường vụ Tỉnh ủy phối hợp.',
  '',
].join('\n');

describe('what each registry finding rests on', () => {
  it('is said in the doc of every rule comparing the plan with the registry (docs/rules.md), naming the sources and the confidence', () => {
    for (const id of REGISTRY_RULES) {
      const rule = RULES.find((r) => r.id === id);
      expect(rule?.basis, id).toBeDefined();
    }
    const registry = RULES.find((r) => r.id === 'citation-validity')!.basis!;
    expect(registry.vi).toContain('Bộ pháp điển');
    expect(registry.en).toContain('`verified`');
    expect(registry.en).toContain('`cited`');
  });

  const findings = checkPlan(parsePlan(PLAN), { today: '2026-03-15' }).filter((d) => REGISTRY_RULES.includes(d.code));

  it('is carried by each finding that compares with a registry entry: the entry, its sources, its confidence', () => {
    const resting = findings.filter((d) => d.code !== 'citation-unknown').map((d) => [d.code, d.basis?.entry, d.basis?.confidence, d.basis?.sources.length]);
    expect(resting).toEqual(
      expect.arrayContaining([
        ['citation-conflict', 'Nghị định 30/2020/NĐ-CP', 'verified', expect.any(Number)],
        ['citation-validity', 'Luật 38/2013/QH13', expect.any(String), expect.any(Number)],
        ['citation-diacritics', 'Nghị định 30/2020/NĐ-CP', 'verified', expect.any(Number)],
        ['citation-missing-year', 'Nghị định 140/2018/NĐ-CP', expect.any(String), expect.any(Number)],
        ['citation-number-form', 'Nghị định 110/2004/NĐ-CP', 'verified', expect.any(Number)],
        ['agency-validity', expect.any(String), expect.any(String), expect.any(Number)],
        ['agency-capitalisation', expect.any(String), expect.any(String), expect.any(Number)],
      ]),
    );
    for (const [code, , , sources] of resting) expect(sources, String(code)).toBeGreaterThan(0);
  });

  it('is shown in the hover of each finding: the entry with sources and confidence, or what the rule rests on', () => {
    const service = createPlanService({ today: () => '2026-03-15' });
    const document = TextDocument.create('file:///tmp/ke-hoach.kh', 'kehoach', 1, PLAN);
    for (const d of findings) {
      const value = (service.getHover(document, d.range.start)?.contents as { value: string }).value;
      if (d.basis) expect(value, d.code).toContain(`Căn cứ / Basis: ${d.basis.entry} — nguồn / sources: ${d.basis.sources.join('; ')} — độ tin cậy / confidence:`);
      else expect(value, d.code).toContain(`Căn cứ / Basis: ${RULES.find((r) => r.id === d.code)!.basis!.vi}`);
    }
    expect(findings.map((d) => d.code)).toContain('citation-unknown');
  });
});
