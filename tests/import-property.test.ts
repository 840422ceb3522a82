import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importText } from '../server/src/import';

/** Lines a pasted plan is made of: markers, labels, capitals, columns, noise, stray marks. */
const piece = fc.constantFrom(
  'I. MỤC ĐÍCH',
  'II- NHIỆM VỤ',
  '1. Sở Tài chính',
  'a) Tuyên truyền',
  '- Nâng cao nhận thức;',
  '+ ý phụ',
  '• ý',
  '**Đậm**',
  '*nghiêng',
  '## **2. Tiêu đề**',
  'Số: 12/KH-UBND',
  'Số 5-KH/TU',
  'Lai Châu, ngày 05 tháng 3 năm 2024',
  'KẾ HOẠCH',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'ỦY BAN NHÂN DÂN',
  'TỈNH LAI CHÂU',
  'Nơi nhận:',
  'Ký:',
  'TM. ỦY BAN NHÂN DÂN',
  'KT. CHỦ TỊCH',
  'Lê Văn An',
  'Phụ lục 1: Bảng',
  'PHỤ LỤC',
  '| a | b |',
  '|---|---|',
  'Nhiệm vụ\tChủ trì\tThời gian',
  'Nơi nhận:\t\tTM. BAN THƯỜNG VỤ',
  '- Lưu: VT.      CHỦ TỊCH',
  '---',
  '-----',
  '// chú thích',
  '\\ thoát',
  'Loại: x',
  'Trích yếu: y',
  'Hệ: đảng',
  'VĂN BẢN ĐẾN',
  'sg: mẩu',
  '12',
  'Trang 3',
  '_Toc123',
  'Trên đây là Kế hoạch./.',
  'văn bản tiếp nối chữ thường',
  'Il. NHIỆM VỤ',
  '',
  '   ',
  '#',
  '# ',
  '1.',
  'a)',
);
const text = fc.array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((lines) => lines.join('\n'));

describe('importText on arbitrary pasted text', () => {
  it('never throws, and what it writes parses without a syntax diagnostic', () => {
    fc.assert(
      fc.property(text, (source) => {
        const { report } = importText(source);
        // An empty `Nơi nhận:` or `Ký:`, a signature without its signer: the source's own defects, kept for the checks to report.
        const own = /chưa có nơi nhận nào|Ký:" chưa có|chưa có họ tên người ký/;
        expect(report.syntaxDiagnostics.map((d) => d.message).filter((m) => !own.test(m))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
