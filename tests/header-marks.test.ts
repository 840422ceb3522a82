/**
 * The header fields of this issue: the urgency and confidentiality marks
 * (`Độ khẩn:`, `Độ mật:`), the drafter's own lines in a body's name, the
 * break points of a name, and the appendix's "Kèm theo" line, read in NFC,
 * NFD and without diacritics, with a clear message and range for a value the
 * rules do not know.
 */
import { describe, expect, it } from 'vitest';
import { nameLines, runningName } from '../server/src/syntax/body-names';
import { parsePlan } from '../server/src/syntax/parse';
import { textAt } from './helpers/ranges';

const header = (lines: string[], number = '12/KH-UBND') =>
  ['Cơ quan: ỦY BAN NHÂN DÂN XÃ BÌNH LƯ', `Số: ${number}`, 'Địa danh: Bình Lư', 'Ngày: 05/02/2026', 'Loại: Kế hoạch', 'Trích yếu: Thử', ...lines, '---', '', 'Nội dung.', ''].join('\n');

const syntaxErrors = (text: string) => parsePlan(text).diagnostics.filter((d) => d.code === 'syntax');

describe('Độ khẩn: and Độ mật:', () => {
  for (const [typed, urgency] of [
    ['Khẩn', 'KHẨN'],
    ['THƯỢNG KHẨN', 'THƯỢNG KHẨN'],
    ['hoả tốc', 'HỎA TỐC'],
    ['Hoa toc', 'HỎA TỐC'],
  ] as const) {
    it(`reads Độ khẩn: ${typed} as ${urgency}`, () => {
      const { document, diagnostics } = parsePlan(header([`Độ khẩn: ${typed}`]));
      expect(document.official.urgencyMark).toBe(urgency);
      expect(document.header.urgency?.value).toBe(typed);
      expect(diagnostics.filter((d) => d.code === 'syntax')).toEqual([]);
    });
  }

  for (const [label, typed, mark] of [
    ['Độ mật', 'Mật', 'MẬT'],
    ['Mức độ mật', 'Tối mật', 'TỐI MẬT'],
    ['Do mat', 'tuyet mat', 'TUYỆT MẬT'],
  ] as const) {
    it(`reads ${label}: ${typed} as ${mark}`, () => {
      expect(parsePlan(header([`${label}: ${typed}`])).document.official.confidentialityMark).toBe(mark);
    });
  }

  it('reads them in NFD, with ranges on the characters typed', () => {
    const text = header(['Độ khẩn: Thượng khẩn', 'Độ mật: Tối mật']).normalize('NFD');
    const { document } = parsePlan(text);
    expect([document.official.urgencyMark, document.official.confidentialityMark]).toEqual(['THƯỢNG KHẨN', 'TỐI MẬT']);
    expect(textAt(text, document.header.urgency!.valueRange)).toBe('Thượng khẩn');
    expect(textAt(text, document.header.confidentiality!.labelRange)).toBe('Độ mật');
  });

  it('reports a value the rules do not know on the value, and prints no mark', () => {
    const text = header(['Độ khẩn: Rất khẩn', 'Độ mật: Nội bộ']);
    const { document } = parsePlan(text);
    const errors = syntaxErrors(text);
    expect(errors.map((e) => [e.severity, textAt(text, e.range)])).toEqual([
      ['error', 'Rất khẩn'],
      ['error', 'Nội bộ'],
    ]);
    expect(errors[0].message).toBe('Độ khẩn không rõ: "Rất khẩn"; dùng Khẩn, Thượng khẩn hoặc Hỏa tốc / Unknown urgency; use Khẩn, Thượng khẩn or Hỏa tốc');
    expect(errors[1].message).toContain('Mật, Tối mật hoặc Tuyệt mật');
    expect(document.official.urgencyMark).toBeUndefined();
    expect(document.official.confidentialityMark).toBeUndefined();
  });

  it('knows Hỏa tốc hẹn giờ in a party plan only', () => {
    const party = header(['Độ khẩn: Hỏa tốc hẹn giờ'], '12-KH/ĐU');
    expect(parsePlan(party).document.official.urgencyMark).toBe('HỎA TỐC HẸN GIỜ');
    expect(syntaxErrors(party)).toEqual([]);
    const state = header(['Độ khẩn: Hỏa tốc hẹn giờ']);
    expect(parsePlan(state).document.official.urgencyMark).toBeUndefined();
    expect(syntaxErrors(state).map((e) => e.message)).toEqual(['Độ khẩn không rõ: "Hỏa tốc hẹn giờ"; dùng Khẩn, Thượng khẩn hoặc Hỏa tốc / Unknown urgency; use Khẩn, Thượng khẩn or Hỏa tốc']);
  });

  it('says nothing of a plan without them', () => {
    const { document } = parsePlan(header([]));
    expect(document.official.urgencyMark).toBeUndefined();
    expect(document.official.confidentialityMark).toBeUndefined();
  });
});

