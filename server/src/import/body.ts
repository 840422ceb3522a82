import { classifyTitle } from '../domain/plan-parts';
import { opensClosing, scanClosing } from './closing';
import { decideHeadings, numberOf, textOf } from './body-headings';
import { issuerOverAppendix } from './body-context';
import { bookmarksOf, isFragment, isNoiseLine, isPageNumber, isStampNumberLine, withoutBookmarks } from './noise';
import { cellsOf, isUpperText, TERMINAL, wordCount, type SourceParagraph } from './source-paragraphs';

/** What the body of an imported plan is made of, before it is written as `.kh` text. */
export type Entry =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'item'; text: string }
  | { kind: 'paragraph'; text: string; bold: boolean }
  | { kind: 'comment'; lines: string[] }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'appendix'; label: string }
  | { kind: 'recipients'; label: string; line: number; items: string[] }
  | { kind: 'signature'; lines: string[] };

export interface BodyScan {
  entries: Entry[];
  /** Lines turned into comments: noise, and stray fragments the import is not sure of. */
  noise: { line: number; text: string; stray: boolean }[];
  /** Paragraphs kept as plain text although they look like something else (a long heading). */
  unclassified: { line: number; text: string }[];
}

/** Item markers; `—` and the `*` of Markdown are written `-`. */
const DASH = /^([-+•–—*])\s+(\S.*)$/u;
const PIPE_ROW = /^\|.*\|$/;
/**
 * `PHỤ LỤC II: …`; each run of spaces taken whole, as the greedy reading did, so that it stays linear.
 * The numeral is a word of its own: `PHỤ LỤC CÁC CHƯƠNG TRÌNH` has no appendix `C`.
 */
const APPENDIX = /^(PHỤ LỤC|Phụ lục)(?:(?=(\s+))\2([IVXLC]{1,6}|\d{1,2})(?![\p{L}\p{N}]))?(?=(\s*))\4[:.–-]?(?=(\s*))\5(.*)$/u;

const NAME = /^(?:\p{Lu}[\p{Ll}\p{M}]*\s+){1,5}\p{Lu}[\p{Ll}\p{M}]*$/u;

/** Marks the paragraphs that are scan noise: stamp lines, and the short fragments around them. */
function noiseMarks(paragraphs: SourceParagraph[], start: number): Map<number, boolean> {
  const marks = new Map<number, boolean>();
  const fragment = (i: number) => {
    const p = paragraphs[i];
    return p && !p.bold && !p.markedHeading && !p.table && !numberOf(textOf(p)) && isFragment(textOf(p)) && !classifyTitle(textOf(p)) && !opensClosing(p);
  };
  for (let i = start; i < paragraphs.length; i++) {
    const text = textOf(paragraphs[i]);
    if (paragraphs[i].table || !(isNoiseLine(text) || isStampNumberLine(text))) continue;
    marks.set(i, false);
    // A page number stands alone: the title after it (`PHỤ LỤC` on a new page) is no part of a stamp.
    if (isPageNumber(text)) continue;
    // A stamp is a cluster of short lines: take its neighbours while they are fragments.
    for (let j = i - 1; j >= start && j >= i - 6 && fragment(j); j--) marks.set(j, false);
    for (let j = i + 1; j < paragraphs.length && j <= i + 6 && fragment(j); j++) if (!marks.has(j)) marks.set(j, false);
  }
  for (let i = start; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const text = textOf(p);
    const next = paragraphs[i + 1];
    // A short lone fragment between blank lines that heads nothing: a stray piece of the scan,
    // unless the paragraph before ends mid-sentence (then it is the end of that sentence, split by a page).
    const previous = paragraphs[i - 1];
    const alone = p.blankBefore && (!next || next.blankBefore) && (!previous || previous.table !== undefined || TERMINAL.test(textOf(previous)));
    if (!marks.has(i) && alone && fragment(i) && wordCount(text) <= 3 && !isUpperText(text) && !NAME.test(text) && !/^\p{Lu}/u.test(text)) marks.set(i, true);
  }
  return marks;
}

/** What the body scan works over and collects its comments and noise into. */
interface BodyState {
  paragraphs: SourceParagraph[];
  /** Noise paragraphs, each marked stray when the import is not sure of it. */
  marks: Map<number, boolean>;
  numbers: unknown[];
  pendingComments: string[];
  noise: BodyScan['noise'];
}

