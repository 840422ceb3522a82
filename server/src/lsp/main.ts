import { enableCompileCache } from '../host/compile-cache';

// Started by the VS Code client or any editor as `node dist/lsp/server.cjs --stdio`.
// The server is imported after the compile cache is on, so that its code is read from the cache.
enableCompileCache();
const { startServer } = await import('./server');
startServer();
