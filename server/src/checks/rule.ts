import type { Fix, PlanDiagnostic, PlanDocument, Range, Severity } from '../model';

/** Text in Vietnamese and English; Vietnamese is shown first. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface CheckContext {
  document: PlanDocument;
  /** Reports a finding of the running rule at its configured severity. */
  report(range: Range, message: Bilingual, fixes?: Fix[]): void;
}

/**
 * A check of a plan. One file per rule under `rules/`, listed in `index.ts`;
 * `docs/rules.md` is generated from these fields.
 */
export interface Rule {
  /** Stable id, used in diagnostics, configuration and suppression comments. */
  id: string;
  title: Bilingual;
  defaultSeverity: Severity;
  /** What the rule checks and why, with its source (the clause or the registry entry). */
  doc: Bilingual;
  check(context: CheckContext): void;
}

export function formatMessage(message: Bilingual): string {
  return `${message.vi} / ${message.en}`;
}

export type { PlanDiagnostic };
