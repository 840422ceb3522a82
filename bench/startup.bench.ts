/**
 * What a user waits for, as whole processes, each beside a reference run in
 * turn in the same run (A, B, A, B …), so that the machine's load cancels out
 * of the ratios; medians of the rounds:
 *
 * - `kehoach --version` and `kehoach check` of the largest example beside
 *   `node -e 0` (cold start);
 * - the language server started as the VS Code client starts it: from
 *   `initialized` to the first diagnostics of the largest example, opened at once;
 * - `kehoach render --to docx` of each example beside pandoc turning the same
 *   text (read as Markdown) into DOCX, and `node -e 0` beside pandoc: the
 *   floor under that ratio (Node's own start); `--to pdf` beside LibreOffice
 *   turning our DOCX into PDF;
 * - `kehoach check` of a folder of 1,000 plans (the examples in turn, each
 *   with its own number) beside markdown-it rendering the same files in one
 *   process, with the check's peak memory.
 *
 * CPU time and peak memory of the Node processes are what Node counted for the
 * whole process (`process-usage.cjs`, preloaded). Writes bench/startup-results.json.
 * `KEHOACH_BENCH_ROUNDS` scales the rounds (default 1).
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'kehoach.js');
const server = join(root, 'dist', 'lsp', 'server.cjs');
const usage = join(root, 'bench', 'process-usage.cjs');
const scale = Number(process.env.KEHOACH_BENCH_ROUNDS ?? 1);
const rounds = (n: number) => Math.max(1, Math.round(n * scale));
const dir = mkdtempSync(join(tmpdir(), 'kehoach-startup-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const examples = readdirSync(join(root, 'examples'))
  .filter((f) => f.endsWith('.kh'))
  .map((f) => ({ name: f, file: join(root, 'examples', f), text: readFileSync(join(root, 'examples', f), 'utf8') }));
const largest = examples.reduce((a, b) => (b.text.length > a.text.length ? b : a));

interface Run {
  wallMs: number;
  /** Node processes only (the others: undefined). */
  cpuMs?: number;
  peakRssMb?: number;
}

