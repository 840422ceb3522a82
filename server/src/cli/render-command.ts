import { resolve } from 'node:path';
import { layoutPlan } from '../layout';
import type { PlanDocument } from '../model';
import { renderDocx } from '../render/docx';
import { renderStandaloneHtml } from '../render/html';
import { renderPdf } from '../render/pdf';
import { checkPlan } from '../checks';
import type { CheckConfig } from '../checks/rule';
import { readWordDocument } from '../docx/word-document';
import type { Registry } from '../registry/registry';
import { reviewDocument } from '../review/review';
import { parsePlan } from '../syntax/parse';
import { exportTarget, reportingRefusedTargets, writeAtomically } from './output-file';

/** The formats a plan is exported to, by their file extension. */
export const EXPORT_FORMATS = ['html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The bytes of a plan in a format, from its layout. */
export async function renderPlanBytes(document: PlanDocument, format: ExportFormat): Promise<Uint8Array> {
  const layout = layoutPlan(document);
  switch (format) {
    case 'html':
      return new TextEncoder().encode(renderStandaloneHtml(layout));
    case 'docx':
      return renderDocx(layout);
    case 'pdf':
      return renderPdf(layout);
  }
}

/**
 * Exports a plan, given as its parsed model, beside its source file (or to
 * `output`): never over the source, atomically, into an existing folder.
 * Returns the path written. Throws `OutputPathError` for a refused target.
 */
export async function exportPlan(document: PlanDocument, source: string, format: ExportFormat, output?: string): Promise<string> {
  const target = exportTarget(source, `.${format}`, output);
  const bytes = await renderPlanBytes(document, format);
  writeAtomically(target, bytes);
  return target;
}

export const RENDER_USAGE =
  '  kehoach render FILE --to html|docx|pdf [-o OUT] [--comments]\n                                       xuất bản trình bày (--comments: các phát hiện thành nhận xét Word) / export the official layout (--comments: findings as Word comments)';

/**
 * `kehoach render FILE --to html|docx|pdf [-o OUT] [--comments]`: exit 0 written, 2 usage or I/O error.
 * With `--comments` (DOCX only) the plan's open findings, checked with `settingsOf` the file's folder,
 * go along as Word comments on their words.
 */
export async function renderCommand(
  args: string[],
  readText: (file: string) => string,
  out: (s: string) => void,
  err: (s: string) => void,
  settingsOf?: (file: string) => { registry: Registry; config: CheckConfig },
): Promise<number> {
  let format: string | undefined;
  let output: string | undefined;
  let comments = false;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--comments') comments = true;
    else if (arg === '--to' || arg === '-t') format = args[++i];
    else if (arg.startsWith('--to=')) format = arg.slice('--to='.length);
    else if (arg === '-o' || arg === '--output') output = args[++i];
    else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if (arg.startsWith('-')) return usage(err, `Tùy chọn không biết / Unknown option: ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) return usage(err, 'render nhận đúng một tệp / render takes exactly one file');
  if (!format || !isExportFormat(format)) return usage(err, `--to phải là html, docx hoặc pdf / --to must be html, docx or pdf${format ? `: ${format}` : ''}`);
  if (output === '') return usage(err, '-o cần một đường dẫn / -o needs a path');
  if (comments && format !== 'docx') return usage(err, '--comments chỉ dùng với --to docx / --comments goes with --to docx only');
  const source = resolve(files[0]);
  return reportingRefusedTargets(err, async () => {
    // Checked before reading and rendering, so a refused target costs nothing.
    const target = exportTarget(source, `.${format}`, output);
    const text = readText(source);
    const parsed = parsePlan(text);
    if (!comments) {
      out(await exportPlan(parsed.document, source, format, output));
      return 0;
    }
    const diagnostics = checkPlan(parsed, settingsOf?.(source));
    const exported = readWordDocument(await renderPlanBytes(parsed.document, 'docx'));
    const { bytes, findings } = reviewDocument(exported, text, diagnostics, { date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
    writeAtomically(target, bytes);
    out(target);
    err(`kehoach: ${findings.length} nhận xét / comments`);
    return 0;
  });
}

function usage(err: (s: string) => void, message: string): number {
  err(`kehoach: ${message}\n${RENDER_USAGE}`);
  return 2;
}
