import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../server/src/checks';
import { importDocx, importText } from '../server/src/import';
import { layoutPlan } from '../server/src/layout';
import type { Block, PlanDocument, Section } from '../server/src/model';
import { renderDocx } from '../server/src/render/docx';
import { parsePlan } from '../server/src/syntax/parse';

const root = join(__dirname, '..');
const originalsDir = join(root, 'tests', 'fixtures', 'originals');
const ORIGINALS = ['ke-hoach-64-KH-UBND-tra-vinh', 'ke-hoach-184-KH-TU-tinh-uy-lai-chau', 'ke-hoach-470-KH-LDLD-lai-chau'];
const example = (name: string) => parsePlan(readFileSync(join(root, 'examples', `${name}.kh`), 'utf8')).document;
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

const headerOf = (d: PlanDocument) => Object.fromEntries(d.header.fields.map((f) => [f.key, squeeze(f.value)]));
const headingsOf = (sections: Section[]): string[] => sections.flatMap((s) => [`${s.level} ${s.explicitNumber?.text ?? ''} ${squeeze(s.title)}`, ...headingsOf(s.children)]);
const recipientsOf = (d: PlanDocument) => d.recipients?.items.map((r) => squeeze(r.text)) ?? [];
const signatureOf = (d: PlanDocument) => ({
  authorities: d.signature?.authorities.map((a) => a.text) ?? [],
  title: d.signature?.title?.text,
  signer: d.signature?.signer?.text,
});

describe('importing the original texts of tests/fixtures/originals gives the hand-written examples, structure by structure', () => {
  for (const name of ORIGINALS) {
    const imported = importText(readFileSync(join(originalsDir, `${name}.txt`), 'utf8'));
    const parsed = parsePlan(imported.text);
    const expected = example(name);

    it(`${name}: the result parses without a syntax diagnostic`, () => {
      expect(parsed.diagnostics.filter((d) => d.code === 'syntax' || d.code === 'internal')).toEqual([]);
      expect(imported.report.syntaxDiagnostics).toEqual([]);
    });

    it(`${name}: keeps at least 98% of the original's distinct words`, () => {
      const { source, kept, missing } = imported.report.words;
      expect(kept / source, `missing: ${missing.join(', ')}`).toBeGreaterThanOrEqual(0.98);
    });

    it(`${name}: finds the header fields the original gives`, () => {
      const want = headerOf(expected);
      const got = headerOf(parsed.document);
      if (name === 'ke-hoach-64-KH-UBND-tra-vinh') {
        // The original's text has no issuer (it was in the scanned letterhead): left empty, suggested in a comment.
        expect(got.issuer).toBe('');
        expect(imported.report.missingHeaderFields).toEqual(['Cơ quan']);
        expect(imported.text).toContain(`// Cơ quan? ${want.issuer} (`);
        got.issuer = want.issuer;
      }
      expect(got).toEqual(want);
    });

    it(`${name}: finds the same headings, levels and typed numbers`, () => {
      expect(headingsOf(parsed.document.sections)).toEqual(headingsOf(expected.sections));
    });

    it(`${name}: finds the same recipients and signature`, () => {
      expect(recipientsOf(parsed.document)).toEqual(recipientsOf(expected));
      expect(signatureOf(parsed.document)).toEqual(signatureOf(expected));
    });

    it(`${name}: keeps the preamble, closing sentence and every block of text`, () => {
      const blocks = (d: PlanDocument) => {
        const all: string[] = d.preamble.map(blockText);
        const walk = (list: Section[]) => list.forEach((s) => (all.push(...s.blocks.map(blockText)), walk(s.children)));
        walk(d.sections);
        return all;
      };
      expect(blocks(parsed.document)).toEqual(blocks(expected));
      expect(squeeze(parsed.document.closing?.text ?? '')).toBe(squeeze(expected.closing?.text ?? ''));
      expect(parsed.document.comments.map((c) => c.text).filter((c) => !c.startsWith('Cơ quan?'))).toEqual(expected.comments.map((c) => c.text));
    });
  }
});

const blockText = (b: Block) => (b.kind === 'table' ? b.rows.map((r) => r.cells.map((c) => squeeze(c.text)).join(' | ')).join('\n') : `${b.kind} ${squeeze(b.text)}`);

