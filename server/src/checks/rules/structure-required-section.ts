import type { Range, Section } from '../../model';
import type { Rule } from '../rule';
import { effectiveSystem } from '../../domain/issuers';
import { isPlanKind, mentionsFunding, PART_ORDER, PART_TITLE, partSections, planKind, REQUIRED_PARTS, sectionRoles, type PlanPart } from '../../domain/plan-parts';

/** The usual parts of a plan, as far as its kind asks for them: Mục đích, yêu cầu; Nhiệm vụ, giải pháp; Tổ chức thực hiện; and where a state plan's money comes from. */
export const structureRequiredSection: Rule = {
  id: 'structure-required-section',
  title: { vi: 'Thiếu phần bắt buộc của kế hoạch', en: 'Missing part of the plan' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Một kế hoạch (chương trình) thực hiện văn bản cấp trên hoặc phát triển một lĩnh vực có các phần cấp 1: mục đích, yêu cầu; nhiệm vụ, giải pháp; tổ chức thực hiện; với kế hoạch của cơ quan nhà nước, kinh phí thực hiện. Không văn bản quy phạm nào quy định tên các phần này: Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 6 điểm c chỉ nói nội dung "được phân chia thành các phần, mục từ lớn đến nhỏ theo một trình tự nhất định"; bộ khung là khung chung của các kế hoạch loại này (docs/format-rules.vi.md §8). Mỗi phần được nhận ra theo vai trò, từ các chữ trong tên đề mục chứ không từ một tên cố định: mục đích khi tên có "mục đích", "yêu cầu", "quan điểm" hoặc mở đầu bằng "mục tiêu"; nhiệm vụ khi có "nhiệm vụ", "giải pháp", "nội dung", "hoạt động", "lộ trình", "biện pháp", "phân công" (`PHÂN CÔNG NHIỆM VỤ`, `NỘI DUNG, NHIỆM VỤ`, `CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU`, `CHỦ ĐỀ, NỘI DUNG CÁC HOẠT ĐỘNG`), và một phần về chính nội dung của kế hoạch (`PHÁT TRIỂN HẠ TẦNG SỐ`) cũng mang nhiệm vụ; tổ chức thực hiện khi có "tổ chức thực hiện", "tổ chức triển khai", "trách nhiệm", "phân công". Khi phần lớn đề mục cấp 1 có số (`II.`), đề mục không số xen giữa không được tính. Các loại kế hoạch khác có bố cục riêng nên chỉ cần phần mục đích, yêu cầu: kế hoạch kiểm tra, giám sát; kế hoạch tài chính - ngân sách, dự toán (không đòi phần nào); kế hoạch tuyên truyền, truyền thông; kế hoạch về bầu cử, hiệp thương; kế hoạch tổ chức sự kiện (lễ, hội nghị, festival, hội thi); kế hoạch thi đua. Loại được đọc từ trích yếu, nếu không thì từ tên các phần (`THÀNH PHẦN ĐOÀN KIỂM TRA`, `CƠ QUAN CHỈ ĐẠO`, `BAN TỔ CHỨC`, `DỰ TOÁN`, `THI ĐUA` …). Kinh phí không bắt buộc thành một phần riêng: chỉ khi kế hoạch nhà nước có bộ khung chung mà không phần nào, đoạn nào nhắc đến kinh phí, ngân sách, nguồn vốn thì được nhắc ở mức thông tin. Quy tắc chỉ xét khi "Loại:" để trống hoặc là Kế hoạch, Chương trình. Mỗi phần thiếu được báo một lần, tại chỗ lẽ ra phải có nó (trước hoặc sau phần kề bên), hoặc tại phần đầu văn bản khi chưa có đề mục nào.',
    en: 'A plan (programme) that implements a higher document or develops a field has these level-1 parts: purpose and requirements; tasks and measures; organisation; for a state body, funding. No regulation names these parts: Decree 30/2020/NĐ-CP, Appendix I, part I, section II, item 6.c only says the content is "divided into parts and sections from large to small in a set order"; the skeleton is the one such plans share (docs/format-rules.en.md §8). Each part is recognised by its role, from words anywhere in the heading rather than one fixed title: purpose when the title has "mục đích", "yêu cầu", "quan điểm" or opens with "mục tiêu"; tasks when it has "nhiệm vụ", "giải pháp", "nội dung", "hoạt động", "lộ trình", "biện pháp", "phân công" (`PHÂN CÔNG NHIỆM VỤ`, `NỘI DUNG, NHIỆM VỤ`, `CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU`, `CHỦ ĐỀ, NỘI DUNG CÁC HOẠT ĐỘNG`), and a section on the plan\'s own subject (`PHÁT TRIỂN HẠ TẦNG SỐ`) carries tasks too; organisation when it has "tổ chức thực hiện", "tổ chức triển khai", "trách nhiệm", "phân công". When most level-1 headings carry a number (`II.`), an unnumbered one among them does not count. Other kinds of plan have layouts of their own and need only their purpose: inspection and supervision plans; budget plans and estimates (nothing required); communication plans; plans about an election; event plans (a ceremony, a conference, a festival, a contest); emulation drives. The kind is read from the trích yếu, else from the titles of the parts (`THÀNH PHẦN ĐOÀN KIỂM TRA`, `CƠ QUAN CHỈ ĐẠO`, `BAN TỔ CHỨC`, `DỰ TOÁN`, `THI ĐUA` …). Funding need not be a part of its own: only a state plan of the usual skeleton that mentions no funding, budget or capital anywhere gets a note, as information. Applies when "Loại:" is empty or a Kế hoạch or Chương trình. Each missing part is reported once, where it should go (before or after the neighbouring part), or at the header when there is no heading at all.',
  },
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
