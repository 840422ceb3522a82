import { judgementDate, type CheckConfig } from '../checks';
import { builtinRegistry } from '../registry/builtin';
import { newPlan } from '../scaffold';
import { numericDate, todayInVietnam } from '../syntax/dates';
import type { ParseResult } from '../syntax/parse';
import { createAnalysisCache, type DocumentSettings } from './analysis-cache';
import { codeActions } from './code-actions';
import { completions } from './completion';
import { definition } from './definition';
import { toLspDiagnostic } from './diagnostics';
import { documentLinks } from './document-links';
import { foldingRanges } from './folding';
import { formatPlan } from './format';
import { hover } from './hover';
import { inlayHints } from './inlay-hints';
import { ANSWER_WHEN_CANCELLED, type CancellableFeature, type PlanService, type PlanServiceOptions } from './plan-service-api';
import { references } from './references';
import { registryEntryText } from './registry-entry';
import { prepareRename, rename } from './rename';
import { selectionRanges } from './selection-ranges';
import { semanticTokens } from './semantic-tokens';
import { documentSymbols } from './symbols';
import { inMemoryWorkspace, type CancellationToken, type IndexedPlan } from './workspace';
import { workspaceSymbols } from './workspace-symbols';

export * from './plan-service-api';

const isCancelled = (last: unknown) => typeof last === 'object' && last !== null && (last as Partial<CancellationToken>).isCancellationRequested === true;

/**
 * The cancellation policy, for every feature at once: the token comes last
 * (no other argument of a feature has `isCancellationRequested`), and a
 * request cancelled before it runs answers `ANSWER_WHEN_CANCELLED` without
 * doing any work. The features that walk the workspace are given the token
 * too, to stop midway.
 */
function withCancellation(features: PlanService): PlanService {
  const guarded: Record<string, unknown> = { ...features };
  for (const name of Object.keys(ANSWER_WHEN_CANCELLED) as CancellableFeature[]) {
    const run = features[name] as (...args: unknown[]) => unknown;
    guarded[name] = (...args: unknown[]) => (isCancelled(args.at(-1)) ? ANSWER_WHEN_CANCELLED[name]() : run(...args));
  }
  return guarded as unknown as PlanService;
}

/**
 * The plan service over a workspace: the features of `PlanService` as pure
 * functions of (document, position), each delegating to its own module with
 * what the cache holds for the document's version.
 */
export function createPlanService(options: PlanServiceOptions = {}): PlanService {
  const workspace = options.workspace ?? inMemoryWorkspace();
  let registry = options.registry ?? builtinRegistry();
  let config: CheckConfig = options.config ?? {};
  const today = () => options.today?.() ?? todayInVietnam(new Date()).iso;
  /** What a document is checked with: its own when `settingsFor` is given, else the service's. */
  const settingsOf = (uri: string): DocumentSettings => options.settingsFor?.(uri) ?? { registry, config };
  const cache = createAnalysisCache(workspace, settingsOf, today);
  const { parse, analyse } = cache;
  /** The date a plan is judged on, as the checks judge it. */
  const judgedOn = (uri: string, parsed: ParseResult) => judgementDate(parsed, settingsOf(uri).config, today());
  /** The index once per request, built only if the request needs it. */
  const lazyIndex = (token?: CancellationToken) => {
    let plans: IndexedPlan[] | undefined;
    return () => (plans ??= cache.index(token));
  };

  return withCancellation({
    getDiagnostics: (document) => analyse(document).diagnostics.map(toLspDiagnostic),
    getDocumentSymbols: (document) => documentSymbols(parse(document).document),
    getFoldingRanges: (document) => foldingRanges(parse(document).document),
    getHover(document, position) {
      const { parsed, diagnostics } = analyse(document);
      return hover(parsed.document, position, cache.registryFor(document.uri), judgedOn(document.uri, parsed).iso, diagnostics);
    },
    getCompletions(document, position) {
      const parsed = parse(document);
      return completions(parsed.document, document.getText(), position, cache.registryFor(document.uri), judgedOn(document.uri, parsed).iso, today());
    },
    getInlayHints: (document) => inlayHints(parse(document).document),
    getFormattingEdits: (document) => formatPlan(document.getText()),
    getCodeActions(document, range) {
      const analysis = analyse(document);
      return codeActions(document.uri, analysis.diagnostics, range, { parsed: analysis.parsed, files: settingsOf(document.uri).files });
    },
    getDefinition: (document, position, token) => definition(document.uri, parse(document).document, document.getText(), position, cache.registryFor(document.uri), lazyIndex(token)),
    getReferences: (document, position, includeDeclaration, token) =>
      references(parse(document).document, document.getText(), position, includeDeclaration, cache.registryFor(document.uri), lazyIndex(token), token),
    prepareRename: (document, position) => prepareRename(parse(document).document, document.getText(), position, cache.registryFor(document.uri)),
    getRenameEdits: (document, position, newName, token) => rename(parse(document).document, document.getText(), position, newName, cache.registryFor(document.uri), lazyIndex(token), token),
    getWorkspaceSymbols: (query, token) => workspaceSymbols(query, cache.index(token), token),
    getSelectionRanges: (document, positions) => selectionRanges(parse(document).document, document.getText(), positions),
    getSemanticTokens: (document) => semanticTokens(parse(document).document, document.getText()),
    getDocumentLinks: (document, token) => documentLinks(parse(document).document, document.getText(), cache.registryFor(document.uri), lazyIndex(token)),
    getPlanStatus(document) {
      const parsed = parse(document);
      const { iso, fromPlan } = judgedOn(document.uri, parsed);
      const source = settingsOf(document.uri).config.planDate ? 'config' : fromPlan ? 'plan' : 'today';
      return { system: parsed.document.system.value, systemSource: parsed.document.system.source, date: iso, dateText: numericDate(iso), dateSource: source };
    },
    getRegistryEntry(uri) {
      // An entry of a folder's own registry file is in the registry of the documents of that folder.
      for (const base of cache.baseRegistries(registry)) {
        const text = registryEntryText(uri, base);
        if (text !== undefined) return text;
      }
      return undefined;
    },
    getNewPlan(request, base = registry) {
      const plans = cache.index().flatMap((p) => (p.asCited ? [p.asCited] : []));
      return newPlan({ ...request, date: request.date ?? today(), registry: base.with({ documents: plans }) });
    },
    analyse,
    configure(next) {
      if (next.registry) registry = next.registry;
      if (next.config) config = next.config;
      cache.clear();
    },
    staleDependents: (uri) => cache.staleDependents(uri),
    forget: (uri) => cache.forget(uri),
  });
}
