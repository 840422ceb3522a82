/**
 * Pagination and drawing of the layout model onto pdfkit pages, over the
 * lines `pdf-lines.ts` sets.
 *
 * Lines break greedily at spaces and after a hyphen inside a word
 * (`21-CT/TW`), as Word and LibreOffice do, measured with the embedded
 * font's real advances (kerning included); justified lines share their slack
 * between the words, the last line of a paragraph stays ragged. Pages break
 * between lines with widow and orphan control (no single line left alone at
 * either side of a break), keep-with-next chains (a heading never ends a
 * page), table rows never split and header rows repeat. Blocks are drawn as
 * the layout gives them: no style is decided here.
 *
 * The drawing is tagged as it goes: the header and the closing blocks are
 * sections of paragraphs (their cells in reading order, left then right),
 * headings are H1–H4, items and recipients lists, the plan's tables tables
 * (header cells TH), each appendix a section; page numbers, rules and grid
 * lines are artifacts, a repeated header row too. Where the signer signs,
 * the caller's signature field goes into the structure as a form.
 */
import type { LayoutBlock, LayoutDocument, LayoutParagraph, LayoutRule, LayoutTable, PageSetup } from '../layout/layout-model';
import { textWidthMm } from '../layout/system-styles';
import type { FontFace } from './fonts';
import {
  advance,
  ASCENT,
  EPSILON,
  FRAME_LINE,
  GRID_LINE,
  height,
  keepsWithNext,
  lead,
  type Line,
  Metrics,
  NO_BREAK_SPACE,
  type Piece,
  pt,
  sameStyle,
  type SetBlock,
  type SetParagraph,
  setParagraph,
  type SetRow,
  type SetTable,
  setTable,
  type Word,
} from './pdf-lines';

import { isListItem, paragraphTag, Tags, type Element } from './pdf-tags';

/** Where the signer signs, in points from the page's top left: the caller puts a signature field there. */
export interface SignaturePlace {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The structure element the field belongs to (a `Form`). */
  structParent: Element;
}

export interface TypesetHooks {
  /** Called on the page where the signature block is drawn, while that page is the current one. */
  signatureField?: (place: SignaturePlace) => void;
}

class Typesetter {
  private readonly metrics: Metrics;
  private readonly tags: Tags;
  private pageCount = 0;
  private page!: PageSetup;
  private y = 0;
  /** True while nothing is drawn on the page below its top margin. */
  private atTop = true;
  /** The open bookmark of each heading level (0: the document's outline). */
  private readonly outlines: PDFKit.PDFOutline[];
  /** The element the section's blocks go into, and the list open in it. */
  private parent!: Element;
  private list?: Element;

  constructor(
    private readonly pdf: PDFKit.PDFDocument,
    private readonly layout: LayoutDocument,
    private readonly hooks: TypesetHooks,
  ) {
    this.metrics = new Metrics(pdf);
    this.outlines = [pdf.outline];
    this.tags = new Tags(pdf);
  }

  /** Typesets every section; returns the number of pages. */
  run(): number {
    for (const section of this.layout.sections) {
      this.parent = section.kind === 'appendix' ? this.tags.element(this.tags.document, 'Sect') : this.tags.document;
      this.list = undefined;
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
    return this.pageCount;
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
      this.tags.artifact('Pagination', () => this.text(text, 'regular', numbering.sizePt, x, pt(numbering.fromTopMm), 0));
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
      // A chain taller than a page is not kept together: it is walked no further than that.
      const room = this.bottom - this.top;
      for (; next < set.length && keepsWithNext(set[next]) && needed <= room; next++) needed += height(set[next]);
      if (next < set.length && needed <= room) needed += lead(set[next]);
      if (!this.atTop && this.y + needed > this.bottom + EPSILON && needed <= room) this.breakPage();
    }
    if (block.kind !== 'paragraph' || !isListItem(block.block)) this.list = undefined;
    switch (block.kind) {
      case 'paragraph':
        return this.placeParagraph(
          block,
          this.paragraphElement(this.parent, block.block, () => (this.list ??= this.tags.element(this.parent, 'L'))),
        );
      case 'rule':
        if (!this.atTop && this.y + height(block) > this.bottom + EPSILON) this.breakPage();
        this.tags.artifact('Layout', () => (this.y = this.drawRule(block.block, this.left, this.width, this.y)));
        this.atTop = false;
        return;
      case 'table':
        return this.placeTable(block);
    }
  }

  /**
   * The element a paragraph's text goes into, under `parent`: a heading, a
   * paragraph, or the body of a list item in the list `list` gives; none for
   * a paragraph with no text.
   */
  private paragraphElement(parent: Element, block: LayoutParagraph, list: () => Element): Element | undefined {
    if (!block.runs.some((r) => r.text.trim())) return undefined;
    if (!isListItem(block)) return this.tags.element(parent, paragraphTag(block));
    return this.tags.element(this.tags.element(list(), 'LI'), 'LBody');
  }

  private placeParagraph(set: SetParagraph, element: Element | undefined): void {
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
      const from = done;
      const draw = () => {
        for (let i = from; i < from + take; i++) this.drawLine(set, lines[i], this.left, this.width, this.y + (i - from) * lineHeight);
      };
      if (element) this.tags.content(element, draw);
      else draw();
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
    const title = set.block.runs
      .map((r) => r.text)
      .join('')
      .trim();
    this.outlines.length = level;
    this.outlines.push(this.outlines[level - 1].addItem(title));
  }

