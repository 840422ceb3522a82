import { fold } from '../syntax/inline';

/**
 * The first stage of an import: the source cut into paragraphs, whatever it
 * came from (text copied out of Word or a PDF, or a DOCX read by `docx/word-document.ts`).
 * The classifier after it reads only these.
 */

/** One paragraph of the source, bold wrapper and heading marks removed, its hard line breaks kept. */
export interface SourceParagraph {
  /** Its lines: a hard break (a `<w:br/>`, two trailing spaces of Markdown, a column line) starts a new one. */
  lines: string[];
  /** True when the whole paragraph was bold. */
  bold: boolean;
  /** True when the source marked it as a heading (a Markdown `#`, a Word heading style). */
  markedHeading: boolean;
  /** True when a blank line stood before it: the only place a page break can split a sentence. */
  blankBefore: boolean;
  /** True when its first line stood far to the right (a tab or eight spaces): the right column of a two-column layout. */
  farIndented: boolean;
  /** 1-based line of the source it starts on, for the report (the paragraph's index for a DOCX). */
  sourceLine: number;
  /** The rows of a table, when the paragraph is one. */
  table?: string[][];
  /** Lines of capitals as the scan had them before an OCR slip was mended (`Il. NHIỆM VỤ` → `II. NHIỆM VỤ`). */
  ocrMended?: string[];
}

/** Ends a sentence: a paragraph that ends so is not continued by the next line. */
export const TERMINAL = /[.;:!?…](?:["”’»)\]]*)$/u;
/** A line opening a list item or a numbered part: `-`, `+`, `•`, `1.`, `a)`, `II-`. */
export const MARKER = /^(?:[-+•–—*](?=\s)|\d{1,3}(?:\.\d{1,3})*\s*[.)-](?=\s)|\d{1,3}(?:\.\d{1,3})+(?=\s)|[a-zđ]\)(?=\s)|[IVXLC]{1,6}\s*[.\-–)](?=\s))/u;
/** Cells of a column layout pasted from Word: a tab, or a run of three spaces or more inside the line. */
export const COLUMN_GAP = /\t+| {3,}/;

const HAS_LETTER = /\p{L}/u;

/** True when a text has letters and none of them is lower case: `KẾ HOẠCH`, `TỈNH ỦY LAI CHÂU`. */
export function isUpperText(text: string): boolean {
  return HAS_LETTER.test(text) && !/\p{Ll}/u.test(text);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Cells of a line laid out in columns; one cell when it is not. */
export function cellsOf(line: string): string[] {
  return line
    .trim()
    .split(COLUMN_GAP)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Strips a bold wrapper `**…**` around a whole text (kept when bold marks also stand inside). */
function unwrapBold(text: string): { text: string; bold: boolean } {
  // Bold runs side by side are one (`**… khu** **vực …**`, a bold title wrapped onto two lines).
  const m = /^\*\*([^]*)\*\*$/.exec(text.trim().replace(/\*\*(\s*)\*\*/g, '$1'));
  if (m && !m[1].includes('**') && m[1].trim()) return { text: m[1], bold: true };
  return { text, bold: false };
}

interface RawLine {
  text: string;
  /** The line ended with a hard break (two trailing spaces of Markdown). */
  hardBreak: boolean;
  /** The line started with white space: a wrapped continuation in PDF extractions. */
  indented: boolean;
  farIndented: boolean;
  markedHeading: boolean;
  number: number;
  /** The line as scanned, when an OCR slip was mended. */
  ocr?: string;
}

/**
 * Lines that stand alone whatever their neighbours: a page number, a Word
 * bookmark, a rule drawn with dashes or a star, and the lines of a header (Quốc hiệu, tiêu ngữ, party line,
 * `Số:`, place and date), which a PDF may put one under the other.
 */
const ALONE = /^(?:\d{1,3}|_(?:toc|hlk|ref|goback)\d*|[-–—_*=~.\s]{3,}|\*)$|cong hoa xa hoi chu nghia|doc lap\s*-\s*tu do|dang cong san viet nam|^so\s*:|,\s*ng\S{1,3}y\s+\d{1,2}\s+th\S{1,3}ng/;
const standsAlone = (line: string) => ALONE.test(fold(line.trim()));

/**
 * Mends the commonest OCR slip of a line in capitals: a lower-case `l` read
 * for `I` (`Il. NHIỆM VỤ`, `THỰC HlỆN`). Only when every other letter of the
 * line is a capital, so running text is never touched.
 */
export function mendCapitals(line: string): string {
  if (!line.includes('l') || isUpperText(line)) return line;
  const mended = line.replace(/l/g, 'I');
  return isUpperText(mended) ? mended : line;
}

/** A text without the `*` marks that close it (read back by hand: `/\*+$/` would be quadratic on a run of them). */
function withoutClosingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '*') end--;
  return text.slice(0, end);
}

