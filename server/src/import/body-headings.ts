/**
 * Which numbered paragraphs of an imported body are headings, and at what
 * level: numbers read (`II.`, `2.1.`, `3-`, `a)`), sequences of siblings
 * judged together, parents of headings promoted.
 */
import { classifyTitle } from '../domain/plan-parts';
import { opensClosing } from './closing';
import { parentNumber, promoteParents } from './body-context';
import { withoutBookmarks } from './noise';
import { isUpperText, TERMINAL, wordCount, type SourceParagraph } from './source-paragraphs';

export type NumberKind = 'roman' | 'arabic' | 'dotted' | 'letter';

export interface Numbered {
  kind: NumberKind;
  /** The number as typed, with its punctuation (`II.`, `1-`, `2.1.`, `a)`). */
  marker: string;
  /** Depth of a dotted number (`2.1.` → 2). */
  depth: number;
  title: string;
}

// The space after a number is taken whole (`(?=(\s+))\N`, a possessive run): the title after it starts
// with no space (the text is trimmed), so giving spaces back never made a match and only cost time.
const ROMAN = /^([IVXLC]{1,6})\s*([.\-–)])(?=(\s+))\3(.+)$/u;
const DOTTED = /^(\d{1,2}(?:\.\d{1,2})+\.?)(?=(\s+))\2(.+)$/u;
const ARABIC = /^(\d{1,2})\s*([.)-])(?=(\s+))\3(.+)$/u;
const LETTER = /^([a-zđ]\))(?=(\s+))\2(.+)$/u;
export function numberOf(text: string): Numbered | undefined {
  let m = ROMAN.exec(text);
  if (m) return { kind: 'roman', marker: `${m[1]}${m[2] === '–' ? '-' : m[2]}`, depth: 1, title: m[4] };
  m = DOTTED.exec(text);
  if (m) return { kind: 'dotted', marker: m[1], depth: m[1].replace(/\.$/, '').split('.').length, title: m[3] };
  m = ARABIC.exec(text);
  if (m) return { kind: 'arabic', marker: `${m[1]}${m[2]}`, depth: 1, title: m[4] };
  m = LETTER.exec(text);
  if (m) return { kind: 'letter', marker: m[1], depth: 1, title: m[3] };
  return undefined;
}

export const textOf = (p: SourceParagraph) => p.lines.join(' ').trim();

/** True when a numbered paragraph reads as a heading: bold, marked, or a short title with content under it. */
function headingLike(paragraphs: SourceParagraph[], i: number, own: Numbered): boolean {
  const p = paragraphs[i];
  if (p.bold || p.markedHeading) return true;
  const text = withoutBookmarks(textOf(p));
  if (TERMINAL.test(text) || wordCount(text) > 30) return false;
  const next = paragraphs[i + 1];
  if (!next) return false;
  const nextNumber = numberOf(textOf(next));
  return !nextNumber || nextNumber.kind !== own.kind;
}

/** True when the paragraph after `i` (past noise) is a heading: a Roman number, a sibling's number, or a standard title in capitals. */
function headingFollows(paragraphs: SourceParagraph[], numbers: (Numbered | undefined)[], marks: Map<number, boolean>, i: number): boolean {
  let j = i + 1;
  while (marks.has(j)) j++;
  const next = paragraphs[j];
  if (!next) return false;
  const n = numbers[j];
  if (n) return n.kind === 'roman' || n.kind === numbers[i]!.kind;
  const text = textOf(next);
  return isUpperText(text) && classifyTitle(text) !== undefined;
}

export interface HeadingDecision {
  level: number;
  /** `14. Đề nghị …: Trong phạm vi …` split into its heading and its first paragraph. */
  split?: [string, string];
}

/**
 * Decides which numbered paragraphs are headings. Roman numbers are level 1.
 * Arabic numbers under the same level-1 heading form one sequence, read as
 * headings when at least half of them look like headings, else as items;
 * letters likewise under each arabic heading; dotted numbers go one level
 * below their depth.
 */
