import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlanDocument } from '../server/src/model';
import { parsePlan } from '../server/src/syntax/parse';
import { PlanParser } from '../server/src/syntax/parser';
import { allRanges, textAt } from './helpers/ranges';

const PLAN = `// sg: mảnh scan
Cơ quan chủ quản: TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM
Cơ quan: LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU
Số: 470/KH-LĐLĐ
Địa danh: Lai Châu
Ngày: 23/8/2023
Loại: Kế hoạch
Trích yếu: Triển khai thực hiện Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của
  Tổng Liên đoàn Lao động Việt Nam
---

Thực hiện Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư về tiếp tục
đổi mới giáo dục nghề nghiệp (gọi tắt là *Chỉ thị số 21-CT/TW*);

# I. MỤC ĐÍCH, YÊU CẦU

## 1. Mục đích

- Tăng cường sự lãnh đạo của **các cấp ủy Đảng**;
+ phối hợp với Sở Lao động - Thương binh và Xã hội.

**Nhiệm vụ trọng tâm năm 2024**

1. Quán triệt Luật số 74/2014/QH13, ngày 27/11/2014 của Quốc hội khóa XIII về
giáo dục nghề nghiệp; Nghị định số 140/NĐ-CP, ngày 08/10/2018.
a) Ý thứ nhất.

### a) Cấp ba
#### Cấp bốn

# TỔ CHỨC THỰC HIỆN

## Liên đoàn Lao động tỉnh:

Trên đây là Kế hoạch triển khai thực hiện Chi thị số 21-CT/TW./.

Ký:
  TM. BAN THƯỜNG VỤ
  KT. CHỦ TỊCH
  PHÓ CHỦ TỊCH
  Hoàng Thọ Trung

Nơi nhận:
- Tổng LĐLĐ Việt Nam (b/c);
- Ban Tuyên giáo Tỉnh ủy,
  và các ban khác;
- Lưu: VT, Ban CSPL&QHLD.

Phụ lục 1: Phân công nhiệm vụ
| Nhiệm vụ | Cơ quan chủ trì |
|---|---|
| Quán triệt Chỉ thị số 21-CT/TW | Ban Tuyên giáo Tỉnh ủy |
`;

