// LAYOUT-MODEL-READY
/**
 * The layout of a plan as plain data: what every renderer (HTML preview, DOCX,
 * PDF) draws, so that the three agree. Built from a `PlanDocument` by
 * `layoutPlan`; renderers never look at the plan's text or model again.
 *
 * Units: lengths in millimetres (`…Mm`), font sizes and spacing in points
 * (`…Pt`). Text is NFC and already in its printed form (capitals, computed
 * heading numbers, `Số:` or `Số` per system): a renderer escapes it and draws
 * it, it never transforms it.
 *
 * Every block carries the source range it came from (`source`), for the
 * preview's click-to-source and scroll sync; blocks the layout adds on its own
 * (the Quốc hiệu, rules, the `*` under a party committee) carry the range of
 * the header field that caused them, or none.
 *
 * Changes to these types are additive only (new optional fields); see
 * /tmp/layout-changes.md if one ever had to change.
 */
import type { ConfidentialityMark, PlanSystem, Range, UrgencyMark } from '../model';

/** A4 portrait or landscape, with the margins of the system. */
export interface PageSetup {
  widthMm: number;
  heightMm: number;
  orientation: 'portrait' | 'landscape';
  margins: { topMm: number; bottomMm: number; leftMm: number; rightMm: number };
}

/** The page number: Arabic, centred in the top margin, not on the first page. */
export interface PageNumbering {
  position: 'top-center';
  /** False: the first page of the document shows no number (Nghị định 30/2020, Phụ lục I). */
  showOnFirstPage: boolean;
  sizePt: number;
  /** Distance from the top edge of the sheet to the number's baseline area. */
  fromTopMm: number;
}

/** The typeface: Times New Roman where installed, else a metric-compatible font with full Vietnamese coverage. */
export interface FontChoice {
  family: string;
  /** In order of preference after `family` (`Tinos`, `Liberation Serif`), ending with the generic `serif`. */
  fallbacks: string[];
}

/** A piece of text in one style. The paragraph's style applies where a run says nothing. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Overrides the paragraph's size (rare: a marker in a smaller line). */
  sizePt?: number;
  /** Starts a new line: where the drafter or the layout breaks a body's name in the header. */
  breakBefore?: boolean;
  /** Drawn inside a thin frame, as the urgency and confidentiality marks are stamped. */
  framed?: boolean;
  source?: Range;
}

export type Alignment = 'left' | 'center' | 'right' | 'justify';

/**
 * What a block is in the official layout. Renderers may style by role (the
 * HTML preview uses it as a class); the layout has already put every style
 * the rules require into the block itself.
 */
export type BlockRole =
  | 'header'
  | 'parent-body'
  | 'issuer'
  | 'issuer-rule'
  | 'issuer-mark'
  | 'number'
  | 'confidentiality-mark'
  | 'urgency-mark'
  | 'national-title'
  | 'motto'
  | 'motto-rule'
  | 'party-line'
  | 'place-date'
  | 'kind-title'
  | 'summary'
  | 'summary-rule'
  | 'preamble'
  | 'heading'
  | 'subheading'
  | 'paragraph'
  | 'item'
  | 'table'
  | 'closing'
  | 'closing-blocks'
  | 'recipients-label'
  | 'recipient'
  | 'authority'
  | 'signer-title'
  | 'signature-space'
  | 'signer'
  | 'appendix-label'
  | 'appendix-title'
  | 'appendix-note'
  | 'appendix-rule'
  | 'table-cell';

/** A paragraph of text: a line of the header, a heading, body text, an item, a table cell's text. */
export interface LayoutParagraph {
  kind: 'paragraph';
  role: BlockRole;
  /** Heading level 1–4, for `heading` blocks. */
  level?: number;
  runs: TextRun[];
  sizePt: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  align: Alignment;
  /** Indent of the first line, from the left edge of the text area (or cell). */
  firstLineIndentMm: number;
  /** Indent of every line, from the left edge of the text area (or cell). */
  leftIndentMm: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** Line height as a multiple of single spacing (1 = single). */
  lineSpacing: number;
  /** Keep on the same page as the next block (headings, the header's parts). */
  keepWithNext: boolean;
  source?: Range;
}

/** A horizontal rule drawn as a line: under the issuer, the Tiêu ngữ, the trích yếu. */
export interface LayoutRule {
  kind: 'rule';
  role: BlockRole;
  /** Length of the line; centred in its cell or text area. */
  widthMm: number;
  thicknessPt: number;
  align: 'center' | 'left';
  spaceBeforePt: number;
  spaceAfterPt: number;
  keepWithNext: boolean;
  source?: Range;
}

