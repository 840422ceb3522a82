import type { Rule } from '../rule';
import { endAnchor } from '../structure-text';

/** A plan carries its signature block: authority, title, signer. */
export const signatureMissing: Rule = {
  id: 'signature-missing',
  title: { vi: 'Thiếu khối chữ ký', en: 'No signature block' },
  defaultSeverity: 'warning',
  check({ document, report }) {
    if (document.signature) return;
    report(endAnchor(document), {
      vi: 'Kế hoạch chưa có khối "Ký:" (thẩm quyền ký, chức vụ, họ tên người ký)',
      en: 'The plan has no "Ký:" block (authority, title, signer)',
    });
  },
};
