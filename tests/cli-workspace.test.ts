import Ajv from 'ajv-draft-04';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kehoach } from './helpers/cli';
import { temporaryFolders } from './helpers/temp-folders';
import { TINH_UY_PLAN_ENTRY, writeWorkspaceRegistry } from './helpers/workspace-registry';

const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();

/** A plan whose skeleton, closing and signature are complete, so that only what `body` adds is reported. */
const plan = (number: string, body: string, date = '15/3/2026') =>
  `Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: ${number}\nĐịa danh: Lai Châu\nNgày: ${date}\nLoại: Kế hoạch\nTrích yếu: Thực hiện công tác năm 2026\n---\n\n${body}\n\n` +
  '# MỤC ĐÍCH, YÊU CẦU\n\n- Nâng cao chất lượng.\n\n# NHIỆM VỤ, GIẢI PHÁP\n\n- Tuyên truyền.\n\n# KINH PHÍ THỰC HIỆN\n\n- Ngân sách nhà nước.\n\n# TỔ CHỨC THỰC HIỆN\n\n- Các sở thực hiện.\n\n' +
  'Trên đây là Kế hoạch./.\n\nNơi nhận:\n- Các sở;\n- Lưu: VT, KGVX.\n\nKý:\n  TM. ỦY BAN NHÂN DÂN\n  CHỦ TỊCH\n  Nguyễn Văn A\n';

const rows = (stdout: string) => JSON.parse(stdout) as { file: string; code: string; severity: string; range: { start: { line: number } } }[];

describe('kehoach.json', () => {
  it('reports a malformed file as a diagnostic in that file, and goes on checking', () => {
    const dir = temporaryFolder('ws');
    writeFileSync(join(dir, 'kehoach.json'), '{ "rules": { "heading-numbering": "off", }');
    writeFileSync(join(dir, 'a.kh'), plan('12/KH-UBND', '# I. A\n\n# III. B'));
    const r = kehoach(dir, 'check', '.', '--format', 'json');
    const found = rows(r.stdout);
    expect(found.filter((d) => d.file === 'kehoach.json').map((d) => [d.code, d.severity])).toEqual([['config', 'error']]);
    expect(found.some((d) => d.code === 'heading-numbering')).toBe(true);
    expect(r.stderr).toBe('');
  });

  it('turns rules off, rejects unknown rule ids and keys with a range on them, fixes the plan date', () => {
    const dir = temporaryFolder('ws');
    writeFileSync(join(dir, 'kehoach.json'), JSON.stringify({ rules: { 'heading-numbering': 'off', 'no-such-rule': 'warning' }, planDate: '2023-06-01', colour: 'red' }, null, 2));
    writeFileSync(join(dir, 'a.kh'), plan('12/KH-UBND', '# I. A\n\nBộ Lao động - Thương binh và Xã hội hướng dẫn.\n\n# III. B'));
    const found = rows(kehoach(dir, 'check', '.', '--format', 'json').stdout);
    const config = found.filter((d) => d.file === 'kehoach.json');
    expect(config.map((d) => d.range.start.line).sort()).toEqual([3, 6]);
    expect(found.some((d) => d.code === 'heading-numbering')).toBe(false);
    // Judged on 01/6/2023 by configuration: the ministry still existed.
    expect(found.some((d) => d.code === 'agency-validity')).toBe(false);
  });

  it('extends the registry with a workspace file, validated', () => {
    const dir = temporaryFolder('ws');
    writeWorkspaceRegistry(dir, [TINH_UY_PLAN_ENTRY, { number: '100-KH/TU', type: 'Kế hoạch' }]);
    writeFileSync(join(dir, 'a.kh'), plan('12/KH-UBND', 'Thực hiện Kế hoạch số 99-KH/TU ngày 05/01/2026 của Tỉnh ủy Lai Châu.'));
    const found = rows(kehoach(dir, 'check', '.', '--format', 'json').stdout);
    expect(found.filter((d) => d.file === 'tinh.json').map((d) => d.code)).toEqual(['registry']);
    expect(found.filter((d) => d.file === 'a.kh').map((d) => d.code)).toEqual(['citation-conflict']);
  });

  it('treats the other plans checked together as documents', () => {
    const dir = temporaryFolder('ws');
    writeFileSync(join(dir, 'parent.kh'), plan('7/KH-UBND', 'Nội dung.', '02/01/2026'));
    writeFileSync(join(dir, 'child.kh'), plan('8/KH-UBND', 'Thực hiện Kế hoạch số 7/KH-UBND ngày 02/01/2026 của Ủy ban nhân dân tỉnh Lai Châu.'));
    expect(rows(kehoach(dir, 'check', '.', '--format', 'json').stdout).filter((d) => d.code === 'citation-unknown')).toEqual([]);
    expect(rows(kehoach(dir, 'check', 'child.kh', '--format', 'json').stdout).filter((d) => d.code === 'citation-unknown')).toHaveLength(1);
  });
});

const wordsOf = (text: string) =>
  text
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean);

describe('kehoach check --fix', () => {
  it('applies the safe fixes to copies of the examples, idempotently, keeping every word not fixed', () => {
    const dir = temporaryFolder('fix');
    mkdirSync(join(dir, 'examples'));
    for (const f of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.kh'))) cpSync(join(root, 'examples', f), join(dir, 'examples', f));
    const before = new Map(readdirSync(join(dir, 'examples')).map((f) => [f, readFileSync(join(dir, 'examples', f), 'utf8')]));
    const first = kehoach(dir, 'check', 'examples', '--fix');
    expect(first.stderr).toMatch(/đã áp dụng \d+ sửa an toàn/);
    const after = new Map([...before.keys()].map((f) => [f, readFileSync(join(dir, 'examples', f), 'utf8')]));
    expect([...after.values()].some((text, i) => text !== [...before.values()][i])).toBe(true);
    const second = kehoach(dir, 'check', 'examples', '--fix');
    expect(second.stderr).toMatch(/đã áp dụng 0 sửa an toàn/);
    for (const [f, text] of after) expect(readFileSync(join(dir, 'examples', f), 'utf8'), f).toBe(text);
    // Words: a fix replaces a few; everything else stays, in order.
    for (const [f, text] of before) {
      const old = wordsOf(text);
      const now = new Set(wordsOf(after.get(f)!));
      const lost = old.filter((w) => !now.has(w));
      expect(lost.length, `${f} lost ${lost.join(' ')}`).toBeLessThanOrEqual(4);
    }
    expect(readdirSync(join(dir, 'examples')).filter((f) => f.includes('kehoach-tmp'))).toEqual([]);
  });
});

describe('kehoach check --format sarif', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    const log = JSON.parse(kehoach(root, 'check', 'examples', '--format', 'sarif').stdout);
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    const ok = validate(log);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
  });
});