describe('a DOCX round trip: an example exported with renderDocx and imported back has the same model up to whitespace', () => {
  /**
   * What the DOCX carries: the renderer prints the computed heading numbers
   * (not the typed ones) and never prints comments, so those are left out.
   */
  const model = (d: PlanDocument) => {
    const sections = (list: Section[]): unknown[] => list.map((s) => ({ level: s.level, title: squeeze(s.title), blocks: s.blocks.map(blockText), children: sections(s.children) }));
    return {
      header: headerOf(d),
      system: d.system.value,
      preamble: d.preamble.map(blockText),
      sections: sections(d.sections),
      closing: squeeze(d.closing?.text ?? ''),
      recipients: recipientsOf(d),
      signature: signatureOf(d),
      // The layout prints its own `(Kèm theo Kế hoạch số …)` under an appendix's title, beside the plan's own line when it has one.
      // Its title too, in capitals.
      appendices: d.appendices.map((a) => ({
        title: squeeze(a.title).toLocaleUpperCase('vi'),
        blocks: a.blocks.map(blockText).filter((b) => b !== `paragraph (Kèm theo ${d.header.kind?.value} số ${d.header.number?.value} ngày ${d.header.date?.value})`),
      })),
    };
  };
  for (const name of [...ORIGINALS, 'ke-hoach-mau']) {
    it(name, async () => {
      const original = example(name);
      const bytes = await renderDocx(layoutPlan(original));
      const imported = await importDocx(bytes);
      const back = parsePlan(imported.text);
      expect(back.diagnostics.filter((d) => d.code === 'syntax')).toEqual([]);
      expect(model(back.document)).toEqual(model(original));
    });
  }
});

