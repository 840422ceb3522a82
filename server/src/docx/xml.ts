import { DocxInputError } from './input-error';

/**
 * A tree of an XML part that keeps every byte: each element holds its start
 * and end tags as written, each text its raw characters (entities
 * undecoded), so that serialising an unchanged tree gives the part back
 * exactly and an edit changes only the nodes it touches. No namespaces are
 * resolved (WordprocessingML is read by its `w:` prefix, see `wordPrefix`),
 * no entity is expanded beyond the five predefined and character references.
 */

export interface XmlElement {
  kind: 'element';
  /** The qualified name (`w:r`). */
  name: string;
  /** The start tag as written, `/>` included for an empty element. */
  open: string;
  /** The end tag as written, '' for an empty element. */
  close: string;
  children: XmlNode[];
  parent?: XmlElement;
}

/** Character data (raw, entities undecoded) or markup kept as written (comments, processing instructions, CDATA). */
export interface XmlText {
  kind: 'text' | 'other';
  raw: string;
  parent?: XmlElement;
}

export type XmlNode = XmlElement | XmlText;

export interface XmlTree {
  /** Everything before the root element (the declaration), as written. */
  prolog: string;
  root: XmlElement;
  /** Everything after the root element. */
  epilog: string;
}

const malformed = (part: string, at: number) =>
  new DocxInputError(`Tệp Word bị hỏng: ${part} không phải XML hợp lệ (ký tự ${at}) / The Word file is corrupt: ${part} is not well-formed XML (character ${at})`);

/** The end of a tag starting at `start` (`<`), quotes respected: `>` may stand inside an attribute value. */
function tagEnd(xml: string, start: number): number {
  let quote = 0;
  for (let i = start + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

const nameOf = (tag: string, from: number) => {
  let end = from;
  while (end < tag.length) {
    const c = tag.charCodeAt(end);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
    end++;
  }
  return tag.slice(from, end);
};

/** Parses an XML part into a tree that serialises back to the same string; `part` names it in errors. */
export function parseXml(xml: string, part: string): XmlTree {
  let prolog = '';
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];
  let i = 0;
  const add = (node: XmlNode) => {
    const parent = stack[stack.length - 1];
    if (parent) {
      node.parent = parent;
      parent.children.push(node);
    } else if (node.kind === 'element') {
      if (root) throw malformed(part, i);
      root = node;
    } else if (!root) prolog += node.raw;
  };
  let epilog = '';
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      const raw = xml.slice(i, textEnd);
      if (stack.length) add({ kind: 'text', raw });
      else if (root) epilog += raw;
      else prolog += raw;
    }
    if (lt < 0) break;
    i = lt;
    let end: number;
    if (xml.startsWith('<!--', i)) end = xml.indexOf('-->', i) + 2;
    else if (xml.startsWith('<![CDATA[', i)) end = xml.indexOf(']]>', i) + 2;
    else if (xml.startsWith('<?', i)) end = xml.indexOf('?>', i) + 1;
    else end = tagEnd(xml, i);
    if (end <= i) throw malformed(part, i);
    const tag = xml.slice(i, end + 1);
    const c = tag.charCodeAt(1);
    if (c === 33 || c === 63) {
      // A comment, CDATA, processing instruction or declaration: kept as written.
      if (stack.length) add({ kind: tag.startsWith('<![CDATA[') ? 'text' : 'other', raw: tag });
      else if (root) epilog += tag;
      else prolog += tag;
    } else if (c === 47) {
      const name = nameOf(tag, 2);
      const open = stack.pop();
      if (!open || open.name !== name) throw malformed(part, i);
      open.close = tag;
      if (!stack.length) epilog = '';
    } else {
      const element: XmlElement = { kind: 'element', name: nameOf(tag, 1), open: tag, close: '', children: [] };
      add(element);
      if (tag.charCodeAt(tag.length - 2) !== 47) stack.push(element);
    }
    i = end + 1;
  }
  if (stack.length || !root) throw malformed(part, xml.length);
  return { prolog, root, epilog };
}

/** Writes a node as XML: the raw text of everything not changed. */
export function serialize(node: XmlNode, out: string[] = []): string[] {
  if (node.kind !== 'element') out.push(node.raw);
  else {
    out.push(node.open);
    for (const child of node.children) serialize(child, out);
    out.push(node.close);
  }
  return out;
}

export function serializeTree(tree: XmlTree): string {
  return tree.prolog + serialize(tree.root).join('') + tree.epilog;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references of raw character data (CDATA read as is). */
export function decodeText(raw: string): string {
  if (raw.startsWith('<![CDATA[')) return raw.slice(9, -3);
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/g, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

const attributePatterns = new Map<string, RegExp>();

/** The value of an attribute in a start tag (decoded), or undefined. */
export function attribute(element: XmlElement, name: string): string | undefined {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  const m = pattern.exec(element.open);
  return m ? decodeText(m[1] ?? m[2]) : undefined;
}

export const elementChildren = (element: XmlElement): XmlElement[] => element.children.filter((c): c is XmlElement => c.kind === 'element');

/** The first child element of a name. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!element) return undefined;
  for (const c of element.children) if (c.kind === 'element' && c.name === name) return c;
  return undefined;
}

/** Every element of a name below `element`, in document order. */
export function descendants(element: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of element.children) {
    if (c.kind !== 'element') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** The concatenated decoded text below an element. */
export function textContent(element: XmlElement): string {
  let out = '';
  for (const c of element.children) out += c.kind === 'element' ? textContent(c) : c.kind === 'text' ? decodeText(c.raw) : '';
  return out;
}

/** Builds an element from a start tag: `<w:r>` or `<w:tab/>`; its end tag follows from its name. */
export function element(open: string, children: XmlNode[] = []): XmlElement {
  const empty = open.endsWith('/>');
  const node: XmlElement = { kind: 'element', name: nameOf(open, 1), open, close: '', children: [] };
  if (!empty) node.close = `</${node.name}>`;
  for (const c of children) append(node, c);
  return node;
}

export function text(content: string): XmlText {
  return { kind: 'text', raw: escapeText(content) };
}

export function append(parent: XmlElement, node: XmlNode): void {
  if (parent.close === '' && parent.open.endsWith('/>')) {
    // An empty element that receives content gets an end tag.
    parent.open = `${parent.open.slice(0, -2).trimEnd()}>`;
    parent.close = `</${parent.name}>`;
  }
  node.parent = parent;
  parent.children.push(node);
}

/** Inserts `nodes` into `parent` before its child at `index`. */
export function insertAt(parent: XmlElement, index: number, ...nodes: XmlNode[]): void {
  for (const n of nodes) n.parent = parent;
  parent.children.splice(index, 0, ...nodes);
}

/** A shallow copy of an element without its children (its start tag kept), for splitting a run. */
export function cloneShallow(element: XmlElement): XmlElement {
  return { kind: 'element', name: element.name, open: element.open, close: element.close, children: [] };
}

/** A deep copy of a node. */
export function cloneDeep<T extends XmlNode>(node: T): T {
  if (node.kind !== 'element') return { kind: node.kind, raw: node.raw } as T;
  const copy = cloneShallow(node);
  for (const c of node.children) append(copy, cloneDeep(c));
  return copy as T;
}
