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

/** A finding of the parser or of a check. Messages are Vietnamese with the English after ` / `. */
export interface PlanDiagnostic {
  range: Range;
  severity: Severity;
  /** The rule id (`heading-numbering`) or `syntax`. */
  code: string;
  message: string;
  fixes?: Fix[];
}
