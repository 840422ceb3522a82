import type { Bilingual, FindingBasis, Fix, PlanDiagnostic, PlanDocument, PlanSystem, Range, RelatedInformation, Severity } from '../model';
import type { Registry } from '../registry/registry';
import type { SourceText } from '../syntax/source-text';

/** The tone-mark placement a document should use: `hóa`, `ủy` (modern) or `hoá`, `uỷ` (classic). */
export type ToneStyle = 'modern' | 'classic';

/** Settings of a workspace (`kehoach.json`, see docs/configuration.md), already validated. */
export interface CheckConfig {
  /** Per-rule severity, or `off`. */
  rules?: Record<string, Severity | 'off'>;
  /** The date to judge plans on, overriding each plan's own (ISO). */
  planDate?: string;
  system?: PlanSystem;
  /** Tone-mark style; without it the document's majority decides. */
  toneStyle?: ToneStyle;
  /** Words the workspace's dictionary adds (the word lists of kehoach.json's `dictionary`): the spelling rules accept them. */
  words?: readonly string[];
}

export interface CheckContext {
  document: PlanDocument;
  /** The text, its NFC form and position mapping, for rules that read text rather than the model. */
  source: SourceText;
  registry: Registry;
  /**
   * The date the plan is judged on (ISO): its `Ngày:`, or the configured date,
   * or today when the plan has none (`fromPlan` false then).
   */
  date: { iso: string; fromPlan: boolean };
  config: CheckConfig;
  /**
   * Reports a finding of the running rule. `severity` lowers (never raises)
   * the rule's severity for this finding, e.g. to a hint when the registry
   * fact behind it is unconfirmed. `related` points to places in other
   * documents (the parent plan's task).
   */
  report(range: Range, message: Bilingual, fixes?: Fix[], options?: { severity?: Severity; related?: RelatedInformation[]; basis?: FindingBasis }): void;
}

/**
 * A check of a plan. One file per rule under `rules/`, listed in `index.ts`;
 * what it checks and why, with its source, is `docs/rules/<id>.md`
 * (`RULE_DOCS` of `rule-docs.generated.ts`); `docs/rules.md` is generated
 * from both.
 */
export interface Rule {
  /** Stable id, used in diagnostics, configuration and suppression comments. */
  id: string;
  title: Bilingual;
  defaultSeverity: Severity;
  /** For a rule comparing the plan with the registry: what each finding rests on (shown in docs/rules.md). */
  basis?: Bilingual;
  check(context: CheckContext): void;
}

export function formatMessage(message: Bilingual): string {
  return `${message.vi} / ${message.en}`;
}

export type { Bilingual, PlanDiagnostic };
