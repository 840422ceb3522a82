import { checkPlan, type CheckConfig } from '../checks';
import type { PlanDiagnostic } from '../model';
import type { Registry } from '../registry/registry';
import type { RegistryDocument } from '../registry/types';
import { planAsDocument } from '../registry/workspace';
import { parsePlan, type ParseResult } from '../syntax/parse';
import { createDocumentMemos } from './incremental';
import type { WorkspaceFiles } from './workspace-edits';
import type { CancellationToken, IndexedPlan, PlanTextDocument, Workspace } from './workspace';

/** What a document is checked with. */
export interface DocumentSettings {
  registry: Registry;
  config: CheckConfig;
  /** The files its settings come from, for the quick fixes that add to them (the server's; none in-process). */
  files?: WorkspaceFiles;
}

/** The parse and the findings of one version of a document. */
export interface Analysis {
  parsed: ParseResult;
  diagnostics: PlanDiagnostic[];
}

/**
 * The service's one caching policy. Everything is keyed by what it was
 * computed from, by identity:
 * - a parse by the document's version;
 * - a plan of the workspace index by its version (the same `IndexedPlan`,
 *   and so the same registry entry, while the version stays);
 * - the facts other plans may cite by a generation that moves only when one
 *   of those facts changes (number, kind, issuer, date, trích yếu, system), not
 *   at every keystroke in another plan;
 * - a plan's registry by its base and the entries of the other plans;
 * - a plan's findings by its version, that generation and the versions of
 *   the workspace plans it cites (the cascade checks read their text).
 * `clear` drops all but the per-block memos (results of the text alone).
 */
export interface AnalysisCache {
  parse(document: PlanTextDocument): ParseResult;
  analyse(document: PlanTextDocument): Analysis;
  /** Every plan of the workspace, parsed; stops early, returning what it has, when cancelled. */
  index(token?: CancellationToken): IndexedPlan[];
  /** The registry a plan is read against: its settings' registry with the other plans as documents it may cite. */
  registryFor(uri: string): Registry;
  /** The documents analysed before whose findings are stale now, `uri` left out. */
  staleDependents(uri: string): string[];
  /** The registries documents were read against (their bases), the service's own first. */
  baseRegistries(own: Registry): Registry[];
  clear(): void;
  forget(uri: string): void;
}

interface CachedAnalysis {
  version: number;
  citableGeneration: number;
  /** The workspace plans it cites, by the version it was checked against. */
  cited: Map<string, number>;
  analysis: Analysis;
}

interface CachedRegistry {
  base: Registry;
  /** The other plans' entries it was built with, compared by identity. */
  documents: RegistryDocument[];
  registry: Registry;
}

/** The facts a citing plan's findings depend on: equal entries cite alike. */
function sameFacts(a: RegistryDocument, b: RegistryDocument): boolean {
  return a.sources[0] === b.sources[0] && a.number === b.number && a.type === b.type && a.issuer === b.issuer && a.date === b.date && a.title === b.title && a.system === b.system;
}

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * Every plan of the workspace, parsed (through the cache), each kept as the
 * same `IndexedPlan` while its version stays; `citableGeneration` moves when
 * the facts of the plans others may cite change between two complete
 * listings. A listing stopped by cancellation is returned but not kept.
 */
function createWorkspaceIndex(workspace: Workspace, parse: (document: PlanTextDocument) => ParseResult) {
  let indexed = new Map<string, IndexedPlan>();
  let citable: RegistryDocument[] = [];
  let generation = 0;
  return {
    plans(token?: CancellationToken): IndexedPlan[] {
      const plans: IndexedPlan[] = [];
      for (const uri of workspace.listDocuments()) {
        if (token?.isCancellationRequested) return plans;
        const text = workspace.readDocument(uri);
        if (!text) continue;
        const known = indexed.get(uri);
        if (known && known.version === text.version) {
          plans.push(known);
          continue;
        }
        const { document } = parse(text);
        plans.push({ uri, version: text.version, document, asCited: planAsDocument(document, uri) });
      }
      indexed = new Map(plans.map((p) => [p.uri, p]));
      const nowCitable = plans.flatMap((p) => (p.asCited ? [p.asCited] : []));
      if (nowCitable.length !== citable.length || nowCitable.some((d, i) => !sameFacts(d, citable[i]))) generation++;
      citable = nowCitable;
      return plans;
    },
    citableGeneration: () => generation,
    /** Parses dropped: the plans are parsed again when next listed. */
    clear() {
      indexed = new Map();
    },
  };
}

