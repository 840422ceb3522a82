import type { Block, PlanDocument } from '../../model';
import { issuerProfile } from '../../scaffold/issuer-profile';
import { cascadeOf, smallerScope } from '../../scaffold/parents';
import { fold } from '../../syntax/inline';
import { allSections } from '../../domain/plan-parts';
import { WORKSPACE_PLAN_BASIS } from '../../domain/registry-facts';
import type { Rule } from '../rule';

/**
 * A target figure: a percentage, or a number of people or units (`70%`, `6.000 người`). The number is
 * read whole from its first digit (the look-behind, and a possessive run `(?=(…))\1`): a match never
 * starts inside a number, and a shorter number was never followed by a unit, so this is the same
 * reading in linear time.
 */
const FIGURE = /(?<!\d[.,]?)(?=(\d+(?:[.,]\d+)*))\1\s*(%|người|lao động|học sinh|sinh viên|học viên|lượt|doanh nghiệp|cơ sở|xã|hộ)(?![\p{L}])/gu;

interface Figure {
  /** The figure with the words before it, folded: what a copy repeats. */
  key: string;
  text: string;
  block: Block;
}

/** Every target figure of a plan's blocks, each keyed by itself and the three words before it. */
function figures(document: PlanDocument): Figure[] {
  const blocks = [...document.preamble, ...allSections(document.sections).flatMap((s) => s.blocks)];
  const out: Figure[] = [];
  for (const block of blocks) {
    if (block.kind === 'table') continue;
    for (const m of block.text.matchAll(FIGURE)) {
      const before = fold(block.text.slice(0, m.index))
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
        .slice(-3)
        .join(' ');
      out.push({ key: `${before} ${fold(m[0]).replace(/\s+/g, ' ')}`, text: m[0], block });
    }
  }
  return out;
}

export const cascadeTargets: Rule = {
  id: 'cascade-targets',
  title: { vi: 'Chỉ tiêu chép từ kế hoạch cấp trên', en: 'A target copied from the parent plan' },
  defaultSeverity: 'information',
  basis: WORKSPACE_PLAN_BASIS,
  check({ document, registry, report }) {
    const cascade = cascadeOf(document, registry);
    if (!cascade) return;
    const { issuerName, issuer: child, parents } = cascade;
    const own = figures(document);
    for (const { parent } of parents) {
      const upper = issuerProfile(parent.plan.header.issuer?.value ?? parent.issuer, registry, parent.plan.system.value);
      if (!smallerScope(child, upper)) continue;
      const theirs = new Map(figures(parent.plan).map((f) => [f.key, f]));
      for (const figure of own) {
        const copied = theirs.get(figure.key);
        if (!copied) continue;
        report(
          figure.block.range,
          {
            vi: `Chỉ tiêu “${figure.text}” trùng với ${parent.type} số ${parent.number} của ${parent.issuer}; phạm vi của ${issuerName} nhỏ hơn: xem lại chỉ tiêu của đơn vị mình`,
            en: `The target “${figure.text}” is the same as in ${parent.type} ${parent.number} of ${parent.issuer}; ${issuerName} covers less: review its own target`,
          },
          undefined,
          { related: [{ uri: parent.sources[0], range: copied.block.range, message: copied.block.kind === 'table' ? '' : copied.block.text }] },
        );
      }
    }
  },
};
