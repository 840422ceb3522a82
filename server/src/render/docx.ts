/**
 * DOCX export: the layout model written as WordprocessingML with the `docx`
 * library, so that the file is what a secretary would have typed in Word:
 * real page setup, real paragraph properties, the header and the closing
 * blocks as borderless tables, the rules as paragraph borders, the page
 * number as a PAGE field. Word and LibreOffice paginate it themselves.
 * Pure: layout in, bytes out.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { Alignment, LayoutDocument, LayoutParagraph, LayoutRule, LayoutSection, LayoutTable, PageNumbering } from '../layout/layout-model';
import { DOCX_GENERATOR_PROPERTY, GENERATOR } from './export-marks';
import { textWidthMm } from '../layout/system-styles';

/** Twentieths of a point per millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);
/** Spacing is in twentieths of a point, font sizes in half-points, borders in eighths of a point. */
const spacingTwips = (pt: number): number => Math.round(pt * 20);
const halfPoints = (pt: number): number => Math.round(pt * 2);

/** `line` of `w:spacing` with `lineRule="auto"` is in 240ths of a line. */
const SINGLE_LINE = 240;

const ALIGNMENT: Record<Alignment, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };
/** The grid of a plan's own tables: single lines of half a point. */
const GRID_LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID_BORDERS = { top: GRID_LINE, bottom: GRID_LINE, left: GRID_LINE, right: GRID_LINE, insideHorizontal: GRID_LINE, insideVertical: GRID_LINE };

/** The frame of a mark (`KHẨN`, `MẬT`): a single line, three quarters of a point, a point clear of the text. */
const MARK_FRAME = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } as const;

/**
 * Characters XML 1.0 refuses (C0 controls but tab and line breaks, U+FFFE,
 * U+FFFF, unpaired surrogates) make the whole DOCX unreadable; the checks
 * report them (`text-invisible-character`) and the document leaves them out.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xmlText = (text: string) => text.replace(NOT_XML, '');

function paragraph(block: LayoutParagraph): Paragraph {
  // A negative first-line indent is Word's hanging indent (the Nơi nhận lines).
  const first = block.firstLineIndentMm;
  return new Paragraph({
    alignment: ALIGNMENT[block.align],
    indent: first < 0 ? { left: twips(block.leftIndentMm), hanging: twips(-first) } : { left: twips(block.leftIndentMm), firstLine: twips(first) },
    spacing: {
      before: spacingTwips(block.spaceBeforePt),
      after: spacingTwips(block.spaceAfterPt),
      line: Math.round(SINGLE_LINE * block.lineSpacing),
      lineRule: LineRuleType.AUTO,
    },
    keepNext: block.keepWithNext,
    // No single line alone at either side of a page break, as the PDF typesetter does.
    widowControl: true,
    // An empty line (the room for the signature) keeps its height through the paragraph mark's size.
    run: { size: halfPoints(block.sizePt) },
    children: block.runs.map(
      (run) =>
        new TextRun({
          text: xmlText(run.text),
          bold: run.bold ?? block.bold,
          italics: run.italic ?? block.italic,
          underline: (run.underline ?? block.underline) ? { type: UnderlineType.SINGLE } : undefined,
          size: halfPoints(run.sizePt ?? block.sizePt),
          // A line break of the layout's (a body's name in the header) is Word's manual line break.
          break: run.breakBefore ? 1 : undefined,
          border: run.framed ? MARK_FRAME : undefined,
        }),
    ),
  });
}

/**
 * A rule as the bottom border of an empty paragraph one point high, indented
 * so that the border has the rule's length, centred or at the left of the
 * space it lives in (`containerMm`: the text area or the cell).
 */
function rule(block: LayoutRule, containerMm: number): Paragraph {
  const spare = Math.max(0, containerMm - block.widthMm);
  const left = block.align === 'center' ? spare / 2 : 0;
  return new Paragraph({
    indent: { left: twips(left), right: twips(spare - left) },
    spacing: { before: spacingTwips(block.spaceBeforePt), after: spacingTwips(block.spaceAfterPt), line: 20, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(block.thicknessPt * 8)), color: '000000', space: 0 } },
    run: { size: 2 },
    children: [],
  });
}

