import type { AgencyMention, Position } from '../../model';
import { DISTRICT_BODY, type Registry } from '../../registry/registry';
import type { RegistryProvince } from '../../registry/types';
import { numericDate } from '../../syntax/dates';
import { basisOf, confidenceNote, severityFor, REGISTRY_BASIS } from '../../domain/registry-facts';
import type { CheckContext, Rule } from '../rule';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** `Ủy ban nhân dân huyện Tam Đường (cũ)`: a body named as it was, on purpose. */
const FORMER = /^\s*(?:\(\s*)?(?:cũ|trước đây)(?![\p{L}\p{M}])/u;

/** `tỉnh Hà Giang` → `tỉnh Tuyên Quang` in the case the name is written in (`TỈNH HÀ GIANG` → `TỈNH TUYÊN QUANG`). */
function withProvince(name: string, from: number, successor: RegistryProvince): string {
  const replaced = `${successor.kind} ${successor.name}`;
  const upper = name === name.toLocaleUpperCase('vi');
  return name.slice(0, from) + (upper ? replaced.toLocaleUpperCase('vi') : replaced);
}

/** A body of a province merged on the plan's date (`Sở Nội vụ tỉnh Bắc Giang` in 2026): reported with the province it joined. */
function reportMergedProvince({ registry, date, report }: Pick<CheckContext, 'registry' | 'date' | 'report'>, mention: Pick<AgencyMention, 'name' | 'range' | 'role'> | { name: string; range: AgencyMention['range']; role: 'issuer' }): void {
  const found = registry.provinceIn(mention.name);
  const province = found?.province;
  if (!found || !province?.validTo || date.iso < province.validTo || !province.mergedInto) return;
  const successor = registry.findProvince(province.mergedInto);
  const into = successor ? `${successor.kind} ${successor.name}` : province.mergedInto;
  const note = confidenceNote(province.confidence);
  report(
    mention.range,
    {
      vi: `${province.kind === 'tỉnh' ? 'Tỉnh' : 'Thành phố'} ${province.name} đã hợp nhất vào ${into} từ ${numericDate(province.validTo)}${note.vi}; "${mention.name}" không còn`,
      en: `${province.kind === 'tỉnh' ? 'The province' : 'The city'} ${province.name} joined ${into} on ${numericDate(province.validTo)}${note.en}; "${mention.name}" no longer exists`,
    },
    successor && mention.role !== 'issuer'
      ? [{ title: `Viết ${withProvince(mention.name, found.from, successor)} / Write it`, edits: [{ range: mention.range, newText: withProvince(mention.name, found.from, successor) }], safe: false }]
      : undefined,
    { severity: severityFor(province.confidence), basis: basisOf(province) },
  );
}

function followedByFormer(source: CheckContext['source'], mention: { range: AgencyMention['range'] }): boolean {
  const end = source.offsetOf(mention.range.end);
  return FORMER.test(source.original.slice(end, end + 16));
}

function successorsOf(registry: Registry, on: string, id: string) {
  const agency = registry.agency(id)!;
  const status = registry.agencyStatus(agency, on);
  return status.state === 'gone' ? status.successors.filter((s) => s.agency) : [];
}

export const agencyValidity: Rule = {
  id: 'agency-validity',
  title: { vi: 'Cơ quan không còn tồn tại tại ngày của kế hoạch', en: 'Agency that no longer exists on the plan\'s date' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Sắp xếp bộ máy năm 2025. Từ 01/3/2025 các bộ theo Nghị quyết 176/2025/QH15: Bộ Lao động - Thương binh và Xã hội kết thúc hoạt động (lao động, việc làm sang Bộ Nội vụ; giáo dục nghề nghiệp sang Bộ Giáo dục và Đào tạo), Bộ Kế hoạch và Đầu tư vào Bộ Tài chính, Bộ Thông tin và Truyền thông vào Bộ Khoa học và Công nghệ, Bộ Tài nguyên và Môi trường với Bộ Nông nghiệp và Phát triển nông thôn thành Bộ Nông nghiệp và Môi trường, Bộ Giao thông vận tải vào Bộ Xây dựng, Ủy ban Dân tộc thành Bộ Dân tộc và Tôn giáo; các sở tương ứng theo Nghị định 45/2025/NĐ-CP; Ban Tuyên giáo và Ban Dân vận hợp nhất. Từ 01/7/2025 (Nghị quyết 202/2025/QH15, Luật Tổ chức chính quyền địa phương 72/2025/QH15, Kết luận 127-KL/TW) còn 34 tỉnh, thành phố và không còn cấp huyện. Quy tắc báo: cơ quan đã giải thể hay hợp nhất; mọi cơ quan, đơn vị cấp huyện — Ủy ban nhân dân, Hội đồng nhân dân, Huyện ủy và các ban, các phòng, trung tâm, văn phòng, thanh tra, Mặt trận, đoàn thể — nhận theo loại cơ quan và chữ huyện, quận, thị xã hay thành phố thuộc tỉnh sau tên, có hoặc không có tên huyện, số nhiều ("Ủy ban nhân dân các huyện, thành phố"), viết tắt (UBND, HĐND, MTTQ, LĐLĐ, Sở GD&ĐT …); cơ quan của một tỉnh đã hợp nhất ("Sở Nội vụ tỉnh Bắc Giang", "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG"). Áp dụng cho cơ quan ban hành, cơ quan chủ quản, nội dung và Nơi nhận; một tên có "(cũ)" theo sau được coi là nhắc lại tên cũ và không bị báo. Cơ quan được xét tại ngày của kế hoạch: kế hoạch năm 2024 nêu Phòng Nội vụ huyện là đúng, dự thảo năm 2026 thì sai. Nguồn: danh mục cơ quan (server/data/agencies.json) và tỉnh (provinces.json), mỗi mục một nguồn và độ tin cậy; dữ kiện chỉ có nguồn thứ cấp được ghi rõ, dữ kiện chưa xác nhận chỉ cho gợi ý. Sửa nhanh: thay bằng cơ quan kế nhiệm theo chức năng hoặc tên tỉnh mới (không tự áp dụng; không đề xuất cho cơ quan được giao nhiệm vụ và cơ quan ban hành, việc ai kế nhiệm do người soạn quyết định).',
    en: 'The 2025 reorganisation. From 01/3/2025 the ministries of Resolution 176/2025/QH15: the Ministry of Labour, Invalids and Social Affairs ended (labour to Home Affairs, vocational education to Education and Training), Planning and Investment joined Finance, Information and Communications joined Science and Technology, Natural Resources and Environment with Agriculture and Rural Development became Agriculture and Environment, Transport joined Construction, the Committee for Ethnic Affairs became the Ministry of Ethnic and Religious Affairs; the matching provincial departments under Decree 45/2025/NĐ-CP; the party\'s propaganda and mass-mobilisation boards merged. From 01/7/2025 (Resolution 202/2025/QH15, Law on local government 72/2025/QH15, Conclusion 127-KL/TW) there are 34 provinces and no district level. Reported: a body dissolved or merged; every body of a district — People\'s Committee and Council, party committee and its boards, its phòng, centres, offices, inspectorate, Front and mass organisations — read by its kind and huyện, quận, thị xã or a provincial city after its name, with or without the district\'s name, plural ("Ủy ban nhân dân các huyện, thành phố"), abbreviated (UBND, HĐND, MTTQ, LĐLĐ, Sở GD&ĐT …); a body of a merged province ("Sở Nội vụ tỉnh Bắc Giang", "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG"). Issuer, parent body, body text and Nơi nhận alike; a name followed by "(cũ)" is read as a former name on purpose. Judged on the plan\'s date: a 2024 plan naming a district\'s Phòng Nội vụ is right, a 2026 draft is not. Source: the agency registry (server/data/agencies.json) and provinces (provinces.json), each entry with its source and confidence; a fact from a secondary source says so, an unconfirmed one gives a hint. Fix: the successor for the function or the new province (not applied automatically; not offered for an assignee or the issuer, whose successor is the drafter\'s call).',
  },
  basis: REGISTRY_BASIS,
  check(context) {
    const { document, registry, date, report, source } = context;
    // The header's issuer and parent body too: a 2026 plan issued by a district People's Committee cannot be.
    const headerBodies = [document.header.issuer, document.header.parentBody]
      .filter((field) => field?.value)
      .map((field) => ({ name: field!.value, range: field!.valueRange, role: 'issuer' as const }));
    // The issuer of a cited document is named as it was when it issued it (`Kế hoạch số 12/KH-UBND … của UBND huyện Tam Đường`).
    const inCitation = (range: AgencyMention['range']) => document.citations.some((c) => c.issuerRange && !before(range.start, c.issuerRange.start) && !before(c.issuerRange.end, range.end));
    for (const mention of [...document.agencies, ...headerBodies]) {
      if (mention.role !== 'issuer' && (followedByFormer(source, mention) || inCitation(mention.range))) continue;
      const agency = registry.findAgency(mention.name);
      if (!agency) continue;
      const status = registry.agencyStatus(agency, date.iso);
      if (status.state !== 'gone') {
        reportMergedProvince(context, mention);
        continue;
      }
      const note = confidenceNote(agency.confidence);
      const successors = successorsOf(registry, date.iso, agency.id);
      const list = successors.map((s) => `${s.agency!.name}${s.function ? ` (${s.function})` : ''}`).join('; ');
      const district = agency.id === DISTRICT_BODY;
      report(
        mention.range,
        district
          ? {
              vi: `"${mention.name}" là cơ quan, đơn vị cấp huyện; cấp huyện không còn tổ chức từ ${numericDate(status.on)}${note.vi}`,
              en: `"${mention.name}" is a body of a district; the district level ended on ${numericDate(status.on)}${note.en}`,
            }
          : {
              vi: `${agency.name} không còn tồn tại từ ${numericDate(status.on)}${note.vi}${list ? `; chức năng chuyển sang: ${list}` : ''}`,
              en: `${agency.name} no longer exists from ${numericDate(status.on)}${note.en}${list ? `; its functions moved to: ${list}` : ''}`,
            },
        // An assignee or the issuer is a body of its own place: which successor takes it over is the drafter's call.
        mention.role === 'assignee' || mention.role === 'issuer' || district
          ? undefined
          : successors.map((s) => ({ title: `Thay bằng ${s.agency!.name} / Replace with ${s.agency!.name}`, edits: [{ range: mention.range, newText: s.agency!.name }], safe: false })),
        { severity: severityFor(agency.confidence), basis: basisOf(agency) },
      );
    }
  },
};
