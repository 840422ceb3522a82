import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutPlan, type LayoutDocument } from '../server/src/layout';
import { renderPdf } from '../server/src/render/pdf';
import { parsePlan } from '../server/src/syntax/parse';
import { exampleLayout, flat, paragraphs, PARTY_PLAN, root, STATE_PLAN, textOf, tool } from './helpers/render';
import { temporaryFolders } from './helpers/temp-folders';

const PT_PER_MM = 72 / 25.4;
const A4_PT = { width: 210 * PT_PER_MM, height: 297 * PT_PER_MM };
const DATE = new Date('2026-01-02T03:04:05Z');
const temporaryFolder = temporaryFolders();
/** Where the PDFs go for poppler to read: one folder for the file, made before its first test. */
let dir: string;
beforeAll(() => {
  dir = temporaryFolder('render-pdf');
});

interface Pdf {
  layout: LayoutDocument;
  bytes: Uint8Array;
  file: string;
}

async function pdfOf(name: string): Promise<Pdf> {
  const layout = exampleLayout(name);
  const bytes = await renderPdf(layout, { creationDate: DATE });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return { layout, bytes, file };
}

function info(file: string, page?: number): Record<string, string> {
  const args = page ? ['-f', String(page), '-l', String(page), file] : [file];
  return Object.fromEntries(
    tool('pdfinfo', args)
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m) => m !== null)
      .map((m) => [m[1].replace(/^Page\s+\d+\s+/, 'Page '), m[2]]),
  );
}

const pageText = (file: string, page: number) => tool('pdftotext', ['-f', String(page), '-l', String(page), file, '-']);

interface Box {
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Lines (with `-bbox-layout`) or words (with `-bbox`) of a page, with their boxes in points. */
function boxes(file: string, page: number, kind: 'line' | 'word'): Box[] {
  const xml = tool('pdftotext', ['-f', String(page), '-l', String(page), kind === 'line' ? '-bbox-layout' : '-bbox', file, '-']);
  const pattern = new RegExp(`<${kind} xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">([\\s\\S]*?)</${kind}>`, 'g');
  return [...xml.matchAll(pattern)].map((m) => ({
    xMin: +m[1],
    yMin: +m[2],
    xMax: +m[3],
    yMax: +m[4],
    text: m[5]
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  }));
}

const headingsOf = (layout: LayoutDocument) =>
  paragraphs(layout)
    .filter((p) => p.role === 'heading')
    .map((p) => flat(textOf(p)));

for (const [name, system] of [
  [STATE_PLAN, 'state'],
  [PARTY_PLAN, 'party'],
] as const) {
  describe(`PDF export of ${name} (${system})`, () => {
    let pdf: Pdf;
    let pages: number;
    beforeAll(async () => {
      pdf = await pdfOf(name);
      pages = Number(info(pdf.file).Pages);
    });

    it('is A4 portrait, PDF 1.7, titled with the trích yếu and authored by the issuer', () => {
      const meta = info(pdf.file);
      expect(meta['Page size']).toBe('595.276 x 841.89 pts (A4)');
      expect(Number(meta['PDF version'])).toBeGreaterThanOrEqual(1.4);
      expect(meta['PDF version']).toBe('1.7');
      expect(meta.Title).toBe(pdf.layout.meta.title);
      expect(meta.Title.length).toBeGreaterThan(40);
      expect(meta.Author).toBe(system === 'party' ? 'TỈNH ỦY LAI CHÂU' : 'ỦY BAN NHÂN DÂN TỈNH TRÀ VINH');
      expect(pages).toBeGreaterThanOrEqual(3);
    });

    it('embeds every font as a subset of Liberation Serif with a Unicode map', () => {
      const rows = tool('pdffonts', [pdf.file]).trim().split('\n').slice(2);
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) {
        const columns = row.trim().split(/\s+/);
        // name, type (CID TrueType), encoding, emb, sub, uni, object, generation
        expect(columns[0], row).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
        expect(columns.slice(-5, -2), row).toEqual(['yes', 'yes', 'yes']);
      }
    });

    it('extracts the header lines, the place-date line and every heading as typed, in NFC', () => {
      const text = tool('pdftotext', [pdf.file, '-']);
      expect(text).toBe(text.normalize('NFC'));
      // Vietnamese in NFC has no combining marks: none came out decomposed.
      expect(text).not.toMatch(/\p{M}/u);
      const all = flat(text);
      if (system === 'party') {
        expect(all).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
        expect(all).toContain('Số 184-KH/TU');
        expect(all).toContain('Lai Châu, ngày 27 tháng 6 năm 2023');
      } else {
        expect(all).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect(all).toContain('Độc lập - Tự do - Hạnh phúc');
        expect(all).toContain('Trà Vinh, ngày 17 tháng 11 năm 2020');
      }
      const headings = headingsOf(pdf.layout);
      expect(headings.length).toBeGreaterThan(3);
      for (const heading of headings) expect(all).toContain(heading);
    });

    it('numbers the pages at the top centre from page 2', () => {
      const { left, right, top } = ((m) => ({ left: m.leftMm * PT_PER_MM, right: A4_PT.width - m.rightMm * PT_PER_MM, top: m.topMm * PT_PER_MM }))(pdf.layout.sections[0].page.margins);
      expect(boxes(pdf.file, 1, 'word').filter((w) => w.yMax < top)).toEqual([]);
      for (const page of [2, pages]) {
        const above = boxes(pdf.file, page, 'word').filter((w) => w.yMax < top);
        expect(above.map((w) => w.text)).toEqual([String(page)]);
        expect(Math.abs((above[0].xMin + above[0].xMax) / 2 - (left + right) / 2)).toBeLessThan(1);
      }
    });

    it('justifies body lines to both margins, with the first-line indent', () => {
      const margins = pdf.layout.sections[0].page.margins;
      const left = margins.leftMm * PT_PER_MM;
      const right = A4_PT.width - margins.rightMm * PT_PER_MM;
      const lines = boxes(pdf.file, 2, 'line').filter((l) => l.yMin > margins.topMm * PT_PER_MM);
      expect(lines.length).toBeGreaterThan(20);
      for (const line of lines) expect(line.xMax, line.text).toBeLessThanOrEqual(right + 0.5);
      const flush = lines.filter((l) => Math.abs(l.xMax - right) < 0.5);
      expect(flush.length / lines.length).toBeGreaterThan(0.6);
      expect(lines.filter((l) => Math.abs(l.xMin - left) < 0.5).length).toBeGreaterThan(10);
      expect(lines.some((l) => Math.abs(l.xMin - left - 12.7 * PT_PER_MM) < 0.5)).toBe(true);
    });

    it('never leaves a heading at the foot of a page', () => {
      const headings = headingsOf(pdf.layout);
      for (let page = 1; page < pages; page++) {
        const lines = pageText(pdf.file, page)
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        const last = lines.at(-1)!;
        expect(
          headings.filter((h) => h === last || (last.length > 12 && h.endsWith(last))),
          `page ${page} ends with "${last}"`,
        ).toEqual([]);
      }
    });
  });
}