describe('import of text as Word and PDF give it', () => {
  it('reads a header laid out in two columns and run together on one line, in any order', () => {
    const text = [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ỦY BAN NHÂN DÂN HUYỆN MƯỜNG TÈ',
      'Độc lập - Tự do - Hạnh phúc',
      'Mường Tè, ngày 05 tháng 3 năm 2024\tSố: 12/KH-UBND',
      '',
      'KẾ HOẠCH',
      'Tuyên truyền pháp luật năm 2024',
      '',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '- Nâng cao nhận thức.',
    ].join('\n');
    const header = headerOf(parsePlan(importText(text).text).document);
    expect(header).toEqual({ issuer: 'ỦY BAN NHÂN DÂN HUYỆN MƯỜNG TÈ', number: '12/KH-UBND', place: 'Mường Tè', date: '05/3/2024', kind: 'Kế hoạch', summary: 'Tuyên truyền pháp luật năm 2024' });
  });

  it('writes empty header lines when the source has no header, so that the checks report what is missing', () => {
    const imported = importText('I. MỤC ĐÍCH\n\n- Nâng cao nhận thức.\n');
    expect(imported.text.startsWith('Cơ quan:\nSố:\nĐịa danh:\nNgày:\nLoại:\nTrích yếu:\n---\n')).toBe(true);
    expect(imported.report.missingHeaderFields).toEqual(['Cơ quan', 'Số', 'Địa danh', 'Ngày', 'Loại', 'Trích yếu']);
  });

  it('joins lines hard-wrapped by a PDF extraction, and a paragraph split by a page break', () => {
    const text = 'Số: 1/KH-UBND\n\nI. NHIỆM VỤ\n\nTăng cường công tác tuyên truyền\nvề giáo dục nghề nghiệp, nhất là\n- xã hội hóa; vị trí,\n\n12\n\nvai trò của doanh nghiệp.\n';
    const document = parsePlan(importText(text).text).document;
    expect(document.sections[0].blocks.map(blockText)).toEqual(['paragraph Tăng cường công tác tuyên truyền về giáo dục nghề nghiệp, nhất là - xã hội hóa; vị trí, vai trò của doanh nghiệp.']);
    expect(document.comments.map((c) => c.text)).toEqual(['12']);
  });

  it('joins a range of years and a date broken after their dash or slash without a space', () => {
    const text =
      'Số: 1/KH-UBND\n\nI. NHIỆM VỤ\n\nTriển khai kế hoạch phát triển của tỉnh giai đoạn 2026 -\n2030 theo Quy hoạch tỉnh thời kỳ 2021-\n2030, tầm nhìn đến năm 2050, ban hành ngày 05/12/\n2025 của Thủ tướng Chính phủ về quy hoạch.\n';
    const document = parsePlan(importText(text).text).document;
    expect(document.sections[0].blocks.map(blockText)).toEqual([
      'paragraph Triển khai kế hoạch phát triển của tỉnh giai đoạn 2026 - 2030 theo Quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050, ban hành ngày 05/12/2025 của Thủ tướng Chính phủ về quy hoạch.',
    ]);
  });

  it('splits a two-column Nơi nhận and signature pasted from Word', () => {
    const text = [
      'Số: 1/KH-UBND',
      '',
      'Trên đây là Kế hoạch./.',
      '',
      'Nơi nhận:\t\t\tTM. ỦY BAN NHÂN DÂN',
      '- Thường trực Huyện ủy (b/c);          KT. CHỦ TỊCH',
      '- Lưu: VT.\t\t\tPHÓ CHỦ TỊCH',
      '',
      '\t\t\t\tNguyễn Văn An',
    ].join('\n');
    const document = parsePlan(importText(text).text).document;
    expect(recipientsOf(document)).toEqual(['Thường trực Huyện ủy (b/c);', 'Lưu: VT.']);
    expect(signatureOf(document)).toEqual({ authorities: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', signer: 'Nguyễn Văn An' });
  });

  it('turns tab-separated rows into a table and escapes lines that would open another construct', () => {
    const text = 'Số: 1/KH-UBND\n\nI. NHIỆM VỤ\n\nNhiệm vụ\tChủ trì\tThời gian\nTuyên truyền\tPhòng Văn hóa\tQuý II\n\nSố: lượng người học tăng *đáng kể\n';
    const imported = importText(text);
    const document = parsePlan(imported.text).document;
    const [table, paragraph] = document.sections[0].blocks;
    expect(table.kind === 'table' && table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Nhiệm vụ', 'Chủ trì', 'Thời gian'],
      ['Tuyên truyền', 'Phòng Văn hóa', 'Quý II'],
    ]);
    expect(blockText(paragraph)).toBe('paragraph Số: lượng người học tăng *đáng kể');
    expect(imported.report.syntaxDiagnostics).toEqual([]);
  });
});

describe('plans from outside the examples, as a new user would bring them (tests/fixtures/import/)', () => {
  const importFixture = (name: string) => {
    const imported = importText(readFileSync(join(__dirname, 'fixtures', 'import', name), 'utf8'));
    return { imported, document: parsePlan(imported.text).document };
  };

  it('a school plan hard-wrapped by a PDF, with a two-column header and closing and OCR slips in its capitals', () => {
    const { imported, document } = importFixture('truong-thcs.txt');
    expect(headerOf(document)).toEqual({
      parentBody: 'UBND HUYỆN PHONG THỔ',
      issuer: 'TRƯỜNG THCS DÀO SAN',
      number: '15/KH-THCS',
      place: 'Dào San',
      date: '12/9/2024',
      kind: 'Kế hoạch',
      summary: 'Triển khai ứng dụng công nghệ thông tin và chuyển đổi số năm học 2024 - 2025',
    });
    expect(headingsOf(document.sections)).toEqual([
      '1 I. MỤC ĐÍCH, YÊU CẦU',
      '2 1. Mục đích',
      '2 2. Yêu cầu',
      '1 II. NHIỆM VỤ VÀ GIẢI PHÁP',
      '2 1. Hoàn thiện hạ tầng công nghệ thông tin',
      '2 2. Bồi dưỡng kỹ năng số cho giáo viên',
      '2 3. Ứng dụng công nghệ thông tin trong quản lý',
      '1 III. TỔ CHỨC THỰC HIỆN',
    ]);
    expect(imported.report.ocrMended.map((o) => o.text)).toEqual(['Il. NHIỆM VỤ VÀ GIẢI PHÁP', 'III. TỔ CHỨC THỰC HlỆN']);
    // The words of a mended line count as kept, since the heading holds them mended.
    expect(imported.report.words.missing).toEqual([]);
    expect(document.comments.map((c) => c.text)).toEqual(['2']);
    expect(recipientsOf(document)).toEqual(['Phòng GD&ĐT (b/c);', 'Các tổ chuyên môn (t/h);', 'Lưu: VT.']);
    expect(signatureOf(document)).toEqual({ authorities: [], title: 'HIỆU TRƯỞNG', signer: 'Nguyễn Thị Hoa' });
    expect(document.sections[2].blocks[0].kind).toBe('table');
  });

  it('a commune plan whose header runs on two lines, with OCR-damaged labels and a tab-separated closing', () => {
    const { imported, document } = importFixture('ubnd-xa.txt');
    expect(headerOf(document)).toMatchObject({ issuer: 'UỶ BAN NHÂN DÂN XÃ BẢN HON', number: '07/KH-UBND', place: 'Bản Hon', date: '03/02/2025' });
    // `KÊ HOẠCH` is OCR's `KẾ HOẠCH`: the tên loại is read as the kind it folds to, and the mend listed.
    expect(headerOf(document).kind).toBe('Kế hoạch');
    expect(document.sections[1].children).toEqual([]);
    expect(recipientsOf(document)).toEqual(['UBND huyện (b/c);', 'Đảng uỷ xã (b/c);', 'Lưu: VT.']);
    expect(signatureOf(document)).toEqual({ authorities: ['TM. ỦY BAN NHÂN DÂN'], title: 'CHỦ TỊCH', signer: 'Lò Văn Hùng' });
    expect(document.comments.map((c) => c.text)).toEqual(['_Toc123456', '(Đã ký)']);
    // The labels misread by OCR are written as the syntax spells them and listed; their words count as kept.
    expect(imported.report.wordsMended).toEqual([
      { line: 2, from: 'Sô', to: 'Số' },
      { line: 2, from: 'ngầy', to: 'Ngày' },
      { line: 4, from: 'KÊ HOẠCH', to: 'Kế hoạch' },
      { line: 24, from: 'Nơi nhân', to: 'Nơi nhận' },
    ]);
    // The one word lost is the Quốc hiệu's (the layout prints it), which the plan does not hold.
    expect(imported.report.words.missing).toEqual(['HOÀ']);
  });

  it('reads a numbered sentence after a page number as a heading beside its sibling, not an item under it', () => {
    const source = [
      'ỦY BAN NHÂN DÂN PHƯỜNG 1',
      'Số: 12/KH-UBND',
      'Trà Vinh, ngày 17 tháng 11 năm 2020',
      'KẾ HOẠCH',
      'Tuyên truyền Chỉ thị số 21-CT/TW',
      '',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Nâng cao nhận thức của cán bộ, đảng viên và nhân dân.',
      'II. NHIỆM VỤ VÀ GIẢI PHÁP',
      '1. Tăng cường công tác tuyên truyền',
      'Tổ chức tuyên truyền sâu rộng Chỉ thị số 21-CT/TW trên hệ thống loa truyền thanh',
      'của phường.',
      '                                   2',
      '2. Phấn đấu đến năm 2025 có 70% lao động qua đào tạo.',
      'IV. TỔ CHỨC THỰC HIỆN',
      'Các đoàn thể phối hợp thực hiện.',
    ].join('\n');
    const { document } = parsePlan(importText(source).text);
    // `2.` is the sibling of `1.` (read alike, so their numbers follow on); as an item it would sit under `1.`.
    // A heading that is a whole sentence is a task, not an empty part: structure-empty-section stays silent on it.
    expect(headingsOf(document.sections)).toEqual([
      '1 I. MỤC ĐÍCH, YÊU CẦU',
      '1 II. NHIỆM VỤ VÀ GIẢI PHÁP',
      '2 1. Tăng cường công tác tuyên truyền',
      '2 2. Phấn đấu đến năm 2025 có 70% lao động qua đào tạo.',
      '1 IV. TỔ CHỨC THỰC HIỆN',
    ]);
    const blocks = document.sections[1].children[0].blocks;
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph']);
    expect(document.comments.map((c) => c.text)).toEqual(['2']);
  });

  it('keeps the post set under the signer’s name beside the signature, not as text after it', () => {
    const source = [
      'ĐẢNG BỘ XÃ PHỐ BẢNG\tĐẢNG CỘNG SẢN VIỆT NAM',
      'TIỂU BAN THÔNG TIN, TUYÊN TRUYỀN\tPhố Bảng, ngày 20 tháng 11 năm 2025',
      'Số: 01-KH/TB',
      '',
      'KẾ HOẠCH',
      'Tuyên truyền về bầu cử',
      '',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Tuyên truyền sâu rộng đến cử tri.',
      '',
      'Nơi nhận:',
      '- Thường trực Đảng ủy (Báo cáo);',
      '- Lưu Ban xây dựng Đảng.',
      '',
      'T/M TIỂU BAN',
      'TRƯỞNG TIỂU BAN',
      'Nguyễn Văn Hoàn',
      'TRƯỞNG BAN XÂY DỰNG ĐẢNG',
    ].join('\n');
    const imported = importText(source);
    const { document } = parsePlan(imported.text);
    expect(signatureOf(document)).toEqual({ authorities: ['T/M TIỂU BAN'], title: 'TRƯỞNG TIỂU BAN', signer: 'Nguyễn Văn Hoàn' });
    expect(imported.text).toMatch(/Nguyễn Văn Hoàn\n\n\/\/ TRƯỞNG BAN XÂY DỰNG ĐẢNG\n$/);
  });

  it('reads the plan a decision announces in its article when the (Kèm theo …) line is missing, and a trích yếu broken after a dash', () => {
    const source = [
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH SƠN LA\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 2954/QĐ-UBND\tSơn La, ngày 20 tháng 11 năm 2025',
      '',
      'QUYẾT ĐỊNH',
      'Về việc ban hành Kế hoạch xuất khẩu sản phẩm hàng hóa giai đoạn 2026 - 2030',
      '',
      'Điều 1. Ban hành kèm theo Quyết định này Kế hoạch xuất khẩu sản phẩm hàng hóa tỉnh Sơn La giai đoạn 2026 - 2030.',
      '',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký ban hành./.',
      '',
      'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
      '- Như Điều 2;\tCHỦ TỊCH',
      '- Lưu: VT.\tNguyễn Thành Công',
      '',
      'KẾ HOẠCH',
      '',
      'XUẤT KHẨU SẢN PHẨM HÀNG HÓA TỈNH SƠN LA GIAI ĐOẠN 2026 -',
      '',
      '2030',
      '',
      'I. MỤC TIÊU',
      'Phát triển xuất khẩu bền vững.',
    ].join('\n');
    const { document } = parsePlan(importText(source).text);
    expect(headerOf(document)).toEqual({
      issuer: 'ỦY BAN NHÂN DÂN TỈNH SƠN LA',
      number: '',
      place: 'Sơn La',
      date: '20/11/2025',
      kind: 'Kế hoạch',
      summary: 'XUẤT KHẨU SẢN PHẨM HÀNG HÓA TỈNH SƠN LA GIAI ĐOẠN 2026 - 2030',
    });
    expect(headingsOf(document.sections)).toEqual(['1 I. MỤC TIÊU']);
    expect(signatureOf(document).signer).toBe('Nguyễn Thành Công');
  });

  it('reads the plan a decision issues in the same file: the decision as comments, its closing closing the plan, dotted parts under their parent', () => {
    const source = [
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'THÀNH PHỐ HÀ NỘI\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 2280/QĐ-UBND\tHà Nội, ngày 29 tháng 4 năm 2026',
      '',
      'QUYẾT ĐỊNH',
      'Phê duyệt Kế hoạch bảo đảm thoát nước mùa mưa năm 2026',
      '',
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      '',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;',
      '',
      'QUYẾT ĐỊNH:',
      '',
      'Điều 1. Phê duyệt Kế hoạch bảo đảm thoát nước mùa mưa năm 2026, kèm theo Quyết định này.',
      '',
      'Điều 2. Quyết định này có hiệu lực từ ngày ký./.',
      '',
      'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
      '- Như Điều 2;\tKT. CHỦ TỊCH',
      '- Thường trực Thành ủy;\tPHÓ CHỦ TỊCH',
      '- Các Sở, ban, ngành Thành phố;',
      'Trương Việt Dũng',
      'Trung tâm Thông tin Thành phố;',
      '- Lưu: VT.',
      '',
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'THÀNH PHỐ HÀ NỘI\tĐộc lập - Tự do - Hạnh phúc',
      '',
      'KẾ HOẠCH',
      'Bảo đảm thoát nước mùa mưa năm 2026',
      '(Kèm theo Quyết định số 2280/QĐ-UBND ngày 29/4/2026 của UBND Thành phố)',
      '',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Giảm thiểu các điểm úng ngập cục bộ.',
      'II. NHIỆM VỤ, GIẢI PHÁP',
      '2.1. Giải pháp chung',
      'Nạo vét hệ thống thoát nước trước mùa mưa.',
      '2.2. Giải pháp cụ thể theo từng lưu vực thoát nước của Thành phố như sau:',
      '2.2.1 Lưu vực Tô Lịch',
      'Vận hành trạm bơm Yên Sở.',
      '2.2.2 Lưu vực Hữu Nhuệ',
      'Vận hành trạm bơm Đồng Bông.',
      'III. TỔ CHỨC THỰC HIỆN',
      'Sở Xây dựng chủ trì thực hiện Kế hoạch (chi tiết tại Phụ lục kèm theo)./.',
      '',
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      '',
      'PHỤ LỤC',
      'DANH MỤC TRẠM BƠM',
      '',
      'Trạm bơm Yên Sở, công suất 90 m3/s.',
    ].join('\n');
    const imported = importText(source);
    const { document } = parsePlan(imported.text);
    expect(headerOf(document)).toEqual({
      issuer: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      number: '',
      place: 'Hà Nội',
      date: '29/4/2026',
      kind: 'Kế hoạch',
      summary: 'Bảo đảm thoát nước mùa mưa năm 2026',
    });
    expect(document.comments.map((c) => c.text)).toEqual(
      expect.arrayContaining(['QUYẾT ĐỊNH', 'Điều 2. Quyết định này có hiệu lực từ ngày ký./.', '(Kèm theo Quyết định số 2280/QĐ-UBND ngày 29/4/2026 của UBND Thành phố)']),
    );
    expect(imported.text).toMatch(/^\/\/ Kế hoạch ban hành kèm theo Quyết định số 2280\/QĐ-UBND ngày 29\/4\/2026;/);
    // It has no number of its own: said, and not asked for.
    expect(imported.text).toContain('// kehoach-ignore header-missing-field\nSố:\n');
    expect(checkPlan(parsePlan(imported.text)).filter((d) => d.code === 'header-missing-field')).toEqual([]);
    expect(imported.report.noise.map((n) => n.text)).toContain('QUYẾT ĐỊNH');
    // `2.2.` reads as a long sentence, but the parts numbered under it make it their heading.
    expect(headingsOf(document.sections)).toEqual([
      '1 I. MỤC ĐÍCH, YÊU CẦU',
      '1 II. NHIỆM VỤ, GIẢI PHÁP',
      '2 2.1. Giải pháp chung',
      '2 2.2. Giải pháp cụ thể theo từng lưu vực thoát nước của Thành phố như sau:',
      '3 2.2.1 Lưu vực Tô Lịch',
      '3 2.2.2 Lưu vực Hữu Nhuệ',
      '1 III. TỔ CHỨC THỰC HIỆN',
    ]);
    // The decision's Nơi nhận and signature close the plan; a recipient without its dash after the signer's name stays one.
    expect(recipientsOf(document)).toEqual(['Như Điều 2;', 'Thường trực Thành ủy;', 'Các Sở, ban, ngành Thành phố;', 'Trung tâm Thông tin Thành phố;', 'Lưu: VT.']);
    expect(signatureOf(document)).toEqual({ authorities: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], title: 'PHÓ CHỦ TỊCH', signer: 'Trương Việt Dũng' });
    // The closing stands before the appendix, whose issuer line over it is a comment, not the plan's last words.
    expect(imported.text.indexOf('Nơi nhận:')).toBeLessThan(imported.text.indexOf('// ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\n\nPHỤ LỤC'));
    expect(document.appendices.map((a) => squeeze(a.title))).toEqual(['DANH MỤC TRẠM BƠM']);
    expect(checkPlan(parsePlan(imported.text)).filter((d) => d.code === 'closing-mark')).toEqual([]);
  });
});

