import { writeNote } from '../syntax/review-notes';
import { PlanAlignment } from './align';
import type { WordComment, WordDocument } from './word-document';

/**
 * The comments of a Word document written into the plan imported from it
 * as reviewers' notes (`//@ …`, docs/syntax.*.md): each closes the block
 * that holds the words it is anchored on, quoting them as the plan spells
 * them; a comment whose words the plan does not hold (on an automatic
 * number, on the Quốc hiệu) goes after its paragraph's block unquoted.
 */

/** `2024-05-01T10:00:00Z` → `1/5/2024`, as plans write dates; anything else as it is. */
function shortDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : iso || undefined;
}

export function withReviewNotes(planText: string, document: WordDocument): string {
  if (!document.comments.length) return planText;
  const alignment = new PlanAlignment(planText, document);
  const lines = planText.split('\n');
  const lineStarts: number[] = [];
  let at = 0;
  for (const line of lines) {
    lineStarts.push(at);
    at += line.length + 1;
  }
  /** The line holding an offset: the last line starting at or before it (a search, as a reviewed file may have hundreds of comments). */
  const lineOf = (offset: number) => {
    let [lo, hi] = [0, lineStarts.length - 1];
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  /** The last line of the block holding `line`: before the next blank line or the header's `---`. */
  const blockEnd = (line: number) => {
    let end = line;
    while (end + 1 < lines.length && lines[end + 1].trim() && !/^\s*-{3,}\s*$/.test(lines[end + 1])) end++;
    return end;
  };
  const notesAfter = new Map<number, string[]>();
  const place = (comment: WordComment) => {
    let anchor: string | undefined;
    let line = lines.length - 1;
    if (comment.start && comment.end) {
      const endPlace = comment.end.paragraph === comment.start.paragraph ? comment.end : { paragraph: comment.start.paragraph, offset: document.paragraphs[comment.start.paragraph].text.length };
      const from = alignment.planOffset(comment.start, 'start');
      const to = alignment.planOffset(endPlace, 'end');
      if (from !== undefined && to !== undefined && from < to && !planText.slice(from, to).includes('\n')) {
        anchor = planText.slice(from, to).trim();
        line = lineOf(from);
      } else {
        const offset = alignment.planOffsetOfParagraph(comment.start.paragraph);
        if (offset !== undefined) line = lineOf(offset);
      }
    }
    const note = writeNote({ author: comment.author, date: shortDate(comment.date), anchor, message: comment.paragraphs.join(' ¶ ') });
    const end = blockEnd(line);
    notesAfter.set(end, [...(notesAfter.get(end) ?? []), note]);
  };
  for (const comment of document.comments) place(comment);
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    for (const note of notesAfter.get(i) ?? []) out.push(note);
  });
  return out.join('\n');
}
