import type { Bilingual, FindingBasis, Severity } from '../model';
import type { Confidence, RegistryAgency, RegistryDocument, RegistryProvince } from '../registry/types';
import { numericDate } from '../syntax/dates';

/**
 * The severity a finding resting on a registry fact may have: a verified or
 * secondary fact keeps the rule's severity; a fact known only from how plans
 * cite the document gives information; an unverified one a hint.
 */
export function severityFor(confidence: Confidence): Severity | undefined {
  return confidence === 'cited' ? 'information' : confidence === 'unverified' ? 'hint' : undefined;
}

/** A confidence in words (docs/registry.md). */
export function confidenceLabel(confidence: Confidence): Bilingual {
  switch (confidence) {
    case 'verified':
      return { vi: 'đã đối chiếu nguồn công khai', en: 'read on a public source' };
    case 'secondary':
      return { vi: 'theo nguồn thứ cấp', en: 'per a secondary source' };
    case 'cited':
      return { vi: 'chỉ biết qua cách các kế hoạch trích dẫn', en: 'known only from how plans cite it' };
    default:
      return { vi: 'chưa xác nhận', en: 'unconfirmed' };
  }
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

/** What a finding comparing the plan with a registry entry rests on. */
export function basisOf(entry: RegistryDocument | RegistryAgency | RegistryProvince, confidence?: Confidence): FindingBasis {
  const name = 'number' in entry ? `${entry.type} ${entry.number}` : 'id' in entry ? entry.name : `${entry.kind} ${entry.name}`;
  return { entry: name, sources: entry.sources, confidence: confidence ?? entry.confidence };
}

/** What a finding of a rule comparing the plan with the registry rests on, for its doc (docs/rules.md). */
export const REGISTRY_BASIS: Bilingual = {
  vi: 'mục của danh mục mà phát hiện so với kế hoạch (văn bản, cơ quan hoặc tỉnh), với nguồn của mục và độ tin cậy của nó — `verified` (đã đối chiếu nguồn công khai: giữ mức của quy tắc), `secondary` (nguồn thứ cấp: lời báo ghi rõ), `cited` (chỉ biết qua cách các kế hoạch trích dẫn: hạ xuống thông tin), `unverified` (chưa xác nhận: hạ xuống gợi ý); xem docs/registry.md. Di chuột lên phát hiện để xem căn cứ; `kehoach check --format json` ghi nó trong trường `basis`',
  en: 'the registry entry the finding compares the plan with (a document, an agency or a province), with the entry\'s sources and its confidence — `verified` (read on a public source: the rule\'s severity), `secondary` (a secondary source: the message says so), `cited` (known only from how plans cite it: lowered to information), `unverified` (unconfirmed: lowered to a hint); see docs/registry.md. Hover over the finding to see it; `kehoach check --format json` gives it in the `basis` field',
};

