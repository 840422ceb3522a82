import { fold } from '../syntax/inline';
import { isNoiseLine } from './noise';
import { cellsOf, isUpperText, type SourceParagraph } from './source-paragraphs';

/**
 * The closing blocks of an imported plan: `Nơi nhận:` and the signature, in
 * either order, one under the other or side by side in two columns (each line
 * then holds a recipient on the left and a signature line on the right,
 * separated by tabs or a run of spaces).
 */

export interface ClosingScan {
  /** The blocks in the order the source gives them. */
  /** The recipients' label as the source has it (`Nơi nhân` misread by OCR) and its source line. */
  blocks: ({ kind: 'recipients'; label: string; line: number; items: string[] } | { kind: 'signature'; lines: string[] })[];
  /** Noise and signature remarks (`(Đã ký)`) kept as comments. */
  comments: string[];
  /** How many paragraphs the closing took. */
  consumed: number;
}

const RECIPIENTS_LABEL = /^(?:noi nhan)\s*:\s*/;
/** `TM.`, `KT.`, `Q.`, `TL.`, `TUQ.` (state), `T/M`, `K/T`, `T/L` (party). */
const AUTHORITY = /^(?:(?:TM|KT|Q|TL|TUQ)\.\s*\S|(?:T\/M|K\/T|T\/L)\s+\S)/u;
/** The signer's name: two to six capitalised words. */
const NAME = /^(?:\p{Lu}[\p{Ll}\p{M}]*\s+){1,5}\p{Lu}[\p{Ll}\p{M}]*$/u;
const DASH = /^[-+•–—]\s*/u;
const APPENDIX = /^(?:PHỤ LỤC|Phụ lục)(?![\p{L}])/u;
/** A post (`TRƯỞNG BAN XÂY DỰNG ĐẢNG`, `BÍ THƯ ĐẢNG ỦY`), folded: set under the signer's name, the other post the signer holds. */
const POST = /^(?:pho\s+)?(?:truong|bi thu|chu tich|giam doc|chanh|hieu truong|thu truong|chu nhiem|tong)\b/;

const clean = (text: string) => text.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();

/** True when a paragraph opens the closing blocks: `Nơi nhận:` or an authority line, alone or beside another column. */
export function opensClosing(paragraph: SourceParagraph): boolean {
  const first = cellsOf(paragraph.lines[0] ?? '').map(clean);
  return first.some((cell) => RECIPIENTS_LABEL.test(fold(cell)) || AUTHORITY.test(cell));
}

/** A line's two columns, the signature's on the right: usually it is, but a line may also hold it on the left. */
function closingColumns(cells: string[]): { left: string; right: string } {
  const [first, ...others] = cells;
  const rest = others.join(' ');
  const swapped = AUTHORITY.test(clean(first)) && /^(?:[-+•–—]|noi nhan)/u.test(fold(clean(rest)));
  return swapped ? { left: rest, right: first } : { left: first, right: rest };
}

/** What the closing read so far holds. */
interface ClosingState {
  blocks: ClosingScan['blocks'];
  comments: string[];
  recipients?: { kind: 'recipients'; label: string; line: number; items: string[] };
  signature?: { kind: 'signature'; lines: string[] };
  signed: boolean;
  /** Set when the last cell placed was the signer's name. */
  lastPlaced?: 'name';
  /** The source line of the paragraph being read. */
  line: number;
}

/** A block listed once, where it first appears. */
function listed<B extends ClosingScan['blocks'][number]>(state: ClosingState, block: B): B {
  if (!state.blocks.includes(block)) state.blocks.push(block);
  return block;
}
const openRecipients = (state: ClosingState, label: string) => listed(state, (state.recipients ??= { kind: 'recipients', label, line: state.line, items: [] }));
const openSignature = (state: ClosingState) => listed(state, (state.signature ??= { kind: 'signature', lines: [] }));

