import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { CheckConfig } from '../checks/rule';
import { DocxInputError } from '../docx/input-error';
import type { Severity } from '../model';
import type { Registry } from '../registry/registry';
import type { WordFileReview } from '../review/review';
import { outputTarget, writeAtomically, type OutputRules } from './output-file';

/**
 * A Word file reviewed into a copy beside it: what `kehoach review` and the
 * editor's `kehoach/review` share (the targets, the writes, the summary line).
 */

/** A Word file larger than this is refused before it is read. */
const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/** What a reviewed copy may be and replace: a `.docx`, never an existing file unless `force`. */
const reviewRules = (extension: string, force: boolean): OutputRules => ({ extensions: [extension], kind: { vi: 'bản rà soát', en: 'reviewed copy' }, force });

/** The `n`th name of a reviewed copy beside the draft: `DRAFT.ra-soat.docx`, then `DRAFT.ra-soat-2.docx` … */
export function reviewCopyPath(source: string, n = 1): string {
  return `${join(dirname(source), basename(source, extname(source)))}.ra-soat${n === 1 ? '' : `-${n}`}.docx`;
}

/**
 * The reviewed copy's path: OUT when given (an existing file is replaced
 * only with `force`), else `DRAFT.ra-soat.docx` beside the draft, numbered
 * `-2`, `-3` … past the copies already there; `withReport` keeps the
 * `.html` of the same name free too.
 */
function reviewTargets(source: string, output: string | undefined, withReport: boolean, force: boolean): { docx: string; html: string } {
  const html = (docx: string) => join(dirname(docx), `${basename(docx, extname(docx))}.html`);
  if (output !== undefined) {
    const docx = outputTarget(source, output, reviewRules('.docx', force));
    if (withReport) outputTarget(source, html(docx), reviewRules('.html', force));
    return { docx, html: html(docx) };
  }
  for (let n = 1; ; n++) {
    const docx = reviewCopyPath(source, n);
    if (!existsSync(docx) && !(withReport && existsSync(html(docx)))) return { docx: outputTarget(source, docx, reviewRules('.docx', false)), html: html(docx) };
  }
}

const SEVERITIES: Severity[] = ['error', 'warning', 'information', 'hint'];
const SEVERITY_VI: Record<Severity, string> = { error: 'lỗi', warning: 'cảnh báo', information: 'thông tin', hint: 'gợi ý' };

/** What a review wrote (`written`; nothing when the editor's client writes the copy), with the counts by severity: the last line of every output. */
export function reviewSummary(review: WordFileReview, written?: string): string {
  const count = (s: Severity) => review.findings.filter((f) => f.diagnostic.severity === s).length;
  const counts = SEVERITIES.map((s) => `${count(s)} ${SEVERITY_VI[s]}`).join(', ');
  const countsEn = SEVERITIES.map((s) => `${count(s)} ${s}`).join(', ');
  const tracked = review.findings.filter((f) => f.tracked).length;
  const n = review.findings.length;
  const [vi, en] = written === undefined ? ['', ''] : [`đã ghi ${written}: `, `wrote ${written}: `];
  return `kehoach: ${vi}${n} nhận xét (${counts})${tracked ? `, ${tracked} sửa đề nghị` : ''} / ${en}${n} comments (${countsEn})${tracked ? `, ${tracked} suggested changes` : ''}`;
}

/** Refuses a Word file larger than the review reads, before it is read. */
function refuseOversized(size: number): void {
  if (size <= MAX_INPUT_BYTES) return;
  const mb = Math.round(size / 1048576);
  throw new DocxInputError(`Tệp quá lớn để rà soát (${mb} MB, tối đa ${MAX_INPUT_BYTES / 1048576} MB) / The file is too large to review (${mb} MB, at most ${MAX_INPUT_BYTES / 1048576} MB)`);
}

/**
 * Reviews a Word file's bytes and writes nothing: `reviewBeside` writes the
 * copy, the editor's client does when it sent the bytes. Throws `DocxInputError`.
 */
export async function reviewBytes(
  bytes: Uint8Array,
  settings: { registry: Registry; config: CheckConfig },
  options: { suggest?: boolean; hints?: boolean; now?: Date },
): Promise<{ review: WordFileReview; date: string }> {
  refuseOversized(bytes.length);
  const date = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  // The review (the import readers, the Word writer, the report's fonts) loads when a file is reviewed, not with every command.
  const { reviewWordFile } = await import('../review/review');
  return { review: reviewWordFile(bytes, settings, { suggest: options.suggest, hints: options.hints, date }), date };
}

/**
 * Reviews a Word file and writes the reviewed copy (and with `report` the
 * HTML report) beside it or to `output`; what the CLI and the editor's
 * command share. Throws `DocxInputError` or `OutputPathError`, writing nothing.
 */
export async function reviewBeside(
  source: string,
  settings: { registry: Registry; config: CheckConfig },
  options: { output?: string; suggest?: boolean; hints?: boolean; report?: boolean; force?: boolean; now?: Date },
): Promise<{ review: WordFileReview; targets: { docx: string; html: string } }> {
  refuseOversized(statSync(source).size);
  const targets = reviewTargets(source, options.output, options.report === true, options.force === true);
  const { review, date } = await reviewBytes(new Uint8Array(readFileSync(source)), settings, options);
  writeAtomically(targets.docx, review.bytes);
  if (options.report)
    writeAtomically(
      targets.html,
      (await import('../review/report-html')).renderReviewHtml({ file: basename(source), reviewed: basename(targets.docx), date, document: review.document, findings: review.findings }),
    );
  return { review, targets };
}
