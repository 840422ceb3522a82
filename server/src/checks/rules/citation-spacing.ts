import type { Rule } from '../rule';
import { rightForm } from './citation-number-form';

export const citationSpacing: Rule = {
  id: 'citation-spacing',
  title: { vi: 'Dấu cách thừa trong số, ký hiệu', en: 'Stray spaces in a document number' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Số, ký hiệu văn bản viết liền, không có dấu cách quanh `/` và `-` (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.3: "giữa số, năm ban hành và ký hiệu văn bản có dấu gạch chéo (/), giữa các nhóm chữ viết tắt ký hiệu văn bản có dấu gạch nối (-) không cách chữ"). Sửa nhanh: xóa dấu cách (an toàn). Số hiệu viết sai dạng (đổi chỗ dấu, hai năm) do citation-number-form báo, một lần.',
    en: 'A document number is written without spaces around `/` and `-` (Decree 30/2020/NĐ-CP, Appendix I, II.3). Fix: remove the spaces (safe). A number in the wrong form (separators swapped, two years) is reported once, by citation-number-form.',
  },
  check({ document, report }) {
    for (const c of document.citations) {
      // A number in the wrong form (`27/NQ- TW`, two years) is citation-number-form's, whose fix removes the spaces too: reported once.
      if (!c.hasStraySpaces || c.extraYear !== undefined || rightForm(c)) continue;
      const compact = c.numberText.replace(/\s+/g, '');
      report(c.numberRange, { vi: `Số hiệu "${c.numberText}" có dấu cách thừa; viết ${compact}`, en: `Number "${c.numberText}" has stray spaces; write ${compact}` }, [
        { title: `Viết ${compact} / Write ${compact}`, edits: [{ range: c.numberRange, newText: compact }], safe: true },
      ]);
    }
  },
};
