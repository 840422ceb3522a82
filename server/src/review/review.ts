import { checkPlan } from '../checks';
import type { CheckConfig } from '../checks/rule';
import { DocumentEditor, type Reviewer } from '../docx/annotate';
import { readWordDocument } from '../docx/word-document';
import { planTextOfWordDocument } from '../import';
import type { Registry } from '../registry/registry';
import { parsePlan } from '../syntax/parse';
import { textBetween, type WordDocument } from '../docx/word-document';
import type { PlanDiagnostic, Severity } from '../model';
import { SourceText } from '../syntax/source-text';
import { PlanAlignment, type WordRange } from '../docx/align';

/**
 * A review: the findings on a plan written into the Word document the plan
 * stands for, as comments on the words each is about and, when asked, the
 * safe fixes as tracked changes. The plan is the import of the document
 * (`kehoach review`) or the plan the document was exported from (`kehoach
 * render --comments`). Pure: a document read from bytes in, bytes out.
 */

export const REVIEWER_NAME = 'kehoach';

/** Where each rule is documented, for the link in its comments. */
export const RULES_DOC_URL = 'https://github.com/kehoach/kehoach/blob/main/docs/rules.md';

/** Codes that are never comments: the plan's own syntax (not the document's), and the document's own comments read back. */
const NOT_REVIEWED = new Set(['syntax', 'review-note']);

export interface ReviewOptions {
  /** Hints too (off by default: they are suggestions, not findings). */
  hints?: boolean;
  /** Each safe fix also as a tracked change. */
  suggest?: boolean;
  /** The comments' date, ISO (`2026-12-04T10:00:00Z`). */
  date: string;
}

/** One finding as the review wrote it. */
export interface ReviewedFinding {
  diagnostic: PlanDiagnostic;
  /** Where its comment is anchored. */
  range: WordRange;
  /** The document's text under the comment. */
  anchoredText: string;
  /** The replacement its first fix offers, when there is one. */
  suggestion?: string;
  /** True when the fix was written as a tracked change. */
  tracked: boolean;
  commentId: string;
}

export interface ReviewResult {
  bytes: Uint8Array;
  findings: ReviewedFinding[];
}

const SEVERITY_NAMES: Record<Severity, string> = {
  error: 'lỗi / error',
  warning: 'cảnh báo / warning',
  information: 'thông tin / information',
  hint: 'gợi ý / hint',
};

/** The findings a review writes, in the plan's order. */
export function reviewedDiagnostics(diagnostics: PlanDiagnostic[], hints = false): PlanDiagnostic[] {
  return diagnostics.filter((d) => !NOT_REVIEWED.has(d.code) && (hints || d.severity !== 'hint'));
}

/**
 * What its first fix makes of the finding's range (`64 /KH-UBND` → `64/KH-UBND`), for the comment;
 * the fix's title when its edits reach beyond the range.
 */
