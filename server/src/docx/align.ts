import type { TextPlace, WordDocument } from './word-document';

/**
 * Where the words of a plan are in a Word document: the plan's text (an
 * import of the document, or the plan the document was exported from) and
 * the document's paragraphs are cut into tokens (words, and each mark of
 * punctuation), and the two sequences are aligned as a diff does (patience:
 * tokens unique to both sides anchor the rest, equal prefixes and suffixes
 * between anchors), then runs of words the plan moved (the header's fields
 * are written in another order than the page shows them) are found again.
 * What the plan adds (`#`, `**`, `Số:` labels, `Ký:`) matches nothing and
 * what only the page shows (the Quốc hiệu) is never pointed at.
 */

/**
 * A token is a run of letters, marks and digits, or one other character that
 * is not a space (as `/[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/u` cuts
 * text). Text is scanned character by character, each class looked up once: a
 * match object per token cost more than the alignment.
 */
const WORD = /^[\p{L}\p{M}\p{N}]$/u;
const SPACE = /^\s$/u;
const [UNKNOWN, WORD_CHAR, SPACE_CHAR, OTHER_CHAR] = [0, 1, 2, 3];
const classes = new Uint8Array(0x10000);
const astralClasses = new Map<number, number>();

function classify(char: string): number {
  return WORD.test(char) ? WORD_CHAR : SPACE.test(char) ? SPACE_CHAR : OTHER_CHAR;
}

/** Whether a surrogate pair (one character of two code units) starts at `i`. */
function pairAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c >= 0xdc00) return false;
  const low = text.charCodeAt(i + 1);
  return low >= 0xdc00 && low < 0xe000;
}

/** The class of the character starting at `i`. */
function classAt(text: string, i: number): number {
  if (pairAt(text, i)) {
    const point = text.codePointAt(i)!;
    let kind = astralClasses.get(point);
    if (kind === undefined) astralClasses.set(point, (kind = classify(String.fromCodePoint(point))));
    return kind;
  }
  const c = text.charCodeAt(i);
  let kind = classes[c];
  if (kind === UNKNOWN) classes[c] = kind = classify(String.fromCharCode(c));
  return kind;
}

/**
 * Tokens as parallel arrays of numbers (a document of 100 pages has 50 000
 * of them: one object each cost more than the alignment itself): the key
 * of each token's text, NFC, and where it is in its text.
 */
class Tokens {
  readonly key: number[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];
  get length(): number {
    return this.key.length;
  }
  /** The token at `i`, as one object, for the queries (a few per finding). */
  at(i: number): { key: number; start: number; end: number } | undefined {
    return i >= 0 && i < this.length ? { key: this.key[i], start: this.start[i], end: this.end[i] } : undefined;
  }
  /** The first token whose end is after `offset`. */
  endingAfter(offset: number): number {
    return lowerBound(this.length, (i) => this.end[i] > offset);
  }
}

/** The document's tokens: also the paragraph of each, and whether it is of the number Word's list numbering prints (no XML holds it). */
class WordTokens extends Tokens {
  readonly paragraph: number[] = [];
  readonly label: boolean[] = [];
  override at(i: number): { key: number; start: number; end: number; paragraph: number; label: boolean } | undefined {
    const t = super.at(i);
    return t && { ...t, paragraph: this.paragraph[i], label: this.label[i] };
  }
}

class Keys {
  private readonly ids = new Map<string, number>();
  /** Adds the tokens of `text` to `out`; `each` after each one. */
  add(text: string, out: Tokens, each?: () => void): void {
    // Text is NFC nearly always: then no token needs normalising on its own.
    const nfc = text.normalize('NFC') === text;
    let i = 0;
    while (i < text.length) {
      const kind = classAt(text, i);
      let end = i + (pairAt(text, i) ? 2 : 1);
      if (kind === SPACE_CHAR) {
        i = end;
        continue;
      }
      if (kind === WORD_CHAR) while (end < text.length && classAt(text, end) === WORD_CHAR) end += pairAt(text, end) ? 2 : 1;
      const token = text.slice(i, end);
      const key = nfc ? token : token.normalize('NFC');
      let id = this.ids.get(key);
      if (id === undefined) this.ids.set(key, (id = this.ids.size));
      out.key.push(id);
      out.start.push(i);
      out.end.push(end);
      each?.();
      i = end;
    }
  }
}

