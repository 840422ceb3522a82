import type { LayoutBlock, LayoutParagraph } from './layout-model';

/** Millimetres per point. */
export const MM_PER_PT = 25.4 / 72;

/**
 * Average advance of a character of Times New Roman in ems, spaces included:
 * about 0.405 em for running Vietnamese text, 0.655 em for capitals, bold 6 %
 * wider. Calibrated on the examples against Chromium with Liberation Serif:
 * page heights come out 0–8 % over the real ones, never under, and the pages
 * as many as the PDF renderer's. Good enough for lines and rule lengths; the
 * PDF renderer measures real glyphs.
 */
function averageEm(text: string, bold: boolean): number {
  return text ? emOf(characterCounts(text), bold) : 0.405;
}

function emOf({ letters, capitals }: { letters: number; capitals: number }, bold: boolean): number {
  const share = letters ? capitals / letters : 0;
  return (0.405 + 0.25 * share) * (bold ? 1.06 : 1);
}

/** Whether each UTF-16 unit is a capital (its lower case differs): 0 not known yet, 1 yes, 2 no. */
const CAPITAL_UNIT = new Uint8Array(0x10000);

/**
 * Characters (code points), letters (characters but spaces) and capitals of a
 * text, counted in one pass without allocating: a paragraph pasted without
 * line breaks is millions of characters, and is measured once per estimate.
 */
function characterCounts(text: string): { characters: number; letters: number; capitals: number } {
  let characters = 0;
  let letters = 0;
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    characters++;
    if (code === 32) continue;
    letters++;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A pair is one character.
        const c = text.slice(i, i + 2);
        if (c !== c.toLowerCase()) capitals++;
        i++;
        continue;
      }
    }
    let capital = CAPITAL_UNIT[code];
    if (capital === 0) {
      const c = String.fromCharCode(code);
      CAPITAL_UNIT[code] = capital = c !== c.toLowerCase() ? 1 : 2;
    }
    if (capital === 1) capitals++;
  }
  return { characters, letters, capitals };
}

/**
 * Advances of Times New Roman in thousandths of an em (Liberation Serif has
 * the same), regular then bold: the capitals, digits and punctuation of the
 * names and marks the header prints. `Ư` is wider than `U`; every other
 * Vietnamese capital has its base letter's advance.
 */
const CAPITAL_ADVANCES: Record<string, [number, number]> = {
  A: [722, 722],
  B: [667, 667],
  C: [667, 722],
  D: [722, 722],
  E: [611, 667],
  F: [556, 611],
  G: [722, 778],
  H: [722, 778],
  I: [333, 389],
  J: [389, 500],
  K: [722, 778],
  L: [611, 667],
  M: [889, 944],
  N: [722, 722],
  O: [722, 778],
  P: [556, 611],
  Q: [722, 778],
  R: [667, 722],
  S: [556, 556],
  T: [611, 667],
  U: [722, 722],
  V: [722, 722],
  W: [944, 1000],
  X: [722, 722],
  Y: [722, 722],
  Z: [611, 667],
  Đ: [722, 722],
  Ư: [776, 796],
  ' ': [250, 250],
  '-': [333, 333],
  ',': [250, 250],
  '.': [250, 250],
  '/': [278, 278],
  '&': [778, 833],
  '(': [333, 333],
  ')': [333, 333],
};

/**
 * Width of a line in capitals (a body's name, a mark) from the font's own
 * advances, so that the layout knows whether it fits its column; a character
 * outside the table counts as `estimateTextWidthMm` would.
 */
export function capitalsWidthMm(text: string, sizePt: number, bold: boolean): number {
  let thousandths = 0;
  let unknown = 0;
  for (const char of text) {
    const advances = capitalAdvance(char);
    if (advances) thousandths += advances[bold ? 1 : 0];
    else unknown++;
  }
  if (unknown) thousandths += unknown * averageEm(text, bold) * 1000;
  return (thousandths / 1000) * sizePt * MM_PER_PT;
}

/** Each character's advances once looked up (`undefined`: not in the table). */
const ADVANCE_OF = new Map<string, [number, number] | undefined>();

/** A capital's advances, a Vietnamese one by its base letter (`Ứ` as `Ư`, `Ộ` as `O`). */
function capitalAdvance(char: string): [number, number] | undefined {
  if (ADVANCE_OF.has(char)) return ADVANCE_OF.get(char);
  const decomposed = char.normalize('NFD');
  const advances = CAPITAL_ADVANCES[char] ?? (decomposed.startsWith('U\u031B') ? CAPITAL_ADVANCES['Ư'] : CAPITAL_ADVANCES[decomposed.charAt(0)]);
  ADVANCE_OF.set(char, advances);
  return advances;
}

/** Estimated width of one line of text at a size. */
export function estimateTextWidthMm(text: string, sizePt: number, bold: boolean): number {
  const counts = characterCounts(text);
  return counts.characters * (text ? emOf(counts, bold) : 0.405) * sizePt * MM_PER_PT;
}

/** Single line spacing of Times New Roman and its metric twins, in ems: what Word and browsers use for "single". */
export const SINGLE_LINE_EM = 1.15;

/** Height of one line of a paragraph: single spacing times the paragraph's line spacing. */
export function lineHeightMm(paragraph: LayoutParagraph): number {
  return paragraph.sizePt * SINGLE_LINE_EM * paragraph.lineSpacing * MM_PER_PT;
}

