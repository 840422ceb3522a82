import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkPlan } from '../checks';
import { applySafeFixes } from '../checks/apply-fixes';
import type { PlanDiagnostic, PlanDocument } from '../model';
import type { Registry } from '../registry/registry';
import type { RegistryDocument } from '../registry/types';
import { planAsDocument } from '../registry/workspace';
import { parsePlan, type ParseResult } from '../syntax/parse';
import { workspaceConfigs, type FileReport, type LoadedWorkspaceConfig } from '../lsp/workspace-config';
import { writeAtomically } from './output-file';
import { renderCommand, RENDER_USAGE } from './render-command';
import { importCommand, IMPORT_USAGE } from './import-command';
import { newCommand, NEW_USAGE } from './new-command';
import { toSarif } from './sarif';
import { VERSION } from './version';

const USAGE = `kehoach: kiểm tra và xử lý kế hoạch viết bằng cú pháp .kh / check and process plans written in .kh syntax

Cách dùng / Usage:
  kehoach check FILES… [--format text|json|sarif] [--fix] [--timing]
  kehoach parse FILE [--format json]
${RENDER_USAGE}
${IMPORT_USAGE}
${NEW_USAGE}
  kehoach lsp --stdio                  máy chủ ngôn ngữ / the language server
  kehoach --help | --version

FILES có thể là thư mục: mọi tệp .kh trong đó được kiểm tra. Cấu hình: tệp kehoach.json
gần nhất ở thư mục của tệp hoặc thư mục cha (xem docs/configuration.md).
--fix áp dụng các sửa an toàn vào tệp (ghi nguyên tử), rồi báo những gì còn lại.
FILES may be folders: every .kh file in them is checked. Configuration: the nearest
kehoach.json in the file's folder or above (docs/configuration.md). --fix applies the
safe fixes to the files (atomically), then reports what is left.

Mã thoát / Exit codes: 0 không có lỗi / no error, 1 có lỗi / an error was found, 2 sai cách dùng hoặc lỗi đọc tệp / usage or I/O error.`;

class UsageError extends Error {}

interface Options {
  command: string;
  files: string[];
  format: string;
  timing: boolean;
  fix: boolean;
}

