import type { AgencyMention, Citation, Position, Range } from '../../model';
import { DISTRICT_BODY, type Registry } from '../../registry/registry';
import type { RegistryProvince } from '../../registry/types';
import { numericDate } from '../../syntax/dates';
import { basisOf, confidenceNote, severityFor, REGISTRY_BASIS } from '../../domain/registry-facts';
import { agencyNamed, provinceNamedIn } from '../registry-lookups';
import type { CheckContext, Rule } from '../rule';

/** A position as one number that orders as positions do (a line holds fewer than 2^32 characters). */
const positionKey = (p: Position) => p.line * 2 ** 32 + p.character;

/**
 * Whether a range lies within the issuer named in a citation: the issuers by
 * where they start, each with the furthest end of those up to it, found by
 * halves (a plan of hundreds of citations names hundreds of bodies).
 */
function withinCitedIssuer(citations: readonly Citation[]): (range: Range) => boolean {
  const starts: number[] = [];
  const reach: number[] = [];
  const issuers = citations.flatMap((c) => (c.issuerRange ? [[positionKey(c.issuerRange.start), positionKey(c.issuerRange.end)] as const] : [])).sort((a, b) => a[0] - b[0]);
  for (const [start, end] of issuers) {
    starts.push(start);
    reach.push(Math.max(end, reach.at(-1) ?? -Infinity));
  }
  return (range) => {
    const start = positionKey(range.start);
    let low = 0;
    for (let high = starts.length; low < high;) {
      const mid = (low + high) >>> 1;
      if (starts[mid] <= start) low = mid + 1;
      else high = mid;
    }
    return low > 0 && reach[low - 1] >= positionKey(range.end);
  };
}

/** `Ủy ban nhân dân huyện Tam Đường (cũ)`: a body named as it was, on purpose. */
const FORMER = /^\s*(?:\(\s*)?(?:cũ|trước đây)(?![\p{L}\p{M}])/u;

/** `tỉnh Hà Giang` → `tỉnh Tuyên Quang` in the case the name is written in (`TỈNH HÀ GIANG` → `TỈNH TUYÊN QUANG`). */
function withProvince(name: string, from: number, successor: RegistryProvince): string {
  const replaced = `${successor.kind} ${successor.name}`;
  const upper = name === name.toLocaleUpperCase('vi');
  return name.slice(0, from) + (upper ? replaced.toLocaleUpperCase('vi') : replaced);
}

/** A body of a province merged on the plan's date (`Sở Nội vụ tỉnh Bắc Giang` in 2026): reported with the province it joined. */
function reportMergedProvince(
  { registry, date, report }: Pick<CheckContext, 'registry' | 'date' | 'report'>,
  mention: Pick<AgencyMention, 'name' | 'range' | 'role'> | { name: string; range: AgencyMention['range']; role: 'issuer' },
): void {
  const found = provinceNamedIn(registry, mention.name);
  const province = found?.province;
  if (!found || !province?.validTo || date.iso < province.validTo || !province.mergedInto) return;
  const successor = registry.findProvince(province.mergedInto);
  const into = successor ? `${successor.kind} ${successor.name}` : province.mergedInto;
  const note = confidenceNote(province.confidence);
  report(
    mention.range,
    {
      vi: `${province.kind === 'tỉnh' ? 'Tỉnh' : 'Thành phố'} ${province.name} đã hợp nhất vào ${into} từ ${numericDate(province.validTo)}${note.vi}; "${mention.name}" không còn`,
      en: `${province.kind === 'tỉnh' ? 'The province' : 'The city'} ${province.name} joined ${into} on ${numericDate(province.validTo)}${note.en}; "${mention.name}" no longer exists`,
    },
    successor && mention.role !== 'issuer'
      ? [{ title: `Viết ${withProvince(mention.name, found.from, successor)} / Write it`, edits: [{ range: mention.range, newText: withProvince(mention.name, found.from, successor) }], safe: false }]
      : undefined,
    { severity: severityFor(province.confidence), basis: basisOf(province) },
  );
}

function followedByFormer(source: CheckContext['source'], mention: { range: AgencyMention['range'] }): boolean {
  const end = source.offsetOf(mention.range.end);
  return FORMER.test(source.original.slice(end, end + 16));
}

function successorsOf(registry: Registry, on: string, id: string) {
  const agency = registry.agency(id)!;
  const status = registry.agencyStatus(agency, on);
  return status.state === 'gone' ? status.successors.filter((s) => s.agency) : [];
}

export const agencyValidity: Rule = {
  id: 'agency-validity',
  title: { vi: 'Cơ quan không còn tồn tại tại ngày của kế hoạch', en: "Agency that no longer exists on the plan's date" },
  defaultSeverity: 'warning',
  basis: REGISTRY_BASIS,
  check(context) {
    const { document, registry, date, report, source } = context;
    // The header's issuer and parent body too: a 2026 plan issued by a district People's Committee cannot be.
    const headerBodies = [document.header.issuer, document.header.parentBody]
      .filter((field) => field?.value)
      .map((field) => ({ name: field!.value, range: field!.valueRange, role: 'issuer' as const }));
    // The issuer of a cited document is named as it was when it issued it (`Kế hoạch số 12/KH-UBND … của UBND huyện Tam Đường`).
    const inCitation = withinCitedIssuer(document.citations);
    for (const mention of [...document.agencies, ...headerBodies]) {
      if (mention.role !== 'issuer' && (followedByFormer(source, mention) || inCitation(mention.range))) continue;
      const agency = agencyNamed(registry, mention.name);
      if (!agency) continue;
      const status = registry.agencyStatus(agency, date.iso);
      if (status.state !== 'gone') {
        reportMergedProvince(context, mention);
        continue;
      }
      const note = confidenceNote(agency.confidence);
      const successors = successorsOf(registry, date.iso, agency.id);
      const list = successors.map((s) => `${s.agency!.name}${s.function ? ` (${s.function})` : ''}`).join('; ');
      const district = agency.id === DISTRICT_BODY;
      report(
        mention.range,
        district
          ? {
              vi: `"${mention.name}" là cơ quan, đơn vị cấp huyện; cấp huyện không còn tổ chức từ ${numericDate(status.on)}${note.vi}`,
              en: `"${mention.name}" is a body of a district; the district level ended on ${numericDate(status.on)}${note.en}`,
            }
          : {
              vi: `${agency.name} không còn tồn tại từ ${numericDate(status.on)}${note.vi}${list ? `; chức năng chuyển sang: ${list}` : ''}`,
              en: `${agency.name} no longer exists from ${numericDate(status.on)}${note.en}${list ? `; its functions moved to: ${list}` : ''}`,
            },
        // An assignee or the issuer is a body of its own place: which successor takes it over is the drafter's call.
        mention.role === 'assignee' || mention.role === 'issuer' || district
          ? undefined
          : successors.map((s) => ({ title: `Thay bằng ${s.agency!.name} / Replace with ${s.agency!.name}`, edits: [{ range: mention.range, newText: s.agency!.name }], safe: false })),
        { severity: severityFor(agency.confidence), basis: basisOf(agency) },
      );
    }
  },
};
