/**
 * The document model of a plan: plain data, produced by `parsePlan` and read by
 * checks, layout and editor features. No behaviour lives here.
 *
 * Positions are LSP positions: zero-based line and UTF-16 code unit in the text
 * exactly as the editor holds it (NFD input keeps its own offsets). Text values
 * (titles, names, citation parts) are NFC, whatever form the source used.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** The three systems of official documents, each with its own layout rules. */
export type PlanSystem = 'state' | 'party' | 'mass';

export type HeaderKey = 'parentBody' | 'issuer' | 'number' | 'place' | 'date' | 'kind' | 'summary' | 'system' | 'urgency' | 'confidentiality';

export interface HeaderField {
  key: HeaderKey;
  /** The label as typed, without the colon (`Số`, `So`, `Ngày`). */
  label: string;
  /** The value, NFC, continuation lines joined with a space; '' when left empty. */
  value: string;
  /** The value's lines, NFC, when it continues on indented lines: a body's name printed on the drafter's lines. */
  lines?: string[];
  labelRange: Range;
  /** Range of the value; an empty range just after the colon when the value is empty. */
  valueRange: Range;
  range: Range;
}

/** `64/KH-UBND` (state form) or `184-KH/TU` (party form), as parsed from `Số:`. */
export interface DocumentNumber {
  text: string;
  /** The serial number as typed (`64`, `05`). */
  serial: string;
  /** `state`: serial/TYPE-ISSUER; `party`: serial-TYPE/ISSUER; `unknown`: neither. */
  form: 'state' | 'party' | 'unknown';
  /** The type code (`KH`, `CTr`) when the form has one. */
  typeCode?: string;
  /** The issuer's symbol (`UBND`, `TU`, `LĐLĐ`). */
  issuerSymbol?: string;
  /** True when spaces stand around the `/` or `-` (`64 /KH-UBND`). */
  hasStraySpaces: boolean;
  range: Range;
}

export interface PlanDate {
  day: number;
  month: number;
  year: number;
  /** ISO form `YYYY-MM-DD`. */
  iso: string;
  range: Range;
}

export interface Header {
  fields: HeaderField[];
  /** True when the header ended with a `---` line. */
  closed: boolean;
  /** Range from the first header line to the `---` (or the last header line). */
  range?: Range;
  parentBody?: HeaderField;
  issuer?: HeaderField;
  number?: HeaderField;
  place?: HeaderField;
  date?: HeaderField;
  kind?: HeaderField;
  summary?: HeaderField;
  system?: HeaderField;
  /** `Độ khẩn:` (Khẩn, Thượng khẩn, Hỏa tốc). */
  urgency?: HeaderField;
  /** `Độ mật:` (Mật, Tối mật, Tuyệt mật). */
  confidentiality?: HeaderField;
  /** The parsed `Số:` value, when it is not empty. */
  documentNumber?: DocumentNumber;
  /** The parsed `Ngày:` value, when it is a valid date. */
  planDate?: PlanDate;
}

export interface SystemInfo {
  value: PlanSystem;
  /** What decided: the `Hệ:` label, the number form, the issuer's name or symbol, or nothing. */
  source: 'explicit' | 'number' | 'issuer' | 'default';
}

export interface InlineRun {
  text: string;
  bold: boolean;
  italic: boolean;
  range: Range;
}

export type NumberKind = 'roman' | 'arabic' | 'letter' | 'dotted';

/** A number typed by the drafter before a heading or an item (`II.`, `1-`, `a)`, `2.3.`). */
export interface ExplicitNumber {
  text: string;
  kind: NumberKind;
  /** The ordinal it stands for (II → 2, đ → 6 in the Vietnamese alphabet, 2.3. → 3). */
  value: number;
  /** For dotted numbers, every part (`2.3.` → [2, 3]). */
  parts?: number[];
  /** The punctuation after it: `.`, `-` or `)`. */
  punctuation: '.' | '-' | ')' | '';
  range: Range;
}

export interface Paragraph {
  kind: 'paragraph';
  inlines: InlineRun[];
  /** Plain text, NFC, inline marks removed, lines joined with a space. */
  text: string;
  /** True when the whole paragraph is bold: an unnumbered sub-heading. */
  isSubheading: boolean;
  range: Range;
}

export type ItemMarkerKind = 'dash' | 'plus' | 'number' | 'letter';

