import type { ReviewNote } from '../model';

/**
 * Reviewers' notes: a comment line `//@ AUTHOR (DATE) “WORDS”: MESSAGE`
 * (date and quoted words optional). Read by hand, by position of the marks,
 * so that no pattern backtracks on a long line.
 */

/** The marks that open a note after the spaces of the line. */
export const NOTE_MARK = '//@';

/** The parts of a note's text (after `//@`); the note's ranges are the caller's. */
export function readNote(text: string): Omit<ReviewNote, 'range' | 'anchorRange'> {
  const s = text.trim();
  const open = s.indexOf('“');
  const firstColon = s.indexOf(':');
  let head: string;
  let anchor: string | undefined;
  let message: string;
  const close = open >= 0 ? s.indexOf('”:', open + 1) : -1;
  if (open >= 0 && close > open && (firstColon < 0 || firstColon > open)) {
    head = s.slice(0, open);
    anchor = s.slice(open + 1, close);
    message = s.slice(close + 2);
  } else if (firstColon >= 0) {
    head = s.slice(0, firstColon);
    message = s.slice(firstColon + 1);
  } else {
    head = '';
    message = s;
  }
  head = head.trim();
  let date: string | undefined;
  if (head.endsWith(')')) {
    const at = head.lastIndexOf('(');
    if (at >= 0) {
      date = head.slice(at + 1, -1).trim();
      head = head.slice(0, at).trim();
    }
  }
  return { author: head, ...(date ? { date } : {}), ...(anchor ? { anchor: anchor.normalize('NFC') } : {}), message: message.trim() };
}

/** A note's line as the import writes it: the quoted words lose any `”:` that would end them early. */
export function writeNote(note: { author: string; date?: string; anchor?: string; message: string }): string {
  const date = note.date ? ` (${note.date})` : '';
  const anchor = note.anchor ? ` “${note.anchor.replace(/”:/g, '” :')}”` : '';
  const author = note.author.replace(/[:“(]/g, ' ').trim() || '?';
  return `${NOTE_MARK} ${author}${date}${anchor}: ${note.message.replace(/\s+/g, ' ').trim()}`;
}

/**
 * Where a note's quoted words are in the NFC text: first in the lines of the
 * block the note closes (up to the blank line above), else their last place
 * before the note. `-1` when they are nowhere before it.
 */
export function findAnchor(text: string, noteStart: number, anchor: string): number {
  let blockStart = noteStart;
  while (blockStart > 0) {
    const lineEnd = blockStart - 1;
    let lineStart = lineEnd;
    while (lineStart > 0 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
    if (!text.slice(lineStart, lineEnd).trim()) break;
    blockStart = lineStart;
  }
  const inBlock = text.slice(blockStart, noteStart).indexOf(anchor);
  if (inBlock >= 0) return blockStart + inBlock;
  return noteStart >= anchor.length ? text.lastIndexOf(anchor, noteStart - anchor.length) : -1;
}
