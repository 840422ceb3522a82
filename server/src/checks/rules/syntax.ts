import type { Rule } from '../rule';

/**
 * The parser's own findings. They are produced while parsing (`parsePlan`),
 * not by `check`; this entry gives them an id, a severity and a doc.
 */
export const syntax: Rule = {
  id: 'syntax',
  title: { vi: 'Cú pháp của tệp .kh', en: 'Syntax of the .kh file' },
  defaultSeverity: 'error',
  doc: {
    vi: 'Những chỗ tệp không theo cú pháp (docs/syntax.vi.md): phần đầu không đóng bằng `---`, nhãn trùng hoặc không biết, ngày không hợp lệ, đề mục không có tên hoặc sâu quá 4 cấp, dấu `*`/`**` mở mà không đóng, khối `Nơi nhận:` hoặc `Ký:` rỗng, bảng có số ô không đều. Trình phân tích không bao giờ dừng: văn bản vẫn có dàn ý, trích dẫn và bản xem trước.',
    en: 'Places where the file does not follow the syntax (docs/syntax.en.md): a header not closed by `---`, a repeated or unknown label, an invalid date, a heading without a title or deeper than four levels, an unclosed `*`/`**`, an empty `Nơi nhận:` or `Ký:` block, a table with uneven rows. The parser never stops: the plan keeps its outline, citations and preview.',
  },
  check() {
    // Reported by the parser.
  },
};
