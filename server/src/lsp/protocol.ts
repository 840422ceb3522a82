/**
 * The custom requests between the VS Code client and the server, beyond LSP.
 * Both sides import the method names from here, spelled once, and the rest
 * as types only (`import type`); the client bundle carries these constants
 * and none of the server (this file imports nothing at run time).
 */

/**
 * The largest file a client sends as bytes (`content` of `kehoach/import`
 * and `kehoach/review`): its base64 (86 MB) fits in a message the server
 * reads (`stdio-transport.ts`); a larger one only the server reads, from a
 * workspace folder.
 */
export const MAX_SENT_FILE_BYTES = 64 * 1024 * 1024;

/** `kehoach/preview`: the official layout of an open plan, as HTML. */
export const PREVIEW = 'kehoach/preview';

export interface PreviewParams {
  uri: string;
  /**
   * Present for the first rendering: the whole webview document (policy,
   * typeface, script) is returned in `shell`. Absent for updates, which only
   * carry the pages and their classes.
   */
  shell?: { nonce: string; cspSource: string };
}

export interface PreviewResult {
  /** The document version the pages show. */
  version: number;
  /** The pages' markup (`data-line` on every block, findings marked). */
  body: string;
  /** The classes the pages use. */
  css: string;
  pageCount: number;
  /** The whole webview document, when `shell` was asked for. */
  shell?: string;
}

/** `kehoach/export`: writes an open plan as HTML, DOCX or PDF beside its file. */
export const EXPORT = 'kehoach/export';

export type ExportFormat = 'html' | 'docx' | 'pdf';

export interface ExportParams {
  uri: string;
  format: ExportFormat;
}

/** Either the path written or the reason it was refused (Vietnamese / English). */
export type ExportResult = { path: string } | { error: string };

/** `kehoach/registryEntry`: the text of a `kehoach-registry:` document that go to definition pointed at; null for an unknown entry. */
export const REGISTRY_ENTRY = 'kehoach/registryEntry';

export interface RegistryEntryParams {
  uri: string;
}

/** `kehoach/planStatus`: the system and judgement date of an open plan, for the status bar; null when it is not open. */
export const PLAN_STATUS = 'kehoach/planStatus';

export interface PlanStatusParams {
  uri: string;
}

export type { PlanStatus } from '../service/plan-service';

/** `kehoach/checkWorkspace`: checks every plan of the workspace and publishes their diagnostics. */
export const CHECK_WORKSPACE = 'kehoach/checkWorkspace';

export interface CheckWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
}

/** `kehoach/newPlan`: the skeleton of a plan implementing a parent (`kehoach new`), with the workspace's plans as possible parents. */
export const NEW_PLAN = 'kehoach/newPlan';

export interface NewPlanParams {
  /** The parent as the drafter cites it: `Chỉ thị số 21-CT/TW`. */
  implements: string;
  /** The issuing body: `Ủy ban nhân dân huyện Tam Đường`. */
  issuer: string;
  system?: 'state' | 'party' | 'mass';
  /** ISO date; today when absent. */
  date?: string;
}

export interface NewPlanResult {
  /** The plan as `.kh` text. */
  text: string;
  /** What the skeleton could not settle (Vietnamese / English). */
  notes: string[];
  /** How many of the parent's tasks for this issuer it lists. */
  tasks: number;
}

/**
 * `kehoach/import`: a `.txt`, `.md`, `.html` or `.docx` file read into a plan
 * (`kehoach import`). The server reads from disk only a file inside the
 * workspace folders; for any other file the client sends its bytes.
 */
export const IMPORT = 'kehoach/import';

export interface ImportParams {
  /** The file, which names it in the report; read by the server only when it lies in a workspace folder. */
  uri: string;
  /** The file's bytes in base64, read by the client (a file the user picked anywhere). */
  content?: string;
}

/** The plan's text and the import's report for a person, or why it failed (Vietnamese / English). */
export type ImportPlanResult = { text: string; report: string } | { error: string };

/**
 * `kehoach/review`: a `.docx` reviewed as `kehoach review` does. As for the
 * import, the server reads from disk only a file inside the workspace
 * folders, and then writes the reviewed copy beside it (never over an
 * existing file); for any other file the client sends its bytes and gets the
 * reviewed copy's bytes back, to write itself. The client shows `planText` as
 * `REVIEW_SCHEME:<the .docx's path>.kh`, which the server checks with the
 * settings of the .docx's folder.
 */
export const REVIEW = 'kehoach/review';

export interface ReviewParams {
  /** The file, which names it; read by the server only when it lies in a workspace folder. */
  uri: string;
  /** Safe fixes as tracked changes too. */
  suggest?: boolean;
  /** The file's bytes in base64, read by the client (a file the user picked anywhere). */
  content?: string;
}

/**
 * What the review gave: the copy the server wrote (`output`, its path) or,
 * for bytes the client sent, the copy's bytes in base64 (`reviewed`) with the
 * name it takes beside the draft (`name`); the imported plan's text and a
 * summary either way. Or why it failed (Vietnamese / English).
 */
export type ReviewFileResult = { output: string; planText: string; summary: string } | { reviewed: string; name: string; planText: string; summary: string } | { error: string };

/** The scheme of the imported plans the review shows (read-only, checked as the file beside them). */
export const REVIEW_SCHEME = 'kehoach-review';
