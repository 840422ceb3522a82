import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { checkPlan } from '../checks';
import { applySafeFixes } from '../checks/apply-fixes';
import type { PlanDiagnostic, PlanDocument } from '../model';
import type { Registry } from '../registry/registry';
import type { RegistryDocument } from '../registry/types';
import { planAsDocument } from '../registry/workspace';
import { parseHeader, parsePlan } from '../syntax/parse';
import { workspaceConfigs, type FileReport, type LoadedWorkspaceConfig } from '../host/workspace-config';
import { commandHelp, lazySubcommand, subcommand, synopsis, UsageError, type CommandSpec, type Subcommand } from './arguments';
import { IMPORT_SPEC, RENDER_SPEC, REVIEW_SPEC } from './command-specs';
import { editPlanFile, OutputPathError } from '../host/output-file';
import { expandFiles, readPlanFile, unreadableFinding, UnreadableFileError } from '../host/plan-files';
import { forTerminal, jsonForTerminal } from './terminal-text';
import { describeEncoding, type TextEncodingName } from '../host/text-encoding';
import { newCommand } from './new-command';
import { reportFailure, runSubcommand, terminalWriter } from './dispatch';
import { startProgress, type Progress } from './progress';
import { registryCommand } from './registry-command';
import { VERSION } from './version';

export type { FileReport };

/** The settings and registry of a workspace: its nearest kehoach.json, with the diagnostics of that file and its registry files. */
type Workspace = LoadedWorkspaceConfig;

const workspaces = workspaceConfigs();

/** The workspace of a file: its nearest kehoach.json, as the language server finds it. */
export const workspaceOf = (file: string): Workspace => workspaces.of(dirname(resolve(file)));

/** A plan whose bytes are not all valid in its encoding: reported, never fixed (the broken bytes would be written back as �). */
const encodingProblem = (encoding: TextEncodingName): PlanDiagnostic => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  severity: 'error',
  code: 'syntax',
  message: `Tệp không phải văn bản ${describeEncoding(encoding)} hợp lệ; các byte hỏng được thay bằng � / The file is not valid ${describeEncoding(encoding)}; broken bytes were replaced by �`,
});

interface CheckRun {
  reports: FileReport[];
  fixed: number;
  /** What was done beyond checking (a file read as UTF-16, a fix not written), for standard error. */
  notes: string[];
  /** A fix could not be written. */
  refused: boolean;
}

/**
 * Up to this much plan text (characters), the check of many files keeps each parse from reading the plans to
 * checking them. Past it, a plan is parsed again for its check and the models are let go, so that memory stays
 * bounded: a model takes about eight times its text, and the heap grows to a few times what it holds.
 */
const KEPT_PARSES_CHARS = 1_000_000;
/** Models of plans read again for the plans citing them (cascade checks), kept for the next citing plan. */
const CITED_MODELS_KEPT = 32;

/** The plans that can be read, each with its workspace; a file that cannot is reported. */
function readPlans(files: string[], run: CheckRun) {
  return files.flatMap((file) => {
    let read;
    try {
      read = readPlanFile(file, (note) => run.notes.push(note));
    } catch (error) {
      if (!(error instanceof UnreadableFileError)) throw error;
      run.reports.push({ file, diagnostics: [unreadableFinding(error.reason)] });
      return [];
    }
    return [{ file, ...read, workspace: workspaceOf(file) }];
  });
}

/**
 * The safe fixes written to the file: fixes can overlap, so they are applied
 * and the text checked again until nothing safe is left (five passes at
 * most). The findings on the text written; undefined when the file was not
 * read again (a write refused is a note, and the run is marked refused).
 */
function writeSafeFixes(file: string, check: (text: string) => PlanDiagnostic[], run: CheckRun): PlanDiagnostic[] | undefined {
  let diagnostics: PlanDiagnostic[] | undefined;
  let applied = 0;
  try {
    editPlanFile(file, (text) => {
      applied = 0;
      diagnostics = check(text);
      for (let pass = 0; pass < 5; pass++) {
        const result = applySafeFixes(text, diagnostics);
        if (result.applied === 0) break;
        applied += result.applied;
        text = result.text;
        diagnostics = check(text);
      }
      return text;
    });
    run.fixed += applied;
  } catch (error) {
    if (!(error instanceof OutputPathError || error instanceof UnreadableFileError)) throw error;
    run.notes.push(`kehoach: ${error.message}`);
    run.refused = true;
  }
  return diagnostics;
}

