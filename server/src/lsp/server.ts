import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { format } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createConnection, DidChangeConfigurationNotification, FileChangeType, LSPErrorCodes, ProposedFeatures, ResponseError, TextDocuments, TextDocumentSyncKind, type Connection, type ConnectionStrategy, type RequestMessage } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES, type CheckConfig } from '../checks';
import { parseWorkspaceConfig } from '../checks/config';
import { toLspDiagnostic } from '../service/diagnostics';
import { createPlanService, type DocumentSettings } from '../service/plan-service';
import type { WorkspaceFiles } from '../service/workspace-edits';
import { registerPreviewRequests } from './preview-requests';
import { SEMANTIC_TOKENS_LEGEND } from '../service/semantic-tokens';
import type { CheckWorkspaceMethod, CheckWorkspaceResult, ImportMethod, ImportParams, ImportPlanResult, ReviewFileResult, ReviewMethod, ReviewParams, ReviewScheme, NewPlanMethod, NewPlanParams, NewPlanResult, PlanStatusMethod, PlanStatusParams, RegistryEntryMethod, RegistryEntryParams } from './protocol';
import { OutputPathError } from '../host/output-file';
import { DocxInputError } from '../docx/input-error';
import { planAsDocument } from '../registry/workspace';
import { newPlan } from '../scaffold';
import { parsePlan } from '../syntax/parse';
import { checkParams } from './request-params';
import { guardedStdio, type GuardedStdio } from './stdio-transport';
import { isInside, workspaceConfigs, type LoadedWorkspaceConfig } from '../host/workspace-config';
import { createFileWorkspace } from './workspace-files';
import { unreadableFinding } from '../host/plan-files';

const REGISTRY_ENTRY: RegistryEntryMethod = 'kehoach/registryEntry';
const PLAN_STATUS: PlanStatusMethod = 'kehoach/planStatus';
const CHECK_WORKSPACE: CheckWorkspaceMethod = 'kehoach/checkWorkspace';
const NEW_PLAN: NewPlanMethod = 'kehoach/newPlan';
const IMPORT: ImportMethod = 'kehoach/import';
const REVIEW: ReviewMethod = 'kehoach/review';
const REVIEW_SCHEME: ReviewScheme = 'kehoach-review';

/** How long typing must pause before diagnostics are recomputed; the initialization option `diagnosticsDebounceMs` overrides it (0 for benchmarks). */
const DEBOUNCE_MS = 120;

/** The paths of the workspace folders that are on disk (a virtual folder has no `.kh` files to list). */
function foldersOnDisk(uris: string[]): string[] {
  return uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
}

/** True when `file`, its links resolved, lies in `folder` (also resolved); false for a file that does not exist. */
function isInsideReally(file: string, folder: string): boolean {
  try {
    return isInside(realpathSync(file), realpathSync(folder));
  } catch {
    return false;
  }
}

/** A request the client cancels before it is handled is answered at once with RequestCancelled, as LSP asks, not run. */
const cancelUndispatched: ConnectionStrategy['cancelUndispatched'] = (message) => {
  const { id, method } = message as RequestMessage;
  return { jsonrpc: '2.0', id, error: new ResponseError(LSPErrorCodes.RequestCancelled, `${method} cancelled`).toJson() };
};

/**
 * The connection over stdin and stdout through `guardedStdio` (malformed
 * frames skipped, reading paused while the client leaves answers unread).
 * As vscode-languageserver does for stdio, console output goes to the
 * client's log, never into the protocol stream.
 */
function stdioConnection({ input, output }: GuardedStdio): Connection {
  const connection = createConnection(ProposedFeatures.all, input, output, { cancelUndispatched });
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}

/**
 * The language server over a connection (stdio when started by `kehoach lsp
 * --stdio` or the VS Code client). Each handler finds the document, returns
 * an empty answer when there is none, and delegates to the plan service;
 * the parameters of kehoach's own requests are checked first.
 */
