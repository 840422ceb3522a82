/**
 * Text that remembers where each of its characters came from: the lines of a
 * paragraph joined with spaces, inline marks removed. Offsets are NFC source
 * offsets (see `SourceText`).
 */
export interface MappedText {
  text: string;
  /**
   * `offsets[i]` is the source offset of `text[i]`; `offsets[text.length]` the
   * end. A typed array: one number per character of every paragraph, which
   * the garbage collector then need not scan or copy.
   */
  offsets: Int32Array;
}

/** A span of one source line: [start, end) in NFC source offsets, and its text. */
export interface LineSpan {
  start: number;
  text: string;
}

/**
 * Joins line spans into one mapped text: with `separator` ' ' (lines of a
 * paragraph) each join is a space that maps to the end of the span before;
 * with '' (pieces of one line, such as a heading's title around its number)
 * the spans are set side by side.
 */
export function joinSpans(spans: LineSpan[], separator: ' ' | '' = ' '): MappedText {
  let length = separator ? Math.max(0, spans.length - 1) : 0;
  for (const span of spans) length += span.text.length;
  const offsets = offsetsFor(length + 1);
  let n = 0;
  for (let index = 0; index < spans.length; index++) {
    const span = spans[index];
    if (index > 0 && separator) {
      offsets[n] = n ? offsets[n - 1] + 1 : span.start;
      n++;
    }
    for (let i = 0; i < span.text.length; i++) offsets[n++] = span.start + i;
  }
  const last = spans[spans.length - 1];
  offsets[n] = last ? last.start + last.text.length : 0;
  // Joined at once, not piece by piece: the finders read the text character by character, and a string built by `+=` is flattened first.
  return { text: spans.length === 1 ? spans[0].text : spans.map((span) => span.text).join(separator), offsets };
}

/**
 * Room for `length` offsets: a view of a shared slab. A typed array of its own for every block's text is an
 * allocation outside the heap each (several times the cost of a view); a mapped text lives only while its block is
 * built, so a slab is dropped with its last view. Texts longer than a quarter of a slab get their own array.
 */
function offsetsFor(length: number): Int32Array {
  if (length > SLAB_LENGTH >> 2) return new Int32Array(length);
  if (slabUsed + length > SLAB_LENGTH) {
    slab = new Int32Array(SLAB_LENGTH);
    slabUsed = 0;
  }
  const view = slab.subarray(slabUsed, slabUsed + length);
  slabUsed += length;
  return view;
}

const SLAB_LENGTH = 1 << 16;
let slab = new Int32Array(SLAB_LENGTH);
let slabUsed = 0;

export interface StyledRun {
  text: string;
  bold: boolean;
  italic: boolean;
  start: number;
  end: number;
}

export interface InlineParse {
  runs: StyledRun[];
  /** The text without marks and escapes, mapped to the source. */
  plain: MappedText;
  /** Source ranges of `*`/`**` that open and never close. */
  unclosed: { start: number; end: number; mark: string }[];
}

interface Delimiter {
  index: number;
  length: 1 | 2;
}

/**
 * Parses `**bold**`, `*italic*`, `***both***` and `\*`. Delimiters of the same
 * length pair left to right; an odd one out is kept as a literal star and
 * reported. Linear in the length of the text, whatever the input.
 */
