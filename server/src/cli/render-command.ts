import { resolve } from 'node:path';
import type { PlanDocument } from '../model';
import { isKehoachExport } from '../render/export-marks';
import { parsePlan } from '../syntax/parse';
import { subcommand, type CommandSpec } from './arguments';
import { outputTarget, reportingRefusedTargets, writeAtomically, type OutputRules } from './output-file';
import { readPlanFile } from './plan-files';
import { startProgress } from './progress';

/** A plan this long (characters) takes seconds to export (the PDF's line breaking above all). */
const LARGE_PLAN_CHARS = 200_000;

/** The formats a plan is exported to, by their file extension. */
export const EXPORT_FORMATS = ['html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The bytes of a plan in a format, from its layout. The layout and each renderer (its library, the fonts) are loaded when a plan is first exported to its format, so that commands and servers that never export do not load them. */
export async function renderPlanBytes(document: PlanDocument, format: ExportFormat, stage: (text: string) => void = () => {}): Promise<Uint8Array> {
  stage('kehoach: dàn trang / laying out the pages');
  const layout = (await import('../layout')).layoutPlan(document);
  stage(`kehoach: xuất ${format.toUpperCase()} / writing the ${format.toUpperCase()}`);
  switch (format) {
    case 'html':
      return new TextEncoder().encode((await import('../render/html')).renderStandaloneHtml(layout));
    case 'docx':
      return (await import('../render/docx')).renderDocx(layout);
    case 'pdf':
      return (await import('../render/pdf')).renderPdf(layout);
  }
}

/** The rules of an export's output: the format's extensions; an existing file is replaced only when it is an earlier export of the same format, or with `force`. */
export function exportRules(format: ExportFormat, force = false): OutputRules {
  const name = format.toUpperCase();
  return {
    extensions: format === 'html' ? ['.html', '.htm'] : [`.${format}`],
    isEarlierOutput: (bytes) => isKehoachExport(format, bytes),
    kind: { vi: `bản xuất ${name}`, en: `${name} export` },
    force,
  };
}

/**
 * Exports a plan, given as its parsed model, beside its source file (or to
 * `output`): never over the source nor over a file that is not an earlier
 * export of the same format (unless `force`), atomically, into an existing
 * folder. Returns the path written. Throws `OutputPathError` for a refused target.
 */
export async function exportPlan(document: PlanDocument, source: string, format: ExportFormat, output?: string, force = false, stage?: (text: string) => void): Promise<string> {
  const target = outputTarget(source, output, exportRules(format, force));
  const bytes = await renderPlanBytes(document, format, stage);
  stage?.('kehoach: ghi tệp / writing the file');
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
      output: { type: 'string', short: 'o', value: 'OUT', help: { vi: 'tệp đích, đuôi theo định dạng (mặc định: cạnh tệp nguồn)', en: 'the output file, with the format’s extension (default: beside the source)' } },
      force: { type: 'boolean', help: { vi: 'ghi đè cả tệp không phải bản xuất trước đó của kehoach', en: 'replace even a file that is not an earlier export of kehoach' } },
      progress: { type: 'boolean', help: { vi: 'in từng bước ra stderr (trên terminal tự hiện với kế hoạch lớn)', en: 'print each step on stderr (on a terminal it shows for a large plan anyway)' } },
    },
  } as const satisfies CommandSpec,
  async (values, [file], { out, err }) => {
    const format = values.to as ExportFormat;
    const source = resolve(file);
    return reportingRefusedTargets(err, async () => {
      // Checked before reading and rendering, so a refused target costs nothing.
      outputTarget(source, values.output, exportRules(format, values.force));
      const { text } = readPlanFile(source);
      // The steps run without a pause for a timer, so on a terminal they show from the start for a plan large enough to take seconds.
      const progress = startProgress(process.stderr, values.progress === true || text.length > LARGE_PLAN_CHARS);
      progress.show('kehoach: đọc kế hoạch / reading the plan');
      const { document } = parsePlan(text);
      try {
        out(await exportPlan(document, source, format, values.output, values.force, (step) => progress.show(step)));
      } finally {
        progress.end();
      }
      return 0;
    });
  },
);
