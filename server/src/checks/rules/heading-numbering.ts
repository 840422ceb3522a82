import type { Section } from '../../model';
import { firstMisnumbered, numberingMessage } from '../numbering-fix';
import type { Rule } from '../rule';

/** Typed heading numbers must follow the sequence: no skip, no repeat, no disagreement. */
export const headingNumbering: Rule = {
  id: 'heading-numbering',
  title: { vi: 'Số thứ tự đề mục', en: 'Heading numbers' },
  defaultSeverity: 'warning',
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
