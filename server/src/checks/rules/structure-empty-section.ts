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
