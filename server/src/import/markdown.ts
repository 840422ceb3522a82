import { importParagraphs, type ImportResult } from './import-plan';
import { fold } from '../syntax/inline';
import { isLayoutTable } from './layout-table';
import { isUpperText, mendCapitals, TERMINAL, type SourceParagraph } from './source-paragraphs';

/**
 * Markdown as converters write it (a legal portal's page or a PDF through
 * pandoc, html2text, MinerU…): paragraphs are blocks between blank lines whose
 * lines are soft-wrapped (one paragraph, whatever the capitals), list items,
 * `#` headings, pipe tables, and tables flattened to one cell per line
 * between lone `|` lines (two `|` lines end a row). A layout table of the
 * header or the closing is read column by column, as Word lays it out; bold
 * split across lines (`**I. MỤC` / `ĐÍCH, YÊU CẦU**`) is one run again.
 */

/** A cell holding the Quốc hiệu or the party line: the header's. */
const HEADER_CELL = /cong hoa xa hoi chu nghia|dang cong san viet nam/;
const LONE_PIPE = /^\s*\|\s*$/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const HEADING = /^\s{0,3}(#{1,6})\s+/;
/** A Markdown list item: the closing's recipients, the body's dashes. */
const BULLET = /^\s{0,3}[-+•–*]\s+\S/;
/** A bold or italic mark with nothing inside (`** **`, `* *`): a converter's leftover. */
const isEmptyMarks = (text: string) => text.includes('*') && !/[^\s*]/.test(text);
/** The rule under a pipe table's head: `|---|:--:|`. */
const isPipeSeparator = (line: string) => {
  const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  return cells.length > 0 && cells.every((c) => /^:?-{2,}:?$/.test(c.trim()));
};

interface Line {
  text: string;
  number: number;
}

/** Lines of one cell or block with every `**`/`*` run that a line break split joined into one line again. */
function joinSplitMarks(lines: Line[]): Line[] {
  const out: Line[] = [];
  let open: Line | undefined;
  for (const line of lines) {
    const text = line.text.trim();
    if (open) open = { text: `${open.text} ${text}`, number: open.number };
    else open = { text, number: line.number };
    // `**` counted first, then single `*` (italic) among what is left: an odd count leaves a run open.
    const doubles = (open.text.match(/\*\*/g) ?? []).length;
    const singles = (open.text.replace(/\*\*/g, '').match(/\*/g) ?? []).length;
    if (doubles % 2 === 0 && singles % 2 === 0) {
      out.push(open);
      open = undefined;
    }
  }
  if (open) out.push(open);
  return out;
}

/** A paragraph's text without the bold or italic wrapper around all of it, and whether it was bold. */
function unwrap(text: string): { text: string; bold: boolean } {
  // Bold runs side by side are one (`**2.** **Sở Nông nghiệp và Môi trường:**`); marks with only spaces inside carry nothing.
  let t = text
    .trim()
    // A run opening the paragraph closed after a space (`*b) Kế hoạch …: *Thực hiện`, `**Điều 1. **Ban hành`): the
    // converter's way of writing `*…:* Thực hiện`, which Markdown would not close; the space goes after the mark.
    .replace(/^(\*{1,2})(?=[^\s*])([^*]*?[^\s*])\s+\1(?=[\p{L}\d])/u, '$1$2$1 ')
    // A numbered title in italics running into its text (`*b) Kế hoạch …:* Thực hiện`) is read through the marks, as bold is.
    .replace(/^\*(?!\*)((?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)])\s[^*]*)\*(?!\*)/u, '$1')
    .replace(/\*\*\s+\*\*/g, ' ')
    // So are italic runs parted by a comma (`*a) Thu gom và xử lý rác thải*, *xác động vật*`).
    .replace(/(?<=[^*\s])\*([,;]?\s+)\*(?=[^*\s])/g, '$1');
  let bold = false;
  for (;;) {
    const b = /^\*\*([^]*)\*\*$/.exec(t);
    if (b && !b[1].includes('**') && b[1].trim()) {
      t = b[1].trim();
      bold = true;
      continue;
    }
    const i = /^\*([^*][^]*)\*$/.exec(t);
    if (i && !i[1].includes('*') && i[1].trim()) {
      t = i[1].trim();
      continue;
    }
    // A mark left at the end after a space (`DÂN **`) carries nothing.
    if (/\s\*\*$/.test(t)) t = t.slice(0, -2);
    return { text: t.replace(/\s+/g, ' ').trim(), bold };
  }
}

