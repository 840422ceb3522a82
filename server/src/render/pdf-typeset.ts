/**
 * Line breaking and pagination of the layout model onto pdfkit pages.
 *
 * Lines break greedily at spaces and after a hyphen inside a word
 * (`21-CT/TW`), as Word and LibreOffice do, measured with the embedded
 * font's real advances (kerning included); justified lines share their slack
 * between the words, the last line of a paragraph stays ragged. Pages break
 * between lines with widow and orphan control (no single line left alone at
 * either side of a break), keep-with-next chains (a heading never ends a
 * page), table rows never split and header rows repeat. Blocks are drawn as
 * the layout gives them: no style is decided here.
 */
import type { LayoutBlock, LayoutDocument, LayoutParagraph, LayoutRule, LayoutTable, LayoutTableRow, PageSetup } from '../layout/layout-model';
import { textWidthMm } from '../layout/system-styles';
import { fontFace, type FontFace } from './fonts';

const PT_PER_MM = 72 / 25.4;
const pt = (mm: number): number => mm * PT_PER_MM;

/** Liberation Serif's ascent (as Times New Roman's) in ems: where pdfkit puts the baseline below a line's top. */
const ASCENT = 0.891;
/** Word's single line for Times New Roman, in ems (the layout's `lineSpacing` multiplies it). */
const SINGLE_LINE = 1.15;
/** Thickness of a table's grid lines, in points. */
const GRID_LINE = 0.5;
/** Rounding slack when comparing positions, in points. */
const EPSILON = 0.01;

interface Piece {
  text: string;
  face: FontFace;
  sizePt: number;
  underline: boolean;
  width: number;
}

/** Text between two break opportunities; several pieces when the style changes inside it. */
interface Word {
  pieces: Piece[];
  width: number;
  /** Width of the space after it; 0 after a hyphen that may end a line (`21-` in `21-CT/TW`). */
  space: number;
}

/** White space a line may break at: every kind but the no-break spaces, which stay inside their word. */
const BREAKING_SPACE = /([^\S\u00A0\u2007\u202F]+)/;

/** After a hyphen between letters or digits a line may break, as UAX #14 allows. */
const HYPHEN_BREAK = /(?<=[\p{L}\p{N}]-)(?=[\p{L}\p{N}])/u;

interface Line {
  words: Word[];
  /** Natural width, without the space after the last word. */
  width: number;
  /** From the left edge of the text area or cell. */
  indent: number;
  available: number;
  last: boolean;
}

interface SetParagraph {
  kind: 'paragraph';
  block: LayoutParagraph;
  lines: Line[];
  lineHeight: number;
  /** The largest size on the paragraph's lines: its baseline sits this size's ascent below a line's top. */
  sizePt: number;
}

interface SetRule {
  kind: 'rule';
  block: LayoutRule;
}

type SetCellBlock = SetParagraph | SetRule;

interface SetCell {
  offset: number;
  width: number;
  blocks: SetCellBlock[];
  height: number;
  middle: boolean;
}

interface SetRow {
  row: LayoutTableRow;
  cells: SetCell[];
  height: number;
}

interface SetTable {
  kind: 'table';
  block: LayoutTable;
  rows: SetRow[];
}

type SetBlock = SetParagraph | SetRule | SetTable;

/** Advances of words in the embedded faces, measured once per face and text at one point. */
class Metrics {
  private readonly cache = new Map<string, number>();

  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  width(text: string, face: FontFace, sizePt: number): number {
    const key = `${face}\u0000${text}`;
    let width = this.cache.get(key);
    if (width === undefined) {
      width = this.pdf.font(face).fontSize(1).widthOfString(text);
      this.cache.set(key, width);
    }
    return width * sizePt;
  }
}

function words(block: LayoutParagraph, metrics: Metrics): Word[] {
  const out: Word[] = [];
  let pieces: Piece[] = [];
  const end = (space: number) => {
    if (pieces.length) out.push({ pieces, width: pieces.reduce((sum, p) => sum + p.width, 0), space });
    pieces = [];
  };
  for (const run of block.runs) {
    const face = fontFace(run.bold ?? block.bold, run.italic ?? block.italic);
    const sizePt = run.sizePt ?? block.sizePt;
    const underline = run.underline ?? block.underline;
    for (const part of run.text.split(BREAKING_SPACE)) {
      if (!part) continue;
      if (BREAKING_SPACE.test(part)) {
        end(metrics.width(' ', face, sizePt));
        continue;
      }
      part.split(HYPHEN_BREAK).forEach((text, i) => {
        if (i > 0) end(0);
        pieces.push({ text, face, sizePt, underline, width: metrics.width(text, face, sizePt) });
      });
    }
  }
  end(0);
  return out;
}

