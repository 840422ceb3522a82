import type { IToken } from 'chevrotain';
import type { AuthorityKind, Block, PlanDocument, Recipient, RecipientList, SignatureBlock, SignatureLine } from '../model';
import { msg, trimmedSpan, type BuildContext } from './build-context';
import { fold, joinSpans, type LineSpan } from './inline';
import { lineContent } from './lexer';

/**
 * The closing of a plan: the closing sentence, `Nơi nhận:` with one
 * recipient a line, and `Ký:` with the authority, the title and the signer.
 */

const CLOSING_MARK = /(?:\.\/\.|\.\/-|\/\.)\s*$/;

const AUTHORITY = /^(TM|KT|Q|TL|TUQ)\.\s*|^(T\/M|K\/T|T\/L)\s+/u;

const isSpace = (c: string) => /\s/.test(c);

/**
 * A recipient's text read from its end: `name (annotation);` with annotation
 * and punctuation optional. Written out by hand: the pattern
 * `^(.*?)\s*(?:\(([^()]*)\))?\s*([;,.]?)\s*$` backtracks polynomially on a
 * long run of spaces (tests/pathological-regex.test.ts).
 */
function readRecipient(text: string): { name: string; annotation?: string; punctuation: string } {
  let end = text.length;
  const skipSpaces = () => {
    while (end > 0 && isSpace(text[end - 1])) end--;
  };
  skipSpaces();
  let punctuation = '';
  if (end > 0 && ';,.'.includes(text[end - 1])) {
    punctuation = text[end - 1];
    end--;
    skipSpaces();
  }
  let annotation: string | undefined;
  if (end > 0 && text[end - 1] === ')') {
    const open = text.lastIndexOf('(', end - 2);
    if (open >= 0 && !text.slice(open + 1, end - 1).includes(')')) {
      annotation = text.slice(open + 1, end - 1);
      end = open;
      skipSpaces();
    }
  }
  return { name: text.slice(0, end), annotation, punctuation };
}

/** The `Label:` at the start of a closing block's first line. */
function blockLabel(ctx: BuildContext, token: IToken) {
  const content = lineContent(token);
  const colon = content.indexOf(':');
  const start = token.startOffset + (content.length - content.trimStart().length);
  return { text: content.slice(0, colon).trim(), colon, range: ctx.rangeOf(start, token.startOffset + colon + 1) };
}

export function buildRecipients(ctx: BuildContext, lines: IToken[]): RecipientList {
  const label = lines[0];
  const { text: labelText, colon, range: labelRange } = blockLabel(ctx, label);
  const items: Recipient[] = [];
  let current: { spans: LineSpan[]; first: IToken; last: IToken } | undefined;
  const finish = () => {
    if (!current) return;
    const mapped = joinSpans(current.spans);
    const text = mapped.text;
    const m = readRecipient(text);
    const name = /[;,.]$/.test(m.name) ? m.name.slice(0, -1).trimEnd() : m.name;
    const isArchive = /^lưu\b/iu.test(name) || /^luu\b/i.test(fold(name));
    items.push({ text, name, annotation: m.annotation, punctuation: m.punctuation, isArchive, range: ctx.blockRange([current.first, current.last]) });
    if (!isArchive && name) ctx.agencies.push({ name, role: 'recipient', range: ctx.rangeOf(mapped.offsets[0], mapped.offsets[name.length]) });
    current = undefined;
  };
  const trailing = trimmedSpan(label, colon + 1);
  if (trailing.text)
    ctx.report(
      ctx.rangeOf(trailing.start, trailing.start + trailing.text.length),
      'warning',
      msg('Viết mỗi nơi nhận trên một dòng "- ..." dưới "Nơi nhận:"', 'Write each recipient on its own "- ..." line under "Nơi nhận:"'),
    );
  for (const token of lines.slice(1)) {
    const type = token.tokenType.name;
    if (type === 'CommentLine') {
      ctx.addComment(token);
      continue;
    }
    if (type === 'DashItemLine') {
      finish();
      const content = lineContent(token);
      const dash = /^[ \t\uFEFF]*\S/.exec(content)![0].length;
      const span = trimmedSpan(token, dash);
      current = { spans: span.text ? [span] : [], first: token, last: token };
    } else if (current) {
      current.spans.push(trimmedSpan(token));
      current.last = token;
    }
  }
  finish();
  const lastLine = lines[lines.length - 1];
  if (items.length === 0) ctx.report(labelRange, 'error', msg('"Nơi nhận:" chưa có nơi nhận nào (mỗi nơi nhận một dòng "- ...")', '"Nơi nhận:" lists no recipient (one "- ..." line each)'));
  return { label: labelText, labelRange, items, range: { start: labelRange.start, end: ctx.lineRange(lastLine).end } };
}

