import type { ExplicitNumber, Fix } from '../model';
import type { Bilingual } from './rule';
import { toLetter, toRoman } from '../syntax/numbering';

/** `value` written in the style of a typed number (same kind, same punctuation). */
export function formatLike(number: ExplicitNumber, value: number, parentParts?: number[]): string {
  switch (number.kind) {
    case 'roman':
      return toRoman(value) + number.punctuation;
    case 'arabic':
      return String(value) + number.punctuation;
    case 'letter':
      return toLetter(value) + ')';
    case 'dotted':
      return [...(parentParts ?? number.parts!.slice(0, -1)), value].join('.') + number.punctuation;
  }
}

export interface Numbered {
  explicitNumber?: ExplicitNumber;
  /** The value it should have. */
  expected: number;
}

/**
 * True when a sequence of lettered points follows the Latin alphabet (`a)`,
 * `b)`, `c)`, `d)`, `e)`: no `đ)`), an order many real plans use: it is not
 * the Vietnamese one the decree asks for, but no reviewer calls `e)` after
 * `d)` a skip. A sequence with a `đ)` is judged by the Vietnamese alphabet.
 */
function followsLatinLetters(sequence: Numbered[]): boolean {
  const typed = sequence.filter((n) => n.explicitNumber);
  return typed.length > 0 && typed.every((n) => n.explicitNumber!.kind === 'letter' && /^[a-z]\)$/.test(n.explicitNumber!.text) && n.explicitNumber!.text.charCodeAt(0) - 96 === n.expected);
}

/**
 * Finds the first typed number of a sequence that is not the expected one and
 * describes it; the fix renumbers every typed number of the sequence. Lettered
 * points in Latin order (`d)`, `e)`) pass (`followsLatinLetters`).
 */
export function firstMisnumbered(
  sequence: Numbered[],
  renumberTitle: { vi: string; en: string },
):
  | {
      at: ExplicitNumber;
      problem: 'duplicate' | 'skip' | 'disagree';
      previous?: ExplicitNumber;
      expectedText: string;
      fix: Fix;
    }
  | undefined {
  if (followsLatinLetters(sequence)) return undefined;
  const index = sequence.findIndex((n) => n.explicitNumber && n.explicitNumber.value !== n.expected);
  if (index < 0) return undefined;
  const at = sequence[index].explicitNumber!;
  const before = sequence[index - 1];
  const previousValue = before ? (before.explicitNumber?.value ?? before.expected) : 0;
  const problem = before && at.value === previousValue ? 'duplicate' : at.value > previousValue + 1 ? 'skip' : 'disagree';
  const edits = sequence.filter((n) => n.explicitNumber && n.explicitNumber.value !== n.expected).map((n) => ({ range: n.explicitNumber!.range, newText: formatLike(n.explicitNumber!, n.expected) }));
  return {
    at,
    problem,
    previous: before?.explicitNumber,
    expectedText: formatLike(at, sequence[index].expected),
    fix: { title: `${renumberTitle.vi} / ${renumberTitle.en}`, edits, safe: true },
  };
}

/** The message for a misnumbered heading or item; `what` names it (`Số đề mục` / `Heading number`). */
export function numberingMessage(found: NonNullable<ReturnType<typeof firstMisnumbered>>, what: Bilingual): Bilingual {
  const { at, problem, previous, expectedText } = found;
  const from = previous?.text;
  switch (problem) {
    case 'skip':
      return { vi: `${what.vi} nhảy từ ${from ?? '(đầu)'} sang ${at.text}; số đúng là ${expectedText}`, en: `${what.en}s skip from ${from ?? '(start)'} to ${at.text}; expected ${expectedText}` };
    case 'duplicate':
      return { vi: `${what.vi} ${at.text} bị lặp lại; số đúng là ${expectedText}`, en: `${what.en} ${at.text} is repeated; expected ${expectedText}` };
    default:
      return { vi: `${what.vi} ${at.text} không khớp thứ tự; số đúng là ${expectedText}`, en: `${what.en} ${at.text} is out of sequence; expected ${expectedText}` };
  }
}
