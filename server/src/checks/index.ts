import type { PlanDiagnostic, Severity } from '../model';
import { builtinRegistry } from '../registry/builtin';
import { splitNumber, type Registry } from '../registry/registry';
import { planAsDocument } from '../registry/workspace';
import { todayInVietnam } from '../syntax/dates';
import type { ParseResult } from '../syntax/parse';
import { formatMessage, type CheckConfig, type Rule } from './rule';
import { RULES } from './rules';
import { suppressions } from './suppression';

export type { Bilingual, CheckConfig, CheckContext, Rule, ToneStyle } from './rule';
export { RULES };

export function findRule(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export interface CheckOptions {
  registry?: Registry;
  config?: CheckConfig;
  /** Today's date (ISO), for plans without a date; defaults to today in Vietnam by the clock. */
  today?: string;
}

/** The date a plan is judged on: the configured date, its own `Ngày:`, or today. */
export function judgementDate(parsed: ParseResult, config: CheckConfig, today: string): { iso: string; fromPlan: boolean } {
  if (config.planDate) return { iso: config.planDate, fromPlan: true };
  const own = parsed.document.header.planDate?.iso;
  return own ? { iso: own, fromPlan: true } : { iso: today, fromPlan: false };
}

/**
 * Runs every rule on a parsed plan and returns the parser's diagnostics
 * followed by the rules', sorted by position, less those turned off by the
 * configuration or suppressed by a `// kehoach-ignore rule-id` comment. A rule
 * that throws is reported as an internal error rather than hiding the others.
 */
export function checkPlan(parsed: ParseResult, options: CheckOptions = {}): PlanDiagnostic[] {
  const config = options.config ?? {};
  const base = options.registry ?? builtinRegistry();
  // The plan itself is a document too: its appendix may cite `Kế hoạch số 85/KH-UBND`.
  const self = planAsDocument(parsed.document, 'this plan');
  const registry = self && !base.findDocument({ ...splitNumber(self.number)! }) ? base.with({ documents: [self] }) : base;
  const today = options.today ?? todayInVietnam(new Date()).iso;
  const date = judgementDate(parsed, config, today);
  const severityOf = (id: string, fallback: Severity): Severity | 'off' => config.rules?.[id] ?? fallback;
  const diagnostics: PlanDiagnostic[] = [];
  const syntaxSeverity = severityOf('syntax', 'error');
  if (syntaxSeverity !== 'off') {
    for (const d of parsed.diagnostics) diagnostics.push(d.code === 'syntax' && config.rules?.syntax ? { ...d, severity: syntaxSeverity } : d);
  }
  for (const rule of RULES) {
    const configured = severityOf(rule.id, rule.defaultSeverity);
    if (configured === 'off' || rule.id === 'syntax') continue;
    try {
      rule.check({
        document: parsed.document,
        source: parsed.source,
        registry,
        date,
        config,
        report: (range, message, fixes, reportOptions) => {
          const lowered = reportOptions?.severity && RANK[reportOptions.severity] > RANK[configured] ? reportOptions.severity : configured;
          diagnostics.push({
            range,
            severity: lowered,
            code: rule.id,
            message: formatMessage(message),
            ...(fixes?.length ? { fixes } : {}),
            ...(reportOptions?.related?.length ? { related: reportOptions.related } : {}),
            ...(reportOptions?.basis ? { basis: reportOptions.basis } : {}),
          });
        },
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
  const ignored = suppressions(parsed.document);
  return diagnostics
    .filter((d) => !ignored.get(d.range.start.line)?.has(d.code))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}