describe('a .docx typed in Word rather than exported by kehoach', () => {
  it('reads the header table, Word’s own list numbering and bullets, a data table, and a signature set off by tabs', async () => {
    const { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } = await import('docx');
    const cell = (...lines: string[]) => new TableCell({ children: lines.map((l) => new Paragraph({ children: [new TextRun({ text: l, bold: l === l.toLocaleUpperCase('vi') })] })) });
    const numbered = (text: string) => new Paragraph({ numbering: { reference: 'roman', level: 0 }, children: [new TextRun({ text, bold: true })] });
    const bullet = (text: string) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun(text)] });
    const document = new Document({
      numbering: {
        config: [
          { reference: 'roman', levels: [{ level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.LEFT }] },
          { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '-', alignment: AlignmentType.LEFT }] },
        ],
      },
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: [cell('SỞ TÀI CHÍNH TỈNH LAI CHÂU', 'Số: 3/KH-STC'), cell('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Lai Châu, ngày 10 tháng 4 năm 2024')],
                }),
              ],
            }),
            new Paragraph({ children: [new TextRun({ text: 'KẾ HOẠCH', bold: true })] }),
            new Paragraph({ children: [new TextRun({ text: 'Kiểm tra công tác tài chính năm 2024', bold: true })] }),
            new Paragraph('Thực hiện nhiệm vụ năm 2024, Sở Tài chính ban hành Kế hoạch như sau:'),
            numbered('MỤC ĐÍCH, YÊU CẦU'),
            bullet('Bảo đảm sử dụng ngân sách đúng quy định.'),
            numbered('TỔ CHỨC THỰC HIỆN'),
            new Table({
              rows: [new TableRow({ children: [cell('Nội dung'), cell('Chủ trì'), cell('Thời gian')] }), new TableRow({ children: [cell('Kiểm tra'), cell('Phòng Ngân sách'), cell('Quý II')] })],
            }),
            new Paragraph('Trên đây là Kế hoạch của Sở Tài chính./.'),
            new Paragraph({ children: [new TextRun('Nơi nhận:'), new TextRun({ text: '\tGIÁM ĐỐC', bold: true })] }),
            new Paragraph('- UBND tỉnh (b/c);'),
            new Paragraph('- Lưu: VT, NS.'),
            new Paragraph({ children: [new TextRun('\t\tPhạm Văn Bình')] }),
          ],
        },
      ],
    });
    const imported = importDocx(new Uint8Array(await Packer.toArrayBuffer(document)));
    const { document: plan } = parsePlan(imported.text);
    expect(headerOf(plan)).toEqual({
      issuer: 'SỞ TÀI CHÍNH TỈNH LAI CHÂU',
      number: '3/KH-STC',
      place: 'Lai Châu',
      date: '10/4/2024',
      kind: 'Kế hoạch',
      summary: 'Kiểm tra công tác tài chính năm 2024',
    });
    // The numbers Word's list numbering prints (`numbering.xml`: upper Roman, `%1.`), as a reader sees them.
    expect(headingsOf(plan.sections)).toEqual(['1 I. MỤC ĐÍCH, YÊU CẦU', '1 II. TỔ CHỨC THỰC HIỆN']);
    expect(plan.sections[0].blocks.map(blockText)).toEqual(['item Bảo đảm sử dụng ngân sách đúng quy định.']);
    expect(plan.sections[1].blocks[0].kind).toBe('table');
    expect(recipientsOf(plan)).toEqual(['UBND tỉnh (b/c);', 'Lưu: VT, NS.']);
    expect(signatureOf(plan)).toEqual({ authorities: [], title: 'GIÁM ĐỐC', signer: 'Phạm Văn Bình' });
  });

  it('parts the parent body (plain) from the issuer (bold) where each name takes two lines', async () => {
    const { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } = await import('docx');
    const line = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
    const document = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({
                      children: [line('TRUNG TÂM ĐIỀU ĐỘ'), line('HỆ THỐNG ĐIỆN QUỐC GIA'), line('TRUNG TÂM ĐIỀU ĐỘ', true), line('HỆ THỐNG ĐIỆN MIỀN NAM', true), line('Số: 12/KH-ĐĐMN')],
                    }),
                    new TableCell({
                      children: [line('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', true), line('Độc lập - Tự do - Hạnh phúc', true), line('Thành phố Hồ Chí Minh, ngày 01 tháng 03 năm 2024')],
                    }),
                  ],
                }),
              ],
            }),
            line('KẾ HOẠCH', true),
            line('Công tác quốc phòng, quân sự địa phương', true),
            line('I. MỤC ĐÍCH, YÊU CẦU', true),
          ],
        },
      ],
    });
    const { document: plan } = parsePlan(importDocx(new Uint8Array(await Packer.toArrayBuffer(document))).text);
    expect(headerOf(plan)).toMatchObject({ parentBody: 'TRUNG TÂM ĐIỀU ĐỘ HỆ THỐNG ĐIỆN QUỐC GIA', issuer: 'TRUNG TÂM ĐIỀU ĐỘ HỆ THỐNG ĐIỆN MIỀN NAM', number: '12/KH-ĐĐMN' });
  });
});

