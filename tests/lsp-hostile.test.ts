/**
 * The bundled language server facing a hostile client or workspace: malformed
 * frames, wrong parameters to kehoach's own requests, a client that stops
 * reading, files it must not read (out of the workspace, pipes, devices), a
 * broken kehoach.json. It answers, bounds its memory, and says what it did.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseError, StreamMessageReader } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type LspServer } from './helpers/lsp-client';
import { temporaryFolders } from './helpers/temp-folders';

const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();
const plan = readFileSync(join(root, 'examples', 'ke-hoach-64-KH-UBND-tra-vinh.kh'), 'utf8');
const servers: LspServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.child.kill();
    await s.exited;
  }
});

/** Starts the bundle on a workspace folder, gathering what it publishes. */
async function serve(folder?: string) {
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiters: { check: () => boolean; resolve: () => void }[] = [];
  const server = await startServer('bundle', {
    workspace: folder ? { folder, name: 'ws' } : undefined,
    handlers: (connection) =>
      connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        published.set(params.uri, params);
        for (const w of waiters.splice(0))
          if (w.check()) w.resolve();
          else waiters.push(w);
      }),
  });
  servers.push(server);
  /** Resolves once what was published satisfies `check` (a state, not a time). */
  const until = (check: () => boolean) => new Promise<void>((resolve) => (check() ? resolve() : waiters.push({ check, resolve })));
  return { server, published, until };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as ResponseError<unknown>,
  );

