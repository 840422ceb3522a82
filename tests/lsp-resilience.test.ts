/**
 * The bundled language server (`dist/lsp/server.cjs`, stdio) when the client
 * misbehaves: requests about documents it never opened, malformed JSON-RPC,
 * cancelled requests, and a client that goes away. The server answers (with
 * an LSP error where one is due), logs, and keeps serving; without a client
 * it exits instead of spinning.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessageConnection, ResponseError, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const root = join(__dirname, '..');
const serverPath = join(root, 'dist', 'lsp', 'server.cjs');
const plan = readFileSync(join(root, 'examples', 'ke-hoach-64-KH-UBND-tra-vinh.kh'), 'utf8');
const uri = 'file:///resilience/plan.kh';

interface Session {
  child: ChildProcessWithoutNullStreams;
  connection: MessageConnection;
  exited: Promise<number | null>;
}
const sessions: Session[] = [];

async function start(): Promise<Session> {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { cwd: root });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const session = { child, connection, exited };
  sessions.push(session);
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  await connection.sendNotification('initialized', {});
  return session;
}

/** Still serving: it answers a hover on an open plan. */
async function answers(s: Session): Promise<void> {
  await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'kehoach', version: 1, text: plan } });
  const symbols = await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  expect(Array.isArray(symbols) && symbols.length > 0).toBe(true);
}

afterEach(async () => {
  for (const s of sessions.splice(0)) {
    s.connection.dispose();
    s.child.kill();
    await s.exited;
  }
});

describe('the language server under a misbehaving client', () => {
  it('answers requests about a document that is not open with empty results, and keeps serving', async () => {
    const s = await start();
    const missing = { textDocument: { uri: 'file:///never/opened.kh' } };
    expect(await s.connection.sendRequest('textDocument/hover', { ...missing, position: { line: 0, character: 0 } })).toBeNull();
    expect(await s.connection.sendRequest('textDocument/completion', { ...missing, position: { line: 0, character: 0 } })).toEqual([]);
    expect(await s.connection.sendRequest('textDocument/documentSymbol', missing)).toEqual([]);
    expect(await s.connection.sendRequest('textDocument/formatting', { ...missing, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    await answers(s);
  });

  it('answers malformed requests with JSON-RPC errors, survives a frame that is not JSON, and keeps serving', async () => {
    const s = await start();
    const error = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (e: unknown) => e as ResponseError<unknown>,
      );
    // An unknown method: MethodNotFound.
    expect((await error(s.connection.sendRequest('kehoach/noSuchMethod', {})))?.code).toBe(-32601);
    // No document named: the client gets an error, not silence.
    const bad = await error(s.connection.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } }));
    expect(bad).toBeInstanceOf(ResponseError);
    // A document named by something that is no URI is a document that is not open.
    expect(await s.connection.sendRequest('textDocument/hover', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } })).toBeNull();
    // A frame whose body is not JSON at all, written straight to the server's input.
    const body = '{"jsonrpc":"2.0","id":7,"method":';
    s.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await answers(s);
    expect(s.child.exitCode).toBeNull();
  });

  it('answers a request cancelled before it ran with RequestCancelled, and the requests after it', async () => {
    const s = await start();
    const big = Array.from({ length: 30 }, () => plan).join('\n');
    await s.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///resilience/big.kh', languageId: 'kehoach', version: 1, text: big } });
    // The first request keeps the server busy parsing; the second waits behind it and is cancelled.
    const source = new (await import('vscode-jsonrpc/node')).CancellationTokenSource();
    const first = s.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: 'file:///resilience/big.kh' } });
    // The outcome is read at once, so that the rejection is handled while the first request runs.
    const second = s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: 'file:///resilience/big.kh' } }, source.token).then(
      (result) => ({ result }),
      (e: ResponseError<unknown>) => ({ code: e.code }),
    );
    source.cancel();
    expect(Array.isArray(await first)).toBe(true);
    // It had not started: LSP's RequestCancelled (-32800), at once.
    expect(await second).toEqual({ code: -32800 });
    await answers(s);
  });

  it('exits when the client goes away without shutdown, rather than spinning', async () => {
    const s = await start();
    await answers(s);
    s.child.stdin.end();
    const code = await Promise.race([s.exited, new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 10_000))]);
    expect(code).not.toBe('still running');
  });

  it('exits after shutdown and exit, with code 0', async () => {
    const s = await start();
    await s.connection.sendRequest('shutdown');
    await s.connection.sendNotification('exit');
    expect(await s.exited).toBe(0);
  });
});
