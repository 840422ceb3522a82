import type { Rule } from '../rule';
import { isPlanKind, PART_TITLE, partSections, planKind, sectionRoles, type PlanPart } from '../../domain/plan-parts';

/** The parts whose order is checked: the purpose first, then the tasks, then who does what. */
const CORE: readonly PlanPart[] = ['purpose', 'tasks', 'organisation'];

/** Mục đích, yêu cầu → Nhiệm vụ, giải pháp → Tổ chức thực hiện. */
export const structureSectionOrder: Rule = {
  id: 'structure-section-order',
  title: { vi: 'Thứ tự các phần của kế hoạch', en: 'Order of the parts of the plan' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Các phần cấp 1 của kế hoạch đi theo thứ tự: mục đích, yêu cầu (cả quan điểm, mục tiêu); nhiệm vụ, giải pháp; tổ chức thực hiện. Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 6 điểm c chỉ đòi nội dung được chia "theo một trình tự nhất định"; thứ tự này là của khung chung các kế hoạch (docs/format-rules.vi.md §8). Mỗi phần được nhận ra theo vai trò như ở `structure-required-section`; một đề mục mang hai vai trò (`PHÂN CÔNG NHIỆM VỤ`: nhiệm vụ và người thực hiện) và các đề mục khác (đánh giá tình hình, kinh phí, chế độ báo cáo …) không được xét: kinh phí đứng trước hay sau tổ chức thực hiện đều gặp. Khi phần lớn đề mục cấp 1 có số, đề mục không số xen giữa không được tính. Quy tắc báo mỗi phần đứng sau một phần lẽ ra phải đứng sau nó; chỉ xét kế hoạch có bộ khung chung (không xét kế hoạch kiểm tra, ngân sách, tuyên truyền, bầu cử, sự kiện, thi đua: xem `structure-required-section`) và khi "Loại:" để trống hoặc là Kế hoạch, Chương trình.',
    en: 'The level-1 parts of a plan come in this order: purpose and requirements (viewpoints and targets included); tasks and measures; organisation. Decree 30/2020/NĐ-CP, Appendix I, part I, section II, item 6.c only asks for content divided "in a set order"; this is the order plans share (docs/format-rules.en.md §8). Parts are recognised by their role as in `structure-required-section`; a heading with two roles (`PHÂN CÔNG NHIỆM VỤ`: the tasks and who does them) and other headings (assessment, funding, reporting …) are ignored: funding is found both before and after the organisation. When most level-1 headings carry a number, an unnumbered one among them does not count. Each part that comes after one it should precede is reported; only plans of the usual skeleton are checked (not inspection, budget, communication, election, event or emulation plans: see `structure-required-section`), and only when "Loại:" is empty or a Kế hoạch or Chương trình.',
  },
  check({ document, report }) {
    if (!isPlanKind(document) || planKind(document) !== 'skeleton') return;
    const order = CORE.map((p) => PART_TITLE[p]).join(' → ');
    let highest: { rank: number; title: string } | undefined;
    for (const section of partSections(document)) {
      const roles = [...sectionRoles(section.title)].filter((r) => CORE.includes(r));
      if (roles.length !== 1) continue;
      const rank = CORE.indexOf(roles[0]);
      const title = section.title.toLocaleUpperCase('vi');
      if (highest && rank < highest.rank) {
        report(section.headingRange, {
          vi: `Mục "${title}" phải đứng trước mục "${highest.title}" (thứ tự thường dùng: ${order})`,
          en: `"${title}" should come before "${highest.title}" (usual order: ${order})`,
        });
      } else if (!highest || rank > highest.rank) {
        highest = { rank, title };
      }
    }
  },
};
