import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