export function startServer(given?: Connection): void {
  const stdio = given ? undefined : guardedStdio();
  const connection = given ?? stdioConnection(stdio!);
  const documents = new TextDocuments(TextDocument);
  // A file of the workspace that is not read (a pipe, a device, a link out of it, too large) gets a finding on it.
  const workspace = createFileWorkspace(documents, (uri, reason) => void connection.sendDiagnostics({ uri, diagnostics: reason ? [toLspDiagnostic(unreadableFinding(reason))] : [] }));
  const service = createPlanService({ workspace, settingsFor });
  let folders: string[] = [];
  let canPullConfiguration = false;
  let followsFolders = false;
  /** Each kehoach.json, loaded once until a configuration or registry file changes. */
  const configs = workspaceConfigs();
  /** The editor's `kehoach.*` settings, which the nearest kehoach.json overrides. */
  let editorSettings: CheckConfig = {};
  /** What each folder's documents are checked with. */
  const settingsByFolder = new Map<string, DocumentSettings>();
  /** The registry files and word lists the settings were read from: a change to one is a change of settings. */
  const settingsFiles = new Set<string>();
  /** Files whose findings are published (kehoach.json, registry files), to clear them when mended. */
  let reported = new Set<string>();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  let debounceMs = DEBOUNCE_MS;

  const publish = (uri: string) => {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    try {
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: service.getDiagnostics(document) });
      // The open plans citing this one were checked against its previous text: check and publish them again.
      for (const dependent of service.staleDependents(uri)) if (documents.get(dependent) && !pending.has(dependent)) schedule(dependent, 0);
    } catch (error) {
      connection.console.error(`kehoach: diagnostics of ${uri} failed: ${(error as Error).stack ?? error}`);
    }
  };
  const schedule = (uri: string, delay: number) => {
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => publish(uri), delay));
  };

  /**
   * The configuration of the nearest kehoach.json at or above `folder` inside
   * the workspace folder that holds it (the innermost), as the CLI finds it;
   * the defaults outside every workspace folder. What is wrong in the files
   * is published on them the first time they are read.
   */
  function loadedFor(folder: string | undefined): LoadedWorkspaceConfig {
    const root = folder === undefined ? undefined : folders.filter((f) => isInside(folder, f)).sort((a, b) => b.length - a.length)[0];
    let loaded;
    try {
      loaded = configs.of(root && folder, root);
    } catch (error) {
      connection.console.error(`kehoach: reading the kehoach.json of ${folder} failed: ${(error as Error).message}`);
      loaded = configs.of(undefined);
    }
    for (const report of loaded.reports) {
      if (reported.has(report.file)) continue;
      reported.add(report.file);
      void connection.sendDiagnostics({ uri: pathToFileURL(report.file).toString(), diagnostics: report.diagnostics.map(toLspDiagnostic) });
    }
    return loaded;
  }

  /** A document's settings: the editor's `kehoach.*` with its nearest kehoach.json over them (the file wins, so the editor checks as the CLI does). */
  function settingsFor(uri: string): DocumentSettings {
    // The plan imported by a review (`kehoach-review:/folder/draft.docx.kh`) is checked as a file of the draft's folder.
    const onDisk = uri.startsWith(`${REVIEW_SCHEME}:`) ? `file:${uri.slice(REVIEW_SCHEME.length + 1)}` : uri;
    const folder = onDisk.startsWith('file:') ? dirname(fileURLToPath(onDisk)) : '';
    let settings = settingsByFolder.get(folder);
    if (!settings) {
      const loaded = loadedFor(folder || undefined);
      settings = { registry: loaded.registry, config: { ...editorSettings, ...loaded.config, rules: { ...editorSettings.rules, ...loaded.config.rules } }, ...(folder ? { files: filesOf(loaded, folder) } : {}) };
      settingsByFolder.set(folder, settings);
    }
    return settings;
  }

  /** The files a plan's settings come from, as the quick fixes that add to them need them; the names of files to create free in their folder. */
  function filesOf(loaded: LoadedWorkspaceConfig, planFolder: string): WorkspaceFiles {
    const folder = loaded.files.config ? dirname(loaded.files.config.path) : planFolder;
    const free = (name: string, extension: string) => {
      for (let k = 1; ; k++) {
        const candidate = `${name}${k === 1 ? '' : `-${k}`}.${extension}`;
        if (!existsSync(join(folder, candidate))) return candidate;
      }
    };
    const asUri = (file: { path: string; text: string }) => ({ uri: pathToFileURL(file.path).toString(), text: file.text });
    for (const file of [...loaded.files.registry, ...loaded.files.dictionary]) settingsFiles.add(file.path);
    return {
      folder: pathToFileURL(folder).toString(),
      ...(loaded.files.config ? { config: asUri(loaded.files.config) } : {}),
      registry: loaded.files.registry.map(asUri),
      dictionary: loaded.files.dictionary.map(asUri),
      newRegistry: free('danh-muc', 'json'),
      newDictionary: free('tu-dien', 'txt'),
    };
  }

  /**
   * Settings come from `kehoach.*` (the editor) and from each document's
   * nearest `kehoach.json`. Settings are validated as a `kehoach.json` would
   * be; what is wrong in them goes to the log.
   */
  async function reconfigure(): Promise<void> {
    const settings: CheckConfig = {};
    if (canPullConfiguration) {
      const raw = ((await connection.workspace.getConfiguration('kehoach')) ?? {}) as Record<string, unknown>;
      const given = Object.fromEntries(['rules', 'planDate', 'toneStyle', 'system'].flatMap((k) => (raw[k] === undefined || raw[k] === '' || raw[k] === null ? [] : [[k, raw[k]]])));
      const parsed = parseWorkspaceConfig(JSON.stringify(given), RULES.map((r) => r.id));
      Object.assign(settings, parsed.config);
      for (const d of parsed.diagnostics) connection.console.warn(`kehoach.* settings: ${d.message}`);
    }
    editorSettings = settings;
    configs.clear();
    settingsByFolder.clear();
    service.configure({});
    const before = reported;
    reported = new Set();
    // Every plan's configuration read now, so that what is wrong in each kehoach.json is published at once.
    for (const uri of workspace.listDocuments()) settingsFor(uri);
    for (const stale of before) if (!reported.has(stale)) void connection.sendDiagnostics({ uri: pathToFileURL(stale).toString(), diagnostics: [] });
    for (const document of documents.all()) schedule(document.uri, 0);
  }

  connection.onInitialize((params) => {
    folders = foldersOnDisk(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    followsFolders = params.capabilities.workspace?.workspaceFolders === true;
    const options = params.initializationOptions as { diagnosticsDebounceMs?: unknown; outputBacklogBytes?: unknown } | undefined;
    const asked = options?.diagnosticsDebounceMs;
    if (typeof asked === 'number' && asked >= 0 && Number.isFinite(asked)) debounceMs = asked;
    if (typeof options?.outputBacklogBytes === 'number' && Number.isFinite(options.outputBacklogBytes)) stdio?.limitBacklog(options.outputBacklogBytes);
    return {
    capabilities: {
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', ':', '#', '-'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      workspaceSymbolProvider: true,
      selectionRangeProvider: true,
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      documentLinkProvider: { resolveProvider: false },
    },
    serverInfo: { name: 'kehoach', version: typeof __KEHOACH_VERSION__ === 'string' ? __KEHOACH_VERSION__ : 'dev' },
    };
  });

  connection.onInitialized(async () => {
    workspace.scan(folders);
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kehoach' });
    // Only a client that announced folder support may be asked for their changes.
    if (followsFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(async ({ added, removed }) => {
        const gone = new Set(foldersOnDisk(removed.map((f) => f.uri)));
        folders = [...folders.filter((f) => !gone.has(f)), ...foldersOnDisk(added.map((f) => f.uri))];
        workspace.scan(folders);
        await reconfigure();
      });
    }
    await reconfigure();
  });
  connection.onDidChangeConfiguration(() => reconfigure());
  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    let settingsChanged = false;
    for (const { uri, type } of changes) {
      if (uri.endsWith('.kh')) {
        if (type === FileChangeType.Deleted) workspace.deleted(uri);
        else workspace.changed(uri);
      } else if (uri.endsWith('/kehoach.json') || (uri.startsWith('file:') && settingsFiles.has(fileURLToPath(uri)))) settingsChanged = true; // kehoach.json, a registry file or a word list it names
    }
    if (settingsChanged) await reconfigure();
    // Another plan changed: what the open plans cite may have too.
    else for (const document of documents.all()) schedule(document.uri, debounceMs);
  });

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri, debounceMs));
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    service.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getHover(document, params.position, token) : null;
  });
  connection.onCompletion((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getCompletions(document, params.position, token) : [];
  });
  connection.onDocumentSymbol((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getDocumentSymbols(document, token) : [];
  });
  connection.onFoldingRanges((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getFoldingRanges(document, token) : [];
  });
  connection.languages.inlayHint.on((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getInlayHints(document, token) : [];
  });
  connection.onDocumentFormatting((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getFormattingEdits(document, token) : [];
  });
  connection.onCodeAction((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getCodeActions(document, params.range, token) : [];
  });
  connection.onDefinition((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getDefinition(document, params.position, token) : [];
  });
  connection.onReferences((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getReferences(document, params.position, params.context.includeDeclaration, token) : [];
  });
  connection.onPrepareRename((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.prepareRename(document, params.position, token) : null;
  });
  connection.onRenameRequest((params, token) => {
    const document = documents.get(params.textDocument.uri);
    const edit = document ? service.getRenameEdits(document, params.position, params.newName, token) : null;
    if (edit && 'error' in edit) return new ResponseError(-32602, edit.error);
    return edit;
  });
  connection.onWorkspaceSymbol((params, token) => service.getWorkspaceSymbols(params.query, token));
  connection.onSelectionRanges((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getSelectionRanges(document, params.positions, token) : [];
  });
  connection.languages.semanticTokens.on((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getSemanticTokens(document, token) : { data: [] };
  });
  connection.onDocumentLinks((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getDocumentLinks(document, token) : [];
  });
  /** The text of a registry entry that go to definition pointed at (a `kehoach-registry:` URI). */
  connection.onRequest(REGISTRY_ENTRY, (raw: unknown) => {
    const params = checkParams<RegistryEntryParams>(REGISTRY_ENTRY, raw);
    return params instanceof ResponseError ? params : (service.getRegistryEntry(params.uri) ?? null);
  });
  /** The plan's system and judgement date, for the status bar; null for a document that is not open. */
  connection.onRequest(PLAN_STATUS, (raw: unknown, token) => {
    const params = checkParams<PlanStatusParams>(PLAN_STATUS, raw);
    if (params instanceof ResponseError) return params;
    const document = documents.get(params.uri);
    return document ? service.getPlanStatus(document, token) : null;
  });
  /**
   * Checks every plan of the workspace, open or not, publishes their
   * diagnostics (so the Problems panel lists them all) and returns the counts.
   */
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

  /** A new plan's skeleton; the workspace's plans are the parents it may implement (their tasks are listed). */
  connection.onRequest(NEW_PLAN, (raw: unknown): NewPlanResult | ResponseError<void> => {
    const params = checkParams<NewPlanParams>(NEW_PLAN, raw);
    if (params instanceof ResponseError) return params;
    const plans = workspace.listDocuments().flatMap((uri) => {
      const text = workspace.readDocument(uri);
      return (text && planAsDocument(parsePlan(text.getText()).document, uri)) || [];
    });
    // A new plan has no place yet: the registry of the first workspace folder's kehoach.json.
    const registry = loadedFor(folders[0]).registry;
    const plan = newPlan({ ...params, registry: registry.with({ documents: plans }) });
    return { text: plan.text, notes: plan.notes, tasks: plan.tasks.length };
  });
  /**
   * A file read into a plan; the client opens the text as a new document.
   * The server reads from disk only a file inside a workspace folder (a link
   * out of it included); any other file comes as bytes the client read.
   */
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
      if (!folders.some((folder) => isInsideReally(name, folder))) {
        return { error: 'Máy chủ chỉ đọc tệp trong thư mục làm việc; tệp khác do trình soạn thảo gửi nội dung / The server reads only files inside the workspace folders; for another file the editor sends its content' };
      }
      const result = await importFile(name);
      return { text: result.text, report: formatImportReport(name, result) };
    } catch (error) {
      return { error: `Không đọc được tệp / Could not read the file: ${(error as Error).message}` };
    }
  });

  connection.onRequest(REVIEW, async (params: ReviewParams): Promise<ReviewFileResult> => {
    if (!params.uri.startsWith('file:')) return { error: 'Chỉ rà soát được tệp trên đĩa / Only a file on disk can be reviewed' };
    const file = fileURLToPath(params.uri);
    try {
      const { reviewBeside, reviewSummary } = await import('../host/review-file');
      const { review, targets } = await reviewBeside(file, settingsFor(params.uri), { suggest: params.suggest });
      return { output: targets.docx, planText: review.imported.text, summary: reviewSummary(review, targets.docx) };
    } catch (error) {
      if (error instanceof DocxInputError || error instanceof OutputPathError) return { error: error.message };
      return { error: `Không rà soát được tệp / Could not review the file: ${(error as Error).message}` };
    }
  });

  registerPreviewRequests(connection, documents, service);
  documents.listen(connection);
  connection.listen();
}

declare const __KEHOACH_VERSION__: string;