export function parseInline(source: MappedText): InlineParse {
  const { text, offsets } = source;
  // Most paragraphs have no mark at all: one plain run, the text as it is.
  if (!text.includes('*') && !text.includes('\\')) {
    const runs = text ? [{ text, bold: false, italic: false, start: offsets[0], end: offsets[text.length] }] : [];
    return { runs, plain: source, unclosed: [] };
  }
  const escaped = new Set<number>();
  const strong: Delimiter[] = [];
  const emphasis: Delimiter[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && (text[i + 1] === '*' || text[i + 1] === '\\')) {
      escaped.add(i);
      i++;
      continue;
    }
    if (c !== '*') continue;
    let run = 1;
    while (text[i + run] === '*') run++;
    // A run of three is bold and italic; longer runs are split the same way.
    let at = i;
    let left = run;
    while (left >= 2) {
      strong.push({ index: at, length: 2 });
      at += 2;
      left -= 2;
    }
    if (left === 1) emphasis.push({ index: at, length: 1 });
    i += run - 1;
  }

  const unclosed: InlineParse['unclosed'] = [];
  const toggles = new Map<number, { length: number; kind: 'bold' | 'italic' }>();
  const pair = (list: Delimiter[], kind: 'bold' | 'italic') => {
    const usable = list.length % 2 === 0 ? list : list.slice(0, -1);
    if (usable !== list) {
      const lone = list[list.length - 1];
      unclosed.push({ start: offsets[lone.index], end: offsets[lone.index] + lone.length, mark: kind === 'bold' ? '**' : '*' });
    }
    for (const d of usable) toggles.set(d.index, { length: d.length, kind });
  };
  pair(strong, 'bold');
  pair(emphasis, 'italic');

  const runs: StyledRun[] = [];
  const plainText: string[] = [];
  // At most one offset per character and the end; the marks left out leave the rest unused.
  const plainOffsets = offsetsFor(text.length + 1);
  let kept = 0;
  let bold = false;
  let italic = false;
  let current: StyledRun | undefined;
  for (let i = 0; i < text.length; i++) {
    const toggle = toggles.get(i);
    if (toggle) {
      if (toggle.kind === 'bold') bold = !bold;
      else italic = !italic;
      current = undefined;
      i += toggle.length - 1;
      continue;
    }
    if (escaped.has(i)) continue;
    if (!current || current.bold !== bold || current.italic !== italic) {
      current = { text: '', bold, italic, start: offsets[i], end: offsets[i] };
      runs.push(current);
    }
    current.text += text[i];
    current.end = offsets[i + 1] ?? offsets[i] + 1;
    plainText.push(text[i]);
    plainOffsets[kept++] = offsets[i];
  }
  plainOffsets[kept] = offsets[text.length];
  return { runs, plain: { text: plainText.join(''), offsets: plainOffsets.subarray(0, kept + 1) }, unclosed };
}

/** Folds a string for matching without case or diacritics, keeping its length (NFC in, one unit per unit out). */
export function fold(text: string): string {
  // Each code unit folds on its own. Most keys (registry look-ups, symbols) are short and often folded already.
  let i = 0;
  while (i < text.length && foldCode(text.charCodeAt(i)) === text.charCodeAt(i)) i++;
  if (i === text.length) return text;
  if (text.length < 32) {
    let out = text.slice(0, i);
    for (; i < text.length; i++) out += String.fromCharCode(foldCode(text.charCodeAt(i)));
    return out;
  }
  // Longer texts (a paragraph: the parser folds every one) through a buffer decoded at once; a surrogate half, which
  // the decoder would replace, through `fromCharCode` in chunks (argument limits).
  if (foldBuffer.length < text.length) foldBuffer = new Uint16Array(Math.max(text.length, 2 * foldBuffer.length));
  const units = foldBuffer.subarray(0, text.length);
  let surrogates = false;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
    units[k] = foldCode(code);
  }
  if (!surrogates && LITTLE_ENDIAN) return UTF16.decode(units);
  let out = '';
  for (let k = 0; k < units.length; k += 4096) out += String.fromCharCode.apply(null, units.subarray(k, k + 4096) as unknown as number[]);
  return out;
}

let foldBuffer = new Uint16Array(1024);
const UTF16 = new TextDecoder('utf-16le', { ignoreBOM: true });
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * True when `fold(text)` contains `needle` (folded already), found without
 * building the folded copy: a rule that looks for a rare word in every word
 * of a plan tests this first.
 */
export function foldedIncludes(text: string, needle: string): boolean {
  const first = needle.charCodeAt(0);
  for (let i = 0; i + needle.length <= text.length; i++) {
    if (foldCode(text.charCodeAt(i)) !== first) continue;
    let k = 1;
    while (k < needle.length && foldCode(text.charCodeAt(i + k)) === needle.charCodeAt(k)) k++;
    if (k === needle.length) return true;
  }
  return false;
}

function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  return FOLDED[code] || foldUnit(code);
}

/** Folded unit of every unit at or above 128, computed on first use; 0 until then (no unit folds to NUL). */
const FOLDED = new Uint16Array(0x10000);

function foldUnit(code: number): number {
  const c = String.fromCharCode(code);
  let base: string;
  if (c === 'đ' || c === 'Đ') base = 'd';
  else {
    const decomposed = c.normalize('NFD');
    base = decomposed.length > 0 ? decomposed[0].toLowerCase() : c;
    // Keep the length: a surrogate half or a letter whose base is not one unit stays as it is.
    if (base.length !== 1 || decomposed.charCodeAt(0) >= 0xd800) base = c.toLowerCase().slice(0, 1) || c;
  }
  if (base.length !== 1) base = c;
  FOLDED[code] = base.charCodeAt(0);
  return FOLDED[code];
}
