import { importText, type ImportResult } from './import-plan';
import { fillStamps, NUMBER_TAIL, piecesOfOperators, SPACE_GAP, type FontFacts, type Piece } from './pdf-operators';

/**
 * PDF import: pdf.js (its legacy build, plain JavaScript on Node 20) gives
 * each page's operator list, which `pdf-operators.ts` reads into runs of
 * text placed by their glyphs' widths (a signature's stamp included, filled
 * into the header's blanks); the runs are set back into lines by their
 * baseline, a line's runs into columns where a wide gap parts them (the
 * header's two columns, the closing's `Nơi nhận` beside the signature,
 * written with a tab between them as Word's copied text has it), and a line
 * indented from the page's left margin, or far below the one before, starts
 * a paragraph. The text then goes through the same classifier as text copied
 * from Word. Pure: bytes in, no file system.
 */

/**
 * pdf.js, loaded on the first PDF only. It runs its worker in the same thread
 * when it is given the worker's module (nothing is loaded from disk); the
 * drawing classes it looks for on load are given as empty stand-ins when
 * Node lacks them, as reading text never draws.
 */
async function loadPdfjs() {
  const scope = globalThis as Record<string, unknown>;
  for (const name of ['DOMMatrix', 'ImageData', 'Path2D']) scope[name] ??= class {};
  // On load pdf.js looks for a native canvas through `require`, which a bundle lacks, and says so on the console: not the user's concern.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).startsWith('Warning: Cannot access the `require` function')) warn(...args);
  };
  try {
    scope.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs');
    return await import('pdfjs-dist/legacy/build/pdf.min.mjs');
  } finally {
    console.warn = warn;
  }
}

/** A PDF the import cannot read: the reason is for the user (Vietnamese / English). */
export class UnreadablePdfError extends Error {}

interface PageLine {
  pieces: Piece[];
  y: number;
  size: number;
}

/** Two pieces of a line further apart than this many times the font size stand in different columns. */
const COLUMN_GAP = 2;
/** A line starting this far right of the left margin (in points) is indented: a paragraph's first line, or centred. */
const INDENT = 8;

