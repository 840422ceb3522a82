import type { Rule } from '../rule';
import { textLines } from '../text-lines';

/** Two or more spaces (or tabs, no-break spaces) between two visible characters. */
const RUN = /[ \t\u00A0]{2,}/g;

export const textDoubleSpace: Rule = {
  id: 'text-double-space',
  title: { vi: 'Dấu cách thừa', en: 'Double space' },
  defaultSeverity: 'information',
  doc: {
    vi: 'Hai dấu cách trở lên giữa hai chữ trong cùng một dòng (`tổ chức  thực hiện`): văn bản hành chính chỉ dùng một dấu cách giữa các từ, kể cả sau dấu câu. Không xét phần thụt đầu dòng, khoảng trắng cuối dòng, dấu cách sau ký hiệu đề mục, gạch đầu dòng hay nhãn phần đầu, và khoảng trắng canh cột quanh dấu `|` của bảng. Căn cứ: quy ước chính tả và trình bày (Nghị định 30/2020/NĐ-CP, Phụ lục I: văn bản trình bày thống nhất). Sửa nhanh: thay bằng một dấu cách (an toàn).',
    en: 'Two or more spaces between two words of a line (`tổ chức  thực hiện`): official text uses one space between words, after punctuation too. Indentation, trailing space, the space after a heading mark, an item marker or a header label, and the alignment around a table\'s `|` are left alone. Source: spelling and layout convention (Decree 30/2020/NĐ-CP, Appendix I: uniform presentation). Fix: one space (safe).',
  },
  check({ document, source, report }) {
    const text = source.text;
    for (const line of textLines(document, source)) {
      if (line.contentStart >= line.end) continue;
      const content = text.slice(line.contentStart, line.end);
      const trimmed = content.trimEnd().length;
      RUN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = RUN.exec(content))) {
        const start = m.index;
        const end = start + m[0].length;
        if (start === 0 || end >= trimmed) continue;
        if (line.kind === 'table' && (content[start - 1] === '|' || content[end] === '|')) continue;
        const range = source.range(line.contentStart + start, line.contentStart + end);
        report(range, { vi: `${m[0].length} dấu cách liền nhau`, en: `${m[0].length} spaces in a row` }, [
          { title: 'Thay bằng một dấu cách / Replace with one space', edits: [{ range, newText: ' ' }], safe: true },
        ]);
      }
    }
  },
};