function suggestionOf(diagnostic: PlanDiagnostic, planText: string, source: SourceText): string | undefined {
  const fix = diagnostic.fixes?.find((f) => f.safe) ?? diagnostic.fixes?.[0];
  if (!fix) return undefined;
  const from = source.offsetOf(diagnostic.range.start);
  const to = source.offsetOf(diagnostic.range.end);
  const edits = fix.edits.map((e) => ({ start: source.offsetOf(e.range.start), end: source.offsetOf(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  if (!edits.every((e) => from <= e.start && e.end <= to)) return fix.title;
  let text = planText.slice(from, to);
  for (const e of edits) text = text.slice(0, e.start - from) + e.newText + text.slice(e.end - from);
  return text.trim() || fix.title;
}

function commentParagraphs(d: PlanDiagnostic, range: WordRange, planText: string, source: SourceText, suggestion: string | undefined): string[] {
  const lines = [d.message];
  if (range.kind === 'label') {
    const typed = planText.slice(source.offsetOf(d.range.start), source.offsetOf(d.range.end)).trim();
    lines.push(
      `Về số tự động${typed ? ` “${typed}”` : ''} của đoạn này (Word đánh số, không có chữ để gắn) / About the automatic number${typed ? ` “${typed}”` : ''} of this paragraph (Word numbers it: there are no words to anchor on)`,
    );
  } else if (range.kind === 'nearest') {
    lines.push(
      'Không có chữ nào của văn bản ứng với phát hiện này (phần còn thiếu); gắn vào đoạn gần nhất / No words of the document stand for this finding (a missing part): anchored on the nearest paragraph',
    );
  }
  if (suggestion !== undefined) lines.push(`Đề nghị sửa thành / Suggested: “${suggestion}”`);
  lines.push(`Quy tắc / Rule: ${d.code} (${SEVERITY_NAMES[d.severity]})`);
  lines.push(`${RULES_DOC_URL}#${d.code}`);
  return lines;
}

/**
 * Writes each finding on `planText` (hints only when asked; never the plan's
 * syntax nor the notes read back from the document) as a comment of the
 * reviewer `kehoach` into `document`, and with `suggest` each safe fix whose
 * edits fall on words found in the document as a tracked change.
 */
export function reviewDocument(document: WordDocument, planText: string, diagnostics: PlanDiagnostic[], options: ReviewOptions): ReviewResult {
  const source = new SourceText(planText);
  const alignment = new PlanAlignment(planText, document);
  const editor = new DocumentEditor(document);
  const reviewer: Reviewer = { author: REVIEWER_NAME, initials: 'KH', date: options.date };
  const findings: ReviewedFinding[] = [];
  for (const d of reviewedDiagnostics(diagnostics, options.hints)) {
    const range = alignment.map(source.offsetOf(d.range.start), source.offsetOf(d.range.end));
    const suggestion = suggestionOf(d, planText, source);
    const anchoredText = textBetween(document, range.start, range.end);
    const commentId = editor.addComment({ start: range.start, end: range.end, paragraphs: commentParagraphs(d, range, planText, source, suggestion) }, reviewer);
    findings.push({ diagnostic: d, range, anchoredText, ...(suggestion !== undefined ? { suggestion } : {}), tracked: false, commentId });
  }
  if (options.suggest) suggestChanges(document, findings, planText, source, alignment, editor, reviewer);
  return { bytes: editor.toBytes(), findings };
}

/** The safe fixes as tracked changes, from the end of the document back so that earlier places stay where they are. */
function suggestChanges(document: WordDocument, findings: ReviewedFinding[], planText: string, source: SourceText, alignment: PlanAlignment, editor: DocumentEditor, reviewer: Reviewer): void {
  interface Planned {
    finding: ReviewedFinding;
    edits: { start: { paragraph: number; offset: number }; end: { paragraph: number; offset: number }; newText: string; planStart: number; planEnd: number }[];
  }
  const planned: Planned[] = [];
  for (const finding of findings) {
    const fix = finding.diagnostic.fixes?.find((f) => f.safe);
    if (!fix) continue;
    const edits: Planned['edits'] = [];
    for (const e of fix.edits) {
      const planStart = source.offsetOf(e.range.start);
      const planEnd = source.offsetOf(e.range.end);
      const start = alignment.exactOffset(planStart);
      const end = planEnd === planStart ? start : alignment.exactOffset(planEnd);
      if (!start || !end || start.paragraph !== end.paragraph) break;
      // The document must hold exactly the characters the fix replaces.
      if (textBetween(document, start, end) !== planText.slice(planStart, planEnd)) break;
      edits.push({ start, end, newText: e.newText, planStart, planEnd });
    }
    if (edits.length === fix.edits.length) planned.push({ finding, edits });
  }
  // Fixes that overlap one taken before are left, as `check --fix` leaves them for its next pass.
  const taken: [number, number][] = [];
  const accepted = planned.filter((p) => {
    const clash = p.edits.some((e) => taken.some(([s, t]) => (e.planStart < t && s < e.planEnd) || (e.planStart === e.planEnd && e.planStart === s)));
    if (!clash) for (const e of p.edits) taken.push([e.planStart, e.planEnd]);
    return !clash;
  });
  const edits = accepted.flatMap((p) => p.edits.map((e) => ({ ...e, finding: p.finding })));
  edits.sort((a, b) => b.start.paragraph - a.start.paragraph || b.start.offset - a.start.offset);
  const failed = new Set<ReviewedFinding>();
  for (const e of edits) if (!editor.addChange({ start: e.start, end: e.end, newText: e.newText }, reviewer)) failed.add(e.finding);
  for (const p of accepted) if (!failed.has(p.finding)) p.finding.tracked = true;
}

/** A review of a Word file: the reviewed copy, the findings, and the plan they were found on. */
export interface WordFileReview extends ReviewResult {
  document: WordDocument;
  /** The plan the import writes of the document (without its comments as notes): what was checked. */
  planText: string;
  /** Every diagnostic of the imported plan, hints and syntax included. */
  diagnostics: PlanDiagnostic[];
}

/**
 * `kehoach review` without the file system: imports the document, checks
 * the plan with the folder's registry and settings, and writes the findings
 * into a copy of the document. Throws `DocxInputError` for bytes that are not
 * a readable `.docx`.
 */
export function reviewWordFile(bytes: Uint8Array, settings: { registry: Registry; config: CheckConfig }, options: ReviewOptions): WordFileReview {
  const document = readWordDocument(bytes);
  // The plan's text as the import writes it, not the import's report: counting the words it keeps cost a third of the import.
  const planText = planTextOfWordDocument(document);
  const parsed = parsePlan(planText, { system: settings.config.system });
  const diagnostics = checkPlan(parsed, { registry: settings.registry, config: settings.config });
  return { ...reviewDocument(document, planText, diagnostics, options), document, planText, diagnostics };
}
