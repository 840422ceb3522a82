import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createPlanService } from '../service/plan-service';

/** How long typing must pause before diagnostics are recomputed. */
const DEBOUNCE_MS = 120;

/**
 * The language server over a connection (stdio when started by `kehoach lsp
 * --stdio` or the VS Code client). Each handler finds the document, returns
 * an empty answer when there is none, and delegates to the plan service.
 */
export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const service = createPlanService();
  const pending = new Map<string, ReturnType<typeof setTimeout>>();

  const publish = (uri: string) => {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    try {
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: service.getDiagnostics(document) });
    } catch (error) {
      connection.console.error(`kehoach: diagnostics of ${uri} failed: ${(error as Error).stack ?? error}`);
    }
  };
  const schedule = (uri: string, delay: number) => {
    clearTimeout(pending.get(uri));
    pending.set(uri, setTimeout(() => publish(uri), delay));
  };

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [' ', ':', '#', '-'] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      inlayHintProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'kehoach', version: typeof __KEHOACH_VERSION__ === 'string' ? __KEHOACH_VERSION__ : 'dev' },
  }));

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri, DEBOUNCE_MS));
  documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    service.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onHover((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getHover(document, params.position) : null;
  });
  connection.onCompletion((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getCompletions(document, params.position) : [];
  });
  connection.onDocumentSymbol((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getDocumentSymbols(document) : [];
  });
  connection.onFoldingRanges((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getFoldingRanges(document) : [];
  });
  connection.languages.inlayHint.on((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getInlayHints(document) : [];
  });
  connection.onDocumentFormatting((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getFormattingEdits(document) : [];
  });
  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.getCodeActions(document, params.range) : [];
  });

  documents.listen(connection);
  connection.listen();
}

declare const __KEHOACH_VERSION__: string;
