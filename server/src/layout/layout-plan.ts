import type { Appendix, Block, HeaderField, InlineRun, PlanDocument, Range, Section, Table } from '../model';
import type { LayoutBlock, LayoutDocument, LayoutParagraph, LayoutRule, LayoutSection, LayoutTable, LayoutTableCell, TextRun } from './layout-model';
import { estimateTextWidthMm } from './measure';
import { paginate } from './paginate';
import { landscape, systemStyle, textWidthMm, type SystemStyle } from './system-styles';

/** Paragraph fields a caller may leave out: the neutral values. */
type ParagraphInit = Partial<Omit<LayoutParagraph, 'kind' | 'role' | 'runs' | 'sizePt'>> & Pick<LayoutParagraph, 'role' | 'runs' | 'sizePt'>;

function paragraph(init: ParagraphInit): LayoutParagraph {
  return {
    kind: 'paragraph',
    bold: false,
    italic: false,
    underline: false,
    align: 'left',
    firstLineIndentMm: 0,
    leftIndentMm: 0,
    spaceBeforePt: 0,
    spaceAfterPt: 0,
    lineSpacing: 1,
    keepWithNext: false,
    ...init,
  };
}

/** A centred line of the header or the closing blocks, in one style. */
function line(role: LayoutParagraph['role'], text: string, sizePt: number, style: Partial<ParagraphInit> = {}, source?: Range): LayoutParagraph {
  return paragraph({ role, runs: text ? [{ text, source }] : [], sizePt, align: 'center', keepWithNext: true, source, ...style });
}

function rule(role: LayoutRule['role'], widthMm: number, source?: Range): LayoutRule {
  return { kind: 'rule', role, widthMm: Math.round(widthMm * 10) / 10, thicknessPt: 0.75, align: 'center', spaceBeforePt: 4, spaceAfterPt: 3, keepWithNext: true, source };
}

function runsOf(inlines: InlineRun[], transform: (s: string) => string = (s) => s): TextRun[] {
  return inlines.map((r) => ({ text: transform(r.text), ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}), source: r.range }));
}

const upper = (s: string) => s.toLocaleUpperCase('vi');

/** Upper case for names typed in capitals or not (`Ủy ban nhân dân tỉnh` → `ỦY BAN NHÂN DÂN TỈNH`). */
function fieldText(field: HeaderField | undefined): string {
  return field ? upper(field.value) : '';
}

/** The width of the longest line a text takes in a column, estimated. */
function lineWidthMm(text: string, sizePt: number, bold: boolean, columnMm: number): number {
  return Math.min(columnMm, estimateTextWidthMm(text, sizePt, bold));
}

function spanRange(a?: Range, b?: Range): Range | undefined {
  if (!a || !b) return a ?? b;
  return { start: a.start, end: b.end };
}

class PlanLayout {
  private readonly style: SystemStyle;
  private readonly width: number;

  constructor(private readonly doc: PlanDocument) {
    this.style = systemStyle(doc.system.value);
    this.width = textWidthMm(this.style.page);
  }

  build(): LayoutDocument {
    const { doc, style } = this;
    const blocks: LayoutBlock[] = [this.headerTable(), ...this.titleBlocks()];
    blocks.push(...doc.preamble.map((b) => this.block(b, 'preamble')));
    for (const section of doc.sections) this.section(section, blocks);
    // The signature never stands alone on a page: the closing sentence goes with it.
    if (doc.closing) blocks.push({ ...this.bodyParagraph('closing', runsOf(doc.closing.inlines), doc.closing.range), keepWithNext: true });
    const closingBlocks = this.closingBlocks();
    if (closingBlocks) blocks.push(closingBlocks);
    const sections: LayoutSection[] = [{ kind: 'body', page: style.page, blocks }];
    for (const appendix of doc.appendices) sections.push(this.appendix(appendix));
    const header = doc.header;
    const kind = doc.official.kindTitle ?? '';
    return {
      system: doc.system.value,
      meta: {
        title: header.summary?.value || kind,
        author: header.issuer?.value ?? '',
        subject: [header.kind?.value, header.documentNumber?.text].filter(Boolean).join(' '),
        language: 'vi',
      },
      font: { family: 'Times New Roman', fallbacks: ['Tinos', 'Liberation Serif', 'serif'] },
      pageNumbering: { position: 'top-center', showOnFirstPage: false, sizePt: style.bodyPt, fromTopMm: 10 },
      sections,
      pages: paginate(sections),
    };
  }

