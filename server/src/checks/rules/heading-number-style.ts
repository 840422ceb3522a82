import type { ExplicitNumber, Section } from '../../model';
import type { Rule } from '../rule';

const styleOf = (n: ExplicitNumber) => `${n.kind}${n.punctuation}`;

/** One numbering style per heading level in a document: not `II.` beside `III-`. */
export const headingNumberStyle: Rule = {
  id: 'heading-number-style',
  title: { vi: 'Kiểu số đề mục lẫn lộn', en: 'Mixed heading number styles' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Trong một văn bản, các đề mục cùng cấp dùng một kiểu số: văn bản hành chính viết `I.`, `1.` (Nghị định 30/2020/NĐ-CP, Phụ lục I), văn bản của Đảng thường viết `I-`, `1-` (Hướng dẫn 36-HD/VPTW). Viết `II.` rồi `III-` trong cùng văn bản là lỗi thể thức. Kiểu của đề mục đầu tiên được coi là kiểu của văn bản.',
    en: 'Within one document, headings of a level use one number style: state documents write `I.`, `1.` (Decree 30/2020/NĐ-CP, Appendix I), party documents usually `I-`, `1-` (Guidance 36-HD/VPTW). `II.` then `III-` in one document is a layout defect. The first heading sets the style.',
  },
  check({ document, report }) {
    const firstByLevel = new Map<number, ExplicitNumber>();
    const visit = (sections: Section[]) => {
      for (const s of sections) {
        const n = s.explicitNumber;
        if (n) {
          const first = firstByLevel.get(s.level);
          if (!first) firstByLevel.set(s.level, n);
          else if (styleOf(first) !== styleOf(n)) {
            const fixed = n.punctuation !== first.punctuation && n.kind === first.kind && first.punctuation ? n.text.slice(0, -1) + first.punctuation : undefined;
            report(
              n.range,
              {
                vi: `Đề mục cấp ${s.level} viết "${n.text}" nhưng đề mục đầu cùng cấp viết "${first.text}"`,
                en: `Level ${s.level} heading written "${n.text}" while the first one of that level is "${first.text}"`,
              },
              fixed ? [{ title: `Viết "${fixed}" / Write "${fixed}"`, edits: [{ range: n.range, newText: fixed }], safe: true }] : undefined,
            );
          }
        }
        visit(s.children);
      }
    };
    visit(document.sections);
  },
};
