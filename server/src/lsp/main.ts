import { setFlagsFromString } from 'node:v8';
import { speedUpStart } from '../host/node-start';

// Started by the VS Code client or any editor as `node dist/lsp/server.cjs --stdio`.
// The server is imported after the compile cache is on, so that its code is read from the cache.
speedUpStart();
// V8 optimises without inlining callees: on two busy cores the first keystrokes after a plan opens otherwise wait behind
// large compilations (×10 plan over LSP, 4 runs alternating: keystroke p50 20–47 → 13–17 ms, p95 57–249 → 31–55 ms; quiet,
// 300 keystrokes: p95 42.8 → 33.7 ms). The price: a ×100 plan's steady keystrokes about a tenth slower (84 → 94 ms p50).
// Set before the server's code is loaded; `kehoach lsp` (through the CLI) runs without it.
setFlagsFromString('--no-turbo-inlining');
const { startServer } = await import('./server');
startServer();
