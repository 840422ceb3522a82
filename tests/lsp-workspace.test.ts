import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { isInside, nearestConfigFile } from '../server/src/host/workspace-config';
import { startServer, type LspServer } from './helpers/lsp-client';

/**
 * The bundled server on a workspace of the examples, spoken to over stdio as
 * an editor does, through every capability it announces. The workspace is a
 * copy of examples/ plus a district plan citing the Trà Vinh plan; the
 * "editor" answers workspace/configuration with the settings below.
 */
const root = join(__dirname, '..');
const folder = mkdtempSync(join(tmpdir(), 'kehoach-lsp-'));
const uriOf = (name: string) => pathToFileURL(join(folder, name)).toString();
const TRA_VINH = 'ke-hoach-64-KH-UBND-tra-vinh.kh';
const DISTRICT = `Cơ quan: ỦY BAN NHÂN DÂN HUYỆN CÀNG LONG
Số: 12/KH-UBND
Địa danh: Càng Long
Ngày: 01/12/2020
Loại: Kế hoạch
Trích yếu: Thực hiện Kế hoạch số 64/KH-UBND ngày 17/11/2020 của Ủy ban nhân dân tỉnh
---

Thực hiện Kế hoạch số 64/KH-UBND ngày 17/11/2020 của Ủy ban nhân dân tỉnh Trà Vinh.

# TỔ CHỨC THỰC HIỆN
## Phòng Lao động - Thương binh và Xã hội
Phối hợp với Sở Lao động - Thương binh và Xã hội.
`;
let settings: Record<string, unknown> = { rules: { 'text-spelling': 'off' } };
let server: LspServer;
let connection: MessageConnection;
const published = new Map<string, { version?: number; diagnostics: { code: string; severity: number; range: { start: { line: number } } }[] }[]>();
const text = readFileSync(join(root, 'examples', TRA_VINH), 'utf8');
const lines = text.split('\n');
/** The position of the first `needle` on a line containing `context`, plus `offset`. */
const at = (source: string, context: string, needle = context, offset = 1) => {
  const line = source.split('\n').findIndex((l) => l.includes(context));
  return { line, character: source.split('\n')[line].indexOf(needle) + offset };
};

function diagnosticsOf(uri: string, accept: (d: { code: string }[]) => boolean = () => true) {
  return new Promise<{ code: string; severity: number; range: { start: { line: number } } }[]>((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const last = published.get(uri)?.at(-1);
      if (last && accept(last.diagnostics)) resolve(last.diagnostics);
      else if (Date.now() - started > 10_000) reject(new Error(`no matching diagnostics for ${uri}`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}
const request = <T>(method: string, params: unknown) => connection.sendRequest(method, params) as Promise<T>;
const doc = { textDocument: { uri: uriOf(TRA_VINH) } };

beforeAll(async () => {
  cpSync(join(root, 'examples'), folder, { recursive: true });
  writeFileSync(join(folder, 'cang-long.kh'), DISTRICT);
  server = await startServer('bundle', {
    workspace: { folder, name: 'examples' },
    capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } } },
    handlers: (c) => {
      c.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: never[] }) => {
        published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
      });
      c.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => settings));
      c.onRequest('client/registerCapability', () => null);
    },
  });
  connection = server.connection;
  expect(Object.keys(server.initialized.capabilities)).toEqual(
    expect.arrayContaining([
      'hoverProvider',
      'completionProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'documentFormattingProvider',
      'inlayHintProvider',
      'codeActionProvider',
      'definitionProvider',
      'referencesProvider',
      'renameProvider',
      'workspaceSymbolProvider',
      'selectionRangeProvider',
      'semanticTokensProvider',
      'documentLinkProvider',
    ]),
  );
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(TRA_VINH), languageId: 'kehoach', version: 1, text } });
});