const SUPERSCRIPT: Record<string, string> = { 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

function linesOfPage(pieces: Piece[]): PageLine[] {
  const lines: PageLine[] = [];
  // From the top of the page down; pieces of one baseline (within a third of the font size) make one line.
  const sorted = [...pieces].sort((a, b) => b.y - a.y);
  for (const piece of sorted) {
    const line = lines.find((l) => Math.abs(l.y - piece.y) <= Math.max(2, 0.35 * Math.max(l.size, piece.size)));
    if (line) {
      line.pieces.push(piece);
      line.size = Math.max(line.size, piece.size);
    } else lines.push({ pieces: [piece], y: piece.y, size: piece.size });
  }
  lines.sort((a, b) => b.y - a.y);
  // A line of small print just above another is its superscripts (m³, a footnote's mark): written into it, digits as superscript digits.
  for (let i = lines.length - 2; i >= 0; i--) {
    const [small, below] = [lines[i], lines[i + 1]];
    // Each of its pieces a mark of a few characters set right after a word of the line below.
    const marks = small.pieces.every((m) => m.text.trim().length <= 3 && below.pieces.some((p) => Math.abs(m.x - p.end) < 0.3 * below.size));
    if (marks && small.size <= 0.8 * below.size && small.y - below.y <= 0.6 * below.size) {
      below.pieces.push(...small.pieces.map((p) => ({ ...p, text: p.text.replace(/\d/g, (d) => SUPERSCRIPT[d]), superscript: true })));
      lines.splice(i, 1);
    }
  }
  for (const line of lines) line.pieces.sort((a, b) => a.x - b.x);
  return lines;
}

/** A line's text, its columns parted by a tab, where it starts and ends; `middle` is the middle of the page. */
function textOfLine(line: PageLine, middle: number): { text: string; x: number; end: number } {
  let text = '';
  let end = -Infinity;
  let stamped = false;
  let bold = false;
  // Bold is written as Markdown's `**…**`, as converters write it: the classifier weighs a bold numbered title as a heading.
  const closeBold = () => {
    if (bold) text = `${text.trimEnd()}**${text.slice(text.trimEnd().length)}`;
    bold = false;
  };
  for (const piece of line.pieces) {
    const gap = piece.x - end;
    // A wide gap parts columns; one near the middle of the page (the header's, the closing's) needs less.
    // A stamp left on its own fills a blank of the line: a word of it, never a column.
    const columns = !piece.stamp && !stamped && !piece.superscript && (gap > COLUMN_GAP * line.size || (gap > 0.9 * line.size && end < middle + line.size && piece.x > middle - 4 * line.size));
    const touching = stamped ? NUMBER_TAIL.test(piece.text) : piece.superscript || (!piece.stamp && gap <= SPACE_GAP * piece.size);
    if (text && columns) {
      closeBold();
      text = `${text.trimEnd()}\t`;
    }
    // Pieces that touch are one word (a letter drawn in another font); a gap between them is a space.
    else if (text && !touching && !/\s$/.test(text) && !/^\s/.test(piece.text)) text += ' ';
    stamped = Boolean(piece.stamp);
    if (!piece.bold) closeBold();
    else if (!bold && piece.text.trim()) {
      text += /\s$/.test(text) || !text || text.endsWith('\t') ? '**' : '';
      bold = true;
    }
    text += text.endsWith('\t') || text.endsWith('\t**') ? piece.text.trimStart() : piece.text;
    end = Math.max(end, piece.end);
  }
  closeBold();
  return {
    text: text
      .replace(/[ \u00a0]+/g, ' ')
      .replace(/ ?\t ?/g, '\t')
      .trim(),
    x: line.pieces[0]?.x ?? 0,
    end,
  };
}

/** The text of a PDF's pages, as lines with blank lines between paragraphs. */
export async function textOfPdf(bytes: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfjs();
  let document: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // A plain copy: pdf.js takes the buffer over, and refuses a Node Buffer.
    document = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new UnreadablePdfError('PDF được khóa bằng mật khẩu; mở khóa rồi nhập lại / the PDF is locked with a password; unlock it and import again');
    throw new UnreadablePdfError(`tệp PDF hỏng, không đọc được / a damaged PDF that cannot be read (${(error as Error).message})`);
  }
  const out: string[] = [];
  let letters = 0;
  const ops = pdfjs.OPS as unknown as Record<string, number>;
  try {
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.ENABLE });
      const fontOf = (name: string): FontFacts => {
        const font = page.commonObjs.has(name) ? (page.commonObjs.get(name) as { fontMatrix?: number[]; name?: string; bold?: boolean }) : undefined;
        return { scale: font?.fontMatrix?.[0] || 0.001, bold: Boolean(font?.bold) || /bold|black|heavy|semibold|demi/i.test(font?.name ?? '') };
      };
      const pieces = fillStamps(piecesOfOperators(list.fnArray, list.argsArray as unknown[][], ops, fontOf));
      letters += pieces.reduce((sum, p) => sum + (p.text.match(/\p{L}/gu)?.length ?? 0), 0);
      const middle = page.getViewport({ scale: 1 }).width / 2;
      const lines = linesOfPage(pieces)
        .map((l) => ({ ...textOfLine(l, middle), y: l.y, size: l.size }))
        .filter((l) => l.text);
      const single = lines.filter((l) => !l.text.includes('\t'));
      const margin = Math.min(...single.map((l) => l.x));
      const right = Math.max(...single.map((l) => l.end));
      // Centred: as far from the right edge of the text as from its left margin (a title, a trích yếu of several lines).
      const centred = (l: { x: number; end: number }) => l.x > margin + 2 && Math.abs(l.x - margin - (right - l.end)) < 12;
      let previous: (typeof lines)[number] | undefined;
      for (const line of lines) {
        const spacing = previous ? previous.y - line.y : 0;
        // An indented line under another indented one continues it (a centred title of two lines); the classifier
        // still parts lines that end a sentence or change from capitals, as in text copied from Word.
        const indented = (l: { x: number }) => l.x > margin + INDENT;
        const newParagraph =
          !previous || (indented(line) && !indented(previous) && !(centred(line) && centred(previous))) || spacing > 1.9 * line.size || line.text.includes('\t') || previous.text.includes('\t');
        if (newParagraph) out.push('');
        out.push(line.text);
        previous = line;
      }
      // A page ends a block: the importer joins a sentence a page break split.
      out.push('');
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  if (letters === 0) {
    throw new UnreadablePdfError('PDF không có lớp chữ (bản quét ảnh); nhận dạng chữ (OCR) trước rồi nhập văn bản / the PDF has no text layer (a scanned image); run OCR first and import the text');
  }
  return out.join('\n');
}

/** Imports a plan from a PDF with a text layer; throws `UnreadablePdfError` for a scan, a locked or a damaged file. */
export async function importPdf(bytes: Uint8Array): Promise<ImportResult> {
  return importText(await textOfPdf(bytes));
}
