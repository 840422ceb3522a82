import type { Rule } from '../rule';
import { endAnchor, PARTY_NOTE } from '../structure-text';

/** A plan lists its recipients under `Nơi nhận:`. */
export const recipientsMissing: Rule = {
  id: 'recipients-missing',
  title: { vi: 'Thiếu nơi nhận', en: 'No recipients' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Nơi nhận là thành phần thể thức chính: Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 9 ("nơi nhận văn bản gồm: nơi nhận để thực hiện; nơi nhận để kiểm tra, giám sát, báo cáo …; nơi nhận để lưu văn bản"); văn bản của Đảng cũng có nơi nhận (Hướng dẫn 36-HD/VPTW). Quy tắc báo khi kế hoạch không có khối "Nơi nhận:". ' + PARTY_NOTE.vi,
    en: 'Recipients are a main component of the layout: Decree 30/2020/NĐ-CP, Appendix I, part I, section II, item 9 ("recipients for action; for supervision, reporting …; for the archive"); party documents list them too (Guidance 36-HD/VPTW). Reported when the plan has no "Nơi nhận:" block. ' + PARTY_NOTE.en,
  },
  check({ document, report }) {
    if (document.recipients) return;
    report(endAnchor(document), {
      vi: 'Kế hoạch chưa có khối "Nơi nhận:" (mỗi nơi nhận một dòng "- …;", dòng cuối là dòng lưu)',
      en: 'The plan has no "Nơi nhận:" block (one "- …;" line per recipient, the archive line last)',
    });
  },
};
