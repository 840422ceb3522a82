import type { Rule } from '../rule';
import { allSections } from '../structure-text';

/** A heading with nothing under it. */
export const structureEmptySection: Rule = {
  id: 'structure-empty-section',
  title: { vi: 'Đề mục trống', en: 'Empty heading' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Một đề mục phải có nội dung: ít nhất một đoạn, một ý, một bảng hoặc một đề mục con. Không điều khoản nào nói thẳng điều này; Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 6 điểm d định nghĩa tiêu đề "là cụm từ chỉ nội dung chính" của phần, mục, nên một tiêu đề không có nội dung dưới nó là phần còn dở của dự thảo (thường gặp khi soạn theo khung rồi quên điền). Câu kết "Trên đây là …" không thuộc đề mục nào, nên đề mục cuối chỉ có câu kết cũng bị báo.',
    en: 'A heading must have content: at least a paragraph, an item, a table or a subheading. No clause says so in words; Decree 30/2020/NĐ-CP, Appendix I, part I, section II, item 6.d defines a heading as "the phrase naming the main content" of its part or section, so a heading with nothing under it is an unfinished part of a draft (common when a draft starts from a skeleton). The closing sentence "Trên đây là …" belongs to no section, so a last heading followed only by it is reported too.',
  },
  check({ document, report }) {
    for (const section of allSections(document.sections)) {
      if (section.blocks.length || section.children.length) continue;
      const title = section.title || section.computedNumber;
      report(section.headingRange, {
        vi: `Đề mục "${title}" chưa có nội dung`,
        en: `Heading "${title}" has no content`,
      });
    }
  },
};
