/**
 * Text that remembers where each of its characters came from: the lines of a
 * paragraph joined with spaces, inline marks removed. Offsets are NFC source
 * offsets (see `SourceText`).
 */
export interface MappedText {
  text: string;
  /** `offsets[i]` is the source offset of `text[i]`; `offsets[text.length]` the end. */
  offsets: number[];
}

/** A span of one source line: [start, end) in NFC source offsets, and its text. */
export interface LineSpan {
  start: number;
  text: string;
}

/** Joins line spans with one space each; the space maps to the end of the line before. */
export function joinSpans(spans: LineSpan[]): MappedText {
  let text = '';
  const offsets: number[] = [];
  spans.forEach((span, index) => {
    if (index > 0) {
      offsets.push(offsets.length ? offsets[offsets.length - 1] + 1 : span.start);
      text += ' ';
    }
    for (let i = 0; i < span.text.length; i++) offsets.push(span.start + i);
    text += span.text;
  });
  const last = spans[spans.length - 1];
  offsets.push(last ? last.start + last.text.length : 0);
  return { text, offsets };
}

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
  const plainOffsets: number[] = [];
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
    plainOffsets.push(offsets[i]);
  }
  plainOffsets.push(offsets[text.length]);
  return { runs, plain: { text: plainText.join(''), offsets: plainOffsets }, unclosed };
}

/** Folds a string for matching without case or diacritics, keeping its length (NFC in, one unit per unit out). */
export function fold(text: string): string {
  // Each code unit folds on its own, so a table of units does it; long texts go in chunks (argument limits).
  const units = new Uint16Array(text.length);
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let folded: number;
    if (code < 128) folded = code >= 65 && code <= 90 ? code + 32 : code;
    else folded = FOLDED[code] || foldUnit(code);
    units[i] = folded;
    if (folded !== code) changed = true;
  }
  if (!changed) return text;
  let out = '';
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode.apply(null, units.subarray(i, i + 8192) as unknown as number[]);
  return out;
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
