import type { Rule } from '../rule';
import { classifyTitle, isPlanKind, PART_ORDER, PART_TITLE, type PlanPart } from '../structure-text';

/** The standard parts in their usual order: Mục đích, yêu cầu → (Mục tiêu) → Nhiệm vụ → (Kinh phí) → Tổ chức thực hiện. */
export const structureSectionOrder: Rule = {
  id: 'structure-section-order',
  title: { vi: 'Thứ tự các phần của kế hoạch', en: 'Order of the parts of the plan' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Các đề mục cấp 1 chuẩn của kế hoạch theo thứ tự: MỤC ĐÍCH, YÊU CẦU; MỤC TIÊU (nếu có); NHIỆM VỤ, GIẢI PHÁP; KINH PHÍ THỰC HIỆN (nếu có); TỔ CHỨC THỰC HIỆN. Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 6 điểm c chỉ đòi nội dung được chia "theo một trình tự nhất định"; thứ tự cụ thể là bộ khung chung của kế hoạch thực hiện văn bản cấp trên (docs/format-rules.vi.md §8, thấy ở mọi kế hoạch thật đã đọc). Các đề mục khác (đánh giá tình hình, căn cứ …) không được xét. Quy tắc báo mỗi phần chuẩn đứng sau một phần lẽ ra phải đứng sau nó; chỉ xét khi "Loại:" để trống hoặc là Kế hoạch, Chương trình.',
    en: 'The standard level-1 parts of a plan come in this order: MỤC ĐÍCH, YÊU CẦU; MỤC TIÊU (optional); NHIỆM VỤ, GIẢI PHÁP; KINH PHÍ THỰC HIỆN (optional); TỔ CHỨC THỰC HIỆN. Decree 30/2020/NĐ-CP, Appendix I, part I, section II, item 6.c only asks for content divided "in a set order"; this order is the common skeleton of plans implementing a higher document (docs/format-rules.en.md §8, followed by every real plan read so far). Other headings (assessment, grounds …) are ignored. Each standard part that comes after one it should precede is reported; applies when "Loại:" is empty or a Kế hoạch or Chương trình.',
  },
  check({ document, report }) {
    if (!isPlanKind(document)) return;
    let highest: { part: PlanPart; title: string } | undefined;
    for (const section of document.sections) {
      const part = classifyTitle(section.title);
      if (!part) continue;
      if (highest && PART_ORDER.indexOf(part) < PART_ORDER.indexOf(highest.part)) {
        const title = section.title.toLocaleUpperCase('vi');
        report(section.headingRange, {
          vi: `Mục "${title}" phải đứng trước mục "${highest.title}" (thứ tự thường dùng: ${PART_ORDER.map((p) => PART_TITLE[p]).join(' → ')})`,
          en: `"${title}" should come before "${highest.title}" (usual order: ${PART_ORDER.map((p) => PART_TITLE[p]).join(' → ')})`,
        });
      } else if (!highest || PART_ORDER.indexOf(part) > PART_ORDER.indexOf(highest.part)) {
        highest = { part, title: section.title.toLocaleUpperCase('vi') };
      }
    }
  },
};