export function decideHeadings(paragraphs: SourceParagraph[], numbers: (Numbered | undefined)[], start: number, marks: Map<number, boolean>): Map<number, HeadingDecision> {
  const decisions = new Map<number, HeadingDecision>();
  const sequences = new Map<string, number[]>();
  let romanSeen = 0;
  let arabicParent = -1;
  /** Arabic numbers by the level-1 part they stand in (`2:3` is `3.` under the second Roman number). */
  const arabicNumbers = new Set<string>();
  const partOf = new Map<number, number>();
  for (let i = start; i < paragraphs.length; i++) {
    const n = numbers[i];
    if (!n || marks.has(i)) continue;
    if (opensClosing(paragraphs[i])) break;
    if (n.kind === 'roman') {
      romanSeen++;
      arabicParent = -1;
      decisions.set(i, { level: 1 });
      continue;
    }
    partOf.set(i, romanSeen);
    if (n.kind === 'arabic') arabicNumbers.add(`${romanSeen}:${n.marker.replace(/[.)-]$/, '')}`);
    // Dotted numbers are siblings when they share all but their last part (`2.2.1`, `2.2.2` under `2.2.`).
    const key = n.kind === 'arabic' ? `arabic:${romanSeen}` : n.kind === 'letter' ? `letter:${romanSeen}:${arabicParent}` : `dotted:${romanSeen}:${parentNumber(n.marker)}`;
    sequences.set(key, [...(sequences.get(key) ?? []), i]);
    // Letters belong to the numbered part above them, `1.` or `3.2.` alike.
    if (n.kind === 'arabic' || n.kind === 'dotted') arabicParent = i;
  }
  // A dotted number goes one level below its depth (`2.1.` under `2.`); numbered after its Roman part with no
  // `2.` above it (`2.1.` right under `II.`), it is that part's own subdivision, one level higher.
  const dottedLevel = (i: number) => {
    const part = partOf.get(i) ?? 0;
    const underArabic = part === 0 || arabicNumbers.has(`${part}:${numbers[i]!.marker.split('.')[0]}`);
    return Math.min(4, numbers[i]!.depth + (underArabic ? 1 : 0));
  };
  for (const [key, members] of sequences) {
    const kind = key.split(':')[0] as NumberKind;
    const like = members.filter((i) => headingLike(paragraphs, i, numbers[i]!));
    if (like.length * 2 < members.length || like.length === 0) continue;
    for (const i of members) {
      let level: number;
      if (kind === 'arabic') level = key === 'arabic:0' ? 1 : 2;
      else if (kind === 'letter') {
        const parent = Number(key.split(':')[2]);
        const parentDecision = decisions.get(parent);
        if (!parentDecision) continue;
        level = Math.min(4, parentDecision.level + 1);
      } else level = dottedLevel(i);
      const text = textOf(paragraphs[i]);
      const decision: HeadingDecision = { level };
      // Siblings are read alike, headings all (a step that is a whole sentence, `3.2. Thư ký hội nghị đọc …`, too):
      // one read as an item among headings would make their numbers skip.
      if (!like.includes(i) || (wordCount(text) > 20 && headingFollows(paragraphs, numbers, marks, i))) {
        // The first colon followed by a capital, chosen in a look-ahead (atomic) so that the rest is read once:
        // when it runs into a line break, no later colon could do better (its head would cross the break).
        const colon = /^(?=(.{3,200}?:)(?=(\s+))\2\p{Lu})\1\2(\p{Lu}.*)$/u.exec(text);
        if (colon && wordCount(colon[1]) <= 25 && wordCount(colon[3]) >= 3) decision.split = [colon[1], colon[3]];
      }
      decisions.set(i, decision);
    }
  }
  promoteParents(numbers, start, decisions, dottedLevel);
  return decisions;
}
