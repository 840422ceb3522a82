import type { IToken } from 'chevrotain';
import type { AgencyMention, Citation, Comment, HeaderField, InlineRun, PlanDiagnostic, Position, Range, ReviewNote } from '../model';
import { findAgencies } from './agencies';
import { findCitations } from './citations';
import { makeDate } from './dates';
import { fold, parseInline, type LineSpan, type MappedText } from './inline';
import { lineContent } from './lexer';
import { memoized } from './memo';
import { findAnchor, NOTE_MARK, readNote } from './review-notes';
import type { SourceText } from './source-text';

/** A syntax message: Vietnamese, then English. */
export const msg = (vi: string, en: string) => `${vi} / ${en}`;

/** The part of a line between its leading and trailing spaces, with its source offset. */
export function trimmedSpan(token: IToken, skip = 0): LineSpan {
  const content = lineContent(token);
  let start = skip;
  while (start < content.length && /[ \t\uFEFF]/.test(content[start])) start++;
  let end = content.length;
  while (end > start && /[ \t]/.test(content[end - 1])) end--;
  return { start: token.startOffset + start, text: content.slice(start, end) };
}

/** A continuation line of a paragraph or item: its text, after the `\` of an escaped line. */
export function continuationSpan(token: IToken): LineSpan {
  return trimmedSpan(token, token.tokenType.name === 'EscapedLine' ? lineContent(token).indexOf('\\') + 1 : 0);
}

/** True when `a` comes after `b`. */
export function after(a: Position, b: Position): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}

/**
 * What the building of one model collects as it reads the blocks — the
 * syntax diagnostics, comments and review notes, the citations and agency
 * mentions of every text — and the ranges of the source it reads. The
 * builders of the header, the sections, the text blocks and the closing
 * blocks each take it.
 */
export class BuildContext {
  readonly diagnostics: PlanDiagnostic[] = [];
  readonly comments: Comment[] = [];
  readonly reviewNotes: ReviewNote[] = [];
  readonly citations: Citation[] = [];
  readonly agencies: AgencyMention[] = [];
  /** Header values with their source offsets, for finding citations in the trích yếu. */
  readonly fieldTexts = new Map<HeaderField, MappedText>();

  constructor(readonly src: SourceText) {}

  report(range: Range, severity: PlanDiagnostic['severity'], message: string): void {
    this.diagnostics.push({ range, severity, code: 'syntax', message });
  }

  rangeOf(start: number, end: number): Range {
    return this.src.range(start, end);
  }

  /** The range of a line's content (its end of line excluded). */
  lineRange(token: IToken): Range {
    const content = lineContent(token);
    return this.rangeOf(token.startOffset, token.startOffset + content.length);
  }

  /** From the first character of a block's first line to the last of its last line, spaces around left out. */
  blockRange(lines: IToken[]): Range {
    const first = trimmedSpan(lines[0]);
    const last = trimmedSpan(lines[lines.length - 1]);
    return this.rangeOf(first.start, last.start + last.text.length);
  }

  /** The `**` and `*` runs of a text, a mark left open reported and kept as a literal. */
  inline(mapped: MappedText): { runs: InlineRun[]; plain: MappedText } {
    const parsed = parseInline(mapped);
    for (const u of parsed.unclosed) {
      this.report(this.rangeOf(u.start, u.end), 'warning', msg(`Dấu ${u.mark} mở mà không đóng; được giữ như ký tự thường`, `${u.mark} opens and never closes; kept as a literal`));
    }
    const runs = parsed.runs.map((r) => ({ text: r.text, bold: r.bold, italic: r.italic, range: this.rangeOf(r.start, r.end) }));
    return { runs, plain: parsed.plain };
  }

  /** Finds citations and agency names in a text and adds them to the document. */
  scanText(plain: MappedText, role: AgencyMention['role']): void {
    const at = (i: number) => plain.offsets[Math.min(i, plain.text.length)];
    // Both finders read the text alone, not its offsets: an unchanged paragraph reuses its findings. They share its folded form.
    const memo = this.src.memo;
    const { citations, agencies } = memoized(
      memo,
      'scan',
      () => plain.text,
      () => {
        const folded = fold(plain.text);
        return { citations: findCitations(plain, folded), agencies: findAgencies(plain, folded) };
      },
    );
    for (const c of citations) {
      const citation: Citation = {
        typeWord: c.typeWord,
        docType: c.docType,
        numberText: c.numberText,
        serial: c.serial,
        year: c.year,
        ...(c.extraYear ? { extraYear: c.extraYear } : {}),
        symbol: c.symbol,
        key: [c.serial, c.year, c.symbol].filter((p) => p !== undefined).join('/'),
        hasStraySpaces: c.hasStraySpaces,
        typeWordRange: this.rangeOf(at(c.typeWord_.start), at(c.typeWord_.end)),
        numberRange: this.rangeOf(at(c.number_.start), at(c.number_.end)),
        range: this.rangeOf(at(c.start), at(c.end)),
      };
      if (c.date) {
        const date = makeDate(c.date.day, c.date.month, c.date.year);
        if (date) citation.date = { ...date, range: this.rangeOf(at(c.date.start), at(c.date.end)) };
      }
      if (c.issuer) {
        citation.issuer = c.issuer.text;
        citation.issuerRange = this.rangeOf(at(c.issuer.start), at(c.issuer.end));
      }
      this.citations.push(citation);
    }
    for (const a of agencies) {
      this.agencies.push({ name: a.name, role, range: this.rangeOf(at(a.start), at(a.end)) });
    }
  }

  /** A `//` line: a comment, or with `//@` a review note anchored on the words it quotes. */
  addComment(token: IToken): void {
    const content = lineContent(token);
    const slash = content.indexOf('//');
    const span = trimmedSpan(token, slash + 2);
    const start = token.startOffset + content.length - content.trimStart().length;
    const range = this.rangeOf(start, token.startOffset + content.trimEnd().length);
    if (!content.startsWith(NOTE_MARK, slash)) {
      this.comments.push({ text: span.text, range });
      return;
    }
    const note: ReviewNote = { ...readNote(content.slice(slash + NOTE_MARK.length)), range };
    if (note.anchor) {
      const at = findAnchor(this.src.text, start, note.anchor);
      if (at >= 0) note.anchorRange = this.rangeOf(at, at + note.anchor.length);
    }
    this.reviewNotes.push(note);
  }
}
