import type { Rule } from '../rule';

/** The structure rules, in the order of docs/rules.md. */
export const STRUCTURE_RULES: readonly Rule[] = [];
