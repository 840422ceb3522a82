import type { Rule } from '../rule';

/** Each reviewer's note, shown where it points, until the drafter resolves it. */
export const reviewNote: Rule = {
  id: 'review-note',
  title: { vi: 'Góp ý của người rà soát', en: 'Reviewer’s note' },
  defaultSeverity: 'information',
  doc: {
    vi: 'Ý kiến góp ý (Nghị định 30/2020/NĐ-CP, Điều 10: dự thảo và ý kiến góp ý được lưu cùng hồ sơ) đưa vào kế hoạch bằng dòng `//@ Người góp ý (ngày) “chữ được góp ý”: nội dung`, như `kehoach import` viết lại các nhận xét của tệp Word. Mỗi góp ý hiện ở đúng chữ nó nói tới, kèm tên người góp ý; thao tác nhanh "Đã xử lý góp ý" xóa dòng góp ý.',
    en: 'Reviewers’ opinions (Decree 30/2020/NĐ-CP, Article 10: drafts and opinions are kept with the file) enter the plan as lines `//@ Reviewer (date) “words”: note`, as `kehoach import` writes back the comments of a Word file. Each note is shown on the words it is about, with its author; the quick fix "Resolve the note" removes its line.',
  },
  check({ document, report }) {
    for (const note of document.reviewNotes) {
      const who = note.author || '?';
      const when = note.date ? ` (${note.date})` : '';
      const removeLine = { start: { line: note.range.start.line, character: 0 }, end: { line: note.range.start.line + 1, character: 0 } };
      report(
        note.anchorRange ?? note.range,
        { vi: `Góp ý của ${who}${when}: ${note.message}`, en: `review note by ${who}` },
        [{ title: 'Đã xử lý góp ý: xóa dòng góp ý / Resolve the note: remove its line', edits: [{ range: removeLine, newText: '' }], safe: false }],
      );
    }
  },
};