/** A range of the document a plan's range maps to. */
export interface WordRange {
  start: TextPlace;
  end: TextPlace;
  /**
   * `exact`: the words of the range, each found; `label`: the range is (or starts on) the number
   * Word's list numbering prints, so the whole paragraph is given; `nearest`: nothing of the range
   * is in the document (a missing part, a rewritten field), so the nearest paragraph is given.
   */
  kind: 'exact' | 'label' | 'nearest';
}

export class PlanAlignment {
  private readonly plan = new Tokens();
  private readonly word = new WordTokens();
  /** For each plan token, the index of its word token, or -1. */
  private readonly match: Int32Array;

  constructor(
    private readonly planText: string,
    private readonly document: WordDocument,
  ) {
    const keys = new Keys();
    keys.add(planText, this.plan);
    const word = this.word;
    for (const p of document.paragraphs) {
      if (p.listNumber?.label) {
        keys.add(p.listNumber.label, word, () => {
          word.start[word.length - 1] = word.end[word.length - 1] = 0;
          word.paragraph.push(p.index);
          word.label.push(true);
        });
      }
      keys.add(p.text, word, () => {
        word.paragraph.push(p.index);
        word.label.push(false);
      });
    }
    this.match = new Int32Array(this.plan.length).fill(-1);
    const taken = new Uint8Array(this.word.length);
    diff(this.plan.key, this.word.key, this.match, taken);
    this.findMoved(taken);
  }

  /** Runs of plan words left unmatched are looked for, in order, among the document's unmatched tokens. */
  private findMoved(taken: Uint8Array): void {
    const free = new Map<number, number[]>();
    for (let i = 0; i < this.word.length; i++) {
      if (taken[i]) continue;
      const list = free.get(this.word.key[i]);
      if (list) list.push(i);
      else free.set(this.word.key[i], [i]);
    }
    let i = 0;
    while (i < this.plan.length) {
      if (this.match[i] >= 0) {
        i++;
        continue;
      }
      let best = { at: -1, length: 0 };
      for (const candidate of (free.get(this.plan.key[i]) ?? []).slice(0, 64)) {
        let length = 0;
        while (
          i + length < this.plan.length &&
          candidate + length < this.word.length &&
          this.match[i + length] < 0 &&
          !taken[candidate + length] &&
          this.plan.key[i + length] === this.word.key[candidate + length]
        )
          length++;
        if (length > best.length) best = { at: candidate, length };
      }
      // A lone punctuation mark or a one-letter word found elsewhere says nothing: it needs a word of two letters or more.
      const meaningful = best.length > 1 || (best.length === 1 && this.plan.end[i] - this.plan.start[i] > 1);
      if (!meaningful) {
        i++;
        continue;
      }
      for (let k = 0; k < best.length; k++) {
        this.match[i + k] = best.at + k;
        taken[best.at + k] = 1;
      }
      i += best.length;
    }
  }

  /** The document range of a plan range given as offsets (`start` < `end`, or equal for a point). */
  map(start: number, end: number): WordRange {
    // The range's own words: spaces at its ends are not the finding's.
    while (start < end && /\s/.test(this.planText[start])) start++;
    while (end > start && /\s/.test(this.planText[end - 1])) end--;
    const first = this.plan.endingAfter(start);
    let last = lowerBound(this.plan.length, (i) => this.plan.start[i] >= end) - 1;
    if (start === end) last = first - 1;
    if (first <= last) {
      const from = this.match[first];
      const to = this.match[last];
      const a = this.word.at(from);
      const b = this.word.at(to);
      if (a && b && from <= to && !a.label && !b.label) {
        const into = Math.max(0, start - this.plan.start[first]);
        const before = Math.max(0, this.plan.end[last] - end);
        return {
          start: { paragraph: a.paragraph, offset: a.start + Math.min(into, a.end - a.start) },
          end: { paragraph: b.paragraph, offset: Math.max(b.start, b.end - before) },
          kind: 'exact',
        };
      }
      if (a?.label) return this.wholeParagraph(a.paragraph, 'label');
      // Some words of the range were found: the first of them gives the paragraph.
      for (let k = first; k <= last; k++) if (this.match[k] >= 0) return this.wholeParagraph(this.word.paragraph[this.match[k]], this.word.label[this.match[k]] ? 'label' : 'nearest');
    }
    return this.wholeParagraph(this.nearestParagraph(first), 'nearest');
  }

