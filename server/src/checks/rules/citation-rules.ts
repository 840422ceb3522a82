import type { Rule } from '../rule';

/** The rules on citations and agencies, judged against the registry on the plan's date. */
export const CITATION_RULES: readonly Rule[] = [];
