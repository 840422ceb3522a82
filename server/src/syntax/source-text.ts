import type { Position, Range } from '../model';
import type { TextMemo } from './memo';

/**
 * The text as the editor holds it, and its NFC form that the lexer reads.
 *
 * Vietnamese may arrive decomposed (NFD: `ệ` as e + U+0302 + U+0323). The
 * lexer and every pattern work on NFC, and each NFC offset maps back to the
 * offset of the same character in the original, so ranges land on the
 * characters the user typed. Offsets are UTF-16 code units, as in LSP.
 */
export class SourceText {
  /** NFC text that the lexer reads. */
  readonly text: string;
  /** NFC offset → original offset; absent when the original already is NFC. */
  private readonly toOriginal?: Int32Array;
  /** Offsets in the original where each line starts. */
  private readonly lineStarts: number[];

  /**
   * `memo` holds results of the stages after parsing that depend on a piece
   * of text alone, reused across versions of one document (see `TextMemo`).
   */
  constructor(
    readonly original: string,
    readonly memo?: TextMemo,
  ) {
    const nfc = original.normalize('NFC');
    if (nfc === original) {
      this.text = original;
    } else {
      const mapped = normalizeWithMap(original);
      this.text = mapped.text;
      this.toOriginal = mapped.map;
    }
    this.lineStarts = computeLineStarts(original);
  }

  /** True when the text as given is NFC: offsets of `text` are the editor's. */
  get isNfc(): boolean {
    return this.toOriginal === undefined;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Original offset of an NFC offset (clamped to the text). */
  originalOffset(offset: number): number {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    return this.toOriginal ? this.toOriginal[clamped] : clamped;
  }

  /** LSP position of an NFC offset. */
  position(offset: number): Position {
    return this.positionOfOriginal(this.originalOffset(offset));
  }

  /** LSP range of an NFC offset span. */
  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  /** LSP position of an offset in the original text. */
  positionOfOriginal(offset: number): Position {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  /** Offset in the original text of an LSP position (clamped to its line). */
  offsetOf(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.lineStarts.length - 1));
    const start = this.lineStarts[line];
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.original.length;
    return Math.min(start + Math.max(0, position.character), next);
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Without a carriage return, by `indexOf` (it runs on every version of a document the editor sends).
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

const COMBINING = /[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]/u;

/**
 * NFC-normalises cluster by cluster (a starter and the marks that follow it),
 * recording where each output code unit came from. Every offset inside a
 * cluster's output maps to the cluster's start, so a range never splits a
 * character in the original.
 */
function normalizeWithMap(original: string): { text: string; map: Int32Array } {
  const parts: string[] = [];
  const map: number[] = [];
  let i = 0;
  while (i < original.length) {
    const start = i;
    i += codePointLength(original, i);
    while (i < original.length) {
      const len = codePointLength(original, i);
      if (!COMBINING.test(original.slice(i, i + len))) break;
      i += len;
    }
    const cluster = original.slice(start, i);
    const normalized = cluster.length === 1 ? cluster : cluster.normalize('NFC');
    parts.push(normalized);
    for (let k = 0; k < normalized.length; k++) map.push(start);
  }
  map.push(original.length);
  return { text: parts.join(''), map: Int32Array.from(map) };
}

function codePointLength(text: string, index: number): number {
  const c = text.charCodeAt(index);
  if (c >= 0xd800 && c <= 0xdbff && index + 1 < text.length) {
    const d = text.charCodeAt(index + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}
