import { checkWordInput, DocxInputError } from './input-error';
import { WordNumbering, type ListNumber } from './numbering';
import { WordStyles } from './styles';
import { attribute, child, decodeText, parseXml, type XmlElement, type XmlTree } from './xml';
import { findEntry, readPart, readZip, type ZipArchive } from './zip';

/**
 * A reader of WordprocessingML for the import and the review: the paragraphs
 * of `word/document.xml` in reading order with their visible text, where
 * each character of that text is in the XML (so a finding can be put back
 * on the exact words), the number Word's automatic numbering gives them, the
 * comments and their anchors, and the tracked changes (read as accepted:
 * insertions kept, deletions dropped). Pure: bytes in.
 */

const MAIN_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

/** A stretch of a paragraph's text and the node it comes from. */
export interface TextPiece {
  /** Offsets in the paragraph's `text`. */
  start: number;
  end: number;
  /** `w:t` for text; `w:tab`, `w:br`, `w:cr`, `w:noBreakHyphen`, `w:ptab` for the one character each stands for. */
  node: XmlElement;
  /** The `w:r` holding it. */
  run: XmlElement;
  bold: boolean;
  italic: boolean;
}

/** A place in the text of the document: paragraph index and offset in its `text`. */
export interface TextPlace {
  paragraph: number;
  offset: number;
}

export interface WordParagraph {
  /** Its index in `WordDocument.paragraphs`. */
  index: number;
  element: XmlElement;
  /** The visible text (without the automatic number), as typed: not normalised. */
  text: string;
  pieces: TextPiece[];
  /** The style's name (`heading 1`, `Normal`), when it has a style. */
  styleName?: string;
  /** The number Word prints before it, when it is in a list. */
  listNumber?: ListNumber;
  /** Where it stands: the body, a table cell, a text box. */
  container: 'body' | 'table' | 'textbox';
}

export type WordBlock = { kind: 'paragraph'; paragraph: WordParagraph } | { kind: 'table'; rows: WordBlock[][][] };

export interface WordComment {
  id: string;
  author: string;
  initials: string;
  date: string;
  /** Its paragraphs' text. */
  paragraphs: string[];
  /** The words it is anchored on; start = end when it has only a reference mark. */
  start?: TextPlace;
  end?: TextPlace;
}

export interface WordDocument {
  zip: ZipArchive;
  /** The path of the main part in the package (`word/document.xml`). */
  documentPart: string;
  tree: XmlTree;
  /** The prefix bound to WordprocessingML's namespace (`w`). */
  w: string;
  blocks: WordBlock[];
  /** Every paragraph in reading order (tables cell by cell, text boxes after their anchor). */
  paragraphs: WordParagraph[];
  comments: WordComment[];
  /** Insertions, deletions and moves tracked in the body. */
  trackedChanges: number;
}

/** The prefix the root element binds to WordprocessingML (`w` nearly always). */
function wordPrefix(root: XmlElement): string {
  for (const m of root.open.matchAll(/\sxmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)) if (MAIN_NAMESPACES.includes(m[2])) return m[1];
  return 'w';
}

/** The target of the package's or a part's relationship of a type, resolved against the part's folder. */
function relationshipTarget(zip: ZipArchive, part: string, type: string): string | undefined {
  const folder = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const relsName = `${folder}_rels/${part.slice(folder.length)}.rels`;
  const rels = readPart(zip, relsName);
  if (!rels) return undefined;
  const tree = parseXml(rels, relsName);
  for (const rel of tree.root.children) {
    if (rel.kind !== 'element' || !(attribute(rel, 'Type') ?? '').endsWith(`/${type}`)) continue;
    if (attribute(rel, 'TargetMode') === 'External') continue;
    const target = attribute(rel, 'Target') ?? '';
    return resolvePath(target.startsWith('/') ? target.slice(1) : folder + target);
  }
  return undefined;
}

function resolvePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment && segment !== '.') out.push(segment);
  }
  return out.join('/');
}

const isOn = (element: XmlElement | undefined, w: string) => Boolean(element) && !/^(?:0|false|off)$/.test(attribute(element!, `${w}:val`) ?? '');