/**
 * A word wider than a line (an address, a long code in a narrow cell) cut
 * into pieces that each fit, character by character, as Word does.
 */
function cut(word: Word, widthPt: number, metrics: Metrics): Word[] {
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
      if (last && last.face === piece.face && last.sizePt === piece.sizePt && last.underline === piece.underline) {
        last.text += char;
        last.width += advance;
      } else pieces.push({ ...piece, text: char, width: advance });
      width += advance;
    }
  out.push({ pieces, width, space: word.space });
  return out;
}

/** Greedy (first-fit) line breaking, as Word does. */
function breakLines(block: LayoutParagraph, widthPt: number, metrics: Metrics): Line[] {
  const left = pt(block.leftIndentMm);
  const lines: Line[] = [];
  let indent = left + pt(block.firstLineIndentMm);
  let current: Word[] = [];
  let width = 0;
  const narrowest = widthPt - left - Math.max(0, pt(block.firstLineIndentMm));
  for (const word of words(block, metrics).flatMap((w) => cut(w, narrowest, metrics))) {
    const previous = current.at(-1);
    const needed = previous ? width + previous.space + word.width : word.width;
    if (previous && needed > widthPt - indent + EPSILON) {
      lines.push({ words: current, width, indent, available: widthPt - indent, last: false });
      indent = left;
      current = [word];
      width = word.width;
    } else {
      current.push(word);
      width = needed;
    }
  }
  lines.push({ words: current, width, indent, available: widthPt - indent, last: true });
  return lines;
}

function setParagraph(block: LayoutParagraph, widthPt: number, metrics: Metrics): SetParagraph {
  const sizePt = Math.max(block.sizePt, ...block.runs.map((r) => r.sizePt ?? 0));
  return { kind: 'paragraph', block, lines: breakLines(block, widthPt, metrics), lineHeight: sizePt * SINGLE_LINE * block.lineSpacing, sizePt };
}

