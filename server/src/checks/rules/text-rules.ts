import type { Rule } from '../rule';

/** The text rules, in the order of docs/rules.md. */
export const TEXT_RULES: readonly Rule[] = [];
