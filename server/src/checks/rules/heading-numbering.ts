import type { Section } from '../../model';
import { firstMisnumbered, numberingMessage } from '../numbering-fix';
import type { Rule } from '../rule';

/** Typed heading numbers must follow the sequence: no skip, no repeat, no disagreement. */
export const headingNumbering: Rule = {
  id: 'heading-numbering',
  title: { vi: 'Số thứ tự đề mục', en: 'Heading numbers' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Số của đề mục do kehoach tính theo vị trí. Khi người soạn gõ số (`# III. ...`), số đó phải khớp với thứ tự: không nhảy cóc (I. rồi III.), không trùng (II. hai lần), không lệch với số tính được; mỗi dãy chỉ báo chỗ sai đầu tiên, và số dạng `2.1.` được so với số gõ ở đề mục cha, nên một số trùng chỉ được báo một lần. Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.7 (bố cục nội dung theo phần, mục, khoản, điểm đánh số liên tục). Sửa nhanh: đánh số lại các đề mục cùng cấp.',
    en: 'Heading numbers are computed from position. When the drafter types one (`# III. ...`), it must follow the sequence: no skip (I. then III.), no repeat (II. twice), no disagreement with the computed number; each sequence reports its first wrong number only, and a dotted number (`2.1.`) is compared with the number typed on its parent, so a repeated number is reported once. Decree 30/2020/NĐ-CP, Appendix I, II.7 (parts, sections, clauses and points numbered in sequence). Fix: renumber the headings of that level.',
  },
  check({ document, report }) {
    const visit = (siblings: Section[], parent?: Section) => {
      const found = firstMisnumbered(
        siblings.map((s) => ({ explicitNumber: s.explicitNumber, expected: s.ordinal })),
        { vi: 'Đánh số lại các đề mục cùng cấp', en: 'Renumber the headings of this level' },
      );
      if (found) {
        report(found.at.range, numberingMessage(found, { vi: 'Số đề mục', en: 'Heading number' }), [found.fix]);
      }
      // A dotted number (`2.3.`) must start with its parent's number: the one typed, when there is one (a parent
      // typed `II.` twice is the one defect its own sequence reports, not one more for each of its children).
      const parentNumber = parent && (parent.explicitNumber?.value ?? parent.ordinal);
      for (const s of siblings) {
        const parts = s.explicitNumber?.parts;
        if (parts && parent && parts.length >= 2 && parts[parts.length - 2] !== parentNumber) {
          report(s.explicitNumber!.range, {
            vi: `Số ${s.explicitNumber!.text} không thuộc đề mục cha (số ${parentNumber})`,
            en: `Number ${s.explicitNumber!.text} does not belong to its parent heading (number ${parentNumber})`,
          });
        }
        visit(s.children, s);
      }
    };
    visit(document.sections);
  },
};
