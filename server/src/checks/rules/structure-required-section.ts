import type { Range, Section } from '../../model';
import type { Rule } from '../rule';
import { effectiveSystem } from '../../domain/issuers';
import { isPlanKind, mentionsFunding, PART_ORDER, PART_TITLE, partSections, planKind, REQUIRED_PARTS, sectionRoles, type PlanPart } from '../../domain/plan-parts';

/** The usual parts of a plan, as far as its kind asks for them: Mục đích, yêu cầu; Nhiệm vụ, giải pháp; Tổ chức thực hiện; and where a state plan's money comes from. */
export const structureRequiredSection: Rule = {
  id: 'structure-required-section',
  title: { vi: 'Thiếu phần bắt buộc của kế hoạch', en: 'Missing part of the plan' },
  defaultSeverity: 'warning',
  check({ document, report }) {
    if (!isPlanKind(document)) return;
    const kind = planKind(document);
    const top = partSections(document).map((section) => ({ section, roles: sectionRoles(section.title) }));
    const present = new Set(top.flatMap((t) => [...t.roles]));
    // A section on the plan's own subject carries its tasks.
    if (top.some((t) => t.roles.size === 0)) present.add('tasks');
    const missing = REQUIRED_PARTS[kind].filter((p) => !present.has(p));
    const fundingUnsaid = kind === 'skeleton' && effectiveSystem(document) === 'state' && !present.has('funding') && !mentionsFunding(document);
    if (missing.length === 0 && !fundingUnsaid) return;

    const headerRange: Range = document.header.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const list = missing.map((p) => PART_TITLE[p]).join('; ');
    if (document.sections.length === 0) {
      if (!missing.length) return;
      report(headerRange, {
        vi: `Kế hoạch chưa có đề mục nào; cần các phần: ${list}`,
        en: `The plan has no heading yet; it needs these parts: ${list}`,
      });
      return;
    }
    if (missing.length && !top.some((t) => t.roles.size)) {
      report(document.sections[0].headingRange, {
        vi: `Không đề mục cấp 1 nào là phần chuẩn của kế hoạch; cần các phần: ${list}`,
        en: `No level-1 heading is a standard part of a plan; it needs these parts: ${list}`,
      });
      return;
    }
    for (const part of missing) {
      const where = placeOf(part, top);
      if (!where) continue;
      report(where.section.headingRange, {
        vi: `Thiếu phần "${PART_TITLE[part]}" (đặt ${where.before ? 'trước' : 'sau'} mục "${title(where.section)}")`,
        en: `Missing part "${PART_TITLE[part]}" (it goes ${where.before ? 'before' : 'after'} "${title(where.section)}")`,
      });
    }
    if (fundingUnsaid) {
      const where = placeOf('funding', top) ?? { section: top[top.length - 1].section, before: false };
      report(
        where.section.headingRange,
        {
          vi: `Kế hoạch của cơ quan nhà nước chưa nói kinh phí thực hiện từ đâu: không có phần "${PART_TITLE.funding}" (đặt ${where.before ? 'trước' : 'sau'} mục "${title(where.section)}") và không chỗ nào nhắc đến kinh phí, ngân sách`,
          en: `The state plan does not say where its money comes from: no "${PART_TITLE.funding}" part (it goes ${where.before ? 'before' : 'after'} "${title(where.section)}") and no mention of funding or budget`,
        },
        undefined,
        { severity: 'information' },
      );
    }
  },
};

const title = (s: Section) => s.title.toLocaleUpperCase('vi');

/** Where a missing part goes: before the first part that comes after it, else after the last that comes before it. */
function placeOf(part: PlanPart, top: { section: Section; roles: Set<PlanPart> }[]): { section: Section; before: boolean } | undefined {
  const rank = (p: PlanPart) => PART_ORDER.indexOf(p);
  const next = top.find((t) => [...t.roles].some((r) => rank(r) > rank(part)));
  if (next) return { section: next.section, before: true };
  const previous = [...top].reverse().find((t) => [...t.roles].some((r) => rank(r) < rank(part)));
  return previous && { section: previous.section, before: false };
}
