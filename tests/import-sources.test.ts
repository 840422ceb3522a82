import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { importHtml, importMarkdown, importPdf, type ImportResult } from '../server/src/import';
import { layoutPlan } from '../server/src/layout';
import type { PlanDocument, Section } from '../server/src/model';
import { renderPdf } from '../server/src/render/pdf';
import { parsePlan } from '../server/src/syntax/parse';
import { kehoach } from './helpers/cli';
import { temporaryFolders } from './helpers/temp-folders';

/**
 * One import test per source form, its result checked element by element
 * (header fields, headings with level, number and title, recipients,
 * signature, what was reported as clutter), and the bad inputs of each form:
 * a clear message, exit 2, nothing written.
 */

const root = join(__dirname, '..');
const fixture = (name: string) => join(root, 'tests', 'fixtures', 'import', name);
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
const headerOf = (d: PlanDocument) => Object.fromEntries(d.header.fields.map((f) => [f.key, squeeze(f.value)]));
const headingsOf = (sections: Section[]): string[] => sections.flatMap((s) => [`${s.level} ${s.explicitNumber?.text ?? ''} ${squeeze(s.title)}`, ...headingsOf(s.children)]);
const closingOf = (d: PlanDocument) => ({
  recipients: d.recipients?.items.map((r) => squeeze(r.text)) ?? [],
  authorities: d.signature?.authorities.map((a) => a.text) ?? [],
  title: d.signature?.title?.text,
  signer: d.signature?.signer?.text,
});
const parsed = (result: ImportResult) => {
  const back = parsePlan(result.text);
  expect(back.diagnostics.filter((d) => d.code === 'syntax' || d.code === 'internal')).toEqual([]);
  return back.document;
};

describe('Markdown a converter wrote from a legal portal page', () => {
  const result = importMarkdown(readFileSync(fixture('portal-page.md'), 'utf8'));
  const document = parsed(result);

  it('reads the header from the table flattened to lone | lines, bold split across lines joined', () => {
    expect(headerOf(document)).toEqual({
      issuer: 'ỦY BAN NHÂN DÂN XÃ BẢN HON',
      number: '12/KH-UBND',
      place: 'Bản Hon',
      date: '10/3/2025',
      kind: 'Kế hoạch',
      summary: 'Tuyên truyền phòng, chống cháy rừng năm 2025',
    });
    expect(result.report.missingHeaderFields).toEqual([]);
  });

  it('reads each heading once, whether its bold runs over two lines or text follows it on the line', () => {
    expect(headingsOf(document.sections)).toEqual(['1 I. MỤC ĐÍCH, YÊU CẦU', '2 1. Mục đích', '2 2. Yêu cầu', '1 II. NỘI DUNG', '1 III. TỔ CHỨC THỰC HIỆN']);
    expect(squeeze(document.sections[0].children[0].blocks.map((b) => ('text' in b ? String(b.text) : '')).join(' '))).toContain('Nâng cao nhận thức');
  });

  it('reads the closing table: recipients without a stray |, the whole signature', () => {
    expect(closingOf(document)).toEqual({
      recipients: ['UBND huyện (b/c);', 'Các thôn, bản;', 'Lưu: VT.'],
      authorities: ['TM. ỦY BAN NHÂN DÂN'],
      title: 'CHỦ TỊCH',
      signer: 'Lò Văn Minh',
    });
    expect(result.text).not.toMatch(/^- .*\|\s*$/m);
  });

  it('keeps the portal page around the plan as comments and reports it', () => {
    const noise = result.report.noise.map((n) => n.text);
    expect(noise).toEqual(expect.arrayContaining(['Số hiệu:', 'Tình trạng:', 'Văn bản liên quan', 'Tải về']));
    expect(result.text.indexOf('// Số hiệu:')).toBeLessThan(result.text.indexOf('Cơ quan:'));
    expect(result.text).toMatch(/\n\/\/ Tải về\n$/);
  });
});

