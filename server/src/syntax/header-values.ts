import type { ConfidentialityMark, Header, OfficialLines, PlanSystem, UrgencyMark } from '../model';
import { nameLines, runningName } from './body-names';
import { writtenDate } from './dates';
import { fold } from './inline';

export interface ParsedDocumentNumber {
  serial: string;
  form: 'state' | 'party' | 'unknown';
  typeCode?: string;
  issuerSymbol?: string;
  hasStraySpaces: boolean;
}

/**
 * Reads the value of `Số:`. State and mass organisations write
 * `serial/TYPE-ISSUER` (`64/KH-UBND`), the party `serial-TYPE/ISSUER`
 * (`184-KH/TU`); a công văn has only `serial/ISSUER` (`12/UBND-VX`).
 */
export function readDocumentNumber(value: string): ParsedDocumentNumber {
  const hasStraySpaces = /\s[/-]|[/-]\s/.test(value.trim());
  const compact = value.replace(/\s+/g, '');
  let m = /^(\d+)-([\p{L}\d]+)\/([\p{L}\d.&-]+)$/u.exec(compact);
  if (m) return { serial: m[1], form: 'party', typeCode: m[2], issuerSymbol: m[3], hasStraySpaces };
  m = /^(\d+)\/([\p{L}\d]+)-([\p{L}\d.&-]+)$/u.exec(compact);
  if (m) return { serial: m[1], form: 'state', typeCode: m[2], issuerSymbol: m[3], hasStraySpaces };
  m = /^(\d+)\/([\p{L}\d.&-]+)$/u.exec(compact);
  if (m) return { serial: m[1], form: 'state', issuerSymbol: m[2], hasStraySpaces };
  return { serial: /^\d+/.exec(compact)?.[0] ?? '', form: 'unknown', hasStraySpaces };
}

/** Issuer symbols and name words of mass organisations (Công đoàn, Đoàn, Hội, Mặt trận), folded. */
const MASS_SYMBOLS = /(?:^|-)(?:ldld|tld|cdn|cdvc|cd|dtn|tdtn|tdoan|hlhpn|hnd|hccb|mttq|hct[dđ]|dtncs|hlhtn)(?:$|-)/;
const MASS_NAMES = /\b(?:lien doan lao dong|cong doan|doan thanh nien|tinh doan|hoi lien hiep|hoi nong dan|hoi cuu chien binh|mat tran to quoc|hoi chu thap do)\b/;
const PARTY_NAMES = /\b(?:tinh uy|thanh uy|huyen uy|quan uy|dang uy|chi bo|dang bo|ban chap hanh|ban thuong vu|dang cong san)\b/;

/** Reads a `Hệ:` value. */
export function readSystem(value: string): PlanSystem | undefined {
  const v = fold(value.trim());
  if (/^(?:nha nuoc|hanh chinh|state)$/.test(v)) return 'state';
  if (/^(?:dang|party)$/.test(v)) return 'party';
  if (/^(?:doan the|to chuc chinh tri - xa hoi|mass)$/.test(v)) return 'mass';
  return undefined;
}

/** The system a plan belongs to, from what its header says (see docs/syntax.en.md, "The system"). */
export function inferSystem(number: ParsedDocumentNumber | undefined, issuer: string | undefined): { value: PlanSystem; source: 'number' | 'issuer' | 'default' } {
  const issuerFolded = issuer ? fold(issuer) : '';
  // The Đoàn writes the party form too (`12-KH/TĐTN`): its symbol or name makes it a mass organisation.
  if (number?.form === 'party') {
    if (number.issuerSymbol && MASS_SYMBOLS.test(fold(number.issuerSymbol))) return { value: 'mass', source: 'number' };
    if (MASS_NAMES.test(issuerFolded)) return { value: 'mass', source: 'issuer' };
    return { value: 'party', source: 'number' };
  }
  if (number?.form === 'state') {
    if (number.issuerSymbol && MASS_SYMBOLS.test(fold(number.issuerSymbol))) return { value: 'mass', source: 'number' };
    if (MASS_NAMES.test(issuerFolded)) return { value: 'mass', source: 'issuer' };
    return { value: 'state', source: 'number' };
  }
  if (PARTY_NAMES.test(issuerFolded)) return { value: 'party', source: 'issuer' };
  if (MASS_NAMES.test(issuerFolded)) return { value: 'mass', source: 'issuer' };
  return { value: 'state', source: 'default' };
}