/** Elements whose content is never read as text: properties, deleted text, the alternative copy of a drawing. */
const SKIPPED = new Set(['pPr', 'rPr', 'del', 'moveFrom', 'instrText', 'delText', 'delInstrText', 'footnoteReference', 'endnoteReference', 'sectPr', 'tblPr', 'trPr', 'tcPr', 'tblGrid']);

/** Reads the paragraphs, numbering and comments of a `.docx`'s bytes; throws `DocxInputError` for what is not one. */
export function readWordDocument(bytes: Uint8Array): WordDocument {
  checkWordInput(bytes);
  const zip = readZip(bytes);
  if (findEntry(zip, 'mimetype') && !findEntry(zip, '[Content_Types].xml')) {
    throw new DocxInputError('Đây là tệp OpenDocument (.odt), không phải Word .docx; hãy lưu lại thành .docx / This is an OpenDocument file (.odt), not a Word .docx; save it as .docx');
  }
  const documentPart = relationshipTarget(zip, '', 'officeDocument') ?? 'word/document.xml';
  const xml = findEntry(zip, documentPart) ? readPart(zip, documentPart) : undefined;
  if (xml === undefined) throw new DocxInputError('Gói ZIP này không phải tệp Word .docx (không có word/document.xml) / This ZIP package is not a Word .docx (it has no word/document.xml)');
  const tree = parseXml(xml, documentPart);
  const w = wordPrefix(tree.root);
  const optional = (type: string) => {
    const name = relationshipTarget(zip, documentPart, type);
    const text = name ? readPart(zip, name) : undefined;
    return name && text !== undefined ? parseXml(text, name) : undefined;
  };
  const styles = new WordStyles(optional('styles'), w);
  const numbering = new WordNumbering(optional('numbering'), w, styles);
  const reader = new ParagraphReader(w, styles, numbering);
  const body = child(tree.root, `${w}:body`);
  const blocks = body ? reader.blocks(body, 'body') : [];
  return {
    zip,
    documentPart,
    tree,
    w,
    blocks,
    paragraphs: reader.paragraphs,
    comments: readComments(optional('comments'), w, reader.commentPlaces),
    trackedChanges: reader.trackedChanges,
  };
}

function readComments(tree: XmlTree | undefined, w: string, places: Map<string, { start?: TextPlace; end?: TextPlace; reference?: TextPlace }>): WordComment[] {
  if (!tree) return [];
  const textReader = new ParagraphReader(w, new WordStyles(undefined, w), new WordNumbering(undefined, w, new WordStyles(undefined, w)));
  const out: WordComment[] = [];
  for (const comment of tree.root.children) {
    if (comment.kind !== 'element' || comment.name !== `${w}:comment`) continue;
    const id = attribute(comment, `${w}:id`) ?? '';
    const place = places.get(id);
    const first = textReader.paragraphs.length;
    textReader.blocks(comment, 'body');
    const start = place?.start ?? place?.reference;
    out.push({
      id,
      author: attribute(comment, `${w}:author`) ?? '',
      initials: attribute(comment, `${w}:initials`) ?? '',
      date: attribute(comment, `${w}:date`) ?? '',
      paragraphs: textReader.paragraphs.slice(first).map((p) => p.text),
      ...(start ? { start, end: place?.end ?? place?.reference ?? start } : {}),
    });
  }
  return out;
}

/** Walks block content in reading order, numbering list paragraphs as it goes. */
class ParagraphReader {
  readonly paragraphs: WordParagraph[] = [];
  readonly commentPlaces = new Map<string, { start?: TextPlace; end?: TextPlace; reference?: TextPlace }>();
  trackedChanges = 0;
  private readonly local: (element: XmlElement) => string;

  constructor(
    private readonly w: string,
    private readonly styles: WordStyles,
    private readonly numbering: WordNumbering,
  ) {
    const prefix = `${w}:`;
    this.local = (element) => (element.name.startsWith(prefix) ? element.name.slice(prefix.length) : '');
  }

