import type { Rule } from '../rule';
import { cascadeCitation } from './cascade-citation';
import { cascadeTargets } from './cascade-targets';
import { cascadeTasks } from './cascade-tasks';
import { CITATION_RULES } from './citation-rules';
import { headerMissingField } from './header-missing-field';
import { headingNumberStyle } from './heading-number-style';
import { headingNumbering } from './heading-numbering';
import { itemNumbering } from './item-numbering';
import { reviewNote } from './review-note';
import { STRUCTURE_RULES } from './structure-rules';
import { syntax } from './syntax';
import { TEXT_RULES } from './text-rules';

/** Every rule, in the order of docs/rules.md. */
export const RULES: readonly Rule[] = [
  syntax,
  headerMissingField,
  headingNumbering,
  headingNumberStyle,
  itemNumbering,
  ...STRUCTURE_RULES,
  ...CITATION_RULES,
  cascadeCitation,
  cascadeTasks,
  cascadeTargets,
  ...TEXT_RULES,
  reviewNote,
];
