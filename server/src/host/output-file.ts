import { closeSync, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { readPlanFile, readRegularFile, UnreadableFileError } from './plan-files';
import { describeEncoding, encodeText } from './text-encoding';

/** A refused output path: the message is for the user, Vietnamese first. */
export class OutputPathError extends Error {}

/** The file changed on disk after it was read: writing would lose that change. */
export class ChangedOnDiskError extends OutputPathError {}

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

const TEMPORARY = '.kehoach-tmp';
const LOCK = '.kehoach-lock';
/** A temporary file or lock older than this is left over from a crash, even if its process id was given to another process since. */
const STALE_MS = 60 * 60 * 1000;
/** How long a write waits for another kehoach writing the same file. */
const LOCK_WAIT_MS = 5000;

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

function statOrUndefined(path: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/** Where a write to `file` lands: the file itself, or through a symbolic link the file it points at (the link stays a link). */
export function writeTarget(file: string): string {
  const full = resolve(file);
  const link = statOrUndefined(full, false);
  if (!link) return join(realpathSync(dirname(full)), basename(full));
  if (link.isSymbolicLink() && !statOrUndefined(full, true)) {
    throw new OutputPathError(`${file} là liên kết tới tệp không có; không ghi / ${file} is a link to a missing file; not written`);
  }
  return realpathSync(full);
}

/** True while the process of that id runs (or runs as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Removes what a crashed write left in `folder`: our temporary files and
 * locks (their names say so and carry the writer's process id) whose process
 * is gone or which are older than an hour. Never follows a link.
 */
function removeStaleLeftovers(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith('.') || !(name.endsWith(TEMPORARY) || name.endsWith(LOCK))) continue;
    const path = join(folder, name);
    const stat = statOrUndefined(path, false);
    if (!stat?.isFile()) continue;
    // `.<name>.<pid>.<random>.kehoach-tmp`; earlier versions wrote `.<name>.<time>-<pid>.kehoach-tmp`.
    const pid = Number(/\.(\d+)\.[0-9a-f]+\.kehoach-tmp$/.exec(name)?.[1] ?? /-(\d+)\.kehoach-tmp$/.exec(name)?.[1] ?? (name.endsWith(LOCK) ? readLockOwner(path) : NaN));
    const gone = !Number.isInteger(pid) || pid <= 0 || !isRunning(pid);
    if (gone || now - stat.mtimeMs > STALE_MS) rmSync(path, { force: true });
  }
}

