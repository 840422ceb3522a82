import { paragraphText, type TextPlace, type WordDocument } from './word-document';
import {
  append,
  attribute,
  child,
  cloneDeep,
  cloneShallow,
  decodeText,
  descendants,
  element,
  escapeAttribute,
  insertAt,
  parseXml,
  serializeTree,
  text as textNode,
  type XmlElement,
  type XmlNode,
  type XmlTree,
} from './xml';
import { readPart, writeZip } from './zip';

/**
 * Writes comments and tracked changes into a Word document read by
 * `readWordDocument`, editing its XML tree in place: a run is split only
 * where a comment or a change starts or ends inside it (both halves keep its
 * properties), and every other node keeps its bytes. The package is written
 * again with `document.xml`, `comments.xml`, the relationships and the
 * content types changed; every other part is copied as it was.
 */

export interface NewComment {
  start: TextPlace;
  end: TextPlace;
  /** The comment's paragraphs. */
  paragraphs: string[];
}

export interface NewChange {
  start: TextPlace;
  end: TextPlace;
  /** What replaces the text between `start` and `end` (both in one paragraph). */
  newText: string;
}

export interface Reviewer {
  author: string;
  initials: string;
  /** ISO date and time, as Word writes it (`2026-12-04T10:00:00Z`). */
  date: string;
}

const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A place between two children of an element: where a mark or a change is inserted. */
interface Point {
  parent: XmlElement;
  index: number;
}

const indexIn = (node: XmlNode) => node.parent!.children.indexOf(node);

export class DocumentEditor {
  private readonly w: string;
  private nextId: number;

  constructor(private readonly document: WordDocument) {
    this.w = document.w;
    // Comment and revision ids share no space in the schema, but one counter above every id in the body keeps both unique.
    let max = 0;
    const visit = (e: XmlElement) => {
      // The start tags alone: serialising a body of 100 pages to search it cost more than every comment.
      if (e.open.includes('w:id=')) for (const m of e.open.matchAll(/\sw:id="(\d+)"/g)) max = Math.max(max, Number(m[1]));
      for (const c of e.children) if (c.kind === 'element') visit(c);
    };
    visit(document.tree.root);
    for (const c of document.comments) max = Math.max(max, Number(c.id) || 0);
    this.nextId = max + 1;
  }

  private paragraphElement(place: TextPlace): XmlElement {
    return this.document.paragraphs[place.paragraph].element;
  }

  /**
   * A point before the character at `place` (`side` start) or after the one
   * before it (`side` end), splitting the run (and its `w:t`) when the place
   * is inside it.
   */
  private point(place: TextPlace, side: 'start' | 'end'): Point {
    const paragraph = this.paragraphElement(place);
    const { text, pieces } = paragraphText(paragraph, this.w);
    const w = this.w;
    if (!pieces.length) {
      // An empty paragraph: after its properties.
      const props = child(paragraph, `${w}:pPr`);
      return { parent: paragraph, index: props ? indexIn(props) + 1 : 0 };
    }
    const offset = Math.max(0, Math.min(place.offset, text.length));
    const useStart = side === 'start' ? offset < text.length : offset === 0;
    const piece = useStart ? pieces.find((p) => p.start <= offset && offset < p.end)! : pieces.find((p) => p.start < offset && offset <= p.end)!;
    const run = piece.run;
    if (offset > piece.start && offset < piece.end) return this.splitText(piece.node, run, offset - piece.start);
    const content = run.children.filter((c): c is XmlElement => c.kind === 'element' && c.name !== `${w}:rPr`);
    if (useStart) {
      if (content[0] === piece.node) return { parent: run.parent!, index: indexIn(run) };
      return this.splitRunBefore(run, piece.node);
    }
    if (content[content.length - 1] === piece.node) return { parent: run.parent!, index: indexIn(run) + 1 };
    const next = content[content.indexOf(piece.node) + 1];
    return this.splitRunBefore(run, next);
  }

