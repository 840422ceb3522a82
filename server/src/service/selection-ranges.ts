import type { SelectionRange } from 'vscode-languageserver-types';
import type { Block, PlanDocument, Position, Range, Section } from '../model';
import { before, contains } from './positions';

function size(r: Range): number {
  // Lines dominate: a range over two lines is larger than any one-line range.
  return (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
}

function encloses(outer: Range, inner: Range): boolean {
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}

/** Every range of the model, from the whole plan down to one citation. */
function modelRanges(document: PlanDocument): Range[] {
  const ranges: Range[] = [];
  const header = document.header;
  if (header.range) ranges.push(header.range);
  for (const f of header.fields) ranges.push(f.range, f.valueRange);
  const blocks = (list: Block[]) => {
    for (const b of list) {
      ranges.push(b.range);
      if (b.kind === 'table') for (const row of b.rows) ranges.push(row.range, ...row.cells.map((c) => c.range));
    }
  };
  blocks(document.preamble);
  const section = (s: Section) => {
    ranges.push(s.range, s.headingRange);
    blocks(s.blocks);
    s.children.forEach(section);
  };
  document.sections.forEach(section);
  if (document.closing) ranges.push(document.closing.range);
  if (document.recipients) ranges.push(document.recipients.range, ...document.recipients.items.map((i) => i.range));
  if (document.signature) ranges.push(document.signature.range);
  for (const a of document.appendices) {
    ranges.push(a.range);
    blocks(a.blocks);
  }
  for (const c of document.citations) ranges.push(c.range, c.numberRange, c.typeWordRange, ...(c.date ? [c.date.range] : []), ...(c.issuerRange ? [c.issuerRange] : []));
  for (const a of document.agencies) ranges.push(a.range);
  return ranges;
}

/**
 * Expand selection: from the innermost construct at each position (a
 * citation's number, an agency, a header value) out through its block and
 * sections to the whole plan. Each range encloses the one before it.
 */
export function selectionRanges(document: PlanDocument, text: string, positions: Position[]): SelectionRange[] {
  const all = modelRanges(document);
  const lines = text.split(/\r\n|\r|\n/);
  const whole: Range = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
  return positions.map((p) => {
    const around = all.filter((r) => contains(r, p)).sort((a, b) => size(b) - size(a));
    let chain: SelectionRange = { range: whole };
    for (const range of around) {
      if (!encloses(chain.range, range) || size(range) === size(chain.range)) continue;
      chain = { range, parent: chain };
    }
    return chain;
  });
}
