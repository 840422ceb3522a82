import type { Rule } from '../rule';
import { runToneStyles, toneStyleCounts, wordRuns } from '../text-lines';
import { expectedToneStyle, toToneStyle } from '../vietnamese';

const EXAMPLE = { modern: '"hóa", "ủy"', classic: '"hoá", "uỷ"' };
const NAME_VI = { modern: 'kiểu mới', classic: 'kiểu cũ' };
const NAME_EN = { modern: 'modern', classic: 'classic' };

export const textToneStyle: Rule = {
  id: 'text-tone-style',
  title: { vi: 'Đặt dấu thanh không thống nhất', en: 'Mixed tone-mark placement' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Trong các vần mở `oa`, `oe`, `uy` có dấu thanh, cách cũ đặt dấu ở nguyên âm thứ hai (`hoá`, `khoẻ`, `uỷ`, `thuỷ`), cách mới ở nguyên âm thứ nhất (`hóa`, `khỏe`, `ủy`, `thủy`). Cả hai đều đúng, nhưng một văn bản phải dùng một cách. Không xét các âm tiết chỉ có một cách đặt dấu: có phụ âm cuối (`hoàn`, `thuyết`, `khoản`) hoặc có `qu`, `gi` là phụ âm đầu (`quý`, `quả`, `giá`). Chuẩn là `toneStyle` trong kehoach.json nếu có, nếu không là cách chiếm đa số trong văn bản (hòa thì lấy cách mới, cách văn bản hành chính thường dùng); mỗi chỗ viết theo cách kia được báo. Căn cứ: quy ước chính tả (tính thống nhất của văn bản, Nghị định 30/2020/NĐ-CP, Phụ lục I). Sửa nhanh: chuyển sang cách đặt dấu của văn bản (an toàn).',
    en: 'In the open rhymes `oa`, `oe`, `uy` with a tone mark, the classic style puts the mark on the second vowel (`hoá`, `khoẻ`, `uỷ`, `thuỷ`), the modern on the first (`hóa`, `khỏe`, `ủy`, `thủy`). Both are correct; one document uses one. Syllables with a single placement are left alone: with a final consonant (`hoàn`, `thuyết`, `khoản`) or after `qu`, `gi` (`quý`, `quả`, `giá`). The standard is `toneStyle` in kehoach.json when set, else the document\'s majority (modern on a tie, the usual style of administrative documents); each word in the other style is reported. Source: spelling convention (consistency, Decree 30/2020/NĐ-CP, Appendix I). Fix: the document\'s placement (safe).',
  },
  check({ document, source, config, report }) {
    const counts = toneStyleCounts(document, source);
    if (!config.toneStyle && (counts.modern === 0 || counts.classic === 0)) return;
    const expected = expectedToneStyle(counts, config.toneStyle);
    const basis = config.toneStyle
      ? { vi: `cấu hình toneStyle chọn ${NAME_VI[expected]} (${EXAMPLE[expected]})`, en: `toneStyle is configured to ${NAME_EN[expected]} (${EXAMPLE[expected]})` }
      : {
          vi: `văn bản này đặt dấu ${NAME_VI[expected]} (${counts[expected]} chỗ như ${EXAMPLE[expected]})`,
          en: `this document uses the ${NAME_EN[expected]} one (${counts[expected]} words like ${EXAMPLE[expected]})`,
        };
    for (const run of wordRuns(document, source)) {
      for (const [index, style] of runToneStyles(run)) {
        if (style === expected) continue;
        const w = run[index];
        const right = toToneStyle(w.text, expected);
        const range = source.range(run.start + w.start, run.start + w.end);
        report(range, {
          vi: `"${w.text}" đặt dấu ${NAME_VI[style]}; ${basis.vi}: viết "${right}"`,
          en: `"${w.text}" uses the ${NAME_EN[style]} placement; ${basis.en}: write "${right}"`,
        }, [{ title: `Viết "${right}" / Write "${right}"`, edits: [{ range, newText: right }], safe: true }]);
      }
    }
  },
};
