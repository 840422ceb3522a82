import type { Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { PlanDocument, Position } from '../model';
import type { Registry } from '../registry/registry';
import { splitNumber } from '../registry/registry';
import { occurrences, targetAt } from './targets';
import type { CancellationToken, IndexedPlan } from './workspace';

/**
 * What rename would change at the cursor: a document number (in a citation
 * or the plan's `Số:`) or an agency's name. Null elsewhere, so the editor
 * refuses to rename plain text.
 */
export function prepareRename(document: PlanDocument, text: string, p: Position, registry: Registry): { range: Range; placeholder: string } | null {
  const target = targetAt(document, text, p, registry);
  if (!target || target.kind === 'self') return null;
  return { range: target.range, placeholder: target.kind === 'document' ? target.text : target.name };
}

/**
 * Renames a document number or an agency across the workspace: every
 * citation of that number and the plan's own `Số:`, or every mention of that
 * agency (aliases included). A new number that is not a number (`64/KH-UBND`,
 * `21-CT/TW`) is refused with a message, as is an empty name.
 */
export function rename(
  document: PlanDocument,
  text: string,
  p: Position,
  newName: string,
  registry: Registry,
  plans: () => IndexedPlan[],
  token?: CancellationToken,
): WorkspaceEdit | { error: string } | null {
  const target = targetAt(document, text, p, registry);
  if (!target || target.kind === 'self') return null;
  const value = newName.trim();
  if (target.kind === 'document' && !splitNumber(value)) return { error: `“${value}” không phải số, ký hiệu văn bản / is not a document number` };
  if (!value) return { error: 'Tên mới trống / The new name is empty' };
  const changes: Record<string, TextEdit[]> = {};
  for (const { uri, range } of occurrences(target, plans(), registry, token)) (changes[uri] ??= []).push({ range, newText: value });
  return token?.isCancellationRequested ? null : { changes };
}
