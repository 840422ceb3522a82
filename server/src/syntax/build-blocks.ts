import type { IToken } from 'chevrotain';
import type { ExplicitNumber, ItemMarkerKind, ListItem, Paragraph, Table, TableCell, TableRow } from '../model';
import { continuationSpan, msg, trimmedSpan, type BuildContext } from './build-context';
import { joinSpans } from './inline';
import { lineContent } from './lexer';
import { readExplicitNumber } from './numbering';

/**
 * The blocks of running text: paragraphs, list items and tables, each with
 * its inline runs, and the citations and agency mentions of its text.
 */

/**
 * A table's rule row: `|---|:--:|`, with or without the outer bars. Its
 * spaces are never two `[ \t]*` side by side, which would backtrack
 * polynomially on a long run of spaces (tests/pathological-regex.test.ts).
 */
const TABLE_SEPARATOR = /^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*(?::?-+:?[ \t]*)?$/;

export function buildParagraph(ctx: BuildContext, lines: IToken[]): Paragraph {
  const spans = lines.map(continuationSpan);
  const mapped = joinSpans(spans.filter((s) => s.text.length > 0));
  const inline = ctx.inline(mapped);
  if (lines[0].tokenType.name === 'HeaderLabel') {
    ctx.report(ctx.lineRange(lines[0]), 'information', msg('Nhãn của phần đầu văn bản nằm trong thân văn bản; được đọc như một đoạn văn', 'A header label in the body is read as paragraph text'));
  }
  ctx.scanText(inline.plain, 'mention');
  const text = inline.plain.text;
  const isSubheading = inline.runs.length > 0 && inline.runs.every((r) => r.bold || !r.text.trim());
  return { kind: 'paragraph', inlines: inline.runs, text, isSubheading, range: ctx.blockRange(lines) };
}

export function buildItem(ctx: BuildContext, lines: IToken[]): ListItem {
  const first = lines[0];
  const content = lineContent(first);
  const m = /^([ \t\uFEFF]*)(\S+)/.exec(content)!;
  const markerText = m[2];
  const markerStart = first.startOffset + m[1].length;
  const markerRange = ctx.rangeOf(markerStart, markerStart + markerText.length);
  let kind: ItemMarkerKind = markerText === '+' ? 'plus' : 'dash';
  let explicitNumber: ExplicitNumber | undefined;
  if (first.tokenType.name === 'NumberedItemLine') {
    const parsed = readExplicitNumber(markerText);
    kind = parsed?.kind === 'letter' ? 'letter' : 'number';
    if (parsed) explicitNumber = { ...parsed, range: markerRange };
  }
  const spans = [trimmedSpan(first, m[0].length), ...lines.slice(1).map(continuationSpan)];
  const inline = ctx.inline(joinSpans(spans.filter((s) => s.text.length > 0)));
  ctx.scanText(inline.plain, 'mention');
  return {
    kind: 'item',
    marker: { kind, text: markerText, range: markerRange },
    explicitNumber,
    indent: m[1].replace(/\uFEFF/g, '').length,
    inlines: inline.runs,
    text: inline.plain.text,
    range: ctx.blockRange(lines),
  };
}

/** The cells of a table row: split on unescaped pipes; the text before the first and after the last pipe is empty. */
function rowCells(ctx: BuildContext, token: IToken, content: string): TableCell[] {
  const cells: TableCell[] = [];
  const parts: { start: number; end: number }[] = [];
  let cellStart = content.indexOf('|') + 1;
  for (let i = cellStart; i <= content.length; i++) {
    if (i === content.length || (content[i] === '|' && content[i - 1] !== '\\')) {
      parts.push({ start: cellStart, end: i });
      cellStart = i + 1;
    }
  }
  if (parts.length > 1 && !content.slice(parts[parts.length - 1].start).trim()) parts.pop();
  for (const part of parts) {
    const raw = content.slice(part.start, part.end);
    const lead = raw.length - raw.trimStart().length;
    const span = { start: token.startOffset + part.start + lead, text: raw.trim().replace(/\\\|/g, '\\|') };
    const inline = ctx.inline(joinSpans([span]));
    ctx.scanText(inline.plain, 'mention');
    const start = span.start;
    cells.push({ inlines: inline.runs, text: inline.plain.text.replace(/\\\|/g, '|'), range: ctx.rangeOf(start, start + span.text.length) });
  }
  return cells;
}

export function buildTable(ctx: BuildContext, lines: IToken[]): Table {
  const rows: TableRow[] = [];
  let hasHeaderRow = false;
  lines.forEach((token, index) => {
    const content = lineContent(token);
    if (TABLE_SEPARATOR.test(content)) {
      if (index === 1) hasHeaderRow = true;
      return;
    }
    rows.push({ cells: rowCells(ctx, token, content), range: ctx.lineRange(token) });
  });
  const width = rows[0]?.cells.length ?? 0;
  for (const row of rows.slice(1)) {
    if (row.cells.length !== width) {
      ctx.report(row.range, 'warning', msg(`Hàng có ${row.cells.length} ô, hàng đầu có ${width} ô`, `Row has ${row.cells.length} cells, the first row ${width}`));
    }
  }
  return { kind: 'table', hasHeaderRow, rows, range: ctx.blockRange(lines) };
}
