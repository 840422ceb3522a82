import { resolve } from 'node:path';
import type { CheckConfig } from '../checks/rule';
import { EXPORT_FORMATS, exportPdfWithMetadata, exportPlan, exportRules, pdfWithMetadataTargets, renderPlanBytes, type ExportFormat } from '../host/export-plan';
import { outputTarget, reportingRefusedTargets, writeAtomically } from '../host/output-file';
import { readPlanFile } from '../host/plan-files';
import type { Registry } from '../registry/registry';
import { parsePlan } from '../syntax/parse';
import { subcommand, UsageError, type CommandSpec } from './arguments';
import { startProgress } from './progress';

/** A plan this long (characters) takes seconds to export (the PDF's line breaking above all). */
const LARGE_PLAN_CHARS = 200_000;

/** A DOCX of the plan with its open findings as Word comments on their words (`render --comments`). */
async function docxWithComments(text: string, settings: { registry: Registry; config: CheckConfig }): Promise<{ bytes: Uint8Array; comments: number }> {
  const parsed = parsePlan(text, { system: settings.config.system });
  const { checkPlan } = await import('../checks');
  const { readWordDocument } = await import('../docx/word-document');
  const { reviewDocument } = await import('../review/review');
  const exported = readWordDocument(await renderPlanBytes(parsed.document, 'docx'));
  const { bytes, findings } = reviewDocument(exported, text, checkPlan(parsed, settings), { date: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
  return { bytes, comments: findings.length };
}

const RENDER_SPEC = {
  name: 'render',
  summary: { vi: 'Xuất bản trình bày chính thức (A4) của kế hoạch ra HTML, DOCX hoặc PDF.', en: 'Export the official (A4) layout of a plan to HTML, DOCX or PDF.' },
  operands: { name: 'FILE', min: 1, max: 1 },
  options: {
    to: { type: 'string', short: 't', choices: EXPORT_FORMATS, required: true, help: { vi: 'định dạng xuất', en: 'the format to export to' } },
    output: {
      type: 'string',
      short: 'o',
      value: 'OUT',
      help: { vi: 'tệp đích, đuôi theo định dạng (mặc định: cạnh tệp nguồn)', en: 'the output file, with the format’s extension (default: beside the source)' },
    },
    force: { type: 'boolean', help: { vi: 'ghi đè cả tệp không phải bản xuất trước đó của kehoach', en: 'replace even a file that is not an earlier export of kehoach' } },
    metadata: {
      type: 'boolean',
      help: {
        vi: 'với --to pdf: ghi thêm thông tin văn bản cho hệ thống quản lý văn bản điện tử (Phụ lục VI Nghị định 30/2020) thành .metadata.json và .metadata.xml cạnh tệp PDF',
        en: 'with --to pdf: also write the document’s e-office metadata (Decree 30/2020, Appendix VI) as .metadata.json and .metadata.xml beside the PDF',
      },
    },
    comments: { type: 'boolean', help: { vi: 'DOCX: các phát hiện còn mở thành nhận xét Word trên đúng chữ', en: 'DOCX: the open findings as Word comments on their words' } },
    progress: { type: 'boolean', help: { vi: 'in từng bước ra stderr (trên terminal tự hiện với kế hoạch lớn)', en: 'print each step on stderr (on a terminal it shows for a large plan anyway)' } },
  },
} as const satisfies CommandSpec;

/** `kehoach render`; `settingsOf` gives a file's registry and configuration, for `--comments` (loaded then only: an export needs neither). */
export const renderCommand = (settingsOf: (file: string) => Promise<{ registry: Registry; config: CheckConfig }>) =>
  subcommand(RENDER_SPEC, async (values, [file], { out, err }) => {
    const format = values.to as ExportFormat;
    if (values.metadata && format !== 'pdf') throw new UsageError(`--metadata chỉ đi với --to pdf / --metadata goes with --to pdf only`, RENDER_SPEC);
    const source = resolve(file);
    if (values.metadata)
      return reportingRefusedTargets(err, async () => {
        pdfWithMetadataTargets(source, values.output, values.force);
        const { document } = parsePlan(readPlanFile(source, err).text);
        for (const path of await exportPdfWithMetadata(document, source, values.output, values.force)) out(path);
        return 0;
      });
    return reportingRefusedTargets(err, async () => {
      // Checked before reading and rendering, so a refused target costs nothing.
      outputTarget(source, values.output, exportRules(format, values.force));
      const text = readPlanFile(source, err).text;
      if (values.comments) {
        if (format !== 'docx') throw new UsageError('--comments chỉ dùng với --to docx / --comments goes with --to docx only', RENDER_SPEC);
        const target = outputTarget(source, values.output, exportRules(format, values.force));
        const { bytes, comments } = await docxWithComments(text, await settingsOf(source));
        writeAtomically(target, bytes);
        out(target);
        err(`kehoach: ${comments} nhận xét / comments`);
        return 0;
      }
      // The steps run without a pause for a timer, so on a terminal they show from the start for a plan large enough to take seconds.
      const progress = startProgress(process.stderr, values.progress === true || text.length > LARGE_PLAN_CHARS);
      progress.show('kehoach: đọc kế hoạch / reading the plan');
      try {
        out(await exportPlan(parsePlan(text).document, source, format, values.output, values.force, (step) => progress.show(step)));
      } finally {
        progress.end();
      }
      return 0;
    });
  });
