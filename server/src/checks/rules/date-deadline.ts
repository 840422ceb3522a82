import { makeDate, numericDate } from '../../syntax/dates';
import type { Rule } from '../rule';
import { textLines } from '../text-lines';

/** A deadline and its date: `trước ngày 15/11/2025`, `chậm nhất ngày 05 tháng 12 năm 2025`. */
const DEADLINE =
  /(?<![\p{L}\p{M}])(trước|chậm[ \t]+nhất(?:[ \t]+là)?|hạn[ \t]+chót(?:[ \t]+là)?|không[ \t]+quá)[ \t]+(?:ngày[ \t]+)?(\d{1,2})(?:[ \t]*[/.-][ \t]*(\d{1,2})[ \t]*[/.-][ \t]*|[ \t]+tháng[ \t]+(\d{1,2})[ \t]+năm[ \t]+)(\d{4})(?!\d)/giu;

const YEAR = /\d{4}/;

/** Words of a clause that sets a time limit: completing, a term, sending, handing in, submitting, reporting. */
const LIMIT_WORDS = /(?<![\p{L}\p{M}])(?:hoàn[ \t]+thành|thời[ \t]+hạn|thời[ \t]+gian|báo[ \t]+cáo|gửi|nộp|trình|ban[ \t]+hành|xong|kết[ \t]+thúc)(?![\p{L}\p{M}])/iu;
/** `đã hoàn thành trước ngày …` reports a fact, not a task. */
const DONE = /(?<![\p{L}\p{M}])đã(?![\p{L}\p{M}])/iu;

/** How far back a deadline's clause is read: a word of a limit stands near it, and a long line is not read again for each deadline on it. */
const CLAUSE_REACH = 200;

/**
 * True when the clause before a deadline (since the last `.`, `;` or `|`)
 * sets a time limit: it holds nothing else (`| Trước ngày 15/11/2025 |`) or
 * a word of a limit (`Thời gian hoàn thành: Trước ngày …`), and no `đã`.
 * `nghỉ hưu trước 01/7/2025` describes people, not a task.
 */
function setsLimit(line: string, deadline: number): boolean {
  const before = line.slice(Math.max(0, deadline - CLAUSE_REACH), deadline);
  const clause = before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('|')) + 1);
  return !DONE.test(clause) && (/^[\s*_+-]*$/u.test(clause) || LIMIT_WORDS.test(clause));
}

/**
 * A deadline set before the plan's own date (`Thời gian hoàn thành: Trước
 * ngày 15/11/2025` in a plan of 21/11/2025): a task the plan gives cannot be
 * due before the plan is issued, so the date is a slip or left from a draft
 * or from the document it follows. What the plan reports as done (`đã …
 * trước ngày`) is left alone, and so is a plan without a date of its own.
 */
export const dateDeadline: Rule = {
  id: 'date-deadline',
  title: { vi: 'Thời hạn trước ngày ban hành Kế hoạch', en: 'A deadline before the plan is issued' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const planDate = document.header.planDate;
    if (!planDate) return;
    const text = source.text;
    for (const line of textLines(document, source)) {
      if (line.kind === 'header' || line.contentStart >= line.end) continue;
      const content = text.slice(line.contentStart, line.end);
      // Most lines hold no year: the deadline's pattern, tried at every word, is not run over them.
      if (!YEAR.test(content)) continue;
      for (const m of content.matchAll(DEADLINE)) {
        const [typed, , day, month, writtenMonth, year] = m;
        const due = makeDate(Number(day), Number(month ?? writtenMonth), Number(year));
        if (!due || due.iso >= planDate.iso || !setsLimit(content, m.index!)) continue;
        report(source.range(line.contentStart + m.index!, line.contentStart + m.index! + typed.length), {
          vi: `Thời hạn ${numericDate(due)} đã qua trước ngày ban hành Kế hoạch (${numericDate(planDate)})`,
          en: `The deadline ${numericDate(due)} is over before the plan is issued (${numericDate(planDate)})`,
        });
      }
    }
  },
};
