import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { RULES } from '../checks';
import { parseRegistryFile, parseWorkspaceConfig, type WorkspaceConfig } from '../checks/config';
import type { PlanDiagnostic } from '../model';
import { builtinRegistry } from '../registry/builtin';
import type { Registry } from '../registry/registry';

/** The findings on one configuration or registry file. */
export interface FileReport {
  file: string;
  diagnostics: PlanDiagnostic[];
}

/** A workspace's settings and registry, from its `kehoach.json`. */
export interface LoadedWorkspaceConfig {
  config: WorkspaceConfig;
  registry: Registry;
  /** `kehoach.json` and each registry file it names, with what is wrong in them. */
  reports: FileReport[];
}

const TOP = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Reads `kehoach.json` and the registry files it lists (paths relative to
 * it). Never throws on content: what is wrong is a diagnostic in its file
 * and what is valid is kept. Without a file, the built-in registry and no
 * settings.
 */
export function loadWorkspaceConfig(configFile: string | undefined): LoadedWorkspaceConfig {
  const loaded: LoadedWorkspaceConfig = { config: {}, registry: builtinRegistry(), reports: [] };
  if (!configFile) return loaded;
  const { config, diagnostics } = parseWorkspaceConfig(readFileSync(configFile, 'utf8'), RULES.map((r) => r.id));
  loaded.config = config;
  loaded.reports.push({ file: configFile, diagnostics });
  for (const path of config.registry ?? []) {
    const full = resolve(dirname(configFile), path);
    if (!existsSync(full)) {
      diagnostics.push({ range: TOP, severity: 'error', code: 'config', message: `Không có tệp danh mục / No registry file: ${path}` });
      continue;
    }
    const extra = parseRegistryFile(readFileSync(full, 'utf8'));
    loaded.reports.push({ file: full, diagnostics: extra.diagnostics });
    loaded.registry = loaded.registry.with(extra);
  }
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

/** True when `path` is `folder` or lies below it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
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