/** Paragraph `k`, noise, turned into comments. */
function asComments(scan: BodyState, k: number): void {
  const p = scan.paragraphs[k];
  scan.pendingComments.push(...p.lines);
  for (const line of p.lines) scan.noise.push({ line: p.sourceLine, text: line, stray: scan.marks.get(k)! });
}

/** The noise of paragraph `i` turned into comments: the whole paragraph (true), or Word's bookmarks in its lines. */
function takeNoise(scan: BodyState, i: number): boolean {
  if (scan.marks.has(i)) {
    asComments(scan, i);
    return true;
  }
  const p = scan.paragraphs[i];
  for (const line of p.lines) {
    const found = bookmarksOf(line);
    if (found.length) {
      scan.pendingComments.push(found.join(' '));
      scan.noise.push({ line: p.sourceLine, text: found.join(' '), stray: false });
    }
  }
  return false;
}

/** The closing blocks read from the body: a plan has one Nơi nhận and one signature, so a part that resumes after a stray line continues the first. */
function addClosing(entries: Entry[], closing: ReturnType<typeof scanClosing>): void {
  for (const block of closing.blocks) {
    const earlier = entries.find((e) => e.kind === block.kind);
    if (earlier?.kind === 'recipients' && block.kind === 'recipients') earlier.items.push(...block.items);
    else if (earlier?.kind === 'signature' && block.kind === 'signature') earlier.lines.push(...block.lines);
    else entries.push(block);
  }
  if (closing.comments.length) entries.push({ kind: 'comment', lines: closing.comments });
}

/**
 * A table starting at paragraph `i`, with the index of its last paragraph:
 * consecutive lines in columns (a table copied from Word; a lone one is text
 * whose cells are kept), or Markdown's `|` rows.
 */
function tableAt(paragraphs: SourceParagraph[], i: number, marks: Map<number, boolean>, cells: string[]): { rows: string[][]; last: number } | undefined {
  if (cells.length >= 2) {
    const rows = [cells];
    let last = i;
    while (paragraphs[last + 1] && !marks.has(last + 1) && paragraphs[last + 1].lines.length === 1 && cellsOf(paragraphs[last + 1].lines[0]).length >= 2 && !opensClosing(paragraphs[last + 1])) {
      rows.push(cellsOf(paragraphs[++last].lines[0]));
    }
    if (rows.length >= 2) return { rows, last };
  }
  if (!PIPE_ROW.test(textOf(paragraphs[i]))) return undefined;
  const rows: string[][] = [];
  let j = i;
  for (; j < paragraphs.length && PIPE_ROW.test(textOf(paragraphs[j])); j++) rows.push(splitPipeRow(textOf(paragraphs[j])));
  return { rows, last: j - 1 };
}

/**
 * A paragraph a page break split (`… vị trí,` / `vai trò …`) joined again with
 * what follows; the noise between its parts goes to the comments. The text
 * and the index of the last paragraph joined.
 */
