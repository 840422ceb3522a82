/** The built CLI, run as a user runs it, for the tests of its commands. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const bin = join(__dirname, '..', '..', 'bin', 'kehoach.js');

export interface CliResult {
  /** The exit code; null if a signal ended it. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kehoach …args` in `cwd` (`npx kehoach …` runs the same file) and waits for it. */
export function kehoach(cwd: string, ...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