  /**
   * A table: the plan's own as a table (rows, header and data cells), the
   * borderless ones that lay out the header and the closing blocks as a
   * section whose paragraphs read cell by cell.
   */
  private placeTable(set: SetTable): void {
    const { block, rows } = set;
    this.spaceBefore(block.spaceBeforePt);
    const element = this.tags.element(this.parent, block.borders ? 'Table' : 'Sect');
    const headerRows = rows.slice(
      0,
      Math.max(
        0,
        rows.findIndex((r) => !r.row.isHeader),
      ),
    );
    rows.forEach((row, index) => {
      if (!this.atTop && this.y + row.height > this.bottom + EPSILON) {
        this.breakPage();
        if (index >= headerRows.length) for (const header of headerRows) this.tags.artifact('Pagination', () => this.drawRow(block, header));
      }
      this.drawRow(block, row, block.borders ? this.tags.element(element, 'TR') : element);
    });
    this.y = Math.min(this.bottom, this.y + block.spaceAfterPt);
  }

  /** Draws a row; with `parent`, its text tagged under it (as cells of a table row, or straight in a section), else untagged (inside an artifact). */
  private drawRow(block: LayoutTable, row: SetRow, parent?: Element): void {
    const padding = pt(block.cellPaddingMm);
    for (const cell of row.cells) {
      const x = this.left + cell.offset;
      const cellElement = parent && block.borders ? this.tags.element(parent, row.row.isHeader ? 'TH' : 'TD') : parent;
      let list: Element | undefined;
      let y = this.y + (cell.middle ? (row.height - cell.height) / 2 : 0);
      for (const inner of cell.blocks) {
        if (inner.kind === 'rule') {
          const top = y;
          if (parent) this.tags.artifact('Layout', () => (y = this.drawRule(inner.block, x + padding, cell.width - 2 * padding, top)));
          else y = this.drawRule(inner.block, x + padding, cell.width - 2 * padding, top);
          continue;
        }
        if (!isListItem(inner.block)) list = undefined;
        y += inner.block.spaceBeforePt;
        if (inner.block.role === 'signature-space' && cellElement && this.hooks.signatureField) {
          const height = inner.lines.length * inner.lineHeight + inner.block.spaceAfterPt;
          this.hooks.signatureField({ x: x + padding, y, width: cell.width - 2 * padding, height, structParent: this.tags.element(cellElement, 'Form') });
        }
        const element = cellElement && this.paragraphElement(cellElement, inner.block, () => (list ??= this.tags.element(cellElement, 'L')));
        const top = y;
        const draw = () => inner.lines.forEach((line, i) => this.drawLine(inner, line, x + padding, cell.width - 2 * padding, top + i * inner.lineHeight));
        if (element) this.tags.content(element, draw);
        else draw();
        y += inner.lines.length * inner.lineHeight + inner.block.spaceAfterPt;
      }
      if (block.borders) {
        const stroke = () => this.pdf.lineWidth(GRID_LINE).rect(x, this.y, cell.width, row.height).stroke();
        if (parent) this.tags.artifact('Layout', stroke);
        else stroke();
      }
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
    for (let i = 0; i < words.length;) {
      const first = words[i].pieces;
      let end = i + 1;
      // pdfkit stretches every white space of a text it is given word spacing for, no-break spaces included: a word holding one goes alone, unstretched.
      const groupable = (w: Word) => w.pieces.length === 1 && (gap === 0 || !w.pieces[0].text.includes(NO_BREAK_SPACE));
      if (groupable(words[i])) while (end < words.length && groupable(words[end]) && sameStyle(words[end].pieces[0], first[0])) end++;
      if (end > i + 1) {
        const group = words.slice(i, end);
        const text = group.map((w, k) => w.pieces[0].text + (k < group.length - 1 && w.space > 0 ? ' ' : '')).join('');
        const groupWidth = group.reduce((sum, w, k) => sum + w.width + (k < group.length - 1 ? advance(w, gap) : 0), 0);
        const naturalWidth = group.reduce((sum, w, k) => sum + w.width + (k < group.length - 1 ? advance(w, 0) : 0), 0);
        this.drawPiece({ ...first[0], text, width: groupWidth }, cursor, baseline, gap, naturalWidth);
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

  /** `naturalWidth`: the width without the justification's word spacing. */
  private drawPiece(piece: Piece, x: number, baseline: number, wordSpacing: number, naturalWidth = piece.width): void {
    this.text(piece.text, piece.face, piece.sizePt, x, baseline - ASCENT * piece.sizePt, wordSpacing, naturalWidth);
    if (piece.underline) this.pdf.rect(x, baseline + 0.1 * piece.sizePt, piece.width, 0.05 * piece.sizePt).fill();
    // A frame a fifth of the size clear of the text, as a stamp's.
    if (piece.framed) {
      const margin = 0.2 * piece.sizePt;
      this.pdf
        .lineWidth(FRAME_LINE)
        .rect(x - margin, baseline - 0.85 * piece.sizePt, piece.width + 2 * margin, 1.1 * piece.sizePt)
        .stroke();
    }
  }

  /** `width`, when known, spares pdfkit measuring the text again (`textWidth`, which it reads only for links and underlines). */
  private text(text: string, face: FontFace, sizePt: number, x: number, top: number, wordSpacing: number, width?: number): void {
    this.pdf
      .font(face)
      .fontSize(sizePt)
      .text(text, x, top, { lineBreak: false, wordSpacing, ...(width === undefined ? {} : { textWidth: width }) });
  }
}

/** Draws the layout onto new pages of `pdf`, tagged; returns the number of pages. */
export function typeset(pdf: PDFKit.PDFDocument, layout: LayoutDocument, hooks: TypesetHooks = {}): number {
  return new Typesetter(pdf, layout, hooks).run();
}