describe('a party plan pasted from Word (tests/fixtures/import/huyen-uy.txt)', () => {
  it('reads the party header in columns, the I-/1-/a) levels, and the two-column closing', () => {
    const imported = importText(readFileSync(join(__dirname, 'fixtures', 'import', 'huyen-uy.txt'), 'utf8'));
    const { document } = parsePlan(imported.text);
    expect(headerOf(document)).toEqual({
      parentBody: 'ĐẢNG BỘ TỈNH LAI CHÂU',
      issuer: 'HUYỆN ỦY TAM ĐƯỜNG',
      number: '45-KH/HU',
      place: 'Tam Đường',
      date: '20/5/2024',
      kind: 'Kế hoạch',
      summary: 'thực hiện Kết luận số 12-KL/TW của Bộ Chính trị',
    });
    expect(document.system.value).toBe('party');
    expect(headingsOf(document.sections)).toEqual([
      '1 I- MỤC ĐÍCH, YÊU CẦU',
      '1 II- NHIỆM VỤ, GIẢI PHÁP',
      '2 1- Công tác tuyên truyền',
      '3 a) Tổ chức hội nghị quán triệt cho cán bộ chủ chốt',
      '3 b) Tuyên truyền trên hệ thống truyền thanh cơ sở',
      '2 2- Công tác kiểm tra, giám sát',
      '1 III- TỔ CHỨC THỰC HIỆN',
    ]);
    expect(recipientsOf(document)).toHaveLength(4);
    expect(signatureOf(document)).toEqual({ authorities: ['T/M BAN THƯỜNG VỤ'], title: 'BÍ THƯ', signer: 'Nguyễn Văn Bình' });
    expect(imported.report.words.kept).toBe(imported.report.words.source);
  });
});

