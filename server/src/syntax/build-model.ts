import type { IToken } from 'chevrotain';
import type {
  AgencyMention,
  Appendix,
  AuthorityKind,
  Block,
  Citation,
  Comment,
  ExplicitNumber,
  Header,
  HeaderField,
  HeaderKey,
  InlineRun,
  ItemMarkerKind,
  ListItem,
  Paragraph,
  PlanDiagnostic,
  PlanDocument,
  PlanSystem,
  Recipient,
  RecipientList,
  ReviewNote,
  Section,
  SignatureBlock,
  SignatureLine,
  Table,
  TableCell,
  TableRow,
} from '../model';
import { findAgencies } from './agencies';
import { findCitations } from './citations';
import { makeDate, readDate } from './dates';
import { inferSystem, officialLines, readConfidentiality, readDocumentNumber, readSystem, readUrgency } from './header-values';
import { fold, joinSpans, parseInline, type LineSpan, type MappedText } from './inline';
import { HEADER_LABELS, lineContent } from './lexer';
import { memoized } from './memo';
import { formatHeadingNumber, readExplicitNumber } from './numbering';
import type { LineBlock } from './parser';
import { findAnchor, NOTE_MARK, readNote } from './review-notes';
import type { SourceText } from './source-text';

/**
 * Gives the line blocks their meaning: header fields, the section tree,
 * paragraphs and items with inline runs, citations and agencies, the closing
 * blocks. Guarantees: every line of the input ends up in the model (as
 * content or as a comment); every range lies inside the text.
 */
export function buildModel(src: SourceText, blocks: LineBlock[], defaultSystem?: PlanSystem): { document: PlanDocument; diagnostics: PlanDiagnostic[] } {
  return new ModelBuilder(src, defaultSystem).build(blocks);
}

const msg = (vi: string, en: string) => `${vi} / ${en}`;

/** The part of a line between its leading and trailing spaces, with its source offset. */
function trimmedSpan(token: IToken, skip = 0): LineSpan {
  const content = lineContent(token);
  let start = skip;
  while (start < content.length && /[ \t\uFEFF]/.test(content[start])) start++;
  let end = content.length;
  while (end > start && /[ \t]/.test(content[end - 1])) end--;
  return { start: token.startOffset + start, text: content.slice(start, end) };
}

const CLOSING_MARK = /(?:\.\/\.|\.\/-|\/\.)\s*$/;

/*
 * Three readings below are written out by hand rather than as one regular
 * expression each: the expressions (`^([ \t\uFEFF]*)([^:]*?)[ \t]*:`,
 * `^(.*?)\s*(?:\(([^()]*)\))?\s*([;,.]?)\s*$`, a table rule with two
 * adjacent `[ \t]*`) backtrack polynomially on a long run of spaces
 * (tests/pathological-regex.test.ts); these give the same results in one pass.
 */

/** `Label: value`: the leading spaces, the label (without the spaces before its colon) and the colon's index; none without a colon. */
function labelOf(content: string): { lead: number; label: string; colon: number } | undefined {
  let lead = 0;
  while (lead < content.length && (content[lead] === ' ' || content[lead] === '\t' || content[lead] === '\uFEFF')) lead++;
  const colon = content.indexOf(':', lead);
  if (colon < 0) return undefined;
  let end = colon;
  while (end > lead && (content[end - 1] === ' ' || content[end - 1] === '\t')) end--;
  return { lead, label: content.slice(lead, end), colon };
}

