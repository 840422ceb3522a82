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
import { HASH_START, hashStep, lexemeAt, parseSyllable, perWord, toneStyleOf, type Lexeme } from './vietnamese';

export type LineKind = 'blank' | 'comment' | 'separator' | 'table-separator' | 'header' | 'heading' | 'item' | 'table' | 'label' | 'escaped' | 'text';

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
  /** The word's text with the per-word results the rules share (`perWord(…).of(word.lexeme)`). */
  lexeme: Lexeme;
  /** Offset in the run: add the run's `start` for an NFC offset into `source.text` (the words are shared by every version with the same run text). */
  start: number;
  end: number;
  /** True when only spaces (or one line break inside a paragraph) separate it from the word before in its run. */
  adjacent: boolean;
}

/**
 * The words of one run, with where the run lies in this version's text and
 * the findings of its words (`perRun`). The words and the findings are the
 * memo's, shared with every version that has the same run text; only this
 * record and `start` belong to the version, so that a keystroke copies no
 * word array of a run it did not change.
 */
export interface Run {
  readonly words: readonly Word[];
  /** NFC offset that the words' offsets count from. */
  readonly start: number;
  /** By the slot of their kind (`perRun`). */
  readonly findings: object[];
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
  // Lines end at \n, \r\n or \r; without a \r in the text, found by `indexOf`.
  const carriageReturns = text.indexOf('\r') >= 0;
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = start;
    if (carriageReturns) {
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    } else {
      end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
    }
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
      ((kind === 'text' && (previous.kind === 'text' || previous.kind === 'item' || previous.kind === 'escaped')) || (kind === 'header' && previous.kind === 'header' && lead > 0 && skip === lead));
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
const runCache = new WeakMap<SourceText, Run[]>();

/**
 * The words of the text, in runs: a run is a paragraph, an item, a heading, a
 * header value or a table row (continuation lines included). Words are
 * maximal sequences of letters, marks and digits. Computed once per source;
 * callers must not change the arrays.
 */
export function wordRuns(document: PlanDocument, source: SourceText): Run[] {
  const cached = runCache.get(source);
  if (cached) return cached;
  const text = source.text;
  const lines = textLines(document, source);
  const runs: Run[] = [];
  for (let first = 0; first < lines.length;) {
    let last = first + 1;
    while (last < lines.length && lines[last].continuation) last++;
    const from = lines[first].contentStart;
    const to = lines[last - 1].end;
    if (from < to) {
      // The key runs from the character before the run's text to the one after: the findings read the characters beside
      // the first and last words (see `perRun`). Neither is ever a letter, so the words within are the same at the start of the text.
      const start = Math.max(0, from - 1);
      const shared = memoized(
        source.memo,
        'run',
        () => text.slice(start, to + 1),
        () => scanRun(text, lines, first, last, start),
      );
      if (shared.words.length) runs.push({ words: shared.words, start, findings: shared.findings });
    }
    first = last;
  }
  runCache.set(source, runs);
  return runs;
}

/** The words of `lines[first, last)`, one run, with offsets from `base`, and a record for their findings. */
function scanRun(text: string, lines: TextLine[], first: number, last: number, base: number): { words: Word[]; findings: object[] } {
  const words: Word[] = [];
  let lastLine = -1;
  for (let k = first; k < last; k++) {
    const l = lines[k];
    let previousEnd = -1;
    // Words are maximal runs of letters, marks and digits, scanned by hand: this runs for every character of a new run.
    for (let at = l.contentStart; at < l.end;) {
      let length = wordCharAt(text, at);
      if (length === 0) {
        at++;
        continue;
      }
      // The lexeme table's hash is taken as the word is read: its units are not read a second time.
      const start = at;
      let end = at;
      let hash = HASH_START;
      do {
        hash = hashStep(hash, text.charCodeAt(end));
        if (length === 2) hash = hashStep(hash, text.charCodeAt(end + 1));
        end += length;
      } while (end < l.end && (length = wordCharAt(text, end)) > 0);
      at = end;
      let adjacent = false;
      if (previousEnd >= 0) {
        adjacent = start > previousEnd && onlySpaces(text, previousEnd, start);
      } else if (words.length) {
        // The first word of a continuation line: adjacent when nothing but spaces ends the line before.
        const before = base + words[words.length - 1].end;
        adjacent = lastLine === l.line - 1 && onlySpaces(text, before, lines[k - 1].end) && onlySpaces(text, l.contentStart, start);
      }
      const lexeme = lexemeAt(text, start, end, hash);
      words.push({ text: lexeme.text, lexeme, start: start - base, end: end - base, adjacent });
      previousEnd = end;
      lastLine = l.line;
    }
  }
  return { words, findings: [] };
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
 * A finding of one run that depends on its words and the characters beside
 * them alone (the characters beside a word tell a hyphenated transliteration),
 * computed once per run text and, through `source.memo`, reused by the next
 * version of the document for every run the edit did not touch. The result
 * must refer to words by their index in the run, never by offset.
 */
export function perRun<T extends object>(run: Run, kind: string, compute: (run: Run) => T): T {
  // `compute` takes the run so that callers pass one function made outside their loop over runs, not a closure per run.
  let slot = RUN_KINDS.get(kind);
  if (slot === undefined) RUN_KINDS.set(kind, (slot = RUN_KINDS.size));
  return (run.findings[slot] ??= compute(run)) as T;
}

/** The kinds of `perRun` findings, each with its slot in `Run.findings` (an index, not a property: a run's record is read for every kind). */
const RUN_KINDS = new Map<string, number>();

/** The indices of the words of a run that pass `test` (a loop, not `flatMap`: it runs for every word of every new run). */
export function wordsWhere(run: Run, test: (word: Word) => boolean): number[] {
  const found: number[] = [];
  for (let i = 0; i < run.words.length; i++) if (test(run.words[i])) found.push(i);
  return found;
}

/** The words of a run that are open `oa`, `oe`, `uy` with a tone mark, with their placement: [index in the run, style]. */
export function runToneStyles(run: Run): readonly [number, ToneStyle][] {
  return perRun(run, 'tone-styles', toneStylesOf);
}

/** The tone-mark placement of a word (`toneStyleOf` its syllable), read from its lexeme: it is asked of every word. */
const wordToneStyle = perWord((word) => {
  const s = parseSyllable(word);
  return s && toneStyleOf(s);
});

function toneStylesOf(run: Run): readonly [number, ToneStyle][] {
  // Made when a word has a placement: most runs have none.
  let styles: [number, ToneStyle][] | undefined;
  for (let index = 0; index < run.words.length; index++) {
    const style = wordToneStyle.of(run.words[index].lexeme);
    if (style) (styles ??= []).push([index, style]);
  }
  return styles ?? NO_STYLES;
}

const NO_STYLES: readonly [number, ToneStyle][] = [];

const styleCache = new WeakMap<SourceText, Record<ToneStyle, number>>();

/** How many words of the text use each tone-mark placement (`hóa` modern, `hoá` classic); computed once per source. */
export function toneStyleCounts(document: PlanDocument, source: SourceText): Record<ToneStyle, number> {
  let counts = styleCache.get(source);
  if (!counts) {
    counts = { modern: 0, classic: 0 };
    for (const run of wordRuns(document, source)) for (const [, style] of runToneStyles(run)) counts[style]++;
    styleCache.set(source, counts);
  }
  return counts;
}

/**
 * True when `run.words[index]` reads as (part of) a proper name: a capitalised word
 * (`Hoằng`, `Duẩn`, `Úc`; not `UBND`) that does not open the run or a
 * sentence (after `.`, `!`, `?`, `:`), where any word may take a capital, or
 * that does but is followed by another capitalised word (`Hoằng Hóa là …`).
 */
export function isNameWord(source: SourceText, run: Run, index: number): boolean {
  const titleCase = (w: string) => w[0] !== w[0].toLowerCase() && w.slice(1) === w.slice(1).toLowerCase();
  if (!titleCase(run.words[index].text)) return false;
  const next = run.words[index + 1];
  if (next?.adjacent && titleCase(next.text)) return true;
  if (index === 0) return false;
  const between = source.text.slice(run.start + run.words[index - 1].end, run.start + run.words[index].start);
  return !/[.!?:]/.test(between);
}