export interface ListItem {
  kind: 'item';
  marker: { kind: ItemMarkerKind; text: string; range: Range };
  /** For numbered and lettered items: the number as typed. */
  explicitNumber?: ExplicitNumber;
  /** Leading spaces of the marker line (sub-items are usually indented). */
  indent: number;
  inlines: InlineRun[];
  text: string;
  range: Range;
}

export interface TableCell {
  inlines: InlineRun[];
  text: string;
  range: Range;
}

export interface TableRow {
  cells: TableCell[];
  range: Range;
}

export interface Table {
  kind: 'table';
  /** True when a `|---|` row followed the first row. */
  hasHeaderRow: boolean;
  rows: TableRow[];
  range: Range;
}

export type Block = Paragraph | ListItem | Table;

export interface Section {
  /** 1 to 4. */
  level: number;
  titleInlines: InlineRun[];
  /** Title text, NFC, without the typed number and without inline marks. */
  title: string;
  explicitNumber?: ExplicitNumber;
  /** 1-based position among its siblings. */
  ordinal: number;
  /** Ordinals from the top level down to this section. */
  path: number[];
  /** The number in the plan system's style (`II.`, `1-`, `a)`, `-`). */
  computedNumber: string;
  headingRange: Range;
  /** From the heading to the end of its last block or subsection. */
  range: Range;
  blocks: Block[];
  children: Section[];
}

export type CitationType =
  | 'Hiến pháp'
  | 'Luật'
  | 'Bộ luật'
  | 'Pháp lệnh'
  | 'Nghị quyết'
  | 'Nghị định'
  | 'Quyết định'
  | 'Chỉ thị'
  | 'Thông tư'
  | 'Thông tư liên tịch'
  | 'Kết luận'
  | 'Quy định'
  | 'Quy chế'
  | 'Hướng dẫn'
  | 'Kế hoạch'
  | 'Chương trình'
  | 'Thông báo'
  | 'Công văn'
  | 'Báo cáo'
  | 'Đề án'
  | 'Tờ trình'
  | 'Phương án';

/** A reference to a document in running text: `Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư`. */
export interface Citation {
  /** The type word as typed, NFC (`Chi thị` stays `Chi thị`). */
  typeWord: string;
  /** The type it was recognised as, with correct diacritics. */
  docType: CitationType;
  /** The number and symbol as typed, spaces included (`64 /KH-UBND`). */
  numberText: string;
  /** The serial number (`21`, `74`). */
  serial: string;
  /** The year inside the number (`74/2014/QH13` → 2014). */
  year?: number;
  /** A second year after the first (`31/2015/2019/NĐ-CP` → 2019): a slip, one of the two is wrong. */
  extraYear?: number;
  /** The symbol after the serial and year, without spaces (`CT/TW`, `NĐ-CP`, `QH13`). */
  symbol: string;
  /** Canonical key `serial/year/symbol` (year omitted when absent) for registry look-ups. */
  key: string;
  hasStraySpaces: boolean;
  date?: { day: number; month: number; year: number; iso: string; range: Range };
  /** The issuer after `của`, NFC (`Ban Bí thư`). */
  issuer?: string;
  issuerRange?: Range;
  typeWordRange: Range;
  numberRange: Range;
  /** The whole citation, type word to the end of the issuer or date. */
  range: Range;
}

export interface AgencyMention {
  /** The name as written, NFC (`Sở Lao động - Thương binh và Xã hội`). */
  name: string;
  /** `assignee`: a heading in Tổ chức thực hiện; `recipient`: a Nơi nhận line; `mention`: running text. */
  role: 'assignee' | 'recipient' | 'mention';
  range: Range;
}

export interface Recipient {
  /** The line's text without the dash, NFC. */
  text: string;
  /** The recipient without annotation and final punctuation. */
  name: string;
  /** `(b/c)`, `(để thực hiện)` … without the parentheses. */
  annotation?: string;
  /** The final punctuation as typed: `;`, `,`, `.` or ''. */
  punctuation: string;
  /** True for the archive line (`Lưu: VT, …`, `Lưu Văn phòng …`). */
  isArchive: boolean;
  range: Range;
}

export interface RecipientList {
  /** The label as typed, without the colon (`Nơi nhận`). */
  label: string;
  labelRange: Range;
  items: Recipient[];
  range: Range;
}

export type AuthorityKind = 'TM' | 'KT' | 'Q' | 'TL' | 'TUQ' | 'T/M' | 'K/T' | 'T/L';

