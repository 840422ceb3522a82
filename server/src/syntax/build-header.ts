import type { IToken } from 'chevrotain';
import type { Header, HeaderField, HeaderKey, PlanSystem } from '../model';
import { msg, trimmedSpan, type BuildContext } from './build-context';
import { readDate } from './dates';
import { readConfidentiality, readDocumentNumber, readUrgency } from './header-values';
import { joinSpans, type LineSpan } from './inline';
import { HEADER_LABELS, lineContent } from './lexer';
import type { LineBlock } from './parser';

/**
 * The header of a plan from its block: `Label: value` fields (a value may
 * run on over indented lines), the `---` that closes it, the document number
 * and date read, and the urgency and confidentiality marks checked.
 */

/**
 * `Label: value`: the leading spaces, the label (without the spaces before
 * its colon) and the colon's index; none without a colon. Written out by
 * hand: the pattern `^([ \t\uFEFF]*)([^:]*?)[ \t]*:` backtracks polynomially
 * on a long run of spaces (tests/pathological-regex.test.ts).
 */
function labelOf(content: string): { lead: number; label: string; colon: number } | undefined {
  let lead = 0;
  while (lead < content.length && (content[lead] === ' ' || content[lead] === '\t' || content[lead] === '\uFEFF')) lead++;
  const colon = content.indexOf(':', lead);
  if (colon < 0) return undefined;
  let end = colon;
  while (end > lead && (content[end - 1] === ' ' || content[end - 1] === '\t')) end--;
  return { lead, label: content.slice(lead, end), colon };
}

/**
 * A header that is not closed but is followed, after a few `Label: value`
 * lines the lexer did not know, by `---`: those lines are unknown labels of
 * the header, not the body. Returns the header block extended with them and
 * how many blocks after the header it took.
 */
export function absorbUnknownLabels(ctx: BuildContext, blocks: LineBlock[], headerIndex: number): { block: LineBlock; consumed: number } {
  const header = blocks[headerIndex];
  const closed = header.lines.some((t) => t.tokenType.name === 'SeparatorLine');
  if (closed) return { block: header, consumed: 0 };
  const extra: IToken[] = [];
  for (let i = headerIndex + 1; i < blocks.length && i <= headerIndex + 8; i++) {
    const b = blocks[i];
    if (b.kind === 'separator') {
      for (const t of extra) ctx.report(ctx.lineRange(t), 'error', msg('Nhãn không có trong phần đầu văn bản (xem docs/syntax.vi.md)', 'Unknown header label (see docs/syntax.en.md)'));
      return { block: { kind: 'header', lines: [...header.lines, ...extra, ...b.lines] }, consumed: i - headerIndex };
    }
    if (b.kind === 'comment') {
      extra.push(...b.lines);
      continue;
    }
    if (b.kind !== 'paragraph' || !b.lines.every((t) => /^[^:\s][^:]{0,30}:/u.test(lineContent(t).trim()))) break;
    extra.push(...b.lines);
  }
  return { block: header, consumed: 0 };
}

/** The field a `Label:` line opens, with the value on its line; `key` undefined for a label the header does not know. */
function openField(ctx: BuildContext, token: IToken, label: { lead: number; label: string; colon: number }): { field: HeaderField; key?: HeaderKey; value: LineSpan } {
  const labelStart = token.startOffset + label.lead;
  const key = HEADER_LABELS[label.label.toLowerCase().replace(/[ \t]+/g, ' ')] as HeaderKey | undefined;
  const afterColon = token.startOffset + label.colon + 1;
  const field: HeaderField = {
    key: key ?? ('unknown' as HeaderKey),
    label: label.label.normalize('NFC'),
    value: '',
    labelRange: ctx.rangeOf(labelStart, labelStart + label.label.length),
    valueRange: ctx.rangeOf(afterColon, afterColon),
    range: ctx.rangeOf(labelStart, afterColon),
  };
  return { field, key, value: trimmedSpan(token, label.colon + 1) };
}