function paragraph(lines: string[], number: number, blankBefore: boolean, options: { bold?: boolean; markedHeading?: boolean } = {}): SourceParagraph {
  const mended = lines.map(mendCapitals);
  const ocr = lines.filter((l, i) => mended[i] !== l);
  return {
    lines: mended,
    bold: options.bold ?? false,
    markedHeading: options.markedHeading ?? false,
    blankBefore,
    farIndented: false,
    sourceLine: number,
    ...(ocr.length ? { ocrMended: ocr } : {}),
  };
}

/** One block between blank lines: soft-wrapped lines join; a list item, a heading or a line after a hard break starts anew. */
/**
 * Where a converter left no blank line between paragraphs, a line also starts
 * one when it is wholly bold, when the line before ended a sentence and it
 * opens with a capital, a number or a mark, or when capitals give way to
 * running text or the reverse (a title above its first paragraph).
 */
function startsWithoutBlank(previous: string, line: string): boolean {
  const prev = previous.replace(/\*+/g, '').trim();
  const next = line.replace(/\*+/g, '').trim();
  if (/^\*\*/.test(line.trim()) && /\*\*$/.test(line.trim())) return true;
  if (/\*\*$/.test(previous.trim()) && /^\*\*/.test(previous.trim())) return true;
  if (isUpperText(prev) !== isUpperText(next)) return true;
  return TERMINAL.test(prev) && /^[\p{Lu}\d"“(+•–-]/u.test(next);
}

function paragraphsOfBlock(block: Line[], blankBefore: boolean, out: SourceParagraph[], sparse: boolean): void {
  let current: Line[] = [];
  let first = true;
  const push = () => {
    const joined = joinSplitMarks(current)
      .map((l) => l.text)
      .join(' ');
    if (current.length && !isEmptyMarks(joined) && joined.trim()) {
      const heading = HEADING.exec(joined);
      const { text, bold } = unwrap(heading ? joined.slice(heading[0].length) : joined);
      if (text) {
        out.push(paragraph([text], current[0].number, first && blankBefore, { bold, markedHeading: Boolean(heading) }));
        first = false;
      }
    }
    current = [];
  };
  for (const line of block) {
    const previous = current[current.length - 1];
    const opensAnew = BULLET.test(line.text) || HEADING.test(line.text) || (previous && (/(?: {2}|\\)$/.test(previous.text) || (sparse && startsWithoutBlank(previous.text, line.text))));
    // A bullet inside an open bold run is the run's text (`**- Về …`), not an item; so is a line inside an open
    // italic run (`*2.2.` / `Chi ngân sách địa phương*`), which ended no sentence.
    const open = previous && joinSplitMarks(current).length ? joinSplitMarks(current).at(-1)!.text : '';
    const markOpen = (open.match(/\*\*/g) ?? []).length % 2 === 1 || (open.replace(/\*\*/g, '').match(/\*/g) ?? []).length % 2 === 1;
    if (previous && (opensAnew || HEADING.test(previous.text)) && !markOpen) push();
    current.push({ text: line.text.replace(/\\$/, ''), number: line.number });
  }
  push();
}

/** The paragraphs of a table cell of the header or the closing: each line a paragraph, split marks rejoined. */
function cellParagraphs(cell: Line[], out: SourceParagraph[]): void {
  const lines: Line[] = [];
  for (const line of joinSplitMarks(cell)) {
    const previous = lines[lines.length - 1];
    // A label wrapped before its value (`Số:` / `7360/KH-UBND`) is one line; a list after `Nơi nhận:` is not.
    if (previous && /:\**$/.test(previous.text.trim()) && !/^\*{0,2}\s*[-+•–]/.test(line.text) && !RECIPIENTS.test(previous.text)) previous.text = `${previous.text} ${line.text}`;
    else lines.push({ ...line });
  }
  for (const line of lines) {
    if (isEmptyMarks(line.text)) continue;
    const { text, bold } = unwrap(line.text);
    if (text) out.push(paragraph([text], line.number, true, { bold }));
  }
}

const cellText = (cell: Line[]) =>
  unwrap(
    joinSplitMarks(cell)
      .map((l) => l.text)
      .join(' '),
  ).text;

/** Emits a table: a layout table (header, closing) column by column, any other as a table paragraph. */
function emitTable(rows: Line[][][], number: number, out: SourceParagraph[]): void {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  if (isLayoutTable(columns, rows.length)) {
    for (let c = 0; c < columns; c++) for (const row of rows) if (row[c]) cellParagraphs(row[c], out);
    return;
  }
  out.push({ lines: [], bold: false, markedHeading: false, blankBefore: true, farIndented: false, sourceLine: number, table: rows.map((r) => r.map(cellText)) });
}

const RECIPIENTS = /^\W*n[ơo]i\s+nh[ậâa]n/iu;

/**
 * Reads a table flattened to lone `|` lines from `start` (a lone `|`):
 * cells between single `|` lines, rows between two. It ends at a `|`
 * followed by a blank line or the end, or, once a row is as wide as the
 * first, at a `|` followed by anything but a cell; a one-row table whose
 * first cell is `Nơi nhận` (the closing) ends after its two cells.
 */
function flattenedTable(lines: Line[], start: number): { rows: Line[][][]; end: number } {
  const rows: Line[][][] = [];
  let row: Line[][] = [];
  let cell: Line[] = [];
  let width = 0;
  let i = start + 1;
  const endRow = () => {
    if (cell.length) row.push(cell);
    cell = [];
    if (row.length) {
      rows.push(row);
      // The header's row sets the width anew: a portal's attribute table may run on into it.
      if (!width || row.some((c) => HEADER_CELL.test(fold(c.map((l) => l.text).join(' '))))) width = row.length;
    }
    row = [];
  };
  for (; i < lines.length; i++) {
    const text = lines[i].text;
    if (!LONE_PIPE.test(text)) {
      if (text.trim()) cell.push(lines[i]);
      continue;
    }
    const next = lines[i + 1];
    if (next && LONE_PIPE.test(next.text)) {
      // `|` `|`: this row ends and the next begins.
      endRow();
      i++;
      continue;
    }
    row.push(cell);
    cell = [];
    const closing = rows.length === 0 && row.length === 2 && RECIPIENTS.test(row[0].map((l) => l.text).join(' '));
    if (!next || !next.text.trim() || closing || (width && row.length >= width)) {
      i++;
      break;
    }
  }
  endRow();
  return { rows: rows.map((r) => r.filter((c) => c.some((l) => l.text.trim()))).filter((r) => r.length), end: i };
}

const splitPipeRow = (row: string) =>
  row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());

