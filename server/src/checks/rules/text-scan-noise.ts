import type { Range } from '../../model';
import type { Rule } from '../rule';
import { memoized } from '../../syntax/memo';
import { textLines } from '../text-lines';
import { BOOKMARK, WHOLE_LINE } from '../../domain/scan-noise';

export const textScanNoise: Rule = {
  id: 'text-scan-noise',
  title: { vi: 'Dòng rác của bản quét hoặc bản trích xuất', en: 'Scan or extraction noise' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Dòng trong thân văn bản không phải nội dung mà là dấu vết của bản quét hoặc bản trích xuất: dấu văn bản đến (`VĂN BẢN ĐẾN`, `ĐẾN Số:`, `Chuyển:`, `Lưu hồ sơ:`), mẩu `sg:`, số trang đứng riêng một dòng (`Trang 2`, `- 2 -`; một con số đứng một mình thì không xét vì thường là ô của bảng bị tách dòng), dấu trang của Word (`_Toc…`, `_Hlk…`). Những thứ này không thuộc thể thức văn bản (Nghị định 30/2020/NĐ-CP, Điều 8 và Phụ lục I) và sẽ bị in ra. Dòng chú thích `//` không bị xét. Sửa nhanh: biến dòng thành chú thích `// …`, hoặc xóa dấu trang Word (không tự động: cần người đọc lại).',
    en: 'Lines of the body that are no content but traces of a scan or an extraction: the incoming-mail stamp (`VĂN BẢN ĐẾN`, `ĐẾN Số:`, `Chuyển:`, `Lưu hồ sơ:`), `sg:` fragments, page numbers alone on a line (`Trang 2`, `- 2 -`; a bare number is left alone, as it is more often a cell of a flattened table), Word bookmarks (`_Toc…`, `_Hlk…`). They belong to no part of the official layout (Decree 30/2020/NĐ-CP, Article 8 and Appendix I) and would be printed. `//` comment lines are left alone. Fix: turn the line into a `// …` comment, or delete the Word bookmark (not automatic: a person should look).',
  },
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
        WHOLE_LINE[memoized(source.memo, 'noise-line', () => content, () => [WHOLE_LINE.findIndex((n) => n.pattern.test(content))])[0]];
      if (whole) {
        const range = source.range(line.start + lead, line.start + lead + content.length);
        const at: Range = { start: source.position(line.start), end: source.position(line.start) };
        report(range, { vi: `Dòng rác: ${whole.vi}`, en: `Noise: ${whole.en}` }, [
          { title: 'Biến thành chú thích // / Turn into a // comment', edits: [{ range: at, newText: '// ' }], safe: false },
        ]);
        continue;
      }
      if (!raw.includes('_')) continue;
      BOOKMARK.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = BOOKMARK.exec(raw))) {
        const range = source.range(line.start + m.index, line.start + m.index + m[0].length);
        report(range, { vi: `Dấu trang của Word: "${m[0]}"`, en: `Word bookmark: "${m[0]}"` }, [
          { title: `Xóa "${m[0]}" / Delete "${m[0]}"`, edits: [{ range, newText: '' }], safe: false },
        ]);
      }
    }
  },
};
