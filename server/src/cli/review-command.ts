import { relative, resolve } from 'node:path';
import type { CheckConfig } from '../checks/rule';
import { DocxInputError } from '../docx/input-error';
import { OutputPathError } from '../host/output-file';
import { reviewBeside, reviewSummary } from '../host/review-file';
import type { PlanDiagnostic } from '../model';
import type { Registry } from '../registry/registry';
import type { ReviewedFinding, WordFileReview } from '../review/review';
import { subcommand } from './arguments';
import { REVIEW_FORMATS, REVIEW_SPEC } from './command-specs';
import { toSarif } from './sarif';

/** The findings as diagnostics whose lines are the document's paragraphs (0-based) and characters the offsets in their text. */
function asDocumentDiagnostics(findings: ReviewedFinding[]): PlanDiagnostic[] {
  return findings.map((f) => ({
    ...f.diagnostic,
    range: { start: { line: f.range.start.paragraph, character: f.range.start.offset }, end: { line: f.range.end.paragraph, character: f.range.end.offset } },
  }));
}

const quoted = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `“${flat.slice(0, 57)}…”` : `“${flat}”`;
};

function formatText(file: string, review: WordFileReview, written: string): string {
  const lines = review.findings.map((f) => {
    const d = f.diagnostic;
    const where = f.range.kind === 'exact' ? `đoạn ${f.range.start.paragraph + 1} ${quoted(f.anchoredText)}` : `đoạn ${f.range.start.paragraph + 1}`;
    return `${file}: ${where}: ${d.severity} ${d.code}: ${d.message}`;
  });
  lines.push(reviewSummary(review, written));
  return lines.join('\n');
}

function formatJson(file: string, review: WordFileReview): string {
  return JSON.stringify(
    review.findings.map((f) => ({
      file,
      paragraph: f.range.start.paragraph,
      start: f.range.start,
      end: f.range.end,
      anchor: f.range.kind,
      anchoredText: f.anchoredText,
      severity: f.diagnostic.severity,
      code: f.diagnostic.code,
      message: f.diagnostic.message,
      ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}),
      tracked: f.tracked,
      planRange: f.diagnostic.range,
    })),
    null,
    2,
  );
}

/**
 * `kehoach review DRAFT.docx`: imports the draft, checks it with the
 * settings of its folder (`settingsOf`), writes a copy of the original file
 * with each finding as a Word comment (and with `--suggest` each safe fix as
 * a tracked change), and prints the findings. Nothing is written for a file
 * that is not a readable `.docx`. Exit 0 no error found, 1 an error found, 2
 * usage, input or output error.
 */
export const reviewCommand = (settingsOf: (file: string) => { registry: Registry; config: CheckConfig }, now: () => Date = () => new Date()) =>
  subcommand(REVIEW_SPEC, async (values, [file], { out, err }) => {
    const format = (values.format ?? 'text') as (typeof REVIEW_FORMATS)[number];
    const source = resolve(file);
    const shown = relative(process.cwd(), source) || source;
    try {
      const { review, targets } = await reviewBeside(source, settingsOf(source), {
        output: values.output,
        suggest: values.suggest,
        hints: values.hints,
        report: format === 'html',
        force: values.force,
        now: now(),
      });
      if (format === 'html') out(targets.html);
      else if (format === 'json') out(formatJson(shown, review));
      else if (format === 'sarif') out(JSON.stringify(toSarif([{ file: shown, diagnostics: asDocumentDiagnostics(review.findings) }]), null, 2));
      else out(formatText(shown, review, targets.docx));
      if (format !== 'text') err(reviewSummary(review, targets.docx));
      return review.findings.some((f) => f.diagnostic.severity === 'error') ? 1 : 0;
    } catch (error) {
      if (error instanceof DocxInputError || error instanceof OutputPathError) {
        err(`kehoach: ${shown}: ${error.message}`);
        return 2;
      }
      throw error;
    }
  });
