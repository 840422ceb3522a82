/**
 * The lines of the PDF: words measured in the embedded faces (kerning
 * included), broken greedily at spaces and after a hyphen inside a word
 * (`21-CT/TW`), as Word and LibreOffice do; paragraphs and tables set to
 * their widths, with the heights pagination needs (`pdf-typeset.ts` draws
 * them).
 */
import type { LayoutParagraph, LayoutRule, LayoutTable, LayoutTableRow } from '../layout/layout-model';
import { fontFace, type FontFace } from './fonts';

export const PT_PER_MM = 72 / 25.4;
export const pt = (mm: number): number => mm * PT_PER_MM;

/** Liberation Serif's ascent (as Times New Roman's) in ems: where pdfkit puts the baseline below a line's top. */
export const ASCENT = 0.891;
/** Word's single line for Times New Roman, in ems (the layout's `lineSpacing` multiplies it). */
export const SINGLE_LINE = 1.15;
/** Thickness of a table's grid lines, in points. */
export const GRID_LINE = 0.5;
/** Thickness of the frame of a mark (`KHẨN`, `MẬT`), in points. */
export const FRAME_LINE = 0.75;
export const NO_BREAK_SPACE = '\u00A0';
/** Rounding slack when comparing positions, in points. */
export const EPSILON = 0.01;

export interface Piece {
  text: string;
  face: FontFace;
  sizePt: number;
  underline: boolean;
  framed: boolean;
  width: number;
}

/** Text between two break opportunities; several pieces when the style changes inside it. */
export interface Word {
  pieces: Piece[];
  width: number;
  /** Width of the space after it; 0 after a hyphen that may end a line (`21-` in `21-CT/TW`). */
  space: number;
  /** It starts a new line (a run with `breakBefore`). */
  newLine?: boolean;
}

/** White space a line may break at: every kind but the no-break spaces, which stay inside their word. */
export const BREAKING_SPACE = /([^\S\u00A0\u2007\u202F]+)/;

/** After a hyphen between letters or digits a line may break, as UAX #14 allows. */
export const HYPHEN_BREAK = /(?<=[\p{L}\p{N}]-)(?=[\p{L}\p{N}])/u;

export interface Line {
  words: Word[];
  /** Natural width, without the space after the last word. */
  width: number;
  /** From the left edge of the text area or cell. */
  indent: number;
  available: number;
  last: boolean;
}

export interface SetParagraph {
  kind: 'paragraph';
  block: LayoutParagraph;
  lines: Line[];
  lineHeight: number;
  /** The largest size on the paragraph's lines: its baseline sits this size's ascent below a line's top. */
  sizePt: number;
}

export interface SetRule {
  kind: 'rule';
  block: LayoutRule;
}

export type SetCellBlock = SetParagraph | SetRule;

export interface SetCell {
  offset: number;
  width: number;
  blocks: SetCellBlock[];
  height: number;
  middle: boolean;
}

export interface SetRow {
  row: LayoutTableRow;
  cells: SetCell[];
  height: number;
}

export interface SetTable {
  kind: 'table';
  block: LayoutTable;
  rows: SetRow[];
}

export type SetBlock = SetParagraph | SetRule | SetTable;

/** Advances of words in the embedded faces, measured once per face and text at one point. */
export class Metrics {
  private readonly cache = new Map<FontFace, Map<string, number>>();

  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  width(text: string, face: FontFace, sizePt: number): number {
    let widths = this.cache.get(face);
    if (!widths) this.cache.set(face, (widths = new Map()));
    let width = widths.get(text);
    if (width === undefined) {
      width = this.pdf.font(face).fontSize(1).widthOfString(text);
      widths.set(text, width);
    }
    return width * sizePt;
  }
}

export function words(block: LayoutParagraph, metrics: Metrics): Word[] {
  const out: Word[] = [];
  let pieces: Piece[] = [];
  let newLine = false;
  const end = (space: number) => {
    if (pieces.length) {
      let width = 0;
      for (const p of pieces) width += p.width;
      out.push(newLine ? { pieces, width, space, newLine } : { pieces, width, space });
      newLine = false;
      pieces = [];
    }
  };
  for (const run of block.runs) {
    const face = fontFace(run.bold ?? block.bold, run.italic ?? block.italic);
    const sizePt = run.sizePt ?? block.sizePt;
    const underline = run.underline ?? block.underline;
    const framed = run.framed ?? false;
    if (run.breakBefore) {
      end(0);
      newLine = true;
    }
    const space = metrics.width(' ', face, sizePt);
    // Split by a capturing pattern: the white space is every other part.
    const parts = run.text.split(BREAKING_SPACE);
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      if (!part) continue;
      if (k % 2 === 1) {
        end(space);
        continue;
      }
      const texts = part.includes('-') ? part.split(HYPHEN_BREAK) : [part];
      for (let i = 0; i < texts.length; i++) {
        if (i > 0) end(0);
        pieces.push({ text: texts[i], face, sizePt, underline, framed, width: metrics.width(texts[i], face, sizePt) });
      }
    }
  }
  end(0);
  return out;
}

