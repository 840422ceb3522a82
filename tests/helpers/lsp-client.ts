/** The language server started and spoken to over stdio (vscode-jsonrpc), as an editor does, for the tests of the LSP side. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const root = join(__dirname, '..', '..');

/** How the server is started: `kehoach lsp --stdio`, as a user or another editor starts it, or the bundle the VS Code client starts. */
const ENTRIES = {
  cli: [join(root, 'bin', 'kehoach.js'), 'lsp', '--stdio'],
  bundle: [join(root, 'dist', 'lsp', 'server.cjs'), '--stdio'],
} as const;

export interface StartOptions {
  /** Given as rootUri and the one workspace folder; without it the server has no workspace (rootUri null). */
  workspace?: { folder: string; name: string };
  /** The client capabilities sent with initialize. */
  capabilities?: Record<string, unknown>;
  /** The initialization options sent with initialize (`diagnosticsDebounceMs`). */
  initializationOptions?: Record<string, unknown>;
  /** Registers the client's handlers (published diagnostics, workspace/configuration…) before the connection listens, so that nothing the server sends is missed. */
  handlers?: (connection: MessageConnection) => void;
}

export interface LspServer {
  child: ChildProcessWithoutNullStreams;
  connection: MessageConnection;
  /** The server's answer to initialize. */
  initialized: { capabilities: Record<string, unknown> };
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Sends textDocument/didOpen for a kehoach document. */
  open(uri: string, text: string, version?: number): Promise<void>;
  /** Shutdown and exit as a polite client ends, then the process is killed should it linger. */
  stop(): Promise<void>;
}

/** Spawns the server, initializes it (initialize, then initialized) and returns the connection. */
export async function startServer(via: keyof typeof ENTRIES, options: StartOptions = {}): Promise<LspServer> {
  const child = spawn(process.execPath, [...ENTRIES[via]], { cwd: root });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  options.handlers?.(connection);
  connection.listen();
  const rootUri = options.workspace ? pathToFileURL(options.workspace.folder).toString() : null;
  const initialized = await connection.sendRequest<LspServer['initialized']>('initialize', {
    processId: process.pid,
    rootUri,
    ...(options.workspace && { workspaceFolders: [{ uri: rootUri, name: options.workspace.name }] }),
    capabilities: options.capabilities ?? {},
    ...(options.initializationOptions && { initializationOptions: options.initializationOptions }),
  });
  await connection.sendNotification('initialized', {});
  return {
    child,
    connection,
    initialized,
    exited,
    open: (uri, text, version = 1) => connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kehoach', version, text } }),
    stop: async () => {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      child.kill();
      await exited;
    },
  };
}
