import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kehoach as run } from './helpers/cli';
import { temporaryFolders } from './helpers/temp-folders';

const temporaryFolder = temporaryFolders();
let dir: string;
/** The built CLI in the folder of the plans below. */
const kehoach = (...args: string[]) => run(dir, ...args);

const CLEAN = `Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Số: 12/KH-UBND
Địa danh: Lai Châu
Ngày: 15/3/2026
Loại: Kế hoạch
Trích yếu: Thực hiện công tác giáo dục nghề nghiệp năm 2026
---

# MỤC ĐÍCH, YÊU CẦU

- Nâng cao chất lượng giáo dục nghề nghiệp.

# NHIỆM VỤ, GIẢI PHÁP

- Tăng cường công tác tuyên truyền.

# KINH PHÍ THỰC HIỆN

- Ngân sách nhà nước theo phân cấp.

# TỔ CHỨC THỰC HIỆN

- Các sở, ban, ngành tỉnh tổ chức thực hiện.

Trên đây là Kế hoạch của Ủy ban nhân dân tỉnh./.

Nơi nhận:
- Các sở, ban, ngành tỉnh;
- Lưu: VT, KGVX.

Ký:
  TM. ỦY BAN NHÂN DÂN
  CHỦ TỊCH
  Nguyễn Văn A
`;

beforeAll(() => {
  dir = temporaryFolder('cli');
  writeFileSync(join(dir, 'clean.kh'), CLEAN);
  writeFileSync(join(dir, 'skip.kh'), CLEAN.replace('# MỤC', '# I. MỤC').replace('# NHIỆM VỤ', '# III. NHIỆM VỤ'));
  writeFileSync(join(dir, 'broken.kh'), CLEAN.replace('Ngày: 15/3/2026', 'Ngày: 31/2/2026'));
  writeFileSync(join(dir, 'empty.kh'), '');
  writeFileSync(join(dir, 'dash.kh'), '---\n');
  writeFileSync(join(dir, 'binary.kh'), Buffer.from([0x00, 0xff, 0xfe, 0x81, 0x0a, 0xc3, 0x28, 0x23, 0x20, 0x00]));
  writeFileSync(join(dir, 'random.kh'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
});

describe('kehoach check', () => {
  it('exits 0 and prints only the summary on a clean plan', () => {
    const r = kehoach('check', 'clean.kh');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('1 tệp / files: 0 lỗi / errors, 0 cảnh báo / warnings, 0 thông tin / information, 0 gợi ý / hints');
  });

  it('prints file:line:col: severity code: message, 1-based', () => {
    const r = kehoach('check', 'skip.kh');
    expect(r.code).toBe(0); // a warning is not an error
    expect(r.stdout).toMatch(/^skip\.kh:13:3: warning heading-numbering: Số đề mục nhảy từ I\. sang III\.; số đúng là II\. \/ Heading numbers skip/m);
  });

  it('exits 1 when an error is found', () => {
    const r = kehoach('check', 'broken.kh');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^broken\.kh:4:7: error syntax: Ngày không hợp lệ/m);
  });

  it('gives JSON diagnostics with 0-based LSP ranges and fixes', () => {
    const r = kehoach('check', 'skip.kh', '--format', 'json');
    const rows = JSON.parse(r.stdout);
    expect(rows).toEqual([
      {
        file: 'skip.kh',
        range: { start: { line: 12, character: 2 }, end: { line: 12, character: 6 } },
        severity: 'warning',
        code: 'heading-numbering',
        message: expect.stringContaining('III.'),
        fixes: [{ title: expect.any(String), safe: true, edits: [{ range: { start: { line: 12, character: 2 }, end: { line: 12, character: 6 } }, newText: 'II.' }] }],
      },
    ]);
  });

  it('writes SARIF 2.1.0 with the rule catalogue', () => {
    const log = JSON.parse(kehoach('check', 'skip.kh', '--format', 'sarif').stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('heading-numbering');
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: 'heading-numbering', level: 'warning', locations: [{ physicalLocation: { region: { startLine: 13, startColumn: 3 } } }] });
  });

  it('checks every .kh file of a folder', () => {
    const r = kehoach('check', '.', '--format', 'json');
    const files = new Set(JSON.parse(r.stdout).map((row: { file: string }) => row.file));
    expect(files).toEqual(new Set(['binary.kh', 'broken.kh', 'dash.kh', 'empty.kh', 'random.kh', 'skip.kh']));
  });

  it('prints the time of parse and check on stderr with --timing', () => {
    const r = kehoach('check', 'clean.kh', '--timing');
    expect(r.stderr).toMatch(/^kehoach: parse \+ check \d+\.\d ms$/m);
  });

  for (const file of ['empty.kh', 'dash.kh', 'binary.kh', 'random.kh']) {
    it(`reports bad input ${file} as diagnostics, never a stack trace`, () => {
      const r = kehoach('check', file, '--format', 'json');
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).toBe('');
      const rows = JSON.parse(r.stdout);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((row: { code: string }) => row.code !== 'internal')).toBe(true);
    });
  }

  it('exits 2 with a clear message for a missing file', () => {
    const r = kehoach('check', 'nope.kh');
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('kehoach: nope.kh: không có tệp này / no such file');
  });

  it('exits 2 on usage errors', () => {
    expect(kehoach('check').code).toBe(2);
    expect(kehoach('check', 'clean.kh', '--format', 'xml').code).toBe(2);
    expect(kehoach('frobnicate', 'clean.kh').code).toBe(2);
    expect(kehoach().code).toBe(2);
    expect(kehoach('--help').code).toBe(0);
  });
});

describe('kehoach parse', () => {
  it('prints the model as JSON', () => {
    const r = kehoach('parse', 'skip.kh', '--format', 'json');
    expect(r.code).toBe(0);
    const { document } = JSON.parse(r.stdout);
    expect(document.header.documentNumber).toMatchObject({ serial: '12', form: 'state' });
    expect(document.sections.map((s: { computedNumber: string }) => s.computedNumber)).toEqual(['I.', 'II.', 'III.', 'IV.']);
  });
});
