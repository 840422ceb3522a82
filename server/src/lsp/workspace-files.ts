import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isInside, listPlanFiles, readPlanFile, UnreadableFileError } from '../host/plan-files';
import type { PlanTextDocument, Workspace } from '../service/plan-service';

/** A plan among the editor's open documents (an editor may open others with the server too: a registry file, a word list). */
export const isPlanDocument = (document: TextDocument) => document.languageId === 'kehoach' || document.uri.endsWith('.kh');

/** The workspace the server keeps, told of the folders and of file events. */
export interface FileWorkspace extends Workspace {
  /** Lists the `.kh` files below the folders (file URIs), replacing what was listed. */
  scan(folders: string[]): void;
  /** A file was created or changed on disk: read it again when next asked. */
  changed(uri: string): void;
  deleted(uri: string): void;
}

/**
 * The workspace over the editor's open documents and the `.kh` files of the
 * workspace folders, listed as the CLI lists a folder (`listPlanFiles`: only
 * regular files, links only within the folder). An open document is read as
 * the editor holds it; a closed one from disk (`readPlanFile`: bounded, never
 * blocking on a pipe), once, until a file event says it changed. Disk
 * versions are negative so that they never equal an editor's version. Each
 * file passed over is told to `skipped` with the reason, and told again with
 * none when it becomes readable.
 */
export function createFileWorkspace(documents: TextDocuments<TextDocument>, skipped: (uri: string, reason: string | undefined) => void = () => {}): FileWorkspace {
  const onDisk = new Map<string, PlanTextDocument | undefined>();
  /** The files passed over, to clear their finding when they are read again. */
  const passedOver = new Set<string>();
  let nextVersion = -1;
  const skip = (uri: string, reason: string) => {
    passedOver.add(uri);
    skipped(uri, reason);
  };
  /** The workspace folders as last scanned, links resolved: a file read from disk must lie in one. */
  let roots: string[] = [];
  const read = (uri: string): PlanTextDocument | undefined => {
    try {
      const path = fileURLToPath(uri);
      if (!roots.some((root) => isInside(realpathSync(path), root))) {
        skip(uri, 'liên kết dẫn ra ngoài thư mục làm việc / a link leading out of the workspace folders');
        return undefined;
      }
      const { text } = readPlanFile(path);
      if (passedOver.delete(uri)) skipped(uri, undefined);
      return { uri, version: nextVersion--, getText: () => text };
    } catch (error) {
      if (error instanceof UnreadableFileError) skip(uri, error.reason);
      return undefined; // Deleted between the event and the read, or not a file to read: it is not a plan.
    }
  };
  return {
    listDocuments() {
      const open = documents
        .all()
        .filter(isPlanDocument)
        .map((d) => d.uri);
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
      const before = new Set(passedOver);
      passedOver.clear();
      roots = [];
      for (const folder of folders) {
        let listed;
        try {
          roots.push(realpathSync(folder));
          listed = listPlanFiles(folder);
        } catch {
          continue; // A folder that is gone or unreadable holds no plan we can index.
        }
        for (const file of listed.files) onDisk.set(pathToFileURL(file).toString(), undefined);
        for (const { file, reason } of listed.skipped) skip(pathToFileURL(file).toString(), reason);
      }
      for (const uri of before) if (!passedOver.has(uri)) skipped(uri, undefined);
    },
    changed(uri) {
      if (uri.endsWith('.kh')) onDisk.set(uri, undefined);
    },
    deleted(uri) {
      onDisk.delete(uri);
      if (passedOver.delete(uri)) skipped(uri, undefined);
    },
  };
}