  /**
   * The two-column header as a borderless table of two rows, so that `Số:`
   * and the place-and-date line share a baseline as in the models of
   * Nghị định 30/2020 (Phụ lục III) and Hướng dẫn 36-HD/VPTW.
   */
  private headerTable(): LayoutTable {
    const { doc, style } = this;
    const header = doc.header;
    const left = Math.round(this.width * style.headerLeftShare * 10) / 10;
    const right = Math.round((this.width - left) * 10) / 10;
    const party = doc.system.value === 'party';
    const issuer = fieldText(header.issuer);
    const issuerCell: LayoutTableCell['blocks'] = [];
    if (header.parentBody?.value) issuerCell.push(line('parent-body', fieldText(header.parentBody), style.parentBodyPt, {}, header.parentBody.valueRange));
    issuerCell.push(line('issuer', issuer, style.issuerPt, { bold: true }, header.issuer?.valueRange));
    if (party) issuerCell.push(line('issuer-mark', '*', style.issuerPt, {}, header.issuer?.valueRange));
    // The short rule is 1/3 to 1/2 of the issuer's line; 2/5 here.
    else if (issuer) issuerCell.push(rule('issuer-rule', 0.4 * lineWidthMm(issuer, style.issuerPt, true, left - 2), header.issuer?.valueRange));

    const nationCell: LayoutTableCell['blocks'] = [];
    if (party) {
      nationCell.push(line('party-line', doc.official.partyLine ?? 'ĐẢNG CỘNG SẢN VIỆT NAM', style.nationalTitlePt, { bold: true, underline: true }));
    } else {
      const motto = doc.official.motto ?? 'Độc lập - Tự do - Hạnh phúc';
      nationCell.push(line('national-title', doc.official.nationalTitle ?? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', style.nationalTitlePt, { bold: true }));
      nationCell.push(line('motto', motto, style.mottoPt, { bold: true }));
      // The Tiêu ngữ's rule is as long as its line.
      nationCell.push(rule('motto-rule', lineWidthMm(motto, style.mottoPt, true, right - 2)));
    }
    const dateSource = spanRange(header.place?.valueRange, header.date?.valueRange);
    const numberLine = header.number?.value ? doc.official.numberLine : party ? 'Số' : 'Số:';
    const cell = (blocks: LayoutTableCell['blocks']): LayoutTableCell => ({ blocks, verticalAlign: 'top' });
    return {
      kind: 'table',
      role: 'header',
      columnWidthsMm: [left, right],
      borders: false,
      rows: [
        { isHeader: false, cells: [cell(issuerCell), cell(nationCell)], source: header.issuer?.range },
        {
          isHeader: false,
          cells: [
            cell([line('number', numberLine, style.numberPt, { spaceBeforePt: 2 }, header.number?.valueRange)]),
            cell([line('place-date', doc.official.placeDateLine ?? '', style.placeDatePt, { italic: true, spaceBeforePt: 2 }, dateSource)]),
          ],
          source: spanRange(header.number?.range, header.date?.range),
        },
      ],
      spaceBeforePt: 0,
      spaceAfterPt: 12,
      cellPaddingMm: 1,
      keepWithNext: true,
      source: header.range,
    };
  }

  /** Tên loại, trích yếu and the rule (state) or `-----` (party) under it. */
  private titleBlocks(): LayoutBlock[] {
    const { doc, style } = this;
    const header = doc.header;
    const out: LayoutBlock[] = [];
    if (doc.official.kindTitle) out.push(line('kind-title', doc.official.kindTitle, style.kindTitlePt, { bold: true, spaceBeforePt: 6 }, header.kind?.valueRange));
    const summary = header.summary?.value;
    if (summary) {
      out.push(line('summary', summary, style.summaryPt, { bold: true }, header.summary?.valueRange));
      if (style.summaryRule === 'dashes') out.push(line('summary-rule', '-----', style.summaryPt, { spaceAfterPt: 12 }, header.summary?.valueRange));
      else out.push({ ...rule('summary-rule', 0.4 * lineWidthMm(summary, style.summaryPt, true, this.width), header.summary?.valueRange), spaceAfterPt: 12 });
    }
    return out;
  }

  /** Body text: justified, first-line indent, the system's spacing. */
  private bodyParagraph(role: LayoutParagraph['role'], runs: TextRun[], source: Range, bold = false): LayoutParagraph {
    return paragraph({
      role,
      runs,
      sizePt: this.style.bodyPt,
      bold,
      align: 'justify',
      firstLineIndentMm: this.style.firstLineIndentMm,
      spaceBeforePt: 0,
      spaceAfterPt: this.style.paragraphSpacingPt,
      lineSpacing: this.style.lineSpacing,
      source,
    });
  }

  private block(block: Block, paragraphRole: 'preamble' | 'paragraph', width = this.width): LayoutBlock {
    switch (block.kind) {
      case 'paragraph':
        return block.isSubheading ? { ...this.bodyParagraph('subheading', runsOf(block.inlines), block.range, true), keepWithNext: true } : this.bodyParagraph(paragraphRole, runsOf(block.inlines), block.range);
      case 'item': {
        const marker = block.marker.kind === 'dash' ? '-' : block.marker.kind === 'plus' ? '+' : block.marker.text;
        const runs: TextRun[] = [{ text: `${marker} `, source: block.marker.range }, ...runsOf(block.inlines)];
        return this.bodyParagraph('item', runs, block.range);
      }
      case 'table':
        return this.table(block, width);
    }
  }

  /** A heading with its computed number, in the system's style, kept with what follows. */
  private section(section: Section, out: LayoutBlock[]): void {
    const level = Math.min(4, section.level);
    const runs: TextRun[] = [
      { text: `${section.computedNumber} `, source: section.explicitNumber?.range ?? section.headingRange },
      ...runsOf(section.titleInlines, level === 1 ? upper : undefined),
    ];
    out.push({
      ...this.bodyParagraph('heading', runs, section.headingRange, level <= 3),
      level,
      // Level 3 (`a)`) bold italic and level 4 (`-`) italic, as issued plans set them.
      italic: level >= 3,
      keepWithNext: true,
    });
    for (const block of section.blocks) out.push(this.block(block, 'paragraph'));
    for (const child of section.children) this.section(child, out);
  }

  /** A plan's table: bordered, columns in proportion to their longest text, the header row bold and centred. */
  private table(table: Table, width: number): LayoutTable {
    const size = this.style.tablePt;
    const columns = Math.max(1, ...table.rows.map((r) => r.cells.length));
    const weights = Array.from({ length: columns }, (_, i) => {
      const longest = Math.max(0, ...table.rows.map((r) => [...(r.cells[i]?.text ?? '')].length));
      // Square root: a long column gets more room without starving short ones (TT, dates).
      return Math.max(2, Math.sqrt(longest));
    });
    const total = weights.reduce((a, b) => a + b, 0);
    const columnWidthsMm = weights.map((w) => Math.round((width * w * 10) / total) / 10);
    // A column of ordinals (TT, STT) is centred, as issued task tables set it.
    const body = table.rows.slice(table.hasHeaderRow ? 1 : 0);
    const ordinal = Array.from({ length: columns }, (_, i) => body.length > 0 && body.every((r) => /^(\d{1,3}\.?|[IVXL]{1,5}\.?)?$/.test(r.cells[i]?.text ?? '')));
    return {
      kind: 'table',
      role: 'table',
      columnWidthsMm,
      borders: true,
      rows: table.rows.map((row, index) => {
        const isHeader = table.hasHeaderRow && index === 0;
        return {
          isHeader,
          source: row.range,
          cells: Array.from({ length: columns }, (_, i): LayoutTableCell => {
            const cell = row.cells[i];
            const runs = cell ? runsOf(cell.inlines) : [];
            return {
              verticalAlign: isHeader ? 'middle' : 'top',
              source: cell?.range,
              blocks: [paragraph({ role: 'table-cell', runs, sizePt: size, bold: isHeader, align: isHeader || ordinal[i] ? 'center' : 'left', spaceBeforePt: 2, spaceAfterPt: 2, source: cell?.range })],
            };
          }),
        };
      }),
      spaceBeforePt: 6,
      spaceAfterPt: 6,
      cellPaddingMm: 1.5,
      keepWithNext: false,
      source: table.range,
    };
  }

  /** `Nơi nhận:` at the bottom left and the signature at the right, side by side in a borderless table. */
  private closingBlocks(): LayoutTable | undefined {
    const { doc, style } = this;
    const { recipients, signature } = doc;
    if (!recipients && !signature) return undefined;
    const left = Math.round(this.width * 0.45 * 10) / 10;
    const recipientsCell: LayoutTableCell['blocks'] = [];
    if (recipients) {
      recipientsCell.push(
        paragraph({
          role: 'recipients-label',
          runs: [{ text: `${recipients.label}:`, source: recipients.labelRange }],
          sizePt: style.recipientsLabelPt,
          bold: style.recipientsLabelBold,
          italic: style.recipientsLabelItalic,
          underline: style.recipientsLabelUnderline,
          keepWithNext: true,
          source: recipients.labelRange,
        }),
      );
      for (const item of recipients.items) recipientsCell.push(paragraph({ role: 'recipient', runs: [{ text: `- ${item.text}`, source: item.range }], sizePt: style.recipientPt, source: item.range }));
    }
    const signatureCell: LayoutTableCell['blocks'] = [];
    if (signature) {
      const size = style.signaturePt;
      for (const authority of signature.authorities) signatureCell.push(line('authority', upper(authority.text), size, { bold: true }, authority.range));
      if (signature.title) signatureCell.push(line('signer-title', upper(signature.title.text), size, { bold: true }, signature.title.range));
      // Room for the signature and the seal.
      signatureCell.push(line('signature-space', '', size, { spaceAfterPt: 60 }));
      if (signature.signer) signatureCell.push(line('signer', signature.signer.text, size, { bold: true }, signature.signer.range));
    }
    return {
      kind: 'table',
      role: 'closing-blocks',
      columnWidthsMm: [left, Math.round((this.width - left) * 10) / 10],
      borders: false,
      rows: [{ isHeader: false, cells: [{ blocks: recipientsCell, verticalAlign: 'top', source: recipients?.range }, { blocks: signatureCell, verticalAlign: 'top', source: signature?.range }] }],
      spaceBeforePt: 6,
      spaceAfterPt: 0,
      cellPaddingMm: 1,
      keepWithNext: false,
      source: spanRange(recipients?.range, signature?.range) ?? recipients?.range,
    };
  }

  /** An appendix on new pages: landscape when its widest table has five columns or more. */
  private appendix(appendix: Appendix): LayoutSection {
    const { style } = this;
    const wide = appendix.blocks.some((b) => b.kind === 'table' && Math.max(0, ...b.rows.map((r) => r.cells.length)) >= 5);
    const page = wide ? landscape(style.page) : style.page;
    const width = textWidthMm(page);
    const titleSource = { start: appendix.range.start, end: appendix.range.start };
    const blocks: LayoutBlock[] = [line('appendix-label', upper(appendix.label ? `Phụ lục ${appendix.label}` : 'Phụ lục'), style.bodyPt, { bold: true }, titleSource)];
    if (appendix.title) blocks.push(line('appendix-title', upper(appendix.title), style.bodyPt, { bold: true }, titleSource));
    for (const block of appendix.blocks) {
      const laid = this.block(block, 'paragraph', width);
      // "(Kèm theo Kế hoạch số …)" under the title is centred, as issued appendices print it.
      const note = block.kind === 'paragraph' && /^\(.*\)$/s.test(block.text) && laid.kind === 'paragraph';
      blocks.push(note ? { ...laid, align: 'center', firstLineIndentMm: 0, spaceAfterPt: 12 } : laid);
    }
    return { kind: 'appendix', page, blocks, source: appendix.range };
  }
}

/**
 * The official layout of a plan in its system (state, party or mass
 * organisation): A4 pages with the system's margins, the header, the title,
 * the body with computed heading numbers, the closing blocks, then each
 * appendix on new pages. Pure and total: a half-written plan gets a layout of
 * what it has.
 */
export function layoutPlan(doc: PlanDocument): LayoutDocument {
  return new PlanLayout(doc).build();
}