/**
 * Every plan that can be read, as a document the others may cite: its model rides on its entry as a way to read it
 * again (the plans citing it by number need it). Past KEPT_PARSES_CHARS only the header is parsed for that, and the
 * text waits for its check as UTF-16 bytes outside the JavaScript heap, which the heap's growth does not scale.
 */
function readAsDocuments(files: string[], run: CheckRun, progress: Progress, timed: <T>(work: () => T) => T) {
  const read = readPlans(files, run);
  const count = read.length;
  const keep = read.reduce((n, r) => n + r.text.length, 0) <= KEPT_PARSES_CHARS;
  // V8 lets the heap grow to up to four times what was live at its last full collection; the check of many plans makes
  // garbage that outlives a young collection (each plan's model) at a steady rate, so the heap would stand at four
  // times what it holds. Growing by half instead bounds the peak (1,000 plans: 300 MB peak RSS → 230 MB, same CPU
  // time). The flag is read at each collection; it takes effect when set while running. (node:v8 is loaded for this
  // alone: at the start of every check it cost milliseconds.)
  if (!keep) (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString('--heap-growing-percent=50');
  const parse = (text: string, workspace: Workspace) => timed(() => parsePlan(text, { system: workspace.config.system }));
  const header = (text: string, workspace: Workspace) => timed(() => parseHeader(text, { system: workspace.config.system }));
  const cited = new Map<string, PlanDocument>();
  // No closure of this function reads `read` or `readText`: the closures `plan` holds would keep every text alive.
  return read.map(({ text: readText, ...input }, index) => {
    const { file, workspace } = input;
    progress.show(`kehoach: đọc ${index + 1}/${count} tệp / reading ${index + 1} of ${count} files`);
    const first = keep ? parse(readText, workspace) : undefined;
    const facts = planAsDocument(first?.document ?? header(readText, workspace), file);
    const stored = keep ? readText : Buffer.from(readText, 'utf16le');
    const text = () => (typeof stored === 'string' ? stored : stored.toString('utf16le'));
    const model = first?.document;
    const modelOf = () => {
      if (model) return model;
      let again = cited.get(file);
      if (!again) {
        again = parse(text(), workspace).document;
        // The oldest goes first.
        if (cited.size >= CITED_MODELS_KEPT) cited.delete(cited.keys().next().value!);
        cited.set(file, again);
      }
      return again;
    };
    const plan: RegistryDocument | undefined = facts && {
      ...facts,
      get plan() {
        return modelOf();
      },
    };
    return { ...input, text, parsed: first, plan };
  });
}

function checkFiles(files: string[], skipped: { file: string; reason: string }[], options: { fix: boolean }, timing: { ms: number }, progress: Progress): CheckRun {
  const run: CheckRun = { reports: skipped.map(({ file, reason }) => ({ file, diagnostics: [unreadableFinding(reason)] })), fixed: 0, notes: [], refused: false };
  const timed = <T>(work: () => T): T => {
    const started = performance.now();
    const result = work();
    timing.ms += performance.now() - started;
    return result;
  };
  const inputs = readAsDocuments(files, run, progress, timed);
  // The plans checked together are documents to each other: each plan is checked against the others, even when it
  // has no number yet (a new draft citing its parent). Each workspace's registry is extended with all the plans once,
  // and each plan's own are left out of it (extending it for each plan would index every plan once per plan).
  const plans = inputs.flatMap((i) => i.plan ?? []);
  const plansOfFile = new Map<string, RegistryDocument[]>();
  for (const plan of plans) plansOfFile.set(plan.sources[0], [...(plansOfFile.get(plan.sources[0]) ?? []), plan]);
  const withPlans = new Map<Workspace, Registry>();
  for (const [index, input] of inputs.entries()) {
    const { file, workspace } = input;
    progress.show(`kehoach: kiểm tra ${index + 1}/${inputs.length} tệp / checking ${index + 1} of ${inputs.length} files`);
    const own = plansOfFile.get(file) ?? [];
    let registry = workspace.registry;
    if (plans.length > own.length) {
      if (!withPlans.has(workspace)) withPlans.set(workspace, workspace.registry.with({ documents: plans }));
      registry = withPlans.get(workspace)!.without(new Set(own));
    }
    // The first check reuses the parse made above when it was kept; later ones (after fixes, or of a file changed on disk) parse the text.
    const original = input.text();
    const check = (text: string) =>
      timed(() => {
        const parsed = (text === original ? input.parsed : undefined) ?? parsePlan(text, { system: workspace.config.system });
        return checkPlan(parsed, { registry, config: workspace.config });
      });
    let diagnostics = check(original);
    // What the check of the plan added to its parse (words, runs) goes with it; the model stays for the plans citing it.
    input.parsed = undefined;
    if (options.fix && input.invalid) {
      run.notes.push(`kehoach: ${file}: không sửa vì có byte không hợp lệ trong ${describeEncoding(input.encoding)} / not fixed: it has bytes that are not valid ${describeEncoding(input.encoding)}`);
    } else if (options.fix) {
      diagnostics = writeSafeFixes(file, check, run) ?? diagnostics;
    }
    run.reports.push({ file, diagnostics: input.invalid ? [encodingProblem(input.encoding), ...diagnostics] : diagnostics });
  }
  const configReports = [...new Set(inputs.map((i) => i.workspace))].flatMap((w) => w.reports);
  run.reports.unshift(...configReports);
  return run;
}

function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of reports) {
    for (const d of diagnostics) {
      lines.push(forTerminal(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`));
    }
  }
  const count = (s: string) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  lines.push(`${reports.length} tệp / files: ${count('error')} lỗi / errors, ${count('warning')} cảnh báo / warnings, ${count('information')} thông tin / information, ${count('hint')} gợi ý / hints`);
  return lines.join('\n');
}

function formatJson(reports: FileReport[]): string {
  const rows = reports.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({
      file,
      range: d.range,
      severity: d.severity,
      code: d.code,
      message: d.message,
      ...(d.fixes ? { fixes: d.fixes } : {}),
      ...(d.related ? { related: d.related } : {}),
      ...(d.basis ? { basis: d.basis } : {}),
    })),
  );
  return JSON.stringify(rows, null, 2);
}

const CHECK = subcommand(
  {
    name: 'check',
    summary: {
      vi: 'Kiểm tra kế hoạch: cấu trúc, đánh số, phần đầu, chữ ký, nơi nhận, mọi trích dẫn văn bản và cơ quan.',
      en: 'Check plans: structure, numbering, header, signature, recipients, every reference to a document or an agency.',
    },
    operands: { name: 'FILES…', min: 1, max: Infinity },
    options: {
      format: { type: 'string', short: 'f', choices: ['text', 'json', 'sarif'], help: { vi: 'dạng kết quả (mặc định: text)', en: 'the output format (default: text)' } },
      fix: { type: 'boolean', help: { vi: 'áp dụng các sửa an toàn vào tệp, rồi báo những gì còn lại', en: 'apply the safe fixes to the files, then report what is left' } },
      timing: { type: 'boolean', help: { vi: 'in thời gian phân tích và kiểm tra ra stderr', en: 'print the time of parse and check on stderr' } },
      progress: { type: 'boolean', help: { vi: 'in tiến độ ra stderr (trên terminal tự hiện sau một giây)', en: 'print progress on stderr (on a terminal it shows after a second anyway)' } },
    },
    notes: {
      vi: 'FILES có thể là thư mục: mọi tệp .kh trong đó được kiểm tra. Cấu hình: tệp kehoach.json gần nhất ở thư mục\ncủa tệp hoặc thư mục cha (xem docs/configuration.md). --fix ghi nguyên tử, giữ liên kết, quyền và bảng mã của tệp.\nMã thoát: 0 không có lỗi, 1 có lỗi, 2 sai cách dùng hoặc lỗi đọc tệp.',
      en: 'FILES may be folders: every .kh file in them is checked. Configuration: the nearest kehoach.json in the file’s\nfolder or above (docs/configuration.md). --fix writes atomically, keeping the file’s links, permissions and encoding.\nExit codes: 0 no error, 1 an error was found, 2 usage or I/O error.',
    },
  } as const satisfies CommandSpec,
  (values, operands, { out, err }) => {
    const timing = { ms: 0 };
    const fix = values.fix === true;
    const format = values.format ?? 'text';
    const { files, skipped } = expandFiles(operands);
    const progress = startProgress(process.stderr, values.progress === true);
    const { reports, fixed, notes, refused } = checkFiles(files, skipped, { fix }, timing, progress);
    progress.end();
    const shown = reports.map((r) => ({ ...r, file: relative(process.cwd(), r.file) || r.file }));
    for (const note of notes) err(note);
    if (fix) err(`kehoach: đã áp dụng ${fixed} sửa an toàn / applied ${fixed} safe fixes`);
    const finish = (output: string) => {
      out(output);
      if (values.timing) err(`kehoach: parse + check ${timing.ms.toFixed(1)} ms`);
      if (refused) return 2;
      return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
    };
    // SARIF carries the rules' documentation, loaded for it alone.
    if (format === 'sarif') return import('./sarif').then(({ toSarif }) => finish(jsonForTerminal(JSON.stringify(toSarif(shown), null, 2))));
    return finish(format === 'json' ? jsonForTerminal(formatJson(shown)) : formatText(shown));
  },
);

const PARSE = subcommand(
  {
    name: 'parse',
    summary: { vi: 'In mô hình của kế hoạch (JSON) và các lỗi cú pháp.', en: 'Print the model of a plan (JSON) and its syntax errors.' },
    operands: { name: 'FILE', min: 1, max: 1 },
    options: {
      format: { type: 'string', short: 'f', choices: ['json'], help: { vi: 'dạng kết quả (chỉ có json)', en: 'the output format (json only)' } },
      timing: { type: 'boolean', help: { vi: 'in thời gian phân tích ra stderr', en: 'print the time of parsing on stderr' } },
    },
  } as const satisfies CommandSpec,
  (values, [file], { out, err }) => {
    const { text } = readPlanFile(file, err);
    const started = performance.now();
    const parsed = parsePlan(text);
    const ms = performance.now() - started;
    out(jsonForTerminal(JSON.stringify({ document: parsed.document, diagnostics: parsed.diagnostics }, null, 2)));
    if (values.timing) err(`kehoach: parse ${ms.toFixed(1)} ms`);
    return parsed.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
);

const LSP = subcommand(
  {
    name: 'lsp',
    summary: { vi: 'Chạy máy chủ ngôn ngữ (LSP) qua stdio, cho trình soạn thảo.', en: 'Run the language server (LSP) over stdio, for an editor.' },
    operands: { name: '', min: 0, max: 0 },
    options: {
      stdio: { type: 'boolean', required: true, help: { vi: 'nói chuyện qua stdin/stdout (cách duy nhất)', en: 'speak over stdin/stdout (the only transport)' } },
      clientProcessId: { type: 'string', value: 'PID', help: { vi: 'tiến trình của trình soạn thảo; máy chủ dừng khi nó dừng', en: 'the editor’s process; the server stops when it does' } },
    },
  } as const satisfies CommandSpec,
  // The server (vscode-languageserver) is loaded only by this command.
  () =>
    import('../lsp/server').then(({ startServer }) => {
      startServer();
      return -1;
    }),
);

/**
 * The subcommands, in the order the usage lists them. A new one is a
 * `subcommand(spec, run)` added here: its options are read, its `--help`
 * written and its usage errors reported like the others'.
 */
const SUBCOMMANDS: Subcommand[] = [
  CHECK,
  PARSE,
  // Listed here for the usage (main.ts runs `render` and `import` through export-commands.ts); their code loads when they run.
  lazySubcommand(RENDER_SPEC, async () => (await import('./render-command')).renderCommand(async (file) => workspaceOf(file))),
  lazySubcommand(IMPORT_SPEC, async () => (await import('./import-command')).IMPORT),
  lazySubcommand(REVIEW_SPEC, async () => (await import('./review-command')).reviewCommand((file) => workspaceOf(file))),
  newCommand((file) => workspaceOf(file).registry),
  registryCommand(() => workspaceOf(resolve('plan.kh')).registry),
  LSP,
];

const USAGE = `kehoach: kiểm tra và xử lý kế hoạch viết bằng cú pháp .kh / check and process plans written in .kh syntax

Cách dùng / Usage:
${SUBCOMMANDS.map((c) => `  ${synopsis(c.spec)}\n      ${c.spec.summary.vi}\n      ${c.spec.summary.en}`).join('\n')}
  kehoach --help | --version

kehoach LỆNH --help: cách dùng và các tùy chọn của lệnh / a command’s usage and options.
Mã thoát / Exit codes: 0 không có lỗi / no error, 1 có lỗi / an error was found, 2 sai cách dùng hoặc lỗi đọc tệp / usage or I/O error.`;

/** Runs the CLI; returns the exit code (-1: a server was started and keeps the process alive), or a promise of it. Output goes through the given writers so tests can capture it. */
export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number | Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? err : out)(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    out(VERSION);
    return 0;
  }
  if (name === 'help') {
    const command = SUBCOMMANDS.find((c) => c.spec.name === args[0]);
    out(command ? commandHelp(command.spec) : USAGE);
    return command || args.length === 0 ? 0 : 2;
  }
  const command = SUBCOMMANDS.find((c) => c.spec.name === name);
  if (!command) return reportFailure(new UsageError(`Lệnh không biết / Unknown command: ${name}`), terminalWriter(err), () => USAGE);
  return runSubcommand(command, args, out, err, () => USAGE);
}
