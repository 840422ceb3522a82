import type { Rule } from '../rule';
import { endAnchor, PARTY_NOTE } from '../structure-text';

/** A plan carries its signature block: authority, title, signer. */
export const signatureMissing: Rule = {
  id: 'signature-missing',
  title: { vi: 'Thiếu khối chữ ký', en: 'No signature block' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Chức vụ, họ tên và chữ ký của người có thẩm quyền là thành phần thể thức chính: Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 7; văn bản của Đảng cũng có thể thức đề ký, chức vụ và họ tên người ký (Hướng dẫn 36-HD/VPTW; kế hoạch 184-KH/TU: "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ"). Quy tắc báo khi kế hoạch không có khối "Ký:"; khối "Ký:" thiếu họ tên người ký do quy tắc syntax báo. ' + PARTY_NOTE.vi,
    en: 'The authority, title, name and signature of the signer are a main component of the layout: Decree 30/2020/NĐ-CP, Appendix I, part I, section II, item 7; party documents carry the authority, title and name of the signer too (Guidance 36-HD/VPTW; plan 184-KH/TU: "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ"). Reported when the plan has no "Ký:" block; a "Ký:" block without the signer\'s name is reported by the syntax rule. ' + PARTY_NOTE.en,
  },
  check({ document, report }) {
    if (document.signature) return;
    report(endAnchor(document), {
      vi: 'Kế hoạch chưa có khối "Ký:" (thẩm quyền ký, chức vụ, họ tên người ký)',
      en: 'The plan has no "Ký:" block (authority, title, signer)',
    });
  },
};
