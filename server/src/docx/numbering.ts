import { attribute, child, descendants, elementChildren, type XmlElement, type XmlTree } from './xml';
import type { WordStyles } from './styles';
import { toRoman } from '../syntax/numbering';

/**
 * Word's automatic list numbering (`word/numbering.xml`): the number a reader
 * sees before a paragraph (`I.`, `1.`, `a)`, `2.1.`), which the paragraph's
 * text does not hold. Counted as Word counts: per abstract list, deeper
 * levels restarting under a shallower one, `startOverride` restarting a list.
 */

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: 'tab' | 'space' | 'nothing';
  legal: boolean;
}

interface NumberingInstance {
  abstractId: string;
  /** Levels whose start a `w:lvlOverride` resets, with their own level definition when it gives one. */
  overrides: Map<number, { start?: number; level?: Level }>;
}

/** The number of one paragraph as Word draws it. */
export interface ListNumber {
  /** What Word prints: `II.`, `a)`, `2.1.`; a bullet is `•` or its character; '' for `none`. */
  label: string;
  /** False for bullets. */
  ordered: boolean;
  /** 0-based level (`w:ilvl`). */
  level: number;
  /** What follows the label: a tab, a space or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
}

/** Bullets drawn from the Symbol and Wingdings fonts' private-use code points, as the reader sees them. */
const SYMBOL_BULLETS: Record<string, string> = { '\uf0b7': '•', '\uf0a7': '▪', '\uf0d8': '➢', '\uf076': '❖', '\uf0fc': '✓', '\uf0a8': '◦', '\uf02d': '-' };

/** Word's letters: a … z, then aa … zz (the Latin alphabet, whatever the document's language). */
const letter = (n: number) => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerLetter':
      return letter(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function readLevel(lvl: XmlElement, w: string): Level {
  const val = (name: string) => {
    const property = child(lvl, `${w}:${name}`);
    return property ? attribute(property, `${w}:val`) : undefined;
  };
  const start = Number(val('start') ?? 1);
  const suffix = val('suff');
  const legal = child(lvl, `${w}:isLgl`);
  return {
    start: Number.isFinite(start) ? start : 1,
    format: val('numFmt') || 'decimal',
    text: val('lvlText') ?? '',
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    legal: Boolean(legal) && !/^(?:0|false|off)$/.test(val('isLgl') ?? ''),
  };
}

/** The numbering definitions of a document and the counters of a reading in document order. */
export class WordNumbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly instances = new Map<string, NumberingInstance>();
  private readonly counters = new Map<string, number[]>();
  private readonly seen = new Set<string>();

  constructor(
    tree: XmlTree | undefined,
    w: string,
    private readonly styles: WordStyles,
  ) {
    if (!tree) return;
    const links = new Map<string, string>();
    for (const abstract of descendants(tree.root, `${w}:abstractNum`)) {
      const id = attribute(abstract, `${w}:abstractNumId`) ?? '';
      const levels = new Map<number, Level>();
      for (const lvl of elementChildren(abstract).filter((e) => e.name === `${w}:lvl`)) levels.set(Number(attribute(lvl, `${w}:ilvl`) ?? 0), readLevel(lvl, w));
      this.abstracts.set(id, levels);
      const link = child(abstract, `${w}:numStyleLink`);
      if (link) links.set(id, attribute(link, `${w}:val`) ?? '');
    }
    for (const num of descendants(tree.root, `${w}:num`)) {
      const id = attribute(num, `${w}:numId`) ?? '';
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of elementChildren(num).filter((e) => e.name === `${w}:lvlOverride`)) {
        const start = child(o, `${w}:startOverride`);
        const lvl = child(o, `${w}:lvl`);
        overrides.set(Number(attribute(o, `${w}:ilvl`) ?? 0), {
          ...(start ? { start: Number(attribute(start, `${w}:val`) ?? 1) } : {}),
          ...(lvl ? { level: readLevel(lvl, w) } : {}),
        });
      }
      this.instances.set(id, { abstractId: attribute(child(num, `${w}:abstractNumId`) ?? num, `${w}:val`) ?? '', overrides });
    }
    // A list defined by a numbering style (`w:numStyleLink`) takes its levels from the list that style points to.
    for (const [id, styleId] of links) {
      const numId = this.styles.numberingOf(styleId)?.numId;
      const target = numId ? this.instances.get(numId)?.abstractId : undefined;
      const levels = target ? this.abstracts.get(target) : undefined;
      if (levels && levels.size) this.abstracts.set(id, levels);
    }
  }

  /** The level definition a paragraph of a list uses. */
  private levelOf(instance: NumberingInstance, level: number): Level | undefined {
    return instance.overrides.get(level)?.level ?? this.abstracts.get(instance.abstractId)?.get(level);
  }

  /**
   * Counts the next paragraph of list `numId` at `level` (call in document
   * order) and gives its number; undefined when the list does not exist or
   * is `numId` 0 (numbering removed).
   */
  next(numId: string, level: number): ListNumber | undefined {
    const instance = this.instances.get(numId);
    if (!instance || numId === '0') return undefined;
    const definition = this.levelOf(instance, level);
    if (!definition) return undefined;
    let counters = this.counters.get(instance.abstractId);
    if (!counters) this.counters.set(instance.abstractId, (counters = []));
    if (!this.seen.has(numId)) {
      this.seen.add(numId);
      // A list restarted by Word (`Restart numbering`) is a new instance overriding its start.
      for (const [l, o] of instance.overrides) if (o.start !== undefined) counters[l] = o.start - 1;
    }
    counters[level] = (counters[level] ?? definition.start - 1) + 1;
    counters.length = level + 1;
    if (definition.format === 'bullet') {
      return { label: SYMBOL_BULLETS[definition.text] ?? definition.text, ordered: false, level, suffix: definition.suffix };
    }
    const label = definition.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const def = this.levelOf(instance, l);
      const n = counters![l] ?? def?.start ?? 1;
      return formatNumber(n, definition.legal ? 'decimal' : (def?.format ?? 'decimal'));
    });
    return { label, ordered: true, level, suffix: definition.suffix };
  }
}
