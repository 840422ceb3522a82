import { canonicalCitation } from '../domain/registry-facts';
import type { Citation, PlanSystem } from '../model';
import type { Registry } from '../registry/registry';
import type { RegistryDocument } from '../registry/types';
import { numericDate, todayInVietnam } from '../syntax/dates';
import { parsePlan } from '../syntax/parse';
import { assignedTasks, type AssignedTask } from './assigned-tasks';
import { runningName } from '../syntax/body-names';
import { issuerProfile, type IssuerProfile } from './issuer-profile';

export interface NewPlanOptions {
  /** The parent document as the drafter cites it: `Chỉ thị số 21-CT/TW`, `Kế hoạch 85/KH-UBND`. */
  implements: string;
  /** The issuing body: `Ủy ban nhân dân huyện Tam Đường`, `SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH LAI CHÂU`. */
  issuer: string;
  system?: PlanSystem;
  /** ISO date of the plan; today in Vietnam when the drafter gave none. */
  date?: string;
  /** The registry, with the workspace's plans as documents (their models in `plan`). */
  registry: Registry;
}

export interface NewPlan {
  text: string;
  /** What the skeleton could not settle: an unknown parent, an unknown place. Vietnamese first. */
  notes: string[];
  /** The tasks the parent assigns to the issuer or its level, listed in the skeleton. */
  tasks: AssignedTask[];
}

/** The citation in `--implements`, read as the parser reads running text. */
function readCitation(text: string): Citation | undefined {
  return parsePlan(`Số:\n---\n\nThực hiện ${text}\n`).document.citations[0];
}

/** The usual recipients of a plan by its system and level, the archive line last. */
function recipients(issuer: IssuerProfile, parent: RegistryDocument | undefined): string[] {
  const report = parent ? [`${parent.issuer} (b/c)`] : [];
  if (issuer.system === 'party') {
    const office = issuer.level === 'district' ? 'Huyện ủy' : issuer.level === 'province' ? 'Tỉnh ủy' : 'Đảng ủy';
    const items = [...report, 'Các ban đảng, ban cán sự đảng, đảng đoàn', 'Các chi bộ, đảng bộ trực thuộc'];
    return [...items.map((i) => `${i},`), `Lưu Văn phòng ${office}.`];
  }
  const local = issuer.level === 'district' ? 'huyện' : issuer.level === 'commune' ? 'xã' : 'tỉnh';
  const above = issuer.system === 'mass' ? [] : [`Thường trực ${local === 'tỉnh' ? 'Tỉnh' : local === 'huyện' ? 'Huyện' : 'Đảng'} ủy (b/c)`];
  const items = [...report, ...above, 'Các cơ quan, đơn vị có liên quan'];
  return [...items.map((i) => `${i};`), 'Lưu: VT, VP.'];
}

