import type { PlanDiagnostic } from '../model';
import type { ParseResult } from '../syntax/parse';
import { formatMessage, type Rule } from './rule';
import { headerMissingField } from './rules/header-missing-field';
import { headingNumberStyle } from './rules/heading-number-style';
import { headingNumbering } from './rules/heading-numbering';
import { itemNumbering } from './rules/item-numbering';
import { syntax } from './rules/syntax';

export type { Bilingual, CheckContext, Rule } from './rule';

/** Every rule, in the order of docs/rules.md. */
export const RULES: readonly Rule[] = [syntax, headerMissingField, headingNumbering, headingNumberStyle, itemNumbering];

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/**
 * Runs every rule on a parsed plan and returns the parser's diagnostics
 * followed by the rules', sorted by position. A rule that throws is reported
 * as an internal error on the first line rather than hiding the others.
 */
export function checkPlan(parsed: ParseResult): PlanDiagnostic[] {
  const diagnostics: PlanDiagnostic[] = [...parsed.diagnostics];
  for (const rule of RULES) {
    try {
      rule.check({
        document: parsed.document,
        report: (range, message, fixes) => diagnostics.push({ range, severity: rule.defaultSeverity, code: rule.id, message: formatMessage(message), ...(fixes?.length ? { fixes } : {}) }),
      });
    } catch (error) {
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'error',
        code: 'internal',
        message: `Lỗi nội bộ của quy tắc ${rule.id} / Internal error in rule ${rule.id}: ${(error as Error).message}`,
      });
    }
  }
  return diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
