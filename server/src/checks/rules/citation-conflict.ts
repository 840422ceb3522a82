import type { Citation } from '../../model';
import { agencyKey } from '../../registry/agency-names';
import type { Registry } from '../../registry/registry';
import { basisOf, confidenceNote, severityFor, REGISTRY_BASIS } from '../../domain/registry-facts';
import { numericDate } from '../../syntax/dates';
import { agencyNamed } from '../registry-lookups';
import type { Rule } from '../rule';
import { perWord } from '../vietnamese';

/** An issuer's key without the head of the body before it (`Bộ trưởng Bộ Tài chính` is `Bộ Tài chính`), abbreviations spelled out; once per name. */
const issuerKey = perWord((name: string) => agencyKey(name).replace(/^(?:bo truong|thong doc|chu nhiem|tong kiem toan|chanh an|vien truong|tong thanh tra)(?: chu nhiem)? (?=\S)/, ''));

/**
 * Whether an issuer as cited is the registry's: the same name, one starting with the other (`Quốc hội
 * khóa XIII` ~ `Quốc hội`), one of joint issuers, or the same body for the registry of agencies. An
 * issuer the registry of agencies does not know is not judged: it may be the same body under a name
 * no list holds, and a reviewer would call that finding false.
 */
function issuerAgrees(cited: string, names: string[], registry: Registry): boolean {
  const c = issuerKey(cited);
  const close = (f: string) => c === f || c.startsWith(`${f} `) || f.startsWith(`${c} `) || f.split(/ va |, /).some((part) => part === c);
  if (names.some((n) => close(issuerKey(n)))) return true;
  const citedBody = agencyNamed(registry, cited);
  if (!citedBody) return true;
  return names.some((n) => agencyNamed(registry, n)?.id === citedBody.id);
}

export const citationConflict: Rule = {
  id: 'citation-conflict',
  title: { vi: 'Ngày hoặc cơ quan ban hành trái với danh mục', en: 'Date or issuer contradicts the registry' },
  defaultSeverity: 'warning',
  basis: REGISTRY_BASIS,
  check({ document, registry, date, report }) {
    const firstDate = new Map<string, Citation>();
    // "Kế hoạch thực hiện Chỉ thị số 21-CT/TW của UBND phường Kim Mã": the issuer named after a citation is
    // the plan's own, qualifying the plan, not the directive; it is no conflict.
    const ownIssuer = document.header.issuer?.value;
    for (const c of document.citations) {
      const known = registry.findDocument(c, date.iso);
      if (known && c.date && c.date.iso !== known.date) {
        const note = confidenceNote(known.confidence);
        const right = numericDate(known.date);
        report(
          c.date.range,
          {
            vi: `${known.type} số ${known.number} ban hành ngày ${right}, không phải ${numericDate(c.date.iso)}${note.vi}`,
            en: `${known.type} ${known.number} is dated ${right}, not ${numericDate(c.date.iso)}${note.en}`,
          },
          [{ title: `Viết ngày ${right} / Write ${right}`, edits: [{ range: c.date.range, newText: `ngày ${right}` }], safe: false }],
          { severity: severityFor(known.confidence), basis: basisOf(known) },
        );
      } else if (c.date) {
        const earlier = firstDate.get(c.key);
        if (earlier?.date && earlier.date.iso !== c.date.iso) {
          report(c.date.range, {
            vi: `${c.docType} số ${c.numberText} đã được trích với ngày ${numericDate(earlier.date.iso)} ở dòng ${earlier.range.start.line + 1}`,
            en: `${c.docType} ${c.numberText} was cited dated ${numericDate(earlier.date.iso)} on line ${earlier.range.start.line + 1}`,
          });
        }
      }
      if (c.date && !firstDate.has(c.key)) firstDate.set(c.key, c);
      if (known && c.issuer && c.issuerRange && !issuerAgrees(c.issuer, [known.issuer, ...(known.issuerAliases ?? [])], registry) && !(ownIssuer && issuerAgrees(c.issuer, [ownIssuer], registry))) {
        const note = confidenceNote(known.confidence);
        report(
          c.issuerRange,
          {
            vi: `${known.type} số ${known.number} do ${known.issuer} ban hành, không phải ${c.issuer}${note.vi}`,
            en: `${known.type} ${known.number} was issued by ${known.issuer}, not ${c.issuer}${note.en}`,
          },
          [{ title: `Viết "${known.issuer}" / Write "${known.issuer}"`, edits: [{ range: c.issuerRange, newText: known.issuer }], safe: false }],
          { severity: severityFor(known.confidence), basis: basisOf(known) },
        );
      }
    }
  },
};
