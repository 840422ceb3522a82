/**
 * Export beside its peers, in the same run so that the machine's speed (and
 * its load) cancels out of every ratio:
 *
 * - DOCX export of each example (layout → `renderDocx`) beside pandoc
 *   converting the same content, written as Markdown, to DOCX;
 * - PDF export (`renderPdf`, fonts embedded and subset) beside LibreOffice
 *   headless converting our DOCX to PDF (what a user without our PDF writer
 *   would run).
 *
 * - the preview after an edit (a one-character edit of a plan of twenty
 *   pages and more, then what `kehoach/preview` does: parse, check, layout,
 *   the pages' HTML) beside markdown-it rendering the same text, the peer
 *   that VS Code's Markdown preview runs on each edit.
 *
 * The peers of the exports are separate processes, so their times include starting one:
 * that is what using them costs. Writes bench/render-results.json.
 * Run alone: `node --import tsx bench/render.bench.ts` (`npm run bench` runs it after parse-check).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { Bench } from 'tinybench';
import type { LayoutBlock, LayoutDocument, LayoutParagraph } from '../server/src/layout';

// The PDF writer imports its fonts and colour profile as bytes, as the bundles do (esbuild `binary` loader); tsx needs to be told.
register(
  `data:text/javascript,${encodeURIComponent(`
    import { readFileSync } from 'node:fs';
    import { fileURLToPath } from 'node:url';
    export async function load(url, context, next) {
      if (!url.endsWith('.ttf') && !url.endsWith('.icc')) return next(url, context);
      const base64 = readFileSync(fileURLToPath(url)).toString('base64');
      return { format: 'module', shortCircuit: true, source: 'export default Uint8Array.from(atob("' + base64 + '"), (c) => c.charCodeAt(0));' };
    }`)}`,
);
const { layoutPlan } = await import('../server/src/layout');
const { parsePlan } = await import('../server/src/syntax/parse');
const { renderDocx } = await import('../server/src/render/docx');
const { renderPdf } = await import('../server/src/render/pdf');
const { renderPreviewPages } = await import('../server/src/render/html-preview');
const { createPlanService } = await import('../server/src/service/plan-service');

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'kehoach-bench-render-'));
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.kh'))
  .map((f) => ({ name: f.replace(/\.kh$/, ''), text: readFileSync(join(root, 'examples', f), 'utf8') }));
if (examples.length === 0) throw new Error('no examples/*.kh to measure');

/** Runs a peer; it must be installed (scripts/install-system-deps.sh). */
function run(command: string, args: string[], input?: string): string {
  const r = spawnSync(command, args, { input, encoding: 'utf8', timeout: 120_000 });
  if (r.error || r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

const text = (p: LayoutParagraph) => p.runs.map((r) => r.text).join('');

/** The layout's content as pandoc Markdown: headings, paragraphs, tables (the header and signature tables as their lines). */
function markdown(layout: LayoutDocument): string {
  const out: string[] = [];
  const block = (b: LayoutBlock) => {
    if (b.kind === 'rule') return;
    if (b.kind === 'paragraph') {
      if (text(b)) out.push(b.role === 'heading' ? `${'#'.repeat(b.level ?? 1)} ${text(b)}` : text(b));
      return;
    }
    if (!b.borders) {
      for (const row of b.rows) for (const cell of row.cells) cell.blocks.forEach(block);
      return;
    }
    const cells = (i: number) => `| ${b.rows[i].cells.map((c) => c.blocks.map((p) => (p.kind === 'paragraph' ? text(p) : '')).join(' ')).join(' | ')} |`;
    out.push([cells(0), `|${b.columnWidthsMm.map(() => '---').join('|')}|`, ...b.rows.slice(1).map((_, i) => cells(i + 1))].join('\n'));
  };
  for (const section of layout.sections) section.blocks.forEach(block);
  return out.join('\n\n');
}

/** Mean milliseconds of each task. */
async function meanMs(tasks: Record<string, () => unknown>, options: { time: number; iterations: number; warmup: boolean }): Promise<Record<string, number>> {
  const bench = new Bench(options);
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  return Object.fromEntries(Object.keys(tasks).map((name) => [name, (bench.getTask(name)!.result as { latency: { mean: number } }).latency.mean]));
}

const pageCount = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))?.[1]);