  blocks(container: XmlElement, where: WordParagraph['container']): WordBlock[] {
    const out: WordBlock[] = [];
    for (const node of container.children) {
      if (node.kind !== 'element') continue;
      const name = this.local(node);
      if (name === 'p') {
        const nested: WordParagraph[] = [];
        out.push({ kind: 'paragraph', paragraph: this.paragraph(node, where, nested) });
        for (const p of nested) out.push({ kind: 'paragraph', paragraph: p });
      } else if (name === 'tbl') {
        const rows: WordBlock[][][] = [];
        for (const row of node.children) {
          if (row.kind !== 'element') continue;
          const rowName = this.local(row);
          if (rowName === 'tr') rows.push(this.cells(row));
          else if (rowName === 'sdt' || rowName === 'customXml') {
            // Rows inside a content control: read through it.
            for (const r of this.content(row).children) if (r.kind === 'element' && this.local(r) === 'tr') rows.push(this.cells(r));
          }
        }
        out.push({ kind: 'table', rows });
      } else if (name === 'del' || name === 'moveFrom') this.trackedChanges++;
      else if (!SKIPPED.has(name) && name !== '') {
        if (name === 'ins' || name === 'moveTo') this.trackedChanges++;
        out.push(...this.blocks(this.content(node), where));
      } else if (node.name === 'mc:AlternateContent') out.push(...this.blocks(child(node, 'mc:Choice') ?? node, where));
    }
    return out;
  }

  /** The content of a content control is in its `w:sdtContent`. */
  private content(element: XmlElement): XmlElement {
    return this.local(element) === 'sdt' ? (child(element, `${this.w}:sdtContent`) ?? element) : element;
  }

  private cells(row: XmlElement): WordBlock[][] {
    const cells: WordBlock[][] = [];
    for (const cell of row.children) {
      if (cell.kind !== 'element') continue;
      const name = this.local(cell);
      if (name === 'tc') cells.push(this.blocks(cell, 'table'));
      else if (name === 'sdt' || name === 'customXml') for (const c of this.content(cell).children) if (c.kind === 'element' && this.local(c) === 'tc') cells.push(this.blocks(c, 'table'));
    }
    return cells;
  }

  private paragraph(element: XmlElement, container: WordParagraph['container'], nested: WordParagraph[]): WordParagraph {
    const w = this.w;
    const pPr = child(element, `${w}:pPr`);
    const styleElement = child(pPr, `${w}:pStyle`);
    const styleId = styleElement ? attribute(styleElement, `${w}:val`) : this.styles.defaultParagraphStyle;
    const numPr = child(pPr, `${w}:numPr`);
    const fromStyle = styleId ? this.styles.numberingOf(styleId) : undefined;
    const numIdElement = child(numPr, `${w}:numId`);
    const ilvlElement = child(numPr, `${w}:ilvl`);
    const numId = numIdElement ? attribute(numIdElement, `${w}:val`) : fromStyle?.numId;
    const level = Number((ilvlElement ? attribute(ilvlElement, `${w}:val`) : undefined) ?? fromStyle?.level ?? 0);
    const paragraph: WordParagraph = {
      index: this.paragraphs.length,
      element,
      text: '',
      pieces: [],
      ...(styleId ? { styleName: this.styles.nameOf(styleId) } : {}),
      container,
    };
    this.paragraphs.push(paragraph);
    if (numId) {
      const listNumber = this.numbering.next(numId, Number.isFinite(level) ? level : 0);
      if (listNumber) paragraph.listNumber = listNumber;
    }
    const here = (offset: number): TextPlace => ({ paragraph: paragraph.index, offset });
    const place = (id: string) => {
      let entry = this.commentPlaces.get(id);
      if (!entry) this.commentPlaces.set(id, (entry = {}));
      return entry;
    };
    const read = paragraphText(element, w, {
      commentStart: (id, offset) => (place(id).start = here(offset)),
      commentEnd: (id, offset) => (place(id).end = here(offset)),
      commentReference: (id, offset) => (place(id).reference = here(offset)),
      trackedChange: () => this.trackedChanges++,
      drawing: (node) => this.textBoxes(node, nested),
    });
    paragraph.text = read.text;
    paragraph.pieces = read.pieces;
    return paragraph;
  }

  /** Paragraphs of text boxes inside a drawing: read after the paragraph that anchors them. */
  private textBoxes(drawing: XmlElement, nested: WordParagraph[]): void {
    for (const node of drawing.children) {
      if (node.kind !== 'element' || node.name === 'mc:Fallback') continue;
      if (this.local(node) === 'txbxContent') {
        for (const block of this.blocks(node, 'textbox')) if (block.kind === 'paragraph') nested.push(block.paragraph);
      } else this.textBoxes(node, nested);
    }
  }
}

