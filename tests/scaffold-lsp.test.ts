import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { ImportPlanResult, NewPlanParams, NewPlanResult, ReviewFileResult } from '../server/src/lsp/protocol';
import { startServer, type LspServer } from './helpers/lsp-client';
import { temporaryFolders } from './helpers/temp-folders';

/** `kehoach/newPlan` and `kehoach/import`, asked of the bundled server over stdio as the VS Code commands ask them. */
const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();
let folder: string;
let server: LspServer;
let connection: MessageConnection;

beforeAll(async () => {
  folder = temporaryFolder('lsp-new');
  copyFileSync(join(__dirname, 'fixtures', 'checks', 'cascade-parents', 'ke-hoach-901-KH-UBND.kh'), join(folder, 'cap-tren.kh'));
  copyFileSync(join(root, 'tests', 'fixtures', 'originals', 'ke-hoach-470-KH-LDLD-lai-chau.txt'), join(folder, 'ldld.txt'));
  server = await startServer('cli', { workspace: { folder, name: 'plans' } });
  connection = server.connection;
});

afterAll(() => server.stop());

describe('the server’s requests for new and imported plans', () => {
  it('kehoach/newPlan writes the skeleton with the tasks a workspace parent gives the issuer’s level', async () => {
    const params: NewPlanParams = { implements: 'Kế hoạch số 901/KH-UBND', issuer: 'Ủy ban nhân dân huyện Tam Đường', date: '2025-03-01' };
    const result = await connection.sendRequest<NewPlanResult>('kehoach/newPlan', params);
    expect(result.tasks).toBe(2);
    expect(result.notes).toEqual([]);
    expect(result.text).toContain('Số: /KH-UBND');
    expect(result.text).toContain('Thành lập tổ công tác kết nối giáo dục nghề nghiệp với doanh nghiệp.');
  });

  it('kehoach/import reads a file into a plan and its report; a non-file URI is refused', async () => {
    const result = await connection.sendRequest<ImportPlanResult>('kehoach/import', { uri: pathToFileURL(join(folder, 'ldld.txt')).toString() });
    expect('text' in result && result.text).toContain('Cơ quan: LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU');
    expect('report' in result && result.report).toMatch(/\(100\.0%\)/);
    const refused = await connection.sendRequest<ImportPlanResult>('kehoach/import', { uri: 'untitled:Untitled-1' });
    expect('error' in refused && refused.error).toMatch(/^Chỉ nhập được tệp/);
  });
});

describe('kehoach/review, as the command Rà soát tệp Word asks it', () => {
  it('writes the reviewed copy beside the draft and gives the imported plan, which the server checks as a file of the draft’s folder', async () => {
    const reviewFolder = temporaryFolder('lsp-review');
    copyFileSync(join(__dirname, 'fixtures', 'review', 'pandoc-470.docx'), join(reviewFolder, 'du-thao.docx'));
    const published = new Map<string, { code?: unknown }[]>();
    const reviewServer = await startServer('cli', {
      workspace: { folder: reviewFolder, name: 'drafts' },
      handlers: (c) => c.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: { code?: unknown }[] }) => void published.set(p.uri, p.diagnostics)),
    });
    try {
      const result = await reviewServer.connection.sendRequest<ReviewFileResult>('kehoach/review', { uri: pathToFileURL(join(reviewFolder, 'du-thao.docx')).toString() });
      expect('output' in result && result.output).toBe(join(reviewFolder, 'du-thao.ra-soat.docx'));
      expect(existsSync(join(reviewFolder, 'du-thao.ra-soat.docx'))).toBe(true);
      if (!('planText' in result)) throw new Error('no plan');
      expect(result.summary).toMatch(/6 nhận xét/);
      const uri = `kehoach-review:${join(reviewFolder, 'du-thao.docx')}.kh`;
      await reviewServer.open(uri, result.planText);
      await vi.waitUntil(() => published.get(uri)?.length, { timeout: 20_000 });
      expect(published.get(uri)!.map((d) => d.code)).toContain('heading-numbering');
      const refused = await reviewServer.connection.sendRequest<ReviewFileResult>('kehoach/review', { uri: pathToFileURL(join(reviewFolder, 'missing.docx')).toString() });
      expect('error' in refused).toBe(true);
    } finally {
      await reviewServer.stop();
    }
  }, 60_000);
});
