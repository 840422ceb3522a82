import type { Rule } from '../rule';
import { textLines } from '../text-lines';

/** A period named by its years: `giai đoạn 2026 - 2030`, `thời kỳ 2021-2030`. */
const PERIOD = /(giai[ \t]+đoạn|thời[ \t]+kỳ)[ \t]+((?:19|20)\d\d)[ \t]*[-–—][ \t]*((?:19|20)\d\d)(?!\d)/giu;

/** Words of a heading that looks back at an earlier period: its results are the plan's ground, not a slip. */
const LOOKING_BACK = /(?<!\p{L})(?:kết quả|đánh giá|tình hình|thực trạng|tổng kết|sơ kết|bối cảnh|trước|so với|kế thừa|tiếp nối)(?!\p{L})/u;

/** Fewer words than this before the period in the Trích yếu name too little to recognise the plan by. */
const MIN_NAME_WORDS = 3;

const words = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s"“”'‘’(),.:;]+/gu, ' ')
    .trim();

/**
 * A heading that names the plan itself (the words of its Trích yếu before the
 * period) with a period that ended before the plan's own began (`GIẢI PHÁP
 * THỰC HIỆN KẾ HOẠCH XUẤT KHẨU … GIAI ĐOẠN 2021- 2025` in a plan for 2026 -
 * 2030): a heading left from the previous plan. A heading that looks back
 * (`KẾT QUẢ THỰC HIỆN … GIAI ĐOẠN 2021 - 2025`), a stage inside the plan's
 * period and a later period (`định hướng giai đoạn 2031 - 2035`) are left alone.
 */
export const structurePlanPeriod: Rule = {
  id: 'structure-plan-period',
  title: { vi: 'Tiêu đề nêu giai đoạn trước của Kế hoạch', en: 'A heading names an earlier period of the plan' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const summary = document.header.summary?.value.normalize('NFC');
    const own = summary ? [...summary.matchAll(PERIOD)][0] : undefined;
    if (!summary || !own) return;
    const name = words(summary.slice(0, own.index));
    if (name.split(' ').length < MIN_NAME_WORDS) return;
    const ownFrom = own[2];
    const ownPeriod = own[0].slice(own[1].length).trim();
    for (const line of textLines(document, source)) {
      if (line.kind !== 'heading') continue;
      const content = source.text.slice(line.contentStart, line.end);
      const heading = words(content);
      if (!heading.includes(name) || LOOKING_BACK.test(heading.replace(name, ' '))) continue;
      for (const m of content.matchAll(PERIOD)) {
        const [typed, label, , to] = m;
        if (Number(to) >= Number(ownFrom)) continue;
        const start = line.contentStart + m.index! + label.length + typed.slice(label.length).search(/\d/);
        const range = source.range(start, line.contentStart + m.index! + typed.length);
        const period = typed.slice(start - line.contentStart - m.index!);
        report(
          range,
          {
            vi: `Tiêu đề nêu Kế hoạch với giai đoạn ${period}, đã qua trước giai đoạn của chính Kế hoạch (${ownPeriod}, như Trích yếu ghi)`,
            en: `The heading names the plan with the period ${period}, over before the plan's own (${ownPeriod}, as the Trích yếu says)`,
          },
          [{ title: `Viết "${ownPeriod}" / Write "${ownPeriod}"`, edits: [{ range, newText: ownPeriod }], safe: false }],
        );
      }
    }
  },
};
