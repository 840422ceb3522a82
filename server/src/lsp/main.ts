import { startServer } from './server';

// Started by the VS Code client or any editor as `node dist/lsp/server.cjs --stdio`.
startServer();
