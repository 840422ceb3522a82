/**
 * The blocks every layout is made of, each through one constructor so that
 * the typography rules (`typography.ts`) hold for all: paragraphs, the
 * centred lines of the header and the closing blocks, drawn rules, a body's
 * name on the lines that fit its column.
 */
import type { InlineRun, NameLines, Range } from '../model';
import type { LayoutParagraph, LayoutRule, TextRun } from './layout-model';
import { capitalsWidthMm, estimateTextWidthMm } from './measure';
import type { SystemStyle } from './system-styles';
import { bindSpacedHyphens, nameLineTexts } from './typography';

/** Paragraph fields a caller may leave out: the neutral values. */
export type ParagraphInit = Partial<Omit<LayoutParagraph, 'kind' | 'role' | 'runs' | 'sizePt'>> & Pick<LayoutParagraph, 'role' | 'runs' | 'sizePt'>;

/** Every paragraph goes through here, so that the typography rules (`typography.ts`) hold for all of them. */
export function paragraph(init: ParagraphInit): LayoutParagraph {
  return {
    kind: 'paragraph',
    bold: false,
    italic: false,
    underline: false,
    align: 'left',
    firstLineIndentMm: 0,
    leftIndentMm: 0,
    spaceBeforePt: 0,
    spaceAfterPt: 0,
    lineSpacing: 1,
    keepWithNext: false,
    ...init,
    runs: bindSpacedHyphens(init.runs),
  };
}

/** A centred line of the header or the closing blocks, in one style. */
export function line(role: LayoutParagraph['role'], text: string, sizePt: number, style: Partial<ParagraphInit> = {}, source?: Range): LayoutParagraph {
  return paragraph({ role, runs: text ? [{ text, source }] : [], sizePt, align: 'center', keepWithNext: true, source, ...style });
}

export function rule(style: SystemStyle, role: LayoutRule['role'], widthMm: number, source?: Range): LayoutRule {
  const { thicknessPt, spaceBeforePt, spaceAfterPt } = style.rule;
  return { kind: 'rule', role, widthMm: Math.round(widthMm * 10) / 10, thicknessPt, align: 'center', spaceBeforePt, spaceAfterPt, keepWithNext: true, source };
}

export function runsOf(inlines: InlineRun[], transform: (s: string) => string = (s) => s): TextRun[] {
  return inlines.map((r) => ({ text: transform(r.text), ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}), source: r.range }));
}

export const upper = (s: string) => s.toLocaleUpperCase('vi');

/** The width of the longest line a text takes in a column, estimated. */
export function lineWidthMm(text: string, sizePt: number, bold: boolean, columnMm: number): number {
  return Math.min(columnMm, estimateTextWidthMm(text, sizePt, bold));
}

/** A body's name in the header as one centred paragraph, on the lines a drafter gives it in a column (`typography.ts`). */
export function nameParagraph(role: 'parent-body' | 'issuer', name: NameLines, sizePt: number, bold: boolean, columnMm: number, source?: Range): { block: LayoutParagraph; widthMm: number } {
  const lines = nameLineTexts(name, (text) => capitalsWidthMm(text, sizePt, bold) <= columnMm);
  const runs = lines.map((text, i): TextRun => ({ text, ...(i > 0 ? { breakBefore: true } : {}), source }));
  const widthMm = Math.min(columnMm, Math.max(...lines.map((text) => capitalsWidthMm(text, sizePt, bold))));
  return { block: line(role, '', sizePt, { bold, runs }, source), widthMm };
}

/** `Hello  World` counted as the number prints it: without stray spaces (`64 /KH-UBND` → `64/KH-UBND`). */
export const compact = (s: string) => s.replace(/\s+/g, '');

export function spanRange(a?: Range, b?: Range): Range | undefined {
  if (!a || !b) return a ?? b;
  return { start: a.start, end: b.end };
}
