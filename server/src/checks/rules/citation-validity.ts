import { basisOf, canonicalCitation, confidenceNote, severityFor, REGISTRY_BASIS } from '../../domain/registry-facts';
import { numericDate } from '../../syntax/dates';
import type { Rule } from '../rule';

export const citationValidity: Rule = {
  id: 'citation-validity',
  title: { vi: 'Văn bản được trích đã bị thay thế, hết hiệu lực hoặc ban hành sau kế hoạch', en: 'Cited document replaced, expired, or issued after the plan' },
  defaultSeverity: 'warning',
  basis: REGISTRY_BASIS,
  check({ document, registry, date, report }) {
    const when = numericDate(date.iso);
    const onDate = date.fromPlan
      ? { vi: `tại ngày của kế hoạch (${when})`, en: `on the plan's date (${when})` }
      : { vi: `tại hôm nay (${when}; kế hoạch chưa có ngày)`, en: `as of today (${when}; the plan has no date)` };
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
          {
            vi: `${known.type} số ${known.number} đã hết hiệu lực từ ${numericDate(status.on)}${note.vi}, ${onDate.vi}`,
            en: `${known.type} ${known.number} expired on ${numericDate(status.on)}${note.en}, ${onDate.en}`,
          },
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
