import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutPlan, type LayoutBlock, type LayoutDocument, type LayoutParagraph, type TextRun } from '../server/src/layout';
import type { Range } from '../server/src/model';
import { parsePlan } from '../server/src/syntax/parse';

const example = (name: string) => readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8');
const layoutOf = (text: string) => layoutPlan(parsePlan(text).document);

const at = (r?: Range) => (r ? ` @${r.start.line + 1}:${r.start.character}-${r.end.line + 1}:${r.end.character}` : '');

/** A run's text with its own marks: `**bold**`, `*italic*`, `__underline__`, `[framed]`, `⏎` before a new line; `⍽` a no-break space. */
function runText(run: TextRun): string {
  let t = run.text.replace(/\u00A0/g, '⍽');
  if (run.framed) t = `[${t}]`;
  if (run.breakBefore) t = `⏎${t}`;
  if (run.bold) t = `**${t}**`;
  if (run.italic) t = `*${t}*`;
  if (run.underline) t = `__${t}__`;
  return t;
}

function paragraphLine(p: LayoutParagraph): string {
  const text = p.runs.map(runText).join('');
  const shown = [...text].length > 90 ? `${[...text].slice(0, 90).join('')}… (${[...text].length})` : text;
  const style = [
    `${p.sizePt}pt`,
    p.bold ? 'bold' : '',
    p.italic ? 'italic' : '',
    p.underline ? 'underline' : '',
    p.align,
    p.firstLineIndentMm ? `indent ${p.firstLineIndentMm}` : '',
    p.leftIndentMm ? `left ${p.leftIndentMm}` : '',
    p.spaceBeforePt || p.spaceAfterPt ? `space ${p.spaceBeforePt}/${p.spaceAfterPt}` : '',
    p.lineSpacing !== 1 ? `line ${p.lineSpacing}` : '',
    p.keepWithNext ? 'keep' : '',
  ].filter(Boolean);
  return `${p.role}${p.level ? ` L${p.level}` : ''} [${style.join(', ')}] ${JSON.stringify(shown)}${at(p.source)}`;
}

function blockLines(block: LayoutBlock, indent: string): string[] {
  switch (block.kind) {
    case 'paragraph':
      return [indent + paragraphLine(block)];
    case 'rule':
      return [`${indent}${block.role} rule ${block.widthMm} mm ${block.thicknessPt}pt ${block.align}${at(block.source)}`];
    case 'table':
      return [
        `${indent}${block.role} table ${block.borders ? 'bordered' : 'borderless'} columns ${block.columnWidthsMm.join(' + ')} mm${at(block.source)}`,
        ...block.rows.flatMap((row, r) => [
          `${indent}  row ${r + 1}${row.isHeader ? ' (header)' : ''}`,
          ...row.cells.flatMap((cell, c) => [`${indent}    cell ${c + 1} ${cell.verticalAlign}`, ...cell.blocks.flatMap((b) => blockLines(b, `${indent}      `))]),
        ]),
      ];
  }
}

/** The layout as text: page setup, pagination, then every block with its style and source (lines 1-based). */
function dump(layout: LayoutDocument): string {
  const out = [
    `system ${layout.system}; font ${layout.font.family} (${layout.font.fallbacks.join(', ')})`,
    `meta ${JSON.stringify(layout.meta)}`,
    `page numbers ${layout.pageNumbering.position} ${layout.pageNumbering.sizePt}pt, first page ${layout.pageNumbering.showOnFirstPage ? 'numbered' : 'not numbered'}`,
    // `*`: no page number; `11+4` the block goes on from its line 4; `19-4` the last block stops before its line 4.
    `pages ${layout.pages
      .map((p) => {
        const from = p.firstBlockFromLine === undefined ? '' : `+${p.firstBlockFromLine}`;
        const until = p.lastBlockUntilLine === undefined ? '' : `-${p.lastBlockUntilLine}`;
        return `${p.number}${p.showNumber ? '' : '*'}=s${p.section}[${p.firstBlock}${from},${p.endBlock}${until})`;
      })
      .join(' ')}`,
  ];
  layout.sections.forEach((section, i) => {
    const { page } = section;
    const m = page.margins;
    out.push('', `section ${i} ${section.kind}: ${page.widthMm}×${page.heightMm} mm ${page.orientation}, margins ${m.topMm}/${m.bottomMm}/${m.leftMm}/${m.rightMm} (top/bottom/left/right)`);
    for (const block of section.blocks) out.push(...blockLines(block, '  '));
  });
  return out.join('\n') + '\n';
}

describe('the layout of the examples (golden files, read before committing)', () => {
  for (const [name, system] of [
    ['ke-hoach-64-KH-UBND-tra-vinh.kh', 'state'],
    ['ke-hoach-184-KH-TU-tinh-uy-lai-chau.kh', 'party'],
    ['ke-hoach-470-KH-LDLD-lai-chau.kh', 'mass'],
    ['ke-hoach-mau.kh', 'state'],
  ]) {
    it(`lays out ${name} as a ${system} plan`, async () => {
      const layout = layoutOf(example(name));
      expect(layout.system).toBe(system);
      await expect(dump(layout)).toMatchFileSnapshot(`golden/layout/${name.replace(/\.kh$/, '.txt')}`);
    });
  }
});

