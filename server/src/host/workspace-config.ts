import { existsSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RULES } from '../checks';
import { parseRegistryFile, parseWordList, parseWorkspaceConfig, type WorkspaceConfig } from '../checks/config';
import type { PlanDiagnostic, Range } from '../model';
import { builtinRegistry } from '../registry/builtin';
import type { Registry } from '../registry/registry';
import { isInside, readRegularFile, SIZE_LIMITS, UnreadableFileError } from './plan-files';
import { decodeText, describeEncoding } from './text-encoding';

export { isInside };

/** The findings on one configuration or registry file. */
export interface FileReport {
  file: string;
  diagnostics: PlanDiagnostic[];
}

/** A file read for the settings, with its text (for the quick fixes that add to it). */
export interface ReadFile {
  path: string;
  text: string;
}

/** A workspace's settings and registry, from its `kehoach.json`. */
export interface LoadedWorkspaceConfig {
  config: WorkspaceConfig;
  registry: Registry;
  /** `kehoach.json` and each registry file it names, with what is wrong in them. */
  reports: FileReport[];
  /** `kehoach.json` and the registry files and word lists it names, as read. */
  files: { config?: ReadFile; registry: ReadFile[]; dictionary: ReadFile[] };
}

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The text of a configuration or registry file (UTF-8 with or without a BOM, UTF-16 with one), or why it was not read (Vietnamese / English). */
function readJsonFile(file: string): { text: string } | { problem: string } {
  try {
    const decoded = decodeText(readRegularFile(file, SIZE_LIMITS.registry));
    if (decoded.invalid) return { problem: `không phải văn bản ${describeEncoding(decoded.encoding)} hợp lệ / not valid ${describeEncoding(decoded.encoding)} text` };
    return { text: decoded.text };
  } catch (error) {
    if (error instanceof UnreadableFileError) return { problem: error.reason };
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: 'không có tệp này / no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { problem: 'không có quyền đọc / permission denied' };
    if (code === 'ELOOP') return { problem: 'liên kết vòng / a loop of links' };
    throw error;
  }
}

/**
 * Reads `kehoach.json` and the registry files it lists (paths relative to
 * it, inside its folder). Never throws on content: what is wrong is a
 * diagnostic on the entry it is about and what is valid is kept. A registry
 * path that leads out of the folder (`../../etc/passwd`, or a link) is
 * refused without reading it. Without a file, the built-in registry and no
 * settings.
 */
export function loadWorkspaceConfig(configFile: string | undefined): LoadedWorkspaceConfig {
  const loaded: LoadedWorkspaceConfig = { config: {}, registry: builtinRegistry(), reports: [], files: { registry: [], dictionary: [] } };
  if (!configFile) return loaded;
  const read = readJsonFile(configFile);
  if ('problem' in read) {
    const [vi, en] = read.problem.split(' / ');
    loaded.reports.push({
      file: configFile,
      diagnostics: [
        {
          range: TOP,
          severity: 'error',
          code: 'config',
          message: `kehoach.json không đọc được (${vi}), các thiết lập mặc định được dùng / kehoach.json cannot be read (${en}); the default settings apply`,
        },
      ],
    });
    return loaded;
  }
  const { config, diagnostics, registryRanges, dictionaryRanges } = parseWorkspaceConfig(
    read.text,
    RULES.map((r) => r.id),
  );
  loaded.config = config;
  loaded.reports.push({ file: configFile, diagnostics });
  loaded.files.config = { path: configFile, text: read.text };
  const folder = realpathSync(dirname(configFile));
  /** The text of a file kehoach.json names, or undefined with a finding on where it names it. */
  const named = (path: string, range: Range | undefined, what: { vi: string; en: string }): { full: string; text: string } | undefined => {
    const refuse = (vi: string, en: string) => void diagnostics.push({ range: range ?? TOP, severity: 'error', code: 'config', message: `${what.vi} ${path}: ${vi} / ${what.en} ${path}: ${en}` });
    const full = resolve(folder, path);
    let real: string;
    try {
      real = realpathSync(full);
    } catch {
      // Said before reading: a path out of the folder is refused whether or not it exists.
      if (!isInside(full, folder)) refuse('ở ngoài thư mục của kehoach.json, không đọc', 'lies outside the folder of kehoach.json; not read');
      else refuse('không có tệp này', 'no such file');
      return undefined;
    }
    if (!isInside(real, folder)) {
      refuse('ở ngoài thư mục của kehoach.json, không đọc', 'lies outside the folder of kehoach.json; not read');
      return undefined;
    }
    const file = readJsonFile(real);
    if ('problem' in file) {
      const [vi, en] = file.problem.split(' / ');
      refuse(`${vi}, không đọc`, `${en}; not read`);
      return undefined;
    }
    return { full, text: file.text };
  };
  for (const [i, path] of (config.registry ?? []).entries()) {
    const file = named(path, registryRanges[i], { vi: 'Tệp danh mục', en: 'Registry file' });
    if (!file) continue;
    const extra = parseRegistryFile(file.text);
    loaded.reports.push({ file: file.full, diagnostics: extra.diagnostics });
    loaded.files.registry.push({ path: file.full, text: file.text });
    loaded.registry = loaded.registry.with(extra);
  }
  const words: string[] = [];
  for (const [i, path] of (config.dictionary ?? []).entries()) {
    const file = named(path, dictionaryRanges[i], { vi: 'Danh sách từ', en: 'Word list' });
    if (!file) continue;
    loaded.files.dictionary.push({ path: file.full, text: file.text });
    words.push(...parseWordList(file.text));
  }
  if (words.length) config.words = words;
  // In the order of the file, whether found while reading it or the files it names.
  diagnostics.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return loaded;
}

/**
 * The nearest `kehoach.json` in `folder` or above it, as the CLI and the
 * server both look for it: not above `root` when given (the workspace folder
 * the editor opened). Undefined when there is none.
 */
export function nearestConfigFile(folder: string, root?: string): string | undefined {
  const top = root && resolve(root);
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    const candidate = join(dir, 'kehoach.json');
    if (existsSync(candidate)) return candidate;
    if (dir === top || dirname(dir) === dir) return undefined;
  }
}

/** Each `kehoach.json` loaded once, for every file that it is the nearest of. */
export interface WorkspaceConfigs {
  /** The configuration of the nearest `kehoach.json` at or above `folder` (not above `root`); the defaults when there is none or no folder. */
  of(folder: string | undefined, root?: string): LoadedWorkspaceConfig;
  /** Forgets them all: a configuration or registry file changed. */
  clear(): void;
}

export function workspaceConfigs(): WorkspaceConfigs {
  const byFile = new Map<string, LoadedWorkspaceConfig>();
  return {
    of(folder, root) {
      const file = folder === undefined ? undefined : nearestConfigFile(folder, root);
      const key = file ?? '';
      let loaded = byFile.get(key);
      if (!loaded) byFile.set(key, (loaded = loadWorkspaceConfig(file)));
      return loaded;
    },
    clear: () => byFile.clear(),
  };
}
