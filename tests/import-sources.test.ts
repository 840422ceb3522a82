import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { sourceKind } from '../server/src/host/source-kind';
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

  it('reads each heading once, whether its bold runs over two lines, is split around its number or its italics by a comma, or has text after it on the line', () => {
    expect(headingsOf(document.sections)).toEqual([
      '1 I. MỤC ĐÍCH, YÊU CẦU',
      '2 1. Mục đích',
      '2 2. Yêu cầu',
      '3 a) Về nội dung, hình thức',
      '3 b) Về thời gian',
      '1 II. NỘI DUNG',
      '1 III. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(squeeze(document.sections[0].children[0].blocks.map((b) => ('text' in b ? String(b.text) : '')).join(' '))).toContain('Nâng cao nhận thức');
    // Items numbered in italics that close after a space (`*a) Đối với cán bộ: *Nắm vững …`), read through the marks.
    expect(document.sections[0].children[0].blocks.filter((b) => b.kind === 'item').map((b) => squeeze(String('text' in b ? b.text : '')))).toEqual([
      'Đối với cán bộ: Nắm vững quy định về phòng cháy.',
      'Đối với người dân: Chủ động phòng cháy khi đốt nương.',
    ]);
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
    const source = sourceKind(readFileSync(fixture('word-web-page.htm')), 1 << 20);
    if (source.kind !== 'html') throw new Error(`read as ${source.kind}`);
    result = importHtml(source.text);
    document = parsePlan(result.text).document;
  });

  it('reads the bytes of its charset as Word wrote them (quotes, dash and ellipsis, not control characters), and runs of one style as one', () => {
    // An italic run split by a span is one run: `*(theo Luật Bầu cử).*`, no `**` left between its halves.
    expect(result.text).toContain('Bảo đảm danh sách cử tri “đúng, đủ” – kịp thời… theo quy định *(theo Luật Bầu cử).*');
    expect(result.text).not.toMatch(/[\u0080-\u009f]/);
    expect(parsePlan(result.text).diagnostics.filter((d) => d.code === 'syntax')).toEqual([]);
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

describe('a PDF signed digitally, its letters mapped to Unicode decomposed', () => {
  // Every letter is 0.5 em wide; a line that goes on in another run starts where the first one ends.
  const at = (x: number, text: string) => x + text.length * 7;
  const firstRun = '1. Liên hiệp các tổ chức h';
  const sunk = 'Chủ trì bơm 500 m';
  const bytes = handWrittenPdf(
    [
      { x: 72, y: 800, size: 14, text: 'ỦY BAN NHÂN DÂN' },
      { x: 330, y: 800, size: 14, text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' },
      { x: 72, y: 784, size: 14, text: 'THÀNH PHỐ HÀ NỘI' },
      { x: 330, y: 784, size: 14, text: 'Độc lập - Tự do - Hạnh phúc' },
      // The blanks the signing fills: the number, the day and the month.
      { x: 72, y: 760, size: 14, text: 'Số:        /KH-UBND' },
      { x: 330, y: 760, size: 14, text: 'Hà Nội, ngày      tháng      năm 2026' },
      { x: 250, y: 720, size: 14, text: 'KẾ HOẠCH' },
      { x: 160, y: 704, size: 14, text: 'Tổ chức Festival Thăng Long' },
      { x: 72, y: 670, size: 14, text: 'I. NHIỆM VỤ' },
      { x: 72, y: 650, size: 14, text: firstRun },
      { x: at(72, firstRun), y: 650, size: 14, text: 'ữu nghị thành phố' },
      { x: 90, y: 630, size: 14, text: 'Chủ trì các hoạt động giao lưu quốc tế.' },
      { x: 72, y: 610, size: 14, text: '2. Sở Văn hóa và Thể thao' },
      { x: 90, y: 590, size: 14, text: 'Nhiệm vụ trọng tâm', bold: true },
      { x: 90, y: 570, size: 14, text: sunk },
      // A superscript: small print raised, right after the word before it.
      { x: at(90, sunk), y: 576, size: 8, text: '3' },
      { x: at(90, sunk) + 4, y: 570, size: 14, text: ' nước.' },
      { x: 72, y: 540, size: 14, text: 'Nơi nhận:' },
      { x: 330, y: 540, size: 14, text: 'TM. ỦY BAN NHÂN DÂN' },
      { x: 72, y: 526, size: 14, text: '- Như trên;' },
      { x: 330, y: 526, size: 14, text: 'CHỦ TỊCH' },
      { x: 72, y: 512, size: 14, text: '- Lưu: VT.' },
      { x: 330, y: 460, size: 14, text: 'Trần Sỹ Thanh' },
    ],
    [
      { rect: [96, 755, 150, 780], text: '173' },
      { rect: [418, 755, 444, 780], text: '28' },
      { rect: [497, 755, 510, 780], text: '4' },
    ],
  );
  let document: PlanDocument;
  beforeAll(async () => {
    document = parsed(await importPdf(bytes));
  }, 60_000);

  it('reads the number and the date the signature stamps into the blanks of the header', () => {
    expect(headerOf(document)).toEqual({
      issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      number: '173/KH-UBND',
      place: 'Hà Nội',
      date: '28/4/2026',
      kind: 'Kế hoạch',
      summary: 'Tổ chức Festival Thăng Long',
    });
  });

  it('keeps a word whole where a letter decomposed by the font map ends a run (h + ữu)', () => {
    expect(headingsOf(document.sections)).toEqual(['1 I. NHIỆM VỤ', '2 1. Liên hiệp các tổ chức hữu nghị thành phố', '2 2. Sở Văn hóa và Thể thao']);
  });

  it('keeps bold as bold, and a superscript in its word', () => {
    const blocks = document.sections[0].children[1].blocks;
    expect(blocks.map((b) => [b.kind, 'isSubheading' in b ? b.isSubheading : undefined, squeeze(String('text' in b ? b.text : ''))])).toEqual([
      ['paragraph', true, 'Nhiệm vụ trọng tâm'],
      ['paragraph', false, 'Chủ trì bơm 500 m³ nước.'],
    ]);
  });

  it('reads Nơi nhận beside the signature', () => {
    expect(closingOf(document)).toEqual({ recipients: ['Như trên;', 'Lưu: VT.'], authorities: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', signer: 'Trần Sỹ Thanh' });
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

/** A PDF written by hand: a standard font whose Unicode map writes every letter beyond ASCII decomposed (ổ as o + marks), lines placed where given, and signature widgets whose appearance draws a text. */
function handWrittenPdf(lines: { x: number; y: number; size: number; text: string; bold?: boolean }[], stamps: { rect: [number, number, number, number]; text: string }[] = []): Uint8Array {
  const codes = new Map<string, number>();
  const encode = (text: string) =>
    [...text.normalize('NFC')]
      .map((ch) => {
        let code = ch.charCodeAt(0);
        if (code > 0x7e) {
          if (!codes.has(ch)) codes.set(ch, 0x80 + codes.size);
          code = codes.get(ch)!;
        }
        return code === 0x28 || code === 0x29 || code === 0x5c ? `\\${ch}` : code > 0x7e ? `\\${code.toString(8)}` : ch;
      })
      .join('');
  const content = lines.map((l) => `BT /${l.bold ? 'F2' : 'F1'} ${l.size} Tf 1 0 0 1 ${l.x} ${l.y} Tm (${encode(l.text)}) Tj ET`).join('\n');
  const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const map = [...Array(0x7f - 0x20).keys()].map((i) => `<${(0x20 + i).toString(16)}> <${hex(String.fromCharCode(0x20 + i))}>`);
  for (const [ch, code] of codes) map.push(`<${code.toString(16)}> <${hex(ch.normalize('NFD'))}>`);
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /UCS def /CMapType 2 def 1 begincodespacerange <00> <ff> endcodespacerange ${map.length} beginbfchar ${map.join(' ')} endbfchar endcmap CMapName currentdict /CMap defineresource pop end end`;
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const stream = (dict: string, data: string) => `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const annots = stamps.map((_, i) => `${6 + 2 * i} 0 R`).join(' ');
  add('<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 ${7 + 2 * stamps.length} 0 R >> >> /Contents 5 0 R /Annots [${annots}] >>`);
  add(
    `<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 ${[...Array(128).keys()].map((i) => `/g${128 + i}`).join(' ')}] >> /FirstChar 32 /LastChar 255 /Widths [${Array(224).fill(500).join(' ')}] /ToUnicode ${6 + 2 * stamps.length} 0 R >>`,
  );
  add(stream('', content));
  stamps.forEach((s, i) => {
    const [x0, y0, x1, y1] = s.rect;
    add(`<< /Type /Annot /Subtype /Widget /FT /Sig /T (sig${i}) /Rect [${s.rect.join(' ')}] /F 132 /P 3 0 R /AP << /N ${7 + 2 * i} 0 R >> >>`);
    add(stream(`/Type /XObject /Subtype /Form /BBox [0 0 ${x1 - x0} ${y1 - y0}] /Resources << /Font << /F1 4 0 R >> >>`, `BT /F1 13 Tf 2 5 Td (${encode(s.text)}) Tj ET`));
  });
  add(stream('', cmap));
  add(
    `<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [128 ${[...Array(128).keys()].map((i) => `/g${128 + i}`).join(' ')}] >> /FirstChar 32 /LastChar 255 /Widths [${Array(224).fill(500).join(' ')}] /ToUnicode ${6 + 2 * stamps.length} 0 R >>`,
  );
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
