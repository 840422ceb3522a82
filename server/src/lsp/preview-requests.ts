import { fileURLToPath } from 'node:url';
import { ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { exportPlan } from '../host/export-plan';
import { OutputPathError } from '../host/output-file';
import type { PlanService } from '../service/plan-service';
import type { ExportMethod, ExportParams, ExportResult, PreviewMethod, PreviewParams, PreviewResult } from './protocol';
import { checkParams } from './request-params';

const PREVIEW: PreviewMethod = 'kehoach/preview';
const EXPORT: ExportMethod = 'kehoach/export';

/**
 * The preview and export requests (types in `protocol.ts`). Each finds the
 * open document, answers empty (`null`, or an error message for export) when
 * there is none, and works from the service's analysis of that version: the
 * preview shows unsaved text and the findings of the same parse.
 */
export function registerPreviewRequests(connection: Connection, documents: TextDocuments<TextDocument>, service: PlanService): void {
  connection.onRequest(PREVIEW, async (raw: unknown): Promise<PreviewResult | null | ResponseError<void>> => {
    const params = checkParams<PreviewParams>(PREVIEW, raw);
    if (params instanceof ResponseError) return params;
    const document = documents.get(params.uri);
    if (!document) return null;
    // The layout and the HTML renderer (with the fonts the preview shell embeds) load on the first preview, not at start-up.
    const [{ layoutPlan }, { renderPreviewPages, renderPreviewShell }] = await Promise.all([import('../layout'), import('../render/html-preview')]);
    const { parsed, diagnostics } = service.analyse(document);
    const marks = diagnostics.map((d) => ({ range: d.range, severity: d.severity, message: `${d.code}: ${d.message}` }));
    const pages = renderPreviewPages(layoutPlan(parsed.document), marks);
    return { version: document.version, body: pages.body, css: pages.css, pageCount: pages.pageCount, ...(params.shell ? { shell: renderPreviewShell(pages, params.shell) } : {}) };
  });

  connection.onRequest(EXPORT, async (raw: unknown): Promise<ExportResult | ResponseError<void>> => {
    const params = checkParams<ExportParams>(EXPORT, raw);
    if (params instanceof ResponseError) return params;
    const document = documents.get(params.uri);
    if (!document) return { error: `Tài liệu chưa mở / The document is not open: ${params.uri}` };
    if (!params.uri.startsWith('file:')) return { error: 'Chỉ xuất được kế hoạch đã lưu thành tệp / Only a plan saved as a file can be exported' };
    try {
      return { path: await exportPlan(service.analyse(document).parsed.document, fileURLToPath(params.uri), params.format) };
    } catch (error) {
      if (error instanceof OutputPathError) return { error: error.message };
      const e = error as NodeJS.ErrnoException;
      return { error: `Không ghi được tệp / Could not write the file: ${e.message}` };
    }
  });
}
