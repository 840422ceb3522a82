import type { Severity } from '../model';
import type { Confidence, RegistryDocument } from '../registry/types';
import { numericDate } from '../syntax/dates';
import type { Bilingual } from './rule';

/**
 * The severity a finding resting on a registry fact may have: a verified or
 * secondary fact keeps the rule's severity; a fact seen only in the seed
 * plans gives information; an unverified one a hint.
 */
export function severityFor(confidence: Confidence): Severity | undefined {
  return confidence === 'seed' ? 'information' : confidence === 'unverified' ? 'hint' : undefined;
}

/** A note to append to a message when the fact is not confirmed. */
export function confidenceNote(confidence: Confidence): Bilingual {
  switch (confidence) {
    case 'verified':
      return { vi: '', en: '' };
    case 'secondary':
      return { vi: ' (theo nguồn thứ cấp)', en: ' (per a secondary source)' };
    case 'seed':
      return { vi: ' (theo các kế hoạch mẫu, chưa đối chiếu văn bản gốc)', en: ' (as the seed plans give it, not checked against the original)' };
    default:
      return { vi: ' (chưa xác nhận)', en: ' (unconfirmed)' };
  }
}

/** The canonical citation of a registry document: `Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư`. */
export function canonicalCitation(doc: RegistryDocument): string {
  return `${doc.type} số ${doc.number} ngày ${numericDate(doc.date)} của ${doc.issuer}`;
}
