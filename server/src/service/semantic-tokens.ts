import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { PlanDocument, Range, Section } from '../model';

/**
 * Our own token types, each declared in package.json
 * (`contributes.semanticTokenTypes`) with the standard type a theme falls
 * back to: label → property, citation → string, agency → class,
 * heading → namespace, date → number.
 */
export const SEMANTIC_TOKEN_TYPES = ['label', 'citation', 'agency', 'heading', 'date'] as const;
type TokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...SEMANTIC_TOKEN_TYPES], tokenModifiers: [] };

/**
 * Later kinds are painted over earlier ones where they overlap: a heading
 * line is a heading except for the agency it names, a citation except for
 * its date.
 */
const PRIORITY: TokenType[] = ['heading', 'citation', 'agency', 'label', 'date'];

/**
 * Semantic tokens: header labels (and `Nơi nhận:`, `Ký:`), citations,
 * agencies, headings and dates, encoded relative as LSP wants, one line at a
 * time (ranges over several lines are split at line ends).
 */
export function semanticTokens(document: PlanDocument, text: string): SemanticTokens {
  const lines = text.split(/\r\n|\r|\n/);
  const painted = new Map<number, Int8Array>();
  const paint = (range: Range, type: TokenType) => {
    const value = SEMANTIC_TOKEN_TYPES.indexOf(type) + 1;
    for (let line = range.start.line; line <= range.end.line && line < lines.length; line++) {
      const length = lines[line].length;
      const from = line === range.start.line ? range.start.character : 0;
      const to = Math.min(length, line === range.end.line ? range.end.character : length);
      if (to <= from) continue;
      let row = painted.get(line);
      if (!row) painted.set(line, (row = new Int8Array(length)));
      row.fill(value, from, to);
    }
  };
  const ranges: Record<TokenType, Range[]> = { heading: [], citation: [], agency: [], label: [], date: [] };
  const { header } = document;
  ranges.label.push(...header.fields.map((f) => f.labelRange));
  if (document.recipients) ranges.label.push(document.recipients.labelRange);
  if (document.signature) ranges.label.push(document.signature.labelRange);
  if (header.planDate) ranges.date.push(header.planDate.range);
  const walk = (s: Section) => {
    ranges.heading.push(s.headingRange);
    s.children.forEach(walk);
  };
  document.sections.forEach(walk);
  for (const c of document.citations) {
    ranges.citation.push(c.range);
    if (c.date) ranges.date.push(c.date.range);
  }
  ranges.agency.push(...document.agencies.map((a) => a.range));
  for (const type of PRIORITY) for (const range of ranges[type]) paint(range, type);

  const data: number[] = [];
  let lastLine = 0;
  let lastStart = 0;
  for (const line of [...painted.keys()].sort((a, b) => a - b)) {
    const row = painted.get(line)!;
    for (let start = 0; start < row.length;) {
      const value = row[start];
      let end = start + 1;
      while (end < row.length && row[end] === value) end++;
      if (value > 0) {
        data.push(line - lastLine, line === lastLine ? start - lastStart : start, end - start, value - 1, 0);
        lastLine = line;
        lastStart = start;
      }
      start = end;
    }
  }
  return { data };
}
