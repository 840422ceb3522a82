import type { Block, PlanDocument, Section } from '../model';
import { fold } from '../syntax/inline';

/**
 * The standard parts of a plan and the kinds of plan, as the structure rules,
 * the import, the cascade and completion read them from titles: which part a
 * heading names, which parts a kind of plan must have, and walks of the
 * section tree.
 */

/** The standard parts of a plan (docs/format-rules.en.md §8), in their usual order. */
export type PlanPart = 'purpose' | 'targets' | 'tasks' | 'funding' | 'organisation';

export const PART_ORDER: readonly PlanPart[] = ['purpose', 'targets', 'tasks', 'funding', 'organisation'];

/** How each part is usually titled, to name it in messages. */
export const PART_TITLE: Record<PlanPart, string> = {
  purpose: 'MỤC ĐÍCH, YÊU CẦU',
  targets: 'MỤC TIÊU',
  tasks: 'NHIỆM VỤ, GIẢI PHÁP',
  funding: 'KINH PHÍ THỰC HIỆN',
  organisation: 'TỔ CHỨC THỰC HIỆN',
};

/** Folds and squeezes a title for matching: `II. Nhiệm vụ  và giải pháp:` → `nhiem vu va giai phap`. */
export function foldTitle(title: string): string {
  return fold(title)
    .replace(/[*_:.;,\-–—()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const FUNDING = /^(?:kinh phi|nguon kinh phi|du toan kinh phi)\b/;

/**
 * The standard part a heading title names, ignoring case, diacritics and small
 * wording variants (`MỤC ĐÍCH, YÊU CẦU`, `MỤC ĐÍCH VÀ YÊU CẦU`, `NHIỆM VỤ VÀ
 * GIẢI PHÁP`, `NHIỆM VỤ TRỌNG TÂM`, `NỘI DUNG`, `KINH PHÍ`, `TỔ CHỨC THỰC HIỆN`).
 */
export function classifyTitle(title: string): PlanPart | undefined {
  const t = foldTitle(title);
  if (/\bmuc dich\b/.test(t) || /^yeu cau\b/.test(t) || /^muc tieu (?:va )?yeu cau\b/.test(t)) return 'purpose';
  if (/^(?:to chuc (?:thuc hien|trien khai)|trach nhiem (?:thuc hien|cua)|phan cong (?:nhiem vu|trach nhiem|thuc hien))\b/.test(t)) return 'organisation';
  if (FUNDING.test(t)) return 'funding';
  if (/^(?:muc tieu|chi tieu)\b/.test(t)) return 'targets';
  if (/^(?:cac )?(?:nhiem vu|giai phap|noi dung)\b/.test(t)) return 'tasks';
  return undefined;
}

/**
 * The parts a level-1 section plays, read from words anywhere in its title
 * rather than from one fixed title: `PHÂN CÔNG NHIỆM VỤ` gives the tasks and
 * who does them, `NỘI DUNG, TIẾN ĐỘ, PHÂN CÔNG TRÁCH NHIỆM` the same,
 * `CHỦ ĐỀ, NỘI DUNG CÁC HOẠT ĐỘNG` the tasks, `QUAN ĐIỂM` or `MỤC TIÊU` the
 * purpose (big programmes state their aims that way), `THỜI GIAN VÀ TRÁCH
 * NHIỆM THỰC HIỆN` the organisation. Empty for a section of the plan's own
 * subject (`PHÁT TRIỂN HẠ TẦNG SỐ`), an assessment or a report.
 */
export function sectionRoles(title: string): Set<PlanPart> {
  const t = foldTitle(title);
  const roles = new Set<PlanPart>();
  if (/\b(?:muc dich|yeu cau|quan diem)\b/.test(t) || /^(?:cac )?(?:muc tieu|chi tieu)\b/.test(t)) roles.add('purpose');
  if (/\b(?:nhiem vu|giai phap|noi dung|hoat dong|lo trinh|bien phap|phan cong)\b/.test(t)) roles.add('tasks');
  if (FUNDING.test(t) || /\bkinh phi\b/.test(t)) roles.add('funding');
  if (/\b(?:to chuc (?:thuc hien|trien khai)|trach nhiem|phan cong)\b/.test(t)) roles.add('organisation');
  return roles;
}

/**
 * The kinds of plan the skeleton rules tell apart. `skeleton`: a plan that
 * implements a higher document or develops a field (`Thực hiện Nghị quyết …`,
 * `Phát triển kinh tế số …`), which has the usual parts; the others have
 * parts of their own: an inspection or supervision (`Kiểm tra, giám sát …`:
 * the team, the subjects, the schedule), a budget (`Tài chính - ngân sách nhà
 * nước 03 năm`, `dự toán`), a communication plan (`Tuyên truyền …`,
 * `Truyền thông …`), an election body's plan (`bầu cử`, `hiệp thương`, `cử
 * tri`), an event (`Tổ chức Lễ kỷ niệm …`, `Hội nghị`, `Festival`), an
 * emulation drive (`Phát động phong trào thi đua …`).
 */
export type PlanKind = 'skeleton' | 'inspection' | 'budget' | 'communication' | 'election' | 'event' | 'emulation';

/** The kind of a plan, from its trích yếu, else from the titles of its parts. */
export function planKind(document: PlanDocument): PlanKind {
  const summary = foldTitle(document.header.summary?.value ?? '');
  const titles = document.sections.map((s) => foldTitle(s.title)).join(' | ');
  const either = (pattern: RegExp) => pattern.test(summary) || pattern.test(titles);
  if (either(/\b(?:du toan|tai chinh ngan sach|ke hoach tai chinh)\b/) || either(/\bngan sach nha nuoc \d{1,2} nam\b/)) return 'budget';
  if (/^(?:ke hoach )?(?:kiem tra|giam sat|thanh tra|kiem soat)\b/.test(summary) || /\bthanh phan doan (?:kiem tra|giam sat|thanh tra)\b/.test(titles)) return 'inspection';
  if (either(/\b(?:bau cu|hiep thuong|ung cu|cu tri)\b/)) return 'election';
  if (either(/\bthi dua\b/)) return 'emulation';
  if (/^(?:thong tin )?(?:tuyen truyen|truyen thong)\b/.test(summary)) return 'communication';
  if (/^(?:to chuc|dang cai)\b.*\b(?:le|hoi nghi|hoi thao|festival|hoi thi|cuoc thi|giai|ky niem|tuan le|thang|ngay hoi|dai hoi|chuong trinh nghe thuat|trien lam|hoi cho|dien dan)\b/.test(summary))
    return 'event';
  if (/\b(?:co quan chi dao|ban to chuc|le khai mac|festival)\b/.test(titles)) return 'event';
  return 'skeleton';
}

/** The parts each kind of plan must have: the usual skeleton asks for the purpose, the tasks and the organisation; the other kinds for their purpose only. */
export const REQUIRED_PARTS: Record<PlanKind, readonly PlanPart[]> = {
  skeleton: ['purpose', 'tasks', 'organisation'],
  inspection: ['purpose'],
  budget: [],
  communication: ['purpose'],
  election: ['purpose'],
  event: ['purpose'],
  emulation: ['purpose'],
};

/**
 * The level-1 sections the skeleton rules read: all of them, or, when most
 * carry a typed number (`II.`), only those that do (an unnumbered level-1
 * heading among numbered ones is a title line or a sub-heading that lost its
 * level, not a part of the plan).
 */
export function partSections(document: PlanDocument): Section[] {
  const numbered = document.sections.filter((s) => s.explicitNumber);
  return numbered.length * 2 > document.sections.length ? numbered : document.sections;
}

/** True when a paragraph or a table of the plan names its money: `kinh phí`, `ngân sách`, `nguồn vốn`. */
export function mentionsFunding(document: PlanDocument): boolean {
  const blocks = [...document.preamble, ...allSections(document.sections).flatMap((s) => s.blocks), ...(document.closing ? [document.closing] : [])];
  const titles = allSections(document.sections).map((s) => s.title);
  return [...titles, ...blocks.map(blockText)].some((t) => /\b(?:kinh phi|ngan sach|nguon von|nguon luc tai chinh)\b/.test(fold(t)));
}

function blockText(block: Block): string {
  return block.kind === 'table' ? block.rows.map((r) => r.cells.map((c) => c.text).join(' ')).join(' ') : block.text;
}

/** True when a text (a title, a paragraph) opens on funding: `Kinh phí thực hiện …`. */
export function opensOnFunding(text: string): boolean {
  return FUNDING.test(foldTitle(text));
}

/** Every section, depth first. */
export function allSections(sections: Section[]): Section[] {
  const out: Section[] = [];
  const walk = (list: Section[]) => {
    for (const s of list) {
      out.push(s);
      walk(s.children);
    }
  };
  walk(sections);
  return out;
}

/** The last block of the body in document order (the closing sentence excluded). */
export function lastBodyBlock(document: PlanDocument): Block | undefined {
  let owner: Block[] = document.preamble;
  let last: Block | undefined = owner[owner.length - 1];
  for (let list = document.sections; list.length; list = list[list.length - 1].children) {
    owner = list[list.length - 1].blocks;
    if (owner.length) last = owner[owner.length - 1];
    else if (list[list.length - 1].children.length === 0) last = undefined;
  }
  return last;
}

/** Tên loại that are plans, as the checks of this project expect them (folded). */
const PLAN_KINDS = /^(?:ke hoach|chuong trinh(?: hanh dong| cong tac)?)$/;

/** True when `Loại:` is empty or names a plan (Kế hoạch, Chương trình, Chương trình hành động). */
export function isPlanKind(document: PlanDocument): boolean {
  const kind = document.header.kind?.value;
  return !kind || PLAN_KINDS.test(foldTitle(kind));
}
