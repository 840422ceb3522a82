import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import { startServer, type LspServer } from './helpers/lsp-client';
import { LAI_CHAU_HEADER } from './helpers/plans';

/** Speaks LSP to the bundled server over stdio, started as `kehoach lsp --stdio`, as an editor does. */
let server: LspServer;
let connection: MessageConnection;
const published: { uri: string; version?: number; diagnostics: { code: string; range: { start: { line: number; character: number } }; severity: number }[] }[] = [];

const uri = 'file:///tmp/ke-hoach.kh';
const TEXT = `${LAI_CHAU_HEADER}Căn cứ Luật số 74/2014/QH13 ngày 27/11/2014 của Quốc hội.

# I. MỤC ĐÍCH, YÊU CẦU

- Nâng cao chất lượng.

# III. NHIỆM VỤ, GIẢI PHÁP

- Bộ Lao động - Thương binh và Xã hội hướng dẫn.
`;

function nextDiagnostics(version: number) {
  return new Promise<(typeof published)[number]>((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const hit = published.find((p) => p.uri === uri && p.version === version);
      if (hit) resolve(hit);
      else if (Date.now() - started > 10_000) reject(new Error(`no diagnostics for version ${version}`));
      else setTimeout(poll, 10);
    };
    poll();
  });
}

beforeAll(async () => {
  server = await startServer('cli', {
    handlers: (c) =>
      c.onNotification('textDocument/publishDiagnostics', (p) => {
        published.push(p);
      }),
  });
  connection = server.connection;
  expect(server.initialized.capabilities.hoverProvider).toBe(true);
  await server.open(uri, TEXT);
});

afterAll(() => server.stop());

describe('the language server over stdio', () => {
  it('publishes the checks’ diagnostics for an opened plan', async () => {
    const { diagnostics } = await nextDiagnostics(1);
    const codes = diagnostics.map((d) => `${d.range.start.line}:${d.code}`);
    expect(codes).toContain('8:citation-validity');
    expect(codes).toContain('14:heading-numbering');
    expect(codes).toContain('16:agency-validity');
  });

  it('follows incremental edits: renumbering the heading clears its diagnostic', async () => {
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 14, character: 2 }, end: { line: 14, character: 6 } }, text: 'II.' }],
    });
    const { diagnostics } = await nextDiagnostics(2);
    expect(diagnostics.map((d) => d.code)).not.toContain('heading-numbering');
  });

  it('answers hover on a citation with its registry entry and status on the plan’s date', async () => {
    const result = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 20 } })) as { contents: { value: string } };
    expect(result.contents.value).toContain('Luật số 74/2014/QH13');
    expect(result.contents.value).toContain('đã bị thay thế; thay bằng 124/2025/QH15');
  });

  it('gives the outline with computed numbers', async () => {
    const symbols = (await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string }[];
    expect(symbols.map((s) => s.name)).toEqual(['Thực hiện Chỉ thị số 21-CT/TW ngày 04/5/2023 của Ban Bí thư', 'I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ, GIẢI PHÁP']);
  });

  it('offers the checks’ fixes and a suppression as code actions', async () => {
    const actions = (await connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 16, character: 3 }, end: { line: 16, character: 3 } },
      context: { diagnostics: [] },
    })) as { title: string }[];
    expect(actions.map((a) => a.title)).toContain('Thay bằng Bộ Giáo dục và Đào tạo / Replace with Bộ Giáo dục và Đào tạo');
    expect(actions.some((a) => a.title.startsWith('Bỏ qua agency-validity'))).toBe(true);
  });

  it('returns empty answers for a document that is not open', async () => {
    const symbols = await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///nope.kh' } });
    expect(symbols).toEqual([]);
  });
});