function joinSplitParagraph(scan: BodyState, i: number, body: string): { body: string; last: number } {
  const { paragraphs, marks, numbers } = scan;
  const joinable = () => {
    let j = i + 1;
    while (marks.has(j)) j++;
    const next = paragraphs[j];
    if (!next || next.table || next.bold || numbers[j] || opensClosing(next) || TERMINAL.test(body)) return undefined;
    return /^[\p{Ll}(]/u.test(textOf(next)) ? j : undefined;
  };
  for (let j = joinable(); j !== undefined; j = joinable()) {
    for (let k = i + 1; k < j; k++) asComments(scan, k);
    body = `${body} ${withoutBookmarks(textOf(paragraphs[j]))}`;
    i = j;
  }
  return { body, last: i };
}

/** An appendix's heading at paragraph `i` (`PHỤ LỤC I`, its title on the same line or the next), with the index of its last paragraph. */
function appendixAt(paragraphs: SourceParagraph[], i: number): { label: string; last: number } | undefined {
  const appendix = APPENDIX.exec(textOf(paragraphs[i]));
  if (!appendix || !(appendix[1] === 'PHỤ LỤC' || !appendix[6] || isUpperText(appendix[6]))) return undefined;
  let title = appendix[6];
  let last = i;
  const next = paragraphs[i + 1];
  if (!title && next && !next.table && (isUpperText(textOf(next)) || next.bold)) {
    title = textOf(next);
    last++;
  }
  return { label: `${appendix[1]}${appendix[3] ? ` ${appendix[3]}` : ''}: ${title}`.trim(), last };
}

/** A title in capitals wrapped onto the next lines (`… TRỌNG TÂM` / `THỜI GIAN TỚI`) read on, with the index of its last paragraph. */
function wrappedTitle(paragraphs: SourceParagraph[], i: number, body: string, marks: Map<number, boolean>, numbers: unknown[]): { body: string; last: number } {
  while (
    isUpperText(body) &&
    paragraphs[i + 1] &&
    !marks.has(i + 1) &&
    !paragraphs[i + 1].blankBefore &&
    isUpperText(textOf(paragraphs[i + 1])) &&
    !numbers[i + 1] &&
    !opensClosing(paragraphs[i + 1])
  ) {
    body = `${body} ${textOf(paragraphs[++i])}`;
  }
  return { body, last: i };
}

/**
 * Classifies the paragraphs of the body, from `start` on: headings (their
 * level from the numbering style, each sequence of siblings read as headings
 * or as items as a whole), items, paragraphs, tables, appendices, the closing
 * blocks, and noise as comments. Paragraphs that a page break split are
 * joined again.
 */
export function scanBody(paragraphs: SourceParagraph[], start: number): BodyScan {
  const entries: Entry[] = [];
  const noise: BodyScan['noise'] = [];
  const unclassified: BodyScan['unclassified'] = [];
  const marks = noiseMarks(paragraphs, start);
  const numbers = paragraphs.map((p) => (p.table ? undefined : numberOf(textOf(p))));
  const decisions = decideHeadings(paragraphs, numbers, start, marks);
  let inAppendix = false;
  const pendingComments: string[] = [];
  const scan: BodyState = { paragraphs, marks, numbers, pendingComments, noise };
  const flushComments = () => {
    if (pendingComments.length) entries.push({ kind: 'comment', lines: pendingComments.splice(0) });
  };

  for (let i = start; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const text = textOf(p);
    if (takeNoise(scan, i)) continue;
    flushComments();
    if (p.table) {
      entries.push({ kind: 'table', rows: p.table });
      continue;
    }
    if (opensClosing(p)) {
      const closing = scanClosing(paragraphs, i);
      if (closing.consumed > 0) {
        addClosing(entries, closing);
        i += closing.consumed - 1;
        continue;
      }
    }
    const appendix = appendixAt(paragraphs, i);
    if (appendix) {
      issuerOverAppendix(entries, (text): Entry => ({ kind: 'comment', lines: [text] }));
      entries.push({ kind: 'appendix', label: appendix.label });
      i = appendix.last;
      inAppendix = true;
      continue;
    }
    const cells = p.lines.length === 1 ? cellsOf(p.lines[0]) : [];
    const table = tableAt(paragraphs, i, marks, cells);
    if (table) {
      entries.push({ kind: 'table', rows: table.rows });
      i = table.last;
      continue;
    }
    const decision = decisions.get(i);
    const number = numbers[i];
    let body = withoutBookmarks(cells.length >= 2 ? cells.join(' ') : text);
    // A line that was only a bookmark is now a comment and nothing else.
    if (!body) continue;
    // A page break may split a paragraph: `… vị trí,` / `vai trò …`.
    const joinFollowing = () => ({ body, last: i } = joinSplitParagraph(scan, i, body));
    if (!inAppendix && number && decision) {
      if (decision.split) {
        entries.push({ kind: 'heading', level: decision.level, text: decision.split[0] });
        entries.push({ kind: 'paragraph', text: decision.split[1], bold: false });
      } else {
        ({ body, last: i } = wrappedTitle(paragraphs, i, body, marks, numbers));
        if (wordCount(number.title) > 30) unclassified.push({ line: p.sourceLine, text: body });
        entries.push({ kind: 'heading', level: decision.level, text: body });
      }
      continue;
    }
    if (!inAppendix && !number && isUpperText(body) && classifyTitle(body)) {
      entries.push({ kind: 'heading', level: 1, text: body });
      continue;
    }
    const dash = DASH.exec(body);
    if (number || dash) {
      joinFollowing();
      entries.push({ kind: 'item', text: dash && (dash[1] === '—' || dash[1] === '*') ? `- ${dash[2]}` : body });
      continue;
    }
    if (!p.bold) joinFollowing();
    entries.push({ kind: 'paragraph', text: body, bold: p.bold });
  }
  flushComments();
  return { entries, noise, unclassified };
}

function splitPipeRow(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}
