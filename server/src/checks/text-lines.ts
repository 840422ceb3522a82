/**
 * The lines and words that the text rules (`rules/text-*.ts`) read: the NFC
 * text of `context.source`, line by line, with what each line is and where
 * its own text starts (after indentation, the heading `#`, an item marker, a
 * header label or a block label). Comment lines, `---` and table separator
 * rows carry no text. Offsets are NFC offsets into `source.text`; turn them
 * into ranges with `source.range(start, end)` so that NFD input lands right.
 */
import type { PlanDocument } from '../model';
import { HEADER_LABELS } from '../syntax/lexer';
import type { SourceText } from '../syntax/source-text';
import type { ToneStyle } from './rule';
import { memoized } from '../syntax/memo';
import { parseSyllable, toneStyleOf } from './vietnamese';

export type LineKind =
  | 'blank'
  | 'comment'
  | 'separator'
  | 'table-separator'
  | 'header'
  | 'heading'
  | 'item'
  | 'table'
  | 'label'
  | 'escaped'
  | 'text';

export interface TextLine {
  /** Zero-based line number (the same in the NFC text and the original). */
  line: number;
  /** NFC offset of the line's first character. */
  start: number;
  /** NFC offset just after the line's last character (its terminator excluded). */
  end: number;
  /** NFC offset where the line's own text starts; `end` for lines without text. */
  contentStart: number;
  kind: LineKind;
  /** True when the line continues the paragraph, item or header value of the line before. */
  continuation: boolean;
}

export interface Word {
  text: string;
  start: number;
  end: number;
  line: number;
  /** True when only spaces (or one line break inside a paragraph) separate it from the word before in its run. */
  adjacent: boolean;
}

const LEAD = /^[ \t\uFEFF]*/;
const HEADER_LABEL = new RegExp(
  `^[ \\t\\uFEFF]*(?:${Object.keys(HEADER_LABELS)
    .sort((a, b) => b.length - a.length)
    .map((l) => l.replace(/ /g, '[ \\t]+'))
    .join('|')})[ \\t]*:[ \\t]*`,
  'iu',
);
const BLOCK_LABEL = /^[ \t\uFEFF]*(?:nơi[ \t]+nhận|noi[ \t]+nhan|ký|ky|(?:phụ[ \t]+lục|phu[ \t]+luc)(?:[ \t]+[0-9IVXLivxl]{1,6})?)[ \t]*:[ \t]*/iu;
const DASH_ITEM = /^[ \t\uFEFF]*[-+•–](?=[ \t]|$)[ \t]*/;
const NUMBERED_ITEM = /^[ \t\uFEFF]*(?:\d{1,3}(?:\.\d{1,3})*[.)-]|\d{1,3}(?:\.\d{1,3})+|[a-zđ]\))[ \t]+/u;
const HEADING = /^[ \t\uFEFF]*#+(?=[ \t]|$)[ \t]*/;
const TABLE_SEPARATOR = /^[ \t]*\|[ \t|:-]*$/;

const cache = new WeakMap<SourceText, TextLine[]>();

/** Every line of the source, classified; computed once per source. */
export function textLines(document: PlanDocument, source: SourceText): TextLine[] {
  const cached = cache.get(source);
  if (cached) return cached;
  const text = source.text;
  const header = document.header.range;
  const headerFirst = header ? header.start.line : -1;
  const headerLast = header ? header.end.line : -1;
  const signature = document.signature?.range;
  const lines: TextLine[] = [];
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const content = text.slice(start, end);
    const lead = LEAD.exec(content)![0].length;
    let kind: LineKind = 'text';
    let skip = lead;
    let m: RegExpExecArray | null;
    if (lead === content.length) kind = 'blank';
    else if (content.startsWith('//', lead)) kind = 'comment';
    else if (line >= headerFirst && line <= headerLast) {
      if (/^[ \t]*-{3,}[ \t]*$/.test(content)) kind = 'separator';
      else if ((m = HEADER_LABEL.exec(content))) {
        kind = 'header';
        skip = m[0].length;
      } else kind = 'header';
    } else if (content[lead] === '\\') {
      kind = 'escaped';
      skip = lead + 1;
    } else if (/^[ \t\uFEFF]*-{3,}[ \t]*$/.test(content)) kind = 'separator';
    else if ((m = HEADING.exec(content))) {
      kind = 'heading';
      skip = m[0].length;
    } else if (content[lead] === '|') kind = TABLE_SEPARATOR.test(content) && content.includes('-') ? 'table-separator' : 'table';
    else if ((m = BLOCK_LABEL.exec(content))) {
      kind = 'label';
      skip = m[0].length;
    } else if ((m = DASH_ITEM.exec(content)) || (m = NUMBERED_ITEM.exec(content))) {
      kind = 'item';
      skip = m[0].length;
    }
    const silent = kind === 'blank' || kind === 'comment' || kind === 'separator' || kind === 'table-separator';
    const previous = lines[lines.length - 1];
    const inSignature = signature !== undefined && line > signature.start.line && line <= signature.end.line;
    const continuation =
      previous !== undefined &&
      !inSignature &&
      ((kind === 'text' && (previous.kind === 'text' || previous.kind === 'item' || previous.kind === 'escaped')) ||
        (kind === 'header' && previous.kind === 'header' && lead > 0 && skip === lead));
    lines.push({ line, start, end, contentStart: silent ? end : start + skip, kind, continuation });
    if (end >= text.length) break;
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
    line++;
  }
  cache.set(source, lines);
  return lines;
}

