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

/** Each confidence in words (docs/registry.md), and the note a message about an unconfirmed fact ends with. */
const CONFIDENCE_WORDS: Record<Confidence, { label: Bilingual; note: Bilingual }> = {
  verified: { label: { vi: 'đã đối chiếu nguồn công khai', en: 'read on a public source' }, note: { vi: '', en: '' } },
  secondary: { label: { vi: 'theo nguồn thứ cấp', en: 'per a secondary source' }, note: { vi: ' (theo nguồn thứ cấp)', en: ' (per a secondary source)' } },
  cited: {
    label: { vi: 'chỉ biết qua cách các kế hoạch trích dẫn', en: 'known only from how plans cite it' },
    note: { vi: ' (theo cách các kế hoạch trích dẫn, chưa đối chiếu văn bản gốc)', en: ' (as plans cite it, not checked against the original)' },
  },
  unverified: { label: { vi: 'chưa xác nhận', en: 'unconfirmed' }, note: { vi: ' (chưa xác nhận)', en: ' (unconfirmed)' } },
};

/** A confidence in words (docs/registry.md). */
export function confidenceLabel(confidence: Confidence): Bilingual {
  return (CONFIDENCE_WORDS[confidence] ?? CONFIDENCE_WORDS.unverified).label;
}

/** A note to append to a message when the fact is not confirmed. */
export function confidenceNote(confidence: Confidence): Bilingual {
  return (CONFIDENCE_WORDS[confidence] ?? CONFIDENCE_WORDS.unverified).note;
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

/** What a finding of a rule comparing the plan with the registry rests on, for its doc (docs/rules.md) and hover. */
export const REGISTRY_BASIS: Bilingual = {
  vi: 'mục của danh mục mà phát hiện so với kế hoạch (văn bản, cơ quan hoặc tỉnh), với nguồn và độ tin cậy của mục. Nguồn: văn bản trung ương sinh từ Bộ pháp điển (server/data/central-documents.json; trang của văn bản trên vbpl.vn, `verified`; văn bản Bộ pháp điển chưa có mà nhiều văn bản công khai trích cùng một ngày, `cited`), văn bản, cơ quan và tỉnh nhập tay (documents.json, agencies.json, provinces.json; mỗi mục một nguồn công khai), tệp danh mục của thư mục (kehoach.json, nguồn và độ tin cậy do người thêm ghi) và các kế hoạch khác của thư mục (phần đầu của chúng, `cited`). Độ tin cậy: `verified` (đã đối chiếu nguồn công khai: giữ mức của quy tắc), `secondary` (nguồn thứ cấp: lời báo ghi rõ), `cited` (chỉ biết qua cách các kế hoạch trích dẫn: hạ xuống thông tin), `unverified` (chưa xác nhận: hạ xuống gợi ý); xem docs/registry.md. Di chuột lên phát hiện để xem mục, nguồn và độ tin cậy; `kehoach check --format json` ghi chúng trong trường `basis`',
  en: "the registry entry the finding compares the plan with (a document, an agency or a province), with the entry's sources and confidence. Sources: the central documents generated from the Bộ pháp điển (server/data/central-documents.json; the document's page on vbpl.vn, `verified`; documents it lacks that several public texts cite with the same date, `cited`), the documents, agencies and provinces entered by hand (documents.json, agencies.json, provinces.json; each entry with a public source), the workspace's registry files (kehoach.json; sources and confidence as whoever added them wrote) and its other plans (their headers, `cited`). Confidence: `verified` (read on a public source: the rule's severity), `secondary` (a secondary source: the message says so), `cited` (known only from how plans cite it: lowered to information), `unverified` (unconfirmed: lowered to a hint); see docs/registry.md. Hover over the finding to see the entry, its sources and confidence; `kehoach check --format json` gives them in the `basis` field",
};

/** The basis of a rule whose findings rest on the registry only when it knows the document or body (`when`), else on the plan's text alone. */
export function registryBasisWhen(when: Bilingual): Bilingual {
  return {
    vi: `khi ${when.vi}: ${REGISTRY_BASIS.vi}. Nếu không, chỉ chữ của chính kế hoạch, không dựa vào danh mục`,
    en: `when ${when.en}: ${REGISTRY_BASIS.en}. Otherwise the plan's own text alone, not the registry`,
  };
}

/** What citation-unknown rests on: that no source of the registry knows the document, nothing more. */
export const UNKNOWN_BASIS: Bilingual = {
  vi: 'không mục nào: văn bản không có trong văn bản trung ương sinh từ Bộ pháp điển, văn bản nhập tay, tệp danh mục hay các kế hoạch khác của thư mục. Gợi ý chỉ nói danh mục chưa biết văn bản, không nói trích dẫn sai',
  en: "no entry: the document is in none of the central documents generated from the Bộ pháp điển, the documents entered by hand, the workspace's registry files or its other plans. The hint says only that the registry does not know it, not that the citation is wrong",
};

/** What the cascade rules rest on: another plan of the workspace, read from its file as it is now. */
export const WORKSPACE_PLAN_BASIS: Bilingual = {
  vi: 'kế hoạch cấp trên trong thư mục mà kế hoạch này trích dẫn, đọc từ tệp của nó như hiện có (thông tin liên quan của phát hiện chỉ đến chỗ được so sánh trong tệp đó); không qua dữ kiện của danh mục, nên không có độ tin cậy nào khác ngoài chính tệp ấy',
  en: "the parent plan of the workspace this plan cites, read from its file as it is now (the finding's related information points at the place compared in that file); no registry fact is involved, so it is as sure as that file itself",
};
