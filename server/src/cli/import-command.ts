import { resolve } from 'node:path';
import { formatImportReport, importFile, UnreadableSourceError } from '../host/import-file';
import { outputTarget, planOutput, writeAtomically } from '../host/output-file';
import { subcommand } from './arguments';
import { IMPORT_SPEC } from './command-specs';

/**
 * `kehoach import FILE [-o OUT.kh]`: writes the plan beside the source
 * (`plan.txt` → `plan.kh`) or to OUT (`-` for standard output), atomically,
 * never over an existing file without `--force`, never over the source; the
 * report goes to standard error. Exit 0 written, 2 usage or I/O error.
 */
export const IMPORT = subcommand(IMPORT_SPEC, async (values, [file], { out, err }) => {
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
});
