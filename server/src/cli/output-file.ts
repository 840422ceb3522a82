import { existsSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** A refused output path: the message is for the user, Vietnamese first. */
export class OutputPathError extends Error {}

/** Runs a command that writes a file: a refused target is reported with exit code 2; other errors go on to the caller. */
export async function reportingRefusedTargets(err: (s: string) => void, command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (error) {
    if (!(error instanceof OutputPathError)) throw error;
    err(`kehoach: ${error.message}`);
    return 2;
  }
}

/** Writes through a temporary file in the same folder and a rename, so a crash never leaves half a file. */
export function writeAtomically(file: string, data: string | Uint8Array): void {
  const temp = join(dirname(file), `.${basename(file)}.${Date.now()}-${process.pid}.kehoach-tmp`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    throw error;
  }
}

/** The real path of a file that may not exist yet: its folder resolved, links included. */
function realTarget(file: string): string {
  const full = resolve(file);
  return existsSync(full) ? realpathSync(full) : join(realpathSync(dirname(full)), basename(full));
}

/**
 * Where an export of `source` goes: `output` when given, else the source's
 * path with the extension of the format (`plan.kh` → `plan.pdf`). Refuses a
 * target that is the source itself (through any link or spelling of the
 * path), a folder, or a path whose folder does not exist.
 */
export function exportTarget(source: string, extension: string, output?: string): string {
  const target = resolve(output ?? join(dirname(source), basename(source, extname(source)) + extension));
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new OutputPathError(`Thư mục đích không tồn tại: ${folder} / The output folder does not exist: ${folder}`);
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new OutputPathError(`Đích là một thư mục: ${target} / The output is a folder: ${target}`);
  }
  if (existsSync(source) && realTarget(target) === realpathSync(resolve(source))) {
    throw new OutputPathError(`Không ghi đè tệp nguồn: ${source}; chọn tệp đích khác bằng -o / Refusing to overwrite the source: ${source}; choose another output with -o`);
  }
  return target;
}