/** Assertions shared by the NFC, CRLF and NFD forms of the same plan. */
function expectModel(original: string, doc: PlanDocument) {
  const at = (r: Parameters<typeof textAt>[1]) => textAt(original, r);
  const { header } = doc;
  expect(header.closed).toBe(true);
  expect(header.fields.map((f) => f.key)).toEqual(['parentBody', 'issuer', 'number', 'place', 'date', 'kind', 'summary']);
  expect(at(header.parentBody!.labelRange)).toBe('Cơ quan chủ quản');
  expect(at(header.issuer!.valueRange)).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU');
  expect(header.documentNumber).toMatchObject({ serial: '470', form: 'state', typeCode: 'KH', issuerSymbol: 'LĐLĐ', hasStraySpaces: false });
  expect(header.planDate).toMatchObject({ iso: '2023-08-23' });
  expect(header.summary!.value).toBe('Triển khai thực hiện Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn Lao động Việt Nam');
  expect(at(header.summary!.valueRange).replace(/\s+/g, ' ')).toBe(header.summary!.value);
  expect(doc.system).toEqual({ value: 'mass', source: 'number' });

  expect(doc.comments.map((c) => c.text)).toEqual(['sg: mảnh scan']);
  expect(at(doc.comments[0].range)).toBe('// sg: mảnh scan');

  expect(doc.preamble).toHaveLength(1);
  const preamble = doc.preamble[0];
  expect(preamble.kind === 'paragraph' && preamble.text).toBe(
    'Thực hiện Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư về tiếp tục đổi mới giáo dục nghề nghiệp (gọi tắt là Chỉ thị số 21-CT/TW);',
  );

  const [one, two] = doc.sections;
  expect(one.computedNumber).toBe('I.');
  expect(at(one.explicitNumber!.range)).toBe('I.');
  expect(one.title).toBe('MỤC ĐÍCH, YÊU CẦU');
  const purpose = one.children[0];
  expect(purpose).toMatchObject({ level: 2, title: 'Mục đích', computedNumber: '1.', path: [1, 1] });
  const [dash, plus, sub, numbered, lettered] = purpose.blocks;
  expect(dash).toMatchObject({ kind: 'item', marker: { kind: 'dash' }, text: 'Tăng cường sự lãnh đạo của các cấp ủy Đảng;' });
  expect(dash.kind === 'item' && dash.inlines.filter((r) => r.bold).map((r) => at(r.range))).toEqual(['các cấp ủy Đảng']);
  expect(plus).toMatchObject({ kind: 'item', marker: { kind: 'plus' } });
  expect(sub).toMatchObject({ kind: 'paragraph', isSubheading: true, text: 'Nhiệm vụ trọng tâm năm 2024' });
  expect(numbered).toMatchObject({ kind: 'item', marker: { kind: 'number', text: '1.' }, explicitNumber: { value: 1 } });
  expect(lettered).toMatchObject({ kind: 'item', marker: { kind: 'letter' }, explicitNumber: { value: 1, kind: 'letter' } });
  const level3 = purpose.children[0];
  expect(level3).toMatchObject({ level: 3, computedNumber: 'a)', title: 'Cấp ba' });
  expect(level3.children[0]).toMatchObject({ level: 4, computedNumber: '-', title: 'Cấp bốn' });

  expect(two.computedNumber).toBe('II.');
  expect(two.explicitNumber).toBeUndefined();
  expect(doc.closing?.text).toBe('Trên đây là Kế hoạch triển khai thực hiện Chi thị số 21-CT/TW./.');
  // The closing sentence left the last section.
  expect(two.children[0].blocks).toEqual([]);

  const citations = doc.citations;
  expect(citations.map((c) => `${c.docType} ${c.key}`)).toEqual([
    'Kế hoạch 349/KH-TLĐ',
    'Chỉ thị 21/CT/TW',
    'Chỉ thị 21/CT/TW',
    'Luật 74/2014/QH13',
    'Nghị định 140/NĐ-CP',
    'Chỉ thị 21/CT/TW',
    'Chỉ thị 21/CT/TW',
  ]);
  const law = citations[3];
  expect(at(law.range)).toBe('Luật số 74/2014/QH13, ngày 27/11/2014 của Quốc hội');
  expect(at(law.typeWordRange)).toBe('Luật');
  expect(at(law.numberRange)).toBe('74/2014/QH13');
  expect(at(law.date!.range)).toBe('ngày 27/11/2014');
  expect(law).toMatchObject({ year: 2014, symbol: 'QH13', issuer: 'Quốc hội', date: { iso: '2014-11-27' } });
  const decree = citations[4];
  expect(decree.year).toBeUndefined();
  expect(at(decree.range)).toBe('Nghị định số 140/NĐ-CP, ngày 08/10/2018');
  const directive = citations[1];
  expect(at(directive.range)).toBe('Chỉ thị số 21-CT/TW, ngày 04/5/2023 của Ban Bí thư');
  expect(directive.issuer).toBe('Ban Bí thư');
  const misspelt = citations[5];
  expect(misspelt.typeWord).toBe('Chi thị');
  expect(at(misspelt.typeWordRange)).toBe('Chi thị');
  const summary = citations[0];
  expect(at(summary.range).replace(/\s+/g, ' ')).toBe('Kế hoạch số 349/KH-TLĐ, ngày 15/8/2023 của Tổng Liên đoàn Lao động Việt Nam');

  const agencies = doc.agencies.map((a) => `${a.role}:${a.name}`);
  expect(agencies).toContain('mention:Sở Lao động - Thương binh và Xã hội');
  expect(agencies).toContain('assignee:Liên đoàn Lao động tỉnh');
  expect(agencies).toContain('recipient:Tổng LĐLĐ Việt Nam');
  expect(agencies).toContain('mention:Ban Tuyên giáo Tỉnh ủy');

  const recipients = doc.recipients!;
  expect(at(recipients.labelRange)).toBe('Nơi nhận:');
  expect(recipients.items.map((r) => [r.name, r.annotation, r.punctuation, r.isArchive])).toEqual([
    ['Tổng LĐLĐ Việt Nam', 'b/c', ';', false],
    ['Ban Tuyên giáo Tỉnh ủy, và các ban khác', undefined, ';', false],
    ['Lưu: VT, Ban CSPL&QHLD', undefined, '.', true],
  ]);
  expect(at(recipients.items[1].range).replace(/\s+/g, ' ')).toBe('- Ban Tuyên giáo Tỉnh ủy, và các ban khác;');

  const signature = doc.signature!;
  expect(signature.authorities.map((a) => [a.kind, at(a.range)])).toEqual([
    ['TM', 'TM. BAN THƯỜNG VỤ'],
    ['KT', 'KT. CHỦ TỊCH'],
  ]);
  expect(at(signature.title!.range)).toBe('PHÓ CHỦ TỊCH');
  expect(at(signature.signer!.range)).toBe('Hoàng Thọ Trung');

  const appendix = doc.appendices[0];
  expect(appendix).toMatchObject({ label: '1', title: 'Phân công nhiệm vụ' });
  const table = appendix.blocks[0];
  expect(table.kind).toBe('table');
  if (table.kind === 'table') {
    expect(table.hasHeaderRow).toBe(true);
    expect(table.rows.map((r) => r.cells.map((c) => at(c.range)))).toEqual([
      ['Nhiệm vụ', 'Cơ quan chủ trì'],
      ['Quán triệt Chỉ thị số 21-CT/TW', 'Ban Tuyên giáo Tỉnh ủy'],
    ]);
  }
}

