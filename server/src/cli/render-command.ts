import { resolve } from 'node:path';
import type { PlanDocument } from '../model';
import { parsePlan } from '../syntax/parse';
import { subcommand, type CommandSpec } from './arguments';
import { exportTarget, reportingRefusedTargets, writeAtomically } from './output-file';
import { readPlanFile } from './plan-files';

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

export const RENDER = subcommand(
  {
    name: 'render',
    summary: { vi: 'Xuất bản trình bày chính thức (A4) của kế hoạch ra HTML, DOCX hoặc PDF.', en: 'Export the official (A4) layout of a plan to HTML, DOCX or PDF.' },
    operands: { name: 'FILE', min: 1, max: 1 },
    options: {
      to: { type: 'string', short: 't', choices: EXPORT_FORMATS, required: true, help: { vi: 'định dạng xuất', en: 'the format to export to' } },
      output: { type: 'string', short: 'o', value: 'OUT', help: { vi: 'tệp đích (mặc định: cạnh tệp nguồn, đuôi theo định dạng)', en: 'the output file (default: beside the source, with the format’s extension)' } },
    },
  } as const satisfies CommandSpec,
  async (values, [file], { out, err }) => {
    const format = values.to as ExportFormat;
    const source = resolve(file);
    return reportingRefusedTargets(err, async () => {
      // Checked before reading and rendering, so a refused target costs nothing.
      exportTarget(source, `.${format}`, values.output);
      const { document } = parsePlan(readPlanFile(source).text);
      out(await exportPlan(document, source, format, values.output));
      return 0;
    });
  },
);
