import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { Section } from '../model';
import { fold } from '../syntax/inline';
import type { CancellationToken, IndexedPlan } from './workspace';

/** Enough to choose from; the editor filters further as the query grows. */
const LIMIT = 500;

/**
 * Workspace symbols: each plan (by its number and trích yếu) and its
 * sections (with computed numbers), whose name contains the query without
 * regard to case or diacritics. An empty query lists everything.
 */
export function workspaceSymbols(query: string, plans: IndexedPlan[], token?: CancellationToken): SymbolInformation[] {
  const wanted = fold(query.trim());
  const out: SymbolInformation[] = [];
  const add = (symbol: SymbolInformation) => {
    if (out.length < LIMIT && fold(symbol.name).includes(wanted)) out.push(symbol);
  };
  for (const { uri, document } of plans) {
    if (token?.isCancellationRequested) return [];
    const { header } = document;
    const planName = [header.number?.value, header.summary?.value].filter(Boolean).join(' — ');
    if (planName) add({ name: planName, kind: SymbolKind.File, location: { uri, range: header.range ?? header.fields[0].range } });
    const container = header.number?.value || undefined;
    const walk = (s: Section) => {
      add({ name: `${s.computedNumber} ${s.title}`.trim(), kind: s.level === 1 ? SymbolKind.Namespace : SymbolKind.Module, location: { uri, range: s.headingRange }, containerName: container });
      s.children.forEach(walk);
    };
    document.sections.forEach(walk);
  }
  return out;
}
