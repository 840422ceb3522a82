import type { LayoutBlock, LayoutPage, LayoutParagraph, LayoutSection } from './layout-model';
import { estimateBlockHeightMm, estimateLines, lineHeightMm, MM_PER_PT } from './measure';
import { textHeightMm, textWidthMm } from './system-styles';

/** Fewest lines of a split paragraph left on either page (no widow, no orphan). */
const MIN_LINES = 2;

/** Body text that may run onto the next page: not headings and other blocks kept with what follows. */
function splittable(block: LayoutBlock): block is LayoutParagraph {
  return block.kind === 'paragraph' && !block.keepWithNext;
}

/**
 * Splits each section into pages by estimated heights. Each section starts on
 * a new page; page numbers run through the document and the first page shows
 * none. A paragraph that does not fit runs onto the next page when at least
 * two of its lines stay on each; other blocks move whole, and a block kept
 * with the next one moves with it.
 */
export function paginate(sections: LayoutSection[]): LayoutPage[] {
  const pages: LayoutPage[] = [];
  sections.forEach((section, sectionIndex) => {
    const height = textHeightMm(section.page);
    const width = textWidthMm(section.page);
    const blocks = section.blocks;
    const heights = blocks.map((b) => estimateBlockHeightMm(b, width));
    // A paragraph's estimated lines, once: a paragraph running over many pages is asked about on each (linear, not quadratic, in its length).
    const lineCounts: number[] = [];
    const linesOf = (i: number) => (lineCounts[i] ??= estimateLines(blocks[i] as LayoutParagraph, width));
    // A chain of blocks kept with the next one must fit with the block after it, or with the
    // first lines of that block when it may run onto the next page. Only up to a page's height
    // matters: a longer chain (thousands of headings) is not walked to its end for every block.
    const chain = (i: number) => {
      let total = heights[i];
      for (let j = i; blocks[j].keepWithNext && j + 1 < heights.length && total < height; j++) {
        const next = blocks[j + 1];
        total += splittable(next) ? Math.min(heights[j + 1], next.spaceBeforePt * MM_PER_PT + MIN_LINES * lineHeightMm(next)) : heights[j + 1];
      }
      return total;
    };
    let page: LayoutPage = { number: 0, section: sectionIndex, firstBlock: 0, endBlock: 0, showNumber: false, contentHeightMm: 0 };
    let used = 0;
    const close = (endBlock: number, untilLine?: number) => {
      pages.push({ ...page, number: pages.length + 1, endBlock, showNumber: pages.length > 0, contentHeightMm: Math.round(used * 10) / 10, ...(untilLine !== undefined ? { lastBlockUntilLine: untilLine } : {}) });
    };
    let fromLine: number | undefined;
    for (let i = 0; i < blocks.length; ) {
      const block = blocks[i];
      let own = heights[i];
      if (fromLine !== undefined && block.kind === 'paragraph') {
        // The rest of a paragraph begun on the page before.
        own = (linesOf(i) - fromLine) * lineHeightMm(block) + block.spaceAfterPt * MM_PER_PT;
      }
      const needed = block.keepWithNext ? Math.min(chain(i), height) : own;
      const empty = i === page.firstBlock && fromLine === page.firstBlockFromLine;
      const place = () => {
        used += own;
        i++;
        fromLine = undefined;
      };
      if (used + needed <= height) {
        place();
        continue;
      }
      if (splittable(block)) {
        const lines = linesOf(i);
        const shown = fromLine ?? 0;
        const before = fromLine === undefined ? block.spaceBeforePt * MM_PER_PT : 0;
        // Lines that fit here, leaving at least two for the next page.
        const fit = Math.min(Math.floor((height - used - before) / lineHeightMm(block)), lines - shown - MIN_LINES);
        if (fit >= MIN_LINES) {
          used += before + fit * lineHeightMm(block);
          close(i + 1, shown + fit);
          fromLine = shown + fit;
          page = { ...page, firstBlock: i, firstBlockFromLine: fromLine };
          used = 0;
          continue;
        }
      }
      if (empty) {
        // Taller than a page and not to be split: it overflows its page.
        place();
        continue;
      }
      close(i);
      page = { number: 0, section: sectionIndex, firstBlock: i, endBlock: 0, showNumber: false, contentHeightMm: 0, ...(fromLine !== undefined ? { firstBlockFromLine: fromLine } : {}) };
      used = 0;
    }
    close(blocks.length);
  });
  return pages;
}
