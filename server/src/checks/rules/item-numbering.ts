import type { Block, ListItem, Section } from '../../model';
import { firstMisnumbered, numberingMessage } from '../numbering-fix';
import type { Rule } from '../rule';

/** Numbered items of a section (`1.`, `2.` or `a)`, `b)`) follow each other without gaps. */
export const itemNumbering: Rule = {
  id: 'item-numbering',
  title: { vi: 'Số thứ tự các ý', en: 'Item numbers' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Các ý đánh số trong một đề mục (`1.`, `2.` … hoặc `a)`, `b)` …) phải liên tục, bắt đầu từ 1 (hoặc a): không nhảy, không trùng. Chữ cái theo thứ tự tiếng Việt (a, b, c, d, đ, e, g …); một dãy theo thứ tự chữ cái Latinh (a, b, c, d, e, không có đ) cũng được chấp nhận vì rất nhiều văn bản thật viết như vậy, nhưng chữ f, j, w, z chen vào dãy có đ thì bị báo. Đoạn văn xen giữa không làm lại thứ tự. Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.7. Sửa nhanh: đánh số lại.',
    en: 'Numbered items of a section (`1.`, `2.` … or `a)`, `b)` …) must run on from 1 (or a) with no gap and no repeat; letters follow the Vietnamese alphabet (a, b, c, d, đ, e, g …), and a sequence in Latin order (a, b, c, d, e, no đ) passes too, as very many real plans write it, but an f, j, w or z inside a sequence with đ is reported; paragraphs in between do not restart them. Decree 30/2020/NĐ-CP, Appendix I, II.7. Fix: renumber.',
  },
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
