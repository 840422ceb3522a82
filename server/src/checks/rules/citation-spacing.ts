import type { Rule } from '../rule';
import { rightForm } from './citation-number-form';

export const citationSpacing: Rule = {
  id: 'citation-spacing',
  title: { vi: 'Dấu cách thừa trong số, ký hiệu', en: 'Stray spaces in a document number' },
  defaultSeverity: 'warning',
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