/** A table's rule row: `|---|:--:|`, with or without the outer bars. */
const TABLE_SEPARATOR = /^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*\|(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*(?::?-+:?[ \t]*)?$/;

const isSpace = (c: string) => /\s/.test(c);

/** A recipient's text read from its end: `name (annotation);` with annotation and punctuation optional. */
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
const AUTHORITY = /^(TM|KT|Q|TL|TUQ)\.\s*|^(T\/M|K\/T|T\/L)\s+/u;

class ModelBuilder {
  private readonly diagnostics: PlanDiagnostic[] = [];
  private readonly comments: Comment[] = [];
  private readonly reviewNotes: ReviewNote[] = [];
  private readonly citations: Citation[] = [];
  private readonly agencies: AgencyMention[] = [];
  /** Header values with their source offsets, for finding citations in the trích yếu. */
  private readonly fieldTexts = new Map<HeaderField, MappedText>();

  constructor(
    private readonly src: SourceText,
    private readonly defaultSystem?: PlanSystem,
  ) {}

  build(blocks: LineBlock[]): { document: PlanDocument; diagnostics: PlanDiagnostic[] } {
    let rest = blocks;
    const headerIndex = blocks.findIndex((b) => b.kind === 'header');
    let header: Header = { fields: [], closed: false };
    if (headerIndex >= 0) {
      const { block, consumed } = this.absorbUnknownLabels(blocks, headerIndex);
      header = this.buildHeader(block);
      rest = [...blocks.slice(0, headerIndex), ...blocks.slice(headerIndex + 1 + consumed)];
    }
    const explicit = header.system?.value ? readSystem(header.system.value) : undefined;
    if (header.system && header.system.value && !explicit) {
      this.report(header.system.valueRange, 'error', msg(`Hệ không rõ: "${header.system.value}"; dùng nhà nước, đảng hoặc đoàn thể`, 'Unknown system; use nhà nước, đảng or đoàn thể'));
    }
    const system = explicit
      ? { value: explicit, source: 'explicit' as const }
      : this.defaultSystem
        ? { value: this.defaultSystem, source: 'explicit' as const }
        : inferSystem(header.number?.value ? readDocumentNumber(header.number.value) : undefined, header.issuer?.value);
    this.checkMarks(header, system.value);

    const document: PlanDocument = {
      header,
      system,
      official: officialLines(header, system.value),
      preamble: [],
      sections: [],
      appendices: [],
      comments: this.comments,
      reviewNotes: this.reviewNotes,
      citations: this.citations,
      agencies: this.agencies,
      lineCount: this.src.lineCount,
    };
    const summary = header.summary && this.fieldTexts.get(header.summary);
    if (summary) this.scanText(summary, 'mention');
    this.buildBody(document, rest);
    this.citations.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { document, diagnostics: this.diagnostics };
  }

  /** The urgency and confidentiality marks must be ones the rules know, or they would not be printed. */
  private checkMarks(header: Header, system: PlanSystem): void {
    const { urgency, confidentiality } = header;
    if (urgency?.value && !readUrgency(urgency.value, system)) {
      const levels = system === 'party' ? 'Khẩn, Thượng khẩn, Hỏa tốc hoặc Hỏa tốc hẹn giờ' : 'Khẩn, Thượng khẩn hoặc Hỏa tốc';
      const levelsEn = system === 'party' ? 'Khẩn, Thượng khẩn, Hỏa tốc or Hỏa tốc hẹn giờ' : 'Khẩn, Thượng khẩn or Hỏa tốc';
      this.report(urgency.valueRange, 'error', msg(`Độ khẩn không rõ: "${urgency.value}"; dùng ${levels}`, `Unknown urgency; use ${levelsEn}`));
    }
    if (confidentiality?.value && !readConfidentiality(confidentiality.value)) {
      this.report(confidentiality.valueRange, 'error', msg(`Độ mật không rõ: "${confidentiality.value}"; dùng Mật, Tối mật hoặc Tuyệt mật`, 'Unknown confidentiality; use Mật, Tối mật or Tuyệt mật'));
    }
  }

  private report(range: PlanDiagnostic['range'], severity: PlanDiagnostic['severity'], message: string): void {
    this.diagnostics.push({ range, severity, code: 'syntax', message });
  }

  private rangeOf(start: number, end: number) {
    return this.src.range(start, end);
  }

  private lineRange(token: IToken) {
    const content = lineContent(token);
    return this.rangeOf(token.startOffset, token.startOffset + content.length);
  }

  // ---------------------------------------------------------------- header

  /**
   * A header that is not closed but is followed, after a few `Label: value`
   * lines the lexer did not know, by `---`: those lines are unknown labels of
   * the header, not the body. Returns the header block extended with them.
   */
  private absorbUnknownLabels(blocks: LineBlock[], headerIndex: number): { block: LineBlock; consumed: number } {
    const header = blocks[headerIndex];
    const closed = header.lines.some((t) => t.tokenType.name === 'SeparatorLine');
    if (closed) return { block: header, consumed: 0 };
    const extra: IToken[] = [];
    for (let i = headerIndex + 1; i < blocks.length && i <= headerIndex + 8; i++) {
      const b = blocks[i];
      if (b.kind === 'separator') {
        for (const t of extra) this.report(this.lineRange(t), 'error', msg('Nhãn không có trong phần đầu văn bản (xem docs/syntax.vi.md)', 'Unknown header label (see docs/syntax.en.md)'));
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

  private buildHeader(block: LineBlock): Header {
    const header: Header = { fields: [], closed: false };
    let current: { field: HeaderField; spans: LineSpan[] } | undefined;
    const finish = () => {
      if (!current) return;
      const { field, spans } = current;
      if (spans.length) {
        const joined = joinSpans(spans);
        field.value = joined.text;
        if (spans.length > 1) field.lines = spans.map((span) => span.text);
        this.fieldTexts.set(field, joined);
        field.valueRange = this.rangeOf(spans[0].start, joined.offsets[joined.text.length]);
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
        this.addComment(token);
        continue;
      }
      if (type === 'BlankLine') {
        finish();
        continue;
      }
      const labelMatch = labelOf(content);
      if (type === 'HeaderLabel' || (type === 'TextLine' && !/^[ \t]/.test(content) && labelMatch)) {
        finish();
        const m = labelMatch!;
        const labelStart = token.startOffset + m.lead;
        const labelText = m.label;
        const key = HEADER_LABELS[labelText.toLowerCase().replace(/[ \t]+/g, ' ')] as HeaderKey | undefined;
        const afterColon = token.startOffset + m.colon + 1;
        const field: HeaderField = {
          key: key ?? ('unknown' as HeaderKey),
          label: labelText.normalize('NFC'),
          value: '',
          labelRange: this.rangeOf(labelStart, labelStart + labelText.length),
          valueRange: this.rangeOf(afterColon, afterColon),
          range: this.rangeOf(labelStart, afterColon),
        };
        const value = trimmedSpan(token, m.colon + 1);
        current = { field, spans: value.text ? [value] : [] };
        if (!key) continue; // reported by absorbUnknownLabels; kept out of the fields
        const existing = header.fields.find((f) => f.key === key);
        if (existing) {
          this.report(field.labelRange, 'error', msg(`Nhãn "${labelText}:" đã có ở dòng ${existing.labelRange.start.line + 1}`, `Duplicate header label "${labelText}:"`));
          continue;
        }
        header.fields.push(field);
        continue;
      }
      // An indented line continues the value above it.
      const span = trimmedSpan(token);
      if (current) current.spans.push(span);
      else this.report(this.lineRange(token), 'error', msg('Dòng thụt lề không thuộc nhãn nào của phần đầu', 'Indented line belongs to no header label'));
    }
    finish();
    header.range = first !== undefined ? this.rangeOf(first, Math.max(first, last)) : undefined;
    for (const field of header.fields) (header as unknown as Record<string, HeaderField>)[field.key] = field;
    if (!header.closed) {
      const at = header.fields[header.fields.length - 1]?.range ?? header.range!;
      this.report(at, 'error', msg('Phần đầu văn bản chưa được đóng bằng dòng ---', 'The header is not closed by a --- line'));
    }
    if (header.number?.value) {
      const parsed = readDocumentNumber(header.number.value);
      header.documentNumber = { text: header.number.value, ...parsed, range: header.number.valueRange };
    }
    if (header.date?.value) {
      const date = readDate(header.date.value);
      if (date) header.planDate = { ...date, range: header.date.valueRange };
      else this.report(header.date.valueRange, 'error', msg(`Ngày không hợp lệ: "${header.date.value}" (viết 17/11/2020)`, 'Invalid date (write 17/11/2020)'));
    }
    return header;
  }


  // ------------------------------------------------------------------ body

  private buildBody(document: PlanDocument, blocks: LineBlock[]): void {
    const stack: Section[] = [];
    let appendix: Appendix | undefined;
    const container = (): Block[] => (appendix ? appendix.blocks : stack.length ? stack[stack.length - 1].blocks : document.preamble);
    const inOrganisation = () => stack.length > 0 && /to chuc thuc hien/.test(fold(stack[0].title));

    for (const block of blocks) {
      switch (block.kind) {
        case 'comment':
          this.addComment(block.lines[0]);
          break;
        case 'header':
          break;
        case 'separator':
          this.report(this.lineRange(block.lines[0]), 'information', msg('Dòng --- chỉ dùng để đóng phần đầu văn bản; dòng này bị bỏ qua', 'A --- line only closes the header; this one is ignored'));
          break;
        case 'heading': {
          // The heading's own reading is reused; what its place in the tree decides is set below, on a section of its own.
          const heading = this.reused('block-heading', block.lines, () => this.buildHeading(block.lines[0]));
          const section: Section = { ...heading, ordinal: 0, path: [], computedNumber: '', range: heading.headingRange, blocks: [], children: [] };
          appendix = undefined;
          while (stack.length && stack[stack.length - 1].level >= section.level) stack.pop();
          const siblings = stack.length ? stack[stack.length - 1].children : document.sections;
          const parentPath = stack.length ? stack[stack.length - 1].path : [];
          if (stack.length && section.level > stack[stack.length - 1].level + 1) {
            this.report(section.headingRange, 'warning', msg(`Đề mục nhảy từ cấp ${stack[stack.length - 1].level} xuống cấp ${section.level}`, `Heading level jumps from ${stack[stack.length - 1].level} to ${section.level}`));
          }
          section.ordinal = siblings.length + 1;
          section.path = [...parentPath, section.ordinal];
          section.computedNumber = formatHeadingNumber(document.system.value, section.level, section.ordinal);
          siblings.push(section);
          stack.push(section);
          if (section.level >= 2 && inOrganisation() && section.title) {
            // `Đề nghị Ủy ban Mặt trận …`, `Khuyến khích các doanh nghiệp …`: the verb is not part of the name.
            const name = section.title.replace(/[:.]\s*$/, '').replace(/^(?:Đề nghị|Khuyến khích|Giao)\s+/u, '');
            // The heading names the assignee; drop the plain mentions found inside it.
            const inside = (r: Section['range']) => !after(section.headingRange.start, r.start) && !after(r.end, section.headingRange.end);
            for (let i = this.agencies.length - 1; i >= 0 && inside(this.agencies[i].range); i--) this.agencies.splice(i, 1);
            const runs = section.titleInlines;
            const titleRange = runs.length ? { start: runs[0].range.start, end: runs[runs.length - 1].range.end } : section.headingRange;
            this.agencies.push({ name, role: 'assignee', range: titleRange });
          }
          break;
        }
        case 'paragraph':
          container().push(this.reused('block-paragraph', block.lines, () => this.buildParagraph(block.lines)));
          break;
        case 'item':
          container().push(this.reused('block-item', block.lines, () => this.buildItem(block.lines)));
          break;
        case 'table':
          container().push(this.reused('block-table', block.lines, () => this.buildTable(block.lines)));
          break;
        case 'recipients':
          if (document.recipients) this.report(this.lineRange(block.lines[0]), 'error', msg('Khối "Nơi nhận:" thứ hai', 'A second "Nơi nhận:" block'));
          else document.recipients = this.buildRecipients(block.lines);
          break;
        case 'signature':
          if (document.signature) this.report(this.lineRange(block.lines[0]), 'error', msg('Khối "Ký:" thứ hai', 'A second "Ký:" block'));
          else document.signature = this.buildSignature(block.lines);
          break;
        case 'appendix': {
          const token = block.lines[0];
          const content = lineContent(token);
          const m = /^[ \t\uFEFF]*\S+[ \t]+\S+(?:[ \t]+([0-9IVXLivxl]{1,6}))?[ \t]*:/u.exec(content)!;
          const title = trimmedSpan(token, m[0].length);
          appendix = { label: m[1], title: title.text, blocks: [], range: this.lineRange(token) };
          document.appendices.push(appendix);
          stack.length = 0;
          break;
        }
      }
    }
    this.extractClosing(document);
    for (const section of document.sections) this.closeRanges(section);
    for (const a of document.appendices) {
      const end = a.blocks[a.blocks.length - 1]?.range.end;
      if (end) a.range = { start: a.range.start, end };
    }
  }

  private buildHeading(token: IToken): Section {
    const content = lineContent(token);
    const m = /^([ \t\uFEFF]*)(#+)/.exec(content)!;
    const hashes = m[2].length;
    const range = this.lineRange(token);
    let level = hashes;
    if (hashes > 4) {
      this.report(this.rangeOf(token.startOffset + m[1].length, token.startOffset + m[0].length), 'error', msg(`Đề mục chỉ có tối đa 4 cấp (#### ); ở đây có ${hashes} dấu #`, `Headings go four levels deep at most; this one has ${hashes} #`));
      level = 4;
    }
    const titleSpan = trimmedSpan(token, m[0].length);
    let explicitNumber: ExplicitNumber | undefined;
    let text = titleSpan.text;
    let textStart = titleSpan.start;
    // A number may also sit inside bold marks (`**1. Tăng cường …**`), as pasted from Word.
    const boldLead = text.startsWith('**') ? 2 : 0;
    const parsed = readExplicitNumber(text.slice(boldLead));
    if (parsed) {
      const numberStart = textStart + boldLead;
      explicitNumber = { ...parsed, range: this.rangeOf(numberStart, numberStart + parsed.text.length) };
      const after = text.slice(boldLead + parsed.text.length);
      const skipped = after.length - after.trimStart().length;
      text = text.slice(0, boldLead) + after.trimStart();
      // Keep offsets: the marks before the number stay, the number and its space go.
      const spans: LineSpan[] = boldLead ? [{ start: textStart, text: '**' }, { start: numberStart + parsed.text.length + skipped, text: after.trimStart() }] : [{ start: numberStart + parsed.text.length + skipped, text: after.trimStart() }];
      return this.makeSection(level, spans, explicitNumber, range);
    }
    if (!text) textStart = token.startOffset + content.length;
    return this.makeSection(level, text ? [{ start: textStart, text }] : [], explicitNumber, range);
  }

  private makeSection(level: number, spans: LineSpan[], explicitNumber: ExplicitNumber | undefined, headingRange: Section['headingRange']): Section {
    const mapped = joinSpans(spans, '');
    const inline = this.inline(mapped);
    const title = inline.plain.text.trim();
    if (!title) this.report(headingRange, 'error', msg('Đề mục chưa có tên', 'Heading without a title'));
    else this.scanText(inline.plain, 'mention');
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

  private inline(mapped: MappedText): { runs: InlineRun[]; plain: MappedText } {
    const parsed = parseInline(mapped);
    for (const u of parsed.unclosed) {
      this.report(this.rangeOf(u.start, u.end), 'warning', msg(`Dấu ${u.mark} mở mà không đóng; được giữ như ký tự thường`, `${u.mark} opens and never closes; kept as a literal`));
    }
    const runs = parsed.runs.map((r) => ({ text: r.text, bold: r.bold, italic: r.italic, range: this.rangeOf(r.start, r.end) }));
    return { runs, plain: parsed.plain };
  }

  /** Finds citations and agency names in a text and adds them to the document. */
  private scanText(plain: MappedText, role: AgencyMention['role']): void {
    const at = (i: number) => plain.offsets[Math.min(i, plain.text.length)];
    // Both finders read the text alone, not its offsets: an unchanged paragraph reuses its findings.
    const memo = this.src.memo;
    const { citations, agencies } = memoized(memo, 'scan', () => plain.text, () => ({ citations: findCitations(plain), agencies: findAgencies(plain) }));
    for (const c of citations) {
      const citation: Citation = {
        typeWord: c.typeWord,
        docType: c.docType,
        numberText: c.numberText,
        serial: c.serial,
        year: c.year,
        ...(c.extraYear ? { extraYear: c.extraYear } : {}),
        symbol: c.symbol,
        key: [c.serial, c.year, c.symbol].filter((p) => p !== undefined).join('/'),
        hasStraySpaces: c.hasStraySpaces,
        typeWordRange: this.rangeOf(at(c.typeWord_.start), at(c.typeWord_.end)),
        numberRange: this.rangeOf(at(c.number_.start), at(c.number_.end)),
        range: this.rangeOf(at(c.start), at(c.end)),
      };
      if (c.date) {
        const date = makeDate(c.date.day, c.date.month, c.date.year);
        if (date) citation.date = { ...date, range: this.rangeOf(at(c.date.start), at(c.date.end)) };
      }
      if (c.issuer) {
        citation.issuer = c.issuer.text;
        citation.issuerRange = this.rangeOf(at(c.issuer.start), at(c.issuer.end));
      }
      this.citations.push(citation);
    }
    for (const a of agencies) {
      this.agencies.push({ name: a.name, role, range: this.rangeOf(at(a.start), at(a.end)) });
    }
  }

  /**
   * A heading, paragraph, item or table as an earlier version built it when
   * its lines are the same text (`src.memo`), with the citations, agency
   * mentions and diagnostics it added; built otherwise. Such a block's model
   * depends on its lines alone but for its line numbers: a range's character
   * is relative to its line, which starts the block's text. So the memo keeps
   * a copy made when it was built (never handed out: nothing downstream can
   * change it) and the blocks handed out at each line in this version and the
   * last, which a block still at its line shares (the usual case: an edit that
   * adds no line); at another line it is the copy moved by the difference.
   * Only for NFC text, where offsets are the editor's. A heading's section is
   * the caller's to complete (its place in the tree), on an object of its own.
   */
  private reused<T extends Block | Section>(kind: string, lines: IToken[], build: () => T): T {
    const memo = this.src.memo;
    if (!memo || !this.src.isNfc) return build();
    const first = lines[0].startOffset;
    const last = lines[lines.length - 1];
    const line = this.src.position(first).line;
    let built: BuiltBlock<T> | undefined;
    const entry = memo.get(kind, this.src.text.slice(first, last.startOffset + last.image.length), (): BlockEntry<T> => {
      const [citations, agencies, diagnostics] = [this.citations.length, this.agencies.length, this.diagnostics.length];
      built = { line, block: build(), citations: this.citations.slice(citations), agencies: this.agencies.slice(agencies), diagnostics: this.diagnostics.slice(diagnostics) };
      return { copy: shiftLines(built, 0), version: memo.version, at: new Map([[line, built]]), before: new Map() };
    });
    if (built) return built.block;
    if (entry.version !== memo.version) {
      entry.before = entry.at;
      entry.at = new Map();
      entry.version = memo.version;
    }
    let block = entry.at.get(line) ?? entry.before.get(line);
    if (!block) block = shiftLines(entry.copy, line - entry.copy.line);
    entry.at.set(line, block);
    this.citations.push(...block.citations);
    this.agencies.push(...block.agencies);
    this.diagnostics.push(...block.diagnostics);
    return block.block;
  }

  private buildParagraph(lines: IToken[]): Paragraph {
    const spans = lines.map((t) => trimmedSpan(t, t.tokenType.name === 'EscapedLine' ? lineContent(t).indexOf('\\') + 1 : 0));
    const mapped = joinSpans(spans.filter((s) => s.text.length > 0));
    const inline = this.inline(mapped);
    if (lines[0].tokenType.name === 'HeaderLabel') {
      this.report(this.lineRange(lines[0]), 'information', msg('Nhãn của phần đầu văn bản nằm trong thân văn bản; được đọc như một đoạn văn', 'A header label in the body is read as paragraph text'));
    }
    this.scanText(inline.plain, 'mention');
    const text = inline.plain.text;
    const isSubheading = inline.runs.length > 0 && inline.runs.every((r) => r.bold || !r.text.trim());
    return { kind: 'paragraph', inlines: inline.runs, text, isSubheading, range: this.blockRange(lines) };
  }

  private blockRange(lines: IToken[]) {
    const first = trimmedSpan(lines[0]);
    const lastToken = lines[lines.length - 1];
    const last = trimmedSpan(lastToken);
    return this.rangeOf(first.start, last.start + last.text.length);
  }

  private buildItem(lines: IToken[]): ListItem {
    const first = lines[0];
    const content = lineContent(first);
    const m = /^([ \t\uFEFF]*)(\S+)/.exec(content)!;
    const markerText = m[2];
    const markerStart = first.startOffset + m[1].length;
    const markerRange = this.rangeOf(markerStart, markerStart + markerText.length);
    let kind: ItemMarkerKind = markerText === '+' ? 'plus' : 'dash';
    let explicitNumber: ExplicitNumber | undefined;
    if (first.tokenType.name === 'NumberedItemLine') {
      const parsed = readExplicitNumber(markerText);
      kind = parsed?.kind === 'letter' ? 'letter' : 'number';
      if (parsed) explicitNumber = { ...parsed, range: markerRange };
    }
    const spans = [trimmedSpan(first, m[0].length), ...lines.slice(1).map((t) => trimmedSpan(t, t.tokenType.name === 'EscapedLine' ? lineContent(t).indexOf('\\') + 1 : 0))];
    const inline = this.inline(joinSpans(spans.filter((s) => s.text.length > 0)));
    this.scanText(inline.plain, 'mention');
    return {
      kind: 'item',
      marker: { kind, text: markerText, range: markerRange },
      explicitNumber,
      indent: m[1].replace(/\uFEFF/g, '').length,
      inlines: inline.runs,
      text: inline.plain.text,
      range: this.blockRange(lines),
    };
  }

  private buildTable(lines: IToken[]): Table {
    const rows: TableRow[] = [];
    let hasHeaderRow = false;
    lines.forEach((token, index) => {
      const content = lineContent(token);
      if (TABLE_SEPARATOR.test(content)) {
        if (index === 1) hasHeaderRow = true;
        return;
      }
      const cells: TableCell[] = [];
      // Split on unescaped pipes; the text before the first and after the last pipe is empty.
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
        const inline = this.inline(joinSpans([span]));
        this.scanText(inline.plain, 'mention');
        const start = span.start;
        cells.push({ inlines: inline.runs, text: inline.plain.text.replace(/\\\|/g, '|'), range: this.rangeOf(start, start + span.text.length) });
      }
      rows.push({ cells, range: this.lineRange(token) });
    });
    const width = rows[0]?.cells.length ?? 0;
    for (const row of rows.slice(1)) {
      if (row.cells.length !== width) {
        this.report(row.range, 'warning', msg(`Hàng có ${row.cells.length} ô, hàng đầu có ${width} ô`, `Row has ${row.cells.length} cells, the first row ${width}`));
      }
    }
    return { kind: 'table', hasHeaderRow, rows, range: this.blockRange(lines) };
  }

  /** The `Label:` at the start of a closing block's first line. */
  private blockLabel(token: IToken) {
    const content = lineContent(token);
    const colon = content.indexOf(':');
    const start = token.startOffset + (content.length - content.trimStart().length);
    return { text: content.slice(0, colon).trim(), colon, range: this.rangeOf(start, token.startOffset + colon + 1) };
  }

  private buildRecipients(lines: IToken[]): RecipientList {
    const label = lines[0];
    const { text: labelText, colon, range: labelRange } = this.blockLabel(label);
    const items: Recipient[] = [];
    let current: { spans: LineSpan[]; first: IToken; last: IToken } | undefined;
    const finish = () => {
      if (!current) return;
      const mapped = joinSpans(current.spans);
      const text = mapped.text;
      const m = readRecipient(text);
      const name = /[;,.]$/.test(m.name) ? m.name.slice(0, -1).trimEnd() : m.name;
      const isArchive = /^lưu\b/iu.test(name) || /^luu\b/i.test(fold(name));
      items.push({ text, name, annotation: m.annotation, punctuation: m.punctuation, isArchive, range: this.blockRange([current.first, current.last]) });
      if (!isArchive && name) this.agencies.push({ name, role: 'recipient', range: this.rangeOf(mapped.offsets[0], mapped.offsets[name.length]) });
      current = undefined;
    };
    const trailing = trimmedSpan(label, colon + 1);
    if (trailing.text) this.report(this.rangeOf(trailing.start, trailing.start + trailing.text.length), 'warning', msg('Viết mỗi nơi nhận trên một dòng "- ..." dưới "Nơi nhận:"', 'Write each recipient on its own "- ..." line under "Nơi nhận:"'));
    for (const token of lines.slice(1)) {
      const type = token.tokenType.name;
      if (type === 'CommentLine') {
        this.addComment(token);
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
    if (items.length === 0) this.report(labelRange, 'error', msg('"Nơi nhận:" chưa có nơi nhận nào (mỗi nơi nhận một dòng "- ...")', '"Nơi nhận:" lists no recipient (one "- ..." line each)'));
    return { label: labelText, labelRange, items, range: { start: labelRange.start, end: this.lineRange(lastLine).end } };
  }

  private buildSignature(lines: IToken[]): SignatureBlock {
    const label = lines[0];
    const { colon, range: labelRange } = this.blockLabel(label);
    const entries: SignatureLine[] = [];
    const sameLine = trimmedSpan(label, colon + 1);
    if (sameLine.text) entries.push({ text: sameLine.text, range: this.rangeOf(sameLine.start, sameLine.start + sameLine.text.length) });
    for (const token of lines.slice(1)) {
      if (token.tokenType.name === 'CommentLine') {
        this.addComment(token);
        continue;
      }
      const span = trimmedSpan(token);
      if (span.text) entries.push({ text: span.text, range: this.rangeOf(span.start, span.start + span.text.length) });
    }
    const signature: SignatureBlock = { labelRange, authorities: [], range: { start: labelRange.start, end: this.lineRange(lines[lines.length - 1]).end } };
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
    if (entries.length === 0) this.report(labelRange, 'error', msg('"Ký:" chưa có dòng nào (thẩm quyền, chức vụ, họ tên người ký)', '"Ký:" has no lines (authority, title, signer)'));
    else if (!signature.signer) this.report(labelRange, 'warning', msg('Khối chữ ký chưa có họ tên người ký (dòng cuối)', 'The signature block has no signer name (last line)'));
    return signature;
  }

  private addComment(token: IToken): void {
    const content = lineContent(token);
    const slash = content.indexOf('//');
    const span = trimmedSpan(token, slash + 2);
    const start = token.startOffset + content.length - content.trimStart().length;
    const range = this.rangeOf(start, token.startOffset + content.trimEnd().length);
    if (!content.startsWith(NOTE_MARK, slash)) {
      this.comments.push({ text: span.text, range });
      return;
    }
    const note: ReviewNote = { ...readNote(content.slice(slash + NOTE_MARK.length)), range };
    if (note.anchor) {
      const at = findAnchor(this.src.text, start, note.anchor);
      if (at >= 0) note.anchorRange = this.rangeOf(at, at + note.anchor.length);
    }
    this.reviewNotes.push(note);
  }

  /** The last paragraph of the body is the closing sentence when it reads like one. */
  private extractClosing(document: PlanDocument): void {
    // The last block in document order sits in the deepest last section.
    let owner: Block[] = document.preamble;
    for (let list = document.sections; list.length; list = list[list.length - 1].children) owner = list[list.length - 1].blocks;
    const candidate = owner[owner.length - 1];
    if (candidate?.kind === 'paragraph' && (/^trên đây\b/iu.test(candidate.text) || CLOSING_MARK.test(candidate.text))) {
      owner.pop();
      document.closing = candidate;
    }
  }

  private closeRanges(section: Section): void {
    let end = section.headingRange.end;
    const lastBlock = section.blocks[section.blocks.length - 1];
    if (lastBlock && after(lastBlock.range.end, end)) end = lastBlock.range.end;
    for (const child of section.children) {
      this.closeRanges(child);
      if (after(child.range.end, end)) end = child.range.end;
    }
    section.range = { start: section.headingRange.start, end };
  }
}

/** A block's model and what it added to the document, at `line` (see `reused`). */
interface BuiltBlock<T> {
  line: number;
  block: T;
  citations: Citation[];
  agencies: AgencyMention[];
  diagnostics: PlanDiagnostic[];
}

/** The memo's entry for a block's text: its copy, and the blocks handed out by line in the memo's `version` and the one before. */
interface BlockEntry<T> {
  copy: BuiltBlock<T>;
  version: number;
  at: Map<number, BuiltBlock<T>>;
  before: Map<number, BuiltBlock<T>>;
}

/** A deep copy of plain model data with every position `delta` lines further down (positions are the only objects with `line` and `character`). */
function shiftLines<T>(value: T, delta: number): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => shiftLines(v, delta)) as T;
  const record = value as Record<string, unknown>;
  if (typeof record.line === 'number' && typeof record.character === 'number') return { line: record.line + delta, character: record.character } as T;
  const copy: Record<string, unknown> = {};
  for (const key in record) copy[key] = shiftLines(record[key], delta);
  return copy as T;
}

function after(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}
