import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  Range,
  SelectionRange,
  SemanticTokens,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { CheckConfig } from '../checks';
import type { PlanSystem, Position, SystemInfo } from '../model';
import type { Registry } from '../registry/registry';
import type { NewPlan, NewPlanOptions } from '../scaffold';
import type { Analysis, DocumentSettings } from './analysis-cache';
import type { CancellationToken, PlanTextDocument, Workspace } from './workspace';

export type { Analysis, DocumentSettings } from './analysis-cache';
export type { CancellationToken, PlanTextDocument, Workspace } from './workspace';

export interface PlanServiceOptions {
  /** The other plans, for navigation across files and for citations of one plan by another; empty by default. */
  workspace?: Workspace;
  registry?: Registry;
  config?: CheckConfig;
  /**
   * The settings and registry of each document, when they depend on where it
   * lies (the server: the nearest `kehoach.json`); `registry` and `config`
   * otherwise. Call `configure` when what it answers changes.
   */
  settingsFor?: (uri: string) => DocumentSettings;
  /** Today's date (ISO), for plans without a date; defaults to today in Vietnam by the clock. */
  today?: () => string;
}

/** The plan's system and judgement date, for the editor's status bar (`kehoach/planStatus`). */
export interface PlanStatus {
  system: PlanSystem;
  systemSource: SystemInfo['source'];
  /** ISO date the checks judge the plan on. */
  date: string;
  /** The same date as plans write it (`05/3/2020`), for the status bar. */
  dateText: string;
  /** `config`: the `planDate` setting; `plan`: its `Ngày:`; `today`: neither is given. */
  dateSource: 'config' | 'plan' | 'today';
}

/** Where a rename may start: the range to rename and the text the editor proposes. */
export interface RenamePlace {
  range: Range;
  placeholder: string;
}

/** The edits of a rename, `{ error }` for a new name that cannot stand (vi / en), null where nothing can be renamed. */
export type RenameResult = WorkspaceEdit | { error: string } | null;

/** A new plan asked for: the parent it implements, its issuer, system and date (today in Vietnam when absent). */
export type NewPlanRequest = Omit<NewPlanOptions, 'registry'>;

/**
 * The editor features of kehoach, one method per feature, in the manner of
 * vscode-markdown-languageservice's `IMdLanguageService`: each takes the
 * document as the editor holds it (and the position or range asked about),
 * the cancellation token last, and answers in LSP types, positions in UTF-16
 * code units of the text as given. No method touches the file system: the
 * other plans come through the `Workspace`.
 *
 * One policy for all (in `plan-service.ts` and `analysis-cache.ts`): a request
 * whose token is cancelled before it runs answers its empty result
 * (`[]`, `null`, no tokens) at once; those that walk the workspace also stop
 * when it is cancelled midway. Each document version is parsed once and
 * checked once, the parse shared by every feature and the workspace index.
 */
