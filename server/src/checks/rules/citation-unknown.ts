import { UNKNOWN_BASIS } from '../../domain/registry-facts';
import type { Rule } from '../rule';

export const citationUnknown: Rule = {
  id: 'citation-unknown',
  title: { vi: 'Văn bản được trích dẫn chưa có trong danh mục', en: 'Cited document not in the registry' },
  defaultSeverity: 'hint',
  basis: UNKNOWN_BASIS,
  check({ document, registry, report }) {
    for (const c of document.citations) {
      if (registry.findDocument(c)) continue;
      report(c.numberRange, {
        vi: `${c.docType} số ${c.numberText} chưa có trong danh mục; ngày và hiệu lực không được kiểm tra`,
        en: `${c.docType} ${c.numberText} is not in the registry; its date and validity go unchecked`,
      });
    }
  },
};
