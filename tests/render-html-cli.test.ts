import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outputTarget, OutputPathError, writeAtomically } from '../server/src/host/output-file';
import { exportRules } from '../server/src/host/export-plan';
import { kehoach as run } from './helpers/cli';
import { temporaryFolders } from './helpers/temp-folders';

const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();
let dir: string;
/** The built CLI in the folder of the plan to render. */
const kehoach = (...args: string[]) => run(dir, ...args);

beforeAll(() => {
  dir = temporaryFolder('render');
  copyFileSync(join(root, 'examples', 'ke-hoach-64-KH-UBND-tra-vinh.kh'), join(dir, 'plan.kh'));
});

const temporaries = () => readdirSync(dir).filter((f) => f.includes('kehoach-tmp'));

describe('kehoach render', () => {
  it('writes the HTML beside the source by default and prints its path', () => {
    const r = kehoach('render', 'plan.kh', '--to', 'html');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join(dir, 'plan.html'));
    const html = readFileSync(join(dir, 'plan.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(html).toContain('Trà Vinh, ngày 17 tháng 11 năm 2020');
    expect(html).not.toContain('<script');
    // The bundled subsetter ran: the faces the plan uses, not the 2 MB of whole faces.
    expect(html).toContain('@font-face{font-family:"Liberation Serif"');
    expect(Buffer.byteLength(html)).toBeLessThan(400_000);
    expect(temporaries()).toEqual([]);
  });

  it('writes to -o and replaces an existing output atomically, leaving no temporary file', () => {
    writeFileSync(join(dir, 'out.html'), 'old');
    const r = kehoach('render', 'plan.kh', '--to=html', '-o', 'out.html', '--force');
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'out.html'), 'utf8')).toContain('KẾ HOẠCH');
    expect(temporaries()).toEqual([]);
  });

  it('refuses to write over the source, through any spelling of its path, with exit code 2', () => {
    const before = readFileSync(join(dir, 'plan.kh'), 'utf8');
    symlinkSync(join(dir, 'plan.kh'), join(dir, 'link.kh'));
    for (const target of ['plan.kh', './plan.kh', join(dir, 'plan.kh'), 'link.kh']) {
      const r = kehoach('render', 'plan.kh', '--to', 'html', '-o', target);
      expect(r.code, target).toBe(2);
      expect(r.stderr).toContain('Không ghi đè tệp nguồn');
      expect(r.stderr).toContain('Refusing to overwrite the source');
    }
    expect(readFileSync(join(dir, 'plan.kh'), 'utf8')).toBe(before);
  });

  it('says clearly that the output folder does not exist', () => {
    const r = kehoach('render', 'plan.kh', '--to', 'pdf', '-o', join(dir, 'missing', 'plan.pdf'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`Thư mục đích không tồn tại: ${join(dir, 'missing')} / The output folder does not exist`);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('rejects an unknown format and a missing source', () => {
    expect(kehoach('render', 'plan.kh', '--to', 'odt').stderr).toContain('--to phải là một trong html, docx, pdf / --to must be one of html, docx, pdf: odt');
    const missing = kehoach('render', 'nothing.kh', '--to', 'html');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('không có tệp này / no such file');
  });

  it('writes DOCX and PDF through the same rules', () => {
    for (const format of ['docx', 'pdf']) {
      const r = kehoach('render', 'plan.kh', '--to', format);
      expect(r.code, r.stderr).toBe(0);
      const bytes = readFileSync(join(dir, `plan.${format}`));
      expect(bytes.subarray(0, 4).toString('latin1')).toBe(format === 'pdf' ? '%PDF' : 'PK\u0003\u0004');
    }
    expect(temporaries()).toEqual([]);
  });
});

describe('the shared output helpers', () => {
  it('remove the temporary file when the rename fails', () => {
    // A folder in the way makes the rename fail after the temporary file is written.
    const blocked = join(dir, 'blocked');
    mkdirSync(blocked);
    expect(() => writeAtomically(join(dir, 'blocked'), 'x')).toThrow();
    expect(temporaries()).toEqual([]);
  });

  it('refuse a folder as the output', () => {
    expect(() => outputTarget(join(dir, 'plan.kh'), dir, exportRules('html'))).toThrow(OutputPathError);
  });
});