export interface PlanService {
  /** The findings of the plan (every rule, the configured severities and `// kehoach-ignore` applied). */
  getDiagnostics(document: PlanTextDocument, token?: CancellationToken): Diagnostic[];
  /** The outline: the header, the sections with their computed numbers, the closing blocks, the appendices. */
  getDocumentSymbols(document: PlanTextDocument, token?: CancellationToken): DocumentSymbol[];
  /** Folding of the header, each section, runs of comment lines, the recipients and the signature. */
  getFoldingRanges(document: PlanTextDocument, token?: CancellationToken): FoldingRange[];
  /** What a citation, an agency or a heading is, judged on the plan's date; the findings under the cursor. */
  getHover(document: PlanTextDocument, position: Position, token?: CancellationToken): Hover | null;
  /** Header fields, section titles, registry documents and agencies, dates, recipients at the cursor. */
  getCompletions(document: PlanTextDocument, position: Position, token?: CancellationToken): CompletionItem[];
  /** The computed number of every heading the drafter did not number, where the number would stand. */
  getInlayHints(document: PlanTextDocument, token?: CancellationToken): InlayHint[];
  /** The edits that bring the text to the canonical form (words untouched; idempotent). */
  getFormattingEdits(document: PlanTextDocument, token?: CancellationToken): TextEdit[];
  /** The quick fixes of the findings over `range`, including those that write to the workspace's registry and word list. */
  getCodeActions(document: PlanTextDocument, range: Range, token?: CancellationToken): CodeAction[];
  /** Citation → the cited plan or its registry entry; `Kế hoạch này` → the header; agency → its assignment in the parent. */
  getDefinition(document: PlanTextDocument, position: Position, token?: CancellationToken): Location[];
  /** Every place of the workspace naming the document or agency under the cursor. */
  getReferences(document: PlanTextDocument, position: Position, includeDeclaration: boolean, token?: CancellationToken): Location[];
  /** Whether the cursor is on something that can be renamed (a document number, an agency). */
  prepareRename(document: PlanTextDocument, position: Position, token?: CancellationToken): RenamePlace | null;
  /** The edits of a rename across the workspace. */
  getRenameEdits(document: PlanTextDocument, position: Position, newName: string, token?: CancellationToken): RenameResult;
  /** Each workspace plan (number, trích yếu) and its sections whose name contains `query`, without regard to case or diacritics. */
  getWorkspaceSymbols(query: string, token?: CancellationToken): SymbolInformation[];
  /** Word, run, paragraph, section, … around each position. */
  getSelectionRanges(document: PlanTextDocument, positions: Position[], token?: CancellationToken): SelectionRange[];
  /** Tokens of `SEMANTIC_TOKENS_LEGEND`: header labels, citations, agencies, headings, dates. */
  getSemanticTokens(document: PlanTextDocument, token?: CancellationToken): SemanticTokens;
  /** Links: a citation to the workspace plan or the registry's web source; a web address to itself. */
  getDocumentLinks(document: PlanTextDocument, token?: CancellationToken): DocumentLink[];
  /** The plan's system and the date it is judged on, with what decided each. */
  getPlanStatus(document: PlanTextDocument, token?: CancellationToken): PlanStatus | null;
  /** The text of a `kehoach-registry:` document (see registry-entry.ts); undefined for an unknown entry. */
  getRegistryEntry(uri: string): string | undefined;
  /**
   * A new plan's skeleton; the workspace's plans (from the index) are the
   * parents it may implement, their tasks listed. `base` is the registry
   * they extend (the service's own by default).
   */
  getNewPlan(request: NewPlanRequest, base?: Registry): NewPlan;
  /** The parse and the findings of this version, for what renders them (preview, export). */
  analyse(document: PlanTextDocument): Analysis;
  /** New settings or registry: every cached analysis is stale. */
  configure(next: { registry?: Registry; config?: CheckConfig }): void;
  /**
   * The documents analysed before whose findings are stale now, `uri` left
   * out: they cite a plan edited since, or the facts other plans may cite
   * changed. After an edit of `uri` these are its dependents, for the
   * server to check and publish again; the others stay cached.
   */
  staleDependents(uri: string): string[];
  /** The document is closed: drop what is kept for it. */
  forget(uri: string): void;
}

/** The features a cancelled request answers empty, and what each answers. */
export type CancellableFeature = Exclude<keyof PlanService, 'getRegistryEntry' | 'getNewPlan' | 'analyse' | 'configure' | 'staleDependents' | 'forget'>;

export const ANSWER_WHEN_CANCELLED: { [K in CancellableFeature]: () => ReturnType<PlanService[K]> } = {
  getDiagnostics: () => [],
  getDocumentSymbols: () => [],
  getFoldingRanges: () => [],
  getHover: () => null,
  getCompletions: () => [],
  getInlayHints: () => [],
  getFormattingEdits: () => [],
  getCodeActions: () => [],
  getDefinition: () => [],
  getReferences: () => [],
  prepareRename: () => null,
  getRenameEdits: () => null,
  getWorkspaceSymbols: () => [],
  getSelectionRanges: () => [],
  getSemanticTokens: () => ({ data: [] }),
  getDocumentLinks: () => [],
  getPlanStatus: () => null,
};
