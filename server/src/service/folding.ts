import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { PlanDocument, Section } from '../model';

/** Folds the header, each section, runs of comment lines, the recipients and the signature. */
export function foldingRanges(document: PlanDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    if (end > start) out.push({ startLine: start, endLine: end, ...(kind ? { kind } : {}) });
  };
  if (document.header.range) add(document.header.range.start.line, document.header.range.end.line, FoldingRangeKind.Imports);
  const section = (s: Section) => {
    add(s.range.start.line, s.range.end.line);
    s.children.forEach(section);
  };
  document.sections.forEach(section);
  let runStart = -1;
  let last = -2;
  for (const c of document.comments) {
    const line = c.range.start.line;
    if (line !== last + 1) {
      add(runStart, last, FoldingRangeKind.Comment);
      runStart = line;
    }
    last = line;
  }
  add(runStart, last, FoldingRangeKind.Comment);
  if (document.recipients) add(document.recipients.range.start.line, document.recipients.range.end.line);
  if (document.signature) add(document.signature.range.start.line, document.signature.range.end.line);
  return out;
}