describe('a party draft', () => {
  const draft = (numberLine: string, ...between: string[]) =>
    [
      'TỈNH ỦY LAI CHÂU\tĐẢNG CỘNG SẢN VIỆT NAM',
      '*',
      `${numberLine}\tLai Châu, ngày 10 tháng 9 năm 2025`,
      ...between,
      '',
      'CHƯƠNG TRÌNH HÀNH ĐỘNG',
      'thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh',
      '',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Cụ thể hóa Nghị quyết.',
    ].join('\n');

  it('reads a serial left blank in the party form (`Số -CTr/TU`)', () => {
    expect(headerOf(parsePlan(importText(draft('Số -CTr/TU')).text).document)).toMatchObject({ issuer: 'TỈNH ỦY LAI CHÂU', number: '-CTr/TU', kind: 'Chương trình hành động' });
  });

  it('goes on past the `Dự thảo` mark to the tên loại and its trích yếu, keeping the mark as a comment', () => {
    const imported = importText(draft('Số 12-CTr/TU', 'Dự thảo'));
    expect(headerOf(parsePlan(imported.text).document)).toMatchObject({
      number: '12-CTr/TU',
      kind: 'Chương trình hành động',
      summary: 'thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh',
    });
    expect(imported.text).toContain('// Dự thảo\n');
  });
});

