import { numericDate } from '../../syntax/dates';
import type { Rule } from '../rule';

export const dateFallback: Rule = {
  id: 'date-fallback',
  title: { vi: 'Kế hoạch chưa có ngày: hiệu lực xét tại hôm nay', en: 'No plan date: validity judged as of today' },
  defaultSeverity: 'hint',
  check({ document, date, report }) {
    if (date.fromPlan || (document.citations.length === 0 && document.agencies.length === 0)) return;
    report(document.header.date?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, {
      vi: `Kế hoạch chưa có ngày; hiệu lực của văn bản và cơ quan được xét tại hôm nay (${numericDate(date.iso)})`,
      en: `The plan has no date; documents and agencies are judged as of today (${numericDate(date.iso)})`,
    });
  },
};
