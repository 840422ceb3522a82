import { confidenceNote, severityFor } from '../registry-facts';
import { numericDate } from '../../syntax/dates';
import type { Rule } from '../rule';

export const agencyValidity: Rule = {
  id: 'agency-validity',
  title: { vi: 'Cơ quan không còn tồn tại tại ngày của kế hoạch', en: 'Agency that no longer exists on the plan\'s date' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Sắp xếp bộ máy năm 2025: từ 01/3/2025 Bộ Lao động - Thương binh và Xã hội kết thúc hoạt động (lao động, việc làm sang Bộ Nội vụ; giáo dục nghề nghiệp sang Bộ Giáo dục và Đào tạo), các sở Lao động - Thương binh và Xã hội, Kế hoạch và Đầu tư, Thông tin và Truyền thông được hợp nhất; Ban Tuyên giáo và Ban Dân vận hợp nhất; từ 01/7/2025 không còn cấp huyện và còn 34 tỉnh, thành phố. Cơ quan được xét tại ngày của kế hoạch: kế hoạch năm 2023 nêu Bộ Lao động - Thương binh và Xã hội là đúng, dự thảo năm 2026 thì sai. Nguồn: danh mục cơ quan (server/data/agencies.json) với nguồn của từng mục; dữ kiện chưa xác nhận chỉ cho gợi ý. Sửa nhanh: thay bằng cơ quan kế nhiệm theo chức năng (không tự áp dụng).',
    en: 'The 2025 reorganisation: from 01/3/2025 the Ministry of Labour, Invalids and Social Affairs ended (labour to the Ministry of Home Affairs, vocational education to the Ministry of Education and Training), provincial departments of labour, planning and investment, information and communications merged; the party\'s propaganda and mass-mobilisation boards merged; from 01/7/2025 the district level ended and 34 provinces remain. Agencies are judged on the plan\'s date: a 2023 plan naming the ministry is right, a 2026 draft is not. Source: the agency registry (server/data/agencies.json) with each entry\'s sources; unconfirmed facts give hints only. Fix: the successor for the function (not applied automatically).',
  },
  check({ document, registry, date, report }) {
    // The header's issuer and parent body too: a 2026 plan issued by a district People's Committee cannot be.
    const headerBodies = [document.header.issuer, document.header.parentBody]
      .filter((field) => field?.value)
      .map((field) => ({ name: field!.value, range: field!.valueRange, role: 'issuer' as const }));
    for (const mention of [...document.agencies, ...headerBodies]) {
      const agency = registry.findAgency(mention.name);
      if (!agency) continue;
      const status = registry.agencyStatus(agency, date.iso);
      if (status.state !== 'gone') continue;
      const note = confidenceNote(agency.confidence);
      const successors = status.successors.filter((s) => s.agency);
      const list = successors.map((s) => `${s.agency!.name}${s.function ? ` (${s.function})` : ''}`).join('; ');
      report(
        mention.range,
        {
          vi: `${agency.name} không còn tồn tại từ ${numericDate(status.on)}${note.vi}${list ? `; chức năng chuyển sang: ${list}` : ''}`,
          en: `${agency.name} no longer exists from ${numericDate(status.on)}${note.en}${list ? `; its functions moved to: ${list}` : ''}`,
        },
        // An assignee or the issuer is a body of its own place: which successor takes it over is the drafter's call.
        mention.role === 'assignee' || mention.role === 'issuer'
          ? undefined
          : successors.map((s) => ({ title: `Thay bằng ${s.agency!.name} / Replace with ${s.agency!.name}`, edits: [{ range: mention.range, newText: s.agency!.name }], safe: false })),
        { severity: severityFor(agency.confidence) },
      );
    }
  },
};
