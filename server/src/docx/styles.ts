import { attribute, child, descendants, type XmlTree } from './xml';

/** The paragraph styles of a document (`word/styles.xml`): names, inheritance, and the list a style numbers with. */
interface Style {
  name: string;
  basedOn?: string;
  numbering?: { numId: string; level?: number };
}

export class WordStyles {
  private readonly styles = new Map<string, Style>();
  /** The paragraph style a paragraph without `w:pStyle` has. */
  readonly defaultParagraphStyle?: string;

  constructor(tree: XmlTree | undefined, w: string) {
    if (!tree) return;
    for (const style of descendants(tree.root, `${w}:style`)) {
      const id = attribute(style, `${w}:styleId`);
      if (!id) continue;
      const numPr = child(child(style, `${w}:pPr`), `${w}:numPr`);
      const numId = numPr && attribute(child(numPr, `${w}:numId`) ?? numPr, `${w}:val`);
      const ilvl = numPr && child(numPr, `${w}:ilvl`);
      const basedOn = child(style, `${w}:basedOn`);
      this.styles.set(id, {
        name: attribute(child(style, `${w}:name`) ?? style, `${w}:val`) ?? id,
        ...(basedOn ? { basedOn: attribute(basedOn, `${w}:val`) } : {}),
        ...(numId ? { numbering: { numId, ...(ilvl ? { level: Number(attribute(ilvl, `${w}:val`) ?? 0) } : {}) } } : {}),
      });
      if (attribute(style, `${w}:type`) === 'paragraph' && /^(?:1|true|on)$/.test(attribute(style, `${w}:default`) ?? '')) this.defaultParagraphStyle = id;
    }
  }

  /** The style's name (`heading 1`), or its id when it has none. */
  nameOf(id: string): string {
    return this.styles.get(id)?.name ?? id;
  }

  /** The list a style numbers its paragraphs with, from itself or the styles it is based on. */
  numberingOf(id: string): { numId: string; level?: number } | undefined {
    const visited = new Set<string>();
    for (let s = this.styles.get(id); s && !visited.has(s.name); s = s.basedOn ? this.styles.get(s.basedOn) : undefined) {
      visited.add(s.name);
      if (s.numbering) return s.numbering;
    }
    return undefined;
  }
}
