import { fold } from '../syntax/inline';
import type { ImportedHeader } from './header';
import { opensClosing } from './closing';
import { isNoiseLine } from './noise';
import { cellsOf, isUpperText, type SourceParagraph } from './source-paragraphs';

/**
 * A plan issued by a decision arrives as one file: the decision (`QUYẾT ĐỊNH
 * Phê duyệt Kế hoạch …`, its articles, Nơi nhận and signature), then the plan
 * under a header of its own, its title followed by `(Kèm theo Quyết định số …)`.
 * The plan is what the import reads; the decision stays beside it as comments.
 */

/** Kinds of document a plan is: a decision before one of these issues it. */
const PLAN_KIND = /^(?:ke hoach|chuong trinh(?: hanh dong| cong tac)?|de an|phuong an)$/;
/** The line under an issued plan's title: `(Kèm theo Quyết định số … ngày … của …)`, `(Ban hành kèm theo …)`. */
export const ISSUED_WITH = /^\(?\s*(?:ban hanh\s+)?kem theo\s+(?:quyet dinh|nghi quyet|cong van|thong bao|to trinh)\b/;
const PLAN_WORD = /\b(?:ke hoach|chuong trinh|de an|phuong an)\b/;

/** A decision's article issuing the plan that follows it (folded): `Ban hành kèm theo Quyết định này Kế hoạch …`, `Phê duyệt Kế hoạch …, kèm theo Quyết định này`. */
function announcesPlan(folded: string): boolean {
  const at = folded.indexOf('kem theo quyet dinh nay');
  if (at < 0) return false;
  // The plan named after the words, or before them in the same sentence.
  return PLAN_WORD.test(folded.slice(at, at + 60)) || PLAN_WORD.test(folded.slice(folded.lastIndexOf('.', at) + 1, at));
}
/** The lines of a header: the Quốc hiệu and Tiêu ngữ, the party line, a `Số:` line, an issuer in capitals. */
const headerLine = (folded: string) =>
  folded.includes('cong hoa xa hoi chu nghia viet nam') || folded.includes('dang cong san viet nam') || /doc lap\s*-\s*tu do/.test(folded) || /^so\s*:/.test(folded);

const textOf = (p: SourceParagraph) => p.lines.join(' ').trim();

function headerLike(p: SourceParagraph): boolean {
  if (p.table) return p.table.flat().some((cell) => headerLine(fold(cell)));
  const text = textOf(p);
  if (isNoiseLine(text)) return true;
  return cellsOf(text).every((cell) => isUpperText(cell) || headerLine(fold(cell)));
}

/**
 * Where the plan a decision issues starts, when the paragraphs from `from` on
 * hold one: its title in capitals (`KẾ HOẠCH`) with `(Kèm theo Quyết định …)`
 * within the next lines, and the header above that title. Undefined when the
 * document read so far (`kind`) is a plan itself, or no plan follows.
 */
export function issuedPlanStart(paragraphs: SourceParagraph[], from: number, kind: string): number | undefined {
  if (!kind || PLAN_KIND.test(fold(kind))) return undefined;
  for (let j = from; j < paragraphs.length; j++) {
    const title = textOf(paragraphs[j]);
    if (paragraphs[j].table || !isUpperText(title) || !PLAN_KIND.test(fold(title).replace(/\*/g, '').trim())) continue;
    const issuedWith = paragraphs.slice(j + 1, j + 4).some((p) => ISSUED_WITH.test(fold(textOf(p))) || ISSUED_WITH.test(fold(textOf(p)).replace(/^.*?(?=\(\s*(?:ban hanh\s+)?kem theo)/, '')));
    // Without that line (a portal's copy may drop it), the decision's own words announce the plan, and its signature stands before the title.
    const announced = () => paragraphs.slice(from, j).some((p) => announcesPlan(fold(textOf(p)))) && paragraphs.slice(from, j).some(opensClosing);
    if (!issuedWith && !announced()) continue;
    let start = j;
    while (start - 1 >= from && headerLike(paragraphs[start - 1])) start--;
    return start;
  }
  return undefined;
}

/**
 * The header of an issued plan: its own fields where its header gives them,
 * the decision's place and date otherwise (the plan is dated with the
 * decision); its number only when it has one of its own, as the decision's
 * is not the plan's.
 */
export function issuedPlanHeader(plan: ImportedHeader, decision: ImportedHeader): ImportedHeader {
  return {
    ...(plan.parentBody || decision.parentBody ? { parentBody: plan.parentBody || decision.parentBody } : {}),
    issuer: plan.issuer || decision.issuer,
    number: /\d/.test(plan.number) ? plan.number : '',
    place: plan.place || decision.place,
    date: plan.date || decision.date,
    kind: plan.kind,
    summary: plan.summary,
    ...(plan.system ? { system: plan.system } : {}),
  };
}
