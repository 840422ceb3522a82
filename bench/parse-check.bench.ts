/**
 * The core and the language server against a peer measured in the same run,
 * so that the machine's speed (and its load) cancels out of every ratio:
 *
 * - parse + all checks of the example plans and of plans 10× and 100× the
 *   largest, beside markdown-it rendering (`md.render`) the same text; the
 *   growth from 10× to 100× (10 is linear);
 * - re-check after a one-character edit (the plan service reusing what the
 *   edit did not touch) beside a full parse + check of the same text;
 * - over a real LSP connection to the bundled server (`dist/lsp/server.cjs`,
 *   stdio) on the 10× plan: keystroke (incremental `didChange`) to
 *   `publishDiagnostics`, with the debounce set to 0 by the initialization
 *   option `diagnosticsDebounceMs` (the compute) and with the default 120 ms
 *   (what a drafter sees); completion and hover right after a keystroke;
 *   p50/p95 each, beside markdown-it rendering the 10× text;
 * - the pathological inputs of tests/pathological.test.ts (median of three), beside
 *   markdown-it rendering the same text (the target: each under 2 s).
 *
 * Core figures are medians of tinybench runs. Writes the `core`, `lsp`,
 * `pathological` and `targets` parts of bench/results.json (other bench files
 * write their own files) and checks the targets of issue 8.
 */
import MarkdownIt from 'markdown-it';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { checkPlan } from '../server/src/checks';
import { createPlanService } from '../server/src/service/plan-service';
import { parsePlan } from '../server/src/syntax/parse';
import { medians } from './task-medians';

const root = join(import.meta.dirname, '..');
const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.kh'))
  .map((f) => ({ name: f, text: readFileSync(join(root, 'examples', f), 'utf8') }));
if (examples.length === 0) throw new Error('no examples/*.kh to measure');

/** The largest example with its body repeated `times` times under one header. */
function scaled(text: string, times: number): string {
  const cut = text.indexOf('\n---\n');
  const header = cut >= 0 ? text.slice(0, cut + 5) : '';
  const body = cut >= 0 ? text.slice(cut + 5) : text;
  return header + Array.from({ length: times }, () => body).join('\n');
}

const largest = examples.reduce((a, b) => (b.text.length > a.text.length ? b : a));
const ten = scaled(largest.text, 10);
const md = new MarkdownIt();

/** tinybench's bounds for a task: a big input runs fewer times, for longer. */
const runsFor = (big: boolean) => (big ? { time: 4000, iterations: 7 } : { time: 500, iterations: 20 });

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

// --- parse + check beside markdown-it render ---------------------------------------------------------
const inputs = [...examples, { name: `${largest.name} ×10`, text: ten }, { name: `${largest.name} ×100`, text: scaled(largest.text, 100) }];
const core: { input: string; bytes: number; kehoachMs: number; markdownItRenderMs: number; ratio: number }[] = [];
for (const input of inputs) {
  const m = await medians({ kehoach: () => void checkPlan(parsePlan(input.text)), markdownIt: () => void md.render(input.text) }, runsFor(input.text.length > 1_000_000));
  core.push({ input: input.name, bytes: Buffer.byteLength(input.text), kehoachMs: m.kehoach, markdownItRenderMs: m.markdownIt, ratio: m.kehoach / m.markdownIt });
}
const at = (suffix: string) => core.find((r) => r.input.endsWith(suffix))!;

/**
 * Growth from ×10 to ×100, the two sizes timed in turn (×10, ×100, ×10, …):
 * on a shared machine the load changes between two separate runs, which a
 * ratio of sizes measured apart would take for growth. Median of the rounds.
 */