function parseArgs(argv: string[]): Options {
  const [command, ...rest] = argv;
  const options: Options = { command, files: [], format: command === 'parse' ? 'json' : 'text', timing: false, fix: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format' || arg === '-f') {
      const value = rest[++i];
      if (!value) throw new UsageError('--format cần một giá trị / --format needs a value');
      options.format = value;
    } else if (arg.startsWith('--format=')) options.format = arg.slice('--format='.length);
    else if (arg === '--timing') options.timing = true;
    else if (arg === '--fix' && command === 'check') options.fix = true;
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Tùy chọn không biết / Unknown option: ${arg}`);
    else options.files.push(arg);
  }
  return options;
}

/** Reads a file as UTF-8; invalid bytes become U+FFFD and a diagnostic, never an exception. */
export function readPlanFile(path: string): { text: string; encodingProblem: boolean } {
  const bytes = readFileSync(path);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encodingProblem: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), encodingProblem: true };
  }
}

/** Expands folders into the .kh files below them, sorted; files are kept as given. */
function expandFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.kh')) out.push(full);
    }
  };
  for (const path of paths) {
    const stat = statSync(path);
    if (stat.isDirectory()) walk(path);
    else out.push(path);
  }
  return out;
}

export type { FileReport };

/** The settings and registry of a workspace: its nearest kehoach.json, with the diagnostics of that file and its registry files. */
type Workspace = LoadedWorkspaceConfig;

const workspaces = workspaceConfigs();

/** The workspace of a file: its nearest kehoach.json, as the language server finds it. */
const workspaceOf = (file: string): Workspace => workspaces.of(dirname(resolve(file)));

const ENCODING_PROBLEM: PlanDiagnostic = {
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  severity: 'error',
  code: 'syntax',
  message: 'Tệp không phải văn bản UTF-8 hợp lệ; các byte hỏng được thay bằng � / The file is not valid UTF-8; broken bytes were replaced by �',
};

/**
 * Up to this much plan text (characters), the check of many files keeps each parse from reading the plans to
 * checking them. Past it, a plan is parsed again for its check and the models are let go, so that memory stays
 * bounded: a model takes about eight times its text, and the heap grows to a few times what it holds.
 */
const KEPT_PARSES_CHARS = 1_000_000;
/** Models of plans read again for the plans citing them (cascade checks), kept for the next citing plan. */
const CITED_MODELS_KEPT = 32;

function checkFiles(files: string[], options: Options, timing: { ms: number }): { reports: FileReport[]; fixed: number } {
  const parse = (text: string, workspace: Workspace) => {
    const started = performance.now();
    const parsed = parsePlan(text, { system: workspace.config.system });
    timing.ms += performance.now() - started;
    return parsed;
  };
  const read = files.map((file) => ({ file, ...readPlanFile(file), workspace: workspaceOf(file) }));
  const keep = read.reduce((n, r) => n + r.text.length, 0) <= KEPT_PARSES_CHARS;
  // First every plan is read as a document the others may cite; its model rides on its entry as a way to read it
  // again (the plans citing it by number need it).
  const cited = new Map<string, PlanDocument>();
  const inputs = read.map((input) => {
    const { file, text, workspace } = input;
    const first = parse(text, workspace);
    const facts = planAsDocument(first.document, file);
    const model = keep ? first.document : undefined;
    const modelOf = () => {
      if (model) return model;
      let again = cited.get(file);
      if (!again) {
        again = parse(text, workspace).document;
        // The oldest goes first.
        if (cited.size >= CITED_MODELS_KEPT) cited.delete(cited.keys().next().value!);
        cited.set(file, again);
      }
      return again;
    };
    const plan: RegistryDocument | undefined = facts && { ...facts, get plan() { return modelOf(); } };
    return { ...input, parsed: keep ? first : undefined, plan };
  });
  // The plans checked together are documents to each other: each plan is checked against the others, even when it
  // has no number yet (a new draft citing its parent). Each workspace's registry is extended with all the plans once,
  // and each plan's own are left out of it (extending it for each plan would index every plan once per plan).
  const plans = inputs.flatMap((i) => i.plan ?? []);
  const plansOfFile = new Map<string, RegistryDocument[]>();
  for (const plan of plans) plansOfFile.set(plan.sources[0], [...(plansOfFile.get(plan.sources[0]) ?? []), plan]);
  const withPlans = new Map<Workspace, Registry>();
  const reports: FileReport[] = [];
  let fixed = 0;
  for (const input of inputs) {
    const { file, encodingProblem, workspace } = input;
    const own = plansOfFile.get(file) ?? [];
    let registry = workspace.registry;
    if (plans.length > own.length) {
      if (!withPlans.has(workspace)) withPlans.set(workspace, workspace.registry.with({ documents: plans }));
      registry = withPlans.get(workspace)!.without(new Set(own));
    }
    let text = input.text;
    // The first check reuses the parse made above when it was kept; later passes (after fixes) parse the new text.
    const run = (given?: ParseResult) => {
      const started = performance.now();
      const parsed = given ?? parsePlan(text, { system: workspace.config.system });
      const diagnostics = checkPlan(parsed, { registry, config: workspace.config });
      timing.ms += performance.now() - started;
      return diagnostics;
    };
    let diagnostics = run(input.parsed);
    // What the check of the plan added to its parse (words, runs) goes with it; the model stays for the plans citing it.
    input.parsed = undefined;
    if (options.fix && !encodingProblem) {
      // Fixes can overlap: apply, re-check, until nothing safe is left (bounded).
      for (let pass = 0; pass < 5; pass++) {
        const result = applySafeFixes(text, diagnostics);
        if (result.applied === 0) break;
        fixed += result.applied;
        text = result.text;
        diagnostics = run();
      }
      if (text !== input.text) writeAtomically(file, text);
    }
    reports.push({ file, diagnostics: encodingProblem ? [ENCODING_PROBLEM, ...diagnostics] : diagnostics });
  }
  const configReports = [...new Set(inputs.map((i) => i.workspace))].flatMap((w) => w.reports);
  return { reports: [...configReports, ...reports], fixed };
}

function formatText(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of reports) {
    for (const d of diagnostics) {
      lines.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
    }
  }
  const count = (s: string) => reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === s).length, 0);
  lines.push(`${reports.length} tệp / files: ${count('error')} lỗi / errors, ${count('warning')} cảnh báo / warnings, ${count('information')} thông tin / information, ${count('hint')} gợi ý / hints`);
  return lines.join('\n');
}

function formatJson(reports: FileReport[]): string {
  const rows = reports.flatMap(({ file, diagnostics }) =>
    diagnostics.map((d) => ({ file, range: d.range, severity: d.severity, code: d.code, message: d.message, ...(d.fixes ? { fixes: d.fixes } : {}), ...(d.related ? { related: d.related } : {}) })),
  );
  return JSON.stringify(rows, null, 2);
}

/** Runs the CLI; returns the exit code (-1: a server was started and keeps the process alive), a promise of it for `render`. Output goes through the given writers so tests can capture it. */
export function run(argv: string[], out: (s: string) => void, err: (s: string) => void): number | Promise<number> {
  try {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      (argv.length === 0 ? err : out)(USAGE);
      return argv.length === 0 ? 2 : 0;
    }
    if (argv[0] === '--version') {
      out(VERSION);
      return 0;
    }
    if (argv[0] === 'lsp') {
      if (!argv.includes('--stdio')) throw new UsageError('kehoach lsp chỉ chạy qua stdio: kehoach lsp --stdio / kehoach lsp runs over stdio only');
      // The server (vscode-languageserver) is loaded only by this command.
      return import('../lsp/server').then(({ startServer }) => {
        startServer();
        return -1;
      });
    }
    if (argv[0] === 'render') return renderCommand(argv.slice(1), (file) => readPlanFile(file).text, out, err).catch((error) => reportFailure(error, err));
    if (argv[0] === 'import') return importCommand(argv.slice(1), out, err).catch((error) => reportFailure(error, err));
    if (argv[0] === 'new') return newCommand(argv.slice(1), { expandFiles, registryOf: (file) => workspaceOf(file).registry }, out, err);
    const options = parseArgs(argv);
    if (options.files.length === 0) throw new UsageError('Chưa có tệp nào / No file given');
    const timing = { ms: 0 };
    switch (options.command) {
      case 'check': {
        if (!['text', 'json', 'sarif'].includes(options.format)) throw new UsageError(`--format phải là text, json hoặc sarif / must be text, json or sarif: ${options.format}`);
        const { reports, fixed } = checkFiles(expandFiles(options.files), options, timing);
        const shown = reports.map((r) => ({ ...r, file: relative(process.cwd(), r.file) || r.file }));
        if (options.fix) err(`kehoach: đã áp dụng ${fixed} sửa an toàn / applied ${fixed} safe fixes`);
        out(options.format === 'json' ? formatJson(shown) : options.format === 'sarif' ? JSON.stringify(toSarif(shown), null, 2) : formatText(shown));
        if (options.timing) err(`kehoach: parse + check ${timing.ms.toFixed(1)} ms`);
        return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
      }
      case 'parse': {
        if (options.format !== 'json') throw new UsageError(`parse chỉ có --format json / parse only supports --format json`);
        if (options.files.length !== 1) throw new UsageError('parse nhận đúng một tệp / parse takes exactly one file');
        const { text } = readPlanFile(options.files[0]);
        const started = performance.now();
        const parsed = parsePlan(text);
        timing.ms += performance.now() - started;
        out(JSON.stringify({ document: parsed.document, diagnostics: parsed.diagnostics }, null, 2));
        if (options.timing) err(`kehoach: parse ${timing.ms.toFixed(1)} ms`);
        return parsed.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
      }
      default:
        throw new UsageError(`Lệnh không biết / Unknown command: ${options.command}`);
    }
  } catch (error) {
    return reportFailure(error, err);
  }
}

/** The exit code and message of a failed command: 2, with the usage for a usage error. */
function reportFailure(error: unknown, err: (s: string) => void): number {
  if (error instanceof UsageError) {
    err(`kehoach: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  const e = error as NodeJS.ErrnoException;
  if (e.code && e.path) {
    const reason = e.code === 'ENOENT' ? 'không có tệp này / no such file' : e.code === 'EISDIR' ? 'là thư mục / is a folder' : e.code === 'EACCES' ? 'không có quyền đọc / permission denied' : e.code;
    err(`kehoach: ${e.path}: ${reason}`);
    return 2;
  }
  err(`kehoach: lỗi nội bộ / internal error: ${e.message}`);
  return 2;
}
