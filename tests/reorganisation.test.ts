import { describe, expect, it } from 'vitest';
import { checkPlan } from '../server/src/checks';
import type { PlanDiagnostic } from '../server/src/model';
import { builtinRegistry } from '../server/src/registry/builtin';
import { parsePlan } from '../server/src/syntax/parse';

/**
 * What a new user met on plans written after the 2025 reorganisation, each in a plan dated 2026
 * (after it: found) and the same plan dated 2024 (before it: silent).
 */
const plan = (date: string, { issuer = 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', body = '', assignee = 'Sở Nội vụ', recipient = 'Sở Nội vụ' } = {}) =>
  `Cơ quan: ${issuer}\nSố: 12/KH-UBND\nĐịa danh: Lai Châu\nNgày: ${date}\nLoại: Kế hoạch\nTrích yếu: Thực hiện công tác năm\n---\n\nThực hiện nhiệm vụ năm. ${body}\n\n` +
  `# TỔ CHỨC THỰC HIỆN\n\n## ${assignee}\n\nChủ trì thực hiện.\n\nNơi nhận:\n- ${recipient};\n- Lưu: VT.\n`;

const findings = (text: string, code = 'agency-validity') => checkPlan(parsePlan(text), { today: '2026-11-22' }).filter((d) => d.code === code);
const where = (d: PlanDiagnostic) => d.range.start.line;

describe('the 2025 reorganisation, judged on the plan’s date', () => {
  const cases: [string, Parameters<typeof plan>[1], number][] = [
    ['a district Phòng named with its district, assigned a task', { assignee: 'Phòng Lao động - Thương binh và Xã hội huyện Tam Đường' }, 12],
    ['a district Phòng in the body text', { body: 'Phối hợp với Phòng Nội vụ huyện Tam Đường.' }, 8],
    ['a district Phòng of an unnamed district in Nơi nhận', { recipient: 'Phòng Nội vụ huyện' }, 17],
    ['a district centre', { body: 'Trung tâm Y tế huyện Tam Đường hướng dẫn.' }, 8],
    ['the districts’ People’s Committees, plural, assigned a task', { assignee: 'Ủy ban nhân dân các huyện, thành phố' }, 12],
    ['the districts’ People’s Committees, abbreviated, in Nơi nhận', { recipient: 'UBND các huyện, thành phố' }, 17],
    ['the issuer, a People’s Committee of a merged province', { issuer: 'ỦY BAN NHÂN DÂN TỈNH HÀ GIANG' }, 0],
    ['a department of a merged province', { body: 'Sở Nội vụ tỉnh Bắc Giang hướng dẫn.' }, 8],
    ['a district council, abbreviated', { recipient: 'Thường trực HĐND huyện' }, 17],
    ['a district’s mass organisation, abbreviated', { body: 'Hội LHPN huyện Tam Đường phối hợp.' }, 8],
    ['a board of a district party committee', { recipient: 'Ban Tuyên giáo Huyện ủy' }, 17],
  ];
  for (const [what, parts, line] of cases) {
    it(`finds ${what} in a plan of 2026, and not in the same plan of 2024`, () => {
      expect(findings(plan('15/3/2026', parts)).map(where)).toEqual([line]);
      expect(findings(plan('15/3/2024', parts))).toEqual([]);
    });
  }

  it('reads a body named with "(cũ)" after it as a former name, on purpose', () => {
    expect(findings(plan('15/3/2026', { body: 'Ủy ban nhân dân huyện Tam Đường (cũ) đã triển khai.' }))).toEqual([]);
  });

  it('keeps the bodies of the two levels that remain, and the communes’ new ones', () => {
    const body = 'Ủy ban nhân dân xã Bình Lư, Phòng Văn hóa - Xã hội xã Bình Lư, Văn phòng HĐND và UBND xã, Sở GD&ĐT tỉnh Lai Châu, Ủy ban nhân dân thành phố Hà Nội, Ban Tuyên giáo và Dân vận Tỉnh ủy phối hợp.';
    expect(findings(plan('15/3/2026', { body, issuer: 'UBND XÃ BÌNH LƯ' }))).toEqual([]);
  });

  it('offers the new province for a department of a merged one, not applied by itself', () => {
    const [d] = findings(plan('15/3/2026', { body: 'Sở Nội vụ tỉnh Bắc Giang hướng dẫn.' }));
    expect(d.message).toContain('tỉnh Bắc Ninh');
    expect(d.fixes).toEqual([{ title: expect.any(String), edits: [{ range: d.range, newText: 'Sở Nội vụ tỉnh Bắc Ninh' }], safe: false }]);
  });
});

describe('agency names as plans write them', () => {
  const registry = builtinRegistry();
  const id = (name: string) => registry.findAgency(name)?.id;

  it('reads abbreviations as the full names', () => {
    expect(id('UBND XÃ BÌNH LƯ')).toBe('ubnd-xa');
    expect(id('Sở GD&ĐT tỉnh Lai Châu')).toBe('so-gddt');
    expect(id('Sở LĐ-TB&XH')).toBe('so-ldtbxh');
    expect(id('UBMTTQ tỉnh')).toBe('ubmttq-tinh');
    expect(id('MTTQ tỉnh')).toBe('ubmttq-tinh');
    expect(id('LĐLĐ huyện')).toBe('ldld-huyen');
    expect(id('HĐND huyện')).toBe('hdnd-huyen');
  });

  it('tells a city of a province (a district) from a centrally-run one', () => {
    expect(id('Ủy ban nhân dân thành phố Lai Châu')).toBe('ubnd-huyen');
    expect(id('Ủy ban nhân dân thành phố Hải Phòng')).toBe('ubnd-tinh');
  });

  it('reads a district’s body under a name other levels share as the district’s', () => {
    expect(registry.findAgency('Phòng Kinh tế huyện Tam Đường')?.level).toBe('district');
    expect(registry.findAgency('Phòng Kinh tế xã Bình Lư')?.level).toBe('commune');
  });
});

describe('citation numbers in the wrong form', () => {
  const cited = (line: string) => checkPlan(parsePlan(plan('15/3/2026', { body: line })), { today: '2026-11-22' }).filter((d) => d.code.startsWith('citation-') && d.code !== 'citation-unknown');
  const fix = (d: PlanDiagnostic) => d.fixes?.map((f) => [f.edits[0].newText, f.safe]);

  it('gives a number with two years a safe fix when the date settles it, both otherwise', () => {
    const [dated] = cited('Căn cứ Nghị định số 31/2015/2019/NĐ-CP ngày 24/3/2015 của Chính phủ.');
    expect([dated.code, fix(dated)]).toEqual(['citation-number-form', [['31/2015/NĐ-CP', true]]]);
    const [undated] = cited('Căn cứ Nghị định số 31/2015/2019/NĐ-CP của Chính phủ.');
    expect(fix(undated)).toEqual([
      ['31/2015/NĐ-CP', false],
      ['31/2019/NĐ-CP', false],
    ]);
  });

  it('swaps back the slash and the hyphen of 21/CT-TW (safe), and still finds the directive', () => {
    const found = cited('Thực hiện Chỉ thị số 21/CT-TW ngày 04/5/2023 của Ban Bí thư.');
    expect(found.map((d) => [d.code, fix(d)])).toEqual([['citation-number-form', [['21-CT/TW', true]]]]);
  });

  it('removes the spaces of 24/CT - TTg and 30/2020/NĐ- CP (safe)', () => {
    const found = cited('Thực hiện Chỉ thị số 24/CT - TTg ngày 28/5/2020 của Thủ tướng Chính phủ và Nghị định số 30/2020/NĐ- CP ngày 05/3/2020 của Chính phủ.');
    expect(found.map((d) => [d.code, fix(d)])).toEqual([
      ['citation-spacing', [['24/CT-TTg', true]]],
      ['citation-spacing', [['30/2020/NĐ-CP', true]]],
    ]);
  });
});