describe('the language server’s own requests', () => {
  it('refuses wrong parameters of each with InvalidParams naming the field, and keeps serving', async () => {
    const { server } = await serve();
    const cases: [string, unknown, string][] = [
      ['kehoach/registryEntry', { uri: 5 }, 'uri'],
      ['kehoach/planStatus', null, 'uri'],
      ['kehoach/newPlan', { implements: '', issuer: 'Sở Y tế' }, 'implements'],
      ['kehoach/newPlan', { implements: 'Chỉ thị số 21-CT/TW', issuer: 'Sở Y tế', date: '15/3/2026' }, 'date'],
      ['kehoach/import', { uri: ['file:///etc/passwd'] }, 'uri'],
      ['kehoach/preview', { uri: 'file:///a.kh', shell: { nonce: '"><script>', cspSource: 'x' } }, 'shell'],
      ['kehoach/export', { uri: 'file:///a.kh', format: 'exe' }, 'format'],
      ['kehoach/review', { uri: 42 }, 'uri'],
      ['kehoach/review', { uri: 'file:///a.docx', suggest: 'yes' }, 'suggest'],
    ];
    for (const [method, params, field] of cases) {
      const error = await failure(server.connection.sendRequest(method, params));
      expect(error?.code, method).toBe(-32602);
      expect(error?.message).toContain(`Tham số không hợp lệ của ${method}: ${field}`);
    }
    const plan = await server.connection.sendRequest<{ text: string }>('kehoach/newPlan', { implements: 'Chỉ thị số 21-CT/TW', issuer: 'Sở Y tế tỉnh Lai Châu', date: '2026-03-15' });
    expect(plan.text).toContain('Cơ quan:');
  });

  it('reads for kehoach/import only a file inside the workspace folders; another comes as bytes from the client', async () => {
    const folder = temporaryFolder('lsp-ws');
    const outside = temporaryFolder('lsp-outside');
    writeFileSync(join(folder, 'nguon.txt'), 'Số: 3/KH-UBND\n\nI. MỤC ĐÍCH\n- Nâng cao nhận thức.\n');
    writeFileSync(join(outside, 'bi-mat.txt'), 'Số: 99/KH-BÍ MẬT\n');
    symlinkSync(join(outside, 'bi-mat.txt'), join(folder, 'link.txt'));
    const { server } = await serve(folder);
    const ask = (params: object) => server.connection.sendRequest<{ text?: string; error?: string }>('kehoach/import', params);
    expect((await ask({ uri: pathToFileURL(join(folder, 'nguon.txt')).toString() })).text).toContain('Số: 3/KH-UBND');
    for (const file of [join(outside, 'bi-mat.txt'), join(folder, 'link.txt'), '/etc/passwd']) {
      const refused = await ask({ uri: pathToFileURL(file).toString() });
      expect(refused.error, file).toContain('The server reads only files inside the workspace folders');
      expect(JSON.stringify(refused)).not.toContain('BÍ MẬT');
    }
    const sent = await ask({ uri: pathToFileURL(join(outside, 'bi-mat.txt')).toString(), content: readFileSync(join(outside, 'bi-mat.txt')).toString('base64') });
    expect(sent.text).toContain('99/KH-BÍ');
  });
  it('reviews for kehoach/review only a file inside the workspace folders, beside it; another comes as bytes and goes back as bytes, nothing written', async () => {
    const folder = temporaryFolder('lsp-ws');
    const outside = temporaryFolder('lsp-outside');
    const docx = readFileSync(join(root, 'tests', 'fixtures', 'review', 'pandoc-470.docx'));
    writeFileSync(join(outside, 'du-thao.docx'), docx);
    symlinkSync(join(outside, 'du-thao.docx'), join(folder, 'link.docx'));
    writeFileSync(join(folder, 'du-thao.docx'), docx);
    writeFileSync(join(folder, 'du-thao.ra-soat.docx'), 'not ours');
    const { server } = await serve(folder);
    const ask = (params: object) => server.connection.sendRequest<{ output?: string; reviewed?: string; name?: string; summary?: string; error?: string }>('kehoach/review', params);
    for (const file of [join(outside, 'du-thao.docx'), join(folder, 'link.docx')]) {
      const refused = await ask({ uri: pathToFileURL(file).toString() });
      expect(refused.error, file).toContain('The server reads only files inside the workspace folders');
    }
    const sent = await ask({ uri: pathToFileURL(join(outside, 'du-thao.docx')).toString(), content: docx.toString('base64') });
    expect(sent.name).toBe('du-thao.ra-soat.docx');
    expect(Buffer.from(sent.reviewed!, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(sent.summary).toMatch(/^kehoach: 6 nhận xét .* \/ 6 comments/);
    expect(readdirSync(outside)).toEqual(['du-thao.docx']);
    // Inside the workspace the server writes the copy, under a name no file holds.
    const written = await ask({ uri: pathToFileURL(join(folder, 'du-thao.docx')).toString() });
    expect(written.output).toBe(join(folder, 'du-thao.ra-soat-2.docx'));
    expect(readFileSync(join(folder, 'du-thao.ra-soat.docx'), 'utf8')).toBe('not ours');
  });
});

describe('the language server’s transport', () => {
  it('keeps answering after frames with a malformed header', async () => {
    const { server } = await serve();
    const body = JSON.stringify({ jsonrpc: '2.0', id: 900, method: 'kehoach/planStatus', params: { uri: 'file:///x.kh' } });
    server.child.stdin.write(`Content-Length: abc\r\n\r\n${body}`);
    server.child.stdin.write(`Content-Type: application/json\r\n\r\n${body}`);
    server.child.stdin.write(`Content-Length: 99999999999999999\r\n\r\n`);
    server.child.stdin.write(`${'x'.repeat(20_000)}\r\n\r\n`);
    expect(await server.connection.sendRequest('kehoach/planStatus', { uri: 'file:///x.kh' })).toBeNull();
    await server.open('file:///x.kh', plan);
    expect(await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///x.kh' } })).not.toEqual([]);
  });

  it('stops reading requests while a client leaves its answers unread, and answers them all once it reads again', async () => {
    const child = spawn(process.execPath, [join(root, 'dist', 'lsp', 'server.cjs'), '--stdio'], { cwd: root });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      // What the server says on stderr, kept whole; `said` resolves once it holds a text (a state, not a time).
      let stderr = '';
      const waiting: (() => void)[] = [];
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        for (const check of waiting.splice(0)) check();
      });
      const said = (text: string) =>
        new Promise<void>((resolve) => {
          const check = () => (stderr.includes(text) ? resolve() : waiting.push(check));
          check();
        });
      const send = (message: object) => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
        child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
      };
      // The client never reads what the server writes, until told below.
      child.stdout.pause();
      // The client asks the server to wait at 256 KB unread rather than 16 MB: fewer requests fill it.
      send({ id: 0, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, initializationOptions: { outputBacklogBytes: 256 * 1024 } } });
      send({ method: 'initialized', params: {} });
      const uri = 'file:///flood/plan.kh';
      send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'kehoach', version: 1, text: plan } } });
      // Answers of about 5 KB each, 5 MB in all; requests of 1 KB (padded), more than the pipe and the server's input hold.
      const requests = 1000;
      for (let id = 1; id <= requests; id++) send({ id, method: 'textDocument/documentSymbol', params: { textDocument: { uri }, padding: '.'.repeat(1000) } });
      await said('the client is not reading');
      // Requests are left unread in the pipe and in this process, not answered into the server's memory.
      expect(child.stdin.writableLength).toBeGreaterThan(0);
      const rss = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) * 1024;
      expect(rss()).toBeLessThan(400 * 1024 * 1024);
      // The client reads again: every request is answered.
      const answered = new Set<number>();
      const reader = new StreamMessageReader(child.stdout);
      const all = new Promise<void>((resolve) =>
        reader.listen((message) => {
          const id = (message as { id?: number }).id;
          if (typeof id === 'number') answered.add(id);
          if (answered.size === requests + 1) resolve();
        }),
      );
      child.stdout.resume();
      await all;
      await said('the client reads again');
      expect(rss()).toBeLessThan(400 * 1024 * 1024);
    } finally {
      child.kill();
      await exited;
    }
  }, 120_000);
});

