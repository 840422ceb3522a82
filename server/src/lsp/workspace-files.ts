import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlanTextDocument, Workspace } from '../service/plan-service';

/** Folders no plan lives in, skipped when indexing (as the CLI skips them). */
const SKIPPED = (name: string) => name.startsWith('.') || name === 'node_modules';

/**
 * The workspace over the editor's open documents and the `.kh` files of the
 * workspace folders. An open document is read as the editor holds it; a
 * closed one from disk, once, until a file event says it changed. Disk
 * versions are negative so that they never equal an editor's version.
 */
export function createFileWorkspace(documents: TextDocuments<TextDocument>): Workspace & {
  /** Lists the `.kh` files below the folders (file URIs), replacing what was listed. */
  scan(folders: string[]): void;
  /** A file was created or changed on disk: read it again when next asked. */
  changed(uri: string): void;
  deleted(uri: string): void;
} {
  const onDisk = new Map<string, PlanTextDocument | undefined>();
  let nextVersion = -1;
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // A folder we may not read holds no plan we can index.
    }
    for (const entry of entries) {
      if (SKIPPED(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.kh')) onDisk.set(pathToFileURL(full).toString(), undefined);
    }
  };
  const read = (uri: string): PlanTextDocument | undefined => {
    try {
      const text = readFileSync(fileURLToPath(uri), 'utf8');
      return { uri, version: nextVersion--, getText: () => text };
    } catch {
      return undefined; // Deleted between the event and the read: it is gone.
    }
  };
  return {
    listDocuments() {
      const open = documents.all().filter((d) => d.languageId === 'kehoach' || d.uri.endsWith('.kh')).map((d) => d.uri);
      return [...new Set([...open, ...onDisk.keys()])];
    },
    readDocument(uri) {
      const open = documents.get(uri);
      if (open) return open;
      if (!onDisk.has(uri) || !uri.startsWith('file:')) return undefined;
      let document = onDisk.get(uri);
      if (!document) {
        document = read(uri);
        if (document) onDisk.set(uri, document);
        else onDisk.delete(uri);
      }
      return document;
    },
    scan(folders) {
      onDisk.clear();
      folders.forEach(walk);
    },
    changed(uri) {
      if (uri.endsWith('.kh')) onDisk.set(uri, undefined);
    },
    deleted(uri) {
      onDisk.delete(uri);
    },
  };
}
