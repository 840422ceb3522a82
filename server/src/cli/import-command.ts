import { existsSync, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { DocxInputError } from '../docx/input-error';
import { importDocx, importText, type ImportResult } from '../import';
import { exportTarget, OutputPathError, writeAtomically } from './output-file';

export const IMPORT_USAGE = '  kehoach import FILE.txt|FILE.docx [-o OUT.kh|-]   nhập kế hoạch từ văn bản hoặc Word / import a plan from text or Word';

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
  for (const u of unclassified) lines.push(`  ${u.line}: không phân loại được, giữ ${u.keptAs === 'comment' ? 'làm chú thích / kept as a comment' : 'nguyên văn / kept as text'}: ${u.text.slice(0, 100)}`);
  for (const d of syntaxDiagnostics) lines.push(`  ${d.range.start.line + 1}: ${d.message}`);
  return lines.join('\n');
}

/** The encoding of a text file: UTF-16 when it starts with its byte-order mark (Notepad's "Unicode", Word's "Unicode text"), else UTF-8. */
function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Reads a source file by its kind: `.docx` through the Word reader, anything else as text (UTF-8, or UTF-16 with its mark). */
export async function importFile(file: string): Promise<ImportResult> {
  const bytes = new Uint8Array(readFileSync(file));
  return extname(file).toLowerCase() === '.docx' ? importDocx(bytes) : importText(new TextDecoder(encodingOf(bytes)).decode(bytes));
}

/**
 * `kehoach import FILE [-o OUT.kh]`: writes the plan beside the source
 * (`plan.txt` → `plan.kh`) or to OUT (`-` for standard output), atomically,
 * never over the source nor, without `-o`, over an existing plan; the report
 * goes to standard error. Exit 0 written, 2 usage or I/O error.
 */
export async function importCommand(args: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let output: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-o' || arg === '--output') output = args[++i] ?? '';
    else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if (arg.startsWith('-') && arg !== '-') return usage(err, `Tùy chọn không biết / Unknown option: ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) return usage(err, 'import nhận đúng một tệp / import takes exactly one file');
  if (output === '') return usage(err, '-o cần một đường dẫn / -o needs a path');
  const source = resolve(files[0]);
  try {
    const target = output === '-' ? undefined : exportTarget(source, '.kh', output);
    if (target && output === undefined && existsSync(target)) {
      throw new OutputPathError(`Đã có tệp ${target}; chọn tệp đích bằng -o / ${target} exists; choose the output with -o`);
    }
    const result = await importFile(source);
    if (target) {
      writeAtomically(target, result.text);
      out(target);
    } else out(result.text);
    err(formatImportReport(files[0], result));
    return 0;
  } catch (error) {
    if (error instanceof OutputPathError || error instanceof DocxInputError) {
      err(`kehoach: ${error instanceof DocxInputError ? `${files[0]}: ` : ''}${error.message}`);
      return 2;
    }
    throw error;
  }
}

function usage(err: (s: string) => void, message: string): number {
  err(`kehoach: ${message}\n${IMPORT_USAGE}`);
  return 2;
}
