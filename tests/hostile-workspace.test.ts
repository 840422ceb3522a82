/**
 * A workspace that holds anything: named pipes, devices and links where plans
 * and registry files should be, paths out of the workspace, broken
 * configuration, oversized files, Word files that decompress to gigabytes.
 * The CLI runs with a small heap and a time limit: each case must finish,
 * with a finding or a clear message, never hang or exhaust memory.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from './helpers/temp-folders';

const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();

/** The built CLI with at most 256 MB of heap, stopped after a minute (a hang fails the test). */
function kehoach(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', join(root, 'bin', 'kehoach.js'), ...args], { cwd, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status).toBe(0);

const PLAN = [
  'Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
  'Số: 12/KH-UBND',
  'Ngày: 15/3/2026',
  '---',
  '',
  '# MỤC ĐÍCH, YÊU CẦU',
  '',
  'Thực hiện Kế hoạch số 9/KH-UBND ngày 01/01/2024 của Ủy ban nhân dân tỉnh Lai Châu./.',
  '',
].join('\n');

const DOCUMENT_9 = { number: '9/KH-UBND', type: 'Kế hoạch', issuer: 'Ủy ban nhân dân tỉnh Lai Châu', date: '2024-01-01', title: 'về giáo dục nghề nghiệp', system: 'state', confidence: 'verified' };

interface Row {
  file: string;
  range: { start: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}
const rows = (stdout: string) => JSON.parse(stdout) as Row[];

describe('kehoach check in a hostile workspace', { timeout: 120_000 }, () => {
  it('skips a named pipe, a link to a device, a link out of the folder and a dangling link, each with a finding, and checks the rest', () => {
    const dir = temporaryFolder('hostile');
    writeFileSync(join(dir, 'plan.kh'), PLAN);
    mkfifo(join(dir, 'pipe.kh'));
    symlinkSync('/dev/zero', join(dir, 'zero.kh'));
    const outside = temporaryFolder('hostile-outside');
    writeFileSync(join(outside, 'secret.kh'), 'Số: 99/KH-BÍ MẬT\n');
    symlinkSync(join(outside, 'secret.kh'), join(dir, 'out.kh'));
    symlinkSync(join(dir, 'missing.kh'), join(dir, 'dangling.kh'));
    const r = kehoach(dir, 'check', '.', '--format', 'json');
    expect(r.signal).toBeNull();
    const file = rows(r.stdout).filter((d) => d.code === 'file');
    expect(file.map((d) => [d.file, d.message.split(' / ')[1]]).sort()).toEqual([
      ['dangling.kh', 'Skipped, a link to a missing file'],
      ['out.kh', 'Skipped, a link leading out of the folder being checked'],
      ['pipe.kh', 'Skipped, not a regular file but a named pipe (FIFO)'],
      ['zero.kh', 'Skipped, not a regular file but a device'],
    ]);
    expect(rows(r.stdout).some((d) => d.file === 'plan.kh')).toBe(true);
    expect(r.stdout).not.toContain('BÍ MẬT');
  });

  it('gives a pipe, a device or a plan past 8 MB named on the command line a finding, without waiting or reading it', () => {
    const dir = temporaryFolder('hostile');
    mkfifo(join(dir, 'pipe.kh'));
    writeFileSync(join(dir, 'big.kh'), Buffer.alloc(9 * 1024 * 1024, 'a'));
    const r = kehoach(dir, 'check', 'pipe.kh', '/dev/zero', 'big.kh', '--format', 'json');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    expect(rows(r.stdout).map((d) => [d.file.replace(/^.*\/dev\//, '/dev/'), d.code, d.message.split(' / ')[1]])).toEqual([
      ['pipe.kh', 'file', 'Skipped, not a regular file but a named pipe (FIFO)'],
      ['/dev/zero', 'file', 'Skipped, not a regular file but a device'],
      ['big.kh', 'file', 'Skipped, the file is larger than 8 MB; not read'],
    ]);
  });

  it('refuses a registry path out of the workspace, through ../ or a link, quoting nothing of the file', () => {
    const dir = temporaryFolder('hostile');
    writeFileSync(join(dir, 'plan.kh'), PLAN);
    symlinkSync('/etc/passwd', join(dir, 'link.json'));
    writeFileSync(join(dir, 'kehoach.json'), JSON.stringify({ registry: ['../../../../../../etc/passwd', 'link.json'] }, null, 2));
    const r = kehoach(dir, 'check', 'plan.kh', '--format', 'json');
    const config = rows(r.stdout).filter((d) => d.file === 'kehoach.json');
    expect(config.map((d) => [d.range.start.line, d.message])).toEqual([
      [2, 'Tệp danh mục ../../../../../../etc/passwd: ở ngoài thư mục của kehoach.json, không đọc / Registry file ../../../../../../etc/passwd: lies outside the folder of kehoach.json; not read'],
      [3, 'Tệp danh mục link.json: ở ngoài thư mục của kehoach.json, không đọc / Registry file link.json: lies outside the folder of kehoach.json; not read'],
    ]);
    expect(r.stdout).not.toContain('root:');
  });

  it('reports a registry entry that is a pipe, without waiting for it', () => {
    const dir = temporaryFolder('hostile');
    writeFileSync(join(dir, 'plan.kh'), PLAN);
    mkfifo(join(dir, 'pipe.json'));
    writeFileSync(join(dir, 'kehoach.json'), JSON.stringify({ registry: ['pipe.json'] }));
    const r = kehoach(dir, 'check', 'plan.kh', '--format', 'json');
    expect(r.signal).toBeNull();
    expect(rows(r.stdout).find((d) => d.file === 'kehoach.json')?.message).toBe(
      'Tệp danh mục pipe.json: không phải tệp thường mà là ống có tên (FIFO), không đọc / Registry file pipe.json: not a regular file but a named pipe (FIFO); not read',
    );
  });
});

describe('broken configuration: a finding on the entry, the rest still applies', { timeout: 120_000 }, () => {
  it('reports a null document and aliases that are not a list, each at its place, and keeps the valid document', () => {
    const dir = temporaryFolder('config');
    writeFileSync(join(dir, 'plan.kh'), PLAN);
    writeFileSync(join(dir, 'kehoach.json'), JSON.stringify({ registry: ['tinh.json'], rules: { 'closing-mark': 'off' } }));
    const agency = { id: 'so-x', name: 'Sở X', aliases: 5, level: 'province', system: 'state', confidence: 'verified' };
    writeFileSync(join(dir, 'tinh.json'), `{\n  "documents": [null, ${JSON.stringify(DOCUMENT_9)}],\n  "agencies": [\n    ${JSON.stringify(agency)}\n  ]\n}\n`);
    const r = kehoach(dir, 'check', 'plan.kh', '--format', 'json');
    expect(r.stderr).toBe('');
    const registry = rows(r.stdout).filter((d) => d.file === 'tinh.json');
    expect(registry.map((d) => [d.range.start, d.message])).toEqual([
      [{ line: 1, character: 16 }, 'Văn bản thứ 1 phải là đối tượng { … }, bị bỏ qua / Document 1 must be an object { … }; left out'],
      [{ line: 3, character: 41 }, 'Cơ quan so-x: trường aliases phải là danh sách chuỗi, bị bỏ qua / Agency so-x: field aliases must be a list of strings; left out'],
    ]);
    // The valid document is in the registry: the citation of it is known.
    expect(
      rows(r.stdout)
        .filter((d) => d.file === 'plan.kh')
        .map((d) => d.code),
    ).not.toContain('citation-unknown');
  });

  it('reports a folder named kehoach.json on it and checks with the defaults', () => {
    const dir = temporaryFolder('config');
    writeFileSync(join(dir, 'plan.kh'), PLAN);
    mkdirSync(join(dir, 'kehoach.json'));
    const r = kehoach(dir, 'check', 'plan.kh', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(
      rows(r.stdout)
        .filter((d) => d.file === 'kehoach.json')
        .map((d) => d.message),
    ).toEqual([
      'kehoach.json không đọc được (không phải tệp thường mà là thư mục), các thiết lập mặc định được dùng / kehoach.json cannot be read (not a regular file but a folder); the default settings apply',
    ]);
    expect(rows(r.stdout).some((d) => d.file === 'plan.kh')).toBe(true);
  });
});

/** A minimal .docx around the body's XML, with extra parts. */
function docx(body: string, parts: Record<string, Uint8Array> = {}, rels = ''): Uint8Array {
  const ns =
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"';
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/_rels/document.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body>${body}</w:body></w:document>`),
      ...parts,
    },
    { level: 9 },
  );
}
const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const HEADING = paragraph('ỦY BAN NHÂN DÂN TỈNH LAI CHÂU') + paragraph('Số: 12/KH-UBND') + paragraph('KẾ HOẠCH') + paragraph('I. MỤC ĐÍCH, YÊU CẦU');

describe('kehoach import of Word files built to exhaust it', { timeout: 120_000 }, () => {
  it('imports a 100 KB .docx drawing one 100 MB picture twenty times without decompressing the picture', () => {
    const dir = temporaryFolder('bomb');
    const drawing =
      '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="p"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
    const bytes = docx(
      HEADING + drawing.repeat(20) + paragraph('- Nâng cao nhận thức.'),
      { 'word/media/image1.png': new Uint8Array(100 * 1024 * 1024) },
      '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>',
    );
    expect(bytes.length).toBeLessThan(200_000);
    writeFileSync(join(dir, 'bom.docx'), bytes);
    const r = kehoach(dir, 'import', 'bom.docx', '-o', '-');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('- Nâng cao nhận thức.');
  });

  it('refuses a .docx whose document.xml holds 50 MB, before reading it, saying so', () => {
    const dir = temporaryFolder('bomb');
    const line = paragraph('- Tăng cường công tác tuyên truyền, phổ biến giáo dục pháp luật cho cán bộ, công chức.');
    writeFileSync(join(dir, 'dai.docx'), docx(HEADING + line.repeat(Math.ceil((50 * 1024 * 1024) / line.length))));
    const r = kehoach(dir, 'import', 'dai.docx');
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the Word file is too large to import: its part word\/document.xml holds 5\d\.\d MB \(the limit is 8\.0 MB\)/);
    expect(readdirSync(dir)).toEqual(['dai.docx']);
  });
});