describe('an appendix titled without a numeral', () => {
  it('reads `PHỤ LỤC CÁC CHƯƠNG TRÌNH` as the title, not as appendix `C` of `ÁC CHƯƠNG TRÌNH`', () => {
    const source = [
      'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TỈNH LAI CHÂU\tĐộc lập - Tự do - Hạnh phúc',
      'Số: 5/KH-UBND\tLai Châu, ngày 10 tháng 4 năm 2024',
      '',
      'KẾ HOẠCH',
      'Thực hiện các đề án năm 2024',
      '',
      'I. MỤC ĐÍCH, YÊU CẦU',
      'Hoàn thành các đề án đúng hạn (chi tiết tại Phụ lục kèm theo).',
      '',
      'Nơi nhận:\tTM. ỦY BAN NHÂN DÂN',
      '- Lưu: VT.\tCHỦ TỊCH',
      '\tNguyễn Văn An',
      '',
      'PHỤ LỤC CÁC CHƯƠNG TRÌNH, ĐỀ ÁN TRỌNG TÂM',
      '',
      'Đề án chuyển đổi số, Sở Khoa học và Công nghệ chủ trì.',
    ].join('\n');
    const { document } = parsePlan(importText(source).text);
    expect(document.appendices.map((a) => squeeze(a.title))).toEqual(['CÁC CHƯƠNG TRÌNH, ĐỀ ÁN TRỌNG TÂM']);
  });
});

describe('small shapes of pasted text', () => {
  it('goes on with a level-1 title wrapped in capitals, and writes Markdown `*` bullets as dashes', () => {
    const document = parsePlan(importText('Số: 1/KH-UBND\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM\nTHỜI GIAN TỚI\n* Một ý của Markdown\n* Ý hai\n').text).document;
    expect(headingsOf(document.sections)).toEqual(['1 II. NHIỆM VỤ VÀ GIẢI PHÁP TRỌNG TÂM THỜI GIAN TỚI']);
    expect(document.sections[0].blocks.map(blockText)).toEqual(['item Một ý của Markdown', 'item Ý hai']);
  });
});
