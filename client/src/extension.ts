import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/**
 * The extension is thin: it starts the bundled language server and lets it
 * do the work. No parsing and no rules live here.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'lsp', 'server.cjs'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'kehoach' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{kehoach.json,*.kh}') },
  };
  client = new LanguageClient('kehoach', vscode.l10n.t('kehoach: kế hoạch'), serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('kehoach.restartServer', async () => {
      await client?.restart();
      void vscode.window.showInformationMessage(vscode.l10n.t('Đã khởi động lại máy chủ kehoach'));
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
