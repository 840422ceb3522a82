import type { IToken } from 'chevrotain';
import type { Appendix, ExplicitNumber, PlanDocument, Range, Section } from '../model';
import { after, msg, trimmedSpan, type BuildContext } from './build-context';
import { fold, joinSpans, type LineSpan } from './inline';
import { lineContent } from './lexer';
import { formatHeadingNumber, readExplicitNumber } from './numbering';

/**
 * The section tree: a heading's own reading (level, typed number, title),
 * its place in the tree (ordinal, path, the number the system gives it), the
 * assignee a heading of Tổ chức thực hiện names, appendices, and the ranges
 * of sections closed over what they hold.
 */

/** A heading line: `## 2. Title`, its level capped at four, its typed number apart from its title. */
export function buildHeading(ctx: BuildContext, token: IToken): Section {
  const content = lineContent(token);
  const m = /^([ \t\uFEFF]*)(#+)/.exec(content)!;
  const hashes = m[2].length;
  const range = ctx.lineRange(token);
  let level = hashes;
  if (hashes > 4) {
    ctx.report(
      ctx.rangeOf(token.startOffset + m[1].length, token.startOffset + m[0].length),
      'error',
      msg(`Đề mục chỉ có tối đa 4 cấp (#### ); ở đây có ${hashes} dấu #`, `Headings go four levels deep at most; this one has ${hashes} #`),
    );
    level = 4;
  }
  const titleSpan = trimmedSpan(token, m[0].length);
  const text = titleSpan.text;
  let textStart = titleSpan.start;
  // A number may also sit inside bold marks (`**1. Tăng cường …**`), as pasted from Word.
  const boldLead = text.startsWith('**') ? 2 : 0;
  const parsed = readExplicitNumber(text.slice(boldLead));
  if (parsed) {
    const numberStart = textStart + boldLead;
    const explicitNumber: ExplicitNumber = { ...parsed, range: ctx.rangeOf(numberStart, numberStart + parsed.text.length) };
    const rest = text.slice(boldLead + parsed.text.length);
    const skipped = rest.length - rest.trimStart().length;
    // Keep offsets: the marks before the number stay, the number and its space go.
    const spans: LineSpan[] = boldLead
      ? [
          { start: textStart, text: '**' },
          { start: numberStart + parsed.text.length + skipped, text: rest.trimStart() },
        ]
      : [{ start: numberStart + parsed.text.length + skipped, text: rest.trimStart() }];
    return makeSection(ctx, level, spans, explicitNumber, range);
  }
  if (!text) textStart = token.startOffset + content.length;
  return makeSection(ctx, level, text ? [{ start: textStart, text }] : [], undefined, range);
}

function makeSection(ctx: BuildContext, level: number, spans: LineSpan[], explicitNumber: ExplicitNumber | undefined, headingRange: Range): Section {
  const inline = ctx.inline(joinSpans(spans, ''));
  const title = inline.plain.text.trim();
  if (!title) ctx.report(headingRange, 'error', msg('Đề mục chưa có tên', 'Heading without a title'));
  else ctx.scanText(inline.plain, 'mention');
  return {
    level,
    titleInlines: inline.runs,
    title,
    explicitNumber,
    ordinal: 0,
    path: [],
    computedNumber: '',
    headingRange,
    range: headingRange,
    blocks: [],
    children: [],
  };
}

/**
 * Where the sections being read stand: the open sections from level 1 down
 * (`stack`) and the appendix being read, if any; `container` is where the
 * next block goes.
 */
export class SectionTree {
  private readonly stack: Section[] = [];
  private appendix: Appendix | undefined;

  constructor(
    private readonly ctx: BuildContext,
    private readonly document: PlanDocument,
  ) {}

  container() {
    const { stack } = this;
    return this.appendix ? this.appendix.blocks : stack.length ? stack[stack.length - 1].blocks : this.document.preamble;
  }

  /**
   * Places a heading in the tree as a section of its own (the heading's
   * reading may be shared with another version): under the nearest open
   * section of a lower level, numbered after its siblings.
   */
  addHeading(heading: Section): void {
    const { stack, ctx, document } = this;
    const section: Section = { ...heading, ordinal: 0, path: [], computedNumber: '', range: heading.headingRange, blocks: [], children: [] };
    this.appendix = undefined;
    while (stack.length && stack[stack.length - 1].level >= section.level) stack.pop();
    const siblings = stack.length ? stack[stack.length - 1].children : document.sections;
    const parentPath = stack.length ? stack[stack.length - 1].path : [];
    if (stack.length && section.level > stack[stack.length - 1].level + 1) {
      ctx.report(
        section.headingRange,
        'warning',
        msg(`Đề mục nhảy từ cấp ${stack[stack.length - 1].level} xuống cấp ${section.level}`, `Heading level jumps from ${stack[stack.length - 1].level} to ${section.level}`),
      );
    }
    section.ordinal = siblings.length + 1;
    section.path = [...parentPath, section.ordinal];
    section.computedNumber = formatHeadingNumber(document.system.value, section.level, section.ordinal);
    siblings.push(section);
    stack.push(section);
    if (section.level >= 2 && /to chuc thuc hien/.test(fold(stack[0].title)) && section.title) this.addAssignee(section);
  }

  /** A heading under Tổ chức thực hiện names the body it assigns: the title is that body, the mentions inside it go. */
  private addAssignee(section: Section): void {
    const { agencies } = this.ctx;
    // `Đề nghị Ủy ban Mặt trận …`, `Khuyến khích các doanh nghiệp …`: the verb is not part of the name.
    const name = section.title.replace(/[:.]\s*$/, '').replace(/^(?:Đề nghị|Khuyến khích|Giao)\s+/u, '');
    const inside = (r: Range) => !after(section.headingRange.start, r.start) && !after(r.end, section.headingRange.end);
    for (let i = agencies.length - 1; i >= 0 && inside(agencies[i].range); i--) agencies.splice(i, 1);
    const runs = section.titleInlines;
    const titleRange = runs.length ? { start: runs[0].range.start, end: runs[runs.length - 1].range.end } : section.headingRange;
    agencies.push({ name, role: 'assignee', range: titleRange });
  }

  /** `Phụ lục II: title`: an appendix, after which blocks go into it and no section is open. */
  addAppendix(token: IToken): void {
    const content = lineContent(token);
    const m = /^[ \t\uFEFF]*\S+[ \t]+\S+(?:[ \t]+([0-9IVXLivxl]{1,6}))?[ \t]*:/u.exec(content)!;
    const title = trimmedSpan(token, m[0].length);
    this.appendix = { label: m[1], title: title.text, blocks: [], range: this.ctx.lineRange(token) };
    this.document.appendices.push(this.appendix);
    this.stack.length = 0;
  }
}

/** Each section's range from its heading to the end of the last thing it holds; each appendix's to its last block. */
export function closeRanges(document: PlanDocument): void {
  for (const section of document.sections) closeSection(section);
  for (const a of document.appendices) {
    const end = a.blocks[a.blocks.length - 1]?.range.end;
    if (end) a.range = { start: a.range.start, end };
  }
}

function closeSection(section: Section): void {
  let end = section.headingRange.end;
  const lastBlock = section.blocks[section.blocks.length - 1];
  if (lastBlock && after(lastBlock.range.end, end)) end = lastBlock.range.end;
  for (const child of section.children) {
    closeSection(child);
    if (after(child.range.end, end)) end = child.range.end;
  }
  section.range = { start: section.headingRange.start, end };
}
