import type { IToken } from 'chevrotain';
import type { PlanDiagnostic, PlanDocument, PlanSystem } from '../model';
import { buildModel } from './build-model';
import { copyOf, firstSeparatorEnd, lexLines } from './lexer';
import type { TextMemo } from './memo';
import { groupedAlike, parseLines, type LineBlock } from './parser';
import { SourceText } from './source-text';

export interface ParseResult {
  document: PlanDocument;
  diagnostics: PlanDiagnostic[];
  /** The text with its NFC form and position mapping, for the stages after parsing. */
  source: SourceText;
}

/**
 * Parses a plan. Never throws: any text yields a model plus diagnostics with
 * LSP ranges (UTF-16, in the text as given, NFD or not). `system` is the
 * workspace's default system, used when the plan has no `Hệ:` line. `memo`
 * keeps what a version computed for the next version of the same document
 * (the editor's case); the result is the same with or without it.
 */
export function parsePlan(text: string, options: { system?: PlanSystem; memo?: TextMemo } = {}): ParseResult {
  const { memo } = options;
  const source = new SourceText(text, memo);
  try {
    // The last version's tokens and blocks are handed over (lexing moves them): none are kept should this version fail.
    const before = memo?.lexed;
    if (memo) memo.lexed = undefined;
    const { tokens, removed, added } = lexLines(source.text, before);
    const regrouped = before?.blocks && removed.length === added.length && removed.every((token, i) => groupedAlike(token, added[i]));
    const { blocks, errors } = regrouped ? { blocks: withLines(before.blocks!, removed, added), errors: [] } : parseLines(tokens);
    if (memo) memo.lexed = { text: source.text, tokens, blocks: errors.length ? undefined : blocks };
    const { document, diagnostics } = buildModel(source, blocks, options.system);
    for (const e of errors) {
      const start = Number.isFinite(e.token.startOffset) ? e.token.startOffset : source.text.length;
      diagnostics.push({ range: source.range(start, start + (e.token.image?.length ?? 0)), severity: 'error', code: 'syntax', message: `Lỗi cú pháp / Syntax error: ${e.message}` });
    }
    return { document, diagnostics, source };
  } catch (error) {
    // A bug of ours must not take the editor down: report it on the first line and keep an empty model.
    const end = source.position(Math.min(source.text.length, source.text.search(/\r|\n|$/)));
    return {
      document: emptyDocument(source.lineCount),
      diagnostics: [{ range: { start: { line: 0, character: 0 }, end }, severity: 'error', code: 'internal', message: `Lỗi nội bộ của kehoach / Internal error: ${(error as Error).message}` }],
      source,
    };
  }
}

/**
 * The model of a plan as far as its first `---` line: its number, kind, issuer, date, trích yếu and system as a
 * whole parse gives them (lines are lexed one by one, and the header ends at that line at the latest), for a
 * fraction of the work. A text without such a line is parsed whole.
 */
export function parseHeader(text: string, options: { system?: PlanSystem } = {}): PlanDocument {
  const end = firstSeparatorEnd(text);
  if (end < 0) return parsePlan(text, options).document;
  // A copy, not a slice: the header's values are slices of what is parsed, and a slice keeps the whole of the string it
  // was cut from alive, which would keep every plan's text for as long as its facts (a workspace's registry) live.
  return parsePlan(copyOf(text.slice(0, end)), options).document;
}

/** The last version's blocks with each line an edit replaced swapped for its new token (in place: they are the memo's alone). */
function withLines(blocks: LineBlock[], removed: IToken[], added: IToken[]): LineBlock[] {
  if (removed.length === 0) return blocks;
  const replaced = new Map(removed.map((token, i) => [token, added[i]]));
  for (const block of blocks) {
    for (let i = 0; i < block.lines.length; i++) block.lines[i] = replaced.get(block.lines[i]) ?? block.lines[i];
  }
  return blocks;
}

function emptyDocument(lineCount: number): PlanDocument {
  return {
    header: { fields: [], closed: false },
    system: { value: 'state', source: 'default' },
    official: { numberLine: 'Số:' },
    preamble: [],
    sections: [],
    appendices: [],
    comments: [],
    reviewNotes: [],
    citations: [],
    agencies: [],
    lineCount,
  };
}
