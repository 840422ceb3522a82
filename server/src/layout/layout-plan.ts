import type { Appendix, Block, PlanDocument, Range, Section, Table } from '../model';
import type { DocumentRecord, LayoutBlock, LayoutDocument, LayoutParagraph, LayoutSection, LayoutTable, LayoutTableCell, TextRun } from './layout-model';
import { capitalsWidthMm } from './measure';
import { paragraph, line, rule, runsOf, upper, lineWidthMm, nameParagraph, compact, spanRange } from './layout-blocks';
import { paginate } from './paginate';
import { landscape, systemStyle, textWidthMm, type SystemStyle } from './system-styles';

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
        record: this.record(),
      },
      font: { family: 'Times New Roman', fallbacks: ['Tinos', 'Liberation Serif', 'serif'] },
      pageNumbering: { position: 'top-center', showOnFirstPage: false, sizePt: style.bodyPt, fromTopMm: style.pageNumberFromTopMm },
      sections,
      pages: paginate(sections),
    };
  }

  /** What the header and the closing blocks say about the document, as data. */
  private record(): DocumentRecord {
    const { header, official, recipients, signature } = this.doc;
    const value = (text: string | undefined) => text?.trim() || undefined;
    const number = header.documentNumber;
    const record: DocumentRecord = { recipients: [] };
    const set = <K extends keyof DocumentRecord>(key: K, v: DocumentRecord[K] | undefined) => {
      if (v !== undefined) record[key] = v;
    };
    set('kind', value(header.kind?.value));
    if (number) {
      const text = compact(number.text);
      set('number', text);
      if (number.serial && text.startsWith(number.serial) && text.length > number.serial.length + 1) {
        set('serial', number.serial);
        set('symbol', text.slice(number.serial.length + 1));
      }
      set('issuerSymbol', number.issuerSymbol);
    }
    set('date', header.planDate?.iso);
    set('place', value(header.place?.value));
    set('issuer', value(header.issuer?.value));
    set('parentBody', value(header.parentBody?.value));
    set('summary', value(header.summary?.value));
    set('confidentiality', official.confidentialityMark);
    set('urgency', official.urgencyMark);
    if (signature)
      set('signer', {
        ...(signature.signer ? { name: signature.signer.text } : {}),
        ...(signature.title ? { title: signature.title.text } : {}),
        authorities: signature.authorities.map((a) => a.text),
      });
    for (const item of recipients?.items ?? []) {
      const text = [item.name, item.annotation && `(${item.annotation})`].filter(Boolean).join(' ').trim();
      if (item.isArchive) record.archive = text.replace(/^Lưu\s*:?\s*/u, '');
      else if (text) record.recipients.push(text);
    }
    return record;
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
    const { parentBodyLines, issuerLines } = doc.official;
    const issuerCell: LayoutTableCell['blocks'] = [];
    const column = left - 2 * style.header.cellPaddingMm;
    if (parentBodyLines) issuerCell.push(nameParagraph('parent-body', parentBodyLines, style.parentBodyPt, false, column, header.parentBody?.valueRange).block);
    const issuer = issuerLines && nameParagraph('issuer', issuerLines, style.issuerPt, true, column, header.issuer?.valueRange);
    issuerCell.push(issuer?.block ?? line('issuer', '', style.issuerPt, { bold: true }, header.issuer?.valueRange));
    if (party) issuerCell.push(line('issuer-mark', '*', style.issuerPt, {}, header.issuer?.valueRange));
    else if (issuer) issuerCell.push(rule(style, 'issuer-rule', style.shortRuleShare * issuer.widthMm, header.issuer?.valueRange));

    const nationCell: LayoutTableCell['blocks'] = [];
    if (party) {
      nationCell.push(line('party-line', doc.official.partyLine ?? 'ĐẢNG CỘNG SẢN VIỆT NAM', style.nationalTitlePt, { bold: true, underline: true }));
    } else {
      const motto = doc.official.motto ?? 'Độc lập - Tự do - Hạnh phúc';
      nationCell.push(line('national-title', doc.official.nationalTitle ?? 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', style.nationalTitlePt, { bold: true }));
      nationCell.push(line('motto', motto, style.mottoPt, { bold: true }));
      // The Tiêu ngữ's rule is as long as its line.
      nationCell.push(rule(style, 'motto-rule', lineWidthMm(motto, style.mottoPt, true, right - 2 * style.header.cellPaddingMm)));
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
            cell([line('number', numberLine, style.numberPt, { spaceBeforePt: style.header.numberSpaceBeforePt }, header.number?.valueRange), ...this.marks()]),
            cell([line('place-date', doc.official.placeDateLine ?? '', style.placeDatePt, { italic: true, spaceBeforePt: style.header.numberSpaceBeforePt }, dateSource)]),
          ],
          source: spanRange(header.number?.range, header.date?.range),
        },
      ],
      spaceBeforePt: 0,
      spaceAfterPt: style.header.spaceAfterPt,
      cellPaddingMm: style.header.cellPaddingMm,
      keepWithNext: true,
      source: header.range,
    };
  }

  /**
   * The confidentiality mark (ô 10a) then the urgency mark (ô 10b) under the
   * number, each framed, bold, in capitals (Nghị định 30/2020, Phụ lục I;
   * the party's rules put them in the same place).
   */
  private marks(): LayoutParagraph[] {
    const { doc, style } = this;
    const { header, official } = doc;
    const mark = (role: 'confidentiality-mark' | 'urgency-mark', text: string | undefined, source?: Range) =>
      text ? [line(role, '', style.numberPt, { bold: true, spaceBeforePt: style.header.markSpaceBeforePt, runs: [{ text, framed: true, source }] }, source)] : [];
    return [...mark('confidentiality-mark', official.confidentialityMark, header.confidentiality?.valueRange), ...mark('urgency-mark', official.urgencyMark, header.urgency?.valueRange)];
  }

  /** Tên loại, trích yếu and the rule (state) or `-----` (party) under it. */
  private titleBlocks(): LayoutBlock[] {
    const { doc, style } = this;
    const header = doc.header;
    const out: LayoutBlock[] = [];
    if (doc.official.kindTitle) out.push(line('kind-title', doc.official.kindTitle, style.kindTitlePt, { bold: true, spaceBeforePt: style.header.kindTitleSpaceBeforePt }, header.kind?.valueRange));
    const summary = header.summary?.value;
    if (summary) {
      out.push(line('summary', summary, style.summaryPt, { bold: true }, header.summary?.valueRange));
      out.push(this.ruleUnder('summary-rule', lineWidthMm(summary, style.summaryPt, true, this.width), header.summary?.valueRange));
    }
    return out;
  }

  /** The rule under a title: drawn, a share of the title's line (state), or a typed `-----` (party). */
  private ruleUnder(role: 'summary-rule' | 'appendix-rule', titleWidthMm: number, source?: Range): LayoutBlock {
    const { style } = this;
    if (style.summaryRule === 'dashes') return line(role, '-----', style.summaryPt, { spaceAfterPt: style.titleRuleSpaceAfterPt }, source);
    return { ...rule(style, role, style.shortRuleShare * titleWidthMm, source), spaceAfterPt: style.titleRuleSpaceAfterPt };
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
        return block.isSubheading
          ? { ...this.bodyParagraph('subheading', runsOf(block.inlines), block.range, true), keepWithNext: true }
          : this.bodyParagraph(paragraphRole, runsOf(block.inlines), block.range);
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
    const runs: TextRun[] = [{ text: `${section.computedNumber} `, source: section.explicitNumber?.range ?? section.headingRange }, ...runsOf(section.titleInlines, level === 1 ? upper : undefined)];
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
    const { tablePt: size, table: measures } = this.style;
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
              blocks: [
                paragraph({
                  role: 'table-cell',
                  runs,
                  sizePt: size,
                  bold: isHeader,
                  align: isHeader || ordinal[i] ? 'center' : 'left',
                  spaceBeforePt: measures.cellSpacePt,
                  spaceAfterPt: measures.cellSpacePt,
                  source: cell?.range,
                }),
              ],
            };
          }),
        };
      }),
      spaceBeforePt: measures.spaceAroundPt,
      spaceAfterPt: measures.spaceAroundPt,
      cellPaddingMm: measures.cellPaddingMm,
      keepWithNext: false,
      source: table.range,
    };
  }

  /** `Nơi nhận:` at the bottom left and the signature at the right, side by side in a borderless table. */
  private closingBlocks(): LayoutTable | undefined {
    const { doc, style } = this;
    const { recipients, signature } = doc;
    if (!recipients && !signature) return undefined;
    const left = Math.round(this.width * style.closing.recipientsShare * 10) / 10;
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
      // A wrapped recipient hangs under its text, past the dash.
      const hanging = Math.round(capitalsWidthMm('- ', style.recipientPt, false) * 100) / 100;
      for (const item of recipients.items)
        recipientsCell.push(
          paragraph({ role: 'recipient', runs: [{ text: `- ${item.text}`, source: item.range }], sizePt: style.recipientPt, leftIndentMm: hanging, firstLineIndentMm: -hanging, source: item.range }),
        );
    }
    const signatureCell: LayoutTableCell['blocks'] = [];
    if (signature) {
      const size = style.signaturePt;
      for (const authority of signature.authorities) signatureCell.push(line('authority', upper(authority.text), size, { bold: true }, authority.range));
      if (signature.title) signatureCell.push(line('signer-title', upper(signature.title.text), size, { bold: true }, signature.title.range));
      // Room for the signature and the seal.
      signatureCell.push(line('signature-space', '', size, { spaceAfterPt: style.closing.signatureSpacePt }));
      if (signature.signer) signatureCell.push(line('signer', signature.signer.text, size, { bold: true }, signature.signer.range));
    }
    return {
      kind: 'table',
      role: 'closing-blocks',
      columnWidthsMm: [left, Math.round((this.width - left) * 10) / 10],
      borders: false,
      rows: [
        {
          isHeader: false,
          cells: [
            { blocks: recipientsCell, verticalAlign: 'top', source: recipients?.range },
            { blocks: signatureCell, verticalAlign: 'top', source: signature?.range },
          ],
        },
      ],
      spaceBeforePt: style.closing.spaceBeforePt,
      spaceAfterPt: 0,
      cellPaddingMm: style.closing.cellPaddingMm,
      keepWithNext: false,
      source: spanRange(recipients?.range, signature?.range) ?? recipients?.range,
    };
  }

  /** An appendix on new pages: landscape when its widest table has five columns or more (`table.landscapeColumns`). */
  private appendix(appendix: Appendix): LayoutSection {
    const { doc, style } = this;
    const wide = appendix.blocks.some((b) => b.kind === 'table' && Math.max(0, ...b.rows.map((r) => r.cells.length)) >= style.table.landscapeColumns);
    const page = wide ? landscape(style.page) : style.page;
    const width = textWidthMm(page);
    const titleSource = { start: appendix.range.start, end: appendix.range.start };
    // Nghị định 30/2020 prints `Phụ lục I` in lower case, the title in capitals; the party both in capitals.
    const label = appendix.label ? `Phụ lục ${appendix.label}` : 'Phụ lục';
    const blocks: LayoutBlock[] = [line('appendix-label', doc.system.value === 'party' ? upper(label) : label, style.bodyPt, { bold: true }, titleSource)];
    if (appendix.title) blocks.push(line('appendix-title', upper(appendix.title), style.bodyPt, { bold: true }, titleSource));
    // `(Kèm theo Kế hoạch số … ngày … của …)` in italics with a rule under it, as the decree's model shows: the drafter's own line when the appendix opens with one.
    const [first, ...rest] = appendix.blocks;
    const typedNote = first?.kind === 'paragraph' && /^\(\s*k[eè]m theo\b/iu.test(first.text.normalize('NFC')) ? first : undefined;
    const noteText = typedNote ? typedNote.text : doc.official.appendixNote;
    if (noteText) {
      const noteSource = typedNote?.range ?? titleSource;
      const note = line('appendix-note', '', style.bodyPt, { italic: true, runs: typedNote ? runsOf(typedNote.inlines) : [{ text: noteText, source: noteSource }] }, noteSource);
      blocks.push(note, this.ruleUnder('appendix-rule', lineWidthMm(noteText, style.bodyPt, false, width), noteSource));
    }
    for (const block of typedNote ? rest : appendix.blocks) {
      const laid = this.block(block, 'paragraph', width);
      // Another line in parentheses (`(Đơn vị: triệu đồng)`) is centred, as issued appendices print it.
      const aside = block.kind === 'paragraph' && /^\(.*\)$/s.test(block.text) && laid.kind === 'paragraph';
      blocks.push(aside ? { ...laid, align: 'center', firstLineIndentMm: 0, spaceAfterPt: style.asideSpaceAfterPt } : laid);
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