describe('a body’s name in the header', () => {
  it('is cut before the level word and the place, and before VÀ', () => {
    expect(nameLines('ỦY BAN NHÂN DÂN XÃ BÌNH LƯ')).toEqual({ parts: ['ỦY BAN NHÂN DÂN', 'XÃ BÌNH LƯ'], breaks: ['place'] });
    expect(nameLines('Ủy ban nhân dân thị xã Mường Lay')).toEqual({ parts: ['ỦY BAN NHÂN DÂN', 'THỊ XÃ MƯỜNG LAY'], breaks: ['place'] });
    expect(nameLines('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')).toEqual({ parts: ['SỞ LAO ĐỘNG - THƯƠNG BINH', 'VÀ XÃ HỘI'], breaks: ['conjunction'] });
    expect(nameLines('TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM')).toEqual({ parts: ['TỔNG LIÊN ĐOÀN LAO ĐỘNG', 'VIỆT NAM'], breaks: ['place'] });
    expect(nameLines('TỈNH ĐOÀN LAI CHÂU')).toEqual({ parts: ['TỈNH ĐOÀN LAI CHÂU'], breaks: [] });
  });

  it('keeps the lines the drafter typed, its value the whole name', () => {
    const { document } = parsePlan(header([]).replace('Cơ quan: ỦY BAN NHÂN DÂN XÃ BÌNH LƯ', 'Cơ quan: ỦY BAN NHÂN DÂN XÃ\n  BÌNH LƯ'));
    expect(document.header.issuer?.value).toBe('ỦY BAN NHÂN DÂN XÃ BÌNH LƯ');
    expect(document.header.issuer?.lines).toEqual(['ỦY BAN NHÂN DÂN XÃ', 'BÌNH LƯ']);
    expect(document.official.issuerLines).toEqual({ parts: ['ỦY BAN NHÂN DÂN XÃ', 'BÌNH LƯ'], breaks: ['typed'] });
  });

  it('is written in running text as Phụ lục II of Nghị định 30/2020 writes names', () => {
    expect(runningName('ỦY BAN NHÂN DÂN XÃ BÌNH LƯ')).toBe('Ủy ban nhân dân xã Bình Lư');
    expect(runningName('SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI')).toBe('Sở Lao động - Thương binh và Xã hội');
    expect(runningName('LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU')).toBe('Liên đoàn Lao động tỉnh Lai Châu');
    expect(runningName('BAN THƯỜNG VỤ TỈNH ỦY')).toBe('Ban Thường vụ Tỉnh ủy');
    expect(runningName('TỈNH ỦY LAI CHÂU')).toBe('Tỉnh ủy Lai Châu');
    expect(runningName('Sở Y tế')).toBe('Sở Y tế');
  });
});

describe('the appendix’s Kèm theo line', () => {
  it('names the plan by its kind, number, date and issuer', () => {
    expect(parsePlan(header([])).document.official.appendixNote).toBe('(Kèm theo Kế hoạch số 12/KH-UBND ngày 05 tháng 02 năm 2026 của Ủy ban nhân dân xã Bình Lư)');
  });

  it('leaves … where a draft has no number or date yet', () => {
    const draft = header([]).replace('Số: 12/KH-UBND', 'Số:').replace('Ngày: 05/02/2026\n', '');
    expect(parsePlan(draft).document.official.appendixNote).toBe('(Kèm theo Kế hoạch số … ngày … tháng … năm … của Ủy ban nhân dân xã Bình Lư)');
  });
});
