import type { Rule } from '../rule';
import { CITATION_RULES } from './citation-rules';
import { headerMissingField } from './header-missing-field';
import { headingNumberStyle } from './heading-number-style';
import { headingNumbering } from './heading-numbering';
import { itemNumbering } from './item-numbering';
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
  ...TEXT_RULES,
];
