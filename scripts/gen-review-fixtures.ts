// Builds the Word files of tests/fixtures/review/ from real plan texts, each by another writer:
//   kehoach-64.docx       kehoach's own DOCX export of examples/ke-hoach-64-KH-UBND-tra-vinh.kh;
//   pandoc-470.docx       pandoc from ke-hoach-470-KH-LDLD-lai-chau.md: a header table, Word's automatic
//                         numbering (I., 1. and bullets, a list restarting at III.), a reviewer's comment;
//   libreoffice-184.docx  LibreOffice: ke-hoach-184-KH-TU-tinh-uy-lai-chau.html opened and saved as .odt, the
//                         party's I- numbering and a reviewer's comment put into that .odt, then saved as .docx.
//   password-470.docx     pandoc-470.docx with the password "matkhau" (ECMA-376 agile encryption), made once with the
//                         npm library officecrypto-tool 0.0.19 (not a dependency; this script does not remake it).
// Run: npx tsx scripts/gen-review-fixtures.ts (needs pandoc and LibreOffice; the files are committed).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPart, readZip, writeZip } from '../server/src/docx/zip';
import { layoutPlan } from '../server/src/layout';
import { renderDocx } from '../server/src/render/docx';
import { parsePlan } from '../server/src/syntax/parse';

const root = join(import.meta.dirname, '..');
const fixtures = join(root, 'tests', 'fixtures', 'review');
const work = mkdtempSync(join(tmpdir(), 'kehoach-fixtures-'));

try {
  const plan = readFileSync(join(root, 'examples', 'ke-hoach-64-KH-UBND-tra-vinh.kh'), 'utf8');
  writeFileSync(join(fixtures, 'kehoach-64.docx'), await renderDocx(layoutPlan(parsePlan(plan).document)));

  execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', 'ke-hoach-470-KH-LDLD-lai-chau.md', '-o', join(fixtures, 'pandoc-470.docx')], { cwd: fixtures });

  const soffice = (args: string[]) => execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', ...args], { cwd: work, stdio: 'pipe' });
  copyFileSync(join(fixtures, 'ke-hoach-184-KH-TU-tinh-uy-lai-chau.html'), join(work, 'plan.html'));
  soffice(['--convert-to', 'odt:writer8', 'plan.html']);
  const odt = readZip(new Uint8Array(readFileSync(join(work, 'plan.odt'))));
  let content = readPart(odt, 'content.xml')!;
  // The party writes its Roman headings I-, II- (Hướng dẫn 36-HD/VPTW): the list levels' suffix.
  content = content.replace(/loext:num-list-format="%1%\." style:num-suffix="\." style:num-format="I"/g, 'loext:num-list-format="%1%-" style:num-suffix="-" style:num-format="I"');
  const anchor = 'Ban Thường vụ Tỉnh ủy ban hành Kế hoạch';
  const annotation =
    '<office:annotation office:name="review1"><dc:creator>Nguyễn Thị Lan</dc:creator><dc:date>2023-06-25T09:00:00</dc:date>' +
    '<text:p>Đề nghị nêu rõ thời hạn các cấp ủy xây dựng kế hoạch.</text:p></office:annotation>';
  if (!content.includes(anchor)) throw new Error('anchor not found');
  content = content.replace(anchor, `${annotation}Ban Thường vụ Tỉnh ủy<office:annotation-end office:name="review1"/> ban hành Kế hoạch`);
  writeFileSync(join(work, 'reviewed.odt'), writeZip(odt, new Map([['content.xml', content]])));
  soffice(['--convert-to', 'docx:MS Word 2007 XML', 'reviewed.odt']);
  copyFileSync(join(work, 'reviewed.docx'), join(fixtures, 'libreoffice-184.docx'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