export interface SignatureLine {
  text: string;
  range: Range;
}

export interface SignatureBlock {
  labelRange: Range;
  /** Lines such as `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`. */
  authorities: (SignatureLine & { kind: AuthorityKind })[];
  /** The signer's title (`PHÓ CHỦ TỊCH`); several lines are joined. */
  title?: SignatureLine;
  signer?: SignatureLine;
  range: Range;
}

export interface Appendix {
  /** `1`, `II` … when typed in `Phụ lục 1:`. */
  label?: string;
  title: string;
  blocks: Block[];
  range: Range;
}

export interface Comment {
  /** Text after `//`, trimmed. */
  text: string;
  range: Range;
}

/**
 * A reviewer's note (`//@ Trần Thị B (12/3/2025) “Sở Tài chính”: Bổ sung …`):
 * a comment a reviewer left on the words of the plan, as `kehoach import`
 * brings back the comments of a Word file. Never rendered.
 */
export interface ReviewNote {
  author: string;
  /** The date as written between the parentheses, when there is one. */
  date?: string;
  /** The words it is about, as quoted. */
  anchor?: string;
  message: string;
  /** The note's line. */
  range: Range;
  /** Where the quoted words are: in the block the note closes, else the last place before it. */
  anchorRange?: Range;
}

/**
 * A body's name in the header (capitals) cut where a drafter breaks it:
 * `breaks[i]` says what kind of break stands between `parts[i]` and
 * `parts[i + 1]`. `typed`: the drafter's own line, always kept; `place`:
 * before the level word and the place (`ỦY BAN NHÂN DÂN` / `XÃ BÌNH LƯ`),
 * taken when the name does not fit on one line; `conjunction`: before `VÀ`,
 * taken when a part still does not fit.
 */
export interface NameLines {
  parts: string[];
  breaks: ('typed' | 'place' | 'conjunction')[];
}

/** Dấu chỉ mức độ khẩn (Nghị định 30/2020, Phụ lục I; the party adds `HỎA TỐC HẸN GIỜ`). */
export type UrgencyMark = 'KHẨN' | 'THƯỢNG KHẨN' | 'HỎA TỐC' | 'HỎA TỐC HẸN GIỜ';
/** Dấu chỉ độ mật (Luật Bảo vệ bí mật nhà nước 2018). */
export type ConfidentialityMark = 'MẬT' | 'TỐI MẬT' | 'TUYỆT MẬT';

/**
 * The lines the official layout derives from the header and the system,
 * computed once so that renderers and hovers print the same text.
 */
export interface OfficialLines {
  /** Quốc hiệu, for state and mass-organisation documents. */
  nationalTitle?: string;
  /** Tiêu ngữ, with the Quốc hiệu. */
  motto?: string;
  /** `ĐẢNG CỘNG SẢN VIỆT NAM`, for party documents. */
  partyLine?: string;
  /** `Số: 64/KH-UBND` (state, mass) or `Số 184-KH/TU` (party); the number as typed. */
  numberLine: string;
  /** `Trà Vinh, ngày 17 tháng 11 năm 2020`: day below 10 and months 1 and 2 with a leading zero. */
  placeDateLine?: string;
  /** The tên loại in capitals: `KẾ HOẠCH`. */
  kindTitle?: string;
  /** The cơ quan chủ quản and the issuer, cut where a drafter breaks them. */
  parentBodyLines?: NameLines;
  issuerLines?: NameLines;
  /** The marks under the number, when the header gives a known value. */
  confidentialityMark?: ConfidentialityMark;
  urgencyMark?: UrgencyMark;
  /** `(Kèm theo Kế hoạch số 64/KH-UBND ngày 17 tháng 11 năm 2020 của Ủy ban nhân dân tỉnh Trà Vinh)`, under an appendix's title. */
  appendixNote?: string;
}

export interface PlanDocument {
  header: Header;
  system: SystemInfo;
  official: OfficialLines;
  preamble: Block[];
  sections: Section[];
  closing?: Paragraph;
  recipients?: RecipientList;
  signature?: SignatureBlock;
  appendices: Appendix[];
  comments: Comment[];
  reviewNotes: ReviewNote[];
  /** Every citation in document order (header, body, appendices). */
  citations: Citation[];
  agencies: AgencyMention[];
  /** Number of lines of the source. */
  lineCount: number;
}
