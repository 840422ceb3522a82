import type { Range, Section } from '../../model';
import type { Rule } from '../rule';
import { allSections, classifyTitle, effectiveSystem, isPlanKind, opensOnFunding, PART_ORDER, PART_TITLE, type PlanPart } from '../structure-text';

/** The usual parts of a plan: Mục đích, yêu cầu; Nhiệm vụ, giải pháp; (Kinh phí, state plans); Tổ chức thực hiện. */
export const structureRequiredSection: Rule = {
  id: 'structure-required-section',
  title: { vi: 'Thiếu phần bắt buộc của kế hoạch', en: 'Missing part of the plan' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Một kế hoạch (chương trình) thực hiện văn bản cấp trên có các đề mục cấp 1: MỤC ĐÍCH, YÊU CẦU; NHIỆM VỤ, GIẢI PHÁP (cũng viết NHIỆM VỤ VÀ GIẢI PHÁP, NHIỆM VỤ TRỌNG TÂM, NỘI DUNG …); KINH PHÍ THỰC HIỆN (riêng kế hoạch của cơ quan nhà nước); TỔ CHỨC THỰC HIỆN. Không văn bản quy phạm nào quy định tên các đề mục này: Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 6 điểm c chỉ nói nội dung "được phân chia thành các phần, mục từ lớn đến nhỏ theo một trình tự nhất định"; bộ khung là thói quen thấy ở mọi kế hoạch thật đã đọc (docs/format-rules.vi.md §8; Kinh phí có ở kế hoạch của Ủy ban nhân dân, thường không có ở kế hoạch của Đảng và đoàn thể, nên chỉ đòi với hệ nhà nước). Tên đề mục được so không phân biệt hoa thường, dấu và các biến thể nhỏ về chữ; mục Kinh phí cũng được coi là có khi là đề mục cấp dưới hoặc một đoạn mở đầu bằng "Kinh phí …". Quy tắc chỉ xét khi "Loại:" để trống hoặc là Kế hoạch, Chương trình. Mỗi phần thiếu được báo một lần, tại chỗ lẽ ra phải có nó (trước hoặc sau đề mục chuẩn kề bên), hoặc tại phần đầu văn bản khi chưa có đề mục nào.',
    en: 'A plan (programme) implementing a higher document has these level-1 headings: MỤC ĐÍCH, YÊU CẦU (purpose, requirements); NHIỆM VỤ, GIẢI PHÁP (tasks and measures; also NHIỆM VỤ VÀ GIẢI PHÁP, NHIỆM VỤ TRỌNG TÂM, NỘI DUNG …); KINH PHÍ THỰC HIỆN (funding; state plans only); TỔ CHỨC THỰC HIỆN (organisation). No regulation names these headings: Decree 30/2020/NĐ-CP, Appendix I, part I, section II, item 6.c only says the content is "divided into parts and sections from large to small in a set order"; the skeleton is a convention every real plan read so far follows (docs/format-rules.en.md §8; funding appears in People\'s Committee plans and usually not in party or mass-organisation plans, so it is required of state plans only). Titles are matched without regard to case, diacritics and small wording variants; funding also counts when it is a lower heading or a paragraph opening with "Kinh phí …". Applies when "Loại:" is empty or a Kế hoạch or Chương trình. Each missing part is reported once, where it should go (before or after the neighbouring standard heading), or at the header when there is no heading at all.',
  },
  check({ document, report }) {
    if (!isPlanKind(document)) return;
    const required: PlanPart[] = ['purpose', 'tasks', ...(effectiveSystem(document) === 'state' ? (['funding'] as PlanPart[]) : []), 'organisation'];
    const top = document.sections.map((s) => ({ section: s, part: classifyTitle(s.title) }));
    const present = new Set(top.map((t) => t.part).filter((p): p is PlanPart => !!p));
    if (!present.has('funding')) {
      const sections = allSections(document.sections);
      const blocks = sections.flatMap((s) => s.blocks);
      if (sections.some((s) => opensOnFunding(s.title)) || blocks.some((b) => b.kind !== 'table' && opensOnFunding(b.text))) present.add('funding');
    }
    const missing = required.filter((p) => !present.has(p));
    if (missing.length === 0) return;

    const headerRange: Range = document.header.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const list = missing.map((p) => PART_TITLE[p]).join('; ');
    if (document.sections.length === 0) {
      report(headerRange, {
        vi: `Kế hoạch chưa có đề mục nào; cần các phần: ${list}`,
        en: `The plan has no heading yet; it needs these parts: ${list}`,
      });
      return;
    }
    if (!top.some((t) => t.part)) {
      report(document.sections[0].headingRange, {
        vi: `Không đề mục cấp 1 nào là phần chuẩn của kế hoạch; cần các phần: ${list}`,
        en: `No level-1 heading is a standard part of a plan; it needs these parts: ${list}`,
      });
      return;
    }
    const rank = (p: PlanPart) => PART_ORDER.indexOf(p);
    for (const part of missing) {
      const name = PART_TITLE[part];
      const next = top.find((t) => t.part && rank(t.part) > rank(part));
      const previous = [...top].reverse().find((t) => t.part && rank(t.part) < rank(part));
      const where = (s: Section) => s.title.toLocaleUpperCase('vi');
      if (next) {
        report(next.section.headingRange, {
          vi: `Thiếu phần "${name}" (đặt trước mục "${where(next.section)}")`,
          en: `Missing part "${name}" (it goes before "${where(next.section)}")`,
        });
      } else if (previous) {
        report(previous.section.headingRange, {
          vi: `Thiếu phần "${name}" (đặt sau mục "${where(previous.section)}")`,
          en: `Missing part "${name}" (it goes after "${where(previous.section)}")`,
        });
      }
    }
  },
};