/** The lines of a `Ký:` block with text, the one after the label included, comments set apart. */
function signatureLines(ctx: BuildContext, lines: IToken[], colon: number): SignatureLine[] {
  const entries: SignatureLine[] = [];
  const sameLine = trimmedSpan(lines[0], colon + 1);
  if (sameLine.text) entries.push({ text: sameLine.text, range: ctx.rangeOf(sameLine.start, sameLine.start + sameLine.text.length) });
  for (const token of lines.slice(1)) {
    if (token.tokenType.name === 'CommentLine') {
      ctx.addComment(token);
      continue;
    }
    const span = trimmedSpan(token);
    if (span.text) entries.push({ text: span.text, range: ctx.rangeOf(span.start, span.start + span.text.length) });
  }
  return entries;
}

export function buildSignature(ctx: BuildContext, lines: IToken[]): SignatureBlock {
  const { colon, range: labelRange } = blockLabel(ctx, lines[0]);
  const entries = signatureLines(ctx, lines, colon);
  const signature: SignatureBlock = { labelRange, authorities: [], range: { start: labelRange.start, end: ctx.lineRange(lines[lines.length - 1]).end } };
  let i = 0;
  for (; i < entries.length; i++) {
    const m = AUTHORITY.exec(entries[i].text);
    if (!m) break;
    const kind = (m[1] ?? m[2]) as AuthorityKind;
    signature.authorities.push({ ...entries[i], kind });
  }
  const restLines = entries.slice(i);
  if (restLines.length >= 2) {
    signature.signer = restLines[restLines.length - 1];
    const titles = restLines.slice(0, -1);
    signature.title = { text: titles.map((t) => t.text).join(' '), range: { start: titles[0].range.start, end: titles[titles.length - 1].range.end } };
  } else if (restLines.length === 1) {
    // One line left: a name when it is not upper case, else a title still waiting for its signer.
    const only = restLines[0];
    if (only.text === only.text.toLocaleUpperCase('vi')) signature.title = only;
    else signature.signer = only;
  }
  if (entries.length === 0) ctx.report(labelRange, 'error', msg('"Ký:" chưa có dòng nào (thẩm quyền, chức vụ, họ tên người ký)', '"Ký:" has no lines (authority, title, signer)'));
  else if (!signature.signer) ctx.report(labelRange, 'warning', msg('Khối chữ ký chưa có họ tên người ký (dòng cuối)', 'The signature block has no signer name (last line)'));
  return signature;
}

/** The last paragraph of the body is the closing sentence when it reads like one. */
export function extractClosing(document: PlanDocument): void {
  // The last block in document order sits in the deepest last section.
  let owner: Block[] = document.preamble;
  for (let list = document.sections; list.length; list = list[list.length - 1].children) owner = list[list.length - 1].blocks;
  const candidate = owner[owner.length - 1];
  if (candidate?.kind === 'paragraph' && (/^trên đây\b/iu.test(candidate.text) || CLOSING_MARK.test(candidate.text))) {
    owner.pop();
    document.closing = candidate;
  }
}
