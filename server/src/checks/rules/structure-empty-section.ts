import type { Rule } from '../rule';
import { allSections } from '../../domain/plan-parts';
import { fold } from '../../syntax/inline';

/** Words from which a heading's title is a statement in itself. */
const STATEMENT_WORDS = 8;

/** What a closing says when it asks, assigns or arranges reporting: the work of the section it ends. */
const DIRECTIVE = /\b(?:de nghi|yeu cau|bao cao|phan anh|trien khai thuc hien|to chuc thuc hien)\b/;

/**
 * Whether the closing paragraph is content of the last section: a closing mark
 * at the end of its own text (`… theo quy định./.`), or a "Trên đây là …"
 * that goes on to ask, assign or arrange reporting (a second sentence, or
 * `đề nghị`, `yêu cầu`, `báo cáo` …), as the drafter's last section often
 * holds nothing else. The bare formula "Trên đây là Kế hoạch …./." is not.
 */
function saysMoreThanTheFormula(closing: string): boolean {
  const folded = fold(closing);
  if (!/^tren day\b/.test(folded)) return true;
  return /[.!?;]\s+\p{Lu}/u.test(closing) || DIRECTIVE.test(folded);
}

/** A heading with nothing under it. */
export const structureEmptySection: Rule = {
  id: 'structure-empty-section',
  title: { vi: 'Đề mục trống', en: 'Empty heading' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Một đề mục phải có nội dung: ít nhất một đoạn, một ý, một bảng hoặc một đề mục con. Không điều khoản nào nói thẳng điều này; Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 6 điểm d định nghĩa tiêu đề "là cụm từ chỉ nội dung chính" của phần, mục, nên một tiêu đề không có nội dung dưới nó là phần còn dở của dự thảo (thường gặp khi soạn theo khung rồi quên điền). Câu kết chỉ là lời kết "Trên đây là Kế hoạch …./." không thuộc đề mục nào, nên đề mục cuối chỉ có câu đó vẫn bị báo; nhưng câu kết là nội dung của đề mục cuối khi dấu `./.` đóng chính nội dung của đề mục (`… theo quy định./.`) hoặc khi sau "Trên đây là …" câu kết còn đề nghị, yêu cầu, giao báo cáo (một câu nữa, hoặc `đề nghị`, `yêu cầu`, `báo cáo` …): nhiều kế hoạch viết mục "Chế độ báo cáo" hay "Tổ chức thực hiện" cuối cùng chỉ bằng câu ấy. Đề mục mà tên đã là một câu trọn vẹn (từ 8 chữ trở lên, hoặc kết thúc bằng dấu câu: `3.6. Hội nghị cử Tổ kiểm phiếu từ 05 đến 15 thành viên`) là một bước, một việc, không phải phần bỏ trống, nên không bị báo.',
    en: 'A heading must have content: at least a paragraph, an item, a table or a subheading. No clause says so in words; Decree 30/2020/NĐ-CP, Appendix I, part I, section II, item 6.d defines a heading as "the phrase naming the main content" of its part or section, so a heading with nothing under it is an unfinished part of a draft (common when a draft starts from a skeleton). A closing that is only the formula "Trên đây là Kế hoạch …./." belongs to no section, so a last heading followed only by it is still reported; but the closing is the last section\'s content when the closing mark `./.` ends the section\'s own text (`… theo quy định./.`) or when, after "Trên đây là …", it goes on to ask, assign or arrange reporting (another sentence, or `đề nghị`, `yêu cầu`, `báo cáo` …): many plans write their last "Chế độ báo cáo" or "Tổ chức thực hiện" section with that sentence alone. A heading whose title is a whole statement (8 words or more, or ending with punctuation: `3.6. Hội nghị cử Tổ kiểm phiếu từ 05 đến 15 thành viên`) is a step or a task, not a part left empty, and is not reported.',
  },
  check({ document, report }) {
    const sections = allSections(document.sections);
    const closingHasContent = document.closing && saysMoreThanTheFormula(document.closing.text);
    for (const section of sections) {
      if (section.blocks.length || section.children.length) continue;
      if (closingHasContent && section === sections[sections.length - 1]) continue;
      // A title that is a whole statement (`3.6. Hội nghị cử Tổ kiểm phiếu từ 05 đến 15 thành viên`) is its own content: a step, not a part left empty.
      if (section.title.split(/\s+/).length >= STATEMENT_WORDS || /[.;!?]$/.test(section.title.trim())) continue;
      const title = section.title || section.computedNumber;
      report(section.headingRange, {
        vi: `Đề mục "${title}" chưa có nội dung`,
        en: `Heading "${title}" has no content`,
      });
    }
  },
};
