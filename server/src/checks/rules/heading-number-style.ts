import type { ExplicitNumber, Fix, Section } from '../../model';
import type { Rule } from '../rule';

const styleOf = (n: ExplicitNumber) => `${n.kind}${n.punctuation}`;

/** `n` written with the punctuation of `model`, when only the punctuation differs. */
function punctuationFix(n: ExplicitNumber, model: ExplicitNumber): Fix[] | undefined {
  if (n.kind !== model.kind || n.punctuation === model.punctuation) return undefined;
  const fixed = (n.punctuation ? n.text.slice(0, -1) : n.text) + model.punctuation;
  return [{ title: `Viết "${fixed}" / Write "${fixed}"`, edits: [{ range: n.range, newText: fixed }], safe: true }];
}

/**
 * One number style among the headings of one sequence (`II.` beside `III-`,
 * `1.3` beside `1.1.`), and one system's mark per level across the document
 * (`1.` under I. beside `1-` under II.). Sections may differ in the kind of
 * number they give a level (`a)` in one, `1.1.` in another): the regulation
 * fixes the hierarchy, not that choice, and real plans make it.
 */
export const headingNumberStyle: Rule = {
  id: 'heading-number-style',
  title: { vi: 'Kiểu số đề mục lẫn lộn', en: 'Mixed heading number styles' },
  defaultSeverity: 'warning',
  check({ document, report }) {
    /** The first `.` or `-` mark of each kind of number per level, across the document. */
    const markByLevel = new Map<string, ExplicitNumber>();
    const visit = (siblings: Section[]) => {
      let first: ExplicitNumber | undefined;
      for (const s of siblings) {
        const n = s.explicitNumber;
        if (n) {
          first ??= n;
          if (styleOf(first) !== styleOf(n)) {
            report(
              n.range,
              {
                vi: `Đề mục "${n.text}" viết khác đề mục đầu cùng dãy ("${first.text}")`,
                en: `Heading "${n.text}" is written otherwise than the first of its sequence ("${first.text}")`,
              },
              punctuationFix(n, first),
            );
          } else if ((n.punctuation === '.' || n.punctuation === '-') && n.kind !== 'dotted') {
            const key = `${s.level} ${n.kind}`;
            const mark = markByLevel.get(key);
            if (!mark) markByLevel.set(key, n);
            else if (mark.punctuation !== n.punctuation) {
              report(
                n.range,
                {
                  vi: `Đề mục cấp ${s.level} viết "${n.text}" nhưng đề mục đầu cùng cấp viết "${mark.text}"`,
                  en: `Level ${s.level} heading written "${n.text}" while the first one of that level is "${mark.text}"`,
                },
                punctuationFix(n, mark),
              );
            }
          }
        }
        visit(s.children);
      }
    };
    visit(document.sections);
  },
};
