import type { Range } from './plan';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

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
}
