import type { Rule } from '../rule';
import { effectiveSystem } from '../../domain/issuers';
import { lastBodyBlock } from '../../domain/plan-parts';
import { PARTY_NOTE, RawSpan } from '../structure-text';

/**
 * A mark that tries to be `./.` and is not, at the end of the text: `./-`,
 * `/.`, `./`, `.\.`, `. /.` (what `/\.?[ \t]*[/\\][ \t]*[.\-]?$/` matches).
 * Read back from the last slash: the pattern's search is quadratic on a long
 * run of spaces.
 */
function malformedMark(text: string): string | undefined {
  const slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
  if (slash < 0 || !/^[ \t]*[.-]?$/.test(text.slice(slash + 1))) return undefined;
  let start = slash;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && text[start - 1] === '.') start--;
  return text.slice(start);
}

/** The body of a state (or mass-organisation) document ends with `./.`. */
export const closingMark: Rule = {
  id: 'closing-mark',
  title: { vi: 'Dấu kết thúc văn bản', en: 'Closing mark' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Nội dung văn bản hành chính kết thúc bằng dấu "./." ngay sau chữ cuối cùng: Nghị định 30/2020/NĐ-CP, Phụ lục III, mục II, Mẫu 1.4 "Văn bản có tên loại" (mẫu áp dụng cho chương trình, kế hoạch, phương án, đề án …; phần nội dung của mẫu kết thúc bằng "./."), cũng như các mẫu khác của Phụ lục III; lời văn của Phụ lục I không nêu riêng dấu này (docs/format-rules.vi.md §3). Quy tắc xét câu kết ("Trên đây là …") hoặc, khi không có câu kết, đoạn cuối của phần nội dung. Dấu viết sai ("./-", "/.", "./", ". /.") được báo và sửa thành "./." (an toàn); với văn bản nhà nước và đoàn thể (đoàn thể theo thể thức nhà nước trong thực tế), dấu thiếu cũng được báo và sửa bằng cách thêm "./." (an toàn). Hướng dẫn 36-HD/VPTW không đòi dấu này ở văn bản của Đảng (kế hoạch 184-KH/TU của Tỉnh ủy Lai Châu kết thúc bằng dấu chấm), nên với Đảng chỉ báo dấu viết sai. ' + PARTY_NOTE.vi,
    en: 'The body of an administrative document ends with "./." right after its last word: Decree 30/2020/NĐ-CP, Appendix III, section II, Model 1.4 "document with a kind name" (the model for programmes, plans, schemes …; its body ends with "./."), like the other models of Appendix III; the wording of Appendix I does not state the mark itself (docs/format-rules.en.md §3). The rule reads the closing sentence ("Trên đây là …") or, without one, the last paragraph of the body. A malformed mark ("./-", "/.", "./", ". /.") is reported and fixed to "./." (safe); for state and mass-organisation documents (which follow the state layout in practice) a missing mark is reported too and fixed by adding "./." (safe). Guidance 36-HD/VPTW does not ask for the mark in party documents (the Lai Châu Provincial Committee\'s plan 184-KH/TU ends with a full stop), so for the party only a malformed mark is reported. ' + PARTY_NOTE.en,
  },
  check({ document, source, report }) {
    const block = document.closing ?? lastBodyBlock(document);
    if (!block || block.kind === 'table') return;
    const span = new RawSpan(source, block.range);
    // Inline marks closing a bold or italic closing sentence (`*…./.*`) stand after the mark.
    let end = span.trimmedEnd;
    while (end > 0 && span.text[end - 1] === '*') end--;
    const text = span.text.slice(0, end).trimEnd();
    if (!text || text.endsWith('./.')) return;
    const fix = (start: number, end: number, newText: string) => [
      { title: 'Viết dấu kết thúc ./. / Write the closing mark ./.', edits: [{ range: span.rangeOf(start, end), newText }], safe: true },
    ];
    const bad = malformedMark(text);
    if (bad) {
      const start = text.length - bad.length;
      report(span.rangeOf(start, text.length), { vi: `Dấu kết thúc "${bad}" viết sai; viết "./."`, en: `Closing mark "${bad}" is malformed; write "./."` }, fix(start, text.length, './.'));
      return;
    }
    if (effectiveSystem(document) === 'party') return;
    const last = text.length - 1;
    if (/[.;,:]/.test(text[last])) {
      report(span.rangeOf(last, text.length), { vi: 'Nội dung văn bản chưa có dấu kết thúc "./."', en: 'The body lacks the closing mark "./."' }, fix(last, text.length, './.'));
    } else {
      // The last character may be a letter with its marks: point at the whole cluster.
      const from = Math.max(0, text.length - [...text].slice(-1)[0].length);
      report(span.rangeOf(from, text.length), { vi: 'Nội dung văn bản chưa có dấu kết thúc "./."', en: 'The body lacks the closing mark "./."' }, fix(text.length, text.length, './.'));
    }
  },
};