/**
 * A word wider than a line (an address, a long code in a narrow cell) cut
 * into pieces that each fit, character by character, as Word does.
 */
export function cut(word: Word, widthPt: number, metrics: Metrics): Word[] {
  if (word.width <= widthPt + EPSILON) return [word];
  const out: Word[] = [];
  let pieces: Piece[] = [];
  let width = 0;
  for (const piece of word.pieces)
    for (const char of piece.text) {
      const advance = metrics.width(char, piece.face, piece.sizePt);
      if (width + advance > widthPt + EPSILON && width > 0) {
        out.push({ pieces, width, space: 0 });
        pieces = [];
        width = 0;
      }
      const last = pieces.at(-1);
      if (last && sameStyle(last, piece)) {
        last.text += char;
        last.width += advance;
      } else pieces.push({ ...piece, text: char, width: advance });
      width += advance;
    }
  out.push({ pieces, width, space: word.space });
  if (word.newLine) out[0].newLine = true;
  return out;
}

/** Greedy (first-fit) line breaking, as Word does. */
export function breakLines(block: LayoutParagraph, widthPt: number, metrics: Metrics): Line[] {
  const left = pt(block.leftIndentMm);
  const lines: Line[] = [];
  let indent = left + pt(block.firstLineIndentMm);
  let current: Word[] = [];
  let width = 0;
  const narrowest = widthPt - left - Math.max(0, pt(block.firstLineIndentMm));
  const place = (word: Word) => {
    const previous = current.at(-1);
    const needed = previous ? width + previous.space + word.width : word.width;
    if (previous && (word.newLine || needed > widthPt - indent + EPSILON)) {
      // A line ended by a break of its own is not stretched, as the last line is not.
      lines.push({ words: current, width, indent, available: widthPt - indent, last: !!word.newLine });
      indent = left;
      current = [word];
      width = word.width;
    } else {
      current.push(word);
      width = needed;
    }
  };
  for (const word of words(block, metrics)) {
    if (word.width <= narrowest + EPSILON) place(word);
    else for (const piece of cut(word, narrowest, metrics)) place(piece);
  }
  lines.push({ words: current, width, indent, available: widthPt - indent, last: true });
  return lines;
}

export function setParagraph(block: LayoutParagraph, widthPt: number, metrics: Metrics): SetParagraph {
  const sizePt = Math.max(block.sizePt, ...block.runs.map((r) => r.sizePt ?? 0));
  return { kind: 'paragraph', block, lines: breakLines(block, widthPt, metrics), lineHeight: sizePt * SINGLE_LINE * block.lineSpacing, sizePt };
}

export function setTable(block: LayoutTable, metrics: Metrics): SetTable {
  const padding = pt(block.cellPaddingMm);
  const rows = block.rows.map((row): SetRow => {
    let column = 0;
    const cells = row.cells.map((cell): SetCell => {
      const span = cell.columnSpan ?? 1;
      const offset = pt(block.columnWidthsMm.slice(0, column).reduce((a, b) => a + b, 0));
      const width = pt(block.columnWidthsMm.slice(column, column + span).reduce((a, b) => a + b, 0));
      column += span;
      const blocks = cell.blocks.map((b): SetCellBlock => (b.kind === 'rule' ? { kind: 'rule', block: b } : setParagraph(b, width - 2 * padding, metrics)));
      return { offset, width, blocks, height: blocks.reduce((sum, b) => sum + height(b), 0), middle: cell.verticalAlign === 'middle' };
    });
    return { row, cells, height: Math.max(0, ...cells.map((c) => c.height)) };
  });
  return { kind: 'table', block, rows };
}

export function height(set: SetBlock): number {
  const { spaceBeforePt, spaceAfterPt } = set.block;
  switch (set.kind) {
    case 'paragraph':
      return spaceBeforePt + set.lines.length * set.lineHeight + spaceAfterPt;
    case 'rule':
      return spaceBeforePt + set.block.thicknessPt + spaceAfterPt;
    case 'table':
      return spaceBeforePt + set.rows.reduce((sum, r) => sum + r.height, 0) + spaceAfterPt;
  }
}

/**
 * What of a block must share a page with the block kept with it: the first
 * row, or the lines widow and orphan control leave at the foot of a page (two,
 * or the whole paragraph when it has three lines or fewer).
 */
export function lead(set: SetBlock): number {
  switch (set.kind) {
    case 'paragraph':
      return set.block.spaceBeforePt + (set.lines.length <= 3 ? set.lines.length : 2) * set.lineHeight;
    case 'rule':
      return height(set);
    case 'table':
      return set.block.spaceBeforePt + (set.rows[0]?.height ?? 0);
  }
}

/** The room after a word on a line: its space widened by the line's justification, or nothing after a hyphen. */
export function advance(word: Word, gap: number): number {
  return word.space > 0 ? word.space + gap : 0;
}

export function keepsWithNext(set: SetBlock): boolean {
  return set.kind !== 'rule' && set.block.keepWithNext;
}

export function sameStyle(a: Piece, b: Piece): boolean {
  return a.face === b.face && a.sizePt === b.sizePt && a.underline === b.underline && a.framed === b.framed;
}
