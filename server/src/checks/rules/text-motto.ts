import { fold } from '../../syntax/inline';
import type { Bilingual, Rule } from '../rule';
import { textLines } from '../text-lines';

/** The Tiêu ngữ as Decree 30/2020/NĐ-CP writes it. */
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** The motto, folded, whatever its capitals, dashes and spacing (the three phrases joined by a dash or by spaces only). */
const FOLDED_MOTTO = /(?<![\p{L}\p{N}])doc[ \t]*lap(?:[ \t]*[-‐‑–—−][ \t]*|[ \t]+)tu[ \t]*do(?:[ \t]*[-‐‑–—−][ \t]*|[ \t]+)hanh[ \t]*phuc(?![\p{L}\p{N}])/gu;

/** What is wrong with a written motto, in words. */
function problems(written: string): Bilingual {
  const vi: string[] = [];
  const en: string[] = [];
  const words = written.split(/[^\p{L}]+/u).filter(Boolean);
  if (words.some((w, k) => (k % 2 === 1 ? w !== w.toLowerCase() : w.slice(1) !== w.slice(1).toLowerCase()))) {
    vi.push('chỉ chữ cái đầu mỗi cụm từ viết hoa');
    en.push('only the first letter of each phrase is a capital');
  }
  if (/[‐‑–—−]/.test(written) || (written.match(/-/g) ?? []).length !== 2) {
    vi.push('giữa các cụm từ là gạch nối (-)');
    en.push('the phrases are joined by hyphens (-)');
  }
  if (/[^ ]-|-[^ ]|  /.test(written)) {
    vi.push('có một dấu cách hai bên gạch nối');
    en.push('with one space on either side');
  }
  if (words.join(' ').normalize('NFC') !== 'Độc lập Tự do Hạnh phúc' && vi.length === 0) {
    vi.push('đúng chữ và dấu');
    en.push('in these words and marks');
  }
  return { vi: vi.join('; '), en: en.join('; ') };
}

export const textMotto: Rule = {
  id: 'text-motto',
  title: { vi: 'Tiêu ngữ viết sai', en: 'Motto written wrongly' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Người soạn không cần viết Quốc hiệu và Tiêu ngữ (bố cục tự in chúng), nhưng khi văn bản có viết Tiêu ngữ thì phải đúng từng chữ: `Độc lập - Tự do - Hạnh phúc`, chữ cái đầu của mỗi cụm từ viết hoa, giữa các cụm từ là gạch nối (-) có cách chữ (Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 1; docs/format-rules.vi.md §3). Quy tắc báo Tiêu ngữ viết hoa cả chữ bên trong cụm (`Độc Lập - Tự Do - Hạnh Phúc`, `ĐỘC LẬP - TỰ DO - HẠNH PHÚC`), dùng gạch ngang dài hay gạch khác thay gạch nối (`Độc lập – Tự do – Hạnh phúc`), thiếu hay thừa dấu cách (`Độc lập-Tự do-Hạnh phúc`). Sửa nhanh: viết lại đúng Tiêu ngữ (an toàn).',
    en: 'Drafters need not write the Quốc hiệu and the motto (the layout prints them), but a motto the text does write must be exact: `Độc lập - Tự do - Hạnh phúc`, the first letter of each phrase a capital, the phrases joined by hyphens (-) with spaces (Decree 30/2020/NĐ-CP, Appendix I, part I, section II, item 1; docs/format-rules.en.md §3). Reported: capitals inside the phrases (`Độc Lập - Tự Do - Hạnh Phúc`, `ĐỘC LẬP - TỰ DO - HẠNH PHÚC`), dashes or other signs for the hyphens (`Độc lập – Tự do – Hạnh phúc`), missing or extra spaces (`Độc lập-Tự do-Hạnh phúc`). Fix: the exact motto (safe).',
  },
  check({ document, source, report }) {
    for (const line of textLines(document, source)) {
      if (line.kind === 'blank' || line.kind === 'comment' || line.kind === 'separator' || line.kind === 'table-separator') continue;
      const text = source.text.slice(line.contentStart, line.end);
      // Folding keeps the length (NFC, one unit per unit): a match in the folded line is the same span of the line.
      for (const m of fold(text).matchAll(FOLDED_MOTTO)) {
        const written = text.slice(m.index!, m.index! + m[0].length);
        if (written === MOTTO) continue;
        const range = source.range(line.contentStart + m.index!, line.contentStart + m.index! + m[0].length);
        const wrong = problems(written);
        report(range, { vi: `Tiêu ngữ viết "${written}"; viết "${MOTTO}": ${wrong.vi}`, en: `The motto is written "${written}"; write "${MOTTO}": ${wrong.en}` }, [
          { title: `Viết "${MOTTO}" / Write "${MOTTO}"`, edits: [{ range, newText: MOTTO }], safe: true },
        ]);
      }
    }
  },
};
