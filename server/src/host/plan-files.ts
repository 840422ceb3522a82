import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { PlanDiagnostic } from '../model';
import { decodeText, describeEncoding, type DecodedText } from './text-encoding';

/**
 * Reading the files of a workspace that may hold anything: only regular
 * files, of bounded size, opened so that a named pipe cannot block the
 * process; folders walked without following links, and a link to a plan
 * taken only when it stays inside the folder walked.
 */

/** True when `path` is `folder` or lies below it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The most kehoach reads of each kind of file (a long plan is some hundred kilobytes). */
export const SIZE_LIMITS = {
  plan: 8 * 1024 * 1024,
  registry: 16 * 1024 * 1024,
  importText: 8 * 1024 * 1024,
  importDocx: 64 * 1024 * 1024,
} as const;

const MB = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** A file kehoach will not read: the reason is for the user (Vietnamese / English) and quotes nothing of the file. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/** Why a file that is not a regular file is not read. */
function notRegular(stat: Stats | Dirent): string {
  const [vi, en] = stat.isFIFO()
    ? ['ống có tên (FIFO)', 'a named pipe (FIFO)']
    : stat.isCharacterDevice() || stat.isBlockDevice()
      ? ['thiết bị', 'a device']
      : stat.isSocket()
        ? ['socket', 'a socket']
        : stat.isDirectory()
          ? ['thư mục', 'a folder']
          : ['loại tệp khác', 'another kind of file'];
  return `không phải tệp thường mà là ${vi} / not a regular file but ${en}`;
}

const tooLarge = (limit: number) => `tệp lớn quá ${MB(limit)}, không đọc / the file is larger than ${MB(limit)}; not read`;

/**
 * The bytes of a regular file no larger than `limit`. A named pipe, a device
 * or a link to one is refused without blocking (opened non-blocking, then
 * examined by its descriptor, so that what is read is what was examined).
 */
export function readRegularFile(path: string, limit: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // A socket cannot be opened at all.
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new UnreadableFileError(path, notRegular(lstatSync(path)));
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new UnreadableFileError(path, notRegular(stat));
    if (stat.size > limit) throw new UnreadableFileError(path, tooLarge(limit));
    // The file may grow while it is read: one byte past the limit says so.
    const buffer = Buffer.alloc(Math.min(limit + 1, stat.size + 1));
    let length = 0;
    for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;) length += n;
    if (length > limit) throw new UnreadableFileError(path, tooLarge(limit));
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

export interface PlanFile extends DecodedText {
  /** The bytes read, to tell whether the file changed on disk before writing it back. */
  bytes: Uint8Array;
}

/**
 * Reads a plan: UTF-8 with or without a BOM, or UTF-16 with its BOM; invalid
 * bytes become U+FFFD (and `invalid`), never an exception. `note` hears that
 * a file was converted from UTF-16 (the CLI says so on stderr).
 */
export function readPlanFile(path: string, note?: (message: string) => void): PlanFile {
  const bytes = readRegularFile(path, SIZE_LIMITS.plan);
  const decoded = decodeText(bytes);
  if (note && (decoded.encoding === 'utf-16le' || decoded.encoding === 'utf-16be'))
    note(`kehoach: ${path}: đọc dạng ${describeEncoding(decoded.encoding)} / read as ${describeEncoding(decoded.encoding)}`);
  return { ...decoded, bytes };
}

/** A finding on a file kehoach did not read: it is reported on the file, at its start. */
export function unreadableFinding(reason: string): PlanDiagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: 'file', message: `Bỏ qua, ${reason.replace(' / ', ' / Skipped, ')}` };
}

/** The `.kh` files below `folder` (sorted), and those passed over with the reason: not regular files, links to a missing file or out of `folder`. */
export function listPlanFiles(folder: string): { files: string[]; skipped: { file: string; reason: string }[] } {
  const files: string[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const root = realpathSync(folder);
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // A folder we may not read holds no plan we can check.
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(dir, entry.name);
      // Links to folders are not followed: a loop, or a walk out of the workspace.
      if (entry.isDirectory()) walk(full);
      if (!entry.name.endsWith('.kh') || entry.isDirectory()) continue;
      const reason = entry.isSymbolicLink() ? linkProblem(full, root) : entry.isFile() ? undefined : notRegular(entry);
      if (reason) skipped.push({ file: full, reason });
      else files.push(full);
    }
  };
  walk(folder);
  return { files, skipped };
}

function linkProblem(link: string, root: string): string | undefined {
  let target: string;
  try {
    target = realpathSync(link);
  } catch {
    return 'liên kết tới tệp không có / a link to a missing file';
  }
  const stat = statSync(target);
  if (!stat.isFile()) return notRegular(stat);
  return isInside(target, root) ? undefined : 'liên kết dẫn ra ngoài thư mục đang kiểm tra / a link leading out of the folder being checked';
}

/** Expands folders into the `.kh` files below them, with what was passed over; files given by name are kept as given. */
export function expandFiles(paths: string[]): { files: string[]; skipped: { file: string; reason: string }[] } {
  const files: string[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      const listed = listPlanFiles(resolve(path));
      files.push(...listed.files);
      skipped.push(...listed.skipped);
    } else files.push(path);
  }
  return { files, skipped };
}
