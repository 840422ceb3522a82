import type { NumberKind, PlanSystem } from '../model';

/** The Vietnamese alphabet as used for lettered points: no f, j, w, z; đ after d. */
export const VIETNAMESE_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(value: number): string {
  let rest = value;
  let out = '';
  for (const [n, s] of ROMAN) {
    while (rest >= n) {
      out += s;
      rest -= n;
    }
  }
  return out;
}

/** Value of an upper-case Roman numeral, or undefined when it is not a canonical one. */
export function fromRoman(text: string): number | undefined {
  if (!/^[IVXLCDM]{1,8}$/.test(text)) return undefined;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const here = ROMAN.find(([, s]) => s === text[i])![0];
    const next = i + 1 < text.length ? ROMAN.find(([, s]) => s === text[i + 1])![0] : 0;
    value += here < next ? -here : here;
  }
  return toRoman(value) === text ? value : undefined;
}

/** Letter for an ordinal (1 → a, 5 → đ); past y it doubles (aa, bb …). */
export function toLetter(value: number): string {
  const n = VIETNAMESE_LETTERS.length;
  const letter = VIETNAMESE_LETTERS[(value - 1) % n];
  return letter.repeat(Math.floor((value - 1) / n) + 1);
}

export interface ParsedNumber {
  text: string;
  kind: NumberKind;
  value: number;
  parts?: number[];
  punctuation: '.' | '-' | ')' | '';
}

/**
 * Reads a typed number at the start of a heading or item title: `II.`, `I-`,
 * `3.`, `1-`, `b)`, `2.3.`, `2.3`. Returns undefined when the text does not
 * start with one followed by a space or the end.
 */
export function readExplicitNumber(text: string): ParsedNumber | undefined {
  const match = /^(?:([IVXLC]{1,7})([.\-)])|(\d{1,3}(?:\.\d{1,3})+)(\.?)|(\d{1,3})([.\-)])|([a-zđ])(\)))(?=\s|$)/u.exec(text);
  if (!match) return undefined;
  if (match[1]) {
    const value = fromRoman(match[1]);
    if (value === undefined) return undefined;
    return { text: match[0], kind: 'roman', value, punctuation: match[2] as ParsedNumber['punctuation'] };
  }
  if (match[3]) {
    const parts = match[3].split('.').map(Number);
    return { text: match[0], kind: 'dotted', value: parts[parts.length - 1], parts, punctuation: match[4] === '.' ? '.' : '' };
  }
  if (match[5]) {
    return { text: match[0], kind: 'arabic', value: Number(match[5]), punctuation: match[6] as ParsedNumber['punctuation'] };
  }
  const index = VIETNAMESE_LETTERS.indexOf(match[7]);
  return { text: match[0], kind: 'letter', value: index + 1, punctuation: ')' };
}

/** The heading number in the official style of the system (see docs/syntax.en.md). */
export function formatHeadingNumber(system: PlanSystem, level: number, ordinal: number): string {
  const mark = system === 'party' ? '-' : '.';
  switch (level) {
    case 1:
      return toRoman(ordinal) + mark;
    case 2:
      return String(ordinal) + mark;
    case 3:
      return toLetter(ordinal) + ')';
    default:
      return '-';
  }
}
