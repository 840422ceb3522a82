import type { Rule } from '../rule';
import { foldTitle } from '../../domain/plan-parts';
import { RawSpan } from '../structure-text';

/** Tên loại of plans, spelled as they should be. */
const PLAN_KINDS = ['Kế hoạch', 'Chương trình', 'Chương trình hành động', 'Chương trình công tác', 'Đề án', 'Phương án'];

/**
 * Other tên loại: administrative documents (Nghị định 30/2020/NĐ-CP, Điều 7)
 * and party documents (Hướng dẫn 36-HD/VPTW). Known, but not plans.
 */
const OTHER_KINDS = [
  'Nghị quyết',
  'Quyết định',
  'Chỉ thị',
  'Quy chế',
  'Quy định',
  'Thông cáo',
  'Thông báo',
  'Hướng dẫn',
  'Dự án',
  'Báo cáo',
  'Biên bản',
  'Tờ trình',
  'Hợp đồng',
  'Công văn',
  'Công điện',
  'Bản ghi nhớ',
  'Bản thỏa thuận',
  'Giấy ủy quyền',
  'Giấy mời',
  'Giấy giới thiệu',
  'Giấy nghỉ phép',
  'Phiếu gửi',
  'Phiếu chuyển',
  'Phiếu báo',
  'Thư công',
  'Kết luận',
  'Thông tri',
  'Tuyên bố',
  'Lời kêu gọi',
  'Quy hoạch',
];

/** The diacritics of a word, in any order: `hoá` and `hóa` have the same (tone placement is a matter of style). */
function sameMarks(a: string, b: string): boolean {
  const marks = (s: string) => [...s.normalize('NFD').replace(/[^\u0300-\u036f\u0111]/g, '')].sort().join('');
  return marks(a) === marks(b);
}

/** `Loại:` names a known tên loại, spelled with its diacritics; a plan checker expects a plan. */
export const headerKind: Rule = {
  id: 'header-kind',
  title: { vi: 'Tên loại văn bản', en: 'Kind of document' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const field = document.header.kind;
    if (!field?.value) return;
    const span = new RawSpan(source, field.valueRange);
    const lead = span.text.length - span.text.trimStart().length;
    const typed = span.text.trim().replace(/\s+/g, ' ');
    const range = span.rangeOf(lead, span.trimmedEnd);
    const key = foldTitle(typed);
    const lower = typed.toLocaleLowerCase('vi');
    const plan = PLAN_KINDS.find((k) => foldTitle(k) === key);
    const other = OTHER_KINDS.find((k) => foldTitle(k) === key);
    const known = plan ?? other;
    if (known && lower !== known.toLocaleLowerCase('vi') && !sameMarks(lower, known.toLocaleLowerCase('vi')) && /^[\p{L} ]+$/u.test(typed)) {
      // Same letters, other diacritics: keep the case the drafter chose.
      const spelled = typed === typed.toLocaleUpperCase('vi') ? known.toLocaleUpperCase('vi') : known;
      report(range, { vi: `Tên loại viết đúng dấu là "${known}"`, en: `The kind is spelled "${known}"` }, [
        { title: `Viết ${spelled} / Write ${spelled}`, edits: [{ range, newText: spelled }], safe: true },
      ]);
      return;
    }
    if (plan) return;
    if (other) {
      report(range, { vi: `"${typed}" không phải kế hoạch; các kiểm tra bố cục kế hoạch có thể không áp dụng`, en: `"${typed}" is not a plan; the plan structure checks may not apply` }, undefined, {
        severity: 'information',
      });
      return;
    }
    report(range, {
      vi: `"${typed}" không phải tên loại văn bản (viết: Kế hoạch, Chương trình, Chương trình hành động …; nội dung kế hoạch ghi ở "Trích yếu:")`,
      en: `"${typed}" is not a kind of document (write: Kế hoạch, Chương trình, Chương trình hành động …; the subject goes in "Trích yếu:")`,
    });
  },
};