function interleavedGrowth(fn: (text: string) => void, small: string, large: string, rounds = 7): number {
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const time = (text: string) => {
      const start = performance.now();
      fn(text);
      return performance.now() - start;
    };
    const a = time(small);
    ratios.push(time(large) / ((a + time(small)) / 2));
  }
  return percentile(ratios, 0.5);
}
const hundred = inputs[inputs.length - 1].text;
const growth = interleavedGrowth((text) => void checkPlan(parsePlan(text)), ten, hundred);
const peerGrowth = interleavedGrowth((text) => void md.render(text), ten, hundred);

// --- one-character edit: incremental re-check beside a full parse + check ---------------------------
const middle = ten.indexOf('\n', ten.length >> 1);
const service = createPlanService();
let editVersion = 1;
let edited = ten;
const editedDocument = {
  uri: 'file:///bench.kh',
  get version() {
    return editVersion;
  },
  getText: () => edited,
};
service.analyse(editedDocument);
const incremental = await medians(
  {
    // Alternately types and deletes one letter at the end of a paragraph in the middle.
    edit: () => {
      edited = editVersion % 2 ? `${ten.slice(0, middle)}a${ten.slice(middle)}` : ten;
      editVersion++;
      service.analyse(editedDocument);
    },
    full: () => void checkPlan(parsePlan(ten)),
    markdownIt: () => void md.render(ten),
  },
  runsFor(false),
);

// --- over LSP --------------------------------------------------------------------------------------
const serverPath = join(root, 'dist', 'lsp', 'server.cjs');
if (!existsSync(serverPath)) throw new Error('dist/lsp/server.cjs is missing: npm run build');

interface LspFigures {
  keystrokeToDiagnostics: number[];
  /** Right after a keystroke: the request sees a new version and parses it. */
  completion: number[];
  /** Again at the same place, nothing typed in between: the request alone. */
  completionSameVersion: number[];
  hover: number[];
}