/** A letter, mark or digit: the code points words are made of. */
const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
/** `WORD_CHAR` of each UTF-16 unit that is a whole code point: 0 not known yet, 1 yes, 2 no (the regex once per unit, not per character). */
const WORD_UNIT = new Uint8Array(0x10000);

/** Length of the word character at `i` (1 or 2 units), or 0 when it is none. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    // A pair is one code point; a lone half is no letter.
    return next >= 0xdc00 && next <= 0xdfff && WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = WORD_UNIT[code];
  if (known === 0) WORD_UNIT[code] = known = code >= 0xdc00 && code <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1 ? 1 : 0;
}
const runCache = new WeakMap<SourceText, Word[][]>();

/**
 * The words of the text, in runs: a run is a paragraph, an item, a heading, a
 * header value or a table row (continuation lines included). Words are
 * maximal sequences of letters, marks and digits. Computed once per source;
 * callers must not change the arrays.
 */
export function wordRuns(document: PlanDocument, source: SourceText): Word[][] {
  const cached = runCache.get(source);
  if (cached) return cached;
  const text = source.text;
  const runs: Word[][] = [];
  let run: Word[] = [];
  for (const l of textLines(document, source)) {
    if (!l.continuation) pushRun();
    if (l.contentStart >= l.end) continue;
    let previousEnd = -1;
    // Words are maximal runs of letters, marks and digits, scanned by hand: this runs for every character.
    for (let at = l.contentStart; at < l.end; ) {
      let length = wordCharAt(text, at);
      if (length === 0) {
        at++;
        continue;
      }
      const start = at;
      let end = at + length;
      while (end < l.end && (length = wordCharAt(text, end)) > 0) end += length;
      at = end;
      let adjacent = false;
      if (previousEnd >= 0) {
        adjacent = start > previousEnd && onlySpaces(text, previousEnd, start);
      } else if (run.length) {
        // The first word of a continuation line: adjacent when nothing but spaces ends the line before.
        const before = run[run.length - 1];
        adjacent = before.line === l.line - 1 && onlySpaces(text, before.end, lineEndOf(before.end)) && onlySpaces(text, l.contentStart, start);
      }
      run.push({ text: text.slice(start, end), start, end, line: l.line, adjacent });
      previousEnd = end;
    }
  }
  pushRun();
  runCache.set(source, runs);
  return runs;

  function pushRun() {
    if (run.length) runs.push(run);
    run = [];
  }
  function lineEndOf(offset: number): number {
    let e = offset;
    while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
    return e;
  }
}

/** True when `text[from, to)` is spaces and tabs only (or empty); no slice, as it runs for every word. */
function onlySpaces(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/**
 * What a run's word-level findings depend on: its text from just before its
 * first word to just after its last (the characters beside a word tell a
 * hyphenated transliteration). The words and which of them are adjacent
 * follow from it alone: the lines of a run after its first carry no marker,
 * only indentation. A slice: no copy of the text is made.
 */
function runKey(source: SourceText, run: Word[]): string {
  return source.text.slice(Math.max(0, run[0].start - 1), run[run.length - 1].end + 1);
}

/**
 * A finding of one run that depends on its words alone (see `runKey`),
 * computed once per source and, through `source.memo`, reused by the next
 * version of the document for every run the edit did not touch. The result
 * must refer to words by their index in the run, never by offset.
 */
export function perRun<T extends object>(source: SourceText, run: Word[], kind: string, compute: () => T): T {
  // One record per run holds every kind: one look-up of the run's text per version, not one per rule.
  let record = perRunCache.get(run);
  if (!record) perRunCache.set(run, (record = memoized(source.memo, 'run', () => runKey(source, run), () => ({}))));
  return (record[kind] ??= compute()) as T;
}

const perRunCache = new WeakMap<Word[], Record<string, object>>();

/** The words of a run that are open `oa`, `oe`, `uy` with a tone mark, with their placement: [index in the run, style]. */
export function runToneStyles(source: SourceText, run: Word[]): readonly [number, ToneStyle][] {
  return perRun(source, run, 'tone-styles', () => {
    const styles: [number, ToneStyle][] = [];
    run.forEach((w, index) => {
      const s = parseSyllable(w.text);
      const style = s && toneStyleOf(s);
      if (style) styles.push([index, style]);
    });
    return styles;
  });
}

const styleCache = new WeakMap<SourceText, Record<ToneStyle, number>>();

/** How many words of the text use each tone-mark placement (`hóa` modern, `hoá` classic); computed once per source. */
export function toneStyleCounts(document: PlanDocument, source: SourceText): Record<ToneStyle, number> {
  let counts = styleCache.get(source);
  if (!counts) {
    counts = { modern: 0, classic: 0 };
    for (const run of wordRuns(document, source)) for (const [, style] of runToneStyles(source, run)) counts[style]++;
    styleCache.set(source, counts);
  }
  return counts;
}
