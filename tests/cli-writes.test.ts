/**
 * Writes never lose a file: exports replace only earlier exports of the same
 * format, `--fix` keeps links, permissions, owner, encoding and line endings
 * and never overwrites a change made meanwhile, a failed write leaves the old
 * file and no temporary file behind.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ChangedOnDiskError, editPlanFile, writeAtomically } from '../server/src/host/output-file';
import { kehoach } from './helpers/cli';
import { temporaryFolders } from './helpers/temp-folders';

const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes('kehoach-tmp') || f.includes('kehoach-lock'));

/** A folder holding a copy of an example plan as plan.kh. */
function planFolder(): string {
  const dir = temporaryFolder('writes');
  copyFileSync(join(root, 'examples', 'ke-hoach-64-KH-UBND-tra-vinh.kh'), join(dir, 'plan.kh'));
  return dir;
}

/** A plan with findings that have safe fixes: the closing mark `./.`, one tone-mark placement throughout (`UỶ BAN`). */
const FIXABLE = ['Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU', 'Số: 12/KH-UBND', 'Ngày: 15/3/2026', '---', '', '# MỤC ĐÍCH, YÊU CẦU', '', 'Uỷ ban nhân dân tỉnh chỉ đạo hoà nhập.', ''];

describe('kehoach render never replaces what it did not write', { timeout: 180_000 }, () => {
  it('refuses an output whose extension is not the format’s, another plan above all', () => {
    const dir = planFolder();
    writeFileSync(join(dir, 'other.kh'), 'Số: 2/KH-UBND\n');
    const html = kehoach(dir, 'render', 'plan.kh', '--to', 'html', '-o', 'other.kh');
    expect(html.code).toBe(2);
    expect(html.stderr).toContain('phải có đuôi .html, .htm');
    expect(html.stderr).toContain('must end in .html, .htm');
    expect(readFileSync(join(dir, 'other.kh'), 'utf8')).toBe('Số: 2/KH-UBND\n');
    // Even with --force: a PDF named .docx is refused.
    const pdf = kehoach(dir, 'render', 'plan.kh', '--to', 'pdf', '-o', 'out.docx', '--force');
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('must end in .pdf');
    expect(readdirSync(dir).sort()).toEqual(['other.kh', 'plan.kh']);
  });

  it('refuses an existing file that is not an earlier export of the same format, unless --force', () => {
    const dir = planFolder();
    writeFileSync(join(dir, 'ghi-chu.html'), '<p>ghi chú của tôi</p>');
    const refused = kehoach(dir, 'render', 'plan.kh', '--to', 'html', '-o', 'ghi-chu.html');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('không phải bản xuất HTML trước đó của kehoach');
    expect(refused.stderr).toContain('add --force to replace it');
    expect(readFileSync(join(dir, 'ghi-chu.html'), 'utf8')).toBe('<p>ghi chú của tôi</p>');
    const forced = kehoach(dir, 'render', 'plan.kh', '--to', 'html', '-o', 'ghi-chu.html', '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'ghi-chu.html'), 'utf8')).toContain('KẾ HOẠCH');
  });

  it('replaces its own earlier export of each format, but not one of another format', () => {
    const dir = planFolder();
    for (const format of ['html', 'docx', 'pdf']) {
      expect(kehoach(dir, 'render', 'plan.kh', '--to', format).code).toBe(0);
      const again = kehoach(dir, 'render', 'plan.kh', '--to', format);
      expect(again.stderr).toBe('');
      expect(again.code).toBe(0);
    }
    copyFileSync(join(dir, 'plan.pdf'), join(dir, 'really-pdf.html'));
    expect(kehoach(dir, 'render', 'plan.kh', '--to', 'html', '-o', 'really-pdf.html').code).toBe(2);
    expect(leftovers(dir)).toEqual([]);
  });

  it('refuses a DOCX export that Word or LibreOffice has saved since (it may hold edits)', () => {
    const dir = planFolder();
    expect(kehoach(dir, 'render', 'plan.kh', '--to', 'docx').code).toBe(0);
    const parts = unzipSync(readFileSync(join(dir, 'plan.docx')));
    parts['docProps/app.xml'] = strToU8(
      '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>LibreOffice/7.4.7.2$Linux_X86_64</Application></Properties>',
    );
    const edited = zipSync(parts);
    writeFileSync(join(dir, 'plan.docx'), edited);
    const r = kehoach(dir, 'render', 'plan.kh', '--to', 'docx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not an earlier DOCX export of kehoach');
    expect(Buffer.compare(readFileSync(join(dir, 'plan.docx')), edited)).toBe(0);
  });

  it('leaves the old export and no temporary file when the write fails half-way', () => {
    const dir = planFolder();
    expect(kehoach(dir, 'render', 'plan.kh', '--to', 'pdf').code).toBe(0);
    const before = readFileSync(join(dir, 'plan.pdf'));
    // A file size limit of 8 KB: the PDF cannot be written whole.
    const r = spawnSync('bash', ['-c', `ulimit -f 16; exec "${process.execPath}" "${join(root, 'bin', 'kehoach.js')}" render plan.kh --to pdf`], { cwd: dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('tệp cũ còn nguyên / Could not write');
    expect(Buffer.compare(readFileSync(join(dir, 'plan.pdf')), before)).toBe(0);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('kehoach check --fix keeps the file as it was made', { timeout: 180_000 }, () => {
  it('writes through a symbolic link, keeping the link, and keeps permissions 600', () => {
    const dir = temporaryFolder('writes');
    writeFileSync(join(dir, 'real.kh'), FIXABLE.join('\n'));
    chmodSync(join(dir, 'real.kh'), 0o600);
    symlinkSync('real.kh', join(dir, 'link.kh'));
    const r = kehoach(dir, 'check', '--fix', 'link.kh');
    expect(r.stderr).toMatch(/applied [1-9]\d* safe fixes/);
    expect(lstatSync(join(dir, 'link.kh')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.kh'))).toBe('real.kh');
    expect(readFileSync(join(dir, 'real.kh'), 'utf8')).toContain('Uỷ ban nhân dân tỉnh chỉ đạo hoà nhập./.');
    expect(statSync(join(dir, 'real.kh')).mode & 0o777).toBe(0o600);
    expect(leftovers(dir)).toEqual([]);
  });

  it('keeps the owner of a file owned by someone else (as root) or by the user', () => {
    const dir = temporaryFolder('writes');
    const file = join(dir, 'plan.kh');
    writeFileSync(file, FIXABLE.join('\n'));
    const owner = process.getuid!() === 0 ? { uid: 4321, gid: 4321 } : { uid: process.getuid!(), gid: process.getgid!() };
    chownSync(file, owner.uid, owner.gid);
    kehoach(dir, 'check', '--fix', 'plan.kh');
    expect(readFileSync(file, 'utf8')).toContain('hoà nhập./.');
    expect({ uid: statSync(file).uid, gid: statSync(file).gid }).toEqual(owner);
  });

  it('keeps a UTF-8 BOM, CRLF line endings and UTF-16, and says it read UTF-16', () => {
    const dir = temporaryFolder('writes');
    const text = FIXABLE.join('\r\n');
    writeFileSync(join(dir, 'bom.kh'), '\uFEFF' + text);
    writeFileSync(join(dir, 'utf16.kh'), Buffer.from('\uFEFF' + text, 'utf16le'));
    const r = kehoach(dir, 'check', '--fix', 'bom.kh', 'utf16.kh');
    expect(r.stderr).toContain('kehoach: utf16.kh: đọc dạng UTF-16 LE / read as UTF-16 LE');
    const bom = readFileSync(join(dir, 'bom.kh'), 'utf8');
    expect(bom.startsWith('\uFEFF')).toBe(true);
    expect(bom).toContain('Uỷ ban nhân dân tỉnh chỉ đạo hoà nhập./.\r\n');
    expect(bom.replace(/\r\n/g, '')).not.toContain('\n');
    const utf16 = readFileSync(join(dir, 'utf16.kh'));
    expect([...utf16.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(utf16.toString('utf16le')).toContain('Uỷ ban nhân dân tỉnh chỉ đạo hoà nhập./.\r\n');
  });

  it('refuses to fix a file with invalid bytes, saying why, and leaves it as it was', () => {
    const dir = temporaryFolder('writes');
    const bytes = Buffer.concat([Buffer.from(FIXABLE.join('\n')), Buffer.from([0xc3, 0x28, 0x0a])]);
    writeFileSync(join(dir, 'plan.kh'), bytes);
    const r = kehoach(dir, 'check', '--fix', 'plan.kh');
    expect(r.stderr).toContain('kehoach: plan.kh: không sửa vì có byte không hợp lệ trong UTF-8 / not fixed: it has bytes that are not valid UTF-8');
    expect(Buffer.compare(readFileSync(join(dir, 'plan.kh')), bytes)).toBe(0);
  });

  it('removes a temporary file a crashed kehoach left behind', () => {
    const dir = temporaryFolder('writes');
    writeFileSync(join(dir, 'plan.kh'), FIXABLE.join('\n'));
    // The process id of a process that has ended.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = `.plan.kh.${gone}.0123456789ab.kehoach-tmp`;
    writeFileSync(join(dir, stale), 'half a plan');
    kehoach(dir, 'check', '--fix', 'plan.kh');
    expect(leftovers(dir)).toEqual([]);
  });

  it('two --fix runs on the same file at once both finish and leave it fixed, with no lock or temporary file', async () => {
    const dir = temporaryFolder('writes');
    writeFileSync(join(dir, 'plan.kh'), FIXABLE.join('\n'));
    const { spawn } = await import('node:child_process');
    const runFix = () =>
      new Promise<number | null>((resolve) => spawn(process.execPath, [join(root, 'bin', 'kehoach.js'), 'check', '--fix', 'plan.kh'], { cwd: dir, stdio: 'ignore' }).on('exit', resolve));
    const codes = await Promise.all([runFix(), runFix()]);
    expect(codes.every((c) => c === 0 || c === 1)).toBe(true);
    expect(readFileSync(join(dir, 'plan.kh'), 'utf8')).toContain('Uỷ ban nhân dân tỉnh chỉ đạo hoà nhập./.');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('writing a plan back', () => {
  it('edits again, keeping a change saved while the fixes were computed', () => {
    const dir = temporaryFolder('writes');
    const file = join(dir, 'plan.kh');
    writeFileSync(file, 'Uỷ ban\n');
    let calls = 0;
    const result = editPlanFile(file, (text) => {
      // The first time, an editor saves the drafter's new line meanwhile.
      if (calls++ === 0) writeFileSync(file, 'Uỷ ban\nDòng mới của người soạn.\n');
      return text.replace('Uỷ', 'Ủy');
    });
    expect(calls).toBe(2);
    expect(result).toBe('Ủy ban\nDòng mới của người soạn.\n');
    expect(readFileSync(file, 'utf8')).toBe('Ủy ban\nDòng mới của người soạn.\n');
  });

  it('refuses to replace a file that changed since it was read', () => {
    const dir = temporaryFolder('writes');
    const file = join(dir, 'plan.kh');
    writeFileSync(file, 'a');
    const read = readFileSync(file);
    writeFileSync(file, 'b');
    expect(() => writeAtomically(file, 'c', { expected: read })).toThrow(ChangedOnDiskError);
    expect(readFileSync(file, 'utf8')).toBe('b');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('kehoach import and new', { timeout: 120_000 }, () => {
  it('refuse to replace an existing plan unless --force, and only write .kh files', () => {
    const dir = temporaryFolder('writes');
    writeFileSync(join(dir, 'nguon.txt'), 'Số: 3/KH-UBND\n\nI. MỤC ĐÍCH\n- Nâng cao nhận thức.\n');
    writeFileSync(join(dir, 'cu.kh'), 'Số: 1/KH-UBND\n');
    const refused = kehoach(dir, 'import', 'nguon.txt', '-o', 'cu.kh');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('add --force to replace it');
    expect(readFileSync(join(dir, 'cu.kh'), 'utf8')).toBe('Số: 1/KH-UBND\n');
    expect(kehoach(dir, 'import', 'nguon.txt', '-o', 'ra.docx').stderr).toContain('must end in .kh');
    expect(kehoach(dir, 'import', 'nguon.txt', '-o', 'cu.kh', '--force').code).toBe(0);
    expect(readFileSync(join(dir, 'cu.kh'), 'utf8')).toContain('Số: 3/KH-UBND');
    const again = kehoach(dir, 'new', '--implements', 'Chỉ thị số 21-CT/TW', '--issuer', 'Sở Y tế', '-o', 'cu.kh');
    expect(again.code).toBe(2);
    expect(readFileSync(join(dir, 'cu.kh'), 'utf8')).toContain('Số: 3/KH-UBND');
    expect(leftovers(dir)).toEqual([]);
  });
});
