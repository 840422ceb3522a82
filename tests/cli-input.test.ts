/**
 * Bad input to the CLI: files that are not what their name says, encodings
 * other than plain UTF-8. Each gets a clear message and exit 2, or is read
 * and says how; nothing is written and no "internal error" is shown.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
