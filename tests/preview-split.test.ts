/**
 * A paragraph split across preview pages: each page carries only its own
 * part of the text, every character on exactly one page, so that a long
 * paragraph costs the preview its length once, not once a page.
 */
import { describe, expect, it } from 'vitest';
import { layoutPlan } from '../server/src/layout';
import { renderPreviewPages } from '../server/src/render/html-preview';
import { parsePlan } from '../server/src/syntax/parse';

/** A plan whose body is one paragraph of 200,000 characters, each sentence numbered so that it can be found once. */
function longPlan(): { text: string; sentences: string[] } {
  const sentences: string[] = [];
  for (let i = 1, length = 0; length < 200_000; i++) {
    const sentence = `Câu số ${i}: Ủy ban nhân dân tỉnh triển khai thực hiện nhiệm vụ trọng tâm, bảo đảm tiến độ và chất lượng.`;
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  const text = `Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: 12/KH-UBND\nNgày: 15/3/2026\n---\n\n# MỤC ĐÍCH, YÊU CẦU\n\n${sentences.join(' ')}\n`;
  return { text, sentences };
}

describe('a paragraph split across preview pages', () => {
  it('gives each page only its own part: every sentence once, the pages together its length, not its length a page', () => {
    const { text, sentences } = longPlan();
    const pages = renderPreviewPages(layoutPlan(parsePlan(text).document), []);
    expect(pages.pageCount).toBeGreaterThan(50);
    // 200 KB of text (about 250 KB in UTF-8): the markup around it stays within a few times that.
    expect(Buffer.byteLength(pages.body)).toBeLessThan(1_000_000);
    // Each sentence's number (`12:`) is a word of its own, whichever page it falls on: each shown once, in order.
    const numbers = pages.body
      .replace(/<[^>]*>/g, ' ')
      .split(/\s+/)
      .filter((w) => /^\d+:$/.test(w));
    expect(numbers).toEqual(sentences.map((_, i) => `${i + 1}:`));
  });
});
