import { resolve } from 'node:path';
import type { CheckConfig } from '../checks/rule';
import type { ExportFormat } from '../host/export-formats';
import { exportPdfWithMetadata, exportPlan, exportRules, pdfWithMetadataTargets, renderPlanBytes } from '../host/export-plan';
import { outputTarget, reportingRefusedTargets, writeAtomically } from '../host/output-file';
import { readPlanFile } from '../host/plan-files';
import type { Registry } from '../registry/registry';
import { parsePlan } from '../syntax/parse';
import { subcommand, UsageError } from './arguments';
import { RENDER_SPEC } from './command-specs';
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
