import type { PlanDiagnostic, TextEdit } from '../model';
import { SourceText } from '../syntax/source-text';

/**
 * Applies the edits of the safe fixes to a text. Edits that overlap one
 * already taken are left for a later pass (the caller re-checks and calls
 * again). Text outside the edited ranges is untouched.
 */
export function applySafeFixes(text: string, diagnostics: PlanDiagnostic[]): { text: string; applied: number } {
  const src = new SourceText(text);
  const edits: { start: number; end: number; newText: string }[] = [];
  let applied = 0;
  for (const d of diagnostics) {
    for (const fix of d.fixes ?? []) {
      if (!fix.safe) continue;
      const spans = fix.edits.map((e: TextEdit) => ({ start: src.offsetOf(e.range.start), end: src.offsetOf(e.range.end), newText: e.newText }));
      const clashes = spans.some((s) => edits.some((e) => s.start < e.end && e.start < s.end) || (s.start === s.end && edits.some((e) => e.start === s.start)));
      if (clashes) continue;
      edits.push(...spans);
      applied++;
      break; // one fix per diagnostic
    }
  }
  edits.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return { text: out, applied };
}