/** What a paragraph's walk reports besides its text. */
export interface ParagraphEvents {
  commentStart?(id: string, offset: number): void;
  commentEnd?(id: string, offset: number): void;
  commentReference?(id: string, offset: number): void;
  trackedChange?(): void;
  /** A drawing, picture or object (which may hold text boxes). */
  drawing?(node: XmlElement): void;
}

/**
 * The visible text of a paragraph (`w:p`) and the node of each piece of it:
 * text of runs, inserted and moved-in runs included, of hyperlinks, fields'
 * results, smart tags and content controls; a tab, a break and a
 * non-breaking hyphen are one character each; deleted text, field codes,
 * soft hyphens and properties are not read.
 */
export function paragraphText(element: XmlElement, w: string, events: ParagraphEvents = {}): { text: string; pieces: TextPiece[] } {
  const prefix = `${w}:`;
  const local = (e: XmlElement) => (e.name.startsWith(prefix) ? e.name.slice(prefix.length) : '');
  const texts: string[] = [];
  const pieces: TextPiece[] = [];
  let length = 0;
  const push = (text: string, node: XmlElement, run: XmlElement, bold: boolean, italic: boolean) => {
    if (!text) return;
    pieces.push({ start: length, end: length + text.length, node, run, bold, italic });
    texts.push(text);
    length += text.length;
  };
  const idOf = (node: XmlElement) => attribute(node, `${w}:id`) ?? '';
  const run = (r: XmlElement) => {
    const rPr = child(r, `${w}:rPr`);
    const bold = isOn(child(rPr, `${w}:b`), w);
    const italic = isOn(child(rPr, `${w}:i`), w);
    const visit = (parent: XmlElement) => {
      for (const node of parent.children) {
        if (node.kind !== 'element') continue;
        switch (local(node)) {
          case 't':
            push(node.children.map((c) => (c.kind === 'text' ? decodeText(c.raw) : '')).join(''), node, r, bold, italic);
            break;
          case 'tab':
          case 'ptab':
            push('\t', node, r, bold, italic);
            break;
          case 'br':
          case 'cr':
            push('\n', node, r, bold, italic);
            break;
          case 'noBreakHyphen':
            push('-', node, r, bold, italic);
            break;
          case 'commentReference':
            events.commentReference?.(idOf(node), length);
            break;
          case 'drawing':
          case 'pict':
          case 'object':
            events.drawing?.(node);
            break;
          default:
            if (node.name === 'mc:AlternateContent') visit(child(node, 'mc:Choice') ?? node);
        }
      }
    };
    visit(r);
  };
  const walk = (parent: XmlElement) => {
    for (const node of parent.children) {
      if (node.kind !== 'element') continue;
      const name = local(node);
      if (name === 'r') run(node);
      else if (name === 'commentRangeStart') events.commentStart?.(idOf(node), length);
      else if (name === 'commentRangeEnd') events.commentEnd?.(idOf(node), length);
      else if (name === 'del' || name === 'moveFrom') events.trackedChange?.();
      else if (name === 'ins' || name === 'moveTo') {
        events.trackedChange?.();
        walk(node);
      } else if (name === 'sdt') walk(child(node, `${w}:sdtContent`) ?? node);
      else if (!SKIPPED.has(name) && name !== '') walk(node);
      else if (node.name === 'mc:AlternateContent') walk(child(node, 'mc:Choice') ?? node);
    }
  };
  walk(element);
  return { text: texts.join(''), pieces };
}

/** The visible text of a range of the document, paragraphs joined by a line feed. */
export function textBetween(document: WordDocument, start: TextPlace, end: TextPlace): string {
  if (start.paragraph === end.paragraph) return document.paragraphs[start.paragraph].text.slice(start.offset, end.offset);
  const parts = [document.paragraphs[start.paragraph].text.slice(start.offset)];
  for (let p = start.paragraph + 1; p < end.paragraph; p++) parts.push(document.paragraphs[p].text);
  parts.push(document.paragraphs[end.paragraph].text.slice(0, end.offset));
  return parts.join('\n');
}