describe('a Word document saved as a web page (windows-1252, letters as entities)', () => {
  let result: ImportResult;
  let document: PlanDocument;
  beforeAll(() => {
    const bytes = readFileSync(fixture('word-web-page.htm'));
    result = importHtml(new TextDecoder('windows-1252').decode(bytes));
    document = parsed(result);
  });

  it('reads the header table column by column', () => {
    expect(headerOf(document)).toEqual({
      parentBody: 'ỦY BAN MTTQ VIỆT NAM XÃ LƯƠNG SƠN',
      issuer: 'BAN THƯỜNG TRỰC',
      number: '05/KH-MTTQ-BTT',
      place: 'Lương Sơn',
      date: '02/12/2025',
      kind: 'Kế hoạch',
      summary: 'Giám sát việc lập danh sách cử tri',
    });
  });

  it('reads headings with split bold and text after them, and leaves hidden text out', () => {
    expect(headingsOf(document.sections)).toEqual(['1 I. MỤC ĐÍCH, YÊU CẦU', '1 II. NỘI DUNG', '2 1. Thời gian', '2 2. Địa điểm', '1 III. TỔ CHỨC THỰC HIỆN']);
    expect(result.text).not.toContain('ẩn');
  });

  it('reads the closing table', () => {
    expect(closingOf(document)).toEqual({ recipients: ['Đảng ủy xã;', 'Các thôn;', 'Lưu: VT.'], authorities: ['TM. BAN THƯỜNG TRỰC'], title: 'CHỦ TỊCH', signer: 'Hà Thị Lan' });
  });
});

describe('a PDF with a text layer (the model plan exported by kehoach)', () => {
  const original = parsePlan(readFileSync(join(root, 'examples', 'ke-hoach-mau.kh'), 'utf8')).document;
  let document: PlanDocument;
  let result: ImportResult;
  beforeAll(async () => {
    result = await importPdf(await renderPdf(layoutPlan(original)));
    document = parsed(result);
  }, 60_000);

  it('keeps the two columns of the header apart and finds every field', () => {
    expect(headerOf(document)).toEqual(headerOf(original));
  });

  it('finds the same headings, and drops the page numbers as reported noise', () => {
    // The export prints the numbers the plan computes: compare levels and titles.
    const titles = (sections: Section[]): string[] => sections.flatMap((s) => [`${s.level} ${squeeze(s.title)}`, ...titles(s.children)]);
    expect(titles(document.sections)).toEqual(titles(original.sections));
    expect(result.report.noise.every((n) => /^\d+$/.test(n.text))).toBe(true);
  });

  it('reads Nơi nhận beside the signature', () => {
    expect(closingOf(document)).toEqual(closingOf(original));
  });
});

describe('bad input: a clear message, exit 2, nothing written', () => {
  const made = temporaryFolders();
  let dir: string;
  const pdf = (build: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}) =>
    new Promise<Buffer>((resolve) => {
      const doc = new PDFDocument({ size: 'A4', ...options });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      build(doc);
      doc.end();
    });
  beforeAll(async () => {
    dir = made('import-bad');
    // A scan: the page is a picture, no text drawn.
    writeFileSync(join(dir, 'scan.pdf'), await pdf((doc) => doc.rect(72, 72, 300, 400).fill('#777')));
    // Locked with a password to open it.
    writeFileSync(join(dir, 'locked.pdf'), await pdf((doc) => doc.text('KẾ HOẠCH'), { userPassword: 'mat-khau', ownerPassword: 'chu' }));
    writeFileSync(join(dir, 'news.html'), readFileSync(fixture('page-without-plan.html')));
  }, 60_000);

  for (const [file, message] of [
    ['scan.pdf', /không có lớp chữ .* no text layer/],
    ['locked.pdf', /khóa bằng mật khẩu.* locked with a password/],
    ['news.html', /không chứa kế hoạch .* holds no plan/],
  ] as const) {
    it(file, () => {
      const r = kehoach(dir, 'import', file);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
      expect(existsSync(join(dir, file.replace(/\.\w+$/, '.kh')))).toBe(false);
    });
  }
});