describe('parsePlan on every construct', () => {
  it('builds the model with exact ranges (NFC, LF)', () => {
    const { document } = parsePlan(PLAN);
    expectModel(PLAN, document);
  });

  it('gives the same model and ranges on the same characters with CRLF line ends', () => {
    const crlf = PLAN.replace(/\n/g, '\r\n');
    const { document } = parsePlan(crlf);
    expectModel(crlf, document);
  });

  it('reads NFD text the same and puts ranges on the decomposed characters', () => {
    const nfd = PLAN.normalize('NFD');
    expect(nfd).not.toBe(PLAN);
    const nfdParse = parsePlan(nfd);
    expectModel(nfd, nfdParse.document);
    // Positions are in the NFD text: the signer's name starts later on its line than in NFC? no, but the citation does.
    const nfcLaw = parsePlan(PLAN).document.citations[3].range.start;
    const nfdLaw = nfdParse.document.citations[3].range.start;
    expect(nfdLaw.line).toBe(nfcLaw.line);
    expect(nfdLaw.character).toBeGreaterThan(nfcLaw.character);
  });

  it('takes the header from NFD labels and a byte-order mark', () => {
    const { document } = parsePlan('\uFEFF' + 'Số: 184-KH/TU\nNgày: 27/6/2023\n---\n'.normalize('NFD'));
    expect(document.header.documentNumber).toMatchObject({ form: 'party', typeCode: 'KH', issuerSymbol: 'TU' });
    expect(document.system).toEqual({ value: 'party', source: 'number' });
  });

  it('computes party-style numbers for a party plan', () => {
    const { document } = parsePlan('Số: 184-KH/TU\n---\n# A\n## B\n# C\n');
    expect(document.sections.map((s) => s.computedNumber)).toEqual(['I-', 'II-']);
    expect(document.sections[0].children[0].computedNumber).toBe('1-');
  });

  it('keeps a half-written draft: unclosed header, a heading with no title, a dangling bold', () => {
    const { document, diagnostics } = parsePlan('Cơ quan: UBND\nSố: 1/KH-UBND\n\n# \n\nĐoạn **đang viết');
    expect(document.header.closed).toBe(false);
    expect(document.sections).toHaveLength(1);
    expect(document.closing).toBeUndefined();
    expect(document.sections[0].blocks[0]).toMatchObject({ kind: 'paragraph', text: 'Đoạn **đang viết' });
    expect(diagnostics.map((d) => d.severity)).toEqual(['error', 'error', 'warning']);
  });

  it('reads unknown labels before --- as header lines, reported', () => {
    const { document, diagnostics } = parsePlan('Cơ quan: UBND TỈNH\nNgười soạn: Nguyễn Văn A\n---\n\nThân bài.\n');
    expect(document.header.closed).toBe(true);
    expect(document.preamble).toHaveLength(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0].range.start.line).toBe(1);
  });

  it('reports stray spaces in a cited number and keeps them in the text', () => {
    const { document } = parsePlan('Thực hiện Kế hoạch số 12 -KH/TU ngày 01/02/2024.');
    expect(document.citations[0]).toMatchObject({ numberText: '12 -KH/TU', key: '12/KH/TU', hasStraySpaces: true });
  });
});

const UNICODE_BITS = [
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '😀',
  '\u0301',
  '\u0323',
  '\u200F',
  '\r',
  '\n',
  '\r\n',
  ' ',
  '\t',
  '*',
  '**',
  '#',
  '-',
  '|',
  '//',
  '---',
  'Số: ',
  'Nơi nhận:',
  'Ký:',
  'Phụ lục:',
  '1. ',
  'a) ',
  'Chỉ thị số 21-CT/TW',
  ' ngày 04/5/2023',
  ' của Ban Bí thư',
  'Sở Tài chính',
  'ệ',
  'e\u0302\u0323',
];

