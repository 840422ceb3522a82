import { realpathSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocxInputError } from '../docx/input-error';
import { OutputPathError } from '../host/output-file';
import { isInside } from '../host/workspace-config';
import type { PlanService, Workspace } from '../service/plan-service';
import {
  CHECK_WORKSPACE,
  IMPORT,
  NEW_PLAN,
  PLAN_STATUS,
  REGISTRY_ENTRY,
  REVIEW,
  type CheckWorkspaceResult,
  type ImportParams,
  type ImportPlanResult,
  type NewPlanParams,
  type NewPlanResult,
  type PlanStatusParams,
  type RegistryEntryParams,
  type ReviewFileResult,
  type ReviewParams,
} from './protocol';
import { checkParams } from './request-params';
import type { WorkspaceSettings } from './workspace-settings';

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
 * The file a request asks the server to read from disk: only a `file:` URI
 * inside a workspace folder (a link out of it included); any other file
 * comes as bytes the client read. Else the reason it is refused.
 */
function fileInWorkspace(uri: string, folders: string[], onlyOnDisk: string): string | { error: string } {
  if (!uri.startsWith('file:')) return { error: onlyOnDisk };
  const file = fileURLToPath(uri);
  if (!folders.some((folder) => isInsideReally(file, folder))) {
    return {
      error:
        'Máy chủ chỉ đọc tệp trong thư mục làm việc; tệp khác do trình soạn thảo gửi nội dung / The server reads only files inside the workspace folders; for another file the editor sends its content',
    };
  }
  return file;
}

/** The name a file sent as bytes goes by: its path for a `file:` URI, else the URI. */
const nameOf = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);

/** A file read into a plan; the client opens the text as a new document. */
function importPlan({ connection, folders }: ServerParts): void {
  connection.onRequest(IMPORT, async (raw: unknown): Promise<ImportPlanResult | ResponseError<void>> => {
    const params = checkParams<ImportParams>(IMPORT, raw);
    if (params instanceof ResponseError) return params;
    try {
      // The import (and the Word and PDF readers) loads on the first import asked for.
      const { formatImportReport, importBytes, importFile } = await import('../host/import-file');
      if (params.content !== undefined) {
        const name = nameOf(params.uri);
        const result = await importBytes(Buffer.from(params.content, 'base64'), name);
        return { text: result.text, report: formatImportReport(name, result) };
      }
      const file = fileInWorkspace(params.uri, folders(), 'Chỉ nhập được tệp trên đĩa / Only a file on disk can be imported');
      if (typeof file !== 'string') return file;
      const result = await importFile(file);
      return { text: result.text, report: formatImportReport(file, result) };
    } catch (error) {
      return { error: `Không đọc được tệp / Could not read the file: ${(error as Error).message}` };
    }
  });
}

/**
 * A Word file reviewed, with its report: a file of the workspace into a copy
 * beside it (never over an existing file); a file sent as bytes into the
 * copy's bytes, which the client writes.
 */
function review({ connection, settings, folders }: ServerParts): void {
  connection.onRequest(REVIEW, async (raw: unknown): Promise<ReviewFileResult | ResponseError<void>> => {
    const params = checkParams<ReviewParams>(REVIEW, raw);
    if (params instanceof ResponseError) return params;
    try {
      const { reviewBeside, reviewBytes, reviewCopyPath, reviewSummary } = await import('../host/review-file');
      if (params.content !== undefined) {
        const { review } = await reviewBytes(Buffer.from(params.content, 'base64'), settings.settingsFor(params.uri), { suggest: params.suggest });
        const name = basename(reviewCopyPath(nameOf(params.uri)));
        return { reviewed: Buffer.from(review.bytes).toString('base64'), name, planText: review.planText, summary: reviewSummary(review) };
      }
      const file = fileInWorkspace(params.uri, folders(), 'Chỉ rà soát được tệp trên đĩa / Only a file on disk can be reviewed');
      if (typeof file !== 'string') return file;
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
