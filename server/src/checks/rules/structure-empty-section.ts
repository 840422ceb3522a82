import type { Rule } from '../rule';
import { allSections, foldTitle } from '../../domain/plan-parts';

/** Words from which a heading's title is a statement in itself. */
const STATEMENT_WORDS = 8;

/** A heading with nothing under it. */
export const structureEmptySection: Rule = {
  id: 'structure-empty-section',
  title: { vi: 'Đề mục trống', en: 'Empty heading' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Một đề mục phải có nội dung: ít nhất một đoạn, một ý, một bảng hoặc một đề mục con. Không điều khoản nào nói thẳng điều này; Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 6 điểm d định nghĩa tiêu đề "là cụm từ chỉ nội dung chính" của phần, mục, nên một tiêu đề không có nội dung dưới nó là phần còn dở của dự thảo (thường gặp khi soạn theo khung rồi quên điền). Câu kết "Trên đây là …" không thuộc đề mục nào, nên đề mục cuối chỉ có câu kết cũng bị báo; nhưng khi dấu kết thúc `./.` đóng chính nội dung của đề mục cuối (`… theo quy định./.`), đề mục đó có nội dung. Đề mục mà tên đã là một câu trọn vẹn (từ 8 chữ trở lên, hoặc kết thúc bằng dấu câu: `3.6. Hội nghị cử Tổ kiểm phiếu từ 05 đến 15 thành viên`) là một bước, một việc, không phải phần bỏ trống, nên không bị báo.',
    en: 'A heading must have content: at least a paragraph, an item, a table or a subheading. No clause says so in words; Decree 30/2020/NĐ-CP, Appendix I, part I, section II, item 6.d defines a heading as "the phrase naming the main content" of its part or section, so a heading with nothing under it is an unfinished part of a draft (common when a draft starts from a skeleton). The closing sentence "Trên đây là …" belongs to no section, so a last heading followed only by it is reported too; but when the closing mark `./.` ends the last section\'s own text (`… theo quy định./.`), that section has content. A heading whose title is a whole statement (8 words or more, or ending with punctuation: `3.6. Hội nghị cử Tổ kiểm phiếu từ 05 đến 15 thành viên`) is a step or a task, not a part left empty, and is not reported.',
  },
  check({ document, report }) {
    const sections = allSections(document.sections);
    // A closing mark at the end of the last section's own text (`… theo quy định./.`) closes content, not a formula.
    const closingHasContent = document.closing && !/^tren day\b/.test(foldTitle(document.closing.text));
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
