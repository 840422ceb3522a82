import { OutputPathError } from '../host/output-file';
import { UnreadableFileError } from '../host/plan-files';
import { synopsis, UsageError, type Subcommand } from './arguments';
import { forTerminal } from './terminal-text';

/**
 * Runs one subcommand with `args`, as every command runs: standard error only
 * ever carries messages, which may quote a plan or a file name, so never a raw
 * control character; a failure is reported by `reportFailure`. `usage` is the
 * CLI's usage, for a usage error that names no command.
 */
export function runSubcommand(command: Subcommand, args: string[], out: (s: string) => void, err: (s: string) => void, usage: () => string): number | Promise<number> {
  const safeErr = terminalWriter(err);
  try {
    const code = command.run(args, { out, err: safeErr });
    return typeof code === 'number' ? code : code.catch((error: unknown) => reportFailure(error, safeErr, usage));
  } catch (error) {
    return reportFailure(error, safeErr, usage);
  }
}

/** A writer of messages for a terminal: each line without raw control characters. */
export function terminalWriter(err: (s: string) => void): (s: string) => void {
  return (message) => err(message.split('\n').map(forTerminal).join('\n'));
}

/** The exit code and message of a failed command: 2, with the usage for a usage error. */
export function reportFailure(error: unknown, err: (s: string) => void, usage: () => string): number {
  if (error instanceof UsageError) {
    const help = error.command ? `Cách dùng / Usage: ${synopsis(error.command)}\nkehoach ${error.command.name} --help: các tùy chọn / the options` : usage();
    err(`kehoach: ${error.message}\n\n${help}`);
    return 2;
  }
  if (error instanceof OutputPathError || error instanceof UnreadableFileError) {
    err(`kehoach: ${error.message}`);
    return 2;
  }
  const e = error as NodeJS.ErrnoException;
  if (e.code && e.path) {
    const reason = e.code === 'ENOENT' ? 'không có tệp này / no such file' : e.code === 'EISDIR' ? 'là thư mục / is a folder' : e.code === 'EACCES' ? 'không có quyền đọc / permission denied' : e.code;
    err(`kehoach: ${e.path}: ${reason}`);
    return 2;
  }
  err(`kehoach: lỗi nội bộ / internal error: ${e.message}`);
  return 2;
}
