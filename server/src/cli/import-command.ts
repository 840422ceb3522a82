import { resolve } from 'node:path';
import { formatImportReport, importFile, UnreadableSourceError } from '../host/import-file';
import { outputTarget, planOutput, writeAtomically } from '../host/output-file';
import { subcommand, type CommandSpec } from './arguments';

/**
 * `kehoach import FILE [-o OUT.kh]`: writes the plan beside the source
 * (`plan.txt` → `plan.kh`) or to OUT (`-` for standard output), atomically,
 * never over an existing file without `--force`, never over the source; the
 * report goes to standard error. Exit 0 written, 2 usage or I/O error.
 */
export const IMPORT = subcommand(
  {
    name: 'import',
    summary: {
      vi: 'Nhập kế hoạch từ văn bản (UTF-8, UTF-16) hoặc Word (.docx) thành tệp .kh; báo cáo ra stderr.',
      en: 'Import a plan from text (UTF-8, UTF-16) or Word (.docx) into a .kh file; the report goes to stderr.',
    },
    operands: { name: 'FILE', min: 1, max: 1 },
    options: {
      output: {
        type: 'string',
        short: 'o',
        value: 'OUT.kh|-',
        help: { vi: 'tệp đích, - là in ra màn hình (mặc định: cạnh tệp nguồn, đuôi .kh)', en: 'the output file, - for standard output (default: beside the source, as .kh)' },
      },
      force: { type: 'boolean', help: { vi: 'ghi đè tệp đích đã có', en: 'replace an existing output file' } },
    },
  } as const satisfies CommandSpec,
  async (values, [file], { out, err }) => {
    const output = values.output;
    const source = resolve(file);
    try {
      const target = output === '-' ? undefined : outputTarget(source, output, planOutput(values.force));
      const result = await importFile(source);
      if (target) {
        writeAtomically(target, result.text);
        out(target);
      } else out(result.text);
      err(formatImportReport(file, result));
      return 0;
    } catch (error) {
      if (error instanceof UnreadableSourceError) {
        err(`kehoach: ${file}: ${error.message}`);
        return 2;
      }
      throw error;
    }
  },
);
