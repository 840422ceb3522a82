import type { Rule } from '../rule';
import { endAnchor } from '../structure-text';

/** A plan lists its recipients under `Nơi nhận:`. */
export const recipientsMissing: Rule = {
  id: 'recipients-missing',
  title: { vi: 'Thiếu nơi nhận', en: 'No recipients' },
  defaultSeverity: 'warning',
  check({ document, report }) {
    if (document.recipients) return;
    report(endAnchor(document), {
      vi: 'Kế hoạch chưa có khối "Nơi nhận:" (mỗi nơi nhận một dòng "- …;", dòng cuối là dòng lưu)',
      en: 'The plan has no "Nơi nhận:" block (one "- …;" line per recipient, the archive line last)',
    });
  },
};
