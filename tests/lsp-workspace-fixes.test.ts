import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRegistryFile, parseWorkspaceConfig } from '../server/src/checks/config';
import { startServer, type LspServer } from './helpers/lsp-client';
import { temporaryFolders } from './helpers/temp-folders';

/**
 * The quick fixes that add to the workspace's own files, over a real LSP
 * connection to the bundled server: the edit the server answers is applied
 * to the files as an editor applies it, the editor's watcher reports the
 * change, and the finding is gone.
 */
const temporaryFolder = temporaryFolders();
let folder: string;
const uriOf = (name: string) => pathToFileURL(join(folder, name)).toString();
const PLAN = `Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Số: 12/KH-UBND
Địa danh: Lai Châu
Ngày: 15/3/2026
Loại: Kế hoạch
Trích yếu: Thực hiện công tác năm 2026
---

Thực hiện Kế hoạch số 45/KH-UBND ngày 02/02/2026 của Ủy ban nhân dân tỉnh Lai Châu về phát triển kinh tế tập thể.

Thực hiện Kế hoạch số 46/KH-UBND ngày 03/02/2026 của Ủy ban nhân dân tỉnh Lai Châu ,  về khuyến học, khuyến tài.

Triển khai nhiêm vụ năm 2026.
`;

type Range = { start: { line: number; character: number }; end: { line: number; character: number } };
type Diagnostic = { code: string; range: Range; message: string };
type Change = { kind: 'create'; uri: string } | { textDocument: { uri: string }; edits: { range: Range; newText: string }[] };

let server: LspServer;
const published = new Map<string, Diagnostic[]>();