const profile = `-env:UserInstallation=file://${dir}/lo-profile`;
const libreOffice = (docx: string) => run('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), docx]);

const rows = [];
let first = true;
for (const example of examples) {
  const layout = layoutPlan(parsePlan(example.text).document);
  const docxFile = join(dir, `${example.name}.docx`);
  const pdfFile = join(dir, `${example.name}.pdf`);
  const mdFile = join(dir, `${example.name}.md`);
  const docx = await renderDocx(layout);
  const pdf = await renderPdf(layout);
  writeFileSync(docxFile, docx);
  writeFileSync(pdfFile, pdf);
  writeFileSync(mdFile, markdown(layout));
  // LibreOffice's first start creates its profile: not part of a conversion.
  if (first) libreOffice(docxFile);
  first = false;
  const ours = await meanMs({ docx: () => renderDocx(layout), pdf: () => renderPdf(layout) }, { time: 1000, iterations: 10, warmup: true });
  const pandoc = await meanMs({ pandoc: () => run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(dir, `${example.name}.pandoc.docx`), mdFile]) }, { time: 0, iterations: 5, warmup: false });
  // Few LibreOffice runs: each starts an office suite, and the machine's cores are shared.
  const office = await meanMs({ libreOffice: () => libreOffice(docxFile) }, { time: 0, iterations: 2, warmup: false });
  rows.push({
    example: example.name,
    sourceBytes: Buffer.byteLength(example.text),
    docxBytes: docx.length,
    pdfBytes: pdf.length,
    pages: pageCount(pdfFile),
    libreOfficePages: pageCount(join(dir, 'lo', `${example.name}.pdf`)),
    docxMs: ours.docx,
    pandocDocxMs: pandoc.pandoc,
    docxRatio: ours.docx / pandoc.pandoc,
    pdfMs: ours.pdf,
    libreOfficePdfMs: office.libreOffice,
    pdfRatio: ours.pdf / office.libreOffice,
  });
}

// --- the preview after an edit ------------------------------------------------------------------
const traVinh = examples.find((e) => e.name === 'ke-hoach-64-KH-UBND-tra-vinh') ?? examples[0];
const bodyStart = traVinh.text.indexOf('\n---\n') + 5;
const closing = traVinh.text.indexOf('Nơi nhận:');
const longText = traVinh.text.slice(0, bodyStart) + traVinh.text.slice(bodyStart, closing).repeat(3) + traVinh.text.slice(closing);
const service = createPlanService();
let version = 0;
let current = longText;
/** What kehoach/preview does for a new version (server/src/lsp/preview-requests.ts), after a one-character edit. */
function previewAfterEdit(): number {
  // The edit is in the body, where typing happens: the header stays whole.
  current = version % 2 ? longText : `${longText.slice(0, bodyStart)}x${longText.slice(bodyStart)}`;
  const { parsed, diagnostics } = service.analyse({ uri: 'file:///bench/long.kh', version: ++version, getText: () => current });
  const marks = diagnostics.map((d) => ({ range: d.range, severity: d.severity, message: `${d.code}: ${d.message}` }));
  return renderPreviewPages(layoutPlan(parsed.document), marks).pageCount;
}
const previewPages = previewAfterEdit();
const md = new MarkdownIt();
const previewTimes = await meanMs({ preview: previewAfterEdit, markdownIt: () => md.render(current) }, { time: 2000, iterations: 20, warmup: true });
const preview = {
  sourceBytes: Buffer.byteLength(longText),
  pages: previewPages,
  previewMs: previewTimes.preview,
  markdownItRenderMs: previewTimes.markdownIt,
  ratio: previewTimes.preview / previewTimes.markdownIt,
};

const round = (n: number) => Math.round(n * 100) / 100;
console.table([
  {
    'preview after an edit': `${preview.pages} pages, ${preview.sourceBytes} bytes`,
    ms: round(preview.previewMs),
    'markdown-it render ms': round(preview.markdownItRenderMs),
    'preview / markdown-it': round(preview.ratio),
  },
]);
console.table(
  rows.map((r) => ({
    example: r.example,
    pages: `${r.pages} (LO ${r.libreOfficePages})`,
    'docx ms': round(r.docxMs),
    'pandoc ms': round(r.pandocDocxMs),
    'docx / pandoc': round(r.docxRatio),
    'pdf ms': round(r.pdfMs),
    'LibreOffice ms': round(r.libreOfficePdfMs),
    'pdf / LibreOffice': round(r.pdfRatio),
  })),
);
const results = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  pandoc: run('pandoc', ['--version']).split('\n')[0],
  libreOffice: run('soffice', [profile, '--version']).trim(),
  note: 'ratios are ours / peer: below 1 is faster; the peers times include starting their process',
  rows,
  preview,
};
writeFileSync(join(root, 'bench', 'render-results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('written bench/render-results.json');
rmSync(dir, { recursive: true, force: true });
