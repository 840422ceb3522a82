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
  type Place = 'body' | 'assignee' | 'recipient' | 'issuer';
  /** Where each place puts the name in the plan, and the line a finding on it starts at. */
  const placed: Record<Place, [(name: string) => Parameters<typeof plan>[1], number]> = {
    body: [(name) => ({ body: `Phối hợp với ${name} thực hiện.` }), 8],
    assignee: [(name) => ({ assignee: name }), 12],
    recipient: [(name) => ({ recipient: name }), 17],
    issuer: [(name) => ({ issuer: name.toLocaleUpperCase('vi') }), 0],
  };
  const everywhere: Place[] = ['body', 'assignee', 'recipient', 'issuer'];
  // The new user's examples, each where plans write it: a body that issues plans as issuer too, in capitals as headers write it.
  const cases: [string, Place[]][] = [
    ['Phòng Lao động - Thương binh và Xã hội huyện Tam Đường', everywhere],
    ['Phòng Nội vụ huyện Tam Đường', everywhere],
    ['Phòng Nội vụ huyện', ['body', 'assignee', 'recipient']],
    ['Trung tâm Y tế huyện Tam Đường', everywhere],
    ['Trung tâm Y tế huyện', ['body', 'assignee', 'recipient']],
    ['Ủy ban nhân dân các huyện, thành phố', ['body', 'assignee', 'recipient']],
    ['UBND các huyện, thành phố', ['body', 'assignee', 'recipient']],
    ['Ủy ban nhân dân tỉnh Hà Giang', everywhere],
    ['UBND tỉnh Hà Giang', everywhere],
    ['Sở Nội vụ tỉnh Bắc Giang', everywhere],
    ['UBND huyện Tam Đường', everywhere],
    ['Thường trực HĐND huyện', ['body', 'recipient']],
    ['Hội LHPN huyện Tam Đường', ['body', 'assignee', 'recipient']],
    ['Ban Tuyên giáo Huyện ủy', ['body', 'assignee', 'recipient']],
  ];
  for (const [name, places] of cases) {
    for (const place of places) {
      it(`finds ${name} as ${place} in a plan of 2026, and not in the same plan of 2024`, () => {
        const [parts, line] = placed[place];
        expect(findings(plan('15/3/2026', parts(name))).map(where)).toEqual([line]);
        expect(findings(plan('15/3/2024', parts(name)))).toEqual([]);
      });
    }
  }

  it('reads a body named with "(cũ)" after it as a former name, on purpose', () => {
    expect(findings(plan('15/3/2026', { body: 'Ủy ban nhân dân huyện Tam Đường (cũ) đã triển khai.' }))).toEqual([]);
  });

  it('keeps the bodies of the two levels that remain, and the communes’ new ones', () => {
    const body =
      'Ủy ban nhân dân xã Bình Lư, Phòng Văn hóa - Xã hội xã Bình Lư, Văn phòng HĐND và UBND xã, Sở GD&ĐT tỉnh Lai Châu, Ủy ban nhân dân thành phố Hà Nội, Ban Tuyên giáo và Dân vận Tỉnh ủy phối hợp.';
    expect(findings(plan('15/3/2026', { body, issuer: 'UBND XÃ BÌNH LƯ' }))).toEqual([]);
  });

  it('reads Cơ quan: UBND XÃ BÌNH LƯ as the commune’s People’s Committee: the plan is checked as if spelled out, in 2026 and in 2024', () => {
    expect(builtinRegistry().findAgency('UBND XÃ BÌNH LƯ')).toMatchObject({ id: 'ubnd-xa', level: 'commune' });
    const signed = (issuer: string, date: string) => `${plan(date, { issuer })}\nKý:\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A\n`;
    const all = (text: string) => checkPlan(parsePlan(text), { today: '2026-11-22' }).map((d) => [d.code, where(d), d.fixes?.map((f) => f.edits[0].newText)]);
    for (const date of ['15/3/2026', '15/3/2024']) {
      const abbreviated = all(signed('UBND XÃ BÌNH LƯ', date));
      expect(abbreviated).toEqual(all(signed('ỦY BAN NHÂN DÂN XÃ BÌNH LƯ', date)));
      // Its signature is a People's Committee's: the party's form gets the state one as its fix.
      expect(abbreviated).toContainEqual(['signature-authority', expect.any(Number), ['TM. ỦY BAN NHÂN DÂN']]);
      expect(abbreviated.filter(([code]) => code === 'agency-validity')).toEqual([]);
    }
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

  it('reports a number with two years whatever the plan’s date: it is no matter of the reorganisation', () => {
    for (const date of ['15/3/2026', '15/3/2024']) {
      const found = checkPlan(parsePlan(plan(date, { body: 'Căn cứ Nghị định số 31/2015/2019/NĐ-CP ngày 24/3/2015 của Chính phủ.' })), { today: '2026-11-22' });
      expect(found.filter((d) => d.code.startsWith('citation-')).map((d) => [d.code, where(d)])).toEqual([['citation-number-form', 8]]);
    }
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

describe('the documents the new user found unknown, now known', () => {
  // Each as plans cite it, with its date and issuer: nothing to say on 2026; on 2024, those issued later are anachronisms.
  const documents: [string, string][] = [
    ['Luật Việc làm số 74/2025/QH15 ngày 16/6/2025 của Quốc hội', '2025-06-16'],
    ['Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025 của Quốc hội', '2025-06-16'],
    ['Luật Tổ chức Chính phủ số 63/2025/QH15 ngày 18/02/2025 của Quốc hội', '2025-02-18'],
    ['Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15 ngày 19/02/2025 của Quốc hội', '2025-02-19'],
    ['Luật Giáo dục nghề nghiệp số 124/2025/QH15 ngày 10/12/2025 của Quốc hội', '2025-12-10'],
    ['Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị', '2024-12-22'],
    ['Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính trị, Ban Bí thư', '2025-02-14'],
    ['Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ', '2021-10-14'],
    ['Nghị định số 31/2015/NĐ-CP ngày 24/3/2015 của Chính phủ', '2015-03-24'],
  ];
  const cited = (date: string, citation: string) =>
    checkPlan(parsePlan(plan(date, { body: `Căn cứ ${citation}.` })), { today: '2026-11-22' })
      .filter((d) => d.code.startsWith('citation-'))
      .map((d) => d.code);

  for (const [citation, issued] of documents) {
    it(`knows ${citation}: silent in a plan of 2026, ${issued > '2024-03-15' ? 'issued after' : 'silent in'} a plan of 15/3/2024`, () => {
      expect(cited('15/3/2026', citation)).toEqual([]);
      expect(cited('15/3/2024', citation)).toEqual(issued > '2024-03-15' ? ['citation-validity'] : []);
    });
  }

  it('checks their facts: a wrong date is found', () => {
    expect(cited('15/3/2026', 'Nghị quyết số 57-NQ/TW ngày 22/12/2023 của Bộ Chính trị')).toEqual(['citation-conflict']);
    expect(cited('15/3/2026', 'Nghị định số 31/2015/NĐ-CP ngày 24/3/2016 của Chính phủ')).toEqual(['citation-conflict']);
  });
});