function table(block: LayoutTable): Table {
  const padding = twips(block.cellPaddingMm);
  return new Table({
    width: { size: block.columnWidthsMm.reduce((sum, w) => sum + twips(w), 0), type: WidthType.DXA },
    columnWidths: block.columnWidthsMm.map(twips),
    layout: TableLayoutType.FIXED,
    borders: block.borders ? GRID_BORDERS : NO_BORDERS,
    margins: { left: padding, right: padding, top: 0, bottom: 0 },
    rows: block.rows.map((row) => {
      let column = 0;
      return new TableRow({
        tableHeader: row.isHeader,
        // The header and the signature are never cut by a page break.
        cantSplit: !block.borders,
        children: row.cells.map((cell) => {
          const span = cell.columnSpan ?? 1;
          const widthMm = block.columnWidthsMm.slice(column, column + span).reduce((a, b) => a + b, 0);
          column += span;
          const inner = widthMm - 2 * block.cellPaddingMm;
          const children = cell.blocks.map((b) => (b.kind === 'rule' ? rule(b, inner) : paragraph(b)));
          return new TableCell({
            columnSpan: span > 1 ? span : undefined,
            width: { size: twips(widthMm), type: WidthType.DXA },
            verticalAlign: cell.verticalAlign === 'middle' ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
            // A cell must hold at least one paragraph.
            children: children.length ? children : [new Paragraph({})],
          });
        }),
      });
    }),
  });
}

/** An empty paragraph exactly `pt` high: the space before or after a table, which WordprocessingML tables do not have. */
function spacer(pt: number, keepNext: boolean): Paragraph {
  return new Paragraph({ keepNext, spacing: { before: 0, after: 0, line: Math.max(1, spacingTwips(pt)), lineRule: LineRuleType.EXACT }, run: { size: 2 }, children: [] });
}

function blocks(section: LayoutSection): (Paragraph | Table)[] {
  const width = textWidthMm(section.page);
  const out: (Paragraph | Table)[] = [];
  for (const block of section.blocks) {
    switch (block.kind) {
      case 'paragraph':
        out.push(paragraph(block));
        break;
      case 'rule':
        out.push(rule(block, width));
        break;
      case 'table':
        if (block.spaceBeforePt) out.push(spacer(block.spaceBeforePt, true));
        out.push(table(block));
        if (block.spaceAfterPt) out.push(spacer(block.spaceAfterPt, block.keepWithNext));
        break;
    }
  }
  // Word ends a section after a paragraph: a point-high one after a final table adds no page.
  if (out.at(-1) instanceof Table) out.push(spacer(1, false));
  return out;
}

/** The page number: a PAGE field centred in the header. */
function pageNumberHeader(numbering: PageNumbering): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: halfPoints(numbering.sizePt) })] })],
  });
}

function section(layout: LayoutDocument, section: LayoutSection, index: number): ISectionOptions {
  const { page } = section;
  const { margins } = page;
  const landscape = page.orientation === 'landscape';
  // The library swaps width and height for landscape pages: it takes the sheet as it stands in portrait.
  const size = landscape
    ? { width: twips(page.heightMm), height: twips(page.widthMm), orientation: PageOrientation.LANDSCAPE }
    : { width: twips(page.widthMm), height: twips(page.heightMm), orientation: PageOrientation.PORTRAIT };
  // Only the document's first page goes without a number; appendices number every page.
  const firstPageBare = index === 0 && !layout.pageNumbering.showOnFirstPage;
  const numbered = pageNumberHeader(layout.pageNumbering);
  return {
    properties: {
      type: index === 0 ? undefined : SectionType.NEXT_PAGE,
      titlePage: firstPageBare,
      page: {
        size,
        margin: {
          top: twips(margins.topMm),
          bottom: twips(margins.bottomMm),
          left: twips(margins.leftMm),
          right: twips(margins.rightMm),
          header: twips(layout.pageNumbering.fromTopMm),
          footer: twips(layout.pageNumbering.fromTopMm),
        },
      },
    },
    headers: firstPageBare ? { default: numbered, first: new Header({ children: [new Paragraph({})] }) } : { default: numbered },
    children: blocks(section),
  };
}

/** The layout as a .docx file. */
export async function renderDocx(layout: LayoutDocument): Promise<Uint8Array> {
  const { family } = layout.font;
  const document = new Document({
    title: xmlText(layout.meta.title),
    subject: xmlText(layout.meta.subject),
    creator: xmlText(layout.meta.author),
    lastModifiedBy: GENERATOR,
    customProperties: [DOCX_GENERATOR_PROPERTY],
    styles: {
      default: {
        document: {
          run: { font: { ascii: family, hAnsi: family, cs: family, eastAsia: family }, language: { value: 'vi-VN' } },
        },
      },
    },
    sections: layout.sections.map((s, i) => section(layout, s, i)),
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
