import { InlayHintKind, type InlayHint } from 'vscode-languageserver-types';
import type { PlanDocument, Section } from '../model';

/** The computed number of every heading the drafter did not number, shown where the number would stand. */
export function inlayHints(document: PlanDocument): InlayHint[] {
  const hints: InlayHint[] = [];
  const visit = (sections: Section[]) => {
    for (const s of sections) {
      const title = s.titleInlines[0];
      if (!s.explicitNumber && title) {
        hints.push({ position: title.range.start, label: s.computedNumber, kind: InlayHintKind.Type, paddingRight: true, tooltip: 'Số do kehoach tính theo vị trí / computed from the position' });
      }
      visit(s.children);
    }
  };
  visit(document.sections);
  return hints;
}
