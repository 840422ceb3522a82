import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { PlanDocument, Section } from '../model';

/** The outline: header, sections with their computed numbers, closing blocks, appendices. */
export function documentSymbols(document: PlanDocument): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  const { header } = document;
  if (header.range) {
    symbols.push({
      name: header.summary?.value || 'Phần đầu',
      detail: document.official.numberLine,
      kind: SymbolKind.File,
      range: header.range,
      selectionRange: header.fields[0]?.range ?? header.range,
    });
  }
  const section = (s: Section): DocumentSymbol => ({
    name: `${s.computedNumber} ${s.title || '(chưa có tên)'}`,
    detail: s.explicitNumber && s.explicitNumber.value !== s.ordinal ? `gõ ${s.explicitNumber.text}` : undefined,
    kind: s.level === 1 ? SymbolKind.Namespace : SymbolKind.Module,
    range: s.range,
    selectionRange: s.headingRange,
    children: s.children.map(section),
  });
  symbols.push(...document.sections.map(section));
  if (document.recipients) symbols.push({ name: 'Nơi nhận', kind: SymbolKind.Array, range: document.recipients.range, selectionRange: document.recipients.labelRange });
  if (document.signature)
    symbols.push({ name: 'Ký', detail: document.signature.signer?.text, kind: SymbolKind.Object, range: document.signature.range, selectionRange: document.signature.labelRange });
  for (const a of document.appendices) symbols.push({ name: `Phụ lục${a.label ? ` ${a.label}` : ''}: ${a.title}`, kind: SymbolKind.Struct, range: a.range, selectionRange: a.range });
  return symbols;
}
