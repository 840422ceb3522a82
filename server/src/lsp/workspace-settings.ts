import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES, type CheckConfig } from '../checks';
import { parseWorkspaceConfig } from '../checks/config';
import { SHARED_KEYS } from '../checks/settings';
import { isInside, workspaceConfigs, type LoadedWorkspaceConfig } from '../host/workspace-config';
import type { Registry } from '../registry/registry';
import { toLspDiagnostic } from '../service/diagnostics';
import type { DocumentSettings } from '../service/plan-service';
import type { WorkspaceFile, WorkspaceFiles } from '../service/workspace-edits';
import { REVIEW_SCHEME } from './protocol';

/**
 * What each plan is checked with: the editor's `kehoach.*` settings with
 * the nearest `kehoach.json` at or above the plan over them, inside the
 * workspace folder that holds it, as the CLI finds it. Each folder's settings
 * are read once until `reload`; what is wrong in a configuration or registry
 * file is published on that file the first time it is read, and cleared when
 * mended.
 */
export interface WorkspaceSettings {
  settingsFor(uri: string): DocumentSettings;
  /** The registry of the nearest kehoach.json at or above `folder` (the built-in one outside every workspace folder). */
  registryAt(folder: string | undefined): Registry;
  /** True for a registry file or word list the settings were read from: a change to it is a change of settings. */
  isSettingsFile(uri: string): boolean;
  /** Everything read again with new editor settings; `uris`' settings at once, so that every file's findings are published now. */
  reload(editor: CheckConfig, uris: readonly string[]): void;
}

/** The editor's `kehoach.*` settings, validated as a kehoach.json would be; what is wrong goes to the log. */
export async function pullEditorSettings(connection: Connection): Promise<CheckConfig> {
  const raw = ((await connection.workspace.getConfiguration('kehoach')) ?? {}) as Record<string, unknown>;
  const given = Object.fromEntries(SHARED_KEYS.flatMap((k) => (raw[k] === undefined || raw[k] === '' || raw[k] === null ? [] : [[k, raw[k]]])));
  const parsed = parseWorkspaceConfig(
    JSON.stringify(given),
    RULES.map((r) => r.id),
  );
  for (const d of parsed.diagnostics) connection.console.warn(`kehoach.* settings: ${d.message}`);
  return parsed.config;
}

/** The editor's open documents, as the quick fixes need them. */
type OpenDocuments = Pick<TextDocuments<TextDocument>, 'all'>;

/**
 * The files a plan's settings come from, as the quick fixes that add to them
 * need them: each as the editor holds it when open (its unsaved changes and
 * version), else as read; the names of files to create free in their folder.
 */
function filesOf(loaded: LoadedWorkspaceConfig, planFolder: string, documents: OpenDocuments): WorkspaceFiles {
  const folder = loaded.files.config ? dirname(loaded.files.config.path) : planFolder;
  const free = (name: string, extension: string) => {
    for (let k = 1; ; k++) {
      const candidate = `${name}${k === 1 ? '' : `-${k}`}.${extension}`;
      if (!existsSync(join(folder, candidate))) return candidate;
    }
  };
  const asUri = (file: { path: string; text: string }): WorkspaceFile => {
    const uri = pathToFileURL(file.path).toString();
    // Found by path: the editor may spell the URI otherwise (its percent-encoding).
    const open = () => documents.all().find((d) => d.uri === uri || (d.uri.startsWith('file:') && fileURLToPath(d.uri) === file.path));
    return {
      uri,
      current: () => {
        const document = open();
        return document ? { text: document.getText(), version: document.version } : { text: file.text, version: null };
      },
    };
  };
  return {
    folder: pathToFileURL(folder).toString(),
    ...(loaded.files.config ? { config: asUri(loaded.files.config) } : {}),
    registry: loaded.files.registry.map(asUri),
    dictionary: loaded.files.dictionary.map(asUri),
    newRegistry: free('danh-muc', 'json'),
    newDictionary: free('tu-dien', 'txt'),
  };
}

/** The folder whose kehoach.json applies to a document; '' for one not on disk. */
function folderOf(uri: string): string {
  // The plan imported by a review (`kehoach-review:/folder/draft.docx.kh`) is checked as a file of the draft's folder.
  const onDisk = uri.startsWith(`${REVIEW_SCHEME}:`) ? `file:${uri.slice(REVIEW_SCHEME.length + 1)}` : uri;
  return onDisk.startsWith('file:') ? dirname(fileURLToPath(onDisk)) : '';
}

export function createWorkspaceSettings(connection: Connection, folders: () => string[], documents: OpenDocuments): WorkspaceSettings {
  /** Each kehoach.json, loaded once until `reload`. */
  const configs = workspaceConfigs();
  let editor: CheckConfig = {};
  const byFolder = new Map<string, DocumentSettings>();
  const settingsFiles = new Set<string>();
  /** Files whose findings are published (kehoach.json, registry files), to clear them when mended. */
  let reported = new Set<string>();

  function loadedFor(folder: string | undefined): LoadedWorkspaceConfig {
    const root =
      folder === undefined
        ? undefined
        : folders()
            .filter((f) => isInside(folder, f))
            .sort((a, b) => b.length - a.length)[0];
    let loaded;
    try {
      loaded = configs.of(root && folder, root);
    } catch (error) {
      connection.console.error(`kehoach: reading the kehoach.json of ${folder} failed: ${(error as Error).message}`);
      loaded = configs.of(undefined);
    }
    for (const report of loaded.reports) {
      if (reported.has(report.file)) continue;
      reported.add(report.file);
      void connection.sendDiagnostics({ uri: pathToFileURL(report.file).toString(), diagnostics: report.diagnostics.map(toLspDiagnostic) });
    }
    return loaded;
  }

  function settingsFor(uri: string): DocumentSettings {
    const folder = folderOf(uri);
    let settings = byFolder.get(folder);
    if (!settings) {
      const loaded = loadedFor(folder || undefined);
      for (const file of [...loaded.files.registry, ...loaded.files.dictionary]) settingsFiles.add(file.path);
      // The file wins over the editor, so the editor checks as the CLI does.
      const config = { ...editor, ...loaded.config, rules: { ...editor.rules, ...loaded.config.rules } };
      settings = { registry: loaded.registry, config, ...(folder ? { files: filesOf(loaded, folder, documents) } : {}) };
      byFolder.set(folder, settings);
    }
    return settings;
  }

  return {
    settingsFor,
    registryAt: (folder) => loadedFor(folder).registry,
    isSettingsFile: (uri) => uri.startsWith('file:') && settingsFiles.has(fileURLToPath(uri)),
    reload(next, uris) {
      editor = next;
      configs.clear();
      byFolder.clear();
      const before = reported;
      reported = new Set();
      for (const uri of uris) settingsFor(uri);
      for (const stale of before) if (!reported.has(stale)) void connection.sendDiagnostics({ uri: pathToFileURL(stale).toString(), diagnostics: [] });
    },
  };
}
