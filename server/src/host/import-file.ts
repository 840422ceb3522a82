import { extname } from 'node:path';
import { DocxInputError } from '../docx/input-error';
import { readZip } from '../docx/zip';
import type { ImportResult } from '../import';
import { readRegularFile, SIZE_LIMITS, UnreadableFileError } from './plan-files';
import { sourceKind } from './source-kind';

/** The report of an import, for a person: words kept, what is missing, what was turned into comments. */
export function formatImportReport(file: string, result: ImportResult): string {
  const { words, missingHeaderFields, unclassified, noise, ocrMended, wordsMended, syntaxDiagnostics, trackedChanges, reviewNotes } = result.report;
  const percent = words.source ? ((100 * words.kept) / words.source).toFixed(1) : '100';
  const lines = [`kehoach: ${file}: giữ ${words.kept}/${words.source} từ (${percent}%) / kept ${words.kept} of ${words.source} words`];
  if (words.missing.length) lines.push(`  từ không còn / words lost: ${words.missing.join(', ')}`);
  if (trackedChanges) lines.push(`  ${trackedChanges} thay đổi được theo dõi, đọc như đã chấp nhận / ${trackedChanges} tracked changes, read as accepted`);
  if (reviewNotes) lines.push(`  ${reviewNotes} nhận xét thành góp ý //@ / ${reviewNotes} comments kept as review notes //@`);
  if (missingHeaderFields.length) lines.push(`  phần đầu thiếu / header lacks: ${missingHeaderFields.join(', ')}`);
  for (const n of noise) lines.push(`  ${n.line}: ${n.stray ? 'mẩu lẻ, xem lại / stray fragment, check it' : 'dòng rác / noise'} → // ${n.text}`);
  for (const m of wordsMended) lines.push(`  ${m.line}: sửa chữ nhận dạng sai / mended an OCR misreading: ${m.from} → ${m.to}`);
  for (const o of ocrMended) lines.push(`  ${o.line}: sửa lỗi nhận dạng chữ "l" thành "I" / mended an OCR "l" for "I": ${o.text}`);
  for (const u of unclassified)
    lines.push(`  ${u.line}: không phân loại được, giữ ${u.keptAs === 'comment' ? 'làm chú thích / kept as a comment' : 'nguyên văn / kept as text'}: ${u.text.slice(0, 100)}`);
  for (const d of syntaxDiagnostics) lines.push(`  ${d.range.start.line + 1}: ${d.message}`);
  return lines.join('\n');
}

/** A file `kehoach import` cannot read: the reason is for the user (Vietnamese / English). */
export class UnreadableSourceError extends Error {}

/**
 * The most text a Word document's part may hold for the import to read it
 * (its XML; pictures are never decompressed): a long plan's document.xml is a
 * few megabytes, and reading 50 MB of it would take minutes and gigabytes.
 */
const DOCX_PART_LIMIT = SIZE_LIMITS.importText;

/** Refuses a `.docx` whose text parts are larger than the import reads, before any is decompressed. */
function refuseOversizedDocx(bytes: Uint8Array): void {
  const parts = readZip(bytes).entries.filter((e) => /\.(?:xml|rels)$/i.test(e.name));
  const largest = parts.reduce((a, b) => (b.size > a.size ? b : a), parts[0]);
  if (largest && largest.size > DOCX_PART_LIMIT) {
    throw new UnreadableSourceError(
      `tệp Word quá lớn để nhập: phần ${largest.name} có ${megabytes(largest.size)} (giới hạn ${megabytes(DOCX_PART_LIMIT)}) / the Word file is too large to import: its part ${largest.name} holds ${megabytes(largest.size)} (the limit is ${megabytes(DOCX_PART_LIMIT)})`,
    );
  }
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Reads a source file (only a regular file, of bounded size) and imports it with `importBytes`. */
export async function importFile(file: string): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(file, SIZE_LIMITS.importDocx);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new UnreadableSourceError(error.reason);
    throw error;
  }
  return importBytes(bytes, file);
}

/**
 * Imports a source by what its bytes are (`source-kind.ts`), whatever its
 * name: a Word document through the `.docx` reader, a web page, Markdown or
 * text in UTF-8 or UTF-16 as it is; `file` is its name. Throws
 * `UnreadableSourceError` for a source no reader takes.
 */
export async function importBytes(bytes: Uint8Array, file: string): Promise<ImportResult> {
  if (bytes.length > SIZE_LIMITS.importDocx)
    throw new UnreadableSourceError(`tệp lớn quá ${megabytes(SIZE_LIMITS.importDocx)}, không nhập / the file is larger than ${megabytes(SIZE_LIMITS.importDocx)}; not imported`);
  const source = sourceKind(bytes, SIZE_LIMITS.importText);
  // The readers load when a file is imported, not with every command.
  const { importDocx, importHtml, importMarkdown, importPdf, importText, looksLikeMarkdown, NoPlanInPageError, UnreadablePdfError } = await import('../import');
  switch (source.kind) {
    case 'docx':
      try {
        refuseOversizedDocx(bytes);
        return importDocx(bytes);
      } catch (error) {
        // The reader's own message says what is wrong (damaged, encrypted, too large).
        if (error instanceof DocxInputError) throw new UnreadableSourceError(error.message);
        throw error;
      }
    case 'pdf':
      try {
        return await importPdf(bytes);
      } catch (error) {
        if (error instanceof UnreadablePdfError) throw new UnreadableSourceError(error.message);
        throw error;
      }
    case 'html':
      try {
        return importHtml(source.text);
      } catch (error) {
        if (error instanceof NoPlanInPageError) throw new UnreadableSourceError(error.message);
        throw error;
      }
    case 'text':
      // Markdown and plain text are both text: the name says which, else the marks it carries.
      return /^\.(?:md|markdown)$/i.test(extname(file)) || looksLikeMarkdown(source.text) ? importMarkdown(source.text) : importText(source.text);
    case 'unreadable':
      throw new UnreadableSourceError(source.reason);
  }
}