/** The signature block for the issuer's kind: the authority line the rules expect, the title, the signer. */
function signature(issuer: IssuerProfile): string[] {
  const name = issuer.name;
  switch (issuer.kind) {
    case 'people-committee':
      return ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
    case 'people-council':
      return ['TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN', 'CHỦ TỊCH'];
    case 'party-committee':
      return [/^(?:đảng ủy)/iu.test(name) ? 'T/M ĐẢNG ỦY' : /^chi bộ/iu.test(name) ? 'T/M CHI BỘ' : 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ'];
    case 'mass':
      return ['TM. BAN THƯỜNG VỤ', /đoàn(?! lao)/iu.test(name) && !/công đoàn|liên đoàn/iu.test(name) ? 'BÍ THƯ' : 'CHỦ TỊCH'];
    default:
      return [/^sở\b/iu.test(name) ? 'GIÁM ĐỐC' : /^bộ\b/iu.test(name) ? 'BỘ TRƯỞNG' : /^trường\b/iu.test(name) ? 'HIỆU TRƯỞNG' : /^phòng\b/iu.test(name) ? 'TRƯỞNG PHÒNG' : 'THỦ TRƯỞNG CƠ QUAN'];
  }
}

/**
 * The skeleton of a plan implementing a parent document: the header with the
 * issuer's symbol, a preamble citing the parent in its canonical form, the
 * standard parts of the issuer's system, the usual recipients and the
 * signature block with the right authority line. When the parent is a plan
 * of the workspace, the tasks it gives to the issuer or its level are listed
 * under Nhiệm vụ and Tổ chức thực hiện, in the parent's words. Pure.
 */
export function newPlan(options: NewPlanOptions): NewPlan {
  const notes: string[] = [];
  const issuer = issuerProfile(options.issuer, options.registry, options.system);
  const citation = readCitation(options.implements);
  const found = citation ? options.registry.findDocument(citation) : undefined;
  // A workspace plan names its issuer as its header does, in capitals; running text names it in sentence case.
  const parent = found && { ...found, issuer: runningName(found.issuer) };
  if (!citation) notes.push(`Không đọc được văn bản cấp trên "${options.implements}" / Could not read the parent citation "${options.implements}"`);
  else if (!parent)
    notes.push(
      `Văn bản cấp trên ${citation.typeWord} số ${citation.numberText} không có trong danh mục: kiểm tra ngày và cơ quan ban hành / The parent is not in the registry: check its date and issuer`,
    );
  if (!issuer.place) notes.push('Chưa biết địa danh của cơ quan ban hành: điền "Địa danh:" / The issuer\'s place is unknown: fill in "Địa danh:"');
  const cited = parent ? canonicalCitation(parent) : options.implements.trim();
  // A workspace plan's title is its trích yếu (`Thực hiện …`), which the citation continues in lower case.
  const about = parent?.title ? ` ${parent.plan ? parent.title.charAt(0).toLocaleLowerCase('vi') + parent.title.slice(1) : parent.title}` : '';
  const short = parent ? `${parent.type} số ${parent.number}` : citation ? `${citation.docType} số ${citation.numberText}` : options.implements.trim();
  const tasks = parent?.plan ? assignedTasks(parent.plan, issuer) : [];
  const party = issuer.system === 'party';
  const number = party ? `-KH/${issuer.symbol}` : `/KH-${issuer.symbol}`;

  const lines: string[] = [
    `Cơ quan: ${issuer.headerName}`,
    `Số: ${number}`,
    `Địa danh: ${issuer.place}`.trimEnd(),
    `Ngày: ${numericDate(options.date ?? todayInVietnam(new Date()).iso)}`,
    'Loại: Kế hoạch',
    `Trích yếu: Thực hiện ${cited}${about}`,
    '---',
    '',
    `Thực hiện ${cited}${about} (gọi tắt là ${short}), ${issuer.name} ban hành Kế hoạch thực hiện như sau:`,
    '',
    '# MỤC ĐÍCH, YÊU CẦU',
    '',
    '## Mục đích',
    '',
    `- Quán triệt, triển khai thực hiện nghiêm túc, hiệu quả ${short}, phù hợp với tình hình thực tế của địa phương, cơ quan, đơn vị.`,
    '',
    '## Yêu cầu',
    '',
    '- Xác định rõ nhiệm vụ, thời hạn hoàn thành và trách nhiệm của từng cơ quan, đơn vị; bảo đảm sự phối hợp chặt chẽ trong quá trình thực hiện.',
    '',
    '# NHIỆM VỤ, GIẢI PHÁP',
    '',
  ];
  if (tasks.length) {
    lines.push(`// Nhiệm vụ ${short} giao cho ${issuer.name} hoặc cấp của mình / Tasks the parent assigns to this issuer or its level:`, '');
    tasks.forEach((task, i) => lines.push(`${i + 1}. ${task.text}`, ''));
  } else {
    lines.push(`1. Tổ chức quán triệt, tuyên truyền nội dung ${short} đến cán bộ, công chức, viên chức và người lao động.`, '');
  }
  if (!party) lines.push('# KINH PHÍ THỰC HIỆN', '', '- Kinh phí thực hiện Kế hoạch được bảo đảm từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn hợp pháp khác.', '');
  lines.push('# TỔ CHỨC THỰC HIỆN', '', '## Các cơ quan, đơn vị được giao nhiệm vụ', '');
  if (tasks.length) for (const task of tasks) lines.push(`- Chủ trì thực hiện nhiệm vụ được giao tại ${short} (${task.assignee}): ${task.text}`, '');
  else lines.push('- Căn cứ Kế hoạch này, xây dựng kế hoạch cụ thể và tổ chức thực hiện; định kỳ báo cáo kết quả thực hiện.', '');
  lines.push(
    `Trên đây là Kế hoạch của ${issuer.name} thực hiện ${short}. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo để xem xét, giải quyết./.`,
    '',
    'Nơi nhận:',
    ...recipients(issuer, parent).map((r) => `- ${r}`),
    '',
    'Ký:',
    ...signature(issuer).map((l) => `  ${l}`),
    '  Họ và tên người ký',
    '',
  );
  return { text: lines.join('\n'), notes, tasks };
}
