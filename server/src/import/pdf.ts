import { importText, type ImportResult } from './import-plan';

/**
 * PDF import: pdf.js (its legacy build, plain JavaScript on Node 20) gives
 * each page's text items with their positions; they are set back into lines
 * by their baseline, a line's items into columns where a wide gap parts
 * them (the header's two columns, the closing's `Nơi nhận` beside the
 * signature, written with a tab between them as Word's copied text has it),
 * and a line indented from the page's left margin, or far below the one
 * before, starts a paragraph. The text then goes through the same classifier
 * as text copied from Word. What a digital signature's stamp draws (the
 * number and date a clerk fills in on signing) is no text of the page and is
 * not read: the import then says the date is incomplete. Pure: bytes in, no
 * file system.
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

/** A run of glyphs drawn one after the other on a baseline, in page space (points, y up). */
interface Piece {
  text: string;
  x: number;
  /** Where its last glyph that is not a blank ends. */
  end: number;
  /** Baseline. */
  y: number;
  size: number;
  /** Drawn in a bold face. */
  bold?: boolean;
  /** Drawn by an annotation's appearance: the number or a day a digital signature's stamp fills in. */
  stamp?: boolean;
  /** Small print raised above the line (m³, a footnote's mark): part of the word before it. */
  superscript?: boolean;
  /** Runs of blanks wider than a few letters, and where the text stands there (the blanks left for a stamp). */
  holes?: { from: number; to: number; at: number }[];
}

interface PageLine {
  pieces: Piece[];
  y: number;
  size: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** `m` applied first, then `n` (PDF's row-vector convention). */
const times = (m: Matrix, n: Matrix): Matrix => [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3], m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]];
const matrixOf = (value: unknown): Matrix => (value && typeof value === 'object' && 'length' in value && (value as ArrayLike<number>).length === 6 ? (Array.from(value as ArrayLike<number>) as Matrix) : IDENTITY);

/** A glyph as pdf.js's operator list gives it (`glyph.width` in glyph space, thousandths of the font size for most fonts). */
interface GlyphLike {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/** What the operators need of a font: its glyph-space scale, and whether its face is bold. */
interface FontFacts {
  scale: number;
  bold: boolean;
}

interface TextState {
  ctm: Matrix;
  fontMatrix: number;
  bold: boolean;
  fontSize: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

/** A gap this many times the font size between glyphs of one run is a space the producer drew by moving, not with a blank. */
const SPACE_GAP = 0.15;
/** A run is cut where the pen moves this many times the font size: a tab stop, or the other column. */
const RUN_BREAK = 1.5;
/** Letters of the Alphabetic Presentation Forms (the ligatures ﬁ, ﬂ) are written as their letters. */
const LIGATURES = /[\uFB00-\uFB06]/g;

/**
 * The runs of text a page's operator list draws, annotations' appearances
 * included (a digital signature's stamp writes the number and the day into the
 * header's blanks), each placed where its glyphs are: the pen is moved by the
 * glyphs' own widths, as a viewer draws them. (pdf.js's text content takes a
 * letter its Unicode map writes decomposed, `ổ` as o + marks, for a mark of no
 * width, and then sees a space after it: `tổ chứ c`, `h ữu`.)
 */
function piecesOfOperators(fnArray: number[], argsArray: unknown[][], ops: Record<string, number>, fontOf: (name: string) => FontFacts): Piece[] {
  const pieces: Piece[] = [];
  let state: TextState = { ctm: IDENTITY, fontMatrix: 0.001, bold: false, fontSize: 0, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0, textMatrix: IDENTITY, x: 0, y: 0, lineX: 0, lineY: 0 };
  const stack: TextState[] = [];
  /** How deep inside annotations' appearances the operators are. */
  let stamping = 0;
  const push = (ctm: Matrix) => {
    stack.push(state);
    state = { ...state, ctm };
  };
  const pop = () => {
    state = stack.pop() ?? state;
  };
  const moveText = (x: number, y: number) => {
    state.x = state.lineX += x;
    state.y = state.lineY += y;
  };
  const show = (glyphs: unknown[]) => {
    const { fontSize, hScale, charSpacing, wordSpacing } = state;
    if (!fontSize) return;
    const toPage = times(state.textMatrix, state.ctm);
    const scale = Math.hypot(toPage[2], toPage[3]) * Math.abs(fontSize);
    if (!scale) return;
    // The pen moves in text space, where the font size is the em.
    const em = Math.abs(fontSize);
    const at = (textX: number) => toPage[0] * textX + toPage[2] * (state.y + state.rise) + toPage[4];
    const baseline = toPage[1] * state.x + toPage[3] * (state.y + state.rise) + toPage[5];
    let run: Piece | undefined;
    let pen = 0;
    let moved = 0;
    let blanks: { from: number; advance: number; count: number } | undefined;
    const close = () => {
      // Blanks at the end are one space (trimEnd rather than / +$/, which is quadratic on a long run of them).
      if (run && run.text.trim()) pieces.push({ ...run, text: run.text.trimEnd() === run.text ? run.text : `${run.text.trimEnd()} ` });
      run = undefined;
      blanks = undefined;
    };
    for (const glyph of glyphs) {
      if (typeof glyph === 'number') {
        const shift = (-glyph * fontSize) / 1000;
        pen += shift;
        moved += shift;
        continue;
      }
      const g = glyph as GlyphLike;
      const text = (g.unicode ?? '').normalize('NFC').replace(LIGATURES, (l) => l.normalize('NFKC'));
      const blank = !text.trim();
      const width = (g.width ?? 0) * state.fontMatrix * fontSize;
      const advance = width + charSpacing + (g.isSpace ? wordSpacing : 0);
      const x = at(state.x + pen * hScale);
      // The pen moved back, or far ahead: the glyphs after it stand elsewhere on the line.
      if (run && (moved < -RUN_BREAK * em || moved > RUN_BREAK * em)) close();
      if (blank && advance > RUN_BREAK * em) close();
      else if (!blank) {
        if (!run) run = { text: '', x, end: x, y: baseline, size: scale, ...(state.bold ? { bold: true } : {}), ...(stamping ? { stamp: true } : {}) };
        else if (moved > SPACE_GAP * em && !run.text.endsWith(' ')) run.text += ' ';
        // Blanks typed one after another, or as wide as a letter or more, hold a place on the line.
        if (run && blanks && (blanks.count > 1 || blanks.advance >= em)) (run.holes ??= []).push({ from: blanks.from, to: x, at: run.text.length });
        run.text += text.replace(/\s+/g, ' ');
        run.end = Math.max(run.end, at(state.x + (pen + width) * hScale));
        blanks = undefined;
      } else if (run) {
        if (!run.text.endsWith(' ')) run.text += ' ';
        blanks ??= { from: x, advance: 0, count: 0 };
        blanks.advance += advance;
        blanks.count++;
      }
      pen += advance;
      moved = 0;
    }
    close();
    state.x += pen * hScale;
  };
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i] ?? [];
    switch (fnArray[i]) {
      case ops.save:
        push(state.ctm);
        break;
      case ops.restore:
        pop();
        break;
      case ops.transform:
        state.ctm = times(matrixOf(args), state.ctm);
        break;
      case ops.paintFormXObjectBegin:
        push(times(matrixOf(args[0]), state.ctm));
        break;
      case ops.paintFormXObjectEnd:
        pop();
        break;
      case ops.beginAnnotation:
        // [id, rect, transform, matrix]: the appearance's matrix, then the fit into the annotation's rectangle.
        push(times(matrixOf(args[3]), times(matrixOf(args[2]), state.ctm)));
        stamping++;
        break;
      case ops.endAnnotation:
        pop();
        stamping--;
        break;
      case ops.beginText:
        state.textMatrix = IDENTITY;
        state.x = state.y = state.lineX = state.lineY = 0;
        break;
      case ops.setTextMatrix:
        state.textMatrix = matrixOf(args[0] && typeof args[0] === 'object' ? args[0] : args);
        state.x = state.y = state.lineX = state.lineY = 0;
        break;
      case ops.moveText:
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case ops.setLeadingMoveText:
        state.leading = -(Number(args[1]) || 0);
        moveText(Number(args[0]) || 0, Number(args[1]) || 0);
        break;
      case ops.nextLine:
        moveText(0, -state.leading);
        break;
      case ops.setLeading:
        state.leading = Number(args[0]) || 0;
        break;
      case ops.setFont: {
        const font = fontOf(String(args[0]));
        state.fontMatrix = font.scale;
        state.bold = font.bold;
        state.fontSize = Number(args[1]) || 0;
        break;
      }
      case ops.setCharSpacing:
        state.charSpacing = Number(args[0]) || 0;
        break;
      case ops.setWordSpacing:
        state.wordSpacing = Number(args[0]) || 0;
        break;
      case ops.setHScale:
        state.hScale = (Number(args[0]) || 100) / 100;
        break;
      case ops.setTextRise:
        state.rise = Number(args[0]) || 0;
        break;
      case ops.showText:
        show(Array.isArray(args[0]) ? args[0] : []);
        break;
    }
  }
  return pieces;
}