describe('the layout by the rules', () => {
  const header = (layout: LayoutDocument) => {
    const table = layout.sections[0].blocks[0];
    if (table.kind !== 'table') throw new Error('the header is not a table');
    return table;
  };
  const texts = (blocks: LayoutBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.runs.map((r) => r.text).join('')] : []));

  it('puts the Quốc hiệu, the Tiêu ngữ with its rule and the italic place-and-date line at the right of a state plan', () => {
    const layout = layoutOf(example('ke-hoach-64-KH-UBND-tra-vinh.kh'));
    const [top, bottom] = header(layout).rows;
    expect(texts(top.cells[1].blocks)).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập\u00A0-\u00A0Tự do\u00A0-\u00A0Hạnh phúc']);
    expect(top.cells[1].blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'rule']);
    const date = bottom.cells[1].blocks[0] as LayoutParagraph;
    expect(date).toMatchObject({ italic: true, sizePt: 14 });
    expect(texts([date])).toEqual(['Trà Vinh, ngày 17 tháng 11 năm 2020']);
    expect(texts(bottom.cells[0].blocks)[0]).toMatch(/^Số: /);
    expect(layout.sections[0].page.margins).toEqual({ topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 });
  });

  it('puts the underlined party line, the committee with its star and the number without a colon in a party plan', () => {
    const layout = layoutOf(example('ke-hoach-184-KH-TU-tinh-uy-lai-chau.kh'));
    const [top, bottom] = header(layout).rows;
    expect(top.cells[1].blocks[0]).toMatchObject({ role: 'party-line', bold: true, underline: true, sizePt: 15 });
    expect(texts(top.cells[0].blocks)).toEqual(['TỈNH ỦY LAI CHÂU', '*']);
    expect(texts(bottom.cells[0].blocks)).toEqual(['Số 184-KH/TU']);
    const headings = layout.sections[0].blocks.filter((b): b is LayoutParagraph => b.kind === 'paragraph' && b.role === 'heading');
    expect(headings.map((h) => h.runs[0].text)).toContain('II- ');
    expect(headings.map((h) => h.runs[0].text)).toContain('1- ');
  });

  it('numbers the headings of a state plan I., 1., a) whatever the drafter typed', () => {
    const layout = layoutOf('Cơ quan: ỦY BAN NHÂN DÂN TỈNH X\nSố: 1/KH-UBND\n---\n\n# Một\n## Hai\n### Ba\n#### Bốn\n# III. Năm\n');
    const headings = layout.sections[0].blocks.filter((b): b is LayoutParagraph => b.kind === 'paragraph' && b.role === 'heading');
    expect(headings.map((h) => h.runs.map((r) => r.text).join(''))).toEqual(['I. MỘT', '1. Hai', 'a) Ba', '- Bốn', 'II. NĂM']);
    expect(headings.map((h) => [h.bold, h.italic])).toEqual([
      [true, false],
      [true, false],
      [true, true],
      [false, true],
      [true, false],
    ]);
  });

  it('sets the body justified with a first-line indent, and Nơi nhận beside the signature', () => {
    const layout = layoutOf(example('ke-hoach-64-KH-UBND-tra-vinh.kh'));
    const body = layout.sections[0].blocks.filter((b): b is LayoutParagraph => b.kind === 'paragraph' && (b.role === 'paragraph' || b.role === 'item'));
    expect(body.every((p) => p.align === 'justify' && p.firstLineIndentMm >= 10 && p.firstLineIndentMm <= 12.7 && p.spaceAfterPt >= 6)).toBe(true);
    const closing = layout.sections[0].blocks.find((b) => b.role === 'closing-blocks');
    expect(closing).toMatchObject({ kind: 'table', borders: false });
    if (closing?.kind !== 'table') throw new Error('no closing blocks');
    const [recipients, signature] = closing.rows[0].cells;
    expect(recipients.blocks[0]).toMatchObject({ role: 'recipients-label', sizePt: 12, bold: true, italic: true });
    expect(recipients.blocks.slice(1).every((b) => b.kind === 'paragraph' && b.sizePt === 11)).toBe(true);
    expect(texts(signature.blocks).filter(Boolean)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Lê Văn Hân']);
  });

  it('numbers pages from the second and turns a wide appendix table landscape', () => {
    const layout = layoutOf(example('ke-hoach-mau.kh'));
    expect(layout.pages[0].showNumber).toBe(false);
    expect(layout.pages.slice(1).every((p) => p.showNumber)).toBe(true);
    const appendix = layout.sections[1];
    expect(appendix).toMatchObject({ kind: 'appendix', page: { orientation: 'landscape', widthMm: 297, heightMm: 210 } });
    const table = appendix.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.columnWidthsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(297 - 20 - 20, 0);
  });

  it('lays out an empty text and a header alone without failing', () => {
    expect(layoutOf('').pages).toHaveLength(1);
    expect(layoutOf('Cơ quan: TỈNH ỦY X\n').system).toBe('party');
  });
});