export function createAnalysisCache(workspace: Workspace, settingsOf: (uri: string) => DocumentSettings, today: () => string): AnalysisCache {
  const parses = new Map<string, { version: number; parsed: ParseResult }>();
  const registries = new Map<string, CachedRegistry>();
  const analyses = new Map<string, CachedAnalysis>();
  /** What each document's last version found per paragraph and run, for the next version (results of the text alone: kept across `clear`). */
  const memos = createDocumentMemos();
  const workspaceIndex = createWorkspaceIndex(workspace, (document) => parse(document));

  function parse(document: PlanTextDocument): ParseResult {
    const hit = parses.get(document.uri);
    if (hit && hit.version === document.version) return hit.parsed;
    const parsed = parsePlan(document.getText(), { system: settingsOf(document.uri).config.system, memo: memos.nextVersion(document.uri) });
    parses.set(document.uri, { version: document.version, parsed });
    return parsed;
  }

  function registryFor(uri: string, plans = workspaceIndex.plans()): Registry {
    const documents = plans.flatMap((p) => (p.asCited && p.uri !== uri ? [p.asCited] : []));
    const base = settingsOf(uri).registry;
    const hit = registries.get(uri);
    if (hit && hit.base === base && sameItems(hit.documents, documents)) return hit.registry;
    const registry = documents.length ? base.with({ documents }) : base;
    registries.set(uri, { base, documents, registry });
    return registry;
  }

  /** True while every plan the findings were checked against is as it was: the citable facts of all, the whole text of those cited. */
  const upToDate = (hit: CachedAnalysis) => hit.citableGeneration === workspaceIndex.citableGeneration() && [...hit.cited].every(([uri, version]) => workspace.readDocument(uri)?.version === version);

  function analyse(document: PlanTextDocument): Analysis {
    const registry = registryFor(document.uri);
    const hit = analyses.get(document.uri);
    if (hit && hit.version === document.version && upToDate(hit)) return hit.analysis;
    const parsed = parse(document);
    const diagnostics = checkPlan(parsed, { registry, config: settingsOf(document.uri).config, today: today() });
    // The workspace plans it cites: the cascade checks read their text, so an edit of theirs makes these findings stale.
    const cited = new Map<string, number>();
    for (const c of parsed.document.citations) {
      const entry = registry.findDocument(c);
      const plan = entry?.plan && entry.sources[0] !== document.uri ? workspace.readDocument(entry.sources[0]) : undefined;
      if (plan) cited.set(plan.uri, plan.version);
    }
    const analysis = { parsed, diagnostics };
    analyses.set(document.uri, { version: document.version, citableGeneration: workspaceIndex.citableGeneration(), cited, analysis });
    return analysis;
  }

  return {
    parse,
    analyse,
    index: (token) => workspaceIndex.plans(token),
    registryFor: (uri) => registryFor(uri),
    staleDependents(uri) {
      workspaceIndex.plans();
      return [...analyses].filter(([other, hit]) => other !== uri && !upToDate(hit)).map(([other]) => other);
    },
    baseRegistries: (own) => [...new Set([own, ...[...registries.values()].map((r) => r.base)])],
    clear() {
      analyses.clear();
      parses.clear();
      registries.clear();
      workspaceIndex.clear();
    },
    forget(uri) {
      analyses.delete(uri);
      parses.delete(uri);
      registries.delete(uri);
      memos.forget(uri);
    },
  };
}
