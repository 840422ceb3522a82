/**
 * When two adjacent words of official text make a tight pair, the kind of pair
 * that can show a slip beside it (`đào tạo`, `xử lý`, `quá trình`): seen at
 * least MIN_PAIR times, with at least MIN_PMI bits of pointwise mutual
 * information, and one of the two rarely without the other (the pair is at
 * least MIN_ASSOCIATION of the occurrences of one of them). Shared by
 * `syllable-bigrams.ts` and the script that writes its data.
 */
export const MIN_PAIR = 20;
export const MIN_PMI = 3;
export const MIN_ASSOCIATION = 0.03;

/** The association of a pair seen `count` times, of words seen `first` and `second` times among `total`, when it is tight; else 0. */
export function tightness(count: number, first: number, second: number, total: number): number {
  if (count < MIN_PAIR) return 0;
  const association = Math.max(count / first, count / second);
  return association >= MIN_ASSOCIATION && Math.log2((count * total) / (first * second)) >= MIN_PMI ? association : 0;
}
