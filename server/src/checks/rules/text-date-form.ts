import type { Rule } from '../rule';
import { textLines } from '../text-lines';

/** A range of two years joined by a dash, with the spaces around the dash: `2021- 2025`. */
const YEAR_RANGE = /(?<![\p{N}/.,-])((?:19|20)\d\d)([ \t]*)([-–—])([ \t]*)((?:19|20)\d\d)(?![\p{N}/])/gu;
/** Day, month and year with the spaces around each separator: `01/1 /2027`, `24/5-2025`. */
const DATE = /(?<![\p{N}/.,-])(\d{1,2})([ \t]*)([/.-])([ \t]*)(\d{1,2})([ \t]*)([/.-])([ \t]*)((?:19|20)\d\d)(?![\p{N}/])/gu;

/**
 * A year range with a space on one side of its dash only (`2021- 2025`), and
 * a date with a space beside a separator (`01/1 /2027`) or a slash followed
 * by a dash or a dot (`24/5-2025`): a slip of typing, where both sides of a
 * range and all three parts of a date are written alike. A dash or a dot
 * before the slash makes a range of days or months (`tháng 5-8/2026`, `tháng
 * 11 - 12/2025`), which is not reported.
 */
export const textDateForm: Rule = {
  id: 'text-date-form',
  title: { vi: 'Khoảng năm, ngày tháng viết lệch', en: 'Year range or date written unevenly' },
  defaultSeverity: 'information',
  check({ document, source, report }) {
    const text = source.text;
    const lines = textLines(document, source).filter((l) => l.contentStart < l.end && /\d{4}/.test(text.slice(l.contentStart, l.end)));
    // The plan's own way with year ranges, for the fix: spaced (`2026 - 2030`) unless most are tight (`2026-2030`).
    let spaced = 0;
    let tight = 0;
    for (const line of lines) {
      for (const m of text.slice(line.contentStart, line.end).matchAll(YEAR_RANGE)) {
        if (m[2] && m[4]) spaced++;
        else if (!m[2] && !m[4]) tight++;
      }
    }
    const join = tight > spaced ? '' : ' ';
    for (const line of lines) {
      const content = text.slice(line.contentStart, line.end);
      const at = (m: RegExpMatchArray) => source.range(line.contentStart + m.index!, line.contentStart + m.index! + m[0].length);
      for (const m of content.matchAll(YEAR_RANGE)) {
        const [typed, from, before, dash, after, to] = m;
        if (!before === !after) continue;
        const range = at(m);
        const right = `${from}${join}${dash}${join}${to}`;
        report(
          range,
          {
            vi: `Khoảng năm "${typed}" có dấu cách ở một bên dấu gạch: viết "${right}"`,
            en: `The year range "${typed}" has a space on one side of its dash only: write "${right}"`,
          },
          [{ title: `Viết "${right}" / Write "${right}"`, edits: [{ range, newText: right }], safe: true }],
        );
      }
      for (const m of content.matchAll(DATE)) {
        const [typed, day, s1, first, s2, month, s3, second, s4, year] = m;
        // A dash or a dot before the slash: a range of days or months (`tháng 5-8/2026`, `tháng 11 - 12/2025`), not a date.
        if (first !== '/' && second === '/') continue;
        const mixed = first === '/' && second !== '/';
        if (!mixed && !(s1 || s2 || s3 || s4)) continue;
        const range = at(m);
        const right = `${day}${first}${month}${mixed ? '/' : second}${year}`;
        report(
          range,
          mixed
            ? { vi: `Ngày "${typed}" dùng hai dấu phân cách khác nhau: viết "${right}"`, en: `The date "${typed}" mixes two separators: write "${right}"` }
            : { vi: `Ngày "${typed}" có dấu cách bên dấu phân cách: viết "${right}"`, en: `The date "${typed}" has a space beside a separator: write "${right}"` },
          [{ title: `Viết "${right}" / Write "${right}"`, edits: [{ range, newText: right }], safe: true }],
        );
      }
    }
  },
};