afterAll(async () => {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

describe('the language server on a workspace of the examples', () => {
  it('publishes the example’s diagnostics, with the settings applied (text-spelling off)', async () => {
    const diagnostics = await diagnosticsOf(uriOf(TRA_VINH), (d) => d.length > 0);
    const codes = diagnostics.map((d) => d.code);
    expect(codes).toContain('header-number-form');
    expect(codes).not.toContain('text-spelling');
  });

  it('completes a citation after “Chỉ thị số ”', async () => {
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(TRA_VINH), version: 2 },
      contentChanges: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, text: 'Chỉ thị số ' }],
    });
    const items = await request<{ label: string }[]>('textDocument/completion', { ...doc, position: { line: 10, character: 'Chỉ thị số '.length } });
    expect(items.map((i) => i.label)).toContain('Chỉ thị số 24/CT-TTg');
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(TRA_VINH), version: 3 },
      contentChanges: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 'Chỉ thị số '.length } }, text: '' }],
    });
  });

  it('shows the registry entry of a citation on hover', async () => {
    const hover = await request<{ contents: { value: string } }>('textDocument/hover', { ...doc, position: at(text, 'Thực hiện Chỉ thị số 24', '24/CT') });
    expect(hover.contents.value).toContain('**Chỉ thị số 24/CT-TTg** ngày 28/5/2020 của Thủ tướng Chính phủ');
  });

  it('goes from a citation to its registry entry, whose text the server serves', async () => {
    const [location] = await request<{ uri: string }[]>('textDocument/definition', { ...doc, position: at(text, 'Thực hiện Chỉ thị số 24', '24/CT') });
    expect(location.uri).toBe('kehoach-registry:/document/24%2FCT-TTg.json');
    const entry = await request<string>('kehoach/registryEntry', { uri: location.uri });
    expect(JSON.parse(entry)).toMatchObject({ number: '24/CT-TTg', issuer: 'Thủ tướng Chính phủ' });
  });

  it('goes from a plan citing the example to the first task the example gives the district’s level', async () => {
    const locations = await request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', {
      textDocument: { uri: uriOf('cang-long.kh') },
      position: { line: 8, character: 25 },
    });
    // Not open in the editor: the server only answers for open documents.
    expect(locations).toEqual([]);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('cang-long.kh'), languageId: 'kehoach', version: 1, text: DISTRICT } });
    const [location] = await request<{ uri: string; range: { start: { line: number } } }[]>('textDocument/definition', {
      textDocument: { uri: uriOf('cang-long.kh') },
      position: { line: 8, character: 25 },
    });
    // Heading 10 of the Trà Vinh plan, “Ủy ban nhân dân các huyện, thị xã, thành phố”: its first item.
    expect(location).toMatchObject({ uri: uriOf(TRA_VINH), range: { start: { line: lines.findIndex((l) => l.startsWith('## 10.')) + 2 } } });
  });

  it('finds the references of an agency across the workspace', async () => {
    const refs = await request<{ uri: string }[]>('textDocument/references', { ...doc, position: at(text, '## 1. Sở Lao động', 'Sở Lao'), context: { includeDeclaration: true } });
    const files = new Set(refs.map((r) => r.uri.split('/').at(-1)));
    expect(refs.length).toBeGreaterThan(8);
    expect(files).toContain('cang-long.kh');
    expect(files).toContain(TRA_VINH);
  });

  it('renames the plan’s number in its header and in the plan that cites it', async () => {
    const position = at(text, 'Số: 64', '64');
    expect(await request('textDocument/prepareRename', { ...doc, position })).toMatchObject({ placeholder: '64 /KH-UBND' });
    const edit = await request<{ changes: Record<string, { newText: string }[]> }>('textDocument/rename', { ...doc, position, newName: '65/KH-UBND' });
    expect(
      Object.keys(edit.changes)
        .map((u) => u.split('/').at(-1))
        .sort(),
    ).toEqual(['cang-long.kh', TRA_VINH]);
    expect(edit.changes[uriOf('cang-long.kh')]).toHaveLength(2);
    await expect(request('textDocument/rename', { ...doc, position, newName: 'sáu lăm' })).rejects.toThrow('không phải số, ký hiệu văn bản');
  });

  it('formats: renumbers headings and trims line ends', async () => {
    const edits = await request<{ newText: string }[]>('textDocument/formatting', { ...doc, options: { tabSize: 2, insertSpaces: true } });
    expect(Array.isArray(edits)).toBe(true);
  });

  it('gives semantic tokens for the header labels, citations, agencies, headings and dates', async () => {
    const { data } = await request<{ data: number[] }>('textDocument/semanticTokens/full', doc);
    expect(data.length % 5).toBe(0);
    // The first token is the label `Cơ quan` at 0:0, of type `label` (0).
    expect(data.slice(0, 5)).toEqual([0, 0, 'Cơ quan'.length, 0, 0]);
  });

  it('answers selection ranges, document links, workspace symbols, outline, folding, inlay hints and code actions', async () => {
    const [selection] = await request<{ range: unknown; parent?: unknown }[]>('textDocument/selectionRange', { ...doc, positions: [at(text, 'Thực hiện Chỉ thị số 24', '24/CT')] });
    expect(selection.parent).toBeDefined();
    const links = await request<{ target: string }[]>('textDocument/documentLink', { textDocument: { uri: uriOf('cang-long.kh') } });
    expect(links.map((l) => l.target)).toContain(uriOf(TRA_VINH));
    const symbols = await request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: 'to chuc thuc hien' });
    expect(new Set(symbols.map((s) => s.location.uri.split('/').at(-1)))).toEqual(
      new Set(['cang-long.kh', TRA_VINH, 'ke-hoach-184-KH-TU-tinh-uy-lai-chau.kh', 'ke-hoach-470-KH-LDLD-lai-chau.kh', 'ke-hoach-mau.kh']),
    );
    expect((await request<unknown[]>('textDocument/documentSymbol', doc)).length).toBeGreaterThan(2);
    expect((await request<unknown[]>('textDocument/foldingRange', doc)).length).toBeGreaterThan(2);
    expect(await request('textDocument/inlayHint', { ...doc, range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } } })).toBeInstanceOf(Array);
    const actions = await request<{ title: string }[]>('textDocument/codeAction', {
      ...doc,
      range: { start: { line: 1, character: 5 }, end: { line: 1, character: 5 } },
      context: { diagnostics: [] },
    });
    expect(actions.length).toBeGreaterThan(0);
  });

  it('reports the plan’s system and date for the status bar, and follows a planDate setting', async () => {
    expect(await request('kehoach/planStatus', { uri: uriOf(TRA_VINH) })).toEqual({
      system: 'state',
      systemSource: expect.any(String),
      date: '2020-11-17',
      dateText: '17/11/2020',
      dateSource: 'plan',
    });
    settings = { ...settings, planDate: '2026-03-15' };
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await expect.poll(() => request<{ date: string }>('kehoach/planStatus', { uri: uriOf(TRA_VINH) }).then((s) => s.date)).toBe('2026-03-15');
  });

  it('checks the whole workspace on request, publishing the diagnostics of plans that are not open', async () => {
    const totals = await request<{ files: number; errors: number; warnings: number }>('kehoach/checkWorkspace', null);
    expect(totals.files).toBe(5);
    expect(totals.warnings).toBeGreaterThan(0);
    expect(
      published
        .get(uriOf('ke-hoach-470-KH-LDLD-lai-chau.kh'))
        ?.at(-1)
        ?.diagnostics.map((d) => d.code),
    ).toContain('heading-numbering');
  });

  it('indexes a plan created on disk when the editor reports the file event', async () => {
    writeFileSync(join(folder, 'moi.kh'), DISTRICT.replace('Số: 12/KH-UBND', 'Số: 99/KH-UBND').replace('# TỔ CHỨC THỰC HIỆN', '# TỔ CHỨC THỰC HIỆN MỚI'));
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('moi.kh'), type: 1 }] });
    const symbols = await request<{ name: string }[]>('workspace/symbol', { query: 'thuc hien moi' });
    expect(symbols.map((s) => s.name)).toEqual(['I. TỔ CHỨC THỰC HIỆN MỚI']);
  });

  it('indexes the plans of a workspace folder added later', async () => {
    const other = mkdtempSync(join(tmpdir(), 'kehoach-lsp-folder-'));
    try {
      writeFileSync(join(other, 'xa.kh'), DISTRICT.replace('Số: 12/KH-UBND', 'Số: 7/KH-UBND').replace('# TỔ CHỨC THỰC HIỆN', '# TỔ CHỨC THỰC HIỆN Ở XÃ'));
      await connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(other).toString(), name: 'xa' }], removed: [] } });
      await expect.poll(() => request<{ name: string }[]>('workspace/symbol', { query: 'thuc hien o xa' }).then((r) => r.map((s) => s.name))).toEqual(['I. TỔ CHỨC THỰC HIỆN Ở XÃ']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('reports what is wrong in kehoach.json as diagnostics of that file', async () => {
    writeFileSync(join(folder, 'kehoach.json'), '{ "rules": { "no-such-rule": "off" } }');
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('kehoach.json'), type: 1 }] });
    const diagnostics = await diagnosticsOf(uriOf('kehoach.json'));
    expect(diagnostics.map((d) => d.code)).toEqual(['config']);
  });

  it('publishes an open plan’s cascade hints again when the parent’s tasks change, linked to the parent’s wording', async () => {
    type Related = { relatedInformation?: { location: { uri: string } }[] };
    const district = uriOf('cang-long.kh'); // open since the test of go to definition
    // The Trà Vinh plan gives tasks to “Ủy ban nhân dân các huyện, thị xã, thành phố” (its heading 10), which the district plan does not take up.
    const hints = (await diagnosticsOf(district, (d) => d.some((x) => x.code === 'cascade-tasks'))).filter((d) => d.code === 'cascade-tasks');
    expect(hints.flatMap((d) => (d as Related).relatedInformation!.map((r) => r.location.uri))).toEqual(hints.map(() => uriOf(TRA_VINH)));
    const from = lines.findIndex((l) => l.startsWith('## 10. Ủy ban nhân dân các huyện'));
    const to = lines.findIndex((l) => l.startsWith('## 11.'));
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uriOf(TRA_VINH), version: 100 },
      contentChanges: [{ range: { start: { line: from, character: 0 }, end: { line: to, character: 0 } }, text: '' }],
    });
    const after = await diagnosticsOf(district, (d) => !d.some((x) => x.code === 'cascade-tasks'));
    expect(after.map((d) => d.code)).not.toContain('cascade-tasks');
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(TRA_VINH), version: 101 }, contentChanges: [{ text }] });
    await diagnosticsOf(district, (d) => d.some((x) => x.code === 'cascade-tasks'));
  });

  it('checks each plan with its nearest kehoach.json, as the CLI does, and reports what is wrong in each', async () => {
    // A stray space in the number: header-number-form, which the subfolder's kehoach.json turns off.
    const plan = (serial: string) => DISTRICT.replace('Số: 12/KH-UBND', `Số: ${serial} /KH-UBND`).replace(/\nThực hiện Kế hoạch số 64[^\n]*\n/, '\n');
    mkdirSync(join(folder, 'rieng'));
    writeFileSync(join(folder, 'rieng', 'kehoach.json'), '{ "rules": { "header-number-form": "off", "khong-co": "off" } }');
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('rieng/kehoach.json'), type: 1 }] });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('goc.kh'), languageId: 'kehoach', version: 1, text: plan('8') } });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('rieng/xa.kh'), languageId: 'kehoach', version: 1, text: plan('9') } });
    expect((await diagnosticsOf(uriOf('goc.kh'))).map((d) => d.code)).toContain('header-number-form');
    const own = await diagnosticsOf(uriOf('rieng/xa.kh'));
    expect(own.length).toBeGreaterThan(0);
    expect(own.map((d) => d.code)).not.toContain('header-number-form');
    // The editor's settings still apply below the nested file (text-spelling off).
    expect(own.map((d) => d.code)).not.toContain('text-spelling');
    expect((await diagnosticsOf(uriOf('rieng/kehoach.json'))).map((d) => d.code)).toEqual(['config']);
    expect((await diagnosticsOf(uriOf('kehoach.json'))).map((d) => d.code)).toEqual(['config']);
  });
});

