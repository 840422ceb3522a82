/**
 * Node 22.1 and later keep what they compiled of our bundles in a cache under
 * the temporary folder (host/node-start.ts), for the CLI and the language
 * server alike; Node 20 has no such cache and runs as before. The child's
 * temporary folder is one of the test's, so the cache it writes is seen there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryFolders } from './helpers/temp-folders';

const root = join(__dirname, '..');
const temporaryFolder = temporaryFolders();
const nodeHasCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

/** Runs a bundle with `tmp` as the temporary folder and no cache setting of its own; the files of the compile cache it left there. */
function cacheAfter(args: string[], input?: string): string[] {
  const tmp = temporaryFolder('compile-cache');
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  const run = spawnSync(process.execPath, args, { cwd: root, env, input, encoding: 'utf8' });
  expect(run.error).toBeUndefined();
  const cache = join(tmp, 'node-compile-cache');
  return existsSync(cache) ? readdirSync(cache, { recursive: true }).map(String) : [];
}

describe('compile cache', () => {
  it(nodeHasCache ? 'is written by kehoach check' : 'is not written on a Node without one (kehoach check)', () => {
    const files = cacheAfter([join(root, 'bin', 'kehoach.js'), 'check', join(root, 'examples', 'ke-hoach-mau.kh')]);
    if (nodeHasCache) expect(files.length).toBeGreaterThan(0);
    else expect(files).toEqual([]);
  });

  it(nodeHasCache ? 'is written by the language server' : 'is not written on a Node without one (language server)', () => {
    const exit = JSON.stringify({ jsonrpc: '2.0', method: 'exit' });
    const files = cacheAfter([join(root, 'dist', 'lsp', 'server.cjs'), '--stdio'], `Content-Length: ${Buffer.byteLength(exit)}\r\n\r\n${exit}`);
    if (nodeHasCache) expect(files.length).toBeGreaterThan(0);
    else expect(files).toEqual([]);
  });
});
