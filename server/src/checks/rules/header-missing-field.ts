import type { HeaderKey } from '../../model';
import type { Bilingual, Rule } from '../rule';

const REQUIRED: { key: HeaderKey; label: string; what: Bilingual }[] = [
  { key: 'issuer', label: 'Cơ quan', what: { vi: 'tên cơ quan ban hành', en: 'the issuing body' } },
  { key: 'number', label: 'Số', what: { vi: 'số, ký hiệu văn bản', en: 'the number and symbol' } },
  { key: 'place', label: 'Địa danh', what: { vi: 'địa danh', en: 'the place' } },
  { key: 'date', label: 'Ngày', what: { vi: 'ngày ban hành', en: 'the date' } },
  { key: 'kind', label: 'Loại', what: { vi: 'tên loại văn bản', en: 'the kind of document' } },
  { key: 'summary', label: 'Trích yếu', what: { vi: 'trích yếu nội dung', en: 'the summary' } },
];

/** The header must give issuer, number, place, date, kind and summary. */
export const headerMissingField: Rule = {
  id: 'header-missing-field',
  title: { vi: 'Thiếu thành phần thể thức ở phần đầu', en: 'Missing header field' },
  defaultSeverity: 'warning',
  check({ document, report }) {
    const { header } = document;
    const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (header.fields.length === 0) {
      report(top, {
        vi: 'Văn bản chưa có phần đầu (Cơ quan:, Số:, Địa danh:, Ngày:, Loại:, Trích yếu:, rồi dòng ---)',
        en: 'The plan has no header (Cơ quan:, Số:, Địa danh:, Ngày:, Loại:, Trích yếu:, then ---)',
      });
      return;
    }
    const missing = REQUIRED.filter(({ key }) => !header[key]?.value);
    for (const { key, label, what } of missing) {
      const field = header[key];
      report(field ? field.range : (header.range ?? top), {
        vi: field ? `"${label}:" để trống: cần ${what.vi}` : `Phần đầu thiếu "${label}:" (${what.vi})`,
        en: field ? `"${label}:" is empty: ${what.en} is needed` : `The header lacks "${label}:" (${what.en})`,
      });
    }
  },
};
