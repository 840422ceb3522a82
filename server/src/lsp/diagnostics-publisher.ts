import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanService } from '../service/plan-service';
import { isPlanDocument } from './workspace-files';

/** How long typing must pause before diagnostics are recomputed; the initialization option `diagnosticsDebounceMs` overrides it (0 for benchmarks). */
const DEBOUNCE_MS = 120;

/**
 * The diagnostics of the open plans, published when typing pauses: one timer
 * per document, the pause given by `debounceMs`. After a plan is published,
 * the open plans citing it (its stale dependents) are checked and published
 * again at once.
 */
export interface DiagnosticsPublisher {
  /** The document changed: publish after the pause (`now`: at once). */
  schedule(uri: string, now?: 'now'): void;
  /** Every open document, after the pause or at once. */
  scheduleOpen(now?: 'now'): void;
  /** The document closed: no publication pending, its diagnostics cleared. */
  closed(uri: string): void;
  /** The pause the client asked for. */
  setDebounce(ms: number): void;
}

export function createDiagnosticsPublisher(connection: Connection, documents: TextDocuments<TextDocument>, service: PlanService): DiagnosticsPublisher {
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  /**
   * Documents whose publication is due at once: the change event that comes with an opening (TextDocuments fires
   * both) must not put the first diagnostics off by the pause. The publication reads the latest text anyway.
   */
  const due = new Set<string>();
  let debounceMs = DEBOUNCE_MS;

  const publish = (uri: string) => {
    pending.delete(uri);
    due.delete(uri);
    const document = documents.get(uri);
    // Another file the editor shares (a registry file, a word list) is no plan: its findings are the settings' (workspace-settings.ts).
    if (!document || !isPlanDocument(document)) return;
    try {
      void connection.sendDiagnostics({ uri, version: document.version, diagnostics: service.getDiagnostics(document) });
      // The open plans citing this one were checked against its previous text: check and publish them again.
      for (const dependent of service.staleDependents(uri)) if (documents.get(dependent) && !pending.has(dependent)) after(dependent, 0);
    } catch (error) {
      connection.console.error(`kehoach: diagnostics of ${uri} failed: ${(error as Error).stack ?? error}`);
    }
  };
  const after = (uri: string, delay: number) => {
    if (delay > 0 && due.has(uri)) return;
    if (delay === 0) due.add(uri);
    clearTimeout(pending.get(uri));
    pending.set(
      uri,
      setTimeout(() => publish(uri), delay),
    );
  };

  return {
    schedule: (uri, now) => after(uri, now ? 0 : debounceMs),
    scheduleOpen(now) {
      for (const document of documents.all()) after(document.uri, now ? 0 : debounceMs);
    },
    closed(uri) {
      clearTimeout(pending.get(uri));
      pending.delete(uri);
      due.delete(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    },
    setDebounce(ms) {
      debounceMs = ms;
    },
  };
}