  /**
   * The document offset of a plan offset for an edit, when it is certain: inside a word found, or
   * between two words found side by side in one paragraph with the same characters between them.
   */
  exactOffset(offset: number): TextPlace | undefined {
    const at = this.plan.endingAfter(offset);
    const token = this.plan.at(at);
    if (token && token.start <= offset && this.match[at] >= 0) {
      const w = this.word.at(this.match[at])!;
      if (w.label || offset - token.start > w.end - w.start) return undefined;
      return { paragraph: w.paragraph, offset: w.start + (offset - token.start) };
    }
    const before = at - 1;
    const previous = this.plan.at(before);
    if (previous && previous.end === offset && this.match[before] >= 0) {
      // Just after a word found: the end of that word in the document.
      const w = this.word.at(this.match[before])!;
      return w.label ? undefined : { paragraph: w.paragraph, offset: w.end };
    }
    if (!previous || !token) return undefined;
    const [p, n] = [this.match[before], this.match[at]];
    if (p < 0 || n !== p + 1) return undefined;
    const [wp, wn] = [this.word.at(p)!, this.word.at(n)!];
    if (wp.paragraph !== wn.paragraph || wp.label || wn.label) return undefined;
    const text = this.document.paragraphs[wp.paragraph].text;
    if (this.planText.slice(previous.end, token.start) !== text.slice(wp.end, wn.start)) return undefined;
    return { paragraph: wp.paragraph, offset: wp.end + (offset - previous.end) };
  }

  /**
   * The plan offset of a place in the document, when the word there (`side` start: the first word
   * at or after it; end: the last word before it) was found in the plan.
   */
  planOffset(place: TextPlace, side: 'start' | 'end'): number | undefined {
    const { paragraph, label, start, end } = this.word;
    const first = lowerBound(
      this.word.length,
      (i) => paragraph[i] > place.paragraph || (paragraph[i] === place.paragraph && !label[i] && (side === 'start' ? end[i] > place.offset : start[i] >= place.offset)),
    );
    const at = side === 'start' ? first : first - 1;
    const w = this.word.at(at);
    if (!w || w.paragraph !== place.paragraph || w.label) return undefined;
    const k = this.inverse()[at];
    if (k < 0) return undefined;
    const t = this.plan.at(k)!;
    return side === 'start' ? t.start + Math.max(0, Math.min(place.offset - w.start, t.end - t.start)) : t.end - Math.max(0, Math.min(w.end - place.offset, t.end - t.start));
  }

  /** The plan line of the first word of a paragraph found in the plan, for what has no words of its own. */
  planOffsetOfParagraph(paragraph: number): number | undefined {
    const inverse = this.inverse();
    const of = this.word.paragraph;
    for (let i = lowerBound(this.word.length, (k) => of[k] >= paragraph); i < this.word.length && of[i] === paragraph; i++) {
      if (inverse[i] >= 0) return this.plan.start[inverse[i]];
    }
    return undefined;
  }

  private inverseMatch?: Int32Array;
  private inverse(): Int32Array {
    if (!this.inverseMatch) {
      this.inverseMatch = new Int32Array(this.word.length).fill(-1);
      this.match.forEach((w, p) => {
        if (w >= 0) this.inverseMatch![w] = p;
      });
    }
    return this.inverseMatch;
  }

