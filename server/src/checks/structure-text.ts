import type { PlanDocument, Range } from '../model';
import { SourceText } from '../syntax/source-text';

/**
 * Helpers shared by the structure rules (`structure-*`, `header-*`,
 * `closing-mark`, `recipients-*`, `signature-*`): the raw text under a model
 * range with exact positions, where to anchor a finding about something
 * missing at the end.
 */

/**
 * The text of the source under `range`, as typed (inline marks, line breaks
 * and indentation included) but in NFC, with the range of any slice of it.
 * Works the same on NFD input: a slice never splits a character.
 */
export class RawSpan {
  /** NFC text of the slice. */
  readonly text: string;
  private readonly local: SourceText;
  private readonly base: number;

  constructor(
    private readonly source: SourceText,
    range: Range,
  ) {
    this.base = source.offsetOf(range.start);
    const end = Math.max(this.base, source.offsetOf(range.end));
    this.local = new SourceText(source.original.slice(this.base, end));
    this.text = this.local.text;
  }

  /** The LSP range of `text.slice(start, end)`. */
  rangeOf(start: number, end: number): Range {
    return {
      start: this.source.positionOfOriginal(this.base + this.local.originalOffset(start)),
      end: this.source.positionOfOriginal(this.base + this.local.originalOffset(end)),
    };
  }

  /** Index just after the last character that is not white space (0 when all is space). */
  get trimmedEnd(): number {
    return this.text.trimEnd().length;
  }
}

/** The anchor for a finding about something missing at the end: the recipients, the closing, the last heading, the header. */
export function endAnchor(document: PlanDocument): Range {
  const lastSection = document.sections[document.sections.length - 1];
  return (
    document.recipients?.labelRange ??
    document.signature?.labelRange ??
    document.closing?.range ??
    lastSection?.headingRange ??
    document.header.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
  );
}
