/**
 * What a long command is doing, on standard error (never standard output, so
 * that JSON and SARIF stay clean). On a terminal it appears once the command
 * has run for a second and is rewritten in place, then cleared at the end;
 * asked for with `--progress`, it appears from the start, in place on a
 * terminal, else one line at a time (at most one a second, and the last).
 */
export interface Progress {
  /** What is being done now (`kiểm tra 12/1000 tệp / checking 12 of 1000 files`). */
  show(text: string): void;
  /** The command is done: the terminal line is cleared, the last state written when written line by line. */
  end(): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** Quiet for this long on a terminal unless asked: a command that ends sooner shows nothing. */
const QUIET_MS = 1000;
/** Written line by line, at most one line this often. */
const LINE_EVERY_MS = 1000;

export function startProgress(stream: ProgressStream, asked: boolean, now: () => number = () => performance.now()): Progress {
  const tty = stream.isTTY === true;
  if (!tty && !asked) return { show() {}, end() {} };
  const started = now();
  let written = -Infinity;
  let shown = false;
  let pending: string | undefined;
  return {
    show(text) {
      const t = now();
      pending = text;
      if (tty) {
        if (!asked && t - started < QUIET_MS) return;
        stream.write(`\r\x1b[K${text}`);
        shown = true;
        pending = undefined;
      } else if (t - written >= LINE_EVERY_MS) {
        stream.write(`${text}\n`);
        written = t;
        pending = undefined;
      }
    },
    end() {
      if (tty && shown) stream.write('\r\x1b[K');
      else if (!tty && pending !== undefined) stream.write(`${pending}\n`);
    },
  };
}
