import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { ExportParams, ExportResult, PreviewParams, PreviewResult } from '../server/src/lsp/protocol';
import { startServer, type LspServer } from './helpers/lsp-client';
import { temporaryFolders } from './helpers/temp-folders';

/** The preview and export requests of the bundled server, spoken over stdio as the VS Code client does. */
const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();
let server: LspServer;
let connection: MessageConnection;
let dir: string;
let file: string;
let uri: string;

const TEXT = `Cơ quan: ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Số: 12/KH-UBND
Địa danh: Lai Châu
Ngày: 15/3/2026
Loại: Kế hoạch
Trích yếu: Thực hiện công tác năm 2026
---

# I. MỤC ĐÍCH, YÊU CẦU

- Nâng cao chất lượng <b>giáo dục</b>.

# III. NHIỆM VỤ, GIẢI PHÁP

- Tổ chức thực hiện.
`;

beforeAll(async () => {
  dir = temporaryFolder('preview');
  file = join(dir, 'plan.kh');
  writeFileSync(file, TEXT);
  uri = pathToFileURL(file).href;
  server = await startServer('cli');
  connection = server.connection;
  await server.open(uri, TEXT);
});

afterAll(() => server.stop());

const preview = (params: PreviewParams) => connection.sendRequest<PreviewResult | null>('kehoach/preview', params);
const exportPlan = (params: ExportParams) => connection.sendRequest<ExportResult>('kehoach/export', params);

describe('kehoach/preview', () => {
  it('answers the whole webview document with a nonce policy the first time, then the pages alone', async () => {
    const first = (await preview({ uri, shell: { nonce: 'N0nce', cspSource: 'vscode-webview://x' } }))!;
    expect(first.version).toBe(1);
    expect(first.shell).toContain('script-src &#39;nonce-N0nce&#39;');
    expect(first.shell).toContain('<script nonce="N0nce">');
    const update = (await preview({ uri }))!;
    expect(update.shell).toBeUndefined();
    expect(update.pageCount).toBe(1);
    expect(update.body).toContain('I. MỤC ĐÍCH, YÊU CẦU');
    expect(update.body).toContain('&lt;b&gt;giáo dục&lt;/b&gt;');
  });

  it('marks the heading whose number skips and follows the edits', async () => {
    const marked = (await preview({ uri }))!;
    expect(marked.body).toMatch(/<p class="[^"]*kh-heading[^"]*kh-diag kh-diag-warning" data-line="12" data-end-line="12" title="[^"]*heading-numbering: /);
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 12, character: 2 }, end: { line: 12, character: 6 } }, text: 'II.' }],
    });
    const mended = (await preview({ uri }))!;
    expect(mended.version).toBe(2);
    expect(mended.body).toContain('II. NHIỆM VỤ, GIẢI PHÁP');
    expect(mended.body).not.toContain('heading-numbering');
  });

  it('answers null for a document that is not open', async () => {
    expect(await preview({ uri: 'file:///nowhere.kh' })).toBeNull();
  });
});

describe('kehoach/preview on a long plan', () => {
  // Its speed is measured in the benchmarks (bench/render.bench.ts: preview after an edit, beside markdown-it).
  it('answers each edit of a plan of twenty pages and more with the pages of that version', async () => {
    const traVinh = readFileSync(join(root, 'examples', 'ke-hoach-64-KH-UBND-tra-vinh.kh'), 'utf8');
    const bodyStart = traVinh.indexOf('\n---\n') + 5;
    const closing = traVinh.indexOf('Nơi nhận:');
    const body = traVinh.slice(bodyStart, closing);
    const text = traVinh.slice(0, bodyStart) + body + body + body + traVinh.slice(closing);
    const long = pathToFileURL(join(dir, 'long.kh')).href;
    await server.open(long, text);
    expect((await preview({ uri: long }))!.pageCount).toBeGreaterThanOrEqual(20);
    for (let version = 2; version <= 6; version++) {
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: long, version },
        contentChanges: [{ range: { start: { line: 8, character: 0 }, end: { line: 8, character: 0 } }, text: 'x' }],
      });
      const result = (await preview({ uri: long }))!;
      expect(result.version).toBe(version);
      expect(result.body).toContain('x'.repeat(version - 1));
    }
  });
});

describe('kehoach/export', () => {
  it('writes each format beside the source and never over it', async () => {
    for (const format of ['html', 'docx', 'pdf'] as const) {
      const result = await exportPlan({ uri, format });
      expect(result).toEqual({ path: join(dir, `plan.${format}`) });
      expect(existsSync(join(dir, `plan.${format}`))).toBe(true);
    }
    expect(readFileSync(file, 'utf8')).toBe(TEXT);
  });

  it('refuses a document that is not open or not a file', async () => {
    expect(await exportPlan({ uri: 'file:///nowhere.kh', format: 'pdf' })).toEqual({ error: expect.stringContaining('The document is not open') });
    await server.open('untitled:Untitled-1', TEXT);
    expect(await exportPlan({ uri: 'untitled:Untitled-1', format: 'pdf' })).toEqual({ error: expect.stringContaining('Only a plan saved as a file') });
  });
});