describe('the parser on arbitrary input', () => {
  const input = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 400 }),
    fc.array(fc.constantFrom(...UNICODE_BITS), { maxLength: 120 }).map((parts) => parts.join('')),
  );

  it('never throws, and every range lies inside the text without splitting a surrogate pair', () => {
    fc.assert(
      fc.property(input, (text) => {
        const result = parsePlan(text);
        expect(result.diagnostics.filter((d) => d.code === 'internal')).toEqual([]);
        const lines = text.split(/\r\n|\r|\n/);
        for (const { path, range } of [...allRanges(result.document), ...allRanges(result.diagnostics)]) {
          for (const p of [range.start, range.end]) {
            expect(p.line, path).toBeGreaterThanOrEqual(0);
            expect(p.line, path).toBeLessThan(lines.length);
            expect(p.character, path).toBeGreaterThanOrEqual(0);
            expect(p.character, path).toBeLessThanOrEqual(lines[p.line].length);
            const before = lines[p.line].charCodeAt(p.character - 1);
            const after = lines[p.line].charCodeAt(p.character);
            expect(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff, `${path} splits a pair`).toBe(false);
          }
          const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
          expect(ordered, path).toBe(true);
        }
      }),
      { numRuns: 400, seed: 20261122 },
    );
  });
});

describe('the example of the syntax reference (tests/fixtures/syntax-sketch-example.kh)', () => {
  it('parses as it stands, with no syntax diagnostic', async () => {
    const { readFileSync } = await import('node:fs');
    const example = readFileSync(`${__dirname}/fixtures/syntax-sketch-example.kh`, 'utf8');
    const { document, diagnostics } = parsePlan(example);
    expect(diagnostics).toEqual([]);
    expect(document.header.fields.map((f) => f.key)).toEqual(['issuer', 'number', 'place', 'date', 'kind', 'summary']);
    expect(document.sections.map((s) => `${s.computedNumber} ${s.title}`)).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ, GIẢI PHÁP', 'III. KINH PHÍ THỰC HIỆN', 'IV. TỔ CHỨC THỰC HIỆN']);
    expect(document.closing?.text).toMatch(/^Trên đây là Kế hoạch/);
    expect(document.recipients?.items.map((r) => r.name)).toEqual(['Thường trực Tỉnh ủy', 'Các Sở, Ban, ngành tỉnh', 'Lưu: VT, KGVX']);
    expect(document.signature).toMatchObject({ authorities: [{ kind: 'TM' }, { kind: 'KT' }], title: { text: 'PHÓ CHỦ TỊCH' }, signer: { text: 'Lê Văn Hân' } });
  });
});

describe('the issuer of a citation', () => {
  const cited = (text: string) => {
    const [citation] = parsePlan(text).document.citations;
    return { issuer: citation.issuer, range: citation.range, text: textAt(text, citation.range) };
  };

  it('keeps a known agency name whole although its words include a stop word (`ban` of Ủy ban nhân dân)', () => {
    const text = 'Thực hiện Kế hoạch số 910/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh Lai Châu về giáo dục nghề nghiệp.';
    expect(cited(text)).toEqual({
      issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
      range: { start: { line: 0, character: 10 }, end: { line: 0, character: 83 } },
      text: 'Kế hoạch số 910/KH-UBND ngày 10/01/2025 của Ủy ban nhân dân tỉnh Lai Châu',
    });
  });

  it('reads the party bodies named Ban … whole, up to the stop word after them', () => {
    expect(cited('Thực hiện Chỉ thị số 12-CT/TU ngày 10/01/2025 của Ban Thường vụ Tỉnh ủy về việc học.')).toMatchObject({
      issuer: 'Ban Thường vụ Tỉnh ủy',
      range: { start: { line: 0, character: 10 }, end: { line: 0, character: 71 } },
    });
    expect(cited('Thực hiện Kết luận số 12-KL/TW ngày 10/01/2025 của Ban Chấp hành Trung ương Đảng khóa XIII về việc học.')).toMatchObject({
      issuer: 'Ban Chấp hành Trung ương Đảng',
      range: { start: { line: 0, character: 10 }, end: { line: 0, character: 80 } },
    });
  });

  it('reads a known name inside a longer issuer, and still stops at `ban hành` after it', () => {
    expect(cited('Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Thường trực Ủy ban nhân dân tỉnh ban hành kèm theo.')).toEqual({
      issuer: 'Thường trực Ủy ban nhân dân tỉnh',
      range: { start: { line: 0, character: 7 }, end: { line: 0, character: 82 } },
      text: 'Kế hoạch số 12/KH-UBND ngày 10/01/2025 của Thường trực Ủy ban nhân dân tỉnh',
    });
  });

  it('reads a known name across a line break of the paragraph', () => {
    const text = 'Thực hiện Kế hoạch số 910/KH-UBND ngày 10/01/2025 của Ủy ban\nnhân dân tỉnh Lai Châu về giáo dục nghề nghiệp.';
    expect(cited(text)).toMatchObject({
      issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
      range: { start: { line: 0, character: 10 }, end: { line: 1, character: 22 } },
    });
  });
});

describe('the grammar', () => {
  it('passes chevrotain’s validations, which the shared parser skips at start-up', () => {
    expect(() => new PlanParser({ validate: true })).not.toThrow();
  });
});
