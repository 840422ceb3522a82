import type { Rule } from '../rule';

/** Each reviewer's note, shown where it points, until the drafter resolves it. */
export const reviewNote: Rule = {
  id: 'review-note',
  title: { vi: 'Góp ý của người rà soát', en: 'Reviewer’s note' },
  defaultSeverity: 'information',
  check({ document, report }) {
    for (const note of document.reviewNotes) {
      const who = note.author || '?';
      const when = note.date ? ` (${note.date})` : '';
      const removeLine = { start: { line: note.range.start.line, character: 0 }, end: { line: note.range.start.line + 1, character: 0 } };
      report(note.anchorRange ?? note.range, { vi: `Góp ý của ${who}${when}: ${note.message}`, en: `review note by ${who}` }, [
        { title: 'Đã xử lý góp ý: xóa dòng góp ý / Resolve the note: remove its line', edits: [{ range: removeLine, newText: '' }], safe: false },
      ]);
    }
  },
};
