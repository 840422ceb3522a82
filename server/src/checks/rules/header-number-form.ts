import type { DocumentNumber, Fix, PlanDocument, PlanSystem, Range } from '../../model';
import type { Bilingual, CheckContext, Rule } from '../rule';
import { effectiveSystem, issuerKind, systemOfIssuer } from '../../domain/issuers';
import { foldTitle } from '../../domain/plan-parts';
import { RawSpan } from '../structure-text';

/** Type codes by tên loại (folded), for the state (Nghị định 30/2020/NĐ-CP, Phụ lục III) and the party (Hướng dẫn 36-HD/VPTW). */
const TYPE_CODES: { kind: RegExp; state: string; party: string }[] = [
  { kind: /^ke hoach$/, state: 'KH', party: 'KH' },
  { kind: /^chuong trinh(?: .*)?$/, state: 'CTr', party: 'CTr' },
  { kind: /^de an$/, state: 'ĐA', party: 'ĐA' },
  { kind: /^phuong an$/, state: 'PA', party: 'PA' },
  { kind: /^quyet dinh$/, state: 'QĐ', party: 'QĐ' },
  { kind: /^chi thi$/, state: 'CT', party: 'CT' },
  { kind: /^thong bao$/, state: 'TB', party: 'TB' },
  { kind: /^bao cao$/, state: 'BC', party: 'BC' },
  { kind: /^huong dan$/, state: 'HD', party: 'HD' },
  { kind: /^nghi quyet$/, state: 'NQ', party: 'NQ' },
  { kind: /^to trinh$/, state: 'TTr', party: 'TTr' },
];

/** Every type code of either list, upper-cased, to tell a type code from an issuer's symbol. */
const KNOWN_CODES = new Set(['KH', 'CTR', 'ĐA', 'PA', 'QĐ', 'QYĐ', 'CT', 'TB', 'BC', 'HD', 'NQ', 'TTR', 'KL', 'QC', 'TT', 'GM', 'DA']);

const FORM_EXAMPLE: Record<'state' | 'party', string> = { state: '64/KH-UBND', party: '184-KH/TU' };

/** The `Số:` value: no spaces, the system's form, a leading zero below 10, a type code that matches `Loại:`. */
/**
 * A number in the other system's form (`184-KH/TU` in a state plan, `64/KH-UBND`
 * in a party one), judged by `Hệ:` or else the issuer.
 * Mass organisations are left out: unions write 470/KH-LĐLĐ, the Đoàn TNCS Hồ Chí Minh 12-KH/TĐTN.
 */
function reportFormAgainstSystem(document: PlanDocument, number: DocumentNumber, range: Range, trimmed: string, report: CheckContext['report']): void {
  const { header, system } = document;
  const issuer = issuerKind(header.issuer?.value);
  const expected: PlanSystem | undefined = system.source === 'explicit' ? system.value : issuer ? systemOfIssuer(issuer) : undefined;
  const expectedForm = expected === 'party' ? 'party' : expected === 'state' ? 'state' : undefined;
  if (expectedForm && expectedForm !== number.form) {
    const why: Bilingual =
      system.source === 'explicit'
        ? { vi: `văn bản thuộc hệ ${expected === 'party' ? 'Đảng' : expected === 'mass' ? 'đoàn thể' : 'nhà nước'} ("Hệ:")`, en: `the plan is a ${expected} document ("Hệ:")` }
        : {
            vi: `cơ quan ban hành "${header.issuer!.value}" thuộc hệ ${expected === 'party' ? 'Đảng' : expected === 'mass' ? 'đoàn thể' : 'nhà nước'}`,
            en: `the issuer "${header.issuer!.value}" is a ${expected} body`,
          };
    const fixes: Fix[] = [];
    if (number.typeCode && number.issuerSymbol) {
      const converted = expectedForm === 'party' ? `${number.serial}-${number.typeCode}/${number.issuerSymbol}` : `${number.serial}/${number.typeCode}-${number.issuerSymbol}`;
      fixes.push({ title: `Viết ${converted} / Write ${converted}`, edits: [{ range, newText: converted }], safe: false });
    }
    report(
      range,
      {
        vi: `Số "${trimmed}" có dạng của ${number.form === 'party' ? 'Đảng' : 'nhà nước'} nhưng ${why.vi}; dạng đúng: ${FORM_EXAMPLE[expectedForm]}`,
        en: `Number "${trimmed}" has the ${number.form} form but ${why.en}; expected the form ${FORM_EXAMPLE[expectedForm]}`,
      },
      fixes,
    );
  }
}