  /** Splits a run before one of its children: the children from there on go to a copy of the run placed after it. */
  private splitRunBefore(run: XmlElement, at: XmlElement): Point {
    const copy = cloneShallow(run);
    const props = child(run, `${this.w}:rPr`);
    if (props) append(copy, cloneDeep(props));
    const from = run.children.indexOf(at);
    for (const moved of run.children.splice(from)) append(copy, moved);
    insertAt(run.parent!, indexIn(run) + 1, copy);
    return { parent: run.parent!, index: indexIn(run) + 1 };
  }

  /** Splits a `w:t` at a character and its run there. */
  private splitText(t: XmlElement, run: XmlElement, at: number): Point {
    const content = t.children.map((c) => (c.kind === 'text' ? decodeText(c.raw) : '')).join('');
    const preserved = (s: string) => element(`<${this.w}:t xml:space="preserve">`, [textNode(s)]);
    const head = preserved(content.slice(0, at));
    const tail = preserved(content.slice(at));
    const index = run.children.indexOf(t);
    run.children.splice(index, 1, head, tail);
    head.parent = run;
    tail.parent = run;
    return this.splitRunBefore(run, tail);
  }

  /** Adds a comment anchored from `start` to `end`; returns its id. */
  addComment(comment: NewComment, reviewer: Reviewer): string {
    const id = String(this.nextId++);
    const w = this.w;
    const start = this.point(comment.start, 'start');
    insertAt(start.parent, start.index, element(`<${w}:commentRangeStart ${w}:id="${id}"/>`));
    const end = this.point(comment.end, 'end');
    insertAt(end.parent, end.index, element(`<${w}:commentRangeEnd ${w}:id="${id}"/>`), element(`<${w}:r>`, [element(`<${w}:commentReference ${w}:id="${id}"/>`)]));
    this.comments.push(this.commentXml(id, comment.paragraphs, reviewer));
    return id;
  }

  private readonly comments: string[] = [];

  private commentXml(id: string, paragraphs: string[], reviewer: Reviewer): string {
    const w = this.w;
    const run = (s: string) => `<${w}:r><${w}:t xml:space="preserve">${textNode(s).raw}</${w}:t></${w}:r>`;
    const body = paragraphs
      .map((line, i) => {
        const mark = i === 0 ? `<${w}:r><${w}:annotationRef/></${w}:r>` : '';
        // A link stays plain text: LibreOffice 7 spills a field of one comment into the next.
        return `<${w}:p>${mark}${run(line)}</${w}:p>`;
      })
      .join('');
    return `<${w}:comment ${w}:id="${id}" ${w}:author="${escapeAttribute(reviewer.author)}" ${w}:date="${reviewer.date}" ${w}:initials="${escapeAttribute(reviewer.initials)}">${body}</${w}:comment>`;
  }

  /**
   * Writes a replacement as a tracked change (the old runs in `w:del`, the
   * new text in `w:ins` with the first old run's properties). Returns false,
   * changing nothing, when the range crosses anything but plain runs of one
   * parent (a hyperlink's edge, a field, an earlier change).
   */
  addChange(change: NewChange, reviewer: Reviewer): boolean {
    const w = this.w;
    if (change.start.paragraph !== change.end.paragraph) return false;
    const paragraph = this.paragraphElement(change.start);
    const { text } = paragraphText(paragraph, w);
    const empty = change.start.offset === change.end.offset;
    // Check before splitting anything: the runs of the range must be plain runs side by side.
    const before = serializeTree({ prolog: '', root: paragraph, epilog: '' });
    const start = this.point(change.start, empty && change.start.offset === text.length ? 'end' : 'start');
    const end = empty ? start : this.point(change.end, 'end');
    const removed = empty ? [] : start.parent.children.slice(start.index, end.index);
    const plain = start.parent === end.parent && removed.every((n) => n.kind !== 'element' || n.name === `${w}:r` || /:(?:bookmark|commentRange|proofErr)/.test(n.name));
    const runs = removed.filter((n): n is XmlElement => n.kind === 'element' && n.name === `${w}:r`);
    const simple = runs.every((r) => r.children.every((c) => c.kind !== 'element' || [`${w}:rPr`, `${w}:t`, `${w}:tab`].includes(c.name)));
    if (!plain || !simple) {
      // Undo the splits: the paragraph's XML as it was.
      const restored = parseXml(before, 'word/document.xml').root;
      paragraph.children = [];
      for (const c of restored.children) append(paragraph, c);
      return false;
    }
    const stamp = `${w}:author="${escapeAttribute(reviewer.author)}" ${w}:date="${reviewer.date}"`;
    for (const r of runs) {
      const del = element(`<${w}:del ${w}:id="${this.nextId++}" ${stamp}>`);
      insertAt(r.parent!, indexIn(r), del);
      r.parent!.children.splice(indexIn(r), 1);
      append(del, r);
      for (const t of r.children)
        if (t.kind === 'element' && t.name === `${w}:t`) {
          t.name = `${w}:delText`;
          t.open = t.open.replace(`<${w}:t`, `<${w}:delText`);
          t.close = `</${w}:delText>`;
        }
    }
    if (change.newText) {
      const model = runs[0] ?? this.neighbourRun(start);
      const props = model ? child(model, `${w}:rPr`) : undefined;
      const run = element(`<${w}:r>`);
      if (props) append(run, cloneDeep(props));
      change.newText.split(/(\t)/).forEach((part) => {
        if (part === '\t') append(run, element(`<${w}:tab/>`));
        else if (part) append(run, element(`<${w}:t xml:space="preserve">`, [textNode(part)]));
      });
      const ins = element(`<${w}:ins ${w}:id="${this.nextId++}" ${stamp}>`, [run]);
      const at = start.index + removed.length;
      insertAt(start.parent, at, ins);
    }
    return true;
  }

