import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EXPORT, PREVIEW, type ExportFormat, type ExportParams, type ExportResult, type PreviewParams, type PreviewResult } from '../../server/src/lsp/protocol';

/** Typing must pause this long before the pages are laid out again. */
const UPDATE_DELAY_MS = 150;

/** What the preview's script sends (server/src/render/html-preview.ts). */
type WebviewMessage = { type: 'ready' } | { type: 'reveal'; line: number } | { type: 'scrolled'; line: number };

/** A fresh nonce for each webview document: 128 random bits (Web Crypto, global in the extension host). */
function makeNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * One preview panel beside the editor, following the active plan. The server
 * lays the plan out and renders it (`kehoach/preview`); the panel shows the
 * pages, sends updates as the drafter types, and keeps editor and pages
 * scrolled to the same place both ways.
 */
class PlanPreview {
  private readonly panel: vscode.WebviewPanel;
  private document: vscode.TextDocument;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The document version the pages show. */
  private shownVersion = 0;
  /** Scroll events we caused ourselves are not echoed back (no ping-pong). */
  private syncingUntil = 0;
  private readonly disposables: vscode.Disposable[] = [];
  /** Closed by the drafter: an answer of the server arriving later has no webview to go to. */
  private disposed = false;

  constructor(
    private readonly client: LanguageClient,
    document: vscode.TextDocument,
    private readonly onDispose: () => void,
  ) {
    this.document = document;
    this.panel = vscode.window.createWebviewPanel(
      'kehoach.preview',
      this.title(),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        // The pages load nothing: no local file is readable from the webview.
        localResourceRoots: [],
        retainContextWhenHidden: true,
      },
    );
    this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    this.panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.receive(m), undefined, this.disposables);
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        // The findings arrive after the text: marks follow them.
        if (e.uris.some((u) => u.toString() === this.document.uri.toString())) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && editor.document.languageId === 'kehoach' && editor.document !== this.document) this.show(editor.document);
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document !== this.document || Date.now() < this.syncingUntil || !e.visibleRanges.length) return;
        void this.panel.webview.postMessage({ type: 'scrollTo', line: e.visibleRanges[0].start.line });
      }),
    );
    void this.loadShell();
  }

  private title(): string {
    return vscode.l10n.t('Preview: {0}', this.document.uri.path.split('/').pop() ?? '');
  }

  /** Follows another plan: a new shell, since its styles and pages differ entirely. */
  show(document: vscode.TextDocument): void {
    this.document = document;
    this.shownVersion = 0;
    this.panel.title = this.title();
    void this.loadShell();
  }

  reveal(): void {
    this.panel.reveal(vscode.ViewColumn.Beside, true);
  }

  private async loadShell(): Promise<void> {
    const document = this.document;
    const params: PreviewParams = { uri: document.uri.toString(), shell: { nonce: makeNonce(), cspSource: this.panel.webview.cspSource } };
    const result = await this.client.sendRequest<PreviewResult | null>(PREVIEW, params).catch(() => null);
    if (!result?.shell || this.disposed || document !== this.document) return;
    this.shownVersion = result.version;
    this.panel.webview.html = result.shell;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private async update(): Promise<void> {
    const document = this.document;
    const params: PreviewParams = { uri: document.uri.toString() };
    const result = await this.client.sendRequest<PreviewResult | null>(PREVIEW, params).catch(() => null);
    // An answer for a plan the panel no longer shows, or older than one already shown, is dropped.
    if (!result || this.disposed || document !== this.document || result.version < this.shownVersion) return;
    this.shownVersion = result.version;
    void this.panel.webview.postMessage({ type: 'update', body: result.body, css: result.css });
  }

  private receive(message: WebviewMessage): void {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    if (message.type === 'ready') {
      if (editor) void this.panel.webview.postMessage({ type: 'scrollTo', line: editor.visibleRanges[0]?.start.line ?? 0 });
    } else if (message.type === 'reveal') {
      const position = new vscode.Position(message.line, 0);
      void vscode.window.showTextDocument(this.document, { viewColumn: editor?.viewColumn ?? vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
    } else if (message.type === 'scrolled' && editor) {
      this.syncingUntil = Date.now() + 300;
      editor.revealRange(new vscode.Range(message.line, 0, message.line, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  private dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.onDispose();
  }
}

function activePlan(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId === 'kehoach') return document;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open a plan (.kh file) first'));
  return undefined;
}

/** Asks the server to write the active plan in a format beside its file, and says where. */
async function exportActivePlan(client: LanguageClient, format: ExportFormat): Promise<void> {
  const document = activePlan();
  if (!document) return;
  // The server exports the text as the editor holds it, saved or not: what the preview shows.
  const params: ExportParams = { uri: document.uri.toString(), format };
  const result = await client.sendRequest<ExportResult>(EXPORT, params);
  if ('error' in result) {
    void vscode.window.showErrorMessage(result.error);
    return;
  }
  const open = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('Written: {0}', result.path), open);
  if (choice === open) await vscode.env.openExternal(vscode.Uri.file(result.path));
}

/** The preview and export commands: `kehoach.preview`, `kehoach.exportHtml`, `kehoach.exportDocx`, `kehoach.exportPdf`. */
export function registerPreviewCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  let preview: PlanPreview | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand('kehoach.preview', () => {
      const document = activePlan();
      if (!document) return;
      if (preview) {
        preview.show(document);
        preview.reveal();
      } else {
        preview = new PlanPreview(client, document, () => (preview = undefined));
      }
    }),
    vscode.commands.registerCommand('kehoach.exportHtml', () => exportActivePlan(client, 'html')),
    vscode.commands.registerCommand('kehoach.exportDocx', () => exportActivePlan(client, 'docx')),
    vscode.commands.registerCommand('kehoach.exportPdf', () => exportActivePlan(client, 'pdf')),
  );
}
