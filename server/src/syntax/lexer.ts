import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';

/**
 * Line tokens. The syntax is line-oriented: every token is one whole line,
 * its terminator included, and its type says how the line starts. The lexer
 * reads NFC text (see `SourceText`), so patterns need not know about NFD.
 *
 * Invariant: the token types cover every possible line (`TextLine` and
 * `BlankLine` match anything), so the lexer never reports an error and every
 * character belongs to exactly one token.
 */

const EOL = '(?:\\r\\n|\\r|\\n|$)';

/** Builds a custom matcher that only matches at the start of a line. */
function lineMatcher(body: string, flags = 'uy') {
  const re = new RegExp(`(?:${body})[^\\r\\n]*${EOL}`, flags);
  return (text: string, offset: number): RegExpExecArray | null => {
    if (offset > 0) {
      const prev = text.charCodeAt(offset - 1);
      if (prev !== 10 && prev !== 13) return null;
    }
    re.lastIndex = offset;
    const match = re.exec(text);
    // A zero-length match at the very end would loop forever.
    return match && match[0].length > 0 ? match : null;
  };
}

const LEAD = '[ \\t\\uFEFF]*';

export const HEADER_LABELS: Record<string, string> = {
  'cơ quan chủ quản': 'parentBody',
  'co quan chu quan': 'parentBody',
  'cơ quan': 'issuer',
  'co quan': 'issuer',
  số: 'number',
  so: 'number',
  'địa danh': 'place',
  'dia danh': 'place',
  ngày: 'date',
  ngay: 'date',
  loại: 'kind',
  loai: 'kind',
  'trích yếu': 'summary',
  'trich yeu': 'summary',
  hệ: 'system',
  he: 'system',
  'độ khẩn': 'urgency',
  'do khan': 'urgency',
  'mức độ khẩn': 'urgency',
  'muc do khan': 'urgency',
  'độ mật': 'confidentiality',
  'do mat': 'confidentiality',
  'mức độ mật': 'confidentiality',
  'muc do mat': 'confidentiality',
};

const headerLabelAlternatives = Object.keys(HEADER_LABELS)
  .sort((a, b) => b.length - a.length)
  .map((label) => label.replace(/ /g, '[ \\t]+'))
  .join('|');

export const BlankLine = createToken({
  name: 'BlankLine',
  pattern: lineMatcher(`${LEAD}(?=\\r|\\n|$)`),
  line_breaks: true,
});

export const CommentLine = createToken({
  name: 'CommentLine',
  pattern: lineMatcher(`${LEAD}\\/\\/`),
  line_breaks: true,
});

export const EscapedLine = createToken({
  name: 'EscapedLine',
  pattern: lineMatcher(`${LEAD}\\\\`),
  line_breaks: true,
});

/** A `---` line (the header's end), as the lexer matches it at a line's start. */
const separatorAt = lineMatcher(`${LEAD}-{3,}[ \\t]*(?=\\r|\\n|$)`);

export const SeparatorLine = createToken({
  name: 'SeparatorLine',
  pattern: separatorAt,
  line_breaks: true,
});

const LINE_BREAK = /\r\n|\r|\n/g;

/** Where the first `---` line of `text` ends, its line break left out, found line by line as the lexer would find it; -1 without one. */
export function firstSeparatorEnd(text: string): number {
  for (let at = 0; ;) {
    const line = separatorAt(text, at);
    if (line) return at + withoutLineBreak(line[0]).length;
    LINE_BREAK.lastIndex = at;
    const lineBreak = LINE_BREAK.exec(text);
    if (!lineBreak) return -1;
    at = lineBreak.index + lineBreak[0].length;
  }
}

export const HeadingLine = createToken({
  name: 'HeadingLine',
  pattern: lineMatcher(`${LEAD}#+(?=[ \\t\\r\\n]|$)`),
  line_breaks: true,
});

export const TableLine = createToken({
  name: 'TableLine',
  pattern: lineMatcher(`${LEAD}\\|`),
  line_breaks: true,
});

export const RecipientsLabel = createToken({
  name: 'RecipientsLabel',
  pattern: lineMatcher(`${LEAD}(?:nơi[ \\t]+nhận|noi[ \\t]+nhan)[ \\t]*:`, 'uyi'),
  line_breaks: true,
});

export const SignatureLabel = createToken({
  name: 'SignatureLabel',
  pattern: lineMatcher(`${LEAD}(?:ký|ky)[ \\t]*:`, 'uyi'),
  line_breaks: true,
});

export const AppendixLabel = createToken({
  name: 'AppendixLabel',
  pattern: lineMatcher(`${LEAD}(?:phụ[ \\t]+lục|phu[ \\t]+luc)(?:[ \\t]+[0-9IVXLivxl]{1,6})?[ \\t]*:`, 'uyi'),
  line_breaks: true,
});

export const HeaderLabel = createToken({
  name: 'HeaderLabel',
  pattern: lineMatcher(`${LEAD}(?:${headerLabelAlternatives})[ \\t]*:`, 'uyi'),
  line_breaks: true,
});

