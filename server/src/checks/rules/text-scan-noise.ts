import type { Range } from '../../model';
import type { Rule } from '../rule';
import { memoized } from '../../syntax/memo';
import { textLines } from '../text-lines';
import { BOOKMARK, WHOLE_LINE } from '../../domain/scan-noise';

export const textScanNoise: Rule = {
  id: 'text-scan-noise',
  title: { vi: 'Dòng rác của bản quét hoặc bản trích xuất', en: 'Scan or extraction noise' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const text = source.text;
    for (const line of textLines(document, source)) {
      if (line.kind === 'comment' || line.kind === 'blank' || line.kind === 'separator' || line.kind === 'table-separator') continue;
      const raw = text.slice(line.start, line.end);
      const lead = raw.length - raw.trimStart().length;
      const content = raw.trim();
      // Stamps and page numbers stand on lines of their own: paragraph or item lines, never headings, tables or the header.
      // A line broken by U+2028/U+2029 is no stamp, and the stamp pattern's `.*$` would backtrack quadratically over it.
      const whole =
        (line.kind === 'text' || line.kind === 'item') &&
        !/[\u2028\u2029]/.test(content) &&
        // Which pattern the line matches, kept for the next version (in an array: the memo keeps objects).
        WHOLE_LINE[
          memoized(
            source.memo,
            'noise-line',
            () => content,
            () => [WHOLE_LINE.findIndex((n) => n.pattern.test(content))],
          )[0]
        ];
      if (whole) {
        const range = source.range(line.start + lead, line.start + lead + content.length);
        const at: Range = { start: source.position(line.start), end: source.position(line.start) };
        report(range, { vi: `Dòng rác: ${whole.vi}`, en: `Noise: ${whole.en}` }, [{ title: 'Biến thành chú thích // / Turn into a // comment', edits: [{ range: at, newText: '// ' }], safe: false }]);
        continue;
      }
      if (!raw.includes('_')) continue;
      BOOKMARK.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = BOOKMARK.exec(raw))) {
        const range = source.range(line.start + m.index, line.start + m.index + m[0].length);
        report(range, { vi: `Dấu trang của Word: "${m[0]}"`, en: `Word bookmark: "${m[0]}"` }, [{ title: `Xóa "${m[0]}" / Delete "${m[0]}"`, edits: [{ range, newText: '' }], safe: false }]);
      }
    }
  },
};
