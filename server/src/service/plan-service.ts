import type { CodeAction, CompletionItem, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Range, SelectionRange, SemanticTokens, SymbolInformation, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { checkPlan, judgementDate, type CheckConfig } from '../checks';
import type { PlanDiagnostic, PlanSystem, Position, SystemInfo } from '../model';
import { builtinRegistry } from '../registry/builtin';
import type { Registry } from '../registry/registry';
import { numericDate, todayInVietnam } from '../syntax/dates';
import { parsePlan, type ParseResult } from '../syntax/parse';
import { codeActions } from './code-actions';
import { completions } from './completion';
import { definition } from './definition';
import { toLspDiagnostic } from './diagnostics';
import { documentLinks } from './document-links';
import { foldingRanges } from './folding';
import { formatPlan } from './format';
import { hover } from './hover';
import { createDocumentMemos } from './incremental';
import { inlayHints } from './inlay-hints';
import { references } from './references';
import { registryEntryText } from './registry-entry';
import { prepareRename, rename } from './rename';
import { selectionRanges } from './selection-ranges';
import { semanticTokens } from './semantic-tokens';
import { documentSymbols } from './symbols';
import { indexWorkspace, inMemoryWorkspace, type CancellationToken, type IndexedPlan, type PlanTextDocument, type Workspace } from './workspace';
import type { WorkspaceFiles } from './workspace-edits';
import { workspaceSymbols } from './workspace-symbols';

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

/** What a document is checked with. */
export interface DocumentSettings {
  registry: Registry;
  config: CheckConfig;
  /** The files its settings come from, for the quick fixes that add to them (the server's; none in-process). */
  files?: WorkspaceFiles;
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

/** The parse and the findings of one version of a document. */
export interface Analysis {
  parsed: ParseResult;
  diagnostics: PlanDiagnostic[];
}

/**
 * The editor features as pure functions of (document, position). Each method
 * mirrors an LSP request; the LSP layer only finds the document and delegates.
 * Parses and checks each document version once.
 */
export function createPlanService(options: PlanServiceOptions = {}) {
  const workspace = options.workspace ?? inMemoryWorkspace();
  const parses = new Map<string, { version: number; parsed: ParseResult }>();
  /** Each document's last findings, with what they were found against: the other plans' citable facts and the versions of the plans it cites. */
  const cache = new Map<string, { version: number; citable: string; cited: Map<string, number>; analysis: Analysis }>();
  const registries = new Map<string, { base: Registry; citable: string; models: string; registry: Registry }>();
  /** What each document's last version found per paragraph and run, for the next version (results of the text alone: kept across `configure`). */
  const memos = createDocumentMemos();
  let registry = options.registry ?? builtinRegistry();
  let config = options.config ?? {};

  const today = () => options.today?.() ?? todayInVietnam(new Date()).iso;
  /** What a document is checked with: its own when `settingsFor` is given, else the service's. */
  const settingsOf = (uri: string): DocumentSettings => options.settingsFor?.(uri) ?? { registry, config };
  /** The date a plan is judged on, as the checks judge it. */
  const judgedOn = (uri: string, parsed: ParseResult) => judgementDate(parsed, settingsOf(uri).config, today()).iso;

  /** The parse of one document version, shared by its checks and the workspace index. */
  function parse(document: PlanTextDocument): ParseResult {
    const hit = parses.get(document.uri);
    if (hit && hit.version === document.version) return hit.parsed;
    const parsed = parsePlan(document.getText(), { system: settingsOf(document.uri).config.system, memo: memos.nextVersion(document.uri) });
    parses.set(document.uri, { version: document.version, parsed });
    return parsed;
  }

  const index = (token?: CancellationToken): IndexedPlan[] => indexWorkspace(workspace, parse, token);
  /** The index once per request, built only if the request needs it. */
  const lazyIndex = (token?: CancellationToken) => {
    let plans: IndexedPlan[] | undefined;
    return () => (plans ??= index(token));
  };

  /** The other plans of the workspace that a plan may cite, and their citable facts as one string (what every citing plan's findings depend on). */
  function othersOf(uri: string, all = index()): { plans: IndexedPlan[]; citable: string } {
    const plans = all.filter((p) => p.asCited && p.uri !== uri);
    const citable = plans.map(({ asCited: d }) => `${d!.sources[0]}|${d!.number}|${d!.date}|${d!.issuer}|${d!.title}`).join('\n');
    return { plans, citable };
  }

  /**
   * The registry a plan is read against: the configured one plus the other
   * plans of the workspace as documents it may cite, as the CLI checks plans
   * together. Rebuilt when another plan changes: its model rides on its entry
   * for the cascade checks.
   */
  function registryFor(uri: string): { registry: Registry; citable: string } {
    const { plans, citable } = othersOf(uri);
    const models = plans.map((p) => p.version).join(',');
    const base = settingsOf(uri).registry;
    const hit = registries.get(uri);
    if (hit && hit.base === base && hit.citable === citable && hit.models === models) return hit;
    const entry = { base, citable, models, registry: plans.length ? base.with({ documents: plans.map((p) => p.asCited!) }) : base };
    registries.set(uri, entry);
    return entry;
  }

  /** True while every plan the findings were checked against is as it was: the citable facts of all, the whole text of those cited. */
  const upToDate = (hit: { citable: string; cited: Map<string, number> }, citable: string) =>
    hit.citable === citable && [...hit.cited].every(([uri, version]) => workspace.readDocument(uri)?.version === version);

  function analyse(document: PlanTextDocument): Analysis {
    const { registry: seen, citable } = registryFor(document.uri);
    const hit = cache.get(document.uri);
    if (hit && hit.version === document.version && upToDate(hit, citable)) return hit.analysis;
    const parsed = parse(document);
    const diagnostics = checkPlan(parsed, { registry: seen, config: settingsOf(document.uri).config, today: today() });
    const analysis = { parsed, diagnostics };
    // The workspace plans it cites: the cascade checks read their text, so an edit of theirs makes these findings stale.
    const cited = new Map<string, number>();
    for (const c of parsed.document.citations) {
      const entry = seen.findDocument(c);
      const plan = entry?.plan && entry.sources[0] !== document.uri ? workspace.readDocument(entry.sources[0]) : undefined;
      if (plan) cited.set(plan.uri, plan.version);
    }
    cache.set(document.uri, { version: document.version, citable, cited, analysis });
    return analysis;
  }

  return {
    analyse,
    /** New settings or registry: every cached analysis is stale. */
    configure(next: { registry?: Registry; config?: CheckConfig }): void {
      if (next.registry) registry = next.registry;
      if (next.config) config = next.config;
      cache.clear();
      parses.clear();
      registries.clear();
    },
    /**
     * The documents analysed before whose findings are stale now, `uri` left
     * out: they cite a plan edited since, or the facts other plans may cite
     * changed. After an edit of `uri` these are its dependents, for the
     * server to check and publish again; the others stay cached.
     */
    staleDependents(uri: string): string[] {
      const all = index();
      return [...cache].filter(([other, hit]) => other !== uri && !upToDate(hit, othersOf(other, all).citable)).map(([other]) => other);
    },
    forget(uri: string): void {
      cache.delete(uri);
      parses.delete(uri);
      registries.delete(uri);
      memos.forget(uri);
    },
    getDiagnostics(document: PlanTextDocument, token?: CancellationToken): Diagnostic[] {
      if (token?.isCancellationRequested) return [];
      return analyse(document).diagnostics.map(toLspDiagnostic);
    },
    getDocumentSymbols(document: PlanTextDocument, token?: CancellationToken): DocumentSymbol[] {
      return token?.isCancellationRequested ? [] : documentSymbols(parse(document).document);
    },
    getFoldingRanges(document: PlanTextDocument, token?: CancellationToken): FoldingRange[] {
      return token?.isCancellationRequested ? [] : foldingRanges(parse(document).document);
    },
    getHover(document: PlanTextDocument, position: Position, token?: CancellationToken): Hover | null {
      if (token?.isCancellationRequested) return null;
      const { parsed, diagnostics } = analyse(document);
      return hover(parsed.document, position, registryFor(document.uri).registry, judgedOn(document.uri, parsed), diagnostics);
    },
    getCompletions(document: PlanTextDocument, position: Position, token?: CancellationToken): CompletionItem[] {
      if (token?.isCancellationRequested) return [];
      const parsed = parse(document);
      return completions(parsed.document, document.getText(), position, registryFor(document.uri).registry, judgedOn(document.uri, parsed), today());
    },
    getInlayHints(document: PlanTextDocument, token?: CancellationToken): InlayHint[] {
      return token?.isCancellationRequested ? [] : inlayHints(parse(document).document);
    },
    getFormattingEdits(document: PlanTextDocument, token?: CancellationToken): TextEdit[] {
      return token?.isCancellationRequested ? [] : formatPlan(document.getText());
    },
    getCodeActions(document: PlanTextDocument, range: Range, token?: CancellationToken): CodeAction[] {
      if (token?.isCancellationRequested) return [];
      const analysis = analyse(document);
      return codeActions(document.uri, analysis.diagnostics, range, { parsed: analysis.parsed, files: settingsOf(document.uri).files });
    },
    /** Citation → the cited plan or its registry entry; `Kế hoạch này` → the header; agency → its assignment. */
    getDefinition(document: PlanTextDocument, position: Position, token?: CancellationToken): Location[] {
      if (token?.isCancellationRequested) return [];
      return definition(document.uri, parse(document).document, document.getText(), position, registryFor(document.uri).registry, lazyIndex(token));
    },
    getReferences(document: PlanTextDocument, position: Position, includeDeclaration: boolean, token?: CancellationToken): Location[] {
      if (token?.isCancellationRequested) return [];
      return references(parse(document).document, document.getText(), position, includeDeclaration, registryFor(document.uri).registry, lazyIndex(token), token);
    },
    prepareRename(document: PlanTextDocument, position: Position, token?: CancellationToken): { range: Range; placeholder: string } | null {
      if (token?.isCancellationRequested) return null;
      return prepareRename(parse(document).document, document.getText(), position, registryFor(document.uri).registry);
    },
    /** The edits of a rename across the workspace, `{ error }` for an invalid new name, null where nothing can be renamed. */
    getRenameEdits(document: PlanTextDocument, position: Position, newName: string, token?: CancellationToken): WorkspaceEdit | { error: string } | null {
      if (token?.isCancellationRequested) return null;
      return rename(parse(document).document, document.getText(), position, newName, registryFor(document.uri).registry, lazyIndex(token), token);
    },
    getWorkspaceSymbols(query: string, token?: CancellationToken): SymbolInformation[] {
      return workspaceSymbols(query, index(token), token);
    },
    getSelectionRanges(document: PlanTextDocument, positions: Position[], token?: CancellationToken): SelectionRange[] {
      return token?.isCancellationRequested ? [] : selectionRanges(parse(document).document, document.getText(), positions);
    },
    getSemanticTokens(document: PlanTextDocument, token?: CancellationToken): SemanticTokens {
      return token?.isCancellationRequested ? { data: [] } : semanticTokens(parse(document).document, document.getText());
    },
    getDocumentLinks(document: PlanTextDocument, token?: CancellationToken): DocumentLink[] {
      if (token?.isCancellationRequested) return [];
      return documentLinks(parse(document).document, document.getText(), registryFor(document.uri).registry, lazyIndex(token));
    },
    /** The text of a `kehoach-registry:` document (see registry-entry.ts); undefined for an unknown entry. */
    getRegistryEntry(uri: string): string | undefined {
      // An entry of a folder's own registry file is in the registry of the documents of that folder.
      const bases = new Set([registry, ...[...registries.values()].map((r) => r.base)]);
      for (const base of bases) {
        const text = registryEntryText(uri, base);
        if (text !== undefined) return text;
      }
      return undefined;
    },
    /**
     * What the status bar shows of a plan: its system (and what decided it)
     * and the date it is judged on (and whether that is the plan's own date).
     */
    getPlanStatus(document: PlanTextDocument, token?: CancellationToken): PlanStatus | null {
      if (token?.isCancellationRequested) return null;
      const parsed = parse(document);
      const { config: own } = settingsOf(document.uri);
      const { iso, fromPlan } = judgementDate(parsed, own, today());
      return { system: parsed.document.system.value, systemSource: parsed.document.system.source, date: iso, dateText: numericDate(iso), dateSource: own.planDate ? 'config' : fromPlan ? 'plan' : 'today' };
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
