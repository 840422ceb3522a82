import { basisOf, canonicalCitation, confidenceNote, severityFor, REGISTRY_BASIS } from '../../domain/registry-facts';
import { numericDate } from '../../syntax/dates';
import type { Rule } from '../rule';

export const citationValidity: Rule = {
  id: 'citation-validity',
  title: { vi: 'Văn bản được trích đã bị thay thế, hết hiệu lực hoặc ban hành sau kế hoạch', en: 'Cited document replaced, expired, or issued after the plan' },
  defaultSeverity: 'warning',
  doc: {
    vi: 'Hiệu lực được xét tại ngày của chính kế hoạch (`Ngày:`; không có thì ngày hôm nay, kèm gợi ý). Trích một văn bản đã bị thay thế (Luật Giáo dục nghề nghiệp 74/2014/QH13 được thay bằng Luật 124/2025/QH15 từ 01/01/2026; Quy định 66-QĐ/TW bằng 399-QĐ/TW từ 09/01/2026) hay đã hết thời hạn là trích căn cứ không còn áp dụng; trích một văn bản ban hành sau ngày của kế hoạch là sai ngày hoặc sai số. Nguồn: danh mục (văn bản trung ương sinh từ Bộ pháp điển, văn bản nhập tay, danh mục của thư mục); văn bản mà không nguồn nào nói đã bị thay thế hay bãi bỏ thì hiệu lực chưa rõ và không bị báo. Dữ kiện hiệu lực chưa xác nhận chỉ cho gợi ý.',
    en: 'Validity is judged on the plan\'s own date (`Ngày:`; without one, today, with a hint). Citing a replaced document (Law 74/2014/QH13 replaced by Law 124/2025/QH15 from 01/01/2026; Regulation 66-QĐ/TW by 399-QĐ/TW from 09/01/2026) or an expired one cites a basis that no longer applies; citing one issued after the plan\'s date means a wrong date or number. Source: the registry (the central documents generated from the Bộ pháp điển, the documents entered by hand, the workspace\'s registry); a document no source says was replaced or repealed has an unknown status and is not reported. Unconfirmed validity facts give hints only.',
  },
  basis: REGISTRY_BASIS,
  check({ document, registry, date, report }) {
    const when = numericDate(date.iso);
    const onDate = date.fromPlan ? { vi: `tại ngày của kế hoạch (${when})`, en: `on the plan's date (${when})` } : { vi: `tại hôm nay (${when}; kế hoạch chưa có ngày)`, en: `as of today (${when}; the plan has no date)` };
    for (const c of document.citations) {
      const known = registry.findDocument(c, date.iso);
      if (!known) continue;
      const status = registry.documentStatus(known, date.iso);
      const statusConfidence = known.statusConfidence ?? known.confidence;
      const note = confidenceNote(statusConfidence);
      if (status.state === 'replaced') {
        const successor = status.by ? canonicalCitation(status.by) : status.byNumber;
        report(
          c.range,
          {
            vi: `${known.type} số ${known.number} đã được thay thế bằng ${successor} từ ${numericDate(status.on)}${note.vi}, ${onDate.vi}`,
            en: `${known.type} ${known.number} was replaced by ${successor} from ${numericDate(status.on)}${note.en}, ${onDate.en}`,
          },
          status.by ? [{ title: `Trích ${successor} / Cite ${successor}`, edits: [{ range: c.range, newText: successor }], safe: false }] : undefined,
          { severity: severityFor(statusConfidence), basis: basisOf(known, statusConfidence) },
        );
      } else if (status.state === 'expired') {
        report(
          c.range,
          { vi: `${known.type} số ${known.number} đã hết hiệu lực từ ${numericDate(status.on)}${note.vi}, ${onDate.vi}`, en: `${known.type} ${known.number} expired on ${numericDate(status.on)}${note.en}, ${onDate.en}` },
          undefined,
          { severity: severityFor(statusConfidence), basis: basisOf(known, statusConfidence) },
        );
      } else if (status.state === 'not-yet-issued' && date.fromPlan) {
        report(
          c.range,
          {
            vi: `${known.type} số ${known.number} ban hành ngày ${numericDate(known.date)}, sau ngày của kế hoạch (${when})${confidenceNote(known.confidence).vi}`,
            en: `${known.type} ${known.number} is dated ${numericDate(known.date)}, after the plan's date (${when})${confidenceNote(known.confidence).en}`,
          },
          undefined,
          { severity: severityFor(known.confidence), basis: basisOf(known) },
        );
      }
    }
  },
};
