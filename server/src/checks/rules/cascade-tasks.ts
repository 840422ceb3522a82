import { assignedTasks } from '../../scaffold/assigned-tasks';
import { cascadeOf } from '../../scaffold/parents';
import { fold } from '../../syntax/inline';
import { allSections } from '../../domain/plan-parts';
import { WORKSPACE_PLAN_BASIS } from '../../domain/registry-facts';
import type { Rule } from '../rule';
import type { Block, PlanDocument } from '../../model';

const wordsOf = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);
const bigrams = (words: string[]) => words.slice(1).map((w, i) => `${words[i]} ${w}`);

/** Share of a task's word pairs that the plan repeats: below it, the task is not addressed. */
const ADDRESSED = 0.3;

function planText(document: PlanDocument): string {
  const text = (b: Block) => (b.kind === 'table' ? b.rows.flatMap((r) => r.cells.map((c) => c.text)).join(' ') : b.text);
  const sections = allSections(document.sections);
  return [...document.preamble.map(text), ...sections.flatMap((s) => [s.title, ...s.blocks.map(text)]), ...document.appendices.flatMap((a) => a.blocks.map(text))].join('\n');
}

const quote = (text: string) => (text.length > 180 ? `${text.slice(0, 177)}…` : text);

export const cascadeTasks: Rule = {
  id: 'cascade-tasks',
  title: { vi: 'Nhiệm vụ cấp trên giao chưa được triển khai', en: 'A task the parent assigns is not addressed' },
  defaultSeverity: 'hint',
  basis: WORKSPACE_PLAN_BASIS,
  check({ document, registry, report }) {
    const cascade = cascadeOf(document, registry);
    if (!cascade) return;
    const { issuer, parents } = cascade;
    const own = new Set(bigrams(wordsOf(planText(document))));
    for (const { citation, parent } of parents) {
      for (const task of assignedTasks(parent.plan, issuer)) {
        const pairs = bigrams(wordsOf(task.text));
        if (!pairs.length || pairs.filter((p) => own.has(p)).length / pairs.length >= ADDRESSED) continue;
        report(
          citation.range,
          {
            vi: `${parent.type} số ${parent.number} giao cho ${task.assignee} nhiệm vụ chưa thấy trong kế hoạch này: “${quote(task.text)}”`,
            en: `${parent.type} ${parent.number} assigns ${task.assignee} a task not addressed in this plan: “${quote(task.text)}”`,
          },
          undefined,
          { related: [{ uri: parent.sources[0], range: task.range, message: task.text }] },
        );
      }
    }
  },
};
