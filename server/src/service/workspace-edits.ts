import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { jsonLocations } from '../checks/json-locations';

/** A file of the workspace's configuration, for an edit of it. */
export interface WorkspaceFile {
  uri: string;
  /**
   * Its text as the editor holds it when it is open there, with that
   * version (so that the editor refuses an edit made for another), else as
   * the server read it from disk (version null).
   */
  current(): { text: string; version: number | null };
}

/**
 * The files a plan's settings come from (its nearest kehoach.json and what it
 * lists), for the quick fixes that add to them. `folder` is the folder of
 * kehoach.json, or the plan's own when there is none; `newRegistry` and
 * `newDictionary` are names free in it, for a file to create.
 */
export interface WorkspaceFiles {
  folder: string;
  config?: WorkspaceFile;
  registry: WorkspaceFile[];
  dictionary: WorkspaceFile[];
  newRegistry: string;
  newDictionary: string;
}

/** The LSP position of an offset in a text (UTF-16, as JavaScript strings count). */
function positionAt(text: string, offset: number) {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const insertAt = (text: string, offset: number, newText: string): TextEdit => {
  const at = positionAt(text, offset);
  return { range: { start: at, end: at }, newText };
};

/** Whether a text is a JSON object (what kehoach.json and a registry file are). */
function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The edit that adds `item` (JSON text) to the list `key` of a JSON object's
 * text, the list created when it is not there: one insertion, the rest of
 * the file as it was. Undefined when the text is not a JSON object, or `key`
 * holds something other than a list.
 */
export function addToJsonList(text: string, key: string, item: string): TextEdit | undefined {
  const object = jsonObject(text);
  if (!object) return undefined;
  const locate = jsonLocations(text, 2);
  const list = object[key];
  if (list === undefined) {
    const open = locate([])!.start;
    const empty = Object.keys(object).length === 0;
    return insertAt(text, open + 1, `\n  "${key}": [\n    ${item.replace(/\n/g, '\n    ')}\n  ]${empty ? '\n' : ','}`);
  }
  if (!Array.isArray(list)) return undefined;
  if (list.length === 0) return insertAt(text, locate([key])!.start + 1, `\n    ${item.replace(/\n/g, '\n    ')}\n  `);
  return insertAt(text, locate([key, list.length - 1])!.end, `,\n    ${item.replace(/\n/g, '\n    ')}`);
}

/** A text edit of a file made for its `version` (null: the file as on disk, or new). */
const editOf = (uri: string, version: number | null, edits: TextEdit[]): TextDocumentEdit => ({ textDocument: { uri, version }, edits });
const created = (uri: string): CreateFile => ({ kind: 'create', uri, options: { ignoreIfExists: false, overwrite: false } });
const at0 = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Adds `entry` under `listKey` of the first file of `kind` that kehoach.json
 * lists; with none, creates one holding it and lists it in kehoach.json
 * (creating that too). `fileText` makes a new file's text from the entry,
 * `append` the edit adding it to an existing one's current text. Undefined when a file to
 * change is not JSON as kehoach reads it.
 */
function addToWorkspaceFile(files: WorkspaceFiles, kind: 'registry' | 'dictionary', newName: string, fileText: string, append: (text: string) => TextEdit | undefined): WorkspaceEdit | undefined {
  const [existing] = files[kind];
  if (existing) {
    const { text, version } = existing.current();
    const edit = append(text);
    return edit && { documentChanges: [editOf(existing.uri, version, [edit])] };
  }
  const fileUri = `${files.folder.replace(/\/$/, '')}/${newName}`;
  const listed = JSON.stringify(newName);
  const changes: (CreateFile | TextDocumentEdit)[] = [created(fileUri), editOf(fileUri, null, [{ range: at0, newText: fileText }])];
  if (files.config) {
    const { text, version } = files.config.current();
    const edit = addToJsonList(text, kind, listed);
    if (!edit) return undefined;
    changes.push(editOf(files.config.uri, version, [edit]));
  } else {
    const configUri = `${files.folder.replace(/\/$/, '')}/kehoach.json`;
    changes.push(created(configUri), editOf(configUri, null, [{ range: at0, newText: `{\n  "${kind}": [${listed}]\n}\n` }]));
  }
  return { documentChanges: changes };
}

/** The edit adding a document entry to the workspace's registry file (created and listed in kehoach.json when there is none). */
export function addDocumentEdit(files: WorkspaceFiles, entry: Record<string, unknown>): WorkspaceEdit | undefined {
  const item = JSON.stringify(entry, null, 2);
  return addToWorkspaceFile(files, 'registry', files.newRegistry, `{\n  "documents": [\n    ${item.replace(/\n/g, '\n    ')}\n  ]\n}\n`, (text) => addToJsonList(text, 'documents', item));
}

/** The edit adding a word to the workspace's word list (created and listed in kehoach.json when there is none). */
export function addWordEdit(files: WorkspaceFiles, word: string): WorkspaceEdit | undefined {
  const header = '# Từ điển của thư mục: mỗi dòng một từ / The workspace dictionary: one word a line\n';
  return addToWorkspaceFile(files, 'dictionary', files.newDictionary, `${header}${word}\n`, (text) => insertAt(text, text.length, `${text === '' || text.endsWith('\n') ? '' : '\n'}${word}\n`));
}
