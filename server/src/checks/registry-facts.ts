import type { Severity } from '../model';
import type { Confidence, RegistryDocument } from '../registry/types';
import { numericDate } from '../syntax/dates';
import type { Bilingual } from './rule';

/**
 * The severity a finding resting on a registry fact may have: a verified or
 * secondary fact keeps the rule's severity; a fact known only from how plans
 * cite the document gives information; an unverified one a hint.
 */
export function severityFor(confidence: Confidence): Severity | undefined {
  return confidence === 'cited' ? 'information' : confidence === 'unverified' ? 'hint' : undefined;
}

/** A note to append to a message when the fact is not confirmed. */
export function confidenceNote(confidence: Confidence): Bilingual {
  switch (confidence) {
    case 'verified':
      return { vi: '', en: '' };
    case 'secondary':
      return { vi: ' (theo nguồn thứ cấp)', en: ' (per a secondary source)' };
    case 'cited':
      return { vi: ' (theo cách các kế hoạch trích dẫn, chưa đối chiếu văn bản gốc)', en: ' (as plans cite it, not checked against the original)' };
    default:
      return { vi: ' (chưa xác nhận)', en: ' (unconfirmed)' };
  }
}

/** The canonical citation of a registry document: `Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư`. */
export function canonicalCitation(doc: RegistryDocument): string {
  return `${doc.type} số ${doc.number} ngày ${numericDate(doc.date)} của ${doc.issuer}`;
}
