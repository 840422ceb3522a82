/**
 * Fixture markers. A fixture is a plan in our own syntax; expectations are
 * comment lines, so the fixture stays a valid plan:
 *
 *   # III. NHIỆM VỤ
 *   // ^^^^ warning heading-numbering
 *
 * A marker line is `//`, spaces, carets, a severity and a rule id. The carets
 * stand under the expected range on the nearest line above that is not a
 * marker (columns count UTF-16 units, as LSP does). Where carets cannot reach
 * (columns 0 and 1, or a range over several lines), write the range itself,
 * zero-based: `//! warning header-missing-field 0:0-0:0`.
 *
 * `expectDiagnostics(text)` returns what the markers expect, sorted, as
 * `line:col-line:col severity code` strings to compare with the actual ones.
 */
import type { PlanDiagnostic } from '../../server/src/model';

const CARETS = /^\/\/( *)(\^+) +(error|warning|information|hint) +([\w-]+)\s*$/;
const EXPLICIT = /^\/\/! +(error|warning|information|hint) +([\w-]+) +(\d+):(\d+)-(\d+):(\d+)\s*$/;

export function expectedDiagnostics(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const out: string[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const caret = CARETS.exec(line);
    if (caret) {
      const start = 2 + caret[1].length;
      out.push(`${target}:${start}-${target}:${start + caret[2].length} ${caret[3]} ${caret[4]}`);
      return;
    }
    const explicit = EXPLICIT.exec(line);
    if (explicit) {
      out.push(`${explicit[3]}:${explicit[4]}-${explicit[5]}:${explicit[6]} ${explicit[1]} ${explicit[2]}`);
      return;
    }
    target = index;
  });
  return out.sort();
}

export function describeDiagnostics(diagnostics: PlanDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.code}`).sort();
}
