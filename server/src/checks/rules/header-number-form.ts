import type { DocumentNumber, Fix, PlanDocument, PlanSystem, Range } from '../../model';
import type { Bilingual, CheckContext, Rule } from '../rule';
import { effectiveSystem, issuerKind, systemOfIssuer } from '../../domain/issuers';
import { foldTitle } from '../../domain/plan-parts';
import { PARTY_NOTE, RawSpan } from '../structure-text';

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
        : { vi: `cơ quan ban hành "${header.issuer!.value}" thuộc hệ ${expected === 'party' ? 'Đảng' : expected === 'mass' ? 'đoàn thể' : 'nhà nước'}`, en: `the issuer "${header.issuer!.value}" is a ${expected} body` };
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
  doc: {
    vi: 'Kiểm tra giá trị "Số:". (1) Viết liền, không dấu cách ("64 /KH-UBND" → "64/KH-UBND"; sửa an toàn): Nghị định 30/2020/NĐ-CP, Phụ lục I, phần I, mục II, khoản 3 điểm c ("giữa số và ký hiệu văn bản có dấu gạch chéo (/), giữa các nhóm chữ viết tắt … có dấu gạch nối (-), không cách chữ"). (2) Hình thức theo hệ: nhà nước "số/LOẠI-CƠ QUAN" (64/KH-UBND, cùng điểm), Đảng "số-LOẠI/CƠ QUAN" (184-KH/TU, Hướng dẫn 36-HD/VPTW, mục II, điểm 1.3); hệ được xét theo nhãn "Hệ:" nếu có, nếu không theo tên cơ quan ban hành (TỈNH ỦY … là Đảng, ỦY BAN NHÂN DÂN, SỞ, BỘ … là nhà nước). Đoàn thể không được xét mục này vì mỗi tổ chức có quy định riêng (công đoàn viết 470/KH-LĐLĐ, Đoàn TNCS Hồ Chí Minh viết 12-KH/TĐTN). (3) Số nhỏ hơn 10 ghi thêm số 0 phía trước (05/KH-UBND; sửa an toàn): Nghị định 30/2020, cùng điểm; với Đảng, Hướng dẫn 36-HD/VPTW, mục II, điểm 1.3.1 a cho số "ghi liên tục từ số 01", nên quy tắc cũng áp dụng. (4) Chữ viết tắt tên loại khớp "Loại:" (KH – Kế hoạch, CTr – Chương trình, ĐA – Đề án, PA – Phương án, QĐ – Quyết định, CT – Chỉ thị, TB – Thông báo, BC – Báo cáo, HD – Hướng dẫn, NQ – Nghị quyết, TTr – Tờ trình): Nghị định 30/2020, Phụ lục I, phần I, mục II, khoản 3 điểm b và bảng chữ viết tắt ở Phụ lục III. Số còn để trống chờ cấp ("/KH-UBND") không bị báo. ' + PARTY_NOTE.vi,
    en: 'Checks the "Số:" value. (1) No spaces ("64 /KH-UBND" → "64/KH-UBND"; safe fix): Decree 30/2020/NĐ-CP, Appendix I, part I, section II, item 3.c ("a slash between number and symbol, hyphens between the groups of the symbol, no spaces"). (2) The system\'s form: state "number/TYPE-ISSUER" (64/KH-UBND, same item), party "number-TYPE/ISSUER" (184-KH/TU, Guidance 36-HD/VPTW, section II, point 1.3); the system is the "Hệ:" label when given, else the issuer\'s name (TỈNH ỦY … is party, ỦY BAN NHÂN DÂN, SỞ, BỘ … is state). Mass organisations are left out of this point, each having its own rules (unions write 470/KH-LĐLĐ, the Đoàn TNCS Hồ Chí Minh 12-KH/TĐTN). (3) A number below 10 takes a leading zero (05/KH-UBND; safe fix): Decree 30/2020, same item; for the party, Guidance 36-HD/VPTW, section II, point 1.3.1.a numbers documents "from 01", so the rule applies too. (4) The type code matches "Loại:" (KH – Kế hoạch, CTr – Chương trình, ĐA – Đề án, PA – Phương án, QĐ – Quyết định, CT – Chỉ thị, TB – Thông báo, BC – Báo cáo, HD – Hướng dẫn, NQ – Nghị quyết, TTr – Tờ trình): Decree 30/2020, Appendix I, part I, section II, item 3.b and the abbreviation table of Appendix III. A number left blank for the registry to fill ("/KH-UBND") is not reported. ' + PARTY_NOTE.en,
  },
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
      report(
        span.rangeOf(serialAt, serialAt + 1),
        { vi: `Số nhỏ hơn 10 phải ghi thêm số 0 phía trước: 0${number.serial}`, en: `A number below 10 takes a leading zero: 0${number.serial}` },
        [{ title: `Viết 0${number.serial} / Write 0${number.serial}`, edits: [{ range: span.rangeOf(serialAt, serialAt), newText: '0' }], safe: true }],
      );
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
