import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver-types';
import type { PlanDiagnostic } from '../model';
import type { ParseResult } from '../syntax/parse';
import { before } from './positions';
import { toLspDiagnostic } from './diagnostics';
import type { WorkspaceFiles } from './workspace-edits';
import { workspaceQuickFixes } from './workspace-quick-fixes';

const overlaps = (a: Range, b: Range) => !before(a.end, b.start) && !before(b.end, a.start);

/**
 * Quick fixes for the diagnostics under a range, then those that add to the
 * workspace's files (its registry, its dictionary: `workspace` gives the plan's
 * parse and those files), "fix all of this kind" (every safe fix of the same
 * rule) and "suppress on this line".
 */
export function codeActions(uri: string, diagnostics: PlanDiagnostic[], range: Range, workspace?: { parsed: ParseResult; files?: WorkspaceFiles }): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics.filter((x) => overlaps(x.range, range))) {
    const lsp = toLspDiagnostic(d);
    d.fixes?.forEach((fix, i) => {
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [lsp], isPreferred: i === 0 && fix.safe, edit: { changes: { [uri]: fix.edits } } });
    });
    if (workspace) actions.push(...workspaceQuickFixes(d, lsp, workspace.parsed, uri, workspace.files));
    const sameKind = diagnostics.filter((x) => x.code === d.code && x.fixes?.[0]?.safe);
    if (sameKind.length > 1) {
      actions.push({
        title: `Sửa tất cả lỗi ${d.code} (${sameKind.length}) / Fix all ${d.code}`,
        kind: CodeActionKind.QuickFix,
        edit: { changes: { [uri]: sameKind.flatMap((x) => x.fixes![0].edits) } },
      });
    }
    const line = d.range.start.line;
    actions.push({
      title: `Bỏ qua ${d.code} ở dòng này / Suppress ${d.code} on this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp],
      edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `// kehoach-ignore ${d.code}\n` }] } },
    });
  }
  return actions;
}
