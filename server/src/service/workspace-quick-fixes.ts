import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Citation, PlanDiagnostic } from '../model';
import type { ParseResult } from '../syntax/parse';
import { numericDate } from '../syntax/dates';
import { addDocumentEdit, addWordEdit, type WorkspaceFiles } from './workspace-edits';

/** The party's issuer codes: a document numbered with one is the party's. */
const PARTY_SYMBOL = /\/(?:TW|TU|HU|QU|TXU|ĐU|ĐUK|[A-ZĐ]{1,6}TW)$/u;
/** How a title goes on after the issuer in a citation: `… của Thủ tướng Chính phủ về đẩy mạnh …`. */
const TITLE_AFTER = /^\s*(?:,\s*)?((?:về|phê duyệt|quy định|hướng dẫn|ban hành|triển khai|thực hiện)\s[^.;:()\n]{0,300})/u;

const same = (a: Diagnostic['range'], b: Diagnostic['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/**
 * A registry entry for a document as a plan cites it: number, type, date,
 * issuer, the title that follows, `cited` confidence, the plan as its source.
 * Undefined without a date or an issuer: an entry lacking them would check
 * nothing, and a wrong guess would give false findings.
 */
function citedEntry(c: Citation, parsed: ParseResult, planUri: string): Record<string, unknown> | undefined {
  if (!c.date || !c.issuer) return undefined;
  const { source, document } = parsed;
  const end = source.offsetOf(c.range.end);
  const title = TITLE_AFTER.exec(source.original.slice(end, end + 400).normalize('NFC'))?.[1].trim() ?? '';
  const { header } = document;
  const plan = [header.kind?.value ?? 'Kế hoạch', header.number?.value].filter(Boolean).join(' ');
  const of = [header.issuer?.value, header.planDate && numericDate(header.planDate.iso)].filter(Boolean).join(', ');
  const file = decodeURIComponent(planUri.slice(planUri.lastIndexOf('/') + 1));
  return {
    number: c.numberText.replace(/\s+/g, ''),
    type: c.docType,
    issuer: c.issuer,
    date: c.date.iso,
    title,
    system: PARTY_SYMBOL.test(c.symbol) ? 'party' : 'state',
    confidence: 'cited',
    sources: [`cited in ${plan}${of ? ` (${of})` : ''}, ${file}`],
  };
}

/**
 * The quick fixes that add to the workspace's own files: a document the
 * registry does not know to its registry file ("Thêm vào danh mục của thư
 * mục"), a word the spelling rule does not know to its word list ("Thêm vào
 * từ điển"), each file created and listed in kehoach.json when there is none.
 * Nothing without the workspace's files (a plan outside any folder).
 */
export function workspaceQuickFixes(d: PlanDiagnostic, lsp: Diagnostic, parsed: ParseResult, planUri: string, files: WorkspaceFiles | undefined): CodeAction[] {
  if (!files) return [];
  if (d.code === 'citation-unknown') {
    const citation = parsed.document.citations.find((c) => same(c.numberRange, d.range));
    const entry = citation && citedEntry(citation, parsed, planUri);
    const edit = entry && addDocumentEdit(files, entry);
    return edit ? [{ title: `Thêm ${entry!.type} ${entry!.number} vào danh mục của thư mục / Add it to the workspace registry`, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit }] : [];
  }
  if (d.code === 'text-spelling') {
    const { source } = parsed;
    const word = source.original.slice(source.offsetOf(d.range.start), source.offsetOf(d.range.end)).normalize('NFC');
    const edit = word && addWordEdit(files, word);
    return edit ? [{ title: `Thêm "${word}" vào từ điển / Add "${word}" to the dictionary`, kind: CodeActionKind.QuickFix, diagnostics: [lsp], edit }] : [];
  }
  return [];
}