/** Types into the 10× plan over stdio and times what comes back. */
async function overLsp(debounceMs: number | undefined, keystrokes: number): Promise<LspFigures> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<number, (t: number) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { version?: number }) => {
    if (p.version !== undefined) waiting.get(p.version)?.(performance.now());
  });
  connection.listen();
  // A server that stops answering fails the run instead of hanging it.
  const diagnosticsOf = (version: number) =>
    new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for version ${version} within 30 s`)), 30_000);
      waiting.set(version, (t) => {
        clearTimeout(timer);
        resolve(t);
      });
    });
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: debounceMs === undefined ? {} : { diagnosticsDebounceMs: debounceMs } });
  await connection.sendNotification('initialized', {});
  const uri = 'file:///bench/plan.kh';
  const opened = diagnosticsOf(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kehoach', version: 1, text: ten } });
  await opened;

  // The cursor: the end of a paragraph line in the middle of the plan.
  const lines = ten.split('\n');
  let line = Math.floor(lines.length / 2);
  while (lines[line].length < 40) line++;
  let character = lines[line].length;
  const typed = 'tăng cường ';
  const figures: LspFigures = { keystrokeToDiagnostics: [], completion: [], completionSameVersion: [], hover: [] };
  let version = 1;
  const keystroke = async () => {
    version++;
    const text = typed[version % typed.length];
    const published = diagnosticsOf(version);
    const sent = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
    });
    character += text.length;
    return { sent, published };
  };
  for (let k = 0; k < keystrokes; k++) {
    const { sent, published } = await keystroke();
    figures.keystrokeToDiagnostics.push((await published) - sent);
  }
  // Completion and hover right after a keystroke, as when typing: the request sees a new version.
  for (let k = 0; k < keystrokes; k++) {
    const { published } = await keystroke();
    const before = performance.now();
    await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    figures.completion.push(performance.now() - before);
    await published;
    const again = performance.now();
    await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    figures.completionSameVersion.push(performance.now() - again);
    const next = await keystroke();
    const hovered = performance.now();
    await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
    figures.hover.push(performance.now() - hovered);
    await next.published;
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  await new Promise((resolve) => child.once('exit', resolve));
  return figures;
}

const compute = await overLsp(0, 60);
const typing = await overLsp(undefined, 25);
const renderTen = incremental.markdownIt;
const summary = (samples: number[]) => ({
  p50: percentile(samples, 0.5),
  p95: percentile(samples, 0.95),
  p50VsMarkdownItRender: percentile(samples, 0.5) / renderTen,
  p95VsMarkdownItRender: percentile(samples, 0.95) / renderTen,
  n: samples.length,
});
const lsp = {
  plan: `${largest.name} ×10`,
  markdownItRenderMs: renderTen,
  keystrokeToDiagnosticsDebounce0: summary(compute.keystrokeToDiagnostics),
  keystrokeToDiagnosticsDebounce120: summary(typing.keystrokeToDiagnostics),
  // Completion and hover on the server with the usual debounce: what a drafter gets while typing.
  completionAfterKeystroke: summary(typing.completion),
  completionSameVersion: summary(typing.completionSameVersion),
  hoverAfterKeystroke: summary(typing.hover),
};

// --- pathological input, beside markdown-it rendering the same text ---------------------------------
const HEADER = 'Cơ quan: ỦY BAN NHÂN DÂN TỈNH TRÀ VINH\nSố: 64/KH-UBND\nĐịa danh: Trà Vinh\nNgày: 17/11/2020\nLoại: Kế hoạch\nTrích yếu: Triển khai\n---\n\n';
const sentence = 'Ủy ban nhân dân tỉnh triển khai thực hiện nhiệm vụ trọng tâm, bảo đảm tiến độ. ';
const pathological = Object.entries({
  'one 1 MB line': HEADER + sentence.repeat(Math.ceil(1_000_000 / sentence.length)),
  '50 000 headings': HEADER + '# MỤC\n'.repeat(50_000),
  '20 000 nested list markers': `${HEADER}# NHIỆM VỤ\n${'- '.repeat(20_000)}việc\n`,
  '20 000 indented items': `${HEADER}# NHIỆM VỤ\n${Array.from({ length: 20_000 }, (_, i) => `${'  '.repeat(i % 40)}- việc ${i}`).join('\n')}\n`,
  'unclosed bold over 100 000 characters': `${HEADER}**${'chữ '.repeat(25_000)}\n`,
  '10 000 citations on one line': `${HEADER}${'Thực hiện Chỉ thị số 24/CT-TTg ngày 28/5/2020 của Thủ tướng Chính phủ; '.repeat(10_000)}\n`,
  'the largest plan in NFD': largest.text.normalize('NFD'),
  '100 000 tabs then a dot (closing mark)': `${HEADER}Nội dung${'\t'.repeat(100_000)}.\n`,
}).map(([input, text]) => {
  // The median of three runs each, in turn: one run alone measures whichever process held the core.
  const time = (fn: () => void) => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
  const kehoach: number[] = [];
  const peer: number[] = [];
  for (let round = 0; round < 3; round++) {
    kehoach.push(time(() => void checkPlan(parsePlan(text))));
    peer.push(time(() => void md.render(text)));
  }
  const kehoachMs = percentile(kehoach, 0.5);
  const markdownItRenderMs = percentile(peer, 0.5);
  return { input, bytes: Buffer.byteLength(text), kehoachMs, markdownItRenderMs, ratio: kehoachMs / markdownItRenderMs };
});

// --- pathological export: text pasted without line breaks ------------------------------------------
/**
 * The words of the largest example's body as one paragraph of 2.6 MB, exported
 * to PDF by the CLI (whole process: what a drafter waits for), beside the same
 * text cut into paragraphs of a few hundred characters: line breaking and
 * pagination are linear when the two take the same time. Median of three, in turn.
 */