/** Estimated number of lines of a paragraph in a given width; a run that starts a new line starts a new count. */
export function estimateLines(paragraph: LayoutParagraph, widthMm: number): number {
  // Most paragraphs have no line break of their own: counted without measuring their parts.
  if (paragraph.runs.some((r) => r.breakBefore)) return paragraphLines(paragraph, widthMm).count;
  const available = Math.max(10, widthMm - paragraph.leftIndentMm);
  return linesOf(paragraph.runs.map((r) => r.text).join(''), paragraph, Math.max(10, available - paragraph.firstLineIndentMm), available);
}

/**
 * The estimated lines of a paragraph in a width, measured once and read as
 * often as a pagination needs. Offsets are into the text of its runs joined.
 */
export interface ParagraphLines {
  count: number;
  /** The lines of the paragraph from `from` on, as a part carried on from the page before (no first-line indent). */
  linesFrom(from: number): number;
  /**
   * Where a part that starts at `from` and may take `lines` lines ends: at the
   * start of a word, erring short (the part's own characters measured, with a
   * margin) so that it never needs more lines than it was given.
   */
  cut(from: number, lines: number): number;
}

/** How much wider than their estimate a part's characters are taken to be when cutting it: the estimate is for whole paragraphs, a part's lines may be denser. */
const CUT_MARGIN = 1.08;

export function paragraphLines(paragraph: LayoutParagraph, widthMm: number): ParagraphLines {
  const available = Math.max(10, widthMm - paragraph.leftIndentMm);
  const first = Math.max(10, available - paragraph.firstLineIndentMm);
  // Word wrapping wastes about half a word per line.
  const following = Math.max(10, available - 1.5 * paragraph.sizePt * MM_PER_PT);
  const charWidth = (text: string) => averageEm(text, paragraph.bold) * paragraph.sizePt * MM_PER_PT;
  // Each run that starts a new line closes a stretch of text counted on its own.
  const stretches: { start: number; end: number; text: string; lines: number; charWidth: number }[] = [];
  let text = '';
  let start = 0;
  let count = 0;
  const closeStretch = () => {
    const lines = linesOf(text, paragraph, count ? available : first, available);
    stretches.push({ start, end: start + text.length, text, lines, charWidth: charWidth(text) });
    count += lines;
    start += text.length;
    text = '';
  };
  for (const run of paragraph.runs) {
    if (run.breakBefore) closeStretch();
    text += run.text;
  }
  closeStretch();
  const length = start;
  /** Lines of `chars` characters of a stretch starting a line of `firstWidth`. */
  const linesFor = (chars: number, width: number, firstWidth: number) => {
    const total = chars * width;
    return total <= firstWidth ? 1 : 1 + Math.ceil((total - firstWidth) / following);
  };
  return {
    count,
    linesFrom(from) {
      let lines = 0;
      for (const s of stretches) {
        if (s.end <= from && s.end < length) continue;
        lines += s.start >= from ? s.lines : linesFor(s.end - from, s.charWidth, available);
      }
      return Math.max(1, lines);
    },
    cut(from, lines) {
      let at = from;
      let left = lines;
      for (const s of stretches) {
        if (s.end <= at) continue;
        const firstWidth = at === 0 ? first : available;
        // The characters of this stretch the lines left may hold, measured on the characters themselves.
        const guess = Math.ceil((firstWidth + (left - 1) * following) / s.charWidth);
        const local = charWidth(s.text.slice(at - s.start, at - s.start + guess)) * CUT_MARGIN;
        const chars = Math.floor((firstWidth + (left - 1) * following) / local);
        if (at + chars < s.end) {
          const end = at + chars;
          // Back to the start of the word it falls in; a word longer than a line is cut where it is.
          const space = s.text.lastIndexOf(' ', end - s.start - 1) + s.start;
          return Math.max(from + 1, space > at && end - space < chars / left ? space + 1 : end);
        }
        left -= linesFor(s.end - at, local, firstWidth);
        at = s.end;
        if (left <= 0) return at;
      }
      return length;
    },
  };
}

function linesOf(text: string, paragraph: LayoutParagraph, first: number, available: number): number {
  if (!text) return 1;
  const total = estimateTextWidthMm(text, paragraph.sizePt, paragraph.bold);
  // Word wrapping wastes about half a word per line.
  const wasted = 1.5 * paragraph.sizePt * MM_PER_PT;
  if (total <= first) return 1;
  return 1 + Math.ceil((total - first) / Math.max(10, available - wasted));
}

/** Estimated height of a block in a given width, spacing included. */
export function estimateBlockHeightMm(block: LayoutBlock, widthMm: number): number {
  const spacing = (block.spaceBeforePt + block.spaceAfterPt) * MM_PER_PT;
  switch (block.kind) {
    case 'rule':
      return spacing + block.thicknessPt * MM_PER_PT;
    case 'paragraph':
      return spacing + estimateLines(block, widthMm) * lineHeightMm(block);
    case 'table': {
      let height = spacing;
      for (const row of block.rows) {
        let column = 0;
        let tallest = 0;
        for (const cell of row.cells) {
          const span = cell.columnSpan ?? 1;
          const cellWidth = block.columnWidthsMm.slice(column, column + span).reduce((a, b) => a + b, 0) - 2 * block.cellPaddingMm;
          column += span;
          tallest = Math.max(
            tallest,
            cell.blocks.reduce((sum, inner) => sum + estimateBlockHeightMm(inner, cellWidth), 0),
          );
        }
        height += tallest + (block.borders ? 1.5 : 0);
      }
      return height;
    }
  }
}
