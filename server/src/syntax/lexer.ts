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

export const SeparatorLine = createToken({
  name: 'SeparatorLine',
  pattern: lineMatcher(`${LEAD}-{3,}[ \\t]*(?=\\r|\\n|$)`),
  line_breaks: true,
});

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

/** The content of a line token without its terminator. */
export function lineContent(token: IToken): string {
  return token.image.replace(/(?:\r\n|\r|\n)$/, '');
}