const pastedWords = largest.text
  .slice(largest.text.indexOf('\n---\n') + 5)
  .split('\n')
  .filter((line) => line.trim() && !/^\s*(?:\||\/\/|Nơi nhận|Ký:)/.test(line))
  .map((line) => line.trim().replace(/^(?:#+|[-+]|\d+(?:\.\d+)*[.)]|[a-zđ]\))\s+/, ''))
  .join(' ')
  .split(/\s+/);
const pastedHeader = largest.text.slice(0, largest.text.indexOf('\n---\n') + 5);
const paragraphWords: string[] = [];
const bodyBytes = Buffer.byteLength(pastedWords.join(' ')) + 1;
for (let bytes = 0; bytes < 2_600_000; bytes += bodyBytes) paragraphWords.push(...pastedWords);
const exportDir = mkdtempSync(join(tmpdir(), 'kehoach-bench-export-'));
const oneParagraphFile = join(exportDir, 'one-paragraph.kh');
const paragraphsFile = join(exportDir, 'paragraphs.kh');
const pastedText = `${pastedHeader}\n${paragraphWords.join(' ')}\n`;
writeFileSync(oneParagraphFile, pastedText);
const cutWords: string[] = [];
for (let i = 0; i < paragraphWords.length; i += 80) cutWords.push(paragraphWords.slice(i, i + 80).join(' '));
writeFileSync(paragraphsFile, `${pastedHeader}\n${cutWords.join('\n\n')}\n`);
/** Wall and CPU milliseconds of the export (the CPU time as Node counted it, `process-usage.cjs` preloaded: on a shared machine the wall clock also counts the others' work). */
const exportPdf = (file: string): { wallMs: number; cpuMs: number } => {
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ['-r', join(root, 'bench', 'process-usage.cjs'), join(root, 'bin', 'kehoach.js'), 'render', file, '--to', 'pdf', '-o', join(exportDir, 'out.pdf'), '--force'],
    { encoding: 'utf8', timeout: 600_000 },
  );
  const wallMs = performance.now() - start;
  const usage = /kehoach-bench-usage (.*)$/m.exec(run.stderr ?? '');
  if (run.status !== 0 || !usage) throw new Error(`render --to pdf ${file} failed (${run.status}): ${run.stderr}`);
  return { wallMs, cpuMs: (JSON.parse(usage[1]) as { cpuMs: number }).cpuMs };
};
const pasted: { wallMs: number; cpuMs: number }[] = [];
const split: { wallMs: number; cpuMs: number }[] = [];
for (let round = 0; round < 3; round++) {
  pasted.push(exportPdf(oneParagraphFile));
  split.push(exportPdf(paragraphsFile));
}
rmSync(exportDir, { recursive: true, force: true });
const pastedExport = {
  input: 'one 2.6 MB paragraph exported to PDF (kehoach render, whole process)',
  bytes: Buffer.byteLength(pastedText),
  kehoachMs: percentile(
    pasted.map((r) => r.wallMs),
    0.5,
  ),
  cpuMs: percentile(
    pasted.map((r) => r.cpuMs),
    0.5,
  ),
  sameTextInParagraphsMs: percentile(
    split.map((r) => r.wallMs),
    0.5,
  ),
  sameTextInParagraphsCpuMs: percentile(
    split.map((r) => r.cpuMs),
    0.5,
  ),
  ratio: percentile(
    pasted.map((r, i) => r.wallMs / split[i].wallMs),
    0.5,
  ),
};

// --- report ----------------------------------------------------------------------------------------
const f = (n: number, d = 2) => n.toFixed(d);
console.log(
  `\nparse + all checks beside markdown-it render (same run)\n${'input'.padEnd(44)} ${'bytes'.padStart(9)} ${'kehoach ms'.padStart(11)} ${'md.render ms'.padStart(13)} ${'ratio'.padStart(7)}`,
);
for (const r of core) console.log(`${r.input.padEnd(44)} ${String(r.bytes).padStart(9)} ${f(r.kehoachMs).padStart(11)} ${f(r.markdownItRenderMs, 3).padStart(13)} ${f(r.ratio).padStart(7)}`);
console.log(`growth 10× → 100×: kehoach ${f(growth)}×, markdown-it ${f(peerGrowth)}× (10 is linear)`);
console.log(
  `\none-character edit on ×10: re-check ${f(incremental.edit)} ms, full parse + check ${f(incremental.full)} ms: ${f(incremental.edit / incremental.full)} of a full one (${f(incremental.edit / incremental.markdownIt)}× md.render)`,
);
console.log(`\nover LSP on ×10 (ms; ratio to md.render of the same text, ${f(renderTen)} ms)`);
for (const [name, s] of Object.entries(lsp).filter((e): e is [string, ReturnType<typeof summary>] => typeof e[1] === 'object')) {
  console.log(`${name.padEnd(36)} p50 ${f(s.p50).padStart(7)} (${f(s.p50VsMarkdownItRender)}×)  p95 ${f(s.p95).padStart(7)} (${f(s.p95VsMarkdownItRender)}×)  n=${s.n}`);
}

const targets = [
  { target: 'parse + check of ×100 ≤ 3× md.render of it', value: at('×100').ratio, limit: 3, unit: '× md.render' },
  { target: 'growth 10× → 100× ≤ 11', value: growth, limit: 11, unit: '×' },
  { target: 'keystroke to diagnostics p95 ≤ 25 ms on ×10 (debounce 0: the compute)', value: lsp.keystrokeToDiagnosticsDebounce0.p95, limit: 25, unit: 'ms' },
  { target: 'completion p95 ≤ 10 ms (right after a keystroke)', value: lsp.completionAfterKeystroke.p95, limit: 10, unit: 'ms' },
  ...pathological.map((r) => ({ target: `${r.input} under 2 s`, value: r.kehoachMs, limit: 2000, unit: 'ms' })),
  { target: 'PDF of one 2.6 MB paragraph under 5 s (whole process)', value: pastedExport.kehoachMs, limit: 5000, unit: 'ms' },
].map((t) => ({ ...t, met: t.value <= t.limit }));
console.log('\npathological input (median of three runs; ms)');
for (const r of pathological)
  console.log(`${r.input.padEnd(44)} ${String(r.bytes).padStart(9)} ${f(r.kehoachMs, 0).padStart(8)} ${f(r.markdownItRenderMs, 1).padStart(9)} md.render ${f(r.ratio).padStart(7)}×`);
console.log(
  `${pastedExport.input}: ${f(pastedExport.kehoachMs, 0)} ms (cpu ${f(pastedExport.cpuMs, 0)} ms), the same text in paragraphs ${f(pastedExport.sameTextInParagraphsMs, 0)} ms (cpu ${f(pastedExport.sameTextInParagraphsCpuMs, 0)} ms): ${f(pastedExport.ratio)}×`,
);

console.log('\ntargets');
for (const t of targets) console.log(`${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${f(t.value)} ${t.unit}${t.met ? '' : ` (${f(t.value / t.limit)}× the limit)`}`);

const file = join(root, 'bench', 'results.json');
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
// Earlier layouts of this file (one flat table) are replaced; parts written by other bench files are kept.
const kept = Object.fromEntries(Object.entries(previous).filter(([key]) => !['date', 'node', 'peer', 'rows', 'growth10to100', 'peerGrowth10to100'].includes(key)));
writeFileSync(
  file,
  `${JSON.stringify({ ...kept, core: { date: new Date().toISOString(), node: process.version, peer: 'markdown-it render (md.render)', rows: core, growth10to100: growth, peerGrowth10to100: peerGrowth, oneCharacterEdit: { recheckMs: incremental.edit, fullMs: incremental.full, ratio: incremental.edit / incremental.full } }, lsp, pathological, pathologicalExport: pastedExport, targets }, null, 2)}\n`,
);
console.log('bench/results.json written');
