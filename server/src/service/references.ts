import type { Location } from 'vscode-languageserver-types';
import type { PlanDocument, Position } from '../model';
import type { Registry } from '../registry/registry';
import { occurrences, targetAt } from './targets';
import type { CancellationToken, IndexedPlan } from './workspace';

/**
 * Find references: every citation of the document under the cursor across
 * the workspace (and, with `includeDeclaration`, the cited plan's `Số:`), or
 * every mention of the agency under the cursor. Empty elsewhere.
 */
export function references(document: PlanDocument, text: string, p: Position, includeDeclaration: boolean, registry: Registry, plans: () => IndexedPlan[], token?: CancellationToken): Location[] {
  const target = targetAt(document, text, p, registry);
  if (!target || target.kind === 'self') return [];
  return occurrences(target, plans(), registry, token)
    .filter((o) => includeDeclaration || !o.declaration)
    .map(({ uri, range }) => ({ uri, range }));
}
