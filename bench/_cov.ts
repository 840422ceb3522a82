import { readFileSync } from 'node:fs';
import { readWordDocument } from '../server/src/docx/word-document';
import { builtinRegistry } from '../server/src/registry/builtin';
import { reviewWordFile } from '../server/src/review/review';
import { importDocx } from '../server/src/import';
import { parsePlan } from '../server/src/syntax/parse';
const settings = { registry: builtinRegistry(), config: {} };
for (const f of ['kehoach-64.docx', 'pandoc-470.docx', 'libreoffice-184.docx']) {
  const bytes = new Uint8Array(readFileSync('tests/fixtures/review/' + f));
  const d = readWordDocument(bytes);
  const r = reviewWordFile(bytes, settings, { date: 'x', suggest: true });
  const safe = r.findings.filter((x) => x.diagnostic.fixes?.some((y) => y.safe));
  console.log(f, 'numbered', d.paragraphs.filter((p) => p.listNumber?.ordered).length, 'tables', d.blocks.filter((b) => b.kind === 'table').length, 'firstBlock', d.blocks[0].kind, 'comments', d.comments.map((c) => c.author),
    'findings', r.findings.map((x) => `${x.diagnostic.code}:${x.range.kind}${x.tracked ? ':T' : ''}`).join(' '), 'safe', safe.length, 'tracked', r.findings.filter((x) => x.tracked).length);
  const back = importDocx(r.bytes);
  const notes = parsePlan(back.text).document.reviewNotes;
  console.log('  notes', notes.map((n) => `${n.author}|${n.anchor ?? '-'}`).join(' ; '));
}
