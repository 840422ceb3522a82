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
import { countToneStyles } from './vietnamese';

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

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
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
    const lineText = text.slice(l.contentStart, l.end);
    WORD.lastIndex = 0;
    let m: RegExpExecArray | null;
    let previousEnd = -1;
    while ((m = WORD.exec(lineText))) {
      const start = l.contentStart + m.index;
      const end = start + m[0].length;
      let adjacent = false;
      if (previousEnd >= 0) {
        adjacent = /^[ \t]+$/.test(text.slice(previousEnd, start));
      } else if (run.length) {
        // The first word of a continuation line: adjacent when nothing but spaces ends the line before.
        const before = run[run.length - 1];
        adjacent = before.line === l.line - 1 && /^[ \t]*$/.test(text.slice(before.end, lineEndOf(before.end))) && /^[ \t]*$/.test(text.slice(l.contentStart, start));
      }
      run.push({ text: m[0], start, end, line: l.line, adjacent });
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

const styleCache = new WeakMap<SourceText, Record<ToneStyle, number>>();

/** How many words of the text use each tone-mark placement (`hóa` modern, `hoá` classic); computed once per source. */
export function toneStyleCounts(document: PlanDocument, source: SourceText): Record<ToneStyle, number> {
  let counts = styleCache.get(source);
  if (!counts) {
    counts = countToneStyles(wordRuns(document, source).flat().map((w) => w.text));
    styleCache.set(source, counts);
  }
  return counts;
}