/** Cuts Markdown into source paragraphs (see the file comment). */
export function paragraphsOfMarkdown(text: string): SourceParagraph[] {
  // Trailing spaces go, except the two of a Markdown hard break.
  const lines = text.split(/\r\n|\r|\n/).map((t, i) => {
    const kept = t.trimEnd();
    return { text: t.startsWith('  ', kept.length) ? `${kept}  ` : kept, number: i + 1 };
  });
  const out: SourceParagraph[] = [];
  // Text with hardly a blank line between its paragraphs: their boundaries are read from the lines themselves.
  const blank = lines.filter((l) => !l.text.trim()).length;
  const sparse = blank < (lines.length - blank) * 0.15;
  let block: Line[] = [];
  let blankBefore = true;
  const flush = () => {
    if (block.length) paragraphsOfBlock(block, blankBefore, out, sparse);
    if (block.length) blankBefore = false;
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.text.trim()) {
      flush();
      blankBefore = true;
      continue;
    }
    if (LONE_PIPE.test(line.text)) {
      flush();
      const { rows, end } = flattenedTable(lines, i);
      // A portal's table of the document's attributes may run on into the header's: the header starts a table of its own.
      const header = rows.findIndex((r, k) => k > 0 && r.some((c) => HEADER_CELL.test(fold(c.map((l) => l.text).join(' ')))));
      if (header > 0) {
        emitTable(rows.slice(0, header), line.number, out);
        emitTable(rows.slice(header), rows[header][0][0].number, out);
      } else if (rows.length) emitTable(rows, line.number, out);
      i = end - 1;
      blankBefore = true;
      continue;
    }
    if (PIPE_ROW.test(line.text) && line.text.split('|').length > 2) {
      flush();
      const rows: Line[][][] = [];
      for (; i < lines.length && PIPE_ROW.test(lines[i].text); i++) {
        if (!isPipeSeparator(lines[i].text)) rows.push(splitPipeRow(lines[i].text).map((c) => [{ text: c, number: lines[i].number }]));
      }
      i--;
      if (rows.length) emitTable(rows, line.number, out);
      blankBefore = true;
      continue;
    }
    block.push(line);
  }
  flush();
  return out;
}

/** True when a text reads as Markdown: bold runs, `#` headings or pipe tables on several lines. */
export function looksLikeMarkdown(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/, 400);
  const marked = lines.filter((l) => /\*\*\S/.test(l) || HEADING.test(l) || PIPE_ROW.test(l) || LONE_PIPE.test(l)).length;
  return marked >= 5;
}

/** Imports a plan from Markdown (see `paragraphsOfMarkdown`). */
export function importMarkdown(text: string): ImportResult {
  const source = text.normalize('NFC').replace(/^\uFEFF/, '');
  return importParagraphs(paragraphsOfMarkdown(source), source);
}
