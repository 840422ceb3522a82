import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  SelectionRangeRequest,
  SemanticTokensRequest,
  TextDocumentSyncKind,
  WorkspaceSymbolRequest,
  type CancellationToken,
  type Connection,
  type HandlerResult,
  type ProtocolRequestType,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanService } from '../service/plan-service';
import { SEMANTIC_TOKENS_LEGEND } from '../service/semantic-tokens';

/** An LSP request answered by a method of the plan service. */
interface ServiceRequest {
  register(connection: Connection, documents: TextDocuments<TextDocument>, service: PlanService): void;
}

/**
 * A request about one document: the document as the editor holds it is found
 * by its URI; `none` answers for a document that is not open; otherwise
 * `run` calls the service.
 */
function onDocument<P extends { textDocument: { uri: string } }, R, PR, E, RO>(
  type: ProtocolRequestType<P, R, PR, E, RO>,
  none: R,
  run: (service: PlanService, document: TextDocument, params: P, token: CancellationToken) => HandlerResult<R, E>,
): ServiceRequest {
  return {
    register: (connection, documents, service) =>
      connection.onRequest(type, (params, token) => {
        const document = documents.get(params.textDocument.uri);
        return document ? run(service, document, params, token) : (none as HandlerResult<R, E>);
      }),
  };
}

/**
 * The dispatch table: each LSP request and the service method answering it.
 * Adding a language feature is a method of `PlanService`, a row here and its
 * capability below.
 */
const SERVICE_REQUESTS: ServiceRequest[] = [
  onDocument(HoverRequest.type, null, (s, d, p, t) => s.getHover(d, p.position, t)),
  onDocument(CompletionRequest.type, [], (s, d, p, t) => s.getCompletions(d, p.position, t)),
  onDocument(DocumentSymbolRequest.type, [], (s, d, _p, t) => s.getDocumentSymbols(d, t)),
  onDocument(FoldingRangeRequest.type, [], (s, d, _p, t) => s.getFoldingRanges(d, t)),
  onDocument(InlayHintRequest.type, [], (s, d, _p, t) => s.getInlayHints(d, t)),
  onDocument(DocumentFormattingRequest.type, [], (s, d, _p, t) => s.getFormattingEdits(d, t)),
  onDocument(CodeActionRequest.type, [], (s, d, p, t) => s.getCodeActions(d, p.range, t)),
  onDocument(DefinitionRequest.type, [], (s, d, p, t) => s.getDefinition(d, p.position, t)),
  onDocument(ReferencesRequest.type, [], (s, d, p, t) => s.getReferences(d, p.position, p.context.includeDeclaration, t)),
  onDocument(PrepareRenameRequest.type, null, (s, d, p, t) => s.prepareRename(d, p.position, t)),
  onDocument(RenameRequest.type, null, (s, d, p, t) => {
    const edit = s.getRenameEdits(d, p.position, p.newName, t);
    return edit && 'error' in edit ? new ResponseError(-32602, edit.error) : edit;
  }),
  onDocument(SelectionRangeRequest.type, [], (s, d, p, t) => s.getSelectionRanges(d, p.positions, t)),
  onDocument(SemanticTokensRequest.type, { data: [] }, (s, d, _p, t) => s.getSemanticTokens(d, t)),
  onDocument(DocumentLinkRequest.type, [], (s, d, _p, t) => s.getDocumentLinks(d, t)),
  { register: (connection, _documents, service) => connection.onRequest(WorkspaceSymbolRequest.type, (p, t) => service.getWorkspaceSymbols(p.query, t)) },
];

/** What the server announces at initialize: the document sync and a provider per row of the table. */
export const CAPABILITIES: ServerCapabilities = {
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
};

export function registerServiceRequests(connection: Connection, documents: TextDocuments<TextDocument>, service: PlanService): void {
  for (const request of SERVICE_REQUESTS) request.register(connection, documents, service);
}
