import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, InlayHint, TextEdit } from 'vscode-languageserver-types';
import { checkPlan, judgementDate, type CheckConfig } from '../checks';
import type { PlanDiagnostic } from '../model';
import { builtinRegistry } from '../registry/builtin';
import type { Registry } from '../registry/registry';
import { parsePlan, type ParseResult } from '../syntax/parse';
import { codeActions } from './code-actions';
import { completions } from './completion';
import { toLspDiagnostic } from './diagnostics';
import { foldingRanges } from './folding';
import { formatPlan } from './format';
import { hover } from './hover';
import { inlayHints } from './inlay-hints';
import { documentSymbols } from './symbols';

/** A text document as the editor holds it. */
export interface PlanTextDocument {
  uri: string;
  version: number;
  getText(): string;
}

export interface PlanServiceOptions {
  registry?: Registry;
  config?: CheckConfig;
  /** Today's date (ISO), for plans without a date; defaults to the clock. */
  today?: () => string;
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
  const cache = new Map<string, { version: number; analysis: Analysis }>();
  let registry = options.registry ?? builtinRegistry();
  let config = options.config ?? {};

  const today = () => options.today?.() ?? new Date().toISOString().slice(0, 10);
  /** The date a plan is judged on, as the checks judge it. */
  const judgedOn = (parsed: ParseResult) => judgementDate(parsed, config, today()).iso;

  function analyse(document: PlanTextDocument): Analysis {
    const hit = cache.get(document.uri);
    if (hit && hit.version === document.version) return hit.analysis;
    const parsed = parsePlan(document.getText(), { system: config.system });
    const diagnostics = checkPlan(parsed, { registry, config, today: today() });
    const analysis = { parsed, diagnostics };
    cache.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  return {
    analyse,
    /** New settings or registry: every cached analysis is stale. */
    configure(next: { registry?: Registry; config?: CheckConfig }): void {
      if (next.registry) registry = next.registry;
      if (next.config) config = next.config;
      cache.clear();
    },
    forget(uri: string): void {
      cache.delete(uri);
    },
    getDiagnostics(document: PlanTextDocument): Diagnostic[] {
      return analyse(document).diagnostics.map(toLspDiagnostic);
    },
    getDocumentSymbols(document: PlanTextDocument): DocumentSymbol[] {
      return documentSymbols(analyse(document).parsed.document);
    },
    getFoldingRanges(document: PlanTextDocument): FoldingRange[] {
      return foldingRanges(analyse(document).parsed.document);
    },
    getHover(document: PlanTextDocument, position: { line: number; character: number }): Hover | null {
      const { parsed, diagnostics } = analyse(document);
      return hover(parsed.document, position, registry, judgedOn(parsed), diagnostics);
    },
    getCompletions(document: PlanTextDocument, position: { line: number; character: number }): CompletionItem[] {
      const { parsed } = analyse(document);
      return completions(parsed.document, document.getText(), position, registry, judgedOn(parsed), today());
    },
    getInlayHints(document: PlanTextDocument): InlayHint[] {
      return inlayHints(analyse(document).parsed.document);
    },
    getFormattingEdits(document: PlanTextDocument): TextEdit[] {
      return formatPlan(document.getText());
    },
    getCodeActions(document: PlanTextDocument, range: { start: { line: number; character: number }; end: { line: number; character: number } }): CodeAction[] {
      return codeActions(document.uri, analyse(document).diagnostics, range);
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
