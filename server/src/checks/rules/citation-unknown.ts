import { UNKNOWN_BASIS } from '../../domain/registry-facts';
import type { Rule } from '../rule';

export const citationUnknown: Rule = {
  id: 'citation-unknown',
  title: { vi: 'Văn bản được trích dẫn chưa có trong danh mục', en: 'Cited document not in the registry' },
  defaultSeverity: 'hint',
  doc: {
    vi: 'Văn bản được trích dẫn không có trong danh mục của kehoach (văn bản trung ương sinh từ Bộ pháp điển, server/data/central-documents.json, và văn bản nhập tay, documents.json), trong tệp danh mục của không gian làm việc (kehoach.json) hay trong các kế hoạch khác của không gian làm việc, nên ngày, cơ quan ban hành và hiệu lực của nó không được kiểm tra. Chỉ là gợi ý: thêm văn bản vào danh mục của thư mục (sửa nhanh "Thêm vào danh mục của thư mục") để được kiểm tra.',
    en: 'The cited document is in neither kehoach\'s registry (the central documents generated from the Bộ pháp điển, server/data/central-documents.json, and those entered by hand, documents.json), the workspace registry files (kehoach.json), nor the other plans of the workspace, so its date, issuer and validity go unchecked. A hint only: add it to the workspace registry (quick fix "Add to the workspace registry") to have it checked.',
  },
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
