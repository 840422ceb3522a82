import { describe, expect, it } from 'vitest';
import { parseRegistryFile } from '../server/src/checks/config';
import { confidenceNote, severityFor } from '../server/src/domain/registry-facts';
import { checkPlan } from '../server/src/checks';
import { builtinRegistry } from '../server/src/registry/builtin';
import { createPlanService } from '../server/src/service/plan-service';
import { parsePlan } from '../server/src/syntax/parse';

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
    const { documents, diagnostics } = parseRegistryFile(
      JSON.stringify({ documents: [{ number: '5/KH-UBND', type: 'Kế hoạch', issuer: 'X', date: '2024-01-05', title: '', system: 'state', confidence: 'sure' }] }),
    );
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

describe('what a finding rests on', () => {
  const text = [
    'Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
    'Số: 12/KH-UBND',
    'Địa danh: Lai Châu',
    'Ngày: 15/3/2026',
    'Loại: Kế hoạch',
    'Trích yếu: Thực hiện',
    '---',
    '',
    'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 06/3/2020 của Chính phủ và Chỉ thị số 21-CT/TW ngày 04/5/2022 của Ban Bí thư.',
    '',
  ].join('\n');
  const service = createPlanService({ today: () => '2026-03-15' });
  const document = { uri: 'file:///basis.kh', version: 1, getText: () => text };

  it('carries the registry entry, its sources and its confidence on the finding', () => {
    const conflicts = service.getDiagnostics(document).filter((d) => d.code === 'citation-conflict');
    const bases = checkPlan(parsePlan(text), { today: '2026-03-15' })
      .filter((d) => d.code === 'citation-conflict')
      .map((d) => [d.basis?.entry, d.basis?.confidence, d.basis?.sources[0]]);
    expect(conflicts).toHaveLength(2);
    expect(bases).toEqual([
      ['Nghị định 30/2020/NĐ-CP', 'verified', 'http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=141142'],
      ['Chỉ thị 21-CT/TW', 'cited', expect.stringContaining('cokhivietnam.vn')],
    ]);
  });

  it('shows it in the hover of the finding, in words', () => {
    const hover = service.getHover(document, { line: 8, character: 40 });
    const value = (hover?.contents as { value: string }).value;
    expect(value).toContain('Căn cứ / Basis: Nghị định 30/2020/NĐ-CP — nguồn / sources: http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=141142');
    expect(value).toContain('độ tin cậy / confidence: đã đối chiếu nguồn công khai / read on a public source (`verified`)');
  });
});

describe('the central documents entered by hand', () => {
  const plan = (date: string, body: string) =>
    ['Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', 'Số: 12/KH-UBND', 'Địa danh: Lai Châu', `Ngày: ${date}`, 'Loại: Kế hoạch', 'Trích yếu: Thực hiện', '---', '', body, ''].join('\n');
  const validity = (date: string, body: string) => checkPlan(parsePlan(plan(date, body)), { registry: builtinRegistry() }).filter((d) => d.code === 'citation-validity');

  it('knows Luật Việc làm 2013 replaced by Luật Việc làm 74/2025/QH15 from 01/01/2026, and says so only once it is', () => {
    const body = 'Căn cứ Luật Việc làm số 38/2013/QH13 ngày 16/11/2013 của Quốc hội.';
    const found = validity('15/3/2026', body);
    expect(found.map((d) => d.message)).toEqual([expect.stringContaining('74/2025/QH15')]);
    expect(validity('15/3/2025', body)).toEqual([]);
  });

  it('knows Chỉ thị 35-CT/TW replaced by Chỉ thị 45-CT/TW of 14/4/2025', () => {
    const body = 'Thực hiện Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị.';
    expect(validity('20/5/2025', body).map((d) => d.message)).toEqual([expect.stringContaining('45-CT/TW')]);
    expect(validity('20/3/2025', body)).toEqual([]);
  });

  it('gives each party resolution and programme its source and confidence', () => {
    const registry = builtinRegistry();
    for (const number of ['57-NQ/TW', '126-KL/TW', '1719/QĐ-TTg', '74/2025/QH15', '46-CT/TW', '71/NQ-CP']) {
      const doc = registry.documentByNumber(number);
      expect(doc, number).toBeDefined();
      expect(doc!.sources.length, number).toBeGreaterThan(0);
      expect(['verified', 'secondary', 'cited', 'unverified']).toContain(doc!.confidence);
    }
    expect(registry.documentByNumber('71/NQ-CP')!.confidence).toBe('cited');
  });

  it("knows the Prime Minister's decisions real plans cite for culture, land use and gender equality, and checks their dates", () => {
    const found = (body: string) => checkPlan(parsePlan(plan('15/3/2026', body)), { registry: builtinRegistry() });
    const codes = (body: string, code: string) => found(body).filter((d) => d.code === code);
    const right = 'Căn cứ Quyết định số 991/QĐ-TTg ngày 16/9/2024 của Thủ tướng Chính phủ và Quyết định số 326/QĐ-TTg ngày 09/3/2022 của Thủ tướng Chính phủ.';
    expect(codes(right, 'citation-unknown')).toEqual([]);
    expect(codes(right, 'citation-conflict')).toEqual([]);
    const wrongDate = 'Căn cứ Quyết định số 991/QĐ-TTg ngày 19/6/2024 của Thủ tướng Chính phủ.';
    expect(codes(wrongDate, 'citation-conflict').map((d) => d.message)).toEqual([expect.stringContaining('16/9/2024')]);
  });

  it("does not take a plan's slip Nghị định 200/2023/NĐ-CP for the decree 200/2025/NĐ-CP it means", () => {
    const body = 'Căn cứ Nghị định số 200/2023/NĐ-CP ngày 28/12/2023 của Chính phủ quy định chi tiết một số điều của Luật Phòng thủ dân sự.';
    const findings = checkPlan(parsePlan(plan('21/11/2025', body)), { registry: builtinRegistry() });
    expect(builtinRegistry().documentByNumber('200/2023/NĐ-CP')).toBeUndefined();
    expect(findings.filter((d) => d.code === 'citation-unknown')).toHaveLength(1);
  });
});
