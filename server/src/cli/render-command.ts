import { resolve } from 'node:path';
import type { PlanDocument } from '../model';
import { parsePlan } from '../syntax/parse';
import { exportTarget, reportingRefusedTargets, writeAtomically } from './output-file';

/** The formats a plan is exported to, by their file extension. */
export const EXPORT_FORMATS = ['html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The bytes of a plan in a format, from its layout. The layout and each renderer (its library, the fonts) are loaded when a plan is first exported to its format, so that commands and servers that never export do not load them. */
export async function renderPlanBytes(document: PlanDocument, format: ExportFormat): Promise<Uint8Array> {
  const layout = (await import('../layout')).layoutPlan(document);
  switch (format) {
    case 'html':
      return new TextEncoder().encode((await import('../render/html')).renderStandaloneHtml(layout));
    case 'docx':
      return (await import('../render/docx')).renderDocx(layout);
    case 'pdf':
      return (await import('../render/pdf')).renderPdf(layout);
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

export const RENDER_USAGE = '  kehoach render FILE --to html|docx|pdf [-o OUT]   xuất bản trình bày / export the official layout';

/** `kehoach render FILE --to html|docx|pdf [-o OUT]`: exit 0 written, 2 usage or I/O error. */
export async function renderCommand(args: string[], readText: (file: string) => string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let format: string | undefined;
  let output: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--to' || arg === '-t') format = args[++i];
    else if (arg.startsWith('--to=')) format = arg.slice('--to='.length);
    else if (arg === '-o' || arg === '--output') output = args[++i];
    else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if (arg.startsWith('-')) return usage(err, `Tùy chọn không biết / Unknown option: ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) return usage(err, 'render nhận đúng một tệp / render takes exactly one file');
  if (!format || !isExportFormat(format)) return usage(err, `--to phải là html, docx hoặc pdf / --to must be html, docx or pdf${format ? `: ${format}` : ''}`);
  if (output === '') return usage(err, '-o cần một đường dẫn / -o needs a path');
  const source = resolve(files[0]);
  return reportingRefusedTargets(err, async () => {
    // Checked before reading and rendering, so a refused target costs nothing.
    exportTarget(source, `.${format}`, output);
    const { document } = parsePlan(readText(source));
    out(await exportPlan(document, source, format, output));
    return 0;
  });
}

function usage(err: (s: string) => void, message: string): number {
  err(`kehoach: ${message}\n${RENDER_USAGE}`);
  return 2;
}