  /** The run beside a point, whose properties an insertion takes. */
  private neighbourRun(point: Point): XmlElement | undefined {
    const isRun = (n: XmlNode | undefined): n is XmlElement => n?.kind === 'element' && n.name === `${this.w}:r`;
    const before = point.parent.children[point.index - 1];
    const after = point.parent.children[point.index];
    return isRun(before) ? before : isRun(after) ? after : undefined;
  }

  /** The package with the comments and changes added: bytes of a `.docx`. */
  toBytes(): Uint8Array {
    const { zip, documentPart } = this.document;
    const changes = new Map<string, string>([[documentPart, serializeTree(this.document.tree)]]);
    if (this.comments.length) {
      const folder = documentPart.slice(0, documentPart.lastIndexOf('/') + 1);
      const relsName = `${folder}_rels/${documentPart.slice(folder.length)}.rels`;
      const rels = readPart(zip, relsName);
      const relsTree = parseXml(
        rels ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
        relsName,
      );
      const existing = relsTree.root.children.find((r) => r.kind === 'element' && attribute(r, 'Type') === COMMENTS_TYPE) as XmlElement | undefined;
      let commentsName = `${folder}comments.xml`;
      if (existing) {
        const target = attribute(existing, 'Target') ?? 'comments.xml';
        commentsName = target.startsWith('/') ? target.slice(1) : folder + target;
      } else {
        const ids = new Set(descendants(relsTree.root, 'Relationship').map((r) => attribute(r, 'Id')));
        let n = ids.size + 1;
        while (ids.has(`rId${n}`)) n++;
        append(relsTree.root, element(`<Relationship Id="rId${n}" Type="${COMMENTS_TYPE}" Target="comments.xml"/>`));
        changes.set(relsName, serializeTree(relsTree));
      }
      const current = readPart(zip, commentsName);
      const w = this.w;
      const commentsTree: XmlTree = parseXml(current ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${w}:comments xmlns:${w}="${W_NAMESPACE}"></${w}:comments>`, commentsName);
      for (const xml of this.comments) append(commentsTree.root, parseXml(xml, commentsName).root);
      changes.set(commentsName, serializeTree(commentsTree));
      const typesName = '[Content_Types].xml';
      const types = parseXml(readPart(zip, typesName) ?? '', typesName);
      const partName = `/${commentsName}`;
      const declared = descendants(types.root, 'Override').some((o) => (attribute(o, 'PartName') ?? '').toLowerCase() === partName.toLowerCase());
      if (!declared) {
        append(types.root, element(`<Override PartName="${partName}" ContentType="${COMMENTS_CONTENT}"/>`));
        changes.set(typesName, serializeTree(types));
      }
    }
    return writeZip(zip, changes);
  }
}