function readLockOwner(path: string): number {
  try {
    return Number(readFileSync(path, 'utf8'));
  } catch {
    return NaN;
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Runs `action` holding the lock of `target` (a file created exclusively
 * beside it), so that two kehoach processes never compare and replace the
 * same file at once. Waits for a lock another running process holds.
 */
function withLock<T>(target: string, action: () => T): T {
  const lock = join(dirname(target), `.${basename(target)}${LOCK}`);
  const started = Date.now();
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      removeStaleLeftovers(dirname(target));
      if (Date.now() - started > LOCK_WAIT_MS) throw new OutputPathError(`Một tiến trình kehoach khác đang ghi ${target} / Another kehoach process is writing ${target}`);
      pause(10);
    }
  }
  try {
    return action();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Whether the file still holds `bytes` (a file grown larger, or become something else than a file, does not). */
function holds(file: string, bytes: Uint8Array): boolean {
  try {
    return Buffer.compare(readRegularFile(file, bytes.length), bytes) === 0;
  } catch (error) {
    if (error instanceof UnreadableFileError) return false;
    throw error;
  }
}

/**
 * Writes `data` to `file` so that no reader and no crash ever sees half a
 * file: into a temporary file of the same folder, created exclusively under
 * an unpredictable name, synced, then renamed over the file. Through a
 * symbolic link it writes the file the link points at; an existing file
 * keeps its permissions and owner (refused when the owner cannot be kept).
 * With `expected` (the bytes the file held when it was read), refuses with
 * `ChangedOnDiskError` when the file changed since. A temporary file left
 * by a crashed write is removed.
 */
export function writeAtomically(file: string, data: string | Uint8Array, options: { expected?: Uint8Array } = {}): void {
  const target = writeTarget(file);
  const folder = dirname(target);
  removeStaleLeftovers(folder);
  const existing = statOrUndefined(target, true);
  if (existing && !existing.isFile()) throw new OutputPathError(`${file} không phải tệp thường; không ghi / ${file} is not a regular file; not written`);
  if (!existing && options.expected) throw new ChangedOnDiskError(`${file} đã bị xóa trong lúc xử lý; không ghi / ${file} was deleted meanwhile; not written`);
  // The Web Crypto global rather than node:crypto, whose module every `kehoach check` would load at start.
  const temporary = join(folder, `.${basename(target)}.${process.pid}.${Buffer.from(crypto.getRandomValues(new Uint8Array(6))).toString('hex')}${TEMPORARY}`);
  // A new file gets the permissions the umask leaves, as any new file; the file replaced its own, before any byte is written.
  let created = false;
  try {
    const fd = openSync(temporary, 'wx', 0o666);
    created = true;
    try {
      if (existing) keepOwnerAndMode(fd, existing, file);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    withLock(target, () => {
      if (options.expected && !holds(target, options.expected)) {
        throw new ChangedOnDiskError(`${file} đã thay đổi trên đĩa từ khi được đọc; không ghi đè / ${file} changed on disk since it was read; not overwritten`);
      }
      renameSync(temporary, target);
    });
  } catch (error) {
    if (created) rmSync(temporary, { force: true });
    throw error instanceof OutputPathError ? error : new OutputPathError(notWritten(file, error));
  }
}

/** Why a write failed, for the user; the file written is left as it was. */
function notWritten(file: string, error: unknown): string {
  const code = errorCode(error);
  const [vi, en] =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? ['đĩa đầy', 'the disk is full']
      : code === 'EFBIG'
        ? ['tệp vượt giới hạn kích thước', 'the file exceeds the size limit']
        : code === 'EACCES' || code === 'EPERM'
          ? ['không có quyền ghi', 'permission denied']
          : code === 'EROFS'
            ? ['ổ chỉ đọc', 'a read-only file system']
            : code === 'EISDIR'
              ? ['là thư mục', 'it is a folder']
              : [code ?? (error as Error).message, code ?? (error as Error).message];
  return `Không ghi được ${file} (${vi}); tệp cũ còn nguyên / Could not write ${file} (${en}); the old file is intact`;
}

/** The temporary file takes the owner (when it differs and may be given) and then the permissions of the file it replaces. */
function keepOwnerAndMode(fd: number, existing: Stats, file: string): void {
  if (process.getuid && (existing.uid !== process.getuid() || existing.gid !== process.getgid?.())) {
    try {
      fchownSync(fd, existing.uid, existing.gid);
    } catch {
      throw new OutputPathError(`Không giữ được chủ sở hữu của ${file} (uid ${existing.uid}); không ghi / Cannot keep the owner of ${file} (uid ${existing.uid}); not written`);
    }
  }
  fchmodSync(fd, existing.mode & 0o7777);
}

/** What an output may be and what it may replace. */
export interface OutputRules {
  /** The extensions the output may have, the first one given to the default output. */
  extensions: readonly string[];
  /** Whether the bytes of an existing file are an earlier output of the same kind, which may be replaced; without it, nothing is. */
  isEarlierOutput?: (bytes: Uint8Array) => boolean;
  /** What the earlier outputs are, for the message (`bản xuất HTML / HTML export`). */
  kind: { vi: string; en: string };
  /** Replace whatever is there (`--force`). */
  force?: boolean;
}

/** Files larger than this are not read to recognise an earlier output (none is so large). */
const RECOGNISE_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Where the output of `source` goes: `output` when given, else the source's
 * path with the first extension (`plan.kh` → `plan.pdf`). Refuses a target
 * that is the source itself (through any link or spelling of the path), a
 * folder or anything but a regular file, a path whose folder does not exist,
 * an extension other than the rules', and an existing file that is not an
 * earlier output of the same kind, unless `force`.
 */
export function outputTarget(source: string | undefined, output: string | undefined, rules: OutputRules): string {
  const [extension] = rules.extensions;
  if (output === undefined && source === undefined) throw new Error('outputTarget: neither a source nor an output');
  const target = resolve(output ?? join(dirname(source!), basename(source!, extname(source!)) + extension));
  const folder = dirname(target);
  if (!statOrUndefined(folder, true)?.isDirectory()) {
    throw new OutputPathError(`Thư mục đích không tồn tại: ${folder} / The output folder does not exist: ${folder}`);
  }
  const existing = statOrUndefined(target, true);
  if (existing?.isDirectory()) throw new OutputPathError(`Đích là một thư mục: ${target} / The output is a folder: ${target}`);
  if (source !== undefined && existing && statOrUndefined(source, true) && realpathSync(target) === realpathSync(resolve(source))) {
    throw new OutputPathError(`Không ghi đè tệp nguồn: ${source}; chọn tệp đích khác bằng -o / Refusing to overwrite the source: ${source}; choose another output with -o`);
  }
  if (!rules.extensions.includes(extname(target).toLowerCase())) {
    const list = rules.extensions.join(', ');
    throw new OutputPathError(`Tệp đích ${target} phải có đuôi ${list} (${rules.kind.vi}) / The output ${target} must end in ${list} (${rules.kind.en})`);
  }
  if (existing && !existing.isFile()) throw new OutputPathError(`Đích không phải tệp thường: ${target} / The output is not a regular file: ${target}`);
  if (existing && !rules.force && !(rules.isEarlierOutput && existing.size <= RECOGNISE_MAX_BYTES && rules.isEarlierOutput(readFileSync(target)))) {
    throw new OutputPathError(
      rules.isEarlierOutput
        ? `Không ghi đè ${target}: tệp này không phải ${rules.kind.vi} trước đó của kehoach; thêm --force nếu muốn thay / Not overwriting ${target}: it is not an earlier ${rules.kind.en} of kehoach; add --force to replace it`
        : `Đã có tệp ${target}; chọn tệp khác bằng -o hoặc thêm --force để thay / ${target} exists; choose another output with -o or add --force to replace it`,
    );
  }
  return target;
}

/** The rules of a plan written by `import` or `new`: a `.kh` file, never over an existing one unless `force`. */
export function planOutput(force = false): OutputRules {
  return { extensions: ['.kh'], kind: { vi: 'kế hoạch', en: 'plan' }, force };
}

/** The line ending a text uses throughout, when it uses one other than LF. */
function otherLineEnding(text: string): string | undefined {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  if (crlf > 0 && crlf === lf) return '\r\n';
  if (lf === 0 && text.includes('\r')) return '\r';
  return undefined;
}

/**
 * Edits a plan in place: `edit` gets its text and returns the new text (the
 * same to leave it). The file keeps its encoding, byte-order mark and line
 * endings, and is written atomically only if it still holds what was read:
 * when it changed meanwhile (an editor saved it, another `--fix` ran), it is
 * read and edited again, up to `attempts` times, so neither change is lost.
 * Returns the text the file holds afterwards.
 */
export function editPlanFile(file: string, edit: (text: string) => string, attempts = 3): string {
  for (let attempt = 1; ; attempt++) {
    const read = readPlanFile(file);
    if (read.invalid)
      throw new OutputPathError(
        `${file}: có byte không hợp lệ trong ${describeEncoding(read.encoding)}; không sửa để khỏi thay chúng bằng � / ${file} has bytes that are not valid ${describeEncoding(read.encoding)}; not fixed, so as not to replace them with �`,
      );
    let text = edit(read.text);
    if (text === read.text) return text;
    const eol = otherLineEnding(read.text);
    if (eol) text = text.replace(/\r\n|\r|\n/g, eol);
    try {
      writeAtomically(file, encodeText(text, read.encoding), { expected: read.bytes });
      return text;
    } catch (error) {
      if (!(error instanceof ChangedOnDiskError) || attempt === attempts) throw error;
    }
  }
}