  /** The paragraph of the nearest plan token found, looking back first (a missing part belongs after what precedes it). */
  private nearestParagraph(at: number): number {
    for (let d = 0; d < this.plan.length; d++) {
      for (const k of [at - 1 - d, at + d]) if (k >= 0 && k < this.plan.length && this.match[k] >= 0 && !this.word.label[this.match[k]]) return this.word.paragraph[this.match[k]];
    }
    return 0;
  }

  private wholeParagraph(paragraph: number, kind: WordRange['kind']): WordRange {
    return { start: { paragraph, offset: 0 }, end: { paragraph, offset: this.document.paragraphs[paragraph]?.text.length ?? 0 }, kind };
  }
}

/** The first index below `length` that satisfies a predicate false then true along the indices. */
function lowerBound(length: number, test: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The largest gap (cells of the table) aligned by dynamic programming when no token anchors it. */
const SMALL_GAP = 250_000;

/** Patience diff of `a` against `b`: fills `match` (a → b) and `taken` (b). Iterative over gaps, so deep documents do not overflow the stack. */
function diff(a: number[], b: number[], match: Int32Array, taken: Uint8Array): void {
  let keys = 0;
  for (const k of a) keys = Math.max(keys, k + 1);
  for (const k of b) keys = Math.max(keys, k + 1);
  const [countA, countB, lastB] = [new Int32Array(keys), new Int32Array(keys), new Int32Array(keys)];
  const gaps: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  const pair = (i: number, j: number) => {
    match[i] = j;
    taken[j] = 1;
  };
  while (gaps.length) {
    let [aLo, aHi, bLo, bHi] = gaps.pop()!;
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) pair(aLo++, bLo++);
    while (aHi > aLo && bHi > bLo && a[aHi - 1] === b[bHi - 1]) pair(--aHi, --bHi);
    if (aLo === aHi || bLo === bHi) continue;
    // Occurrences of each token in the gap on both sides, in arrays indexed by token (reset after), not a map of objects.
    for (let i = aLo; i < aHi; i++) countA[a[i]]++;
    for (let j = bLo; j < bHi; j++) {
      countB[b[j]]++;
      lastB[b[j]] = j;
    }
    const anchors: { ai: number; bi: number }[] = [];
    for (let i = aLo; i < aHi; i++) if (countA[a[i]] === 1 && countB[a[i]] === 1) anchors.push({ ai: i, bi: lastB[a[i]] });
    for (let i = aLo; i < aHi; i++) countA[a[i]] = 0;
    for (let j = bLo; j < bHi; j++) countB[b[j]] = 0;
    if (!anchors.length) {
      if ((aHi - aLo) * (bHi - bLo) <= SMALL_GAP) lcs(a, b, aLo, aHi, bLo, bHi, pair);
      continue;
    }
    const chain = longestIncreasing(anchors.map((c) => c.bi)).map((k) => anchors[k]);
    let [pa, pb] = [aLo, bLo];
    for (const c of chain) {
      gaps.push([pa, c.ai, pb, c.bi]);
      pair(c.ai, c.bi);
      [pa, pb] = [c.ai + 1, c.bi + 1];
    }
    gaps.push([pa, aHi, pb, bHi]);
  }
}

/** Indices of a longest strictly increasing subsequence. */
function longestIncreasing(values: number[]): number[] {
  const tails: number[] = [];
  const previous = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const at = lowerBound(tails.length, (t) => values[tails[t]] >= values[i]);
    if (at > 0) previous[i] = tails[at - 1];
    tails[at] = i;
  }
  const out: number[] = [];
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = previous[k]) out.push(k);
  return out.reverse();
}

/** The longest common subsequence of a small gap, by dynamic programming. */
function lcs(a: number[], b: number[], aLo: number, aHi: number, bLo: number, bHi: number, pair: (i: number, j: number) => void): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const table = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[aLo + i] === b[bLo + j] ? table[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
    }
  }
  let [i, j] = [0, 0];
  while (i < n && j < m) {
    if (a[aLo + i] === b[bLo + j]) pair(aLo + i++, bLo + j++);
    else if (table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1]) i++;
    else j++;
  }
}