const URGENCY: Record<string, UrgencyMark> = { khan: 'KHẨN', 'thuong khan': 'THƯỢNG KHẨN', 'hoa toc': 'HỎA TỐC', 'hoa toc hen gio': 'HỎA TỐC HẸN GIỜ' };
const CONFIDENTIALITY: Record<string, ConfidentialityMark> = { mat: 'MẬT', 'toi mat': 'TỐI MẬT', 'tuyet mat': 'TUYỆT MẬT' };

const markKey = (value: string) => fold(value).replace(/\s+/g, ' ').trim();

/**
 * Reads `Độ khẩn:`. Nghị định 30/2020 knows three levels; the party's rules
 * a fourth, `Hỏa tốc hẹn giờ`, which a state plan does not have.
 */
export function readUrgency(value: string, system: PlanSystem): UrgencyMark | undefined {
  const mark = URGENCY[markKey(value)];
  return mark === 'HỎA TỐC HẸN GIỜ' && system !== 'party' ? undefined : mark;
}

/** Reads `Độ mật:`: Mật, Tối mật or Tuyệt mật. */
export function readConfidentiality(value: string): ConfidentialityMark | undefined {
  return CONFIDENTIALITY[markKey(value)];
}

/**
 * The line under an appendix's title in the model of Nghị định 30/2020
 * (Phụ lục I): `(Kèm theo Kế hoạch số … ngày … của …)`, from the header;
 * `…` for what the header does not give yet.
 */
function appendixNote(header: Header): string {
  const kind = header.kind?.value.trim();
  const kindText = kind ? kind.charAt(0).toLocaleUpperCase('vi') + kind.slice(1).toLocaleLowerCase('vi') : 'Văn bản';
  const number = header.number?.value.trim() || '…';
  const date = header.planDate ? writtenDate(header.planDate) : 'ngày … tháng … năm …';
  const issuer = header.issuer?.value.trim() ? runningName(header.issuer.value.trim()) : '…';
  return `(Kèm theo ${kindText} số ${number} ${date} của ${issuer})`;
}

/** The header lines the layout prints, derived from the header fields and the system (Nghị định 30/2020, Phụ lục I; Hướng dẫn 36-HD/VPTW). */
export function officialLines(header: Header, system: PlanSystem): OfficialLines {
  const number = header.number?.value ?? '';
  const lines: OfficialLines = { numberLine: system === 'party' ? `Số ${number}`.trim() : `Số: ${number}`.trim(), appendixNote: appendixNote(header) };
  if (system === 'party') lines.partyLine = 'ĐẢNG CỘNG SẢN VIỆT NAM';
  else {
    lines.nationalTitle = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
    lines.motto = 'Độc lập - Tự do - Hạnh phúc';
  }
  const date = header.planDate;
  if (date) {
    const place = header.place?.value;
    lines.placeDateLine = `${place ? `${place}, ` : ''}${writtenDate(date)}`;
  }
  if (header.kind?.value) lines.kindTitle = header.kind.value.toLocaleUpperCase('vi');
  if (header.parentBody?.value) lines.parentBodyLines = nameLines(header.parentBody.value, header.parentBody.lines);
  if (header.issuer?.value) lines.issuerLines = nameLines(header.issuer.value, header.issuer.lines);
  const confidentiality = header.confidentiality?.value ? readConfidentiality(header.confidentiality.value) : undefined;
  if (confidentiality) lines.confidentialityMark = confidentiality;
  const urgency = header.urgency?.value ? readUrgency(header.urgency.value, system) : undefined;
  if (urgency) lines.urgencyMark = urgency;
  return lines;
}
