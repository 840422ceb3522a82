/**
 * Our DOCX as LibreOffice reads it: converted headless to PDF, it must open
 * (no conversion error), paginate like our own PDF (±1 page) and number its
 * pages from page 2. Both first pages are put side by side in one PNG for a
 * person to look at, kept (and its path printed) with KEHOACH_KEEP_ARTIFACTS=1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../server/src/render/docx';
import { renderPdf } from '../server/src/render/pdf';
import { exampleLayout, flat, paragraphs, PARTY_PLAN, STATE_PLAN, textOf, tool } from './helpers/render';
import { KEEP_ARTIFACTS, temporaryFolders } from './helpers/temp-folders';

const PLANS = [STATE_PLAN, PARTY_PLAN];
const temporaryFolder = temporaryFolders({ artifacts: true });
let dir: string;
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(tool('pdfinfo', [file]))?.[1]);

/** Two PNGs side by side on one sheet, as a PNG. */
async function sideBySide(left: string, right: string, out: string): Promise<void> {
  const gap = 20;
  const a = readFileSync(left);
  const b = readFileSync(right);
  // PNG width and height sit at bytes 16–23 of the IHDR chunk.
  const size = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
  const [sa, sb] = [size(a), size(b)];
  const sheet = new PDFDocument({ size: [sa.width + sb.width + 3 * gap, Math.max(sa.height, sb.height) + 2 * gap], margin: 0, font: '' });
  const chunks: Buffer[] = [];
  sheet.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => sheet.on('end', resolve));
  sheet.image(a, gap, gap).image(b, sa.width + 2 * gap, gap);
  sheet.end();
  await ended;
  const pdf = `${out}.pdf`;
  writeFileSync(pdf, Buffer.concat(chunks));
  tool('pdftoppm', ['-png', '-r', '72', '-singlefile', pdf, out]);
}

describe('our DOCX converted by LibreOffice headless', () => {
  beforeAll(async () => {
    dir = temporaryFolder('render-lo');
    for (const name of PLANS) {
      const layout = exampleLayout(name);
      writeFileSync(join(dir, `${name}.docx`), await renderDocx(layout));
      writeFileSync(join(dir, `${name}.pdf`), await renderPdf(layout));
    }
    // One LibreOffice run for all files, with a profile of its own so that a desktop instance does not interfere.
    tool('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), ...PLANS.map((n) => join(dir, `${n}.docx`))], 180_000);
  }, 200_000);

  for (const name of PLANS) {
    it(`${name}: has as many pages as our PDF, give or take one`, () => {
      const ours = pageCount(join(dir, `${name}.pdf`));
      const theirs = pageCount(join(dir, 'lo', `${name}.pdf`));
      expect(Math.abs(ours - theirs), `ours ${ours}, LibreOffice ${theirs}`).toBeLessThanOrEqual(1);
    });

    it(`${name}: shows every heading and numbers the pages from page 2 (PAGE field, titlePg)`, () => {
      const file = join(dir, 'lo', `${name}.pdf`);
      const text = flat(tool('pdftotext', [file, '-']));
      for (const p of paragraphs(exampleLayout(name)).filter((b) => b.role === 'heading')) expect(text).toContain(flat(textOf(p)));
      const firstLine = (page: number) =>
        tool('pdftotext', ['-f', String(page), '-l', String(page), file, '-'])
          .trim()
          .split('\n')[0]
          .trim();
      expect(firstLine(1)).not.toMatch(/^\d+$/);
      expect(firstLine(2)).toBe('2');
    });

    it(`${name}: first pages side by side (ours left, LibreOffice right)`, async () => {
      for (const [source, prefix] of [
        [join(dir, `${name}.pdf`), 'ours'],
        [join(dir, 'lo', `${name}.pdf`), 'lo'],
      ])
        tool('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', source, join(dir, `${prefix}-${name}`)]);
      const out = join(dir, `side-by-side-${name}`);
      await sideBySide(join(dir, `ours-${name}.png`), join(dir, `lo-${name}.png`), out);
      if (KEEP_ARTIFACTS) console.info(`side by side: ${out}.png`);
      expect(readFileSync(`${out}.png`).length).toBeGreaterThan(10_000);
    });
  }
});