/** Places one cell; `side` is its column when the line had two. Returns false when the cell is no closing material. */
function placeCell(state: ClosingState, raw: string, side: 'left' | 'right' | 'alone', farRight: boolean): boolean {
  const cell = clean(raw);
  if (!cell) return true;
  const afterName = state.lastPlaced === 'name';
  state.lastPlaced = undefined;
  if (APPENDIX.test(cell)) return false;
  const folded = fold(cell);
  const label = RECIPIENTS_LABEL.exec(folded);
  if (label) {
    // `(?<!\s)`: a match never starts after a space (it would have started one earlier), and skipping those keeps it linear.
    const list = openRecipients(state, cell.slice(0, label[0].length).replace(/(?<!\s)\s*:\s*$/, ''));
    const rest = cell.slice(label[0].length).trim();
    if (rest) list.items.push(rest.replace(DASH, ''));
    return true;
  }
  // `(b/c);` under a recipient not yet ended belongs to it, not to the signature's remarks.
  const lastItem = state.recipients?.items[state.recipients.items.length - 1];
  if (lastItem !== undefined && !state.signature && side !== 'right' && /^\(/.test(cell) && !/[;.,]$/.test(lastItem)) {
    state.recipients!.items[state.recipients!.items.length - 1] += ` ${cell}`;
    return true;
  }
  if (isNoiseLine(cell) || /^\(.*\)$/u.test(cell)) {
    state.comments.push(cell);
    return true;
  }
  // The signer's other post under the name: kept beside the signature as a comment, not read as body text after it.
  if (afterName && isUpperText(cell) && POST.test(folded) && cell.split(/\s+/).length <= 8) {
    state.comments.push(cell);
    return true;
  }
  const toSignature = side === 'right' || farRight || AUTHORITY.test(cell) || (state.signature !== undefined && (isUpperText(cell) || NAME.test(cell)));
  if (DASH.test(cell) && state.recipients && side !== 'right') {
    state.recipients.items.push(cell.replace(DASH, ''));
    return true;
  }
  // A recipient whose dash was left out, ended by its `;` like the others (`Trung tâm TT, DL vs CNS TP;` after
  // the signer's name, the list being longer than the signature beside it).
  if (state.recipients?.items.length && side !== 'right' && /;$/.test(cell) && /;$/.test(state.recipients.items[state.recipients.items.length - 1]) && !isUpperText(cell)) {
    state.recipients.items.push(cell);
    return true;
  }
  if (toSignature && !state.signed && (side === 'right' || AUTHORITY.test(cell) || isUpperText(cell) || NAME.test(cell))) {
    openSignature(state).lines.push(cell);
    // The signer's name ends the signature.
    state.signed = NAME.test(cell);
    if (state.signed) state.lastPlaced = 'name';
    return true;
  }
  // A recipient wrapped onto the next line continues it.
  if (
    state.recipients?.items.length &&
    side !== 'right' &&
    (/^\p{Ll}/u.test(cell) || (/[,–-]$/.test(state.recipients.items[state.recipients.items.length - 1]) && (state.signed || !isUpperText(cell)) && !NAME.test(cell)))
  ) {
    state.recipients.items[state.recipients.items.length - 1] += ` ${cell}`;
    return true;
  }
  if (!state.signature && state.recipients?.items.length && isUpperText(cell)) {
    // A signature with no authority line: `CHỦ TỊCH` then the name.
    openSignature(state).lines.push(cell);
    return true;
  }
  return false;
}

/** Reads the closing blocks from `start`; stops at the first paragraph that belongs to neither. */
export function scanClosing(paragraphs: SourceParagraph[], start: number): ClosingScan {
  const state: ClosingState = { blocks: [], comments: [], signed: false, line: 0 };
  let index = start;
  for (; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index];
    if (paragraph.table) break;
    state.line = paragraph.sourceLine;
    let placedAll = true;
    for (const line of paragraph.lines) {
      const cells = cellsOf(line);
      if (cells.length >= 2) {
        const { left, right } = closingColumns(cells);
        placedAll = placeCell(state, left, 'left', false) && placeCell(state, right, 'right', false) && placedAll;
      } else placedAll = placeCell(state, line, 'alone', paragraph.farIndented) && placedAll;
    }
    if (!placedAll) break;
  }
  return { blocks: state.blocks, comments: state.comments, consumed: index - start };
}
