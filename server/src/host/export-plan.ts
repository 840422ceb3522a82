import { createHash } from 'node:crypto';
import { basename, dirname, extname, join } from 'node:path';
import type { PlanDocument } from '../model';
import { isEofficeMetadata } from '../render/eoffice-metadata';
import { isKehoachExport } from '../render/export-marks';
import type { ExportFormat } from './export-formats';
import { outputTarget, writeAtomically, type OutputRules } from './output-file';

/**
 * A plan exported to a file: the bytes of each format from the plan's
 * layout, and the targets it may be written to. `kehoach render` and the
 * editor's `kehoach/export` both write through here.
 */

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
