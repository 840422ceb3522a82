import { format } from 'node:util';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  FileChangeType,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  type Connection,
  type ConnectionStrategy,
  type RequestMessage,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { unreadableFinding } from '../host/plan-files';
import { toLspDiagnostic } from '../service/diagnostics';
import { createPlanService } from '../service/plan-service';
import { createDiagnosticsPublisher } from './diagnostics-publisher';
import { CAPABILITIES, registerServiceRequests } from './document-requests';
import { registerKehoachRequests } from './kehoach-requests';
import { registerPreviewRequests } from './preview-requests';
import { guardedStdio, type GuardedStdio } from './stdio-transport';
import { createFileWorkspace, isPlanDocument } from './workspace-files';
import { createWorkspaceSettings, pullEditorSettings } from './workspace-settings';

/** The paths of the workspace folders that are on disk (a virtual folder has no `.kh` files to list). */
function foldersOnDisk(uris: string[]): string[] {
  return uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
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

/** How the client asked the server to behave at initialize. */
interface InitializationOptions {
  diagnosticsDebounceMs?: unknown;
  outputBacklogBytes?: unknown;
}

/**
 * The language server over a connection (stdio when started by `kehoach lsp
 * --stdio` or the VS Code client): the editor's documents, the workspace of
 * `.kh` files, each plan's settings (`workspace-settings.ts`), diagnostics
 * published as typing pauses (`diagnostics-publisher.ts`), the LSP requests
 * dispatched to the plan service (`document-requests.ts`) and kehoach's own
 * requests (`kehoach-requests.ts`, `preview-requests.ts`).
 */
export function startServer(given?: Connection): void {
  const stdio = given ? undefined : guardedStdio();
  const connection = given ?? stdioConnection(stdio!);
  const documents = new TextDocuments(TextDocument);
  // A file of the workspace that is not read (a pipe, a device, a link out of it, too large) gets a finding on it.
  const workspace = createFileWorkspace(documents, (uri, reason) => void connection.sendDiagnostics({ uri, diagnostics: reason ? [toLspDiagnostic(unreadableFinding(reason))] : [] }));
  let folders: string[] = [];
  let canPullConfiguration = false;
  let followsFolders = false;
  const settings = createWorkspaceSettings(connection, () => folders, documents);
  const service = createPlanService({ workspace, settingsFor: settings.settingsFor });
  const publisher = createDiagnosticsPublisher(connection, documents, service);

  /** Settings read again (the editor's, then each kehoach.json), every cached analysis dropped, every open plan published again. */
  async function reconfigure(): Promise<void> {
    settings.reload(canPullConfiguration ? await pullEditorSettings(connection) : {}, workspace.listDocuments());
    service.configure({});
    publisher.scheduleOpen('now');
  }

  connection.onInitialize((params) => {
    folders = foldersOnDisk(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    followsFolders = params.capabilities.workspace?.workspaceFolders === true;
    const options = params.initializationOptions as InitializationOptions | undefined;
    const asked = options?.diagnosticsDebounceMs;
    if (typeof asked === 'number' && asked >= 0 && Number.isFinite(asked)) publisher.setDebounce(asked);
    if (typeof options?.outputBacklogBytes === 'number' && Number.isFinite(options.outputBacklogBytes)) stdio?.limitBacklog(options.outputBacklogBytes);
    return { capabilities: CAPABILITIES, serverInfo: { name: 'kehoach', version: typeof __KEHOACH_VERSION__ === 'string' ? __KEHOACH_VERSION__ : 'dev' } };
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
      } else if (uri.endsWith('/kehoach.json') || settings.isSettingsFile(uri)) settingsChanged = true; // kehoach.json, a registry file or a word list it names
    }
    if (settingsChanged) await reconfigure();
    // Another plan changed: what the open plans cite may have too.
    else publisher.scheduleOpen();
  });

  documents.onDidOpen((e) => publisher.schedule(e.document.uri, 'now'));
  documents.onDidChangeContent((e) => publisher.schedule(e.document.uri));
  documents.onDidClose((e) => {
    service.forget(e.document.uri);
    if (isPlanDocument(e.document)) publisher.closed(e.document.uri);
  });

  registerServiceRequests(connection, documents, service);
  registerKehoachRequests({ connection, documents, workspace, service, settings, folders: () => folders });
  registerPreviewRequests(connection, documents, service);
  documents.listen(connection);
  connection.listen();
}

declare const __KEHOACH_VERSION__: string;