export const headerNumberForm: Rule = {
  id: 'header-number-form',
  title: { vi: 'Hình thức số, ký hiệu văn bản', en: 'Form of the document number' },
  defaultSeverity: 'warning',
  check({ document, source, report }) {
    const { header } = document;
    const field = header.number;
    const number = header.documentNumber;
    if (!field || !number) return;
    const span = new RawSpan(source, field.valueRange);
    const value = span.text;
    const lead = value.length - value.trimStart().length;
    const trimmed = value.trim();
    const compact = trimmed.replace(/\s+/g, '');

    // A blank waiting for its number: `/KH-UBND`, `…/KH-UBND`, `   -KH/TU`.
    if (/^[.…_\s]*[/-]/u.test(trimmed)) return;

    // A value that is no document number at all.
    if (number.form === 'unknown') {
      report(span.rangeOf(lead, lead + trimmed.length), {
        vi: `"${trimmed}" không có dạng số, ký hiệu văn bản (nhà nước: ${FORM_EXAMPLE.state}; Đảng: ${FORM_EXAMPLE.party})`,
        en: `"${trimmed}" is not a document number (state: ${FORM_EXAMPLE.state}; party: ${FORM_EXAMPLE.party})`,
      });
      return;
    }
    // (1) Stray spaces.
    if (/\s/.test(trimmed)) {
      const edits = [...trimmed.matchAll(/\s+/g)].map((m) => ({ range: span.rangeOf(lead + m.index!, lead + m.index! + m[0].length), newText: '' }));
      report(span.rangeOf(lead, lead + trimmed.length), { vi: `Số, ký hiệu "${trimmed}" có dấu cách thừa; viết liền: ${compact}`, en: `Number "${trimmed}" has stray spaces; write ${compact}` }, [
        { title: `Viết ${compact} / Write ${compact}`, edits, safe: true },
      ]);
    }

    // (2) Form against the system.
    reportFormAgainstSystem(document, number, span.rangeOf(lead, lead + trimmed.length), trimmed, report);

    // (3) Leading zero below 10.
    const serialAt = value.indexOf(number.serial, lead);
    if (/^[1-9]$/.test(number.serial) && serialAt === lead) {
      report(span.rangeOf(serialAt, serialAt + 1), { vi: `Số nhỏ hơn 10 phải ghi thêm số 0 phía trước: 0${number.serial}`, en: `A number below 10 takes a leading zero: 0${number.serial}` }, [
        { title: `Viết 0${number.serial} / Write 0${number.serial}`, edits: [{ range: span.rangeOf(serialAt, serialAt), newText: '0' }], safe: true },
      ]);
    }

    // (4) Type code against `Loại:`.
    const kind = header.kind?.value;
    const entry = kind ? TYPE_CODES.find((t) => t.kind.test(foldTitle(kind))) : undefined;
    if (!entry) return;
    const want = effectiveSystem(document) === 'party' ? entry.party : entry.state;
    const code = number.typeCode;
    if (code && code.toLocaleUpperCase('vi') === want.toLocaleUpperCase('vi')) return;
    if (code && KNOWN_CODES.has(code.toLocaleUpperCase('vi'))) {
      const at = value.indexOf(code, serialAt + number.serial.length);
      report(
        span.rangeOf(at, at + code.length),
        { vi: `Ký hiệu "${code}" là của loại văn bản khác; "Loại: ${kind}" viết tắt là ${want}`, en: `Type code "${code}" belongs to another kind; "Loại: ${kind}" is abbreviated ${want}` },
        [{ title: `Viết ${want} / Write ${want}`, edits: [{ range: span.rangeOf(at, at + code.length), newText: want }], safe: false }],
      );
    } else {
      report(span.rangeOf(lead, lead + trimmed.length), {
        vi: `Số "${trimmed}" thiếu chữ viết tắt tên loại ${want} ("Loại: ${kind}")`,
        en: `Number "${trimmed}" lacks the type code ${want} ("Loại: ${kind}")`,
      });
    }
  },
};