/** Runs a command to its end; a Node process (`node: true`) reports its CPU time and peak memory. */
function timed(command: string, args: string[], options: { node?: boolean; cwd?: string } = {}): Run {
  const argv = options.node ? ['-r', usage, ...args] : args;
  const started = performance.now();
  const r = spawnSync(options.node ? process.execPath : command, argv, { cwd: options.cwd ?? dir, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 600_000 });
  const wallMs = performance.now() - started;
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.error?.message ?? r.stderr.slice(-2000)}`);
  const line = /kehoach-bench-usage (.*)$/m.exec(r.stderr ?? '');
  return { wallMs, ...(line ? (JSON.parse(line[1]) as { cpuMs: number; peakRssMb: number }) : {}) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A and B in turn, `n` rounds after one warm-up each: medians and the median of the ratios pair by pair. */
function pair(name: string, a: () => Run, b: () => Run, n: number) {
  a();
  b();
  const as: Run[] = [];
  const bs: Run[] = [];
  for (let i = 0; i < n; i++) {
    as.push(a());
    bs.push(b());
  }
  const ratio = (key: 'wallMs' | 'cpuMs') => (as.every((r) => r[key] !== undefined) && bs.every((r) => r[key] !== undefined) ? median(as.map((r, i) => r[key]! / bs[i][key]!)) : undefined);
  const row = {
    name,
    rounds: n,
    wallMs: median(as.map((r) => r.wallMs)),
    referenceWallMs: median(bs.map((r) => r.wallMs)),
    wallRatio: ratio('wallMs')!,
    cpuRatio: ratio('cpuMs'),
    peakRssMb: as[0].peakRssMb === undefined ? undefined : Math.max(...as.map((r) => r.peakRssMb!)),
  };
  console.log(
    `${name.padEnd(58)} ${row.wallMs.toFixed(0).padStart(7)} ms vs ${row.referenceWallMs.toFixed(0).padStart(7)} ms: wall ${row.wallRatio.toFixed(2)}×${row.cpuRatio === undefined ? '' : `, cpu ${row.cpuRatio.toFixed(2)}×`}${row.peakRssMb === undefined ? '' : `, peak ${row.peakRssMb.toFixed(0)} MB`}`,
  );
  return row;
}

const nodeNothing = () => timed('node', ['-e', '0'], { node: true });

// --- cold start ------------------------------------------------------------------------------------------
console.log('\nwhole processes, each beside its reference in turn (medians)');
const version = pair('kehoach --version / node -e 0', () => timed('node', [bin, '--version'], { node: true }), nodeNothing, rounds(11));
const checkOne = pair(`kehoach check ${largest.name} / node -e 0`, () => timed('node', [bin, 'check', largest.file], { node: true }), nodeNothing, rounds(11));

// --- the language server's first diagnostics -------------------------------------------------------------
/** Milliseconds from `initialized` to the first diagnostics of the largest example, opened right after. */
async function firstDiagnostics(): Promise<number> {
  const child = spawn(process.execPath, [server, '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no diagnostics within 60 s')), 60_000);
    connection.onNotification('textDocument/publishDiagnostics', () => {
      clearTimeout(timer);
      resolve(performance.now());
    });
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  const sent = performance.now();
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(largest.file).href, languageId: 'kehoach', version: 1, text: largest.text } });
  const at = await published;
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  await new Promise((resolve) => child.once('exit', resolve));
  return at - sent;
}
const lspSamples: number[] = [];
for (let i = 0; i < rounds(7); i++) lspSamples.push(await firstDiagnostics());
const lsp = { plan: largest.name, firstDiagnosticsAfterInitializedMs: median(lspSamples), samples: lspSamples };
console.log(`${`language server: initialized → first diagnostics (${largest.name})`.padEnd(58)} ${lsp.firstDiagnosticsAfterInitializedMs.toFixed(0).padStart(7)} ms (median of ${lspSamples.length})`);

// --- export beside pandoc and LibreOffice ----------------------------------------------------------------
const exports = [];
const profile = `-env:UserInstallation=file://${dir}/lo-profile`;
for (const example of examples) {
  const source = join(dir, example.name);
  copyFileSync(example.file, source);
  exports.push(
    pair(
      `kehoach render --to docx ${example.name} / pandoc`,
      () => timed('node', [bin, 'render', source, '--to', 'docx', '-o', join(dir, 'ours.docx')], { node: true }),
      () => timed('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(dir, 'pandoc.docx'), source]),
      rounds(7),
    ),
  );
}
// The floor of the DOCX target: Node starting and doing nothing, beside pandoc converting the largest example.
const nodeFloor = pair('node -e 0 / pandoc', nodeNothing, () => timed('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(dir, 'pandoc.docx'), join(dir, largest.name)]), rounds(7));
const pdfOf = examples.find((e) => e === largest)!;
timed('node', [bin, 'render', join(dir, pdfOf.name), '--to', 'docx', '-o', join(dir, 'for-libreoffice.docx')]);
const pdf = pair(
  `kehoach render --to pdf ${pdfOf.name} / LibreOffice docx→pdf`,
  () => timed('node', [bin, 'render', join(dir, pdfOf.name), '--to', 'pdf', '-o', join(dir, 'ours.pdf')], { node: true }),
  () => timed('soffice', [profile, '--headless', '--convert-to', 'pdf', '--outdir', join(dir, 'lo'), join(dir, 'for-libreoffice.docx')]),
  rounds(3),
);

// --- 1,000 plans -----------------------------------------------------------------------------------------
const workspace = join(dir, 'workspace');
mkdirSync(workspace);
let workspaceBytes = 0;
for (let i = 0; i < 1000; i++) {
  const text = examples[i % examples.length].text.replace(/^Số: *\d+/m, `Số: ${1000 + i}`);
  writeFileSync(join(workspace, `plan-${String(i).padStart(4, '0')}.kh`), text);
  workspaceBytes += Buffer.byteLength(text);
}
const thousand = pair(
  `kehoach check of 1,000 plans (${(workspaceBytes / 1e6).toFixed(1)} MB) / markdown-it`,
  () => timed('node', [bin, 'check', workspace], { node: true }),
  () => timed('node', [join(root, 'bench', 'markdown-it-files.mjs'), workspace], { node: true }),
  rounds(3),
);

// --- targets and results ---------------------------------------------------------------------------------
const docxWorst = exports.reduce((a, b) => (b.wallRatio > a.wallRatio ? b : a));
const targets = [
  { target: 'kehoach --version ≤ 1.5× node -e 0 (wall)', value: version.wallRatio, limit: 1.5 },
  { target: `kehoach check of the largest example ≤ 2.5× node -e 0 (wall)`, value: checkOne.wallRatio, limit: 2.5 },
  { target: 'language server: first diagnostics ≤ 300 ms after initialized (ms)', value: lsp.firstDiagnosticsAfterInitializedMs, limit: 300 },
  { target: `kehoach render --to docx ≤ 0.5× pandoc (wall, worst example: ${docxWorst.name.split(' ')[4]})`, value: docxWorst.wallRatio, limit: 0.5 },
  { target: '1,000 plans checked ≤ 3× markdown-it (wall)', value: thousand.wallRatio, limit: 3 },
  { target: '1,000 plans checked: peak memory ≤ 250 MB', value: thousand.peakRssMb!, limit: 250 },
].map((t) => ({ ...t, met: t.value <= t.limit }));
console.log('\ntargets');
for (const t of targets) console.log(`${t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.value.toFixed(2)}`);

writeFileSync(
  join(root, 'bench', 'startup-results.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rounds: scale, coldStart: [version, checkOne], lsp, exports: [...exports, pdf], nodeFloorBesidePandoc: nodeFloor, workspace: { plans: 1000, bytes: workspaceBytes, ...thousand }, targets }, null, 2)}\n`,
);
console.log('bench/startup-results.json written');
