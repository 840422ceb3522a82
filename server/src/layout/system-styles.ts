import type { PlanSystem } from '../model';
import type { PageSetup } from './layout-model';

/**
 * The measures of each system's rules, in one table so that a size is
 * changed in one place. Where a rule gives a range, the value is the one most
 * issued documents use. Sources: Nghị định 30/2020/NĐ-CP Phụ lục I (state;
 * mass organisations follow it in practice) and Hướng dẫn 36-HD/VPTW (party),
 * as docs/format-rules.en.md §3–5 summarises them.
 */
export interface SystemStyle {
  page: PageSetup;
  /** Width of the header's left column (issuer) as a share of the text width. */
  headerLeftShare: number;
  parentBodyPt: number;
  issuerPt: number;
  numberPt: number;
  /** Quốc hiệu (state, mass) or `ĐẢNG CỘNG SẢN VIỆT NAM` (party). */
  nationalTitlePt: number;
  mottoPt: number;
  placeDatePt: number;
  kindTitlePt: number;
  summaryPt: number;
  bodyPt: number;
  /** Size of the appendix tables' text, smaller than the body so wide tables fit. */
  tablePt: number;
  recipientsLabelPt: number;
  recipientsLabelBold: boolean;
  recipientsLabelItalic: boolean;
  recipientsLabelUnderline: boolean;
  recipientPt: number;
  signaturePt: number;
  /** Under the trích yếu: a drawn rule (state) or a typed `-----` line (party). */
  summaryRule: 'line' | 'dashes';
  firstLineIndentMm: number;
  paragraphSpacingPt: number;
  lineSpacing: number;
  /** The page number: its distance from the top edge of the sheet. */
  pageNumberFromTopMm: number;
  /** The drawn rules (under the issuer, the Tiêu ngữ, the trích yếu, an appendix's note). */
  rule: { thicknessPt: number; spaceBeforePt: number; spaceAfterPt: number };
  /** The short rule under the issuer's name or a title, as a share of that line: 1/3 to 1/2 of it. */
  shortRuleShare: number;
  /** Space after the rule or the `-----` under the trích yếu or an appendix's note. */
  titleRuleSpaceAfterPt: number;
  /** The header's two columns: the padding of each, space above the number and the place-and-date line, above each mark, after the header, above tên loại. */
  header: { cellPaddingMm: number; numberSpaceBeforePt: number; markSpaceBeforePt: number; spaceAfterPt: number; kindTitleSpaceBeforePt: number };
  /** The plan's tables: cell padding, space around the table and around each cell's text; from this many columns an appendix is set landscape. */
  table: { cellPaddingMm: number; spaceAroundPt: number; cellSpacePt: number; landscapeColumns: number };
  /** Nơi nhận (left, this share of the text width) beside the signature: padding, space above, the room left for the signature and the seal. */
  closing: { recipientsShare: number; cellPaddingMm: number; spaceBeforePt: number; signatureSpacePt: number };
  /** Space after a centred line in parentheses of an appendix (`(Đơn vị: triệu đồng)`). */
  asideSpaceAfterPt: number;
}

/** A4 in millimetres. */
export const A4 = { widthMm: 210, heightMm: 297 };

const STATE: SystemStyle = {
  // Top 20–25, bottom 20–25, left 30–35, right 15–20 mm.
  page: { ...A4, orientation: 'portrait', margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 } },
  headerLeftShare: 0.4,
  parentBodyPt: 13,
  issuerPt: 13,
  numberPt: 13,
  nationalTitlePt: 13,
  mottoPt: 14,
  placeDatePt: 14,
  kindTitlePt: 14,
  summaryPt: 14,
  bodyPt: 14,
  tablePt: 12,
  recipientsLabelPt: 12,
  recipientsLabelBold: true,
  recipientsLabelItalic: true,
  recipientsLabelUnderline: false,
  recipientPt: 11,
  signaturePt: 14,
  summaryRule: 'line',
  // 1–1.27 cm; paragraph spacing at least 6 pt; line spacing single to 1.5.
  firstLineIndentMm: 12.7,
  paragraphSpacingPt: 6,
  lineSpacing: 1.15,
  pageNumberFromTopMm: 10,
  rule: { thicknessPt: 0.75, spaceBeforePt: 4, spaceAfterPt: 3 },
  shortRuleShare: 0.4,
  titleRuleSpaceAfterPt: 12,
  header: { cellPaddingMm: 1, numberSpaceBeforePt: 2, markSpaceBeforePt: 6, spaceAfterPt: 12, kindTitleSpaceBeforePt: 6 },
  table: { cellPaddingMm: 1.5, spaceAroundPt: 6, cellSpacePt: 2, landscapeColumns: 5 },
  closing: { recipientsShare: 0.45, cellPaddingMm: 1, spaceBeforePt: 6, signatureSpacePt: 60 },
  asideSpaceAfterPt: 12,
};

const PARTY: SystemStyle = {
  ...STATE,
  page: { ...A4, orientation: 'portrait', margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 } },
  headerLeftShare: 0.45,
  parentBodyPt: 14,
  issuerPt: 14,
  numberPt: 14,
  nationalTitlePt: 15,
  placeDatePt: 14,
  kindTitlePt: 16,
  summaryPt: 14,
  bodyPt: 14,
  tablePt: 13,
  recipientsLabelPt: 14,
  recipientsLabelBold: false,
  recipientsLabelItalic: false,
  recipientsLabelUnderline: true,
  recipientPt: 12,
  summaryRule: 'dashes',
};

/** The measures of a system's layout. */
export function systemStyle(system: PlanSystem): SystemStyle {
  return system === 'party' ? PARTY : STATE;
}

/** The same page turned sideways, for wide appendix tables. */
export function landscape(page: PageSetup): PageSetup {
  const { topMm, bottomMm, leftMm, rightMm } = page.margins;
  // The binding edge (the wide left margin) becomes the top one.
  return { widthMm: page.heightMm, heightMm: page.widthMm, orientation: 'landscape', margins: { topMm: leftMm, bottomMm: rightMm, leftMm: topMm, rightMm: bottomMm } };
}

/** Width of the text area of a page. */
export function textWidthMm(page: PageSetup): number {
  return page.widthMm - page.margins.leftMm - page.margins.rightMm;
}

/** Height of the text area of a page. */
export function textHeightMm(page: PageSetup): number {
  return page.heightMm - page.margins.topMm - page.margins.bottomMm;
}
