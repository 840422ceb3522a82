/**
 * The tagged structure of the PDF as the typesetter builds it (headings,
 * paragraphs, lists, artifacts), kept apart from the drawing so that what is
 * content and what is decoration is decided in one place.
 */
import type { LayoutParagraph, LayoutRule } from '../layout/layout-model';

export type Element = PDFKit.PDFStructureElement;

/** The tagged structure as the typesetter builds it: elements, their content page by page, artifacts. */
export class Tags {
  readonly document: Element;
  private readonly types = new WeakMap<Element, string>();

  constructor(private readonly pdf: PDFKit.PDFDocument) {
    this.document = pdf.struct('Document');
    pdf.addStructure(this.document);
  }

  element(parent: Element, tag: string): Element {
    const element = this.pdf.struct(tag);
    this.types.set(element, tag);
    parent.add(element);
    return element;
  }

  /** What `draw` puts on the current page, as content of `element`. */
  content(element: Element, draw: () => void): void {
    const content = this.pdf.markStructureContent(this.types.get(element) ?? 'Span');
    draw();
    this.pdf.endMarkedContent();
    element.add(content);
  }

  /** What `draw` puts on the page that is no content: page numbers, rules, grid lines, repeated rows. */
  artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.pdf.markContent('Artifact', { type });
    draw();
    this.pdf.endMarkedContent();
  }
}

/** The structure type of a paragraph by its role. */
export function paragraphTag(block: LayoutParagraph): string {
  return block.role === 'heading' ? `H${Math.min(4, Math.max(1, block.level ?? 1))}` : 'P';
}

/** Paragraphs that are items of a list: the plan's items, the recipients of Nơi nhận. */
export const isListItem = (block: LayoutParagraph | LayoutRule) => block.kind === 'paragraph' && (block.role === 'item' || block.role === 'recipient');