describe('PDF export', () => {
  it('extracts NFC text from a plan typed in decomposed Unicode (NFD)', async () => {
    const nfd = readFileSync(join(root, 'examples', `${STATE_PLAN}.kh`), 'utf8').normalize('NFD');
    const file = join(dir, 'nfd.pdf');
    writeFileSync(file, await renderPdf(layoutPlan(parsePlan(nfd).document), { creationDate: DATE }));
    const text = tool('pdftotext', ['-l', '1', file, '-']);
    expect(text).not.toMatch(/\p{M}/u);
    expect(flat(text)).toContain('Trà Vinh, ngày 17 tháng 11 năm 2020');
  });

  it('renders an empty plan as one valid page', async () => {
    const file = join(dir, 'empty.pdf');
    writeFileSync(file, await renderPdf(layoutPlan(parsePlan('').document), { creationDate: DATE }));
    expect(info(file).Pages).toBe('1');
  });

  it('gives the same bytes for the same layout and creation date', async () => {
    const layout = exampleLayout(STATE_PLAN);
    const [a, b] = await Promise.all([renderPdf(layout, { creationDate: DATE }), renderPdf(layout, { creationDate: DATE })]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('bookmarks every heading, nested by level', async () => {
    const { layout, bytes } = await pdfOf(STATE_PLAN);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/\/Outlines \d+ 0 R/);
    // One /Title per bookmark, and the document information's own.
    expect(raw.match(/\/Title /g)).toHaveLength(headingsOf(layout).length + 1);
  });

  it('cuts a word longer than the line instead of running into the margin', async () => {
    const layout = exampleLayout(STATE_PLAN);
    const body = layout.sections[0];
    const preamble = body.blocks.find((b) => b.kind === 'paragraph' && b.role === 'preamble')!;
    const address = `https://dichvucong.travinh.gov.vn/${'thu-tuc-hanh-chinh/'.repeat(12)}ke-hoach-64`;
    const long = { ...preamble, runs: [{ text: `Xem ${address} tại Cổng thông tin.` }] } as typeof preamble;
    const file = join(dir, 'long-word.pdf');
    writeFileSync(file, await renderPdf({ ...layout, sections: [{ ...body, blocks: [long] }] }, { creationDate: DATE }));
    const right = A4_PT.width - body.page.margins.rightMm * PT_PER_MM;
    const lines = boxes(file, 1, 'line');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) expect(line.xMax, line.text).toBeLessThanOrEqual(right + 0.5);
    expect(
      lines
        .map((l) => l.text)
        .join('')
        .replace(/\s/g, ''),
    ).toContain(address);
  });

  it('turns the pages of a wide appendix table sideways and numbers them', async () => {
    const pdf = await pdfOf('ke-hoach-mau');
    const pages = Number(info(pdf.file).Pages);
    expect(info(pdf.file, 1)['Page size']).toBe('595.276 x 841.89 pts (A4)');
    expect(info(pdf.file, pages)['Page size']).toBe('841.89 x 595.276 pts (A4)');
    const text = flat(pageText(pdf.file, pages));
    // Nghị định 30/2020 writes `Phụ lục` in lower case, the title in capitals.
    expect(text).toMatch(new RegExp(`^${pages} Phụ lục PHÂN CÔNG`));
  });
});