export function buildHeader(ctx: BuildContext, block: LineBlock): Header {
  const header: Header = { fields: [], closed: false };
  let current: { field: HeaderField; spans: LineSpan[] } | undefined;
  const finish = () => {
    if (!current) return;
    const { field, spans } = current;
    if (spans.length) {
      const joined = joinSpans(spans);
      field.value = joined.text;
      if (spans.length > 1) field.lines = spans.map((span) => span.text);
      ctx.fieldTexts.set(field, joined);
      field.valueRange = ctx.rangeOf(spans[0].start, joined.offsets[joined.text.length]);
      field.range = { start: field.labelRange.start, end: field.valueRange.end };
    }
    current = undefined;
  };
  let first: number | undefined;
  let last = 0;
  for (const token of block.lines) {
    const type = token.tokenType.name;
    const content = lineContent(token);
    first ??= token.startOffset;
    if (type !== 'BlankLine') last = token.startOffset + content.length;
    if (type === 'SeparatorLine') {
      finish();
      header.closed = true;
      continue;
    }
    if (type === 'CommentLine') {
      ctx.addComment(token);
      continue;
    }
    if (type === 'BlankLine') {
      finish();
      continue;
    }
    const labelMatch = labelOf(content);
    if (type === 'HeaderLabel' || (type === 'TextLine' && !/^[ \t]/.test(content) && labelMatch)) {
      finish();
      const { field, key, value } = openField(ctx, token, labelMatch!);
      current = { field, spans: value.text ? [value] : [] };
      if (!key) continue; // reported by absorbUnknownLabels; kept out of the fields
      const existing = header.fields.find((f) => f.key === key);
      if (existing) {
        ctx.report(field.labelRange, 'error', msg(`Nhãn "${labelMatch!.label}:" đã có ở dòng ${existing.labelRange.start.line + 1}`, `Duplicate header label "${labelMatch!.label}:"`));
        continue;
      }
      header.fields.push(field);
      continue;
    }
    // An indented line continues the value above it.
    const span = trimmedSpan(token);
    if (current) current.spans.push(span);
    else ctx.report(ctx.lineRange(token), 'error', msg('Dòng thụt lề không thuộc nhãn nào của phần đầu', 'Indented line belongs to no header label'));
  }
  finish();
  header.range = first !== undefined ? ctx.rangeOf(first, Math.max(first, last)) : undefined;
  for (const field of header.fields) (header as unknown as Record<string, HeaderField>)[field.key] = field;
  readValues(ctx, header);
  return header;
}

/** The header closed, its number and date read. */
function readValues(ctx: BuildContext, header: Header): void {
  if (!header.closed) {
    const at = header.fields[header.fields.length - 1]?.range ?? header.range!;
    ctx.report(at, 'error', msg('Phần đầu văn bản chưa được đóng bằng dòng ---', 'The header is not closed by a --- line'));
  }
  if (header.number?.value) {
    const parsed = readDocumentNumber(header.number.value);
    header.documentNumber = { text: header.number.value, ...parsed, range: header.number.valueRange };
  }
  if (header.date?.value) {
    const date = readDate(header.date.value);
    if (date) header.planDate = { ...date, range: header.date.valueRange };
    else ctx.report(header.date.valueRange, 'error', msg(`Ngày không hợp lệ: "${header.date.value}" (viết 17/11/2020)`, 'Invalid date (write 17/11/2020)'));
  }
}

/** The urgency and confidentiality marks must be ones the rules know, or they would not be printed. */
export function checkMarks(ctx: BuildContext, header: Header, system: PlanSystem): void {
  const { urgency, confidentiality } = header;
  if (urgency?.value && !readUrgency(urgency.value, system)) {
    const levels = system === 'party' ? 'Khẩn, Thượng khẩn, Hỏa tốc hoặc Hỏa tốc hẹn giờ' : 'Khẩn, Thượng khẩn hoặc Hỏa tốc';
    const levelsEn = system === 'party' ? 'Khẩn, Thượng khẩn, Hỏa tốc or Hỏa tốc hẹn giờ' : 'Khẩn, Thượng khẩn or Hỏa tốc';
    ctx.report(urgency.valueRange, 'error', msg(`Độ khẩn không rõ: "${urgency.value}"; dùng ${levels}`, `Unknown urgency; use ${levelsEn}`));
  }
  if (confidentiality?.value && !readConfidentiality(confidentiality.value)) {
    ctx.report(confidentiality.valueRange, 'error', msg(`Độ mật không rõ: "${confidentiality.value}"; dùng Mật, Tối mật hoặc Tuyệt mật`, 'Unknown confidentiality; use Mật, Tối mật or Tuyệt mật'));
  }
}
