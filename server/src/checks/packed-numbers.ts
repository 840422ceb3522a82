/**
 * Non-negative integers written as text in few characters, for data files that
 * travel inside the bundles (`server/data/syllable-bigrams.json`): each number
 * in base 32, most significant digit first, each digit one character of
 * `ALPHABET` whose index modulo 32 is the digit; an index of 32 or more says
 * that more digits follow. Numbers are written one after the other, without
 * separators.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** The text of one number. */
export function packNumber(n: number): string {
  const digits: number[] = [];
  do {
    digits.unshift(n % 32);
    n = Math.floor(n / 32);
  } while (n > 0);
  return digits.map((d, i) => ALPHABET[d + (i < digits.length - 1 ? 32 : 0)]).join('');
}

/** The numbers of `text` from `start` to `end`, in one loop (a callback per number cost more than the reading). */
export function readNumbers(text: string, start: number, end: number): number[] {
  const values: number[] = [];
  let number = 0;
  for (let i = start; i < end; i++) {
    const digit = packedDigit(text, i);
    number = number * 32 + (digit & 31);
    if (digit >= 32) continue;
    values.push(number);
    number = 0;
  }
  return values;
}

/** The digit at `text[i]` (0–63: the value modulo 32, and 32 or more when more digits follow). */
function packedDigit(text: string, i: number): number {
  const v = VALUE[text.charCodeAt(i)] ?? -1;
  if (v < 0) throw new Error(`packed number: unexpected "${text[i]}" at ${i}`);
  return v;
}
