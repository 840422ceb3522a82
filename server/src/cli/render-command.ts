import { createHash } from 'node:crypto';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { PlanDocument } from '../model';
import { isEofficeMetadata } from '../render/eoffice-metadata';
import { isKehoachExport } from '../render/export-marks';
import type { CheckConfig } from '../checks/rule';
import type { Registry } from '../registry/registry';
import { parsePlan } from '../syntax/parse';
import { subcommand, UsageError, type CommandSpec } from './arguments';
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

/**
 * Where a PDF export with its metadata goes: the PDF as `exportPlan` puts
 * it, the metadata beside it (`plan.pdf` → `plan.metadata.json`,
 * `plan.metadata.xml`), each target refused as `outputTarget` refuses one.
 */
export function pdfWithMetadataTargets(source: string, output: string | undefined, force = false): { pdf: string; json: string; xml: string } {
  const pdf = outputTarget(source, output, exportRules('pdf', force));
  const stem = join(dirname(pdf), basename(pdf, extname(pdf)));
  return { pdf, json: outputTarget(undefined, `${stem}.metadata.json`, metadataRules('json', force)), xml: outputTarget(undefined, `${stem}.metadata.xml`, metadataRules('xml', force)) };
}

function metadataRules(format: 'json' | 'xml', force: boolean): OutputRules {
  return {
    extensions: [`.${format}`],
    isEarlierOutput: (bytes) => isEofficeMetadata(format, bytes),
    kind: { vi: `thông tin văn bản ${format.toUpperCase()}`, en: `${format.toUpperCase()} metadata` },
    force,
  };
}

/**
 * Exports a plan to PDF with its e-office metadata (Nghị định 30/2020, Phụ
 * lục VI) as JSON and XML beside it. Every target is checked before anything
 * is written, so a refused one leaves all three as they were. Returns the
 * paths written, the PDF first.
 */
export async function exportPdfWithMetadata(document: PlanDocument, source: string, output?: string, force = false): Promise<string[]> {
  const { pdf: pdfTarget, json, xml } = pdfWithMetadataTargets(source, output, force);
  const layout = (await import('../layout')).layoutPlan(document);
  const { renderPdfFile } = await import('../render/pdf');
  const { eofficeJson, eofficeMetadata, eofficeXml } = await import('../render/eoffice-metadata');
  const pdf = await renderPdfFile(layout);
  const metadata = eofficeMetadata(layout, { name: basename(pdfTarget), sizeBytes: pdf.bytes.length, sha256: createHash('sha256').update(pdf.bytes).digest('hex'), pageCount: pdf.pageCount });
  writeAtomically(pdfTarget, pdf.bytes);
  writeAtomically(json, eofficeJson(metadata));
  writeAtomically(xml, eofficeXml(metadata));
  return [pdfTarget, json, xml];
}

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
    output: { type: 'string', short: 'o', value: 'OUT', help: { vi: 'tệp đích, đuôi theo định dạng (mặc định: cạnh tệp nguồn)', en: 'the output file, with the format’s extension (default: beside the source)' } },
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

/** `kehoach render`; `settingsOf` gives a file's registry and configuration, for `--comments`. */
export const renderCommand = (settingsOf: (file: string) => { registry: Registry; config: CheckConfig }) =>
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
        const { bytes, comments } = await docxWithComments(text, settingsOf(source));
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
