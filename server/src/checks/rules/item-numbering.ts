import type { Block, ListItem, Section } from '../../model';
import { firstMisnumbered, numberingMessage } from '../numbering-fix';
import type { Rule } from '../rule';

/** Numbered items of a section (`1.`, `2.` or `a)`, `b)`) follow each other without gaps. */
export const itemNumbering: Rule = {
  id: 'item-numbering',
  title: { vi: 'Số thứ tự các ý', en: 'Item numbers' },
  defaultSeverity: 'warning',
  check({ document, report }) {
    const checkBlocks = (blocks: Block[]) => {
      for (const kind of ['number', 'letter'] as const) {
        const items = blocks.filter((b): b is ListItem => b.kind === 'item' && b.marker.kind === kind && b.explicitNumber?.kind !== 'dotted');
        const found = firstMisnumbered(
          items.map((item, i) => ({ explicitNumber: item.explicitNumber, expected: i + 1 })),
          { vi: 'Đánh số lại các ý', en: 'Renumber the items' },
        );
        if (!found) continue;
        report(found.at.range, numberingMessage(found, { vi: 'Số thứ tự', en: 'Item number' }), [found.fix]);
      }
    };
    const visit = (sections: Section[]) => {
      for (const s of sections) {
        checkBlocks(s.blocks);
        visit(s.children);
      }
    };
    checkBlocks(document.preamble);
    visit(document.sections);
    for (const a of document.appendices) checkBlocks(a.blocks);
  },
};
