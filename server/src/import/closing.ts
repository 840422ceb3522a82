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

/** Reads the closing blocks from `start`; stops at the first paragraph that belongs to neither. */
export function scanClosing(paragraphs: SourceParagraph[], start: number): ClosingScan {
  const blocks: ClosingScan['blocks'] = [];
  const comments: string[] = [];
  let recipients: { kind: 'recipients'; label: string; line: number; items: string[] } | undefined;
  let signature: { kind: 'signature'; lines: string[] } | undefined;
  let signed = false;
  /** Set when the last cell placed was the signer's name. */
  let lastPlaced: 'name' | undefined;
  const openRecipients = (label: string) => {
    recipients ??= { kind: 'recipients', label, line: paragraphs[index].sourceLine, items: [] };
    if (!blocks.includes(recipients)) blocks.push(recipients);
    return recipients;
  };
  const openSignature = () => {
    signature ??= { kind: 'signature', lines: [] };
    if (!blocks.includes(signature)) blocks.push(signature);
    return signature;
  };

  /** Places one cell; `side` is its column when the line had two. Returns false when the cell is no closing material. */
  const place = (raw: string, side: 'left' | 'right' | 'alone', farRight: boolean): boolean => {
    const cell = clean(raw);
    if (!cell) return true;
    const afterName = lastPlaced === 'name';
    lastPlaced = undefined;
    if (APPENDIX.test(cell)) return false;
    const folded = fold(cell);
    const label = RECIPIENTS_LABEL.exec(folded);
    if (label) {
      // `(?<!\s)`: a match never starts after a space (it would have started one earlier), and skipping those keeps it linear.
      const list = openRecipients(cell.slice(0, label[0].length).replace(/(?<!\s)\s*:\s*$/, ''));
      const rest = cell.slice(label[0].length).trim();
      if (rest) list.items.push(rest.replace(DASH, ''));
      return true;
    }
    // `(b/c);` under a recipient not yet ended belongs to it, not to the signature's remarks.
    const lastItem = recipients?.items[recipients.items.length - 1];
    if (lastItem !== undefined && !signature && side !== 'right' && /^\(/.test(cell) && !/[;.,]$/.test(lastItem)) {
      recipients!.items[recipients!.items.length - 1] += ` ${cell}`;
      return true;
    }
    if (isNoiseLine(cell) || /^\(.*\)$/u.test(cell)) {
      comments.push(cell);
      return true;
    }
    // The signer's other post under the name: kept beside the signature as a comment, not read as body text after it.
    if (afterName && isUpperText(cell) && POST.test(folded) && cell.split(/\s+/).length <= 8) {
      comments.push(cell);
      return true;
    }
    const toSignature = side === 'right' || farRight || AUTHORITY.test(cell) || (signature !== undefined && (isUpperText(cell) || NAME.test(cell)));
    if (DASH.test(cell) && recipients && side !== 'right') {
      recipients.items.push(cell.replace(DASH, ''));
      return true;
    }
    // A recipient whose dash was left out, ended by its `;` like the others (`Trung tâm TT, DL vs CNS TP;` after
    // the signer's name, the list being longer than the signature beside it).
    if (recipients?.items.length && side !== 'right' && /;$/.test(cell) && /;$/.test(recipients.items[recipients.items.length - 1]) && !isUpperText(cell)) {
      recipients.items.push(cell);
      return true;
    }
    if (toSignature && !signed && (side === 'right' || AUTHORITY.test(cell) || isUpperText(cell) || NAME.test(cell))) {
      openSignature().lines.push(cell);
      // The signer's name ends the signature.
      signed = NAME.test(cell);
      if (signed) lastPlaced = 'name';
      return true;
    }
    // A recipient wrapped onto the next line continues it.
    if (recipients?.items.length && side !== 'right' && (/^\p{Ll}/u.test(cell) || (/[,–-]$/.test(recipients.items[recipients.items.length - 1]) && (signed || !isUpperText(cell)) && !NAME.test(cell)))) {
      recipients.items[recipients.items.length - 1] += ` ${cell}`;
      return true;
    }
    if (!signature && recipients?.items.length && isUpperText(cell)) {
      // A signature with no authority line: `CHỦ TỊCH` then the name.
      openSignature().lines.push(cell);
      return true;
    }
    return false;
  };

  let index = start;
  for (; index < paragraphs.length; index++) {
    const paragraph = paragraphs[index];
    if (paragraph.table) break;
    let placedAll = true;
    for (const line of paragraph.lines) {
      const cells = cellsOf(line);
      if (cells.length >= 2) {
        const [left, ...right] = cells;
        // The column with the signature is usually the right one; a line may also hold it on the left.
        const swapped = AUTHORITY.test(clean(left)) && /^(?:[-+•–—]|noi nhan)/u.test(fold(clean(right.join(' '))));
        placedAll = place(swapped ? right.join(' ') : left, 'left', false) && place(swapped ? left : right.join(' '), 'right', false) && placedAll;
      } else placedAll = place(line, 'alone', paragraph.farIndented) && placedAll;
    }
    if (!placedAll) break;
  }
  return { blocks, comments, consumed: index - start };
}
