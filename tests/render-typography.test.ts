/**
 * Typography a secretary would not correct, in our PDF and in LibreOffice's
 * conversion of our DOCX alike (`pdftotext -layout` and `-bbox-layout` of
 * both): no line starts or ends with the hyphen of a spaced compound
 * (`chính trị - xã hội`), on the examples and on a plan full of them (and in
 * the preview's pages as Chromium prints them); the
 * issuer and the cơ quan chủ quản broken before the place and before `VÀ`
 * as a drafter breaks them (a commune, a department, a district-era office,
 * and the drafter's own lines); Nơi nhận hanging under its text; the
 * urgency and confidentiality marks under the number; an appendix headed
 * with its "Kèm theo" line.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutPlan, type LayoutDocument, type LayoutParagraph } from '../server/src/layout';
import { renderDocx } from '../server/src/render/docx';
import { renderStandaloneHtml } from '../server/src/render/html';
import { renderPdf } from '../server/src/render/pdf';
import { parsePlan } from '../server/src/syntax/parse';
import { flat, paragraphs, root, textOf, tool } from './helpers/render';
import { temporaryFolders } from './helpers/temp-folders';

const FIXTURES = join(root, 'tests', 'fixtures', 'render');
const COMPOUNDS = 'xa-binh-lu-gan-ket';
const DEPARTMENT = 'so-tai-nguyen-lai-chau';
const DISTRICT = 'phong-van-hoa-tam-duong';
const EXAMPLES = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.kh'))
  .map((f) => f.replace(/\.kh$/, ''));
const PT_PER_MM = 72 / 25.4;

const sourceOf = (name: string) => readFileSync(EXAMPLES.includes(name) ? join(root, 'examples', `${name}.kh`) : join(FIXTURES, `${name}.kh`), 'utf8');
const layoutOf = (name: string) => layoutPlan(parsePlan(sourceOf(name)).document);

const temporaryFolder = temporaryFolders();
let dir: string;
const ours = (name: string) => join(dir, `${name}.pdf`);
const libreOffice = (name: string) => join(dir, 'lo', `${name}.pdf`);
const chromiumPrint = (name: string) => join(dir, 'chromium', `${name}.pdf`);
const RENDERERS = [
  ['our PDF', ours],
  ['LibreOffice’s PDF of our DOCX', libreOffice],
] as const;

beforeAll(async () => {
  dir = temporaryFolder('render-typography');
  const names = [...EXAMPLES, COMPOUNDS, DEPARTMENT, DISTRICT];
  for (const name of names) {
    const layout = layoutOf(name);
    writeFileSync(ours(name), await renderPdf(layout));
    writeFileSync(join(dir, `${name}.docx`), await renderDocx(layout));
  }
  // One LibreOffice run for every file, with a profile of its own.
  tool('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), ...names.map((n) => join(dir, `${n}.docx`))], 240_000);
  // The preview's pages, as the HTML export holds them, printed by Debian's Chromium.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    for (const name of [...EXAMPLES, COMPOUNDS]) {
      const page = await browser.newPage();
      await page.setContent(renderStandaloneHtml(layoutOf(name)), { waitUntil: 'load' });
      await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
      await page.pdf({ path: chromiumPrint(name), preferCSSPageSize: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}, 300_000);

/** What a paragraph prints, its no-break spaces as spaces and its spaces collapsed, as pdftotext gives it back. */
const printed = (p: LayoutParagraph) => flat(textOf(p));

/**
 * The lines of `pdftotext -layout` that start or end with a hyphen (or en
 * dash) standing alone: the hyphen of a spaced compound cut from one of its
 * words. Columns (the header, Nơi nhận beside the signature) are cut apart at
 * wide gaps; a piece that starts with a dash is right when a paragraph of the
 * layout starts so (an item, a recipient).
 */
function linesCutAtHyphens(file: string, layout: LayoutDocument): string[] {
  const starts = paragraphs(layout)
    .map(printed)
    .filter((t) => /^[-–+] /.test(t));
  const bad: string[] = [];
  for (const line of tool('pdftotext', ['-layout', file, '-']).split('\n')) {
    for (const piece of line
      .split(/\s{3,}/)
      .map((p) => p.trim())
      .filter(Boolean)) {
      if (/\s[-–]$/.test(piece) || piece === '-' || piece === '–') bad.push(line);
      else if (/^[-–]\s/.test(piece)) {
        const head = flat(piece).slice(0, 30);
        if (!starts.some((s) => s.startsWith(head))) bad.push(line);
      }
    }
  }
  return bad;
}