describe('the language server in a hostile workspace', () => {
  it('passes over a pipe, a link to a device and a link out of the workspace with a finding on each, and checks the rest', async () => {
    const folder = temporaryFolder('lsp-ws');
    const outside = temporaryFolder('lsp-outside');
    writeFileSync(join(folder, 'plan.kh'), plan);
    expect(spawnSync('mkfifo', [join(folder, 'pipe.kh')]).status).toBe(0);
    symlinkSync('/dev/zero', join(folder, 'zero.kh'));
    writeFileSync(join(outside, 'secret.kh'), 'Số: 99/KH-BÍ MẬT\n');
    symlinkSync(join(outside, 'secret.kh'), join(folder, 'out.kh'));
    const { server, published, until } = await serve(folder);
    const uri = (name: string) => pathToFileURL(join(folder, name)).toString();
    await until(() => ['pipe.kh', 'zero.kh', 'out.kh'].every((name) => published.has(uri(name))));
    expect(published.get(uri('pipe.kh'))!.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['file', 'Bỏ qua, không phải tệp thường mà là ống có tên (FIFO) / Skipped, not a regular file but a named pipe (FIFO)'],
    ]);
    expect(published.get(uri('zero.kh'))!.diagnostics[0].message).toContain('Skipped, not a regular file but a device');
    expect(published.get(uri('out.kh'))!.diagnostics[0].message).toContain('Skipped, a link leading out of the folder being checked');
    const totals = await server.connection.sendRequest<{ files: number }>('kehoach/checkWorkspace', null);
    expect(totals.files).toBe(1);
    expect(JSON.stringify([...published.values()])).not.toContain('BÍ MẬT');
  });

  it('publishes what is wrong in a registry file on its entries and still applies kehoach.json', async () => {
    const folder = temporaryFolder('lsp-ws');
    writeFileSync(join(folder, 'kehoach.json'), JSON.stringify({ registry: ['tinh.json'], rules: { 'closing-mark': 'off' } }));
    writeFileSync(
      join(folder, 'tinh.json'),
      `{\n  "documents": [null],\n  "agencies": [{ "id": "so-x", "name": "Sở X", "aliases": 5, "level": "province", "system": "state", "confidence": "verified" }]\n}\n`,
    );
    mkdirSync(join(folder, 'con'));
    mkdirSync(join(folder, 'con', 'kehoach.json'));
    const { server, published, until } = await serve(folder);
    const registry = pathToFileURL(join(folder, 'tinh.json')).toString();
    const planUri = pathToFileURL(join(folder, 'plan.kh')).toString();
    const nested = pathToFileURL(join(folder, 'con', 'kehoach.json')).toString();
    writeFileSync(join(folder, 'con', 'plan.kh'), plan);
    await server.open(planUri, plan);
    await server.open(pathToFileURL(join(folder, 'con', 'plan.kh')).toString(), plan);
    await until(() => published.has(registry) && published.has(planUri) && published.has(nested));
    expect(published.get(registry)!.diagnostics.map((d) => [d.range.start, (d.message as string).split(' / ')[1]])).toEqual([
      [{ line: 1, character: 16 }, 'Document 1 must be an object { … }; left out'],
      [{ line: 2, character: 58 }, 'Agency so-x: field aliases must be a list of strings; left out'],
    ]);
    // The rule turned off in kehoach.json stays off: the configuration was not dropped.
    expect(published.get(planUri)!.diagnostics.map((d) => d.code)).not.toContain('closing-mark');
    expect(published.get(nested)!.diagnostics[0].message).toContain('kehoach.json cannot be read (not a regular file but a folder); the default settings apply');
  });
});