/** Applies a WorkspaceEdit to the files as an editor does: a file created empty, then each insertion at its position. */
function apply(changes: Change[]): string[] {
  const touched: string[] = [];
  for (const change of changes) {
    if ('kind' in change) {
      writeFileSync(fileURLToPath(change.uri), '', { flag: 'wx' });
      continue;
    }
    const file = fileURLToPath(change.textDocument.uri);
    let text = readFileSync(file, 'utf8');
    for (const edit of [...change.edits].reverse()) {
      const lines = text.split('\n');
      const offset = (p: Range['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
      text = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
    }
    writeFileSync(file, text);
    touched.push(change.textDocument.uri);
  }
  return touched;
}

const findings = (accept: (d: Diagnostic[]) => boolean) => expect.poll(() => published.get(uriOf('ke-hoach.kh')) ?? [], { timeout: 15_000 }).toSatisfy(accept);

async function quickFix(diagnostic: Diagnostic, title: RegExp) {
  const actions = await server.connection.sendRequest<{ title: string; edit?: { documentChanges: Change[] } }[]>('textDocument/codeAction', {
    textDocument: { uri: uriOf('ke-hoach.kh') },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  const action = actions.find((a) => title.test(a.title));
  expect(action, actions.map((a) => a.title).join('\n')).toBeDefined();
  const touched = apply(action!.edit!.documentChanges);
  await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: touched.map((uri) => ({ uri, type: 2 })) });
  return touched;
}

beforeAll(async () => {
  folder = temporaryFolder('workspace-fixes');
  writeFileSync(join(folder, 'ke-hoach.kh'), PLAN);
  server = await startServer('bundle', {
    workspace: { folder, name: 'plans' },
    handlers: (c) => {
      c.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => void published.set(p.uri, p.diagnostics));
      c.onRequest('client/registerCapability', () => null);
    },
  });
  await server.open(uriOf('ke-hoach.kh'), PLAN);
});

afterAll(() => server.stop());

describe('quick fixes that add to the workspace’s files', () => {
  it('adds an unknown document as the plan cites it to a registry file it creates and lists in a new kehoach.json', async () => {
    await findings((d) => d.filter((x) => x.code === 'citation-unknown').length === 2);
    const [first] = published.get(uriOf('ke-hoach.kh'))!.filter((d) => d.code === 'citation-unknown');
    const touched = await quickFix(first, /^Thêm Kế hoạch 45\/KH-UBND vào danh mục của thư mục/);
    expect(touched.sort()).toEqual([uriOf('danh-muc.json'), uriOf('kehoach.json')]);
    expect(parseWorkspaceConfig(readFileSync(join(folder, 'kehoach.json'), 'utf8'), []).config.registry).toEqual(['danh-muc.json']);
    const registry = parseRegistryFile(readFileSync(join(folder, 'danh-muc.json'), 'utf8'));
    expect(registry.diagnostics).toEqual([]);
    expect(registry.documents).toEqual([
      {
        number: '45/KH-UBND',
        type: 'Kế hoạch',
        issuer: 'Ủy ban nhân dân tỉnh Lai Châu',
        date: '2026-02-02',
        title: 'về phát triển kinh tế tập thể',
        system: 'state',
        confidence: 'cited',
        sources: ['cited in Kế hoạch 12/KH-UBND (ỦY BAN NHÂN DÂN TỈNH LAI CHÂU, 15/3/2026), ke-hoach.kh'],
      },
    ]);
    await findings((d) => d.filter((x) => x.code === 'citation-unknown').length === 1);
  });

  it('adds the next one to the same registry file, keeping what is there', async () => {
    const [second] = published.get(uriOf('ke-hoach.kh'))!.filter((d) => d.code === 'citation-unknown');
    expect(await quickFix(second, /^Thêm Kế hoạch 46\/KH-UBND/)).toEqual([uriOf('danh-muc.json')]);
    // The title as cited, read past the comma and its spaces after the issuer.
    expect(parseRegistryFile(readFileSync(join(folder, 'danh-muc.json'), 'utf8')).documents.map((d) => [d.number, d.title])).toEqual([
      ['45/KH-UBND', 'về phát triển kinh tế tập thể'],
      ['46/KH-UBND', 'về khuyến học, khuyến tài'],
    ]);
    await findings((d) => !d.some((x) => x.code === 'citation-unknown'));
  });

  it('adds a word the spelling rule does not know to a word list it creates and lists in kehoach.json', async () => {
    await findings((d) => d.some((x) => x.code === 'text-spelling'));
    const spelling = published.get(uriOf('ke-hoach.kh'))!.find((d) => d.code === 'text-spelling')!;
    const touched = await quickFix(spelling, /^Thêm "nhiêm" vào từ điển \/ Add "nhiêm" to the dictionary$/);
    expect(touched.sort()).toEqual([uriOf('kehoach.json'), uriOf('tu-dien.txt')]);
    expect(parseWorkspaceConfig(readFileSync(join(folder, 'kehoach.json'), 'utf8'), []).config).toMatchObject({ registry: ['danh-muc.json'], dictionary: ['tu-dien.txt'] });
    expect(
      readFileSync(join(folder, 'tu-dien.txt'), 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    ).toEqual(['nhiêm']);
    await findings((d) => !d.some((x) => x.code === 'text-spelling'));
  });
});

describe('quick fixes that add to a workspace file open in the editor with unsaved changes', () => {
  type VersionedChange = { textDocument: { uri: string; version: number | null }; edits: { range: Range; newText: string }[] };
  /** The text an edit gives (LF lines). */
  const applied = (text: string, { edits }: VersionedChange) => {
    const lines = text.split('\n');
    const offset = (p: Range['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    return [...edits].reverse().reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
  };

  it('inserts where the open text has it, for the open version, so that an editor refuses the edit once that version is gone', async () => {
    const dir = temporaryFolder('workspace-fixes-open');
    const uri = (name: string) => pathToFileURL(join(dir, name)).toString();
    writeFileSync(join(dir, 'kehoach.json'), '{\n  "registry": ["danh-muc.json"],\n  "dictionary": ["tu-dien.txt"]\n}\n');
    writeFileSync(join(dir, 'danh-muc.json'), '{\n  "documents": []\n}\n');
    writeFileSync(join(dir, 'tu-dien.txt'), 'abc\n');
    writeFileSync(join(dir, 'ke-hoach.kh'), PLAN);
    const seen = new Map<string, Diagnostic[]>();
    const open = await startServer('bundle', {
      workspace: { folder: dir, name: 'plans' },
      handlers: (c) => c.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => void seen.set(p.uri, p.diagnostics)),
    });
    try {
      // The editor holds both files with lines the disk has not got yet.
      const registryText = '{\n\n\n  "documents": []\n}\n';
      const wordsText = 'abc\nxyz';
      await open.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('danh-muc.json'), languageId: 'json', version: 7, text: registryText } });
      await open.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('tu-dien.txt'), languageId: 'plaintext', version: 3, text: wordsText } });
      await open.open(uri('ke-hoach.kh'), PLAN);
      await expect
        .poll(() => seen.get(uri('ke-hoach.kh')) ?? [], { timeout: 15_000 })
        .toSatisfy((d: Diagnostic[]) => d.some((x) => x.code === 'citation-unknown') && d.some((x) => x.code === 'text-spelling'));
      const fix = async (code: string) => {
        const diagnostic = seen.get(uri('ke-hoach.kh'))!.find((d) => d.code === code)!;
        const actions = await open.connection.sendRequest<{ title: string; edit?: { documentChanges: VersionedChange[] } }[]>('textDocument/codeAction', {
          textDocument: { uri: uri('ke-hoach.kh') },
          range: diagnostic.range,
          context: { diagnostics: [diagnostic] },
        });
        const changes = actions.find((a) => a.title.startsWith('Thêm'))!.edit!.documentChanges;
        expect(changes).toHaveLength(1);
        return changes[0];
      };
      const registryEdit = await fix('citation-unknown');
      expect(registryEdit.textDocument).toEqual({ uri: uri('danh-muc.json'), version: 7 });
      const registry = parseRegistryFile(applied(registryText, registryEdit));
      expect(registry.diagnostics).toEqual([]);
      expect(registry.documents.map((d) => d.number)).toEqual(['45/KH-UBND']);
      const wordsEdit = await fix('text-spelling');
      expect(wordsEdit.textDocument).toEqual({ uri: uri('tu-dien.txt'), version: 3 });
      expect(applied(wordsText, wordsEdit)).toBe('abc\nxyz\nnhiêm\n');
      // Nothing published on the registry file as if it were a plan.
      expect(seen.get(uri('danh-muc.json')) ?? []).toEqual([]);
    } finally {
      await open.stop();
    }
  }, 60_000);
});