export const DashItemLine = createToken({
  name: 'DashItemLine',
  pattern: lineMatcher(`${LEAD}[-+•–](?=[ \\t\\r\\n]|$)`),
  line_breaks: true,
});

/** `1.` `1)` `1-` `2.3.` `a)` `đ)`: a number or one letter, punctuation, then a space. */
export const NumberedItemLine = createToken({
  name: 'NumberedItemLine',
  pattern: lineMatcher(`${LEAD}(?:\\d{1,3}(?:\\.\\d{1,3})*[.)-]|\\d{1,3}(?:\\.\\d{1,3})+|[a-zđ]\\))(?=[ \\t])`),
  line_breaks: true,
});

export const TextLine = createToken({
  name: 'TextLine',
  pattern: lineMatcher(''),
  line_breaks: true,
});

/** Order matters: the first matching type wins. */
export const allTokens: TokenType[] = [
  BlankLine,
  CommentLine,
  EscapedLine,
  SeparatorLine,
  HeadingLine,
  TableLine,
  RecipientsLabel,
  SignatureLabel,
  AppendixLabel,
  HeaderLabel,
  DashItemLine,
  NumberedItemLine,
  TextLine,
];

export const lineLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: false,
  skipValidations: true,
});

/** The line tokens of one version of a text, kept to lex the next version of it (`lexLines`). */
export interface LexedText {
  text: string;
  tokens: IToken[];
}

/** The tokens of a new version, and which of the last version's tokens the edit replaced (`removed`) by which (`added`). */
export interface Relexed {
  tokens: IToken[];
  removed: IToken[];
  added: IToken[];
}

/**
 * The line tokens of `text`, as `lineLexer` gives them. With `before`, the
 * tokens of an earlier version of the text, only the lines an edit touched
 * are lexed again: a line's type depends on the line alone, so the lines
 * before the first changed character keep their tokens, and the lines after
 * the last one keep theirs moved by the change in length. Those are moved in
 * place (no copy of the document's tokens per keystroke): `before` is stale
 * afterwards, and only the result may be kept for the next version.
 */
export function lexLines(text: string, before?: LexedText): Relexed {
  if (!before) {
    const { tokens } = lineLexer.tokenize(text);
    return { tokens, removed: [], added: tokens };
  }
  const { text: old, tokens } = before;
  if (old === text) return { tokens, removed: [], added: [] };
  const shorter = Math.min(old.length, text.length);
  const start = sharedLength(old, text, shorter);
  const end = sharedLength(old, text, shorter - start, true);
  // Kept before the edit: the lines ending before its first changed character, one shared character after them (a
  // `\r` that a `\n` would join). Kept after it: the lines starting after one shared character (the line break before them).
  const kept = firstIndex(tokens, (t) => t.startOffset + t.image.length >= start);
  const moved = firstIndex(tokens, (t) => t.startOffset > old.length - end, kept);
  const delta = text.length - old.length;
  const from = kept > 0 ? tokens[kept - 1].startOffset + tokens[kept - 1].image.length : 0;
  const to = moved < tokens.length ? tokens[moved].startOffset + delta : text.length;
  // The edited lines are lexed from a copy of their own: a token's image is a slice of what was lexed, and a slice of the
  // document would keep this version's whole text alive for as long as the token lives (every version that edited a line).
  const added = lineLexer.tokenize(copyOf(text.slice(from, to))).tokens;
  for (const token of added) token.startOffset += from;
  const after = tokens.slice(moved);
  if (delta !== 0) for (const token of after) token.startOffset += delta;
  return { tokens: [...tokens.slice(0, kept), ...added, ...after], removed: tokens.slice(kept, moved), added };
}

/** The first index from `low` whose token satisfies `past` (a predicate that stays true once true), or the length. */
function firstIndex(tokens: IToken[], past: (token: IToken) => boolean, low = 0): number {
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (past(tokens[mid])) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * How many code units two versions share at their start (or, `fromEnd`, at their end), at most `limit`: compared a
 * slice at a time, which the engine does natively, in chunks that grow while they match and shrink near the
 * difference; a loop over characters is several times slower on a document of a few hundred kilobytes.
 */
function sharedLength(a: string, b: string, limit: number, fromEnd = false): number {
  const piece = (text: string, at: number, size: number) => (fromEnd ? text.slice(text.length - at - size, text.length - at) : text.slice(at, at + size));
  const code = (text: string, at: number) => text.charCodeAt(fromEnd ? text.length - 1 - at : at);
  let at = 0;
  for (let size = 256; size >= 8;) {
    if (at + size <= limit && piece(a, at, size) === piece(b, at, size)) {
      at += size;
      size = Math.min(size * 2, 1 << 16);
    } else size >>= 1;
  }
  while (at < limit && code(a, at) === code(b, at)) at++;
  return at;
}

/** A string with the same characters as `text` that shares no memory with it (a concatenation made flat). */
export function copyOf(text: string): string {
  return ` ${text}`.slice(1);
}

/** The content of a line token without its terminator. */
export function lineContent(token: IToken): string {
  return withoutLineBreak(token.image);
}

function withoutLineBreak(line: string): string {
  return line.replace(/(?:\r\n|\r|\n)$/, '');
}