describe('the nearest kehoach.json (shared by the CLI and the server)', () => {
  it('is the first found going up from the folder, and none above the root given', () => {
    const top = mkdtempSync(join(tmpdir(), 'kehoach-config-'));
    try {
      mkdirSync(join(top, 'a', 'b', 'c'), { recursive: true });
      writeFileSync(join(top, 'kehoach.json'), '{}');
      writeFileSync(join(top, 'a', 'kehoach.json'), '{}');
      expect(nearestConfigFile(join(top, 'a', 'b', 'c'))).toBe(join(top, 'a', 'kehoach.json'));
      expect(nearestConfigFile(join(top, 'a'))).toBe(join(top, 'a', 'kehoach.json'));
      expect(nearestConfigFile(join(top, 'a', 'b', 'c'), join(top, 'a', 'b'))).toBeUndefined();
      expect(nearestConfigFile(join(top, 'a', 'b'), join(top, 'a'))).toBe(join(top, 'a', 'kehoach.json'));
      // The workspace folder a plan lies in bounds the search.
      expect([isInside(join(top, 'a', 'b'), join(top, 'a')), isInside(join(top, 'a'), join(top, 'a')), isInside(join(top, 'ab'), join(top, 'a')), isInside(top, join(top, 'a'))]).toEqual([
        true,
        true,
        false,
        false,
      ]);
    } finally {
      rmSync(top, { recursive: true, force: true });
    }
  });
});
