import type { PlanDocument } from '../model';

/**
 * Lines where rules are silenced: a comment `// kehoach-ignore rule-id, rule-id`
 * (or in Vietnamese `// kehoach: bỏ qua rule-id`) silences those rules on the
 * next line that is not a comment. Returns line → rule ids.
 */
export function suppressions(document: PlanDocument): Map<number, Set<string>> {
  const commentLines = new Set(document.comments.map((c) => c.range.start.line));
  const result = new Map<number, Set<string>>();
  for (const comment of document.comments) {
    // `s`: a U+2028 in the comment must not make `.+$` backtrack over every space (quadratic).
    const m = /^kehoach(?:-ignore|:\s*bỏ qua)\s+(.+)$/isu.exec(comment.text);
    if (!m) continue;
    let target = comment.range.start.line + 1;
    while (commentLines.has(target)) target++;
    const ids = result.get(target) ?? new Set<string>();
    for (const id of m[1].split(/[\s,]+/).filter(Boolean)) ids.add(id);
    result.set(target, ids);
  }
  return result;
}