/** A line's text without the bold that opens it (`**3.1. Với …`): what it starts with is read through the mark. */
const unmarked = (text: string) => text.replace(/^\*{2,3}(?=\S)/, '');

/** A line bold from its first word to its last, one run (`**…**`). */
const wholeBold = (text: string) => /^\*\*[^*]/.test(text.trim()) && /[^*]\*\*$/.test(text.trim()) && !text.trim().slice(2, -2).includes('**');

/** A range of years or a date broken after its dash or slash at the end of a line: `2021-` / `2025`, `05/12/` / `2025`. */
const BROKEN_FIGURES = /\d[-–/]$/u;

/** True when `next` begins a paragraph of its own rather than continuing `prev`; `width` is the block's longest line. */
function startsParagraph(prev: RawLine, next: RawLine, width: number): boolean {
  if (prev.hardBreak || prev.markedHeading || next.markedHeading || next.farIndented) return true;
  if (standsAlone(prev.text) || standsAlone(next.text)) return true;
  if (COLUMN_GAP.test(prev.text.trim()) || COLUMN_GAP.test(next.text.trim())) return true;
  const upperPrev = isUpperText(prev.text);
  const upperNext = isUpperText(next.text);
  if (upperPrev || upperNext) return true;
  const ended = TERMINAL.test(withoutClosingMarks(prev.text.trim()));
  const body = unmarked(next.text.trim());
  // `… thời kỳ 2021-` / `2030, …`: a range or a date broken at its dash or slash goes on, however short the line.
  if (BROKEN_FIGURES.test(prev.text.trim()) && /^\d/u.test(body)) return false;
  if (MARKER.test(body)) {
    // `… kinh tế` / `- xã hội của tỉnh` is a wrap, not an item.
    const afterMarker = body.replace(MARKER, '').trim();
    return ended || /^[\p{Lu}\d"“(]/u.test(afterMarker);
  }
  if (next.indented) return false;
  // A line bold from end to end before one that opens in plain text is a title over its paragraph (`**Nhiệm vụ trọng tâm**`).
  if (wholeBold(prev.text) && !next.text.trim().startsWith('*') && /^[\p{Lu}\d"“]/u.test(body)) return true;
  // A short line before a capital is a title line of its own (`1. Hoàn thiện hạ tầng` / `Rà soát …`), not a wrap.
  const short = prev.text.trim().length < width * 0.7;
  return (ended || short) && /^[\p{Lu}\d"“]/u.test(body);
}

/** A document number broken at the hyphen of its symbol at the end of a line (its last word): `5969/QĐ-` / `UBND`. */
const BROKEN_NUMBER = /^\d+\/[\p{L}\p{N}/.-]*-$/u;

/** Lines wrapped by the extraction, one line again: a space between them, none inside a document number, a range of years or a date. */
function joinWrapped(lines: string[]): string {
  const brokenNumber = (text: string) => BROKEN_NUMBER.test(text.slice(text.lastIndexOf(' ') + 1));
  const unbroken = (text: string, line: string) => (brokenNumber(text) && /^[\p{Lu}Đ]/u.test(line)) || (BROKEN_FIGURES.test(text) && /^\d/u.test(line));
  return lines.reduce((text, line) => (!text ? line : unbroken(text, line) ? `${text}${line}` : `${text} ${line}`), '');
}

/**
 * Cuts text copied from Word or a PDF (or the Markdown a PDF converter
 * writes) into paragraphs: blank lines separate blocks; inside a block, a
 * line continues the one before unless it starts a list item, follows a
 * finished sentence with a capital, or is a line of capitals or columns.
 */
export function paragraphsOfText(text: string): SourceParagraph[] {
  const out: SourceParagraph[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let block: RawLine[] = [];
  let blankBefore = true;
  const flush = () => {
    if (!block.length) return;
    // A bold wrapper may span the block (`**Triển khai …` … `… mới**`).
    const whole = unwrapBold(block.map((l) => l.text).join('\n'));
    const texts = whole.text.split('\n');
    const raws = block.map((l, i) => ({ ...l, text: texts[i] ?? '' }));
    const width = Math.max(...raws.map((l) => l.text.trim().length));
    let current: RawLine[] = [];
    const push = () => {
      if (!current.length) return;
      const joined = current.map((l) => l.text.trim()).filter(Boolean);
      if (joined.length) {
        // The lines left together are prose wrapped by the extraction: one line again.
        const text = joinWrapped(joined);
        const inner = whole.bold ? { text, bold: true } : unwrapBold(text);
        out.push({
          lines: [inner.text.trim()],
          bold: inner.bold,
          markedHeading: current.some((l) => l.markedHeading),
          farIndented: current[0].farIndented,
          ...(current.some((l) => l.ocr !== undefined) ? { ocrMended: current.flatMap((l) => l.ocr ?? []) } : {}),
          blankBefore,
          sourceLine: current[0].number,
        });
        blankBefore = false;
      }
      current = [];
    };
    for (const line of raws) {
      if (current.length && startsParagraph(current[current.length - 1], line, width)) push();
      current.push(line);
    }
    push();
    block = [];
  };
  lines.forEach((line, index) => {
    if (!line.trim()) {
      flush();
      blankBefore = true;
      return;
    }
    const heading = /^\s{0,3}#{1,6}\s+/.exec(line);
    const body = heading ? line.slice(heading[0].length) : line;
    const text = body.trimEnd();
    const mended = mendCapitals(text);
    block.push({
      text: mended,
      ...(mended !== text ? { ocr: text.trim() } : {}),
      hardBreak: body.endsWith('  '),
      indented: /^[ \t]/.test(line),
      farIndented: /^(?:\t| {8,})/.test(line),
      markedHeading: Boolean(heading),
      number: index + 1,
    });
  });
  flush();
  return out;
}

/** The number that opens a numbered part: `I.`, `1.`, `1.2.`, `a)`, `II-`. */
const NUMBER_MARK = String.raw`(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])\s*[.)\-–]?`;
/** Bold or italics around the number alone (`**2. **Văn bản…`, `**3**. Các xã…`, `*2.1. *Bám sát…`): the number's formatting, not a title. */
const BOLD_NUMBER = new RegExp(String.raw`^(\*{1,2})\s*(${NUMBER_MARK})\s*\1(?!\*)\s*([.)\-–]?)\s*`, 'u');
/** A number then a title in bold and nothing after it: `1. **Mục đích**`. */
const NUMBER_BOLD_TITLE = new RegExp(String.raw`^(${NUMBER_MARK})\s*\*\*([^*]+?)\*\*\s*$`, 'u');
/** A numbered title in bold with its text after it on the line: `**1. Mục đích** Nâng cao …`, `**1. Đối tượng: **Các sở…`, `1. **Thời gian**: từ …`. */
const RUN_IN_HEADING = new RegExp(String.raw`^(?:\*{2,3}\s*(${NUMBER_MARK}\s*[^*]{1,150}?)\s*\*{2,3}|(${NUMBER_MARK})\s*\*{2,3}([^*]{1,150}?)\*{2,3})\s*[:.]?\s*(\S[^]*)$`, 'u');

/**
 * Reads the bold of a numbered paragraph as Word and converters leave it:
 * bold runs side by side are one run, bold around the number alone is
 * dropped, a number with a bold title and nothing after it is a bold
 * paragraph, and a bold numbered title with its text after it on the same
 * line is parted into the title (a bold paragraph, which the classifier
 * weighs with its siblings) and the text.
 */
export function splitRunInHeadings(paragraphs: SourceParagraph[]): SourceParagraph[] {
  return paragraphs.flatMap((p) => {
    if (p.table || p.bold || p.lines.length !== 1) return [p];
    let text = p.lines[0].replace(/\*\*(\s*)\*\*/g, '$1');
    const number = BOLD_NUMBER.exec(text);
    if (number) text = `${number[2]}${number[3]} ${text.slice(number[0].length)}`.trimEnd();
    const title = NUMBER_BOLD_TITLE.exec(text);
    if (title) return [{ ...p, lines: [`${title[1]} ${title[2].trim()}`.replace(/\s+/g, ' ')], bold: true }];
    const runIn = RUN_IN_HEADING.exec(text);
    const runInTitle = runIn ? (runIn[1] ?? `${runIn[2]} ${runIn[3]}`).replace(/\s+/g, ' ').trim() : undefined;
    const heading = runInTitle?.endsWith(':') ? runInTitle.slice(0, -1).trimEnd() : runInTitle;
    if (!runIn || !heading || wordCount(heading) > 30) return [text === p.lines[0] ? p : { ...p, lines: [text] }];
    return [
      { ...p, lines: [heading], bold: true },
      { ...p, lines: [runIn[4].trim()], bold: false, blankBefore: false, markedHeading: false },
    ];
  });
}