/** Text that follows a number's stamp without a space: the rest of the number (`173` + `/KH-UBND`). */
const NUMBER_TAIL = /^[/\-–]/;

/**
 * Puts each stamp into the blanks left for it on its line (`Số:        /KH-UBND`,
 * `ngày      tháng`), as the printed page reads: `Số: 173/KH-UBND`, `ngày 28 tháng`.
 * A stamp over no blanks stays a piece of its own.
 */
function fillStamps(pieces: Piece[]): Piece[] {
  const stamps = pieces.filter((p) => p.stamp);
  const rest = pieces.filter((p) => !p.stamp);
  const left: Piece[] = [];
  for (const stamp of stamps) {
    const near = (p: Piece) => Math.abs(p.y - stamp.y) <= 0.5 * Math.max(p.size, stamp.size);
    const host = rest.find((p) => near(p) && p.holes?.some((h) => stamp.x >= h.from - stamp.size && stamp.x < h.to));
    const hole = host?.holes?.find((h) => stamp.x >= h.from - stamp.size && stamp.x < h.to);
    if (!host || !hole) {
      left.push(stamp);
      continue;
    }
    const after = host.text.slice(hole.at);
    const inserted = `${stamp.text.trim()}${NUMBER_TAIL.test(after) ? '' : ' '}`;
    host.text = `${host.text.slice(0, hole.at)}${inserted}${after}`;
    host.holes = host.holes!.filter((h) => h !== hole).map((h) => (h.at > hole.at ? { ...h, at: h.at + inserted.length } : h));
  }
  return [...rest, ...left];
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
  return { text: text.replace(/[ \u00a0]+/g, ' ').replace(/ ?\t ?/g, '\t').trim(), x: line.pieces[0]?.x ?? 0, end };
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
        const newParagraph = !previous || (indented(line) && !indented(previous) && !(centred(line) && centred(previous))) || spacing > 1.9 * line.size || line.text.includes('\t') || previous.text.includes('\t');
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
