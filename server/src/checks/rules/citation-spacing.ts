import type { Rule } from '../rule';

export const citationSpacing: Rule = {
  id: 'citation-spacing',
  title: { vi: 'Dấu cách thừa trong số, ký hiệu', en: 'Stray spaces in a document number' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Số, ký hiệu văn bản viết liền, không có dấu cách quanh `/` và `-` (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3: "giữa số, năm ban hành và ký hiệu văn bản có dấu gạch chéo (/), giữa các nhóm chữ viết tắt ký hiệu văn bản có dấu gạch nối (-) không cách chữ"). Sửa nhanh: xóa dấu cách (an toàn).',
    en: 'A document number is written without spaces around `/` and `-` (Decree 30/2020/NĐ-CP, Appendix I, II.3). Fix: remove the spaces (safe).',
  },
  check({ document, report }) {
    for (const c of document.citations) {
      if (!c.hasStraySpaces) continue;
      const compact = c.numberText.replace(/\s+/g, '');
      report(c.numberRange, { vi: `Số hiệu "${c.numberText}" có dấu cách thừa; viết ${compact}`, en: `Number "${c.numberText}" has stray spaces; write ${compact}` }, [
        { title: `Viết ${compact} / Write ${compact}`, edits: [{ range: c.numberRange, newText: compact }], safe: true },
      ]);
    }
  },
};
