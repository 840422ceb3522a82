import type { LayoutBlock, LayoutPage, LayoutParagraph, LayoutSection } from './layout-model';
import { estimateBlockHeightMm, lineHeightMm, MM_PER_PT, paragraphLines, type ParagraphLines } from './measure';
import { textHeightMm, textWidthMm } from './system-styles';

/** Fewest lines of a split paragraph left on either page (no widow, no orphan). */
const MIN_LINES = 2;

/** Body text that may run onto the next page: not headings and other blocks kept with what follows. */
function splittable(block: LayoutBlock): block is LayoutParagraph {
  return block.kind === 'paragraph' && !block.keepWithNext;
}

/** A page ended before `endBlock`, `usedMm` of its height taken; `until`: where its last block's text stops when it goes on. */
function closed(page: LayoutPage, number: number, endBlock: number, usedMm: number, until?: { line: number; offset: number }): LayoutPage {
  return {
    ...page,
    number,
    endBlock,
    showNumber: number > 1,
    contentHeightMm: Math.round(usedMm * 10) / 10,
    ...(until ? { lastBlockUntilLine: until.line, lastBlockUntilOffset: until.offset } : {}),
  };
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
    // A paragraph split over many pages is measured once, not once a page.
    const measured = new Map<LayoutParagraph, ParagraphLines>();
    const linesOf = (p: LayoutParagraph) => measured.get(p) ?? measured.set(p, paragraphLines(p, width)).get(p)!;
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
    const close = (endBlock: number, until?: { line: number; offset: number }) => void pages.push(closed(page, pages.length + 1, endBlock, used, until));
    /** The paragraph begun on the page before: the lines shown there, and where its text goes on. */
    let carried: { line: number; offset: number } | undefined;
    for (let i = 0; i < blocks.length;) {
      const block = blocks[i];
      let own = heights[i];
      if (carried && block.kind === 'paragraph') {
        // The rest of a paragraph begun on the page before.
        own = linesOf(block).linesFrom(carried.offset) * lineHeightMm(block) + block.spaceAfterPt * MM_PER_PT;
      }
      const needed = block.keepWithNext ? Math.min(chain(i), height) : own;
      const empty = i === page.firstBlock && carried?.line === page.firstBlockFromLine;
      const place = () => {
        used += own;
        i++;
        carried = undefined;
      };
      if (used + needed <= height) {
        place();
        continue;
      }
      if (splittable(block)) {
        const measure = linesOf(block);
        const lines = carried ? measure.linesFrom(carried.offset) : measure.count;
        const before = carried ? 0 : block.spaceBeforePt * MM_PER_PT;
        // Lines that fit here, leaving at least two for the next page.
        const fit = Math.min(Math.floor((height - used - before) / lineHeightMm(block)), lines - MIN_LINES);
        if (fit >= MIN_LINES) {
          used += before + fit * lineHeightMm(block);
          // Each page carries only its part of the text: the part is cut where its lines are full.
          const until = { line: (carried?.line ?? 0) + fit, offset: measure.cut(carried?.offset ?? 0, fit) };
          close(i + 1, until);
          carried = until;
          page = { ...page, firstBlock: i, firstBlockFromLine: until.line, firstBlockFromOffset: until.offset };
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
      const goesOn = carried ? { firstBlockFromLine: carried.line, firstBlockFromOffset: carried.offset } : {};
      page = { number: 0, section: sectionIndex, firstBlock: i, endBlock: 0, showNumber: false, contentHeightMm: 0, ...goesOn };
      used = 0;
    }
    close(blocks.length);
  });
  return pages;
}
