/**
 * The runs of text a page's operator list draws, for the PDF import: a small
 * reader of pdf.js's operators (graphics state, text state, text showing),
 * each glyph placed by its own width. Pure: arrays in, pieces out.
 */

/** A run of glyphs drawn one after the other on a baseline, in page space (points, y up). */
export interface Piece {
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

/** What the operators need of a font: its glyph-space scale, and whether its face is bold. */
export interface FontFacts {
  scale: number;
  bold: boolean;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** `m` applied first, then `n` (PDF's row-vector convention). */
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const matrixOf = (value: unknown): Matrix =>
  value && typeof value === 'object' && 'length' in value && (value as ArrayLike<number>).length === 6 ? (Array.from(value as ArrayLike<number>) as Matrix) : IDENTITY;

/** A glyph as pdf.js's operator list gives it (`glyph.width` in glyph space, thousandths of the font size for most fonts). */
interface GlyphLike {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
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
export const SPACE_GAP = 0.15;
/** A run is cut where the pen moves this many times the font size: a tab stop, or the other column. */
const RUN_BREAK = 1.5;
/** Letters of the Alphabetic Presentation Forms (the ligatures ﬁ, ﬂ) are written as their letters. */
const LIGATURES = /[\uFB00-\uFB06]/g;

/** Where the operators have got to: the states saved, the pieces drawn. */
interface Reader {
  state: TextState;
  stack: TextState[];
  /** How deep inside annotations' appearances the operators are. */
  stamping: number;
  pieces: Piece[];
  ops: Record<string, number>;
  fontOf: (name: string) => FontFacts;
}

function enter(reader: Reader, ctm: Matrix): void {
  reader.stack.push(reader.state);
  reader.state = { ...reader.state, ctm };
}

function leave(reader: Reader): void {
  reader.state = reader.stack.pop() ?? reader.state;
}

function moveText(reader: Reader, x: number, y: number): void {
  const { state } = reader;
  state.x = state.lineX += x;
  state.y = state.lineY += y;
}

/** The runs one text-showing operator draws, the pen moved by each glyph's width. */
function showGlyphs(reader: Reader, glyphs: unknown[]): void {
  const { state } = reader;
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
    if (run && run.text.trim()) reader.pieces.push({ ...run, text: run.text.trimEnd() === run.text ? run.text : `${run.text.trimEnd()} ` });
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
      if (!run) run = { text: '', x, end: x, y: baseline, size: scale, ...(state.bold ? { bold: true } : {}), ...(reader.stamping ? { stamp: true } : {}) };
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
}

/** Applies one operator to the reader's state. */
function applyOperator(reader: Reader, fn: number, args: unknown[]): void {
  switch (fn) {
    case reader.ops.save:
      enter(reader, reader.state.ctm);
      break;
    case reader.ops.restore:
      leave(reader);
      break;
    case reader.ops.transform:
      reader.state.ctm = times(matrixOf(args), reader.state.ctm);
      break;
    case reader.ops.paintFormXObjectBegin:
      enter(reader, times(matrixOf(args[0]), reader.state.ctm));
      break;
    case reader.ops.paintFormXObjectEnd:
      leave(reader);
      break;
    case reader.ops.beginAnnotation:
      // [id, rect, transform, matrix]: the appearance's matrix, then the fit into the annotation's rectangle.
      enter(reader, times(matrixOf(args[3]), times(matrixOf(args[2]), reader.state.ctm)));
      reader.stamping++;
      break;
    case reader.ops.endAnnotation:
      leave(reader);
      reader.stamping--;
      break;
    case reader.ops.beginText:
      reader.state.textMatrix = IDENTITY;
      reader.state.x = reader.state.y = reader.state.lineX = reader.state.lineY = 0;
      break;
    case reader.ops.setTextMatrix:
      reader.state.textMatrix = matrixOf(args[0] && typeof args[0] === 'object' ? args[0] : args);
      reader.state.x = reader.state.y = reader.state.lineX = reader.state.lineY = 0;
      break;
    case reader.ops.moveText:
      moveText(reader, Number(args[0]) || 0, Number(args[1]) || 0);
      break;
    case reader.ops.setLeadingMoveText:
      reader.state.leading = -(Number(args[1]) || 0);
      moveText(reader, Number(args[0]) || 0, Number(args[1]) || 0);
      break;
    case reader.ops.nextLine:
      moveText(reader, 0, -reader.state.leading);
      break;
    case reader.ops.setLeading:
      reader.state.leading = Number(args[0]) || 0;
      break;
    case reader.ops.setFont: {
      const font = reader.fontOf(String(args[0]));
      reader.state.fontMatrix = font.scale;
      reader.state.bold = font.bold;
      reader.state.fontSize = Number(args[1]) || 0;
      break;
    }
    case reader.ops.setCharSpacing:
      reader.state.charSpacing = Number(args[0]) || 0;
      break;
    case reader.ops.setWordSpacing:
      reader.state.wordSpacing = Number(args[0]) || 0;
      break;
    case reader.ops.setHScale:
      reader.state.hScale = (Number(args[0]) || 100) / 100;
      break;
    case reader.ops.setTextRise:
      reader.state.rise = Number(args[0]) || 0;
      break;
    case reader.ops.showText:
      showGlyphs(reader, Array.isArray(args[0]) ? args[0] : []);
      break;
  }
}

/**
 * The runs of text a page's operator list draws, annotations' appearances
 * included (a digital signature's stamp writes the number and the day into the
 * header's blanks), each placed where its glyphs are: the pen is moved by the
 * glyphs' own widths, as a viewer draws them. (pdf.js's text content takes a
 * letter its Unicode map writes decomposed, `ổ` as o + marks, for a mark of no
 * width, and then sees a space after it: `tổ chứ c`, `h ữu`.)
 */
export function piecesOfOperators(fnArray: number[], argsArray: unknown[][], ops: Record<string, number>, fontOf: (name: string) => FontFacts): Piece[] {
  const state: TextState = {
    ctm: IDENTITY,
    fontMatrix: 0.001,
    bold: false,
    fontSize: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    textMatrix: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
  };
  const reader: Reader = { state, stack: [], stamping: 0, pieces: [], ops, fontOf };
  for (let i = 0; i < fnArray.length; i++) applyOperator(reader, fnArray[i], argsArray[i] ?? []);
  return reader.pieces;
}

/** Text that follows a number's stamp without a space: the rest of the number (`173` + `/KH-UBND`). */
export const NUMBER_TAIL = /^[/\-–]/;

/**
 * Puts each stamp into the blanks left for it on its line (`Số:        /KH-UBND`,
 * `ngày      tháng`), as the printed page reads: `Số: 173/KH-UBND`, `ngày 28 tháng`.
 * A stamp over no blanks stays a piece of its own.
 */
export function fillStamps(pieces: Piece[]): Piece[] {
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
