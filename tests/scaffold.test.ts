import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../server/src/checks';
import { builtinRegistry } from '../server/src/registry/builtin';
import { planAsDocument } from '../server/src/registry/workspace';
import { assignedTasks, assignmentRange, issuerProfile, newPlan } from '../server/src/scaffold';
import { parsePlan } from '../server/src/syntax/parse';
import { kehoach } from './helpers/cli';
import { temporaryFolders } from './helpers/temp-folders';
import { TINH_UY_PLAN_ENTRY, writeWorkspaceRegistry } from './helpers/workspace-registry';

const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();
const parentFile = join(__dirname, 'fixtures', 'checks', 'cascade-parents', 'ke-hoach-901-KH-UBND.kh');
const parentText = readFileSync(parentFile, 'utf8');
const withParent = (text: string, file = parentFile) => builtinRegistry().with({ documents: [planAsDocument(parsePlan(text).document, file)!] });
const errorsOf = (text: string, registry = builtinRegistry()) => checkPlan(parsePlan(text), { registry, today: '2026-11-22' }).filter((d) => d.severity === 'error');

describe('kehoach new: the skeleton of a plan implementing its parent', () => {
  it('for a state plan: the issuer’s symbol, the parent cited canonically, the standard parts, TM. ỦY BAN NHÂN DÂN; no error', () => {
    const plan = newPlan({ implements: 'Chỉ thị số 21-CT/TW', issuer: 'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', date: '2026-03-01', registry: builtinRegistry() });
    const { document } = parsePlan(plan.text);
    expect(document.header.number?.value).toBe('/KH-UBND');
    expect(document.header.place?.value).toBe('Lai Châu');
    expect(document.system.value).toBe('state');
    expect(document.preamble[0].kind === 'paragraph' && document.preamble[0].text).toMatch(/^Thực hiện Chỉ thị số 21-CT\/TW ngày 04\/5\/2023 của Ban Bí thư về /);
    expect(document.sections.map((s) => s.title)).toEqual(['MỤC ĐÍCH, YÊU CẦU', 'NHIỆM VỤ, GIẢI PHÁP', 'KINH PHÍ THỰC HIỆN', 'TỔ CHỨC THỰC HIỆN']);
    expect(document.signature?.authorities.map((a) => a.text)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH']);
    expect(document.recipients?.items.at(-1)?.isArchive).toBe(true);
    expect(plan.notes).toEqual([]);
    expect(errorsOf(plan.text)).toEqual([]);
  });

  it('for a party plan: the party number form, T/M BAN THƯỜNG VỤ, no Kinh phí part; no error', () => {
    const plan = newPlan({ implements: 'Chỉ thị 21-CT/TW', issuer: 'Tỉnh ủy Lai Châu', date: '2026-03-01', registry: builtinRegistry() });
    const { document } = parsePlan(plan.text);
    expect(document.header.number?.value).toBe('-KH/TU');
    expect(document.header.issuer?.value).toBe('TỈNH ỦY LAI CHÂU');
    expect(document.system.value).toBe('party');
    expect(document.sections.map((s) => s.computedNumber)).toEqual(['I-', 'II-', 'III-']);
    expect(document.signature?.authorities.map((a) => a.text)).toEqual(['T/M BAN THƯỜNG VỤ']);
    expect(document.recipients?.items.at(-1)?.text).toBe('Lưu Văn phòng Tỉnh ủy.');
    expect(errorsOf(plan.text)).toEqual([]);
  });

  it('lists under Nhiệm vụ and Tổ chức thực hiện the tasks a workspace parent gives to the issuer’s level, and the cascade check is then silent', () => {
    const registry = withParent(parentText);
    const plan = newPlan({ implements: 'Kế hoạch số 901/KH-UBND', issuer: 'Ủy ban nhân dân huyện Tam Đường', date: '2025-03-01', registry });
    expect(plan.tasks.map((t) => t.text)).toEqual(['Tổ chức khảo sát nhu cầu học nghề của người lao động trên địa bàn.', 'Thành lập tổ công tác kết nối giáo dục nghề nghiệp với doanh nghiệp.']);
    const { document } = parsePlan(plan.text);
    const tasks = document.sections.find((s) => s.title === 'NHIỆM VỤ, GIẢI PHÁP')!;
    expect(tasks.blocks.map((b) => (b.kind === 'table' ? '' : b.text))).toEqual(plan.tasks.map((t) => t.text));
    const diagnostics = checkPlan(parsePlan(plan.text), { registry, today: '2026-11-22' });
    expect(diagnostics.filter((d) => d.code.startsWith('cascade-'))).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('says so when the parent is unknown, and still gives a skeleton that parses', () => {
    const plan = newPlan({ implements: 'Kế hoạch số 77/KH-UBND', issuer: 'Sở Giáo dục và Đào tạo tỉnh Lai Châu', date: '2026-03-01', registry: builtinRegistry() });
    expect(plan.notes[0]).toMatch(/không có trong danh mục/);
    expect(parsePlan(plan.text).document.header.number?.value).toBe('/KH-SGDĐT');
    expect(parsePlan(plan.text).diagnostics.filter((d) => d.code === 'syntax')).toEqual([]);
  });
});

describe('the issuer’s profile', () => {
  it('reads name, symbol, level and place from the header name', () => {
    const profile = (name: string) => {
      const { headerName, symbol, level, place, system } = issuerProfile(name, builtinRegistry());
      return { headerName, symbol, level, place, system };
    };
    expect(profile('ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG')).toEqual({ headerName: 'ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG', symbol: 'UBND', level: 'district', place: 'Tam Đường', system: 'state' });
    expect(profile('Liên đoàn Lao động tỉnh Lai Châu')).toMatchObject({ symbol: 'LĐLĐ', level: 'province', place: 'Lai Châu', system: 'mass' });
    expect(profile('TỈNH ỦY LAI CHÂU')).toMatchObject({ symbol: 'TU', level: 'province', place: 'Lai Châu', system: 'party' });
  });
});

describe('the cascade check on a small parent and child written for the test', () => {
  const parent = [
    'Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
    'Số: 40/KH-UBND',
    'Ngày: 02/01/2025',
    'Trích yếu: Về phát triển du lịch năm 2025',
    '---',
    '# TỔ CHỨC THỰC HIỆN',
    '## Sở Văn hóa, Thể thao và Du lịch',
    '- Chủ trì xây dựng bộ nhận diện du lịch của tỉnh.',
    '## Ủy ban nhân dân các huyện, thành phố',
    '- Rà soát các điểm du lịch cộng đồng trên địa bàn.',
    '- Bố trí kinh phí bảo tồn các lễ hội truyền thống.',
    '',
  ].join('\n');
  const child = [
    'Cơ quan: ỦY BAN NHÂN DÂN HUYỆN SÌN HỒ',
    'Số: 5/KH-UBND',
    'Ngày: 10/02/2025',
    '---',
    'Thực hiện Kế hoạch số 40/KH-UBND ngày 02/01/2025 của Ủy ban nhân dân tỉnh, Ủy ban nhân dân huyện ban hành Kế hoạch như sau:',
    '# NHIỆM VỤ',
    '- Rà soát các điểm du lịch cộng đồng trên địa bàn huyện.',
    '',
  ].join('\n');

  it('hints the task the parent gives the districts that the child leaves out, in the parent’s words, linked to it', () => {
    const registry = withParent(parent, 'file:///plans/ke-hoach-40.kh');
    const hints = checkPlan(parsePlan(child), { registry, today: '2026-11-22' }).filter((d) => d.code === 'cascade-tasks');
    expect(hints).toHaveLength(1);
    expect(hints[0].severity).toBe('hint');
    expect(hints[0].message).toContain('“Bố trí kinh phí bảo tồn các lễ hội truyền thống.”');
    expect(hints[0].range.start).toEqual({ line: 4, character: 10 });
    expect(hints[0].related).toEqual([
      { uri: 'file:///plans/ke-hoach-40.kh', range: { start: { line: 10, character: 0 }, end: { line: 10, character: 50 } }, message: 'Bố trí kinh phí bảo tồn các lễ hội truyền thống.' },
    ]);
  });

  it('gives go-to-definition the range of the task the parent assigns to the issuer', () => {
    const { document } = parsePlan(parent);
    const district = issuerProfile('ỦY BAN NHÂN DÂN HUYỆN SÌN HỒ', builtinRegistry());
    expect(assignmentRange(document, district)).toEqual({ start: { line: 9, character: 0 }, end: { line: 9, character: 50 } });
    expect(assignedTasks(document, issuerProfile('Sở Văn hóa, Thể thao và Du lịch tỉnh Lai Châu', builtinRegistry())).map((t) => [t.text, t.direct])).toEqual([
      ['Chủ trì xây dựng bộ nhận diện du lịch của tỉnh.', true],
    ]);
  });
});

describe('the CLI: kehoach import and kehoach new', () => {
  const run = (...args: string[]) => kehoach(root, ...args);

  it('imports an original text beside a copy of it, reports the words kept, and the result checks like a hand-written plan', () => {
    const dir = temporaryFolder('import');
    const source = join(dir, 'tra-vinh.txt');
    writeFileSync(source, readFileSync(join(root, 'tests', 'fixtures', 'originals', 'ke-hoach-64-KH-UBND-tra-vinh.txt')));
    const r = run('import', source);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join(dir, 'tra-vinh.kh'));
    expect(r.stderr).toMatch(/giữ \d+\/\d+ từ \(100\.0%\)/);
    const again = run('import', source);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('chọn tệp khác bằng -o');
    const check = run('check', join(dir, 'tra-vinh.kh'), '--format', 'json');
    const codes = (JSON.parse(check.stdout) as { code: string }[]).map((d) => d.code);
    expect(codes).toContain('header-missing-field');
    expect(codes).toContain('closing-mark');
  });

  it('reads a text file saved by Notepad as “Unicode” (UTF-16 with its mark)', () => {
    const dir = temporaryFolder('import');
    const source = join(dir, 'notepad.txt');
    writeFileSync(source, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Số: 3/KH-UBND\r\n\r\nI. MỤC ĐÍCH\r\n- Nâng cao nhận thức.\r\n', 'utf16le')]));
    expect(run('import', source, '-o', '-').stdout).toContain('Số: 3/KH-UBND\n');
  });

  it('cites a parent from the registry files of the nearest kehoach.json', () => {
    const dir = temporaryFolder('new');
    writeWorkspaceRegistry(dir, [TINH_UY_PLAN_ENTRY]);
    const r = run('new', '--implements', 'Kế hoạch số 99-KH/TU', '--issuer', 'Huyện ủy Tam Đường', '--date', '2025-03-01', '-o', join(dir, 'moi.kh'));
    expect(r.stderr).not.toContain('không có trong danh mục');
    expect(readFileSync(join(dir, 'moi.kh'), 'utf8')).toContain('Thực hiện Kế hoạch số 99-KH/TU ngày 02/01/2026 của Tỉnh ủy Lai Châu về giáo dục nghề nghiệp');
  });

  it('refuses to write the import over its source', () => {
    const dir = temporaryFolder('import');
    const source = join(dir, 'plan.kh');
    writeFileSync(source, 'Số: 1/KH-UBND\n---\n');
    const r = run('import', source);
    expect(r.code).toBe(2);
    expect(readFileSync(source, 'utf8')).toBe('Số: 1/KH-UBND\n---\n');
  });

  it('writes a new plan that lists the tasks of a parent in its folder, and checks without error', () => {
    const dir = temporaryFolder('new');
    writeFileSync(join(dir, 'cap-tren.kh'), parentText);
    const out = join(dir, 'huyen.kh');
    const r = run('new', '--implements', 'Kế hoạch số 901/KH-UBND', '--issuer', 'Ủy ban nhân dân huyện Tam Đường', '--date', '2025-03-01', '-o', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 nhiệm vụ');
    expect(readFileSync(out, 'utf8')).toContain('Thành lập tổ công tác kết nối giáo dục nghề nghiệp với doanh nghiệp.');
    expect(run('check', dir).code).toBe(0);
    // The new plan has no serial yet; its parent checked beside it is still a document it cites.
    const codes = (JSON.parse(run('check', join(dir, 'cap-tren.kh'), out, '--format', 'json').stdout) as { code: string }[]).map((d) => d.code);
    expect(codes.filter((c) => c === 'citation-unknown' || c.startsWith('cascade-'))).toEqual([]);
    expect(run('new', '--implements', 'x', '--issuer', 'y', '-o', out).code).toBe(2);
  });
});
