import { numericDate } from '../../syntax/dates';
import type { Rule } from '../rule';

export const dateFallback: Rule = {
  id: 'date-fallback',
  title: { vi: 'Kế hoạch chưa có ngày: hiệu lực xét tại hôm nay', en: 'No plan date: validity judged as of today' },
  defaultSeverity: 'hint',
  doc: {
    vi: 'Các kiểm tra theo thời gian (văn bản bị thay thế, cơ quan không còn tồn tại) được xét tại ngày của chính kế hoạch (`Ngày:`), vì một kế hoạch năm 2023 nêu tên Bộ Lao động - Thương binh và Xã hội là đúng. Khi kế hoạch chưa có ngày (dự thảo) và cấu hình không đặt `planDate`, chúng được xét tại ngày hôm nay; gợi ý này nói rõ điều đó.',
    en: 'Time-dependent checks (replaced documents, agencies that no longer exist) are judged on the plan\'s own date (`Ngày:`), since a 2023 plan naming the Bộ Lao động - Thương binh và Xã hội is right. When a draft has no date and the configuration sets no `planDate`, they are judged as of today; this hint says so.',
  },
  check({ document, date, report }) {
    if (date.fromPlan || (document.citations.length === 0 && document.agencies.length === 0)) return;
    report(document.header.date?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, {
      vi: `Kế hoạch chưa có ngày; hiệu lực của văn bản và cơ quan được xét tại hôm nay (${numericDate(date.iso)})`,
      en: `The plan has no date; documents and agencies are judged as of today (${numericDate(date.iso)})`,
    });
  },
};
