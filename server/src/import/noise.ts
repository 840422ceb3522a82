import { BOOKMARK, WHOLE_LINE } from '../domain/scan-noise';
import { isUpperText, MARKER, TERMINAL, wordCount } from './source-paragraphs';

/**
 * Scan noise as the import sees it: the lines the `text-scan-noise` rule
 * reports (so an imported plan never trips it), bare page numbers, and the
 * short fragments that stand around an incoming-mail stamp.
 */

/** A page number alone on a line: `12`, `Trang 2`, `- 2 -`. */
const PAGE_NUMBER = /^\d{1,3}$/;

/** True when a line is only a page number. */
export const isPageNumber = (line: string) => PAGE_NUMBER.test(line.trim());

/** True when a line is wholly noise: a stamp line, an `sg:` fragment, a page number. */
export function isNoiseLine(line: string): boolean {
  const text = line.trim();
  return PAGE_NUMBER.test(text) || WHOLE_LINE.some((n) => n.pattern.test(text));
}

/** A line a stamp may hold: short, no list marker, not a finished sentence of prose. */
export function isFragment(line: string): boolean {
  const text = line.trim();
  if (MARKER.test(text)) return false;
  // The routing box of a stamp: `Chuyển: B. T. A. …`, initials after a label.
  const tokens = text.split(/\s+/);
  if (tokens.length >= 4 && tokens.filter((t) => /^\p{L}\.$/u.test(t)).length * 5 >= tokens.length * 3) return true;
  if (wordCount(text) > 8) return false;
  return isUpperText(text) || !TERMINAL.test(text) || /^(?:\p{L}\.\s*)+$/u.test(text) || text.endsWith(':');
}

/** A `Số: …` line inside the body is the stamp's copy of the number, never prose. */
export function isStampNumberLine(line: string): boolean {
  return /^(?:Số|SỐ)\s*:\s*\d/u.test(line.trim());
}

/** Word bookmarks in a line (`_Toc123`), to take out of the text and keep as a comment. */
export function bookmarksOf(line: string): string[] {
  return [...line.matchAll(BOOKMARK)].map((m) => m[0]);
}

/** The line without its Word bookmarks. */
export function withoutBookmarks(line: string): string {
  return line.replace(BOOKMARK, '').replace(/ {2,}/g, ' ').trim();
}
