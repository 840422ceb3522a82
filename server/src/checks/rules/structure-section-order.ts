import type { Rule } from '../rule';
import { isPlanKind, PART_TITLE, partSections, planKind, sectionRoles, type PlanPart } from '../../domain/plan-parts';

/** The parts whose order is checked: the purpose first, then the tasks, then who does what. */
const CORE: readonly PlanPart[] = ['purpose', 'tasks', 'organisation'];

/** Mục đích, yêu cầu → Nhiệm vụ, giải pháp → Tổ chức thực hiện. */
export const structureSectionOrder: Rule = {
  id: 'structure-section-order',
  title: { vi: 'Thứ tự các phần của kế hoạch', en: 'Order of the parts of the plan' },
  defaultSeverity: 'warning',
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