describe('no line starts or ends with the hyphen of a spaced compound', () => {
  it('has a plan full of spaced compounds to try it on, in every kind of block', () => {
    const layout = layoutOf(COMPOUNDS);
    const bound = paragraphs(layout).filter((p) => /\u00A0[-–]\u00A0/.test(textOf(p)));
    expect(bound.length).toBeGreaterThan(25);
    expect(new Set(bound.map((p) => p.role))).toEqual(new Set(['summary', 'preamble', 'paragraph', 'item', 'heading', 'recipient', 'closing', 'table-cell', 'appendix-title', 'motto']));
  });

  for (const name of [...EXAMPLES, COMPOUNDS]) {
    for (const [renderer, file] of [...RENDERERS, ['the preview printed by Chromium', chromiumPrint] as const]) {
      it(`${name}: ${renderer}`, () => {
        const layout = layoutOf(name);
        expect(linesCutAtHyphens(file(name), layout)).toEqual([]);
        // The text is all there: every heading as printed (pdftotext joins `21-` / `CT/TW` at a line's end as `21CT/TW`).
        const bare = (s: string) => s.replace(/[\s-]/g, '');
        const text = bare(tool('pdftotext', [file(name), '-']));
        for (const heading of paragraphs(layout).filter((p) => p.role === 'heading')) expect(text).toContain(bare(textOf(heading)));
      });
    }
  }
});

/** The lines of the header's left column on page 1, top to bottom, down to the number. */
function issuerColumn(file: string, layout: LayoutDocument): string[] {
  const header = layout.sections[0].blocks[0];
  if (header.kind !== 'table') throw new Error('the layout starts with its header table');
  const right = (layout.sections[0].page.margins.leftMm + header.columnWidthsMm[0]) * PT_PER_MM;
  const xml = tool('pdftotext', ['-f', '1', '-l', '1', '-bbox-layout', file, '-']);
  const lines = [...xml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([\s\S]*?)<\/line>/g)]
    .map((m) => ({ xMax: Number(m[3]), y: Number(m[2]), text: flat(m[4].replace(/<[^>]+>/g, ' ')) }))
    .filter((l) => l.xMax <= right + 2)
    .sort((a, b) => a.y - b.y);
  const number = lines.findIndex((l) => l.text.startsWith('Số'));
  return lines.slice(0, number).map((l) => l.text);
}

/** The issuer's lines (and the parent body's) as the layout gives them. */
function nameLines(layout: LayoutDocument, role: 'issuer' | 'parent-body'): string[] {
  const block = paragraphs(layout).find((p) => p.role === role);
  const lines: string[] = [];
  for (const run of block?.runs ?? []) {
    if (run.breakBefore || !lines.length) lines.push(run.text);
    else lines[lines.length - 1] += run.text;
  }
  return lines;
}

