import type { Range } from './plan';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Text in Vietnamese and English; Vietnamese is shown first. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** A replacement of the text in `range` (LSP positions) by `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** What the fix does, Vietnamese first (`Đánh số lại thành II.`). */
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `kehoach check --fix`; others only offered in the editor. */
  safe: boolean;
}

/** A place elsewhere that a finding points to: the parent plan's task a hint quotes. */
export interface RelatedInformation {
  /** The document it is in, as the registry names it (the plan's URI in the editor, its path in the CLI). */
  uri: string;
  range: Range;
  message: string;
}

/**
 * How sure the registry is of a fact: `verified` read on a named public page,
 * `secondary` only in a secondary account, `cited` known only from how plans
 * cite it, `unverified` checked against no source (docs/registry.md).
 */
export type Confidence = 'verified' | 'secondary' | 'cited' | 'unverified';

/** The registry entry a finding rests on: what it is, where its facts come from and how sure they are. */
export interface FindingBasis {
  /** The entry as a reader names it (`Chỉ thị 21-CT/TW`, `Phòng Nội vụ`, `tỉnh Bắc Giang`). */
  entry: string;
  sources: string[];
  confidence: Confidence;
}

/** A finding of the parser or of a check. Messages are Vietnamese with the English after ` / `. */
export interface PlanDiagnostic {
  range: Range;
  severity: Severity;
  /** The rule id (`heading-numbering`) or `syntax`. */
  code: string;
  message: string;
  fixes?: Fix[];
  /** Places in other documents the finding refers to (LSP `relatedInformation`). */
  related?: RelatedInformation[];
  /** The registry entry the finding rests on, for a finding that compares the plan with the registry. */
  basis?: FindingBasis;
}
