/**
 * Bad input to the CLI: files that are not what their name says, encodings
 * other than plain UTF-8. Each gets a clear message and exit 2, or is read
 * and says how; nothing is written and no "internal error" is shown.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutPlan } from '../server/src/layout';
import { renderDocx } from '../server/src/render/docx';
import { parsePlan } from '../server/src/syntax/parse';
import { kehoach } from './helpers/cli';
import { temporaryFolders } from './helpers/temp-folders';

const temporaryFolder = temporaryFolders();

/** Imports `bytes` saved as `name` in a fresh folder; returns the result and the folder's files afterwards. */
function importBytes(name: string, bytes: Uint8Array | string) {
  const dir = temporaryFolder('input');
  writeFileSync(join(dir, name), bytes);
  const result = kehoach(dir, 'import', name);
  return { ...result, files: readdirSync(dir) };
}

const PDF = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';

describe('kehoach import refuses what it cannot read', () => {
  it('reads a PDF as a PDF, by its content, whatever its name, and writes nothing when it holds no plan', () => {
    for (const name of ['plan.pdf', 'plan.txt']) {
      const r = importBytes(name, PDF);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/PDF .*\/ .*PDF/);
      expect(r.stdout).toBe('');
      expect(r.files).toEqual([name]);
    }
  });

  it('refuses a binary file and a legacy encoding, saying which', () => {
    const binary = importBytes('anh.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('tệp nhị phân, không phải văn bản / a binary file, not text');
    expect(binary.files).toEqual(['anh.txt']);
    // "Kế hoạch" in Windows-1258 bytes: not UTF-8.
    const legacy = importBytes('cu.txt', new Uint8Array([0x4b, 0xea, 0xcc, 0x20, 0x68, 0x6f, 0x61, 0xd2, 0x63, 0x68]));
    expect(legacy.code).toBe(2);
    expect(legacy.stderr).toContain('not UTF-8 or UTF-16 text');
    expect(legacy.files).toEqual(['cu.txt']);
  });

  it('refuses a Word 97–2003 file and an RTF file, saying to save them as .docx', () => {
    const doc = importBytes('cu.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(doc.code).toBe(2);
    expect(doc.stderr).toContain('Word 97–2003 (.doc)');
    const rtf = importBytes('plan.rtf', '{\\rtf1\\ansi K\\u7871? ho\\u7841?ch}');
    expect(rtf.code).toBe(2);
    expect(rtf.stderr).toContain('an RTF file cannot be read');
  });

  it('gives a damaged .docx a clear message, not an internal error', () => {
    const r = importBytes('hong.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Tệp Word bị hỏng');
    expect(r.stderr).not.toContain('internal error');
    expect(r.files).toEqual(['hong.docx']);
  });
});

/** A plan holding a terminal escape sequence, a noncharacter and a right-to-left override in its text. */
const HOSTILE_TEXT = [
  'Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
  'Số: 12/KH-UBND',
  'Ngày: 15/3/2026',
  '---',
  '',
  '# MỤC ĐÍCH, YÊU CẦU',
  '',
  '- Tổ chức \u001b]0;pwned\u0007\u001b[2Jquán triệt\uFFFF nội dung \u202Ecủa kế hoạch./.',
  '',
].join('\n');

describe('every command reads UTF-8 with or without a BOM and UTF-16 with one', { timeout: 120_000 }, () => {
  it('and says when it converted from UTF-16', () => {
    const dir = temporaryFolder('input');
    const plan = 'Số: 12/KH-UBND\r\nNgày: 15/3/2026\r\n---\r\n\r\n# MỤC ĐÍCH, YÊU CẦU\r\n';
    writeFileSync(join(dir, 'le.kh'), Buffer.from('\uFEFF' + plan, 'utf16le'));
    writeFileSync(join(dir, 'be.kh'), Buffer.from('\uFEFF' + plan, 'utf16le').swap16());
    writeFileSync(join(dir, 'bom.kh'), '\uFEFF' + plan);
    for (const [file, note] of [
      ['le.kh', 'read as UTF-16 LE'],
      ['be.kh', 'read as UTF-16 BE'],
      ['bom.kh', ''],
    ]) {
      const parsed = kehoach(dir, 'parse', file);
      expect((JSON.parse(parsed.stdout) as { document: { header: { fields: { key: string; value: string }[] } } }).document.header.fields.find((f) => f.key === 'number')?.value, file).toBe(
        '12/KH-UBND',
      );
      if (note) expect(parsed.stderr).toContain(`kehoach: ${file}: đọc dạng`);
      expect(parsed.stderr).toContain(note);
      const rendered = kehoach(dir, 'render', file, '--to', 'html');
      expect(rendered.code, rendered.stderr).toBe(0);
      expect(rendered.stderr).toContain(note);
    }
  });
});

describe('characters a plan should not hold', { timeout: 120_000 }, () => {
  it('are findings, with a fix that deletes them', () => {
    const dir = temporaryFolder('input');
    writeFileSync(join(dir, 'plan.kh'), HOSTILE_TEXT);
    const rows = JSON.parse(kehoach(dir, 'check', 'plan.kh', '--format', 'json').stdout) as { code: string; severity: string; message: string }[];
    expect(rows.filter((d) => d.code === 'text-invisible-character').map((d) => [d.severity, d.message.split(' / ')[1]])).toEqual([
      ['error', 'Control character U+001B (ESC) has no place in a document (an exported DOCX would be broken)'],
      ['error', 'Control character U+0007, U+001B (ESC) has no place in a document (an exported DOCX would be broken)'],
      ['error', 'Control character U+FFFF (noncharacter) has no place in a document (an exported DOCX would be broken)'],
      ['warning', 'Bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE) can reorder the text as shown, so that what is read differs from what is there'],
    ]);
    kehoach(dir, 'check', '--fix', 'plan.kh');
    expect(readFileSync(join(dir, 'plan.kh'), 'utf8')).toContain('- Tổ chức ]0;pwned[2Jquán triệt nội dung của kế hoạch./.');
  });

  it('are shown, never obeyed, in the text output, and escaped in JSON', () => {
    const dir = temporaryFolder('input');
    const name = 'ke-hoach\u001b[31m\u202E.kh';
    writeFileSync(join(dir, name), HOSTILE_TEXT);
    const text = kehoach(dir, 'check', name);
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(text.stdout).toContain('ke-hoach␛[31m<U+202E>.kh:8:');
    const json = kehoach(dir, 'check', name, '--format', 'json').stdout;
    expect(json).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect((JSON.parse(json) as { file: string }[])[0].file).toBe(name);
  });

  it('never reach a DOCX: every XML part holds only characters XML allows', async () => {
    const parts = unzipSync(await renderDocx(layoutPlan(parsePlan(HOSTILE_TEXT).document)));
    for (const [name, bytes] of Object.entries(parts).filter(([n]) => n.endsWith('.xml'))) {
      expect(strFromU8(bytes), name).toMatch(/^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u);
    }
    expect(strFromU8(parts['word/document.xml'])).toContain('quán triệt');
  });
});
