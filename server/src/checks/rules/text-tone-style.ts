import type { Rule } from '../rule';
import { runToneStyles, toneStyleCounts, wordRuns } from '../text-lines';
import { expectedToneStyle, toToneStyle } from '../vietnamese';

const EXAMPLE = { modern: '"hóa", "ủy"', classic: '"hoá", "uỷ"' };
const NAME_VI = { modern: 'kiểu mới', classic: 'kiểu cũ' };
const NAME_EN = { modern: 'modern', classic: 'classic' };

export const textToneStyle: Rule = {
  id: 'text-tone-style',
  title: { vi: 'Đặt dấu thanh không thống nhất', en: 'Mixed tone-mark placement' },
  defaultSeverity: 'warning',
  check({ document, source, config, report }) {
    const counts = toneStyleCounts(document, source);
    if (!config.toneStyle && (counts.modern === 0 || counts.classic === 0)) return;
    const expected = expectedToneStyle(counts, config.toneStyle);
    const basis = config.toneStyle
      ? { vi: `cấu hình toneStyle chọn ${NAME_VI[expected]} (${EXAMPLE[expected]})`, en: `toneStyle is configured to ${NAME_EN[expected]} (${EXAMPLE[expected]})` }
      : {
          vi: `văn bản này đặt dấu ${NAME_VI[expected]} (${counts[expected]} chỗ như ${EXAMPLE[expected]})`,
          en: `this document uses the ${NAME_EN[expected]} one (${counts[expected]} words like ${EXAMPLE[expected]})`,
        };
    for (const run of wordRuns(document, source)) {
      for (const [index, style] of runToneStyles(run)) {
        if (style === expected) continue;
        const w = run.words[index];
        const right = toToneStyle(w.text, expected);
        const range = source.range(run.start + w.start, run.start + w.end);
        report(
          range,
          {
            vi: `"${w.text}" đặt dấu ${NAME_VI[style]}; ${basis.vi}: viết "${right}"`,
            en: `"${w.text}" uses the ${NAME_EN[style]} placement; ${basis.en}: write "${right}"`,
          },
          [{ title: `Viết "${right}" / Write "${right}"`, edits: [{ range, newText: right }], safe: true }],
        );
      }
    }
  },
};