export interface LayoutTableCell {
  blocks: (LayoutParagraph | LayoutRule)[];
  verticalAlign: 'top' | 'middle';
  /** Number of columns this cell spans; 1 when absent. */
  columnSpan?: number;
  source?: Range;
}

export interface LayoutTableRow {
  cells: LayoutTableCell[];
  /** A header row: repeated at the top of each page the table runs onto. */
  isHeader: boolean;
  source?: Range;
}

/**
 * A table: a plan's own table (with borders), or the borderless two-column
 * tables that hold the header and the closing blocks (Nơi nhận | signature).
 */
export interface LayoutTable {
  kind: 'table';
  role: BlockRole;
  /** Width of each column; they add up to the text width (or less for the header). */
  columnWidthsMm: number[];
  borders: boolean;
  rows: LayoutTableRow[];
  spaceBeforePt: number;
  spaceAfterPt: number;
  /** Cell padding left and right. */
  cellPaddingMm: number;
  keepWithNext: boolean;
  source?: Range;
}

export type LayoutBlock = LayoutParagraph | LayoutRule | LayoutTable;

/** A run of pages sharing one page setup: the body, then each appendix on new pages. */
export interface LayoutSection {
  kind: 'body' | 'appendix';
  page: PageSetup;
  blocks: LayoutBlock[];
  source?: Range;
}

/**
 * One page of the estimated pagination: blocks `[firstBlock, endBlock)` of
 * `sections[section]`. Only body paragraphs are split across pages (at least
 * two lines on each side); tables and kept-together blocks move whole, and a
 * block taller than a page gets a page to itself. The estimate counts lines
 * from characters per line at each block's size (`estimateLines`); it is what
 * the HTML preview shows. DOCX leaves pagination to the word processor and
 * the PDF renderer breaks lines itself.
 */
export interface LayoutPage {
  /** 1-based, running through all sections. */
  number: number;
  section: number;
  firstBlock: number;
  endBlock: number;
  /** The first block began on the page before: its first this-many lines were shown there. */
  firstBlockFromLine?: number;
  /** The last block goes on to the next page: this page shows its lines before this one. */
  lastBlockUntilLine?: number;
  /** Where the first block's part on this page begins in the text of its runs joined (with `firstBlockFromLine`). */
  firstBlockFromOffset?: number;
  /** Where the last block's part on this page ends in the text of its runs joined (with `lastBlockUntilLine`). */
  lastBlockUntilOffset?: number;
  showNumber: boolean;
  /** Estimated height of the blocks on the page. */
  contentHeightMm: number;
}

/**
 * What the header and the closing blocks say about the document, for the
 * PDF's metadata and the e-office record (Nghị định 30/2020, Phụ lục VI).
 * Each field is absent when the plan does not give it.
 */
export interface DocumentRecord {
  /** Tên loại as typed: `Kế hoạch`. */
  kind?: string;
  /** Số và ký hiệu, without stray spaces: `64/KH-UBND`. */
  number?: string;
  /** The serial (`64`) and the ký hiệu after it (`KH-UBND`, `KH/TU`). */
  serial?: string;
  symbol?: string;
  /** The issuer's own symbol in the number: `UBND`, `TU`. */
  issuerSymbol?: string;
  /** Date of issue, `YYYY-MM-DD`. */
  date?: string;
  place?: string;
  issuer?: string;
  parentBody?: string;
  summary?: string;
  confidentiality?: ConfidentialityMark;
  urgency?: UrgencyMark;
  signer?: { name?: string; title?: string; authorities: string[] };
  /** Nơi nhận without the dash and the final punctuation, the archive line (`Lưu: VT, KGVX`) apart. */
  recipients: string[];
  archive?: string;
}

export interface LayoutMeta {
  /** The trích yếu (PDF title), or the tên loại when there is none. */
  title: string;
  /** The issuing body (PDF author). */
  author: string;
  /** `Kế hoạch 64/KH-UBND` */
  subject: string;
  language: 'vi';
  record?: DocumentRecord;
}

export interface LayoutDocument {
  system: PlanSystem;
  meta: LayoutMeta;
  font: FontChoice;
  pageNumbering: PageNumbering;
  sections: LayoutSection[];
  pages: LayoutPage[];
}