function setTable(block: LayoutTable, metrics: Metrics): SetTable {
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

function height(set: SetBlock): number {
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
function lead(set: SetBlock): number {
  switch (set.kind) {
    case 'paragraph':
      return set.block.spaceBeforePt + (set.lines.length <= 3 ? set.lines.length : 2) * set.lineHeight;
    case 'rule':
      return height(set);
    case 'table':
      return set.block.spaceBeforePt + (set.rows[0]?.height ?? 0);
  }
}

class Typesetter {
  private readonly metrics: Metrics;
  private pageCount = 0;
  private page!: PageSetup;
  private y = 0;
  /** True while nothing is drawn on the page below its top margin. */
  private atTop = true;
  /** The open bookmark of each heading level (0: the document's outline). */
  private readonly outlines: PDFKit.PDFOutline[];

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly layout: LayoutDocument,
  ) {
    this.metrics = new Metrics(pdf);
    this.outlines = [pdf.outline];
  }

  run(): void {
    for (const section of this.layout.sections) {
      this.newPage(section.page);
      const width = pt(textWidthMm(section.page));
      const set = section.blocks.map((b: LayoutBlock): SetBlock => {
        switch (b.kind) {
          case 'paragraph':
            return setParagraph(b, width, this.metrics);
          case 'rule':
            return { kind: 'rule', block: b };
          case 'table':
            return setTable(b, this.metrics);
        }
      });
      for (let i = 0; i < set.length; i++) this.place(set, i);
    }
  }

  private get top(): number {
    return pt(this.page.margins.topMm);
  }

  private get bottom(): number {
    return pt(this.page.heightMm - this.page.margins.bottomMm);
  }

  private get left(): number {
    return pt(this.page.margins.leftMm);
  }

  private get width(): number {
    return pt(textWidthMm(this.page));
  }

  private newPage(page: PageSetup): void {
    this.page = page;
    this.pdf.addPage({ size: [pt(page.widthMm), pt(page.heightMm)], margin: 0 });
    this.pageCount++;
    this.y = this.top;
    this.atTop = true;
    const numbering = this.layout.pageNumbering;
    if (this.pageCount > 1 || numbering.showOnFirstPage) {
      const text = String(this.pageCount);
      const x = this.left + (this.width - this.metrics.width(text, 'regular', numbering.sizePt)) / 2;
      this.text(text, 'regular', numbering.sizePt, x, pt(numbering.fromTopMm), 0);
    }
  }

  private breakPage(): void {
    this.newPage(this.page);
  }

  /** Space before a block, dropped at the top of a page the text flowed onto (as Word does). */
  private spaceBefore(points: number): void {
    if (!this.atTop || this.pageCount === 1) this.y += points;
  }

  private place(set: SetBlock[], index: number): void {
    const block = set[index];
    if (keepsWithNext(block)) {
      let needed = 0;
      let next = index;
      for (; next < set.length && keepsWithNext(set[next]); next++) needed += height(set[next]);
      if (next < set.length) needed += lead(set[next]);
      if (!this.atTop && this.y + needed > this.bottom + EPSILON && needed <= this.bottom - this.top) this.breakPage();
    }
    switch (block.kind) {
      case 'paragraph':
        return this.placeParagraph(block);
      case 'rule':
        if (!this.atTop && this.y + height(block) > this.bottom + EPSILON) this.breakPage();
        this.y = this.drawRule(block.block, this.left, this.width, this.y);
        this.atTop = false;
        return;
      case 'table':
        return this.placeTable(block);
    }
  }

  private placeParagraph(set: SetParagraph): void {
    const { lines, lineHeight, block } = set;
    this.spaceBefore(block.spaceBeforePt);
    let done = 0;
    while (done < lines.length) {
      const left = lines.length - done;
      let take = Math.min(left, Math.floor((this.bottom - this.y + EPSILON) / lineHeight));
      if (take < left) {
        // Widow: the last line alone at the head of the next page; orphan: the first line alone at the foot of this one.
        if (left - take === 1) take--;
        if (done === 0 && take === 1) take = 0;
      }
      if (take <= 0) {
        if (!this.atTop) {
          this.breakPage();
          continue;
        }
        // A line taller than the page: it goes on the page anyway.
        take = 1;
      }
      if (done === 0 && block.role === 'heading') this.bookmark(set);
      for (let i = done; i < done + take; i++) this.drawLine(set, lines[i], this.left, this.width, this.y + (i - done) * lineHeight);
      this.y += take * lineHeight;
      this.atTop = false;
      done += take;
      if (done < lines.length) this.breakPage();
    }
    this.y = Math.min(this.bottom, this.y + block.spaceAfterPt);
  }

  /** A bookmark to the current page, under the heading above, so a reader can jump through the plan. */
  private bookmark(set: SetParagraph): void {
    const level = Math.max(1, Math.min(set.block.level ?? 1, this.outlines.length));
    const title = set.block.runs.map((r) => r.text).join('').trim();
    this.outlines.length = level;
    this.outlines.push(this.outlines[level - 1].addItem(title));
  }

  private placeTable(set: SetTable): void {
    const { block, rows } = set;
    this.spaceBefore(block.spaceBeforePt);
    const headerRows = rows.slice(0, Math.max(0, rows.findIndex((r) => !r.row.isHeader)));
    rows.forEach((row, index) => {
      if (!this.atTop && this.y + row.height > this.bottom + EPSILON) {
        this.breakPage();
        if (index >= headerRows.length) for (const header of headerRows) this.drawRow(block, header);
      }
      this.drawRow(block, row);
    });
    this.y = Math.min(this.bottom, this.y + block.spaceAfterPt);
  }

  private drawRow(block: LayoutTable, row: SetRow): void {
    const padding = pt(block.cellPaddingMm);
    for (const cell of row.cells) {
      const x = this.left + cell.offset;
      let y = this.y + (cell.middle ? (row.height - cell.height) / 2 : 0);
      for (const inner of cell.blocks) {
        if (inner.kind === 'rule') {
          y = this.drawRule(inner.block, x + padding, cell.width - 2 * padding, y);
          continue;
        }
        y += inner.block.spaceBeforePt;
        for (const line of inner.lines) {
          this.drawLine(inner, line, x + padding, cell.width - 2 * padding, y);
          y += inner.lineHeight;
        }
        y += inner.block.spaceAfterPt;
      }
      if (block.borders) this.pdf.lineWidth(GRID_LINE).rect(x, this.y, cell.width, row.height).stroke();
    }
    this.y += row.height;
    this.atTop = false;
  }

  /** Draws a rule in a box (`x`, `width`) from `y`; returns where the next block starts. */
  private drawRule(rule: LayoutRule, x: number, width: number, y: number): number {
    const length = Math.min(width, pt(rule.widthMm));
    const start = rule.align === 'center' ? x + (width - length) / 2 : x;
    const top = y + rule.spaceBeforePt;
    this.pdf.rect(start, top, length, rule.thicknessPt).fill();
    return top + rule.thicknessPt + rule.spaceAfterPt;
  }

  /**
   * Draws a line of a paragraph in a box (`x`, `width`) with its top at `y`.
   * Words in one style go to pdfkit together, the slack of a justified line
   * as word spacing, so the PDF holds whole phrases and text extracts as typed.
   */
  private drawLine(set: SetParagraph, line: Line, x: number, width: number, y: number): void {
    const { words } = line;
    const slack = width - line.indent - line.width;
    let cursor = x + line.indent;
    let gap = 0;
    switch (set.block.align) {
      case 'center':
        cursor += slack / 2;
        break;
      case 'right':
        cursor += slack;
        break;
      case 'justify': {
        // The slack goes to the spaces, not to the breaks after hyphens.
        const spaces = words.slice(0, -1).filter((w) => w.space > 0).length;
        if (!line.last && spaces) gap = slack / spaces;
        break;
      }
      case 'left':
        break;
    }
    const baseline = y + ASCENT * set.sizePt;
    for (let i = 0; i < words.length; ) {
      const first = words[i].pieces;
      let end = i + 1;
      if (first.length === 1) while (end < words.length && words[end].pieces.length === 1 && sameStyle(words[end].pieces[0], first[0])) end++;
      if (end > i + 1) {
        const group = words.slice(i, end);
        const text = group.map((w, k) => w.pieces[0].text + (k < group.length - 1 && w.space > 0 ? ' ' : '')).join('');
        const groupWidth = group.reduce((sum, w, k) => sum + w.width + (k < group.length - 1 ? advance(w, gap) : 0), 0);
        this.drawPiece({ ...first[0], text, width: groupWidth }, cursor, baseline, gap);
        cursor += groupWidth;
      } else {
        for (const piece of first) {
          this.drawPiece(piece, cursor, baseline, 0);
          cursor += piece.width;
        }
      }
      if (end < words.length) cursor += advance(words[end - 1], gap);
      i = end;
    }
  }

  private drawPiece(piece: Piece, x: number, baseline: number, wordSpacing: number): void {
    this.text(piece.text, piece.face, piece.sizePt, x, baseline - ASCENT * piece.sizePt, wordSpacing);
    if (piece.underline) this.pdf.rect(x, baseline + 0.1 * piece.sizePt, piece.width, 0.05 * piece.sizePt).fill();
  }

  private text(text: string, face: FontFace, sizePt: number, x: number, top: number, wordSpacing: number): void {
    this.pdf.font(face).fontSize(sizePt).text(text, x, top, { lineBreak: false, wordSpacing });
  }
}

/** The room after a word on a line: its space widened by the line's justification, or nothing after a hyphen. */
function advance(word: Word, gap: number): number {
  return word.space > 0 ? word.space + gap : 0;
}

function keepsWithNext(set: SetBlock): boolean {
  return set.kind !== 'rule' && set.block.keepWithNext;
}

function sameStyle(a: Piece, b: Piece): boolean {
  return a.face === b.face && a.sizePt === b.sizePt && a.underline === b.underline;
}

/** Draws the layout onto new pages of `pdf`. */
export function typeset(pdf: PDFKit.PDFDocument, layout: LayoutDocument): void {
  new Typesetter(pdf, layout).run();
}
