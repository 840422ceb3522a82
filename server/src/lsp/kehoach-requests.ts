import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocxInputError } from '../docx/input-error';
import { OutputPathError } from '../host/output-file';
import { isInside } from '../host/workspace-config';
import type { PlanService, Workspace } from '../service/plan-service';
import type { CheckWorkspaceMethod, CheckWorkspaceResult, ImportMethod, ImportParams, ImportPlanResult, NewPlanMethod, NewPlanParams, NewPlanResult, PlanStatusMethod, PlanStatusParams, RegistryEntryMethod, RegistryEntryParams, ReviewFileResult, ReviewMethod, ReviewParams } from './protocol';
import { checkParams } from './request-params';
import type { WorkspaceSettings } from './workspace-settings';

const REGISTRY_ENTRY: RegistryEntryMethod = 'kehoach/registryEntry';
const PLAN_STATUS: PlanStatusMethod = 'kehoach/planStatus';
const CHECK_WORKSPACE: CheckWorkspaceMethod = 'kehoach/checkWorkspace';
const NEW_PLAN: NewPlanMethod = 'kehoach/newPlan';
const IMPORT: ImportMethod = 'kehoach/import';
const REVIEW: ReviewMethod = 'kehoach/review';

/** What kehoach's own requests work with. */
export interface ServerParts {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspace: Workspace;
  service: PlanService;
  settings: WorkspaceSettings;
  /** The workspace folders on disk, as last announced. */
  folders(): string[];
}

/** True when `file`, its links resolved, lies in `folder` (also resolved); false for a file that does not exist. */
function isInsideReally(file: string, folder: string): boolean {
  try {
    return isInside(realpathSync(file), realpathSync(folder));
  } catch {
    return false;
  }
}

/**
 * Checks every plan of the workspace, open or not, publishes their
 * diagnostics (so the Problems panel lists them all) and returns the counts.
 */
function checkWorkspace({ connection, documents, workspace, service }: ServerParts): void {
  connection.onRequest(CHECK_WORKSPACE, (_params: unknown, token) => {
    const totals: CheckWorkspaceResult = { files: 0, errors: 0, warnings: 0 };
    for (const uri of workspace.listDocuments()) {
      if (token.isCancellationRequested) break;
      const document = workspace.readDocument(uri);
      if (!document) continue;
      const diagnostics = service.getDiagnostics(document, token);
      totals.files++;
      totals.errors += diagnostics.filter((d) => d.severity === 1).length;
      totals.warnings += diagnostics.filter((d) => d.severity === 2).length;
      void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics });
    }
    return totals;
  });
}

/**
 * A file read into a plan; the client opens the text as a new document.
 * The server reads from disk only a file inside a workspace folder (a link
 * out of it included); any other file comes as bytes the client read.
 */
function importPlan({ connection, folders }: ServerParts): void {
  connection.onRequest(IMPORT, async (raw: unknown): Promise<ImportPlanResult | ResponseError<void>> => {
    const params = checkParams<ImportParams>(IMPORT, raw);
    if (params instanceof ResponseError) return params;
    try {
      // The import (and the Word and PDF readers) loads on the first import asked for.
      const { formatImportReport, importBytes, importFile } = await import('../host/import-file');
      const name = params.uri.startsWith('file:') ? fileURLToPath(params.uri) : params.uri;
      if (params.content !== undefined) {
        const result = await importBytes(Buffer.from(params.content, 'base64'), name);
        return { text: result.text, report: formatImportReport(name, result) };
      }
      if (!params.uri.startsWith('file:')) return { error: 'Chỉ nhập được tệp trên đĩa / Only a file on disk can be imported' };
      if (!folders().some((folder) => isInsideReally(name, folder))) {
        return { error: 'Máy chủ chỉ đọc tệp trong thư mục làm việc; tệp khác do trình soạn thảo gửi nội dung / The server reads only files inside the workspace folders; for another file the editor sends its content' };
      }
      const result = await importFile(name);
      return { text: result.text, report: formatImportReport(name, result) };
    } catch (error) {
      return { error: `Không đọc được tệp / Could not read the file: ${(error as Error).message}` };
    }
  });
}

/** A Word file reviewed into a copy beside it, with its report. */
function review({ connection, settings }: ServerParts): void {
  connection.onRequest(REVIEW, async (raw: unknown): Promise<ReviewFileResult | ResponseError<void>> => {
    const params = checkParams<ReviewParams>(REVIEW, raw);
    if (params instanceof ResponseError) return params;
    if (!params.uri.startsWith('file:')) return { error: 'Chỉ rà soát được tệp trên đĩa / Only a file on disk can be reviewed' };
    const file = fileURLToPath(params.uri);
    try {
      const { reviewBeside, reviewSummary } = await import('../host/review-file');
      const { review, targets } = await reviewBeside(file, settings.settingsFor(params.uri), { suggest: params.suggest });
      return { output: targets.docx, planText: review.planText, summary: reviewSummary(review, targets.docx) };
    } catch (error) {
      if (error instanceof DocxInputError || error instanceof OutputPathError) return { error: error.message };
      return { error: `Không rà soát được tệp / Could not review the file: ${(error as Error).message}` };
    }
  });
}

/**
 * kehoach's own requests (types in `protocol.ts`, parameters checked by
 * `request-params.ts`) beside the preview's: the registry entry go to
 * definition opened, the status bar's plan status, the check of the whole
 * workspace, a new plan, an import and a review.
 */
export function registerKehoachRequests(parts: ServerParts): void {
  const { connection, documents, service, settings, folders } = parts;
  connection.onRequest(REGISTRY_ENTRY, (raw: unknown) => {
    const params = checkParams<RegistryEntryParams>(REGISTRY_ENTRY, raw);
    return params instanceof ResponseError ? params : (service.getRegistryEntry(params.uri) ?? null);
  });
  connection.onRequest(PLAN_STATUS, (raw: unknown, token) => {
    const params = checkParams<PlanStatusParams>(PLAN_STATUS, raw);
    if (params instanceof ResponseError) return params;
    const document = documents.get(params.uri);
    return document ? service.getPlanStatus(document, token) : null;
  });
  connection.onRequest(NEW_PLAN, (raw: unknown): NewPlanResult | ResponseError<void> => {
    const params = checkParams<NewPlanParams>(NEW_PLAN, raw);
    if (params instanceof ResponseError) return params;
    // A new plan has no place yet: the registry of the first workspace folder's kehoach.json.
    const plan = service.getNewPlan(params, settings.registryAt(folders()[0]));
    return { text: plan.text, notes: plan.notes, tasks: plan.tasks.length };
  });
  checkWorkspace(parts);
  importPlan(parts);
  review(parts);
}