describe('the issuer and the cơ quan chủ quản break as a drafter breaks them', () => {
  const cases: [string, string, string[], string[]][] = [
    ['a commune: before the level word and the place', COMPOUNDS, [], ['ỦY BAN NHÂN DÂN', 'XÃ BÌNH LƯ']],
    ['a department: the province before its place, the department before VÀ', DEPARTMENT, ['ỦY BAN NHÂN DÂN', 'TỈNH LAI CHÂU'], ['SỞ TÀI NGUYÊN', 'VÀ MÔI TRƯỜNG']],
    ['a district-era office: the district before its place, the office before VÀ', DISTRICT, ['ỦY BAN NHÂN DÂN', 'HUYỆN TAM ĐƯỜNG'], ['PHÒNG VĂN HÓA', 'VÀ THÔNG TIN']],
  ];
  for (const [what, name, parent, issuer] of cases) {
    it(`${what} (${name})`, () => {
      const layout = layoutOf(name);
      expect(nameLines(layout, 'parent-body')).toEqual(parent);
      expect(nameLines(layout, 'issuer')).toEqual(issuer);
      for (const [renderer, file] of RENDERERS) expect(issuerColumn(file(name), layout), renderer).toEqual([...parent, ...issuer]);
    });
  }

  it('keeps a name on one line when it fits', () => {
    expect(nameLines(layoutOf('ke-hoach-184-KH-TU-tinh-uy-lai-chau'), 'issuer')).toEqual(['TỈNH ỦY LAI CHÂU']);
    const fits = sourceOf(DEPARTMENT).replace('SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'SỞ GIÁO DỤC VÀ ĐÀO TẠO');
    expect(nameLines(layoutPlan(parsePlan(fits).document), 'issuer')).toEqual(['SỞ GIÁO DỤC VÀ ĐÀO TẠO']);
  });

  it('keeps the drafter’s own lines, typed on indented lines under the label', () => {
    const typed = sourceOf(DEPARTMENT).replace('Cơ quan: SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'Cơ quan: SỞ NÔNG NGHIỆP VÀ\n  PHÁT TRIỂN NÔNG THÔN');
    const { document } = parsePlan(typed);
    // The value stays the whole name, for the checks and the metadata.
    expect(document.header.issuer?.value).toBe('SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN');
    expect(nameLines(layoutPlan(document), 'issuer')).toEqual(['SỞ NÔNG NGHIỆP VÀ', 'PHÁT TRIỂN NÔNG THÔN']);
  });
});

describe('Nơi nhận', () => {
  it('hangs a wrapped recipient under its text, past the dash, in both PDFs', () => {
    const name = COMPOUNDS;
    const layout = layoutOf(name);
    const recipient = paragraphs(layout).find((p) => p.role === 'recipient' && printed(p).includes('Mặt trận'))!;
    expect(recipient.firstLineIndentMm).toBeLessThan(0);
    expect(recipient.leftIndentMm).toBe(-recipient.firstLineIndentMm);
    for (const [renderer, file] of RENDERERS) {
      const pages = Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [file(name)]))![1]);
      let found = false;
      for (let page = 1; page <= pages && !found; page++) {
        const xml = tool('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file(name), '-']);
        const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), text: m[3] }));
        const dash = words.findIndex((w, i) => w.text === '-' && words[i + 1]?.text === 'Ủy' && words[i + 2]?.text === 'ban' && words[i + 3]?.text === 'Mặt');
        if (dash < 0) continue;
        found = true;
        const first = words[dash + 1];
        const next = words.slice(dash + 1).find((w) => w.y > first.y + 2)!;
        expect(Math.abs(next.x - first.x), `${renderer}: "${next.text}" at ${next.x}, "${first.text}" at ${first.x}`).toBeLessThan(1);
      }
      expect(found, renderer).toBe(true);
    }
  });
});

describe('the urgency and confidentiality marks', () => {
  const marked: [string, string][] = [
    [COMPOUNDS, 'KHẨN'],
    [DEPARTMENT, 'MẬT'],
    [DISTRICT, 'THƯỢNG KHẨN'],
  ];
  for (const [name, mark] of marked) {
    it(`${name}: ${mark} framed under the number, in both PDFs`, () => {
      const layout = layoutOf(name);
      const block = paragraphs(layout).find((p) => p.role === (mark === 'MẬT' ? 'confidentiality-mark' : 'urgency-mark'))!;
      expect(block.runs).toEqual([expect.objectContaining({ text: mark, framed: true })]);
      expect(block.bold).toBe(true);
      for (const [renderer, file] of RENDERERS) {
        const column = tool('pdftotext', ['-f', '1', '-l', '1', '-layout', file(name), '-'])
          .split('\n')
          .map((l) => l.trim().split(/\s{3,}/)[0]);
        const number = column.findIndex((l) => l.startsWith('Số:'));
        expect(column.slice(number + 1, number + 4), renderer).toContain(mark);
      }
    });
  }
});

describe('an appendix', () => {
  it('is headed as the decree’s model shows: Phụ lục, its title, the Kèm theo line in italics and a rule', () => {
    const layout = layoutOf(COMPOUNDS);
    const appendix = layout.sections[1].blocks;
    expect(appendix.slice(0, 4).map((b) => b.role)).toEqual(['appendix-label', 'appendix-title', 'appendix-note', 'appendix-rule']);
    const note = appendix[2] as LayoutParagraph;
    expect(textOf(note)).toBe('(Kèm theo Kế hoạch số 27/KH-UBND ngày 12 tháng 3 năm 2026 của Ủy ban nhân dân xã Bình Lư)');
    expect([note.italic, note.align]).toEqual([true, 'center']);
    for (const [renderer, file] of RENDERERS) expect(flat(tool('pdftotext', [file(COMPOUNDS), '-'])), renderer).toContain(`Phụ lục ${flat(textOf(appendix[1] as LayoutParagraph))} ${textOf(note)}`);
  });
});
